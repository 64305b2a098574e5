-- The status of one verbeteractie now (no row: it does not exist).
SELECT status FROM verbeteractie WHERE id = $id;
