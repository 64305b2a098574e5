-- The national demo: every monthly kandidaten export of one organisatie recorded as its own upload and its rows
-- inserted, as upload_nieuw.sql and kandidaten_invoegen.sql do for one export. The exports: `demo_snapshot`
-- (peildatum, bestandsnaam, sha256, rijen), registered per organisatie; its trajecten: `demo_org`
-- (nationaal_organisatie.sql). Each export holds every traject started by its peildatum, numbered as its rows, with
-- the outcome only once the traject has ended (as demodata.exports.Traject.stand_op); the uploads take the next ids
-- in order of peildatum. Parameters: $organisatie, $geladen_door, $meldingen.
INSERT INTO upload (upload_id, soort, organisatie, peildatum, bestandsnaam, sha256, rijen, status,
                    geladen_op, geladen_door, meldingen)
SELECT (SELECT coalesce(max(upload_id), 0) FROM upload) + row_number() OVER (ORDER BY s.peildatum), 'kandidaten',
       $organisatie, s.peildatum, s.bestandsnaam, s.sha256, s.rijen, 'geladen', timezone('UTC', now()),
       $geladen_door, $meldingen
FROM demo_snapshot s;

INSERT INTO kandidaten_rij
SELECT
    u.upload_id, $organisatie, s.peildatum,
    CAST(row_number() OVER (PARTITION BY s.peildatum ORDER BY t.nr) + 1 AS INTEGER), t.traject_id,
    t.kandidaat_hash, t.gemeentecode, t.doelgroep, t.stroom, t.route, t.sector, t.werkgever, t.crebo, t.kwalificatie,
    t.startdatum,
    CASE WHEN t.einddatum <= s.peildatum THEN t.einddatum END,
    CASE WHEN t.einddatum <= s.peildatum THEN t.status ELSE 'lopend' END,
    CASE WHEN t.einddatum <= s.peildatum THEN t.reden_uitval END,
    CASE WHEN t.einddatum <= s.peildatum THEN t.uitstroom END,
    CASE WHEN t.einddatum <= s.peildatum AND t.status = 'afgerond' THEN t.einddatum END,
    t.praktijkopleider
FROM demo_org t
JOIN demo_snapshot s ON t.startdatum <= s.peildatum
JOIN upload u ON u.soort = 'kandidaten' AND u.organisatie = $organisatie AND u.peildatum = s.peildatum;
