-- The arbeidsmarktregio's the selection's gemeenten lie in, with those gemeenten's codes.
SELECT arbeidsmarktregio AS regio, list(gemeentecode ORDER BY gemeentecode) AS gemeentecodes
FROM gemeenten_in_selectie($regio, $gemeenten)
GROUP BY arbeidsmarktregio
ORDER BY arbeidsmarktregio;
