-- The current state of every traject again from all snapshots (after a repair by hand in the tables), with what
-- the counts compare; one organisatie after another, as basis/sql/traject_actueel_vullen.sql says why.
DELETE FROM traject_actueel;
INSERT INTO traject_actueel SELECT * FROM traject_actueel_afgeleid ORDER BY organisatie;
