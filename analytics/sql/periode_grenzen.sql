-- The first startdatum and the peildatum the periods end at: the last one every organisation has delivered
-- (the earliest of their latest peildata), so that one organisation's newer month does not make a period that the
-- others have not delivered yet look empty. An organisation whose latest export is more than $verouderd_dagen days
-- older than the newest does not hold the periods back (the sidebar warns about it); `laatste_peildatum` is the
-- newest peildatum of any organisation.
WITH per_organisatie AS (
    SELECT organisatie, max(peildatum) AS laatste FROM trajecten GROUP BY organisatie
)
SELECT
    (SELECT min(startdatum) FROM trajecten) AS eerste_start,
    max(laatste) AS laatste_peildatum,
    min(laatste) FILTER (
        WHERE laatste >= (SELECT max(laatste) FROM per_organisatie) - to_days(CAST($verouderd_dagen AS INTEGER))
    ) AS gezamenlijke_peildatum
FROM per_organisatie;
