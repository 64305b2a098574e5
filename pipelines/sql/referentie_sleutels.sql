-- Lookup of every accepted spelling (code, label, display name, synonym; gemeente name, short name,
-- 'Gemeente X', alias and code forms GM0268 / 0268 / 268) by matching key, read straight from data/reference/*.csv.
-- A key that points to two different values is ambiguous: code NULL, the options listed.
-- Parameters: $codes, $synoniemen, $gemeenten (paths of the reference CSVs).
CREATE OR REPLACE TEMP TABLE ref_sleutel AS
WITH
codes AS (SELECT * FROM read_csv($codes, header = true, all_varchar = true)),
synoniemen AS (SELECT * FROM read_csv($synoniemen, header = true, all_varchar = true)),
gemeenten AS (SELECT * FROM read_csv($gemeenten, header = true, all_varchar = true)),
bron AS (
    SELECT codelijst AS lijst, code AS waarde, code, code AS naam FROM codes
    UNION ALL SELECT codelijst, label, code, code FROM codes
    UNION ALL SELECT codelijst, weergave, code, code FROM codes
    UNION ALL SELECT codelijst, synoniem, code, code FROM synoniemen
    UNION ALL
    SELECT 'gemeente', vorm, gemeentecode, gemeentenaam
    FROM gemeenten, unnest(
        [gemeentecode, substr(gemeentecode, 3), ltrim(substr(gemeentecode, 3), '0'), gemeentenaam,
         regexp_replace(gemeentenaam, '\s*\(.*\)\s*$', ''), 'Gemeente ' || gemeentenaam]
        || string_split(coalesce(aliassen, ''), '|')
    ) AS vormen(vorm)
    WHERE vorm <> ''
)
SELECT
    lijst,
    norm_key(waarde) AS sleutel,
    CASE WHEN count(DISTINCT code) = 1 THEN any_value(code) END AS code,
    string_agg(DISTINCT naam, ' of ' ORDER BY naam) AS opties
FROM bron
GROUP BY lijst, norm_key(waarde);
