-- In a kandidaten load's transaction: the fingerprint of the key its hashes were made with, when the store has none.
INSERT INTO sleutel_vingerafdruk (vingerafdruk, vastgelegd_op)
SELECT vingerafdruk, timezone('UTC', now())
FROM gebruikte_sleutel
WHERE NOT EXISTS (SELECT 1 FROM sleutel_vingerafdruk);
