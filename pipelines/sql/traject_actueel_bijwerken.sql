-- The current state after a load whose peildatum is later than every other loaded snapshot of its organisation
-- (traject_actueel_nieuwste.sql): what traject_actueel_vernieuwen.sql would derive from every snapshot, without
-- reading them. The new snapshot is then in kandidaten_actueel (no later peildatum excludes it, and it excludes
-- no other: its upload is the last), and it is the newest row of each traject it holds; every other traject keeps
-- its row. Parameters: $organisatie, $upload_id.
DELETE FROM traject_actueel
WHERE organisatie = $organisatie
  AND traject_id IN (SELECT traject_id FROM kandidaten_rij WHERE upload_id = $upload_id);
INSERT INTO traject_actueel
SELECT
    organisatie, traject_id, kandidaat_hash, gemeentecode, doelgroep, stroom, route, sector,
    werkgever, crebo, kwalificatie, startdatum, einddatum, status, reden_uitval, uitstroom,
    praktijkverklaring_datum, praktijkopleider, peildatum, upload_id
FROM kandidaten_rij
WHERE upload_id = $upload_id;
-- What the counts compare per traject (traject_kenmerk), for the same trajecten, from their new rows.
DELETE FROM traject_kenmerk
WHERE organisatie = $organisatie
  AND traject_id IN (SELECT traject_id FROM kandidaten_rij WHERE upload_id = $upload_id);
INSERT INTO traject_kenmerk
SELECT * FROM traject_kenmerk_afgeleid
WHERE organisatie = $organisatie
  AND traject_id IN (SELECT traject_id FROM kandidaten_rij WHERE upload_id = $upload_id);
