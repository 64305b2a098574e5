-- A store from before the kenmerk columns: its traject_actueel and its table traject_kenmerk make way for the
-- current shape (schema.sql), which is then filled from its definition (traject_actueel_vullen.sql).
DROP VIEW IF EXISTS traject_kenmerk_afgeleid;
DROP TABLE IF EXISTS traject_kenmerk;
DROP TABLE traject_actueel;
