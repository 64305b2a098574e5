-- The first and latest month present in the vraag data (all of it, not the selection): the 12-month window of
-- structurele vraag never runs past the latest, so a sector filter cannot shift the window; a year before the first
-- month has no vraag data, not zero vraag.
SELECT min(maand) AS eerste_maand, max(maand) AS laatste_maand FROM vraag;
