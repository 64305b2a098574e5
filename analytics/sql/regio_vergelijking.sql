-- Per arbeidsmarktregio (and per sector when $per = 'sector'): the counts behind the shares a region is compared
-- on with the country and with regions of similar size. Only the selections that apply in every region (sector,
-- doelgroep, stroom, route); gemeenten and organisaties belong to one region. Each count exactly as metrics.md
-- defines it (macros in selectie.sql); the uitval cohort ($uitval_van..$uitval_tot, followed $uitval_maanden
-- months) is the page's own, as its tile shows it.
SELECT
    arbeidsmarktregio AS regio,
    CASE $per WHEN 'sector' THEN sector ELSE '' END AS sleutel,
    -- Instroom: startdatum in the period
    count(*) FILTER (WHERE startdatum BETWEEN $van AND $tot) AS instroom,
    -- Uitval binnen N maanden, of the trajecten of the uitval cohort that could be followed N months
    count(*) FILTER (
        WHERE startdatum BETWEEN $uitval_van AND $uitval_tot
          AND n_maanden_te_volgen(startdatum, laatste_peildatum, $uitval_maanden)
    ) AS uitval_noemer,
    count(*) FILTER (
        WHERE startdatum BETWEEN $uitval_van AND $uitval_tot
          AND n_maanden_te_volgen(startdatum, laatste_peildatum, $uitval_maanden)
          AND uitval_binnen(status, reden_uitval, startdatum, einddatum, $uitval_maanden)
    ) AS uitval_teller,
    -- Uitstroom naar werk, as share of the trajecten that ended in the period
    count(*) FILTER (WHERE status <> 'lopend' AND einddatum BETWEEN $van AND $tot) AS beeindigd,
    count(*) FILTER (
        WHERE einddatum BETWEEN $van AND $tot AND is_uitstroom_werk(status, uitstroom, reden_uitval)
    ) AS uitstroom_werk
FROM trajecten_in_selectie([], [], [], $sectoren, $doelgroepen, $stromen, $routes)
WHERE arbeidsmarktregio IS NOT NULL
GROUP BY ALL
ORDER BY regio, sleutel;
