-- Record an upload; the id is the next number (loads are serialised by the store's write lock).
INSERT INTO upload (upload_id, soort, organisatie, peildatum, bestandsnaam, sha256, rijen, status,
                    geladen_op, geladen_door, meldingen)
SELECT coalesce(max(upload_id), 0) + 1, $soort, $organisatie, $peildatum, $bestandsnaam, $sha256,
       $rijen, $status, timezone('UTC', now()), $geladen_door, $meldingen
FROM upload
RETURNING upload_id;
