-- Staging -> typed instroomafspraken plus one problem column (f_*) per column. No parameters.
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
d AS (
    SELECT *, list(_rij) OVER (
        PARTITION BY c_gemeente, j, coalesce(c_sector, ''), coalesce(c_doelgroep, '')
        ORDER BY _rij ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS zelfde_rijen
    FROM s
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
        WHEN j IS NOT NULL AND len(zelfde_rijen) > 1
            THEN fout('afspraak_dubbel', array_to_string(list_filter(zelfde_rijen, lambda r: r <> _rij), ', '))
    END AS f_gemeente,
    CASE
        WHEN jaar IS NULL THEN fout('verplicht_leeg', NULL)
        WHEN j IS NULL OR j NOT BETWEEN 2000 AND 2100 THEN fout('geen_jaar', NULL)
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
