-- The overzicht's numbers for one or more periods ($perioden: a list of {van, tot}; each answer row says its van
-- and tot), in total ($per = 'totaal'), per gemeente ($per = 'gemeente') or both from one scan ($per = 'beide': the
-- tiles and the table per gemeente of one selection, issue 17); each exactly as metrics.md defines it. The total row
-- has is_totaal, groep 'totaal', gemeentecode NULL. Several periods in one question: the overzicht asks the
-- selection now, a year earlier and (for the uitval window) two years earlier, and one scan of a million trajecten
-- costs less than three (analytics.opslag.query_perioden keeps each period's rows apart in the cache).
-- The rows come from traject_kenmerk: per traject the dates and flags of these definitions, worked out at load time
-- (basis/sql/schema.sql: the same definitions as the macros of selectie.sql named next to each count), so a question
-- only compares them (issue 17: the date arithmetic on a million trajecten was most of its time).
WITH k AS (
    SELECT * FROM kenmerken_in_selectie($regio, $gemeenten, $organisaties, $sectoren, $doelgroepen, $stromen, $routes)
),
p AS (  -- distinct periods (analytics.opslag.query_perioden asks each once): not SELECT DISTINCT unnest(...), which
        -- in this DuckDB drops one of two periods that start on the same day
    SELECT periode.van, periode.tot FROM (SELECT unnest($perioden) AS periode)
),
t AS (
    SELECT * FROM k CROSS JOIN p
),
-- Unieke kandidaten: distinct kandidaat per organisatie among the trajecten started in the period. Counted on those
-- rows only: a DISTINCT with a FILTER in the main aggregate hashes every traject of the selection (issue 17).
uniek AS (
    SELECT grouping(gemeente, gemeentecode) > 0 AS is_totaal, van, tot, gemeente, gemeentecode,
           count(DISTINCT (organisatie, kandidaat_hash)) AS unieke_kandidaten
    FROM t
    WHERE startdatum BETWEEN van AND tot
    GROUP BY GROUPING SETS ((van, tot, gemeente, gemeentecode), (van, tot))
),
tellingen AS (
SELECT
    grouping(gemeente, gemeentecode) > 0 AS is_totaal,
    van,
    tot,
    gemeente,
    gemeentecode,
    -- Instroom: startdatum in the period; each traject once
    count(*) FILTER (WHERE startdatum BETWEEN van AND tot) AS instroom,
    -- Lopende trajecten: a state at each organisation's latest peildatum; the period does not apply
    count(*) FILTER (WHERE is_lopend AND peildatum = laatste_peildatum) AS lopend,
    -- Uitval binnen 12 maanden, of trajecten started in the period that could be followed 12 months:
    -- n_maanden_te_volgen(startdatum, laatste_peildatum, 12) is te_volgen_12_vanaf <= laatste_peildatum
    count(*) FILTER (
        WHERE startdatum BETWEEN van AND tot AND te_volgen_12_vanaf <= laatste_peildatum
    ) AS uitval12_noemer,
    count(*) FILTER (  -- uitval_12: uitval_binnen(status, reden_uitval, startdatum, einddatum, 12)
        WHERE startdatum BETWEEN van AND tot AND te_volgen_12_vanaf <= laatste_peildatum AND uitval_12
    ) AS uitval12_teller,
    -- Praktijkverklaringen, counted by their date (praktijkverklaring_op)
    count(*) FILTER (WHERE praktijkverklaring_op BETWEEN van AND tot) AS praktijkverklaringen,
    -- Uitstroom naar werk, as count and as share of the trajecten that ended in the period (beeindigd_op: the
    -- einddatum of a traject that is not lopend; is_uitstroom_werk as the macro of that name)
    count(*) FILTER (WHERE beeindigd_op BETWEEN van AND tot) AS beeindigd,
    count(*) FILTER (WHERE beeindigd_op BETWEEN van AND tot AND is_uitstroom_werk) AS uitstroom_werk,
    -- The same counts over everything before the period (<name>_eerder): others see a count rounded as the
    -- running count at the end minus the running count at the start (analytics/onderdrukking.py: afgerond)
    count(*) FILTER (WHERE startdatum < van) AS instroom_eerder,
    count(*) FILTER (WHERE startdatum < van AND te_volgen_12_vanaf <= laatste_peildatum) AS uitval12_noemer_eerder,
    count(*) FILTER (
        WHERE startdatum < van AND te_volgen_12_vanaf <= laatste_peildatum AND uitval_12
    ) AS uitval12_teller_eerder,
    count(*) FILTER (WHERE praktijkverklaring_op < van) AS praktijkverklaringen_eerder,
    count(*) FILTER (WHERE beeindigd_op < van) AS beeindigd_eerder,
    count(*) FILTER (WHERE beeindigd_op < van AND is_uitstroom_werk) AS uitstroom_werk_eerder
FROM t
GROUP BY GROUPING SETS ((van, tot, gemeente, gemeentecode), (van, tot))
HAVING $per = 'beide' OR (grouping(gemeente, gemeentecode) > 0) = ($per <> 'gemeente')
)
SELECT
    t.van,
    t.tot,
    CASE WHEN t.is_totaal THEN 'totaal' ELSE t.gemeente END AS groep,
    CASE WHEN t.is_totaal THEN NULL ELSE t.gemeentecode END AS gemeentecode,
    t.instroom, coalesce(u.unieke_kandidaten, 0) AS unieke_kandidaten,
    t.* EXCLUDE (is_totaal, van, tot, gemeente, gemeentecode, instroom),
    t.is_totaal
FROM tellingen t
LEFT JOIN uniek u ON u.is_totaal = t.is_totaal AND u.van = t.van AND u.tot = t.tot
                 AND u.gemeente IS NOT DISTINCT FROM t.gemeente AND u.gemeentecode IS NOT DISTINCT FROM t.gemeentecode
ORDER BY t.van, t.tot, t.is_totaal, groep;
