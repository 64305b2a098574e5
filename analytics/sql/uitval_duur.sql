-- Tijd tot uitval (Kaplan-Meier input), per traject: groep, maanden, gebeurtenis (the macro in selectie.sql says how).
SELECT groep, maanden, gebeurtenis
FROM uitval_duur_per_traject($dimensie, $van, $tot, $regio, $gemeenten, $organisaties, $sectoren, $doelgroepen,
                             $stromen, $routes);
