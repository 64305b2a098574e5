-- Reference data in the store follows data/reference/ (registered as ref_gemeente, ref_code).
DELETE FROM gemeente;
INSERT INTO gemeente SELECT gemeentecode, gemeentenaam, arbeidsmarktregio FROM ref_gemeente;
DELETE FROM code;
INSERT INTO code SELECT codelijst, code, label FROM ref_code;
