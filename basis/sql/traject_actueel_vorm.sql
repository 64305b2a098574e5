-- The shape of traject_actueel in this store: 'geen' (a new store, or one from before the table), 'zonder_kenmerk'
-- (from before the kenmerk columns: traject_kenmerk was then a table of its own) or 'actueel'.
SELECT CASE
    WHEN count(*) = 0 THEN 'geen'
    WHEN count(*) FILTER (WHERE column_name = 'is_lopend') = 0 THEN 'zonder_kenmerk'
    ELSE 'actueel'
END AS vorm
FROM information_schema.columns
WHERE table_name = 'traject_actueel' AND table_schema = 'main';
