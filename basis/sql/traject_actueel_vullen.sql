-- A traject_actueel just made, filled from its definition, as a load would.
INSERT INTO traject_actueel SELECT * FROM traject_actueel_afgeleid;
