-- Whose trajecten a checked kandidaten file (temp table `norm`) holds, if not the chosen organisation's: the other
-- organisation that already has the most of its trajectnummers, with how many, and how many the file has.
SELECT t.organisatie, count(*) AS gedeeld, (SELECT count(DISTINCT traject_id) FROM norm) AS in_bestand
FROM (SELECT DISTINCT traject_id FROM norm) n
JOIN trajecten t USING (traject_id)  -- the view: also on a store from before traject_actueel
WHERE t.organisatie <> $organisatie
GROUP BY t.organisatie
ORDER BY gedeeld DESC, t.organisatie
LIMIT 1;
