-- A traject_actueel just made, filled from its definition, as a load would, and in the order loads leave it: one
-- organisatie after another, so a question about one organisatie reads few row groups (filled in any order, every
-- row group of the national store held 16-31 organisaties, against about 12 in this order).
INSERT INTO traject_actueel SELECT * FROM traject_actueel_afgeleid ORDER BY organisatie;
