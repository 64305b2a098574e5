-- A dated update of one verbeteractie: its status now and why; the action itself carries the latest status.
INSERT INTO verbeteractie_update (actie_id, tijdstip, door, status, toelichting)
VALUES ($id, timezone('UTC', now()), $door, $status, $toelichting);
UPDATE verbeteractie SET status = $status WHERE id = $id;
