-- The dated updates of one verbeteractie, oldest first.
SELECT tijdstip, door, status, toelichting
FROM verbeteractie_update
WHERE actie_id = $id
ORDER BY tijdstip, rowid;
