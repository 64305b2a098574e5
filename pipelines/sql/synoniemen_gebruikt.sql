-- Which values of this upload were recognised only through a synonym or a gemeente alias: a count per
-- column and value as typed (coded values only, never free text or identifiers), written in the load's
-- transaction. Needs `stg` and `ref_sleutel` of the validation.
-- Parameters: $upload_id; $kolommen, $lijsten: the kind's coded columns and the code list of each.
-- The cells are counted per distinct value first, so the matching key is made once per value, not once per cell.
INSERT INTO synoniem_gebruik (upload_id, kolom, waarde, code, aantal)
SELECT $upload_id, s.kolom, trim(s.waarde), r.code, sum(s.aantal)
FROM (
    SELECT kolom, waarde, count(*) AS aantal
    FROM (
        UNPIVOT (SELECT COLUMNS(lambda c: list_contains($kolommen, c)) FROM stg)
        ON COLUMNS(*) INTO NAME kolom VALUE waarde
    )
    GROUP BY kolom, waarde
) s
JOIN ref_sleutel r
  ON r.lijst = list_extract($lijsten, list_position($kolommen, s.kolom)) AND r.sleutel = norm_key(s.waarde)
WHERE r.via_synoniem AND r.code IS NOT NULL
GROUP BY s.kolom, trim(s.waarde), r.code;
