-- The fingerprint of the key the store's kandidaten were hashed with (pipelines/sleutel.py), if recorded.
SELECT vingerafdruk FROM sleutel_vingerafdruk ORDER BY vastgelegd_op LIMIT 1;
