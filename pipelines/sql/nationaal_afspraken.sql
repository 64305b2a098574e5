-- The national demo: one regio's afspraken of one year, already normalised into `norm` (the columns
-- afspraken_invoegen.sql takes), from the generated rows registered as `demo_afspraak`. Parameters: $organisatie,
-- $jaar.
CREATE OR REPLACE TEMP TABLE norm AS
SELECT CAST(row_number() OVER () + 1 AS INTEGER) AS _rij, gemeentecode, jaar, sector, doelgroep, aantal
FROM demo_afspraak
WHERE organisatie = $organisatie AND jaar = $jaar;
