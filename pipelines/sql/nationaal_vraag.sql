-- The national demo: one werkgeversservicepunt's vraag of one year, already normalised into `norm` (the columns
-- vraag_invoegen.sql takes), from the generated rows registered as `demo_vraag`. Parameters: $organisatie, $jaar.
CREATE OR REPLACE TEMP TABLE norm AS
SELECT CAST(row_number() OVER () + 1 AS INTEGER) AS _rij, werkgever, sector, beroep, crebo, gemeentecode, maand,
       aantal, soort
FROM demo_vraag
WHERE organisatie = $organisatie AND year(maand) = $jaar;
