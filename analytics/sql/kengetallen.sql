-- The overzicht's numbers for one period, in total ($per = 'totaal') or per gemeente ($per =
-- 'gemeente'); each exactly as metrics.md defines it (macros in selectie.sql).
WITH t AS (
    SELECT *, CASE $per WHEN 'gemeente' THEN gemeente ELSE 'totaal' END AS groep,
           CASE $per WHEN 'gemeente' THEN gemeentecode END AS groepcode
    FROM trajecten_in_selectie($regio, $gemeenten, $organisaties, $sectoren, $doelgroepen, $stromen, $routes)
),
-- Unieke kandidaten: distinct kandidaat per organisatie among the trajecten started in the period. Counted on those
-- rows only: a DISTINCT with a FILTER in the main aggregate hashes every traject of the selection (issue 17).
uniek AS (
    SELECT groep, groepcode, count(DISTINCT (organisatie, kandidaat_hash)) AS unieke_kandidaten
    FROM t
    WHERE startdatum BETWEEN $van AND $tot
    GROUP BY groep, groepcode
),
tellingen AS (
SELECT
    groep,
    groepcode,
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
GROUP BY groep, groepcode
)
SELECT
    t.groep, t.groepcode AS gemeentecode, t.instroom, coalesce(u.unieke_kandidaten, 0) AS unieke_kandidaten,
    t.* EXCLUDE (groep, groepcode, instroom)
FROM tellingen t
LEFT JOIN uniek u ON u.groep IS NOT DISTINCT FROM t.groep AND u.groepcode IS NOT DISTINCT FROM t.groepcode
ORDER BY t.groep;
