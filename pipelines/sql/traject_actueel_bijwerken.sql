-- The current state after a load whose peildatum is later than every other loaded snapshot of its organisation
-- (traject_actueel_nieuwste.sql): what traject_actueel_vernieuwen.sql would derive from every snapshot, without
-- reading them. The new snapshot is then in kandidaten_actueel (no later peildatum excludes it, and it excludes
-- no other: its upload is the last), and it is the newest row of each traject it holds; every other traject keeps
-- its row. Parameters: $organisatie, $upload_id.
DELETE FROM traject_actueel
WHERE organisatie = $organisatie
  AND traject_id IN (SELECT traject_id FROM kandidaten_rij WHERE upload_id = $upload_id);
INSERT INTO traject_actueel
SELECT * FROM kandidaat_kenmerk
WHERE upload_id = $upload_id;
