-- Staging -> typed werkgeversvraag plus one problem column (f_*) per column. No parameters.
CREATE OR REPLACE TEMP TABLE norm AS
WITH
gem AS (SELECT sleutel, code, opties FROM ref_sleutel WHERE lijst = 'gemeente'),
sec AS (SELECT sleutel, code FROM ref_sleutel WHERE lijst = 'sector'),
srt AS (SELECT sleutel, code FROM ref_sleutel WHERE lijst = 'soort'),
s AS (
    SELECT
        stg.*,
        lees_maand(stg.maand) AS m,
        lees_geheel(stg.aantal) AS n,
        gem.code AS c_gemeente, gem.opties AS gemeente_opties,
        sec.code AS c_sector, srt.code AS c_soort
    FROM stg
    LEFT JOIN gem ON gem.sleutel = norm_key(stg.gemeente)
    LEFT JOIN sec ON sec.sleutel = norm_key(stg.sector)
    LEFT JOIN srt ON srt.sleutel = norm_key(stg.soort)
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

    CASE WHEN werkgever IS NULL THEN fout('verplicht_leeg', NULL, NULL) END AS f_werkgever,
    CASE
        WHEN sector IS NULL THEN fout('verplicht_leeg', NULL, NULL)
        WHEN c_sector IS NULL THEN fout('code_onbekend', sector, 'sector')
    END AS f_sector,
    CASE WHEN beroep IS NULL THEN fout('verplicht_leeg', NULL, NULL) END AS f_beroep,
    CASE WHEN crebo IS NOT NULL AND lees_crebo(crebo) IS NULL THEN fout('geen_crebo', crebo, NULL) END AS f_crebo,
    CASE
        WHEN gemeente IS NOT NULL AND c_gemeente IS NULL AND gemeente_opties IS NOT NULL
            THEN fout('gemeente_ambigu', gemeente, gemeente_opties)
        WHEN gemeente IS NOT NULL AND c_gemeente IS NULL THEN fout('gemeente_onbekend', gemeente, NULL)
    END AS f_gemeente,
    CASE
        WHEN maand IS NULL THEN fout('verplicht_leeg', NULL, NULL)
        WHEN m IS NULL THEN fout('geen_maand', maand, NULL)
    END AS f_maand,
    CASE
        WHEN aantal IS NULL THEN fout('verplicht_leeg', NULL, NULL)
        WHEN n IS NULL THEN fout('geen_heel_getal', aantal, NULL)
        WHEN n < 1 THEN fout('te_klein', aantal, 1)
    END AS f_aantal,
    CASE WHEN soort IS NOT NULL AND c_soort IS NULL THEN fout('code_onbekend', soort, 'soort') END AS f_soort
FROM s;
