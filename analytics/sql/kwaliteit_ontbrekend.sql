-- Trajecten that are missing from their organisation's latest export: their last known state stays and
-- counts, but someone should check whether the export was complete.
SELECT organisatie, traject_id, status, laatst_gezien, laatste_export
FROM trajecten_ontbrekend
ORDER BY organisatie, laatst_gezien, traject_id;
