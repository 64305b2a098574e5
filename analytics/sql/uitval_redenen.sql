-- Redenen van uitval: per reden_uitval the trajecten that started in the period and stopped early, with
-- whether that stop counts as uitval (is_uitval: leaving early for paid work does not).
SELECT
    coalesce(reden_uitval, 'onbekend') AS reden,
    is_uitval(status, reden_uitval) AS telt_als_uitval,
    count(*) AS aantal
FROM trajecten_gekozen($regio, $gemeenten, $organisaties, $sectoren, $doelgroepen, $stromen, $routes)
WHERE startdatum BETWEEN $van AND $tot AND status = 'uitgevallen'
GROUP BY ALL
ORDER BY aantal DESC, reden;
