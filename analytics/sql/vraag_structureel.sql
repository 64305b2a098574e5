-- Structurele vraag (metrics.md; the rule is the macros vraag_laatste_12 and is_structureel in
-- selectie.sql): the (sector, beroep) groups ($per = 'beroep') or werkgevers ($per = 'werkgever') with
-- vraag in at least $k of the 12 months up to and including $laatste_maand, with their average places
-- per month, their 12 monthly numbers (0 for a month without vraag), the trend (the last 6 months
-- against the 6 before) and the sectors they asked for.
WITH groep AS (
    SELECT * FROM vraag_laatste_12($regio, $gemeenten, $sectoren, $laatste_maand, $per)
    WHERE is_structureel(maanden_met_vraag, $k)
),
venster AS (
    SELECT * FROM vraag_in_selectie($regio, $gemeenten, $sectoren)
    WHERE maand BETWEEN CAST($laatste_maand - INTERVAL 11 MONTH AS DATE) AND $laatste_maand
),
per_maand AS (
    SELECT
        CASE WHEN $per = 'werkgever' THEN NULL ELSE sector END AS sector,
        CASE WHEN $per = 'werkgever' THEN werkgever ELSE beroep END AS naam,
        maand,
        sum(aantal) AS aantal
    FROM venster
    GROUP BY ALL
),
maanden AS (
    SELECT CAST(range AS DATE) AS maand
    FROM range(CAST($laatste_maand AS TIMESTAMP) - INTERVAL 11 MONTH, CAST($laatste_maand AS TIMESTAMP) + INTERVAL 1 MONTH,
               INTERVAL 1 MONTH)
),
reeks AS (
    SELECT g.sector, g.naam, list(CAST(coalesce(p.aantal, 0) AS INTEGER) ORDER BY m.maand) AS per_maand
    FROM groep g
    CROSS JOIN maanden m
    LEFT JOIN per_maand p ON p.sector IS NOT DISTINCT FROM g.sector AND p.naam = g.naam AND p.maand = m.maand
    GROUP BY g.sector, g.naam
),
sectoren_van_werkgever AS (
    SELECT werkgever AS naam, list(DISTINCT sector ORDER BY sector) AS sectoren FROM venster GROUP BY werkgever
),
met_trend AS (
    SELECT
        g.sector, g.naam, g.maanden_met_vraag, g.gemiddeld_per_maand, r.per_maand,
        CAST(list_sum(r.per_maand[7:12]) AS INTEGER) AS laatste_6,
        CAST(list_sum(r.per_maand[1:6]) AS INTEGER) AS vorige_6,
        CASE WHEN $per = 'werkgever' THEN s.sectoren ELSE [g.sector] END AS sectoren
    FROM groep g
    JOIN reeks r ON r.sector IS NOT DISTINCT FROM g.sector AND r.naam = g.naam
    LEFT JOIN sectoren_van_werkgever s ON $per = 'werkgever' AND s.naam = g.naam
)
SELECT
    *,
    -- Trend: at least 20% more (or less) in the last 6 months than in the 6 before; otherwise gelijk.
    CASE
        WHEN laatste_6 >= 1.2 * vorige_6 AND laatste_6 > vorige_6 THEN 'meer'
        WHEN laatste_6 <= 0.8 * vorige_6 AND laatste_6 < vorige_6 THEN 'minder'
        ELSE 'gelijk'
    END AS trend
FROM met_trend
ORDER BY maanden_met_vraag DESC, gemiddeld_per_maand DESC, naam, sector;
