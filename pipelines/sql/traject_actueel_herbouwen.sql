-- The current state of every traject again from all snapshots (after a repair by hand in the tables), and what the
-- counts compare per traject with it.
DELETE FROM traject_actueel;
INSERT INTO traject_actueel SELECT * FROM traject_afgeleid;
DELETE FROM traject_kenmerk;
INSERT INTO traject_kenmerk SELECT * FROM traject_kenmerk_afgeleid;
