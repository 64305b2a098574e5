INSERT INTO afspraak_rij
SELECT $upload_id, $organisatie, _rij, gemeentecode, jaar, sector, doelgroep, aantal
FROM norm;
