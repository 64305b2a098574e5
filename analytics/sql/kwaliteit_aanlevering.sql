-- Per organisatie and kind, month by month from its first month to the latest month anyone delivered for
-- that kind: delivered or not, with the organisation's latest peildatum. kandidaten: the month of the
-- peildatum of each export that counts (loaded, or replaced by a later file for the same peildatum);
-- vraag: the months the demand covers. The series stays within $vroegste_maand..$laatste_maand (the ingest's
-- bounds, pipelines/datumgrenzen.py): a store loaded before they were checked may hold 31-12-9999.
WITH
geleverd AS (
    SELECT DISTINCT organisatie, soort, CAST(date_trunc('month', peildatum) AS DATE) AS maand
    FROM uploads WHERE soort = 'kandidaten' AND status IN ('geladen', 'vervangen')
    UNION
    SELECT DISTINCT organisatie, 'vraag', maand FROM vraag
),
eerste AS (SELECT organisatie, soort, min(maand) AS eerste FROM geleverd GROUP BY ALL),
laatste AS (SELECT soort, max(maand) AS laatste FROM geleverd GROUP BY ALL),
reeks AS (
    SELECT e.organisatie, e.soort,
           CAST(unnest(generate_series(greatest(e.eerste, $vroegste_maand), least(l.laatste, $laatste_maand),
                                       INTERVAL 1 MONTH)) AS DATE) AS maand
    FROM eerste e JOIN laatste l USING (soort)
),
peil AS (
    SELECT organisatie, soort, max(peildatum) AS laatste_peildatum
    FROM uploads WHERE status IN ('geladen', 'vervangen') GROUP BY ALL
)
SELECT r.organisatie, r.soort, r.maand, g.maand IS NOT NULL AS geleverd, p.laatste_peildatum
FROM reeks r
LEFT JOIN geleverd g USING (organisatie, soort, maand)
LEFT JOIN peil p USING (organisatie, soort)
ORDER BY r.soort, r.organisatie, r.maand;
