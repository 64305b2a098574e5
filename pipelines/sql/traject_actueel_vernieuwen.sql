-- The current state of one organisation's trajecten again, from its snapshots as they now are (after a load or a
-- rollback of its kandidaten, in the same transaction), with what the counts compare: what the view
-- traject_actueel_afgeleid gives.
DELETE FROM traject_actueel WHERE organisatie = $organisatie;
INSERT INTO traject_actueel SELECT * FROM traject_actueel_afgeleid WHERE organisatie = $organisatie;
