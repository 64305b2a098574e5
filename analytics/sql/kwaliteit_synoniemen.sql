-- Values that needed a synonym (or a gemeente alias) in the latest loaded export of each organisatie and
-- kind: which spelling, recognised as what, in how many rows.
WITH laatste AS (
    SELECT upload_id, organisatie, soort, peildatum
    FROM uploads
    WHERE status = 'geladen'
    QUALIFY row_number() OVER (PARTITION BY organisatie, soort ORDER BY peildatum DESC, upload_id DESC) = 1
)
SELECT
    l.organisatie, l.soort, l.peildatum, l.upload_id, s.kolom, s.waarde,
    coalesce(c.weergave, g.gemeente, s.code) AS herkend_als, s.aantal
FROM laatste l
JOIN synoniem_gebruik s USING (upload_id)
LEFT JOIN code c ON c.codelijst = s.kolom AND c.code = s.code
LEFT JOIN gemeente g ON s.kolom = 'gemeente' AND g.gemeentecode = s.code
ORDER BY l.organisatie, l.soort, s.kolom, s.aantal DESC, s.waarde;
