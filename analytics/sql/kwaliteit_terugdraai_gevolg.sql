-- What rolling back one upload would undo, for the confirmation question. Parameter: $upload_id.
-- kandidaten: the trajecten whose current state comes from it, and what counts instead (an earlier upload of
-- the same peildatum, else the previous peildatum); vraag / afspraken: the months / (gemeente, jaar) pairs
-- that count from it now, and how many of those have an earlier upload that will count again.
WITH deze AS (SELECT * FROM uploads WHERE upload_id = $upload_id),
eerder AS (
    SELECT u.* FROM uploads u, deze d
    WHERE u.soort = d.soort AND u.organisatie = d.organisatie AND u.upload_id <> d.upload_id
      AND u.status IN ('geladen', 'vervangen')
),
vraag_nu AS (SELECT DISTINCT organisatie, maand FROM vraag WHERE upload_id = $upload_id),
afspraken_nu AS (SELECT DISTINCT gemeentecode, jaar FROM afspraken WHERE upload_id = $upload_id)
SELECT
    d.upload_id, d.soort, d.organisatie, d.peildatum, d.bestandsnaam, d.rijen, d.status, d.geladen_op, d.geladen_door,
    (SELECT max(upload_id) FROM eerder e WHERE e.soort = 'kandidaten' AND e.peildatum = d.peildatum
        AND e.upload_id < d.upload_id) AS vervangen_upload,
    (SELECT max(peildatum) FROM eerder e WHERE e.soort = 'kandidaten' AND e.peildatum < d.peildatum)
        AS vorige_peildatum,
    (SELECT count(*) FROM trajecten WHERE upload_id = $upload_id) AS trajecten_nu,
    CASE d.soort
        WHEN 'vraag' THEN (SELECT count(*) FROM vraag_nu)
        WHEN 'afspraken' THEN (SELECT count(*) FROM afspraken_nu)
    END AS delen_nu,
    CASE d.soort
        WHEN 'vraag' THEN (
            SELECT count(*) FROM vraag_nu n
            WHERE EXISTS (SELECT 1 FROM vraag_rij r JOIN upload u USING (upload_id)
                          WHERE u.status = 'geladen' AND r.upload_id <> $upload_id
                            AND r.organisatie = n.organisatie AND r.maand = n.maand))
        WHEN 'afspraken' THEN (
            SELECT count(*) FROM afspraken_nu n
            WHERE EXISTS (SELECT 1 FROM afspraak_rij r JOIN upload u USING (upload_id)
                          WHERE u.status = 'geladen' AND r.upload_id <> $upload_id
                            AND r.gemeentecode = n.gemeentecode AND r.jaar = n.jaar))
    END AS delen_terug
FROM deze d;
