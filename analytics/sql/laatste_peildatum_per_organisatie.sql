-- Per organisation: the latest peildatum of its trajecten (its last export with trajecten).
SELECT organisatie, max(peildatum) AS laatste FROM trajecten GROUP BY organisatie ORDER BY organisatie;
