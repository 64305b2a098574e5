-- How many problems the *_normaal step found per column, all of them (fouten.sql lists only the first ones): one
-- count per column in one pass, then turned into rows (unpivoting every cell first took twice as long).
SELECT substr(kolom, 3) AS kolom, aantal
FROM (UNPIVOT (SELECT count(COLUMNS('^f_')) FROM norm) ON COLUMNS(*) INTO NAME kolom VALUE aantal)
WHERE aantal > 0;
