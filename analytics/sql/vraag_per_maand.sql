-- Vraag (metrics.md): the sum of `aantal` per month, per sector ($per = 'sector') or per (sector, beroep)
-- ($per = 'beroep'), from $eerste_maand up to and including $laatste_maand (first days of months). Every
-- group with vraag in that range gets a row for every month, 0 when it had none, so an empty month shows.
WITH maanden AS (
    SELECT CAST(range AS DATE) AS maand
    FROM range(CAST($eerste_maand AS TIMESTAMP), CAST($laatste_maand AS TIMESTAMP) + INTERVAL 1 MONTH, INTERVAL 1 MONTH)
),
per_maand AS (
    SELECT sector, CASE WHEN $per = 'beroep' THEN beroep END AS beroep, maand, sum(aantal) AS aantal
    FROM vraag_in_selectie($regio, $gemeenten, $sectoren)
    WHERE maand BETWEEN $eerste_maand AND $laatste_maand
    GROUP BY ALL
),
groepen AS (SELECT DISTINCT sector, beroep FROM per_maand)
SELECT g.sector, g.beroep, m.maand, coalesce(p.aantal, 0) AS aantal
FROM groepen g
CROSS JOIN maanden m
LEFT JOIN per_maand p ON p.sector = g.sector AND p.beroep IS NOT DISTINCT FROM g.beroep AND p.maand = m.maand
ORDER BY g.sector, g.beroep, m.maand;
