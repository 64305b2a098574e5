-- Van instroom naar werk (metrics.md: Instroom, Uitval, Uitstroom naar werk, Werk na praktijkverklaring): per start
-- cohort (the year of the startdatum) and per group of the chosen split ($per = 'stroom' | 'doelgroep' | 'sector' |
-- 'route' | 'geen'), where the trajecten that started in the period stand now. Every traject lands in exactly one
-- of lopend, uitval, voortijdig_werk (uitgevallen for paid work: uitstroom naar werk, not uitval), praktijkverklaring
-- (status afgerond); those with a praktijkverklaring split further by their uitstroom code (data/reference/codes.csv:
-- uitstroom). Rows: (cohort, groep), then per groep over all cohorts (cohort NULL), then the whole selection
-- (cohort and groep NULL, is_totaal).
WITH t AS (
    SELECT
        CAST(date_trunc('year', startdatum) AS DATE) AS cohort,
        CASE $per
            WHEN 'stroom' THEN coalesce(stroom, 'onbekend')
            WHEN 'doelgroep' THEN doelgroep
            WHEN 'sector' THEN sector
            WHEN 'route' THEN route
            ELSE 'totaal'
        END AS groep,
        status, reden_uitval, uitstroom
    FROM trajecten_gekozen($regio, $gemeenten, $organisaties, $sectoren, $doelgroepen, $stromen, $routes)
    WHERE startdatum BETWEEN $van AND $tot
)
SELECT
    cohort,
    groep,
    grouping(groep) = 1 AS is_totaal,
    count(*) AS instroom,
    count(*) FILTER (WHERE status = 'lopend') AS lopend,
    count(*) FILTER (WHERE is_uitval(status, reden_uitval)) AS uitval,
    count(*) FILTER (WHERE status = 'uitgevallen' AND reden_uitval = 'werk') AS voortijdig_werk,
    count(*) FILTER (WHERE status = 'afgerond') AS praktijkverklaring,
    count(*) FILTER (WHERE status = 'afgerond' AND uitstroom = 'betaald_werk') AS pv_betaald_werk,
    count(*) FILTER (WHERE status = 'afgerond' AND uitstroom = 'werk_sw') AS pv_werk_sw,
    count(*) FILTER (WHERE status = 'afgerond' AND uitstroom = 'vervolgopleiding') AS pv_vervolgopleiding,
    count(*) FILTER (
        WHERE status = 'afgerond' AND coalesce(uitstroom, '') NOT IN ('betaald_werk', 'werk_sw', 'vervolgopleiding')
    ) AS pv_geen_of_onbekend
FROM t
GROUP BY GROUPING SETS ((cohort, groep), (groep), ())
ORDER BY is_totaal, groep, cohort NULLS LAST;
