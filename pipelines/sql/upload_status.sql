-- Status of one upload, its derived status, and the later upload that replaced it (same
-- organisatie and peildatum), if any.
SELECT
    u.status,
    v.status AS afgeleide_status,
    (SELECT min(l.upload_id) FROM upload l
      WHERE l.soort = u.soort AND l.organisatie = u.organisatie AND l.peildatum = u.peildatum
        AND l.upload_id > u.upload_id AND l.status = 'geladen') AS later,
    u.soort, u.organisatie, u.peildatum
FROM upload u
JOIN uploads v USING (upload_id)
WHERE u.upload_id = $upload_id;
