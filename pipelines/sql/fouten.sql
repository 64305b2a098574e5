-- The problems the *_normaal step found, one row per cell: (rij, kolom, probleem, waarde, extra), with
-- the value as the user sees it (looked up in staging only for the rows with a problem; a real Excel
-- date arrives as '2026-11-15 00:00:00' but the user sees 15-11-2026). Only the first $max_fouten by row:
-- a file that is wrong in every cell would otherwise be millions of messages (fouten_per_kolom.sql counts
-- them all).
WITH problemen AS (
    SELECT _rij AS rij, substr(kolom, 3) AS kolom, f
    FROM (UNPIVOT (
        SELECT * EXCLUDE (een)  -- only the rows with a problem are turned into one row per cell
        FROM (SELECT _rij, COLUMNS('^f_'), coalesce(*COLUMNS('^f_')) AS een FROM norm)
        WHERE een IS NOT NULL
    ) ON COLUMNS('^f_') INTO NAME kolom VALUE f)
    ORDER BY rij
    LIMIT $max_fouten
),
cellen AS (
    UNPIVOT (SELECT * FROM stg WHERE _rij IN (SELECT rij FROM problemen))
    ON COLUMNS(* EXCLUDE (_rij)) INTO NAME kolom VALUE waarde
)
SELECT
    p.rij,
    p.kolom,
    split_part(p.f, '|', 1) AS probleem,
    CASE
        WHEN regexp_matches(trim(c.waarde), '^\d{4}-\d{2}-\d{2} 00:00:00$')
            THEN strftime(lees_datum(c.waarde), '%d-%m-%Y')
        ELSE c.waarde
    END AS waarde,
    CASE WHEN contains(p.f, '|') THEN substr(p.f, strpos(p.f, '|') + 1) END AS extra
FROM problemen p
LEFT JOIN cellen c ON c._rij = p.rij AND c.kolom = p.kolom
ORDER BY p.rij;
