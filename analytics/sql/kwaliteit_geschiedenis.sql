-- Every upload, newest first: who, when (UTC), file, kind, organisatie, peildatum, rows, outcome, the
-- warnings and errors kept with it, and when and by whom it was rolled back.
SELECT
    v.upload_id, v.geladen_op, v.geladen_door, v.bestandsnaam, v.soort, v.organisatie, v.peildatum, v.rijen,
    v.status, u.teruggedraaid_op, u.teruggedraaid_door,
    coalesce(CAST(json_extract(v.meldingen, '$.waarschuwingen') AS VARCHAR[]), []) AS waarschuwingen,
    coalesce(CAST(json_extract(v.meldingen, '$.fouten') AS VARCHAR[]), []) AS fouten,
    coalesce(CAST(json_extract(v.meldingen, '$.aantal_fouten') AS INTEGER), 0) AS aantal_fouten
FROM uploads v
JOIN upload u USING (upload_id)
ORDER BY v.upload_id DESC;
