-- Uitval per start cohort (the quarter or year of the startdatum: $per = 'kwartaal' | 'jaar') and, in the row
-- with cohort NULL, for the whole selection: instroom, uitval so far and the trajecten still lopend, and per
-- N = 3, 6, 12 the trajecten that could be followed N months (n_maanden_te_volgen) with those of them that
-- became uitval within N months (uitval_binnen), exactly as metrics.md defines them.
WITH t AS (
    SELECT
        *,
        CAST(date_trunc(CASE $per WHEN 'jaar' THEN 'year' ELSE 'quarter' END, startdatum) AS DATE) AS cohort,
        n_maanden_te_volgen(startdatum, laatste_peildatum, 3) AS volgbaar_3,
        n_maanden_te_volgen(startdatum, laatste_peildatum, 6) AS volgbaar_6,
        n_maanden_te_volgen(startdatum, laatste_peildatum, 12) AS volgbaar_12
    FROM trajecten_in_selectie($regio, $gemeenten, $organisaties, $sectoren, $doelgroepen, $stromen, $routes)
    WHERE startdatum BETWEEN $van AND $tot
)
SELECT
    cohort,
    grouping(cohort) = 1 AS is_totaal,
    count(*) AS instroom,
    count(*) FILTER (WHERE is_uitval(status, reden_uitval)) AS uitval,
    count(*) FILTER (WHERE status = 'lopend') AS lopend,
    count(*) FILTER (WHERE volgbaar_3) AS te_volgen_3,
    count(*) FILTER (WHERE volgbaar_3 AND uitval_binnen(status, reden_uitval, startdatum, einddatum, 3)) AS uitval_3,
    count(*) FILTER (WHERE volgbaar_6) AS te_volgen_6,
    count(*) FILTER (WHERE volgbaar_6 AND uitval_binnen(status, reden_uitval, startdatum, einddatum, 6)) AS uitval_6,
    count(*) FILTER (WHERE volgbaar_12) AS te_volgen_12,
    count(*) FILTER (WHERE volgbaar_12 AND uitval_binnen(status, reden_uitval, startdatum, einddatum, 12)) AS uitval_12,
    -- of the trajecten that could be followed 12 months: how many of them were uitval within 3 (same base)
    count(*) FILTER (WHERE volgbaar_12 AND uitval_binnen(status, reden_uitval, startdatum, einddatum, 3))
        AS uitval_3_van_te_volgen_12
FROM t
GROUP BY GROUPING SETS ((cohort), ())
ORDER BY is_totaal, cohort;
