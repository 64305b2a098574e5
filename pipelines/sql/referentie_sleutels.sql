-- Lookup of every accepted spelling (code, label, display name, synonym; gemeente name, short name,
-- 'Gemeente X', alias and code forms GM0268 / 0268 / 268) by matching key, read straight from data/reference/*.csv.
-- A key that points to two different values is ambiguous: code NULL, the options listed.
-- via_synoniem: the key is known only as a synonym (synoniemen.csv) or a gemeente alias, not as a code or name.
-- Parameters: $codes, $synoniemen, $gemeenten (paths of the reference CSVs).
CREATE OR REPLACE TEMP TABLE ref_sleutel AS
WITH
codes AS (SELECT * FROM read_csv($codes, header = true, all_varchar = true)),
synoniemen AS (SELECT * FROM read_csv($synoniemen, header = true, all_varchar = true)),
gemeenten AS (SELECT * FROM read_csv($gemeenten, header = true, all_varchar = true)),
bron AS (
    SELECT codelijst AS lijst, code AS waarde, code, code AS naam, false AS synoniem FROM codes
    UNION ALL SELECT codelijst, label, code, code, false FROM codes
    UNION ALL SELECT codelijst, weergave, code, code, false FROM codes
    UNION ALL SELECT codelijst, synoniem, code, code, true FROM synoniemen
    UNION ALL
    SELECT 'gemeente', vorm, gemeentecode, gemeentenaam, false
    FROM gemeenten, unnest(
        [gemeentecode, substr(gemeentecode, 3), ltrim(substr(gemeentecode, 3), '0'), gemeentenaam,
         regexp_replace(gemeentenaam, '\s*\(.*\)\s*$', ''), 'Gemeente ' || gemeentenaam]
    ) AS vormen(vorm)
    WHERE vorm <> ''
    UNION ALL
    SELECT 'gemeente', vorm, gemeentecode, gemeentenaam, true
    FROM gemeenten, unnest(string_split(coalesce(aliassen, ''), '|')) AS vormen(vorm)
    WHERE vorm <> ''
)
SELECT
    lijst,
    norm_key(waarde) AS sleutel,
    CASE WHEN count(DISTINCT code) = 1 THEN any_value(code) END AS code,
    string_agg(DISTINCT naam, ' of ' ORDER BY naam) AS opties,
    bool_and(synoniem) AS via_synoniem
FROM bron
GROUP BY lijst, norm_key(waarde);
