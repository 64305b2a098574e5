-- Staging -> typed instroomafspraken plus one problem column (f_*) per column. Parameters: the years an afspraak
-- may be about (pipelines/datumgrenzen.py): $vroegste_jaar, $laatste_jaar.
CREATE OR REPLACE TEMP TABLE norm AS
WITH
gem AS (FROM code_van('gemeente', (SELECT list(DISTINCT gemeente) FROM stg))),
sec AS (FROM code_van('sector', (SELECT list(DISTINCT sector) FROM stg))),
dgr AS (FROM code_van('doelgroep', (SELECT list(DISTINCT doelgroep) FROM stg))),
s AS (
    SELECT
        stg.*,
        lees_geheel(stg.jaar) AS j,
        lees_geheel(stg.aantal) AS n,
        gem.code AS c_gemeente, gem.opties AS gemeente_opties,
        sec.code AS c_sector, dgr.code AS c_doelgroep
    FROM stg
    LEFT JOIN gem ON gem.ruw = stg.gemeente
    LEFT JOIN sec ON sec.ruw = stg.sector
    LEFT JOIN dgr ON dgr.ruw = stg.doelgroep
),
zelfde AS (
    SELECT c_gemeente, j, coalesce(c_sector, '') AS sec, coalesce(c_doelgroep, '') AS dgr,
           list(_rij ORDER BY _rij)[1:4] AS eerste_rijen, count(*) AS aantal
    FROM s WHERE c_gemeente IS NOT NULL AND j IS NOT NULL
    GROUP BY ALL HAVING count(*) > 1
),
d AS (
    SELECT s.*, zelfde.eerste_rijen AS zelfde_rijen, zelfde.aantal AS aantal_zelfde
    FROM s LEFT JOIN zelfde ON zelfde.c_gemeente = s.c_gemeente AND zelfde.j = s.j
        AND zelfde.sec = coalesce(s.c_sector, '') AND zelfde.dgr = coalesce(s.c_doelgroep, '')
)
SELECT
    _rij,
    c_gemeente AS gemeentecode,
    j AS jaar,
    c_sector AS sector,
    c_doelgroep AS doelgroep,
    n AS aantal,

    CASE
        WHEN gemeente IS NULL THEN fout('verplicht_leeg', NULL)
        WHEN c_gemeente IS NULL AND gemeente_opties IS NOT NULL THEN fout('gemeente_ambigu', gemeente_opties)
        WHEN c_gemeente IS NULL THEN fout('gemeente_onbekend', NULL)
        WHEN zelfde_rijen IS NOT NULL THEN fout('afspraak_dubbel', andere_rijen(zelfde_rijen, aantal_zelfde, _rij))
    END AS f_gemeente,
    CASE
        WHEN jaar IS NULL THEN fout('verplicht_leeg', NULL)
        WHEN j IS NULL OR j NOT BETWEEN 1000 AND 9999 THEN fout('geen_jaar', NULL)
        WHEN j NOT BETWEEN $vroegste_jaar AND $laatste_jaar
            THEN fout('jaar_buiten_bereik', $vroegste_jaar || ' tot en met ' || $laatste_jaar)
    END AS f_jaar,
    CASE
        WHEN aantal IS NULL THEN fout('verplicht_leeg', NULL)
        WHEN n IS NULL THEN fout('geen_heel_getal', NULL)
        WHEN n < 0 THEN fout('te_klein', 0)
        WHEN n > 100000 THEN fout('te_groot', '100.000')
    END AS f_aantal,
    CASE WHEN sector IS NOT NULL AND c_sector IS NULL THEN fout('code_onbekend', 'sector') END AS f_sector,
    CASE WHEN doelgroep IS NOT NULL AND c_doelgroep IS NULL THEN fout('code_onbekend', 'doelgroep') END AS f_doelgroep
FROM d;
