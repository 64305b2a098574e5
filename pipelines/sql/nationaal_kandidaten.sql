-- The national demo: `norm` (the columns kandidaten_invoegen.sql takes) as a view of one organisatie's kandidaten
-- export as it reads on a peildatum, already normalised: every traject started by then, its outcome only once it has
-- ended (as demodata.exports.Traject.stand_op). Which organisatie (its trajecten in `demo_org`) and which peildatum:
-- the one row of `demo_stand`, set per snapshot (nationaal_stand.sql), so a snapshot costs no new table.
DROP TABLE IF EXISTS norm;
CREATE OR REPLACE TEMP TABLE demo_org AS SELECT * FROM demo_traject LIMIT 0;
CREATE OR REPLACE TEMP TABLE demo_stand (organisatie VARCHAR, peildatum DATE);
INSERT INTO demo_stand VALUES (NULL, NULL);
CREATE OR REPLACE TEMP VIEW norm AS
SELECT
    CAST(row_number() OVER (ORDER BY t.nr) + 1 AS INTEGER) AS _rij, t.traject_id, t.kandidaat_hash, t.gemeentecode,
    t.doelgroep, t.stroom, t.route, t.sector, t.werkgever, t.crebo, t.kwalificatie, t.startdatum,
    CASE WHEN t.einddatum <= s.peildatum THEN t.einddatum END AS einddatum,
    CASE WHEN t.einddatum <= s.peildatum THEN t.status ELSE 'lopend' END AS status,
    CASE WHEN t.einddatum <= s.peildatum THEN t.reden_uitval END AS reden_uitval,
    CASE WHEN t.einddatum <= s.peildatum THEN t.uitstroom END AS uitstroom,
    CASE WHEN t.einddatum <= s.peildatum AND t.status = 'afgerond' THEN t.einddatum END AS praktijkverklaring_datum,
    t.praktijkopleider
FROM demo_org t
JOIN demo_stand s ON t.organisatie = s.organisatie AND t.startdatum <= s.peildatum;
