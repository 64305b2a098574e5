INSERT INTO kandidaten_rij
SELECT
    $upload_id, $organisatie, $peildatum, _rij, traject_id, kandidaat_hash, gemeentecode, doelgroep,
    stroom, route, sector, werkgever, crebo, kwalificatie, startdatum, einddatum, status,
    reden_uitval, uitstroom, praktijkverklaring_datum, praktijkopleider
FROM norm;
