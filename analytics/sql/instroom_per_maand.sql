-- Instroom per month of startdatum within the period, split by one dimension ($dimensie; '' = none).
WITH t AS (
    SELECT * FROM trajecten_in_selectie($regio, $gemeenten, $organisaties, $sectoren, $doelgroepen, $stromen, $routes)
    WHERE startdatum BETWEEN $van AND $tot
)
SELECT
    CAST(date_trunc('month', startdatum) AS DATE) AS maand,
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
ORDER BY maand, groep;
