-- The current state of one organisation's trajecten again, from its snapshots as they now are (after a load or a
-- rollback of its kandidaten, in the same transaction): the same answer as the view traject_afgeleid gives; and
-- what the counts compare per traject (traject_kenmerk, the view traject_kenmerk_afgeleid) with it.
DELETE FROM traject_actueel WHERE organisatie = $organisatie;
INSERT INTO traject_actueel SELECT * FROM traject_afgeleid WHERE organisatie = $organisatie;
DELETE FROM traject_kenmerk WHERE organisatie = $organisatie;
INSERT INTO traject_kenmerk SELECT * FROM traject_kenmerk_afgeleid WHERE organisatie = $organisatie;
