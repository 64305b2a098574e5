-- Undo an upload: remove its rows and mark it; whatever it replaced is current again by derivation.
DELETE FROM kandidaten_rij WHERE upload_id = $upload_id;
DELETE FROM vraag_rij WHERE upload_id = $upload_id;
DELETE FROM afspraak_rij WHERE upload_id = $upload_id;
DELETE FROM synoniem_gebruik WHERE upload_id = $upload_id;
UPDATE upload
SET status = 'teruggedraaid', teruggedraaid_op = timezone('UTC', now()), teruggedraaid_door = $door
WHERE upload_id = $upload_id;
