-- The fingerprint of the key this connection hashes with, for sleutel_vastleggen in the same load.
CREATE OR REPLACE TEMP TABLE gebruikte_sleutel AS SELECT CAST($vingerafdruk AS VARCHAR) AS vingerafdruk;
