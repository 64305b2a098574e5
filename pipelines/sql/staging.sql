-- Staging: the recognised columns as typed (whitespace-only cells are already null). Copied once
-- into DuckDB's own format because the checks read it more than once; trimmed where it is read.
CREATE OR REPLACE TEMP TABLE stg AS
SELECT * FROM stg_ruw;
