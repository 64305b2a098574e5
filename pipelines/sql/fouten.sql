-- Every problem found by the *_normaal step, one row per cell: (rij, kolom, probleem, waarde, extra).
SELECT _rij AS rij, substr(kolom, 3) AS kolom, f.probleem, f.waarde, f.extra
FROM (UNPIVOT (SELECT _rij, COLUMNS('^f_') FROM norm) ON COLUMNS('^f_') INTO NAME kolom VALUE f)
ORDER BY rij;
