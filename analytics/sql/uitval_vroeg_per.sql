-- Early uitval per werkgever or per praktijkopleider ($per), and for the whole selection (is_totaal): among the
-- trajecten that started in the period and could be followed $maanden months, how many became uitval within
-- $maanden months. A praktijkopleider is named within one organisatie's export (two people can share initials
-- and a surname across organisations); a werkgever is the same company whichever organisatie sends it.
WITH t AS (
    SELECT
        CASE $per WHEN 'werkgever' THEN werkgever ELSE praktijkopleider END AS naam,
        CASE $per WHEN 'werkgever' THEN NULL ELSE organisatie END AS organisatie,
        uitval_binnen(status, reden_uitval, startdatum, einddatum, $maanden) AS vroeg_uitgevallen
    FROM trajecten_in_selectie($regio, $gemeenten, $organisaties, $sectoren, $doelgroepen, $stromen, $routes)
    WHERE startdatum BETWEEN $van AND $tot AND n_maanden_te_volgen(startdatum, laatste_peildatum, $maanden)
)
SELECT
    naam,
    organisatie,
    grouping(naam) = 1 AS is_totaal,
    count(*) AS trajecten,
    count(*) FILTER (WHERE vroeg_uitgevallen) AS uitval
FROM t
GROUP BY GROUPING SETS ((naam, organisatie), ())
ORDER BY is_totaal, naam, organisatie;
