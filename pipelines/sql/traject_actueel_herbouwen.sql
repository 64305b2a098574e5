-- The current state of every traject again from all snapshots (after a repair by hand in the tables), with what
-- the counts compare.
DELETE FROM traject_actueel;
INSERT INTO traject_actueel SELECT * FROM traject_actueel_afgeleid;
