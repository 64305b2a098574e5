-- How many problems the *_normaal step found per column, all of them (fouten.sql lists only the first ones).
SELECT substr(kolom, 3) AS kolom, count(*) AS aantal
FROM (UNPIVOT (SELECT COLUMNS('^f_') FROM norm) ON COLUMNS('^f_') INTO NAME kolom VALUE f)
GROUP BY ALL;
