-- The latest month present in the vraag data (all of it, not the selection): the 12-month window of
-- structurele vraag never runs past it, so a sector filter cannot shift the window.
SELECT max(maand) AS laatste_maand FROM vraag;
