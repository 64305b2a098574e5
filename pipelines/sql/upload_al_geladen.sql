-- A loaded upload with exactly these bytes that still counts, if any. (A file that was replaced by a
-- later one may be loaded again: that makes it count again.)
SELECT upload_id, soort, organisatie, peildatum
FROM uploads
WHERE sha256 = $sha256 AND status = 'geladen'
ORDER BY upload_id
LIMIT 1;
