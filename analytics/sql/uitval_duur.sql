-- Tijd tot uitval (Kaplan-Meier input): per traject that started in the period, its group ($dimensie: sector,
-- doelgroep, stroom, route, organisatie, werkgever, or '' for one group 'totaal'), the months from the
-- startdatum until uitval (gebeurtenis) or until it was last seen without uitval (censored): the einddatum of
-- an afgerond traject or of an early exit to paid work, the peildatum of its export for a lopend traject.
-- Split by werkgever, only trajecten at a werkgever (route extern) count. Months are days / 30.4375.
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
  AND ($dimensie <> 'werkgever' OR werkgever IS NOT NULL);
