-- The overzicht's numbers as kengetallen.sql asked them before traject_kenmerk (issue 17): straight from the view
-- trajecten with the macros of analytics/sql/selectie.sql, for one period ($van, $tot). tests/test_schaal.py checks that
-- kengetallen.sql gives exactly these rows for every period it is asked.
-- The overzicht's numbers for one period, in total ($per = 'totaal'), per gemeente ($per = 'gemeente') or both
-- from one scan ($per = 'beide': the tiles and the table per gemeente of one selection, issue 17); each exactly as
-- metrics.md defines it (macros in selectie.sql). The total row has is_totaal, groep 'totaal', gemeentecode NULL.
WITH t AS (
    SELECT * FROM trajecten_in_selectie($regio, $gemeenten, $organisaties, $sectoren, $doelgroepen, $stromen, $routes)
),
-- Unieke kandidaten: distinct kandidaat per organisatie among the trajecten started in the period. Counted on those
-- rows only: a DISTINCT with a FILTER in the main aggregate hashes every traject of the selection (issue 17).
uniek AS (
    SELECT grouping(gemeente, gemeentecode) > 0 AS is_totaal, gemeente, gemeentecode,
           count(DISTINCT (organisatie, kandidaat_hash)) AS unieke_kandidaten
    FROM t
    WHERE startdatum BETWEEN $van AND $tot
    GROUP BY GROUPING SETS ((gemeente, gemeentecode), ())
),
tellingen AS (
SELECT
    grouping(gemeente, gemeentecode) > 0 AS is_totaal,
    gemeente,
    gemeentecode,
    -- Instroom: startdatum in the period; each traject once
    count(*) FILTER (WHERE startdatum BETWEEN $van AND $tot) AS instroom,
    -- Lopende trajecten: a state at each organisation's latest peildatum; the period does not apply
    count(*) FILTER (WHERE status = 'lopend' AND peildatum = laatste_peildatum) AS lopend,
    -- Uitval binnen 12 maanden, of trajecten started in the period that could be followed 12 months
    count(*) FILTER (
        WHERE startdatum BETWEEN $van AND $tot AND n_maanden_te_volgen(startdatum, laatste_peildatum, 12)
    ) AS uitval12_noemer,
    count(*) FILTER (
        WHERE startdatum BETWEEN $van AND $tot AND n_maanden_te_volgen(startdatum, laatste_peildatum, 12)
          AND uitval_binnen(status, reden_uitval, startdatum, einddatum, 12)
    ) AS uitval12_teller,
    -- Praktijkverklaringen, counted by their date
    count(*) FILTER (
        WHERE praktijkverklaring_op(praktijkverklaring_datum, status, einddatum) BETWEEN $van AND $tot
    ) AS praktijkverklaringen,
    -- Uitstroom naar werk, as count and as share of the trajecten that ended in the period
    count(*) FILTER (WHERE status <> 'lopend' AND einddatum BETWEEN $van AND $tot) AS beeindigd,
    count(*) FILTER (
        WHERE einddatum BETWEEN $van AND $tot AND is_uitstroom_werk(status, uitstroom, reden_uitval)
    ) AS uitstroom_werk,
    -- The same counts over everything before the period (<name>_eerder): others see a count rounded as the
    -- running count at the end minus the running count at the start (analytics/onderdrukking.py: afgerond)
    count(*) FILTER (WHERE startdatum < $van) AS instroom_eerder,
    count(*) FILTER (
        WHERE startdatum < $van AND n_maanden_te_volgen(startdatum, laatste_peildatum, 12)
    ) AS uitval12_noemer_eerder,
    count(*) FILTER (
        WHERE startdatum < $van AND n_maanden_te_volgen(startdatum, laatste_peildatum, 12)
          AND uitval_binnen(status, reden_uitval, startdatum, einddatum, 12)
    ) AS uitval12_teller_eerder,
    count(*) FILTER (
        WHERE praktijkverklaring_op(praktijkverklaring_datum, status, einddatum) < $van
    ) AS praktijkverklaringen_eerder,
    count(*) FILTER (WHERE status <> 'lopend' AND einddatum < $van) AS beeindigd_eerder,
    count(*) FILTER (
        WHERE einddatum < $van AND is_uitstroom_werk(status, uitstroom, reden_uitval)
    ) AS uitstroom_werk_eerder
FROM t
GROUP BY GROUPING SETS ((gemeente, gemeentecode), ())
HAVING $per = 'beide' OR (grouping(gemeente, gemeentecode) > 0) = ($per <> 'gemeente')
)
SELECT
    CASE WHEN t.is_totaal THEN 'totaal' ELSE t.gemeente END AS groep,
    CASE WHEN t.is_totaal THEN NULL ELSE t.gemeentecode END AS gemeentecode,
    t.instroom, coalesce(u.unieke_kandidaten, 0) AS unieke_kandidaten,
    t.* EXCLUDE (is_totaal, gemeente, gemeentecode, instroom),
    t.is_totaal
FROM tellingen t
LEFT JOIN uniek u ON u.is_totaal = t.is_totaal AND u.gemeente IS NOT DISTINCT FROM t.gemeente
                 AND u.gemeentecode IS NOT DISTINCT FROM t.gemeentecode
ORDER BY t.is_totaal, groep;
