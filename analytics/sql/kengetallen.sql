-- The overzicht's numbers for one period, in total ($per = 'totaal') or per gemeente ($per =
-- 'gemeente'); each exactly as metrics.md defines it (macros in selectie.sql).
WITH t AS (
    SELECT *, CASE $per WHEN 'gemeente' THEN gemeente ELSE 'totaal' END AS groep,
           CASE $per WHEN 'gemeente' THEN gemeentecode END AS groepcode
    FROM trajecten_in_selectie($regio, $gemeenten, $organisaties, $sectoren, $doelgroepen, $stromen, $routes)
)
SELECT
    groep,
    groepcode AS gemeentecode,
    -- Instroom: startdatum in the period; each traject once
    count(*) FILTER (WHERE startdatum BETWEEN $van AND $tot) AS instroom,
    -- Unieke kandidaten: distinct kandidaat per organisatie among those trajecten
    count(DISTINCT (organisatie, kandidaat_hash)) FILTER (WHERE startdatum BETWEEN $van AND $tot) AS unieke_kandidaten,
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
ORDER BY groep;
