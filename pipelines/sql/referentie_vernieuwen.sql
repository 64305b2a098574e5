-- Reference data in the store follows data/reference/ (replaced whole: it is derived, and a new
-- column in a CSV then needs no migration). Parameters: $gemeenten, $codes (CSV paths).
CREATE OR REPLACE TABLE gemeente AS
SELECT gemeentecode, gemeentenaam AS gemeente, arbeidsmarktregio
FROM read_csv($gemeenten, header = true, all_varchar = true);
CREATE OR REPLACE TABLE code AS
SELECT codelijst, code, label, weergave
FROM read_csv($codes, header = true, all_varchar = true);
