-- Whether this store records synonym use yet (a store last written before that was added does not).
SELECT count(*) > 0 AS bijgehouden FROM duckdb_tables() WHERE table_name = 'synoniem_gebruik';
