-- The national demo (demodata/nationaal.py): its generated trajecten (registered as `demo_bron`, one row per traject
-- with its final outcome) with kandidaat_hash made exactly as kandidaten_normaal.sql makes it from the store's key.
-- Parameters: $ipad, $opad (HMAC pads of the key).
CREATE OR REPLACE TEMP TABLE demo_traject AS
SELECT * EXCLUDE (kandidaat_id, organisatie_sleutel),
       hmac_sha256($ipad, $opad, organisatie_sleutel || '|' || id_tekst(kandidaat_id)) AS kandidaat_hash
FROM demo_bron
ORDER BY organisatie, nr;
