-- instroom_per_periode.sql as it was before issue 17's last step (one count(DISTINCT) over every traject), for
-- tests/test_schaal.py: the question now gives exactly these rows.
-- Instroom (and unieke kandidaten) per month or year of startdatum ($periode = 'maand' | 'jaar'),
-- split by one dimension ($dimensie: gemeente, doelgroep, stroom, sector, route, organisatie, or
-- '' for the total).
WITH t AS (
    SELECT * FROM trajecten_in_selectie($regio, $gemeenten, $organisaties, $sectoren, $doelgroepen, $stromen, $routes)
    WHERE startdatum BETWEEN $van AND $tot
)
SELECT
    CAST(date_trunc(CASE $periode WHEN 'jaar' THEN 'year' ELSE 'month' END, startdatum) AS DATE) AS periode,
    CASE $dimensie
        WHEN 'gemeente' THEN gemeente
        WHEN 'doelgroep' THEN doelgroep
        WHEN 'stroom' THEN coalesce(stroom, 'onbekend')
        WHEN 'sector' THEN sector
        WHEN 'route' THEN route
        WHEN 'organisatie' THEN organisatie
        ELSE 'totaal'
    END AS groep,
    count(*) AS instroom,
    count(DISTINCT (organisatie, kandidaat_hash)) AS unieke_kandidaten
FROM t
GROUP BY ALL
ORDER BY periode, groep;
