-- Staging: the recognised columns exactly as typed, trimmed; empty text is no value.
CREATE OR REPLACE TEMP TABLE stg AS
SELECT _rij, nullif(trim(COLUMNS(* EXCLUDE (_rij))), '')
FROM stg_ruw;
