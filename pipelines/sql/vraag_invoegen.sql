INSERT INTO vraag_rij
SELECT $upload_id, $organisatie, _rij, werkgever, sector, beroep, crebo, gemeentecode, maand, aantal, soort
FROM norm;
