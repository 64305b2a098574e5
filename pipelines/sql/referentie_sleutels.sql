-- Lookup of every accepted spelling (code, label, synonym, gemeente name, alias, code form) by
-- matching key. A key that points to two different values is ambiguous: code NULL, options listed.
CREATE OR REPLACE TEMP TABLE ref_sleutel AS
SELECT
    lijst,
    norm_key(waarde) AS sleutel,
    CASE WHEN count(DISTINCT code) = 1 THEN any_value(code) END AS code,
    string_agg(DISTINCT naam, ' of ' ORDER BY naam) AS opties
FROM ref_bron
GROUP BY lijst, norm_key(waarde);
