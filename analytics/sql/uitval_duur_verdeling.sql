-- Tijd tot uitval, counted: the rows of uitval_duur.sql (the same macro) per distinct (groep, maanden, gebeurtenis)
-- with their number of trajecten. The Kaplan-Meier estimate needs only these counts; at national scale the
-- per-traject rows were a million rows pulled into pandas (issue 17).
SELECT groep, maanden, gebeurtenis, count(*) AS aantal
FROM uitval_duur_per_traject($dimensie, $van, $tot, $regio, $gemeenten, $organisaties, $sectoren, $doelgroepen,
                             $stromen, $routes)
GROUP BY ALL
ORDER BY groep, maanden, gebeurtenis;
