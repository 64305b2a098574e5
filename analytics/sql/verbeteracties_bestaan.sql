-- Does the store have the verbeteracties tables yet? A store is given them by its first write after they came
-- (pipelines/sql/schema.sql); until then there are none to show.
SELECT count(*) = 2 AS bestaan
FROM information_schema.tables
WHERE table_schema = 'main' AND table_name IN ('verbeteractie', 'verbeteractie_update');
