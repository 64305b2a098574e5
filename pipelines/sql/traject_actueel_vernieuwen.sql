-- The current state of one organisation's trajecten again, from its snapshots as they now are (after a load or a
-- rollback of its kandidaten, in the same transaction): the same answer as the view traject_afgeleid gives.
DELETE FROM traject_actueel WHERE organisatie = $organisatie;
INSERT INTO traject_actueel SELECT * FROM traject_afgeleid WHERE organisatie = $organisatie;
