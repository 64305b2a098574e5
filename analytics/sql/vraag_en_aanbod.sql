-- Vraag en aanbod (metrics.md), per sector over the 12 months up to and including $laatste_maand:
-- structurele vraag per month (the sum of the averages of the sector's structurele (sector, beroep)
-- groups, macros vraag_laatste_12 and is_structureel) next to instroom per month (trajecten of the
-- selection started in those 12 months, divided by 12), the gap (vraag minus instroom) and whether the
-- vraag is gedekt (instroom at least as large).
-- Vraag follows only the regio, gemeente and sector filters; instroom follows all of them.
WITH structureel AS (
    SELECT sector, sum(gemiddeld_per_maand) AS vraag_per_maand, count(*) AS beroepen
    FROM vraag_laatste_12($regio, $gemeenten, $sectoren, $laatste_maand, 'beroep')
    WHERE is_structureel(maanden_met_vraag, $k)
    GROUP BY sector
),
instroom AS (
    SELECT sector, count(*) AS instroom
    FROM trajecten_gekozen($regio, $gemeenten, $organisaties, $sectoren, $doelgroepen, $stromen, $routes)
    WHERE startdatum BETWEEN CAST($laatste_maand - INTERVAL 11 MONTH AS DATE) AND last_day($laatste_maand)
    GROUP BY sector
)
SELECT
    sector,
    coalesce(s.vraag_per_maand, 0) AS vraag_per_maand,
    coalesce(s.beroepen, 0) AS beroepen,
    coalesce(i.instroom, 0) AS instroom,
    coalesce(i.instroom, 0) / 12 AS instroom_per_maand,
    coalesce(s.vraag_per_maand, 0) - coalesce(i.instroom, 0) / 12 AS tekort_per_maand,
    -- Gedekt: at least as much instroom per month as structurele vraag
    coalesce(s.vraag_per_maand, 0) <= coalesce(i.instroom, 0) / 12 AS gedekt
FROM structureel s
FULL JOIN instroom i USING (sector)
-- Sectors where the vraag is not gedekt first (largest gap on top), then by vraag and instroom
ORDER BY gedekt, CASE WHEN NOT gedekt THEN tekort_per_maand END DESC, vraag_per_maand DESC, instroom_per_maand DESC,
    sector;
