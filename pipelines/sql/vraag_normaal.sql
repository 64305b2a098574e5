-- Staging -> typed werkgeversvraag plus one problem column (f_*) per column. Parameters: the month bounds of
-- pipelines/datumgrenzen.py ($vroegste_maand, $laatste_maand, first days) and their Dutch wording ($maanden_bereik).
-- Codes, gemeenten and months are looked up once per distinct value.
CREATE OR REPLACE TEMP TABLE norm AS
WITH
gem AS (FROM code_van('gemeente', (SELECT list(DISTINCT gemeente) FROM stg))),
sec AS (FROM code_van('sector', (SELECT list(DISTINCT sector) FROM stg))),
srt AS (FROM code_van('soort', (SELECT list(DISTINCT soort) FROM stg))),
mnd AS (SELECT ruw, lees_maand(ruw) AS maand FROM (SELECT DISTINCT maand AS ruw FROM stg) WHERE ruw IS NOT NULL),
s AS (
    SELECT
        stg.*,
        mnd.maand AS m,
        lees_geheel(stg.aantal) AS n,
        gem.code AS c_gemeente, gem.opties AS gemeente_opties,
        sec.code AS c_sector, srt.code AS c_soort
    FROM stg
    LEFT JOIN gem ON gem.ruw = stg.gemeente
    LEFT JOIN sec ON sec.ruw = stg.sector
    LEFT JOIN srt ON srt.ruw = stg.soort
    LEFT JOIN mnd ON mnd.ruw = stg.maand
)
SELECT
    _rij,
    tekst(werkgever) AS werkgever,
    c_sector AS sector,
    tekst(beroep) AS beroep,
    lees_crebo(crebo) AS crebo,
    c_gemeente AS gemeentecode,
    m AS maand,
    n AS aantal,
    c_soort AS soort,

    CASE WHEN werkgever IS NULL THEN fout('verplicht_leeg', NULL) END AS f_werkgever,
    CASE
        WHEN sector IS NULL THEN fout('verplicht_leeg', NULL)
        WHEN c_sector IS NULL THEN fout('code_onbekend', 'sector')
    END AS f_sector,
    CASE WHEN beroep IS NULL THEN fout('verplicht_leeg', NULL) END AS f_beroep,
    CASE WHEN crebo IS NOT NULL AND lees_crebo(crebo) IS NULL THEN fout('geen_crebo', NULL) END AS f_crebo,
    CASE
        WHEN gemeente IS NOT NULL AND c_gemeente IS NULL AND gemeente_opties IS NOT NULL
            THEN fout('gemeente_ambigu', gemeente_opties)
        WHEN gemeente IS NOT NULL AND c_gemeente IS NULL THEN fout('gemeente_onbekend', NULL)
    END AS f_gemeente,
    CASE
        WHEN maand IS NULL THEN fout('verplicht_leeg', NULL)
        WHEN m IS NULL THEN fout('geen_maand', NULL)
        WHEN m NOT BETWEEN $vroegste_maand AND $laatste_maand THEN fout('maand_buiten_bereik', $maanden_bereik)
    END AS f_maand,
    CASE
        WHEN aantal IS NULL THEN fout('verplicht_leeg', NULL)
        WHEN n IS NULL THEN fout('geen_heel_getal', NULL)
        WHEN n < 1 THEN fout('te_klein', 1)
        WHEN n > 100000 THEN fout('te_groot', '100.000')
    END AS f_aantal,
    CASE WHEN soort IS NOT NULL AND c_soort IS NULL THEN fout('code_onbekend', 'soort') END AS f_soort
FROM s;
