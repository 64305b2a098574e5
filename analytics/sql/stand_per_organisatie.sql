-- Per organisation and kind of export: up to which peildatum the store holds data.
SELECT
    organisatie,
    soort,
    max(peildatum) AS laatste_peildatum,
    count(*) AS uploads,
    max(geladen_op) AS laatst_geladen
FROM uploads
WHERE status IN ('geladen', 'vervangen')
GROUP BY organisatie, soort
ORDER BY organisatie, soort;
