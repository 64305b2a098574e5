-- Staging (stg: text as typed) -> typed, canonical values plus one problem column (f_*) per column.
-- Codes, gemeenten and dates are looked up, and kandidaatnummers hashed, once per distinct value, not once per row.
-- Parameters: $peildatum, $ipad, $opad (HMAC pads of the key), $organisatie_sleutel, and the date bounds of
-- pipelines/datumgrenzen.py: $vroegste_datum, $laatste_datum, $geen_einddatum (31-12-9999: empty on a lopend traject).
CREATE OR REPLACE TEMP TABLE norm AS
WITH
gem AS (FROM code_van('gemeente', (SELECT list(DISTINCT gemeente) FROM stg))),
dgr AS (FROM code_van('doelgroep', (SELECT list(DISTINCT doelgroep) FROM stg))),
str AS (FROM code_van('stroom', (SELECT list(DISTINCT stroom) FROM stg))),
rou AS (FROM code_van('route', (SELECT list(DISTINCT route) FROM stg))),
sec AS (FROM code_van('sector', (SELECT list(DISTINCT sector) FROM stg))),
sta AS (FROM code_van('status', (SELECT list(DISTINCT status) FROM stg))),
red AS (FROM code_van('reden_uitval', (SELECT list(DISTINCT reden_uitval) FROM stg))),
uit AS (FROM code_van('uitstroom', (SELECT list(DISTINCT uitstroom) FROM stg))),
dat AS (
    SELECT ruw, lees_datum(ruw) AS datum, datum_fout(ruw) AS fout
    FROM (SELECT startdatum AS ruw FROM stg UNION SELECT einddatum FROM stg
          UNION SELECT praktijkverklaring_datum FROM stg)
    WHERE ruw IS NOT NULL
),
hsh AS (  -- the keyed hash once per kandidaatnummer as typed, not once per row (a kandidaat has several)
    SELECT ruw, hmac_sha256($ipad, $opad, $organisatie_sleutel || '|' || id_tekst(ruw)) AS hash
    FROM (SELECT DISTINCT kandidaat_id AS ruw FROM stg)
),
dubbel AS (
    SELECT id_tekst(traject_id) AS traject_id, list(_rij ORDER BY _rij)[1:4] AS eerste_rijen, count(*) AS aantal
    FROM stg WHERE traject_id IS NOT NULL
    GROUP BY id_tekst(traject_id) HAVING count(*) > 1
),
s AS (
    SELECT
        stg.*,
        ds.datum AS d_start, ds.fout AS start_fout,
        de.datum AS d_eind, de.fout AS eind_fout,
        dp.datum AS d_pv, dp.fout AS pv_fout,
        gem.code AS c_gemeente, gem.opties AS gemeente_opties,
        dgr.code AS c_doelgroep, str.code AS c_stroom, rou.code AS c_route, sec.code AS c_sector,
        sta.code AS c_status, red.code AS c_reden, uit.code AS c_uitstroom,
        hsh.hash, dubbel.eerste_rijen AS dubbele_rijen, dubbel.aantal AS aantal_dubbel
    FROM stg
    LEFT JOIN gem ON gem.ruw = stg.gemeente
    LEFT JOIN dgr ON dgr.ruw = stg.doelgroep
    LEFT JOIN str ON str.ruw = stg.stroom
    LEFT JOIN rou ON rou.ruw = stg.route
    LEFT JOIN sec ON sec.ruw = stg.sector
    LEFT JOIN sta ON sta.ruw = stg.status
    LEFT JOIN red ON red.ruw = stg.reden_uitval
    LEFT JOIN uit ON uit.ruw = stg.uitstroom
    LEFT JOIN dat ds ON ds.ruw = stg.startdatum
    LEFT JOIN dat de ON de.ruw = stg.einddatum
    LEFT JOIN dat dp ON dp.ruw = stg.praktijkverklaring_datum
    LEFT JOIN hsh ON hsh.ruw = stg.kandidaat_id
    LEFT JOIN dubbel ON dubbel.traject_id = id_tekst(stg.traject_id)
)
SELECT
    _rij,
    id_tekst(traject_id) AS traject_id,
    hash AS kandidaat_hash,
    c_gemeente AS gemeentecode,
    c_doelgroep AS doelgroep,
    c_stroom AS stroom,
    c_route AS route,
    c_sector AS sector,
    tekst(werkgever) AS werkgever,
    lees_crebo(crebo) AS crebo,
    tekst(kwalificatie) AS kwalificatie,
    d_start AS startdatum,
    CASE WHEN d_eind = $geen_einddatum AND c_status = 'lopend' THEN NULL ELSE d_eind END AS einddatum,
    c_status AS status,
    c_reden AS reden_uitval,
    c_uitstroom AS uitstroom,
    d_pv AS praktijkverklaring_datum,
    tekst(praktijkopleider) AS praktijkopleider,

    CASE
        WHEN traject_id IS NULL THEN fout('verplicht_leeg', NULL)
        WHEN dubbele_rijen IS NOT NULL
            THEN fout('traject_dubbel', andere_rijen(dubbele_rijen, aantal_dubbel, _rij))
    END AS f_traject_id,
    CASE WHEN kandidaat_id IS NULL THEN fout('verplicht_leeg', NULL) END AS f_kandidaat_id,
    CASE
        WHEN gemeente IS NULL THEN fout('verplicht_leeg', NULL)
        WHEN c_gemeente IS NULL AND gemeente_opties IS NOT NULL THEN fout('gemeente_ambigu', gemeente_opties)
        WHEN c_gemeente IS NULL THEN fout('gemeente_onbekend', NULL)
    END AS f_gemeente,
    CASE
        WHEN doelgroep IS NULL THEN fout('verplicht_leeg', NULL)
        WHEN c_doelgroep IS NULL THEN fout('code_onbekend', 'doelgroep')
    END AS f_doelgroep,
    CASE WHEN stroom IS NOT NULL AND c_stroom IS NULL THEN fout('code_onbekend', 'stroom') END AS f_stroom,
    CASE
        WHEN route IS NULL THEN fout('verplicht_leeg', NULL)
        WHEN c_route IS NULL THEN fout('code_onbekend', 'route')
    END AS f_route,
    CASE
        WHEN sector IS NULL THEN fout('verplicht_leeg', NULL)
        WHEN c_sector IS NULL THEN fout('code_onbekend', 'sector')
    END AS f_sector,
    CASE WHEN c_route = 'extern' AND tekst(werkgever) IS NULL THEN fout('werkgever_verplicht', NULL) END AS f_werkgever,
    CASE WHEN crebo IS NOT NULL AND lees_crebo(crebo) IS NULL THEN fout('geen_crebo', NULL) END AS f_crebo,
    CASE
        WHEN startdatum IS NULL THEN fout('verplicht_leeg', NULL)
        WHEN d_start IS NULL THEN fout(start_fout, NULL)
        WHEN d_start < $vroegste_datum THEN fout('datum_te_vroeg', strftime($vroegste_datum, '%d-%m-%Y'))
        WHEN d_start > $peildatum THEN fout('na_peildatum', strftime($peildatum, '%d-%m-%Y'))
    END AS f_startdatum,
    CASE
        WHEN einddatum IS NOT NULL AND d_eind IS NULL THEN fout(eind_fout, NULL)
        WHEN d_eind = $geen_einddatum AND c_status = 'lopend' THEN NULL
        WHEN d_eind = $geen_einddatum AND c_status IN ('afgerond', 'uitgevallen') THEN fout('geen_einddatum', c_status)
        WHEN einddatum IS NULL AND c_status IN ('afgerond', 'uitgevallen') THEN fout('einddatum_verplicht', c_status)
        WHEN d_eind < $vroegste_datum THEN fout('datum_te_vroeg', strftime($vroegste_datum, '%d-%m-%Y'))
        WHEN d_eind < d_start THEN fout('voor_startdatum', strftime(d_start, '%d-%m-%Y'))
        WHEN d_eind > $peildatum AND c_status IN ('afgerond', 'uitgevallen')
            THEN fout('einde_na_peildatum', strftime($peildatum, '%d-%m-%Y'))
        WHEN d_eind > $laatste_datum THEN fout('datum_te_laat', strftime($laatste_datum, '%d-%m-%Y'))
    END AS f_einddatum,
    CASE
        WHEN status IS NULL THEN fout('verplicht_leeg', NULL)
        WHEN c_status IS NULL THEN fout('code_onbekend', 'status')
    END AS f_status,
    CASE
        WHEN reden_uitval IS NOT NULL AND c_reden IS NULL THEN fout('code_onbekend', 'reden_uitval')
        WHEN reden_uitval IS NULL AND c_status = 'uitgevallen' THEN fout('reden_verplicht', NULL)
    END AS f_reden_uitval,
    CASE WHEN uitstroom IS NOT NULL AND c_uitstroom IS NULL THEN fout('code_onbekend', 'uitstroom') END AS f_uitstroom,
    CASE
        WHEN praktijkverklaring_datum IS NOT NULL AND d_pv IS NULL THEN fout(pv_fout, NULL)
        WHEN d_pv < $vroegste_datum THEN fout('datum_te_vroeg', strftime($vroegste_datum, '%d-%m-%Y'))
        WHEN d_pv > $peildatum THEN fout('praktijkverklaring_na_peildatum', strftime($peildatum, '%d-%m-%Y'))
    END AS f_praktijkverklaring_datum
FROM s;
