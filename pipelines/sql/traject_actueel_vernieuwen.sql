-- The current state of one organisation's trajecten again, from its snapshots as they now are (after a load or a
-- rollback of its kandidaten, in the same transaction), with what the counts compare: what the view
-- traject_actueel_afgeleid gives for it, with the organisatie named on both sides of the join (through the view,
-- DuckDB derived the current rows of every organisatie each time: the national demo's build slowed down with
-- every organisatie it added).
DELETE FROM traject_actueel WHERE organisatie = $organisatie;
INSERT INTO traject_actueel
SELECT k.*
FROM kandidaat_kenmerk k
SEMI JOIN (SELECT upload_id, traject_id FROM traject_afgeleid WHERE organisatie = $organisatie) a
    USING (upload_id, traject_id)
WHERE k.organisatie = $organisatie;
