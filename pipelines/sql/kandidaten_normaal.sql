-- Staging (stg: text as typed) -> typed, canonical values plus one problem column (f_*) per column.
-- Parameters: $peildatum, $ipad, $opad (HMAC pads of the key), $organisatie_sleutel.
CREATE OR REPLACE TEMP TABLE norm AS
WITH
gem AS (SELECT sleutel, code, opties FROM ref_sleutel WHERE lijst = 'gemeente'),
dgr AS (SELECT sleutel, code FROM ref_sleutel WHERE lijst = 'doelgroep'),
str AS (SELECT sleutel, code FROM ref_sleutel WHERE lijst = 'stroom'),
rou AS (SELECT sleutel, code FROM ref_sleutel WHERE lijst = 'route'),
sec AS (SELECT sleutel, code FROM ref_sleutel WHERE lijst = 'sector'),
sta AS (SELECT sleutel, code FROM ref_sleutel WHERE lijst = 'status'),
red AS (SELECT sleutel, code FROM ref_sleutel WHERE lijst = 'reden_uitval'),
uit AS (SELECT sleutel, code FROM ref_sleutel WHERE lijst = 'uitstroom'),
dubbel AS (
    SELECT traject_id, list(_rij ORDER BY _rij) AS rijen
    FROM stg WHERE traject_id IS NOT NULL
    GROUP BY traject_id HAVING count(*) > 1
),
s AS (
    SELECT
        stg.*,
        lees_datum(stg.startdatum) AS d_start,
        lees_datum(stg.einddatum) AS d_eind,
        lees_datum(stg.praktijkverklaring_datum) AS d_pv,
        gem.code AS c_gemeente, gem.opties AS gemeente_opties,
        dgr.code AS c_doelgroep, str.code AS c_stroom, rou.code AS c_route, sec.code AS c_sector,
        sta.code AS c_status, red.code AS c_reden, uit.code AS c_uitstroom,
        dubbel.rijen AS dubbele_rijen
    FROM stg
    LEFT JOIN gem ON gem.sleutel = norm_key(stg.gemeente)
    LEFT JOIN dgr ON dgr.sleutel = norm_key(stg.doelgroep)
    LEFT JOIN str ON str.sleutel = norm_key(stg.stroom)
    LEFT JOIN rou ON rou.sleutel = norm_key(stg.route)
    LEFT JOIN sec ON sec.sleutel = norm_key(stg.sector)
    LEFT JOIN sta ON sta.sleutel = norm_key(stg.status)
    LEFT JOIN red ON red.sleutel = norm_key(stg.reden_uitval)
    LEFT JOIN uit ON uit.sleutel = norm_key(stg.uitstroom)
    LEFT JOIN dubbel ON dubbel.traject_id = stg.traject_id
)
SELECT
    _rij,
    tekst(traject_id) AS traject_id,
    hmac_sha256($ipad, $opad, $organisatie_sleutel || '|' || tekst(kandidaat_id)) AS kandidaat_hash,
    c_gemeente AS gemeentecode,
    c_doelgroep AS doelgroep,
    c_stroom AS stroom,
    c_route AS route,
    c_sector AS sector,
    tekst(werkgever) AS werkgever,
    lees_crebo(crebo) AS crebo,
    tekst(kwalificatie) AS kwalificatie,
    d_start AS startdatum,
    d_eind AS einddatum,
    c_status AS status,
    c_reden AS reden_uitval,
    c_uitstroom AS uitstroom,
    d_pv AS praktijkverklaring_datum,
    tekst(praktijkopleider) AS praktijkopleider,

    CASE
        WHEN traject_id IS NULL THEN fout('verplicht_leeg', NULL, NULL)
        WHEN dubbele_rijen IS NOT NULL
            THEN fout('traject_dubbel', traject_id,
                      array_to_string(list_filter(dubbele_rijen, lambda r: r <> _rij), ', '))
    END AS f_traject_id,
    CASE WHEN kandidaat_id IS NULL THEN fout('verplicht_leeg', NULL, NULL) END AS f_kandidaat_id,
    CASE
        WHEN gemeente IS NULL THEN fout('verplicht_leeg', NULL, NULL)
        WHEN c_gemeente IS NULL AND gemeente_opties IS NOT NULL THEN fout('gemeente_ambigu', gemeente, gemeente_opties)
        WHEN c_gemeente IS NULL THEN fout('gemeente_onbekend', gemeente, NULL)
    END AS f_gemeente,
    CASE
        WHEN doelgroep IS NULL THEN fout('verplicht_leeg', NULL, NULL)
        WHEN c_doelgroep IS NULL THEN fout('code_onbekend', doelgroep, 'doelgroep')
    END AS f_doelgroep,
    CASE WHEN stroom IS NOT NULL AND c_stroom IS NULL THEN fout('code_onbekend', stroom, 'stroom') END AS f_stroom,
    CASE
        WHEN route IS NULL THEN fout('verplicht_leeg', NULL, NULL)
        WHEN c_route IS NULL THEN fout('code_onbekend', route, 'route')
    END AS f_route,
    CASE
        WHEN sector IS NULL THEN fout('verplicht_leeg', NULL, NULL)
        WHEN c_sector IS NULL THEN fout('code_onbekend', sector, 'sector')
    END AS f_sector,
    CASE WHEN c_route = 'extern' AND tekst(werkgever) IS NULL THEN fout('werkgever_verplicht', NULL, NULL) END AS f_werkgever,
    CASE WHEN crebo IS NOT NULL AND lees_crebo(crebo) IS NULL THEN fout('geen_crebo', crebo, NULL) END AS f_crebo,
    CASE
        WHEN startdatum IS NULL THEN fout('verplicht_leeg', NULL, NULL)
        WHEN d_start IS NULL THEN fout(datum_fout(startdatum), startdatum, NULL)
        WHEN d_start > $peildatum THEN fout('na_peildatum', startdatum, strftime($peildatum, '%d-%m-%Y'))
    END AS f_startdatum,
    CASE
        WHEN einddatum IS NOT NULL AND d_eind IS NULL THEN fout(datum_fout(einddatum), einddatum, NULL)
        WHEN einddatum IS NULL AND c_status IN ('afgerond', 'uitgevallen') THEN fout('einddatum_verplicht', NULL, c_status)
        WHEN d_eind < d_start THEN fout('voor_startdatum', einddatum, strftime(d_start, '%d-%m-%Y'))
    END AS f_einddatum,
    CASE
        WHEN status IS NULL THEN fout('verplicht_leeg', NULL, NULL)
        WHEN c_status IS NULL THEN fout('code_onbekend', status, 'status')
    END AS f_status,
    CASE
        WHEN reden_uitval IS NOT NULL AND c_reden IS NULL THEN fout('code_onbekend', reden_uitval, 'reden_uitval')
        WHEN reden_uitval IS NULL AND c_status = 'uitgevallen' THEN fout('reden_verplicht', NULL, NULL)
    END AS f_reden_uitval,
    CASE WHEN uitstroom IS NOT NULL AND c_uitstroom IS NULL THEN fout('code_onbekend', uitstroom, 'uitstroom') END AS f_uitstroom,
    CASE
        WHEN praktijkverklaring_datum IS NOT NULL AND d_pv IS NULL
            THEN fout(datum_fout(praktijkverklaring_datum), praktijkverklaring_datum, NULL)
    END AS f_praktijkverklaring_datum
FROM s;
