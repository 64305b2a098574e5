-- Which of the tables that tell whether the store has used a key exist (a store opened read-only may be from
-- before the fingerprint table, or be empty).
SELECT table_name
FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name = 'main'
  AND table_name IN ('kandidaten_rij', 'sleutel_vingerafdruk');
