-- A loaded upload with exactly these bytes, if any.
SELECT upload_id, soort, organisatie, peildatum
FROM upload
WHERE sha256 = $sha256 AND status = 'geladen'
ORDER BY upload_id
LIMIT 1;
