-- Tijd tot uitval, counted: the rows of uitval_duur.sql (same groep, maanden and gebeurtenis, same definitions)
-- per distinct (groep, maanden, gebeurtenis) with their number of trajecten. The Kaplan-Meier estimate needs only
-- these counts; at national scale the per-traject rows were a million rows pulled into pandas (issue 17).
SELECT groep, maanden, gebeurtenis, count(*) AS aantal
FROM (
    SELECT
        CASE $dimensie
            WHEN 'sector' THEN sector
            WHEN 'doelgroep' THEN doelgroep
            WHEN 'stroom' THEN coalesce(stroom, 'onbekend')
            WHEN 'route' THEN route
            WHEN 'organisatie' THEN organisatie
            WHEN 'werkgever' THEN werkgever
            ELSE 'totaal'
        END AS groep,
        greatest(
            date_diff('day', startdatum, CASE WHEN status = 'lopend' THEN peildatum ELSE coalesce(einddatum, peildatum) END),
            0
        ) / 30.4375 AS maanden,
        is_uitval(status, reden_uitval) AS gebeurtenis
    FROM trajecten_in_selectie($regio, $gemeenten, $organisaties, $sectoren, $doelgroepen, $stromen, $routes)
    WHERE startdatum BETWEEN $van AND $tot
      AND ($dimensie <> 'werkgever' OR werkgever IS NOT NULL)
)
GROUP BY ALL
ORDER BY groep, maanden, gebeurtenis;
