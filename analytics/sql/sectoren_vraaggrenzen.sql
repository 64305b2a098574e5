-- The first month with vraag in the store: a structurele-vraag window that starts before it is incomplete.
SELECT min(maand) AS eerste_maand FROM vraag;
