-- The threads DuckDB may use (basis.instellingen.duckdb_draden; for the whole database in this process).
SET threads = $draden;
