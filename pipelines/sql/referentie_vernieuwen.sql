-- Reference data in the store follows data/reference/. Parameters: $gemeenten, $codes (CSV paths).
DELETE FROM gemeente;
INSERT INTO gemeente
SELECT gemeentecode, gemeentenaam, arbeidsmarktregio
FROM read_csv($gemeenten, header = true, all_varchar = true);
DELETE FROM code;
INSERT INTO code
SELECT codelijst, code, label
FROM read_csv($codes, header = true, all_varchar = true);
