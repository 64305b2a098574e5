-- sectoren.sql as it was before traject_kenmerk (issue 17): the counts of the half year straight from the trajecten
-- with the macros of analytics/sql/selectie.sql. tests/test_schaal.py checks that sectoren.sql gives exactly these rows.
-- Sectorvergelijking: the numbers of one half year ($van..$tot) per sector, plus one row for the whole
-- selection (totaal = true, sector NULL). The total row is computed here from the trajecten themselves,
-- not summed from the sectors, because shares cannot be summed. Every number uses its shared
-- definition in selectie.sql; only the choice of period (the half year) is this page's.
WITH stroom AS (
    SELECT
        grouping(sector) = 1 AS totaal,
        coalesce(sector, '') AS sleutel,
        -- Instroom: startdatum in the half year
        count(*) FILTER (WHERE startdatum BETWEEN $van AND $tot) AS instroom,
        -- Uitval binnen 6 maanden, of the trajecten started in the half year that could be followed 6 months
        count(*) FILTER (
            WHERE startdatum BETWEEN $van AND $tot AND n_maanden_te_volgen(startdatum, laatste_peildatum, 6)
        ) AS uitval6_noemer,
        count(*) FILTER (
            WHERE startdatum BETWEEN $van AND $tot AND n_maanden_te_volgen(startdatum, laatste_peildatum, 6)
              AND uitval_binnen(status, reden_uitval, startdatum, einddatum, 6)
        ) AS uitval6_teller,
        -- Praktijkverklaringen, counted by their date
        count(*) FILTER (
            WHERE praktijkverklaring_op(praktijkverklaring_datum, status, einddatum) BETWEEN $van AND $tot
        ) AS praktijkverklaringen,
        -- Uitstroom naar werk, as count and as share of the trajecten that ended in the half year
        count(*) FILTER (WHERE status <> 'lopend' AND einddatum BETWEEN $van AND $tot) AS beeindigd,
        count(*) FILTER (
            WHERE einddatum BETWEEN $van AND $tot AND is_uitstroom_werk(status, uitstroom, reden_uitval)
        ) AS uitstroom_werk
    FROM trajecten_in_selectie($regio, $gemeenten, $organisaties, $sectoren, $doelgroepen, $stromen, $routes)
    GROUP BY GROUPING SETS ((sector), ())
),
stand AS (
    -- Lopende trajecten at the end of the half year, as the store stood then
    SELECT grouping(sector) = 1 AS totaal, coalesce(sector, '') AS sleutel, count(*) FILTER (WHERE status = 'lopend') AS lopend
    FROM trajecten_op($tot, $regio, $gemeenten, $organisaties, $sectoren, $doelgroepen, $stromen, $routes)
    GROUP BY GROUPING SETS ((sector), ())
),
vraag AS (
    -- Structurele vraag: places per month in the structurele (sector, beroep) groups over the 12 complete
    -- months up to and including $laatste_maand
    SELECT
        grouping(sector) = 1 AS totaal,
        coalesce(sector, '') AS sleutel,
        coalesce(sum(gemiddeld_per_maand) FILTER (WHERE is_structureel(maanden_met_vraag, $k)), 0) AS structurele_vraag
    FROM vraag_laatste_12($regio, $gemeenten, $sectoren, $laatste_maand, 'beroep')
    GROUP BY GROUPING SETS ((sector), ())
)
SELECT
    CASE WHEN totaal THEN NULL ELSE sleutel END AS sector,
    totaal,
    coalesce(instroom, 0) AS instroom,
    coalesce(lopend, 0) AS lopend,
    coalesce(praktijkverklaringen, 0) AS praktijkverklaringen,
    coalesce(uitval6_teller, 0) AS uitval6_teller,
    coalesce(uitval6_noemer, 0) AS uitval6_noemer,
    coalesce(uitstroom_werk, 0) AS uitstroom_werk,
    coalesce(beeindigd, 0) AS beeindigd,
    coalesce(structurele_vraag, 0) AS structurele_vraag
FROM stroom
FULL JOIN stand USING (totaal, sleutel)
FULL JOIN vraag USING (totaal, sleutel)
ORDER BY totaal, sector;
