-- Value parsing shared by every kind. Staging holds text exactly as the user typed it (trimmed);
-- these macros turn it into typed values or NULL, and the *_fout macros say why not.

-- Matching key: case, accents, spaces and punctuation ignored (same rule as referentie.norm_key).
CREATE OR REPLACE TEMP MACRO norm_key(x) AS
    regexp_replace(strip_accents(lower(x)), '[^a-z0-9]', '', 'g');

-- Free text: trimmed, inner runs of white space as one space (the regex only where needed: it is
-- the expensive part, and most cells need only the trim).
CREATE OR REPLACE TEMP MACRO tekst(x) AS
    nullif(CASE WHEN regexp_matches(x, '\s\s|[\t\n\r]') THEN regexp_replace(trim(x), '\s+', ' ', 'g') ELSE trim(x) END, '');

-- An identifier (trajectnummer, kandidaatnummer): text as typed, except that a pure number loses what
-- Excel adds or takes away (a number cell 1234 may come back as '1234.0'; a CSV re-saved in Excel loses
-- leading zeros), so '01234', '1234' and '1234.0' are the same traject in every export.
CREATE OR REPLACE TEMP MACRO id_tekst(x) AS CASE
    WHEN NOT regexp_matches(x, '^\s*\d') THEN tekst(x)  -- cheap test first: most ids start with a letter
    WHEN regexp_matches(x, '^\s*\d+(\.0+)?\s*$')
        THEN coalesce(nullif(ltrim(regexp_extract(trim(x), '^\d+'), '0'), ''), '0')
    ELSE tekst(x)
END;

-- Dutch month names and abbreviations to numbers, separators to '-': '3 okt. 2026' -> '3-10-2026'.
CREATE OR REPLACE TEMP MACRO datum_vorm(x) AS
    regexp_replace(
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
        lower(trim(x)),
        '\bjan(uari)?\b', '1'), '\bfeb(ruari)?\b', '2'), '\b(mrt|maa|maart|mar)\b', '3'),
        '\bapr(il)?\b', '4'), '\bmei\b', '5'), '\bjun(i)?\b', '6'), '\bjul(i)?\b', '7'),
        '\baug(ustus)?\b', '8'), '\bsep(t|tember)?\b', '9'), '\b(okt|oct)(ober)?\b', '10'),
        '\bnov(ember)?\b', '11'), '\bdec(ember)?\b', '12'),
    '[\s/.,-]+', '-', 'g');

-- A date as people and programs write it, or NULL. (Staging keeps cells untrimmed: trim here.)
CREATE OR REPLACE TEMP MACRO lees_getrimde_datum(x) AS CASE
    WHEN x IS NULL THEN NULL
    -- real Excel date cells arrive as ISO text, with or without a time
    WHEN regexp_matches(x, '^\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?$')
        THEN CAST(try_strptime(regexp_extract(x, '^\d{4}-\d{1,2}-\d{1,2}'), '%Y-%m-%d') AS DATE)
    -- Excel serial numbers (1927 to 2173)
    WHEN regexp_matches(x, '^\d{5}(\.\d+)?$')
        THEN DATE '1899-12-30' + CAST(floor(CAST(x AS DOUBLE)) AS INTEGER)
    WHEN regexp_matches(datum_vorm(x), '^\d{1,2}-\d{1,2}-\d{4}$')
        THEN CAST(try_strptime(datum_vorm(x), '%d-%m-%Y') AS DATE)
    WHEN regexp_matches(datum_vorm(x), '^\d{1,2}-\d{1,2}-\d{2}$')
        THEN CAST(try_strptime(datum_vorm(x), '%d-%m-%y') AS DATE)
    WHEN regexp_matches(datum_vorm(x), '^\d{4}-\d{1,2}-\d{1,2}$')
        THEN CAST(try_strptime(datum_vorm(x), '%Y-%m-%d') AS DATE)
END;

CREATE OR REPLACE TEMP MACRO lees_datum(x) AS lees_getrimde_datum(trim(x));

-- Why a non-empty value is no date: the form of a date but not an existing one, or no date at all.
CREATE OR REPLACE TEMP MACRO datum_fout(x) AS CASE
    WHEN x IS NULL OR lees_datum(x) IS NOT NULL THEN NULL
    WHEN regexp_matches(datum_vorm(x), '^(\d{1,2}-\d{1,2}-(\d{2}|\d{4})|\d{4}-\d{1,2}-\d{1,2})$')
        THEN 'datum_bestaat_niet'
    ELSE 'geen_datum'
END;

-- A month (its first day): any date, 2026-10, 10-2026, okt 2026, oktober 2026, okt-26.
CREATE OR REPLACE TEMP MACRO lees_getrimde_maand(x) AS CASE
    WHEN x IS NULL THEN NULL
    WHEN lees_datum(x) IS NOT NULL THEN CAST(date_trunc('month', lees_datum(x)) AS DATE)
    WHEN regexp_matches(datum_vorm(x), '^\d{4}-\d{1,2}$')
        THEN CAST(try_strptime(datum_vorm(x) || '-1', '%Y-%m-%d') AS DATE)
    WHEN regexp_matches(datum_vorm(x), '^\d{1,2}-\d{4}$')
        THEN CAST(try_strptime('1-' || datum_vorm(x), '%d-%m-%Y') AS DATE)
    WHEN regexp_matches(datum_vorm(x), '^\d{1,2}-\d{2}$')
        THEN CAST(try_strptime('1-' || datum_vorm(x), '%d-%m-%y') AS DATE)
END;

CREATE OR REPLACE TEMP MACRO lees_maand(x) AS lees_getrimde_maand(trim(x));

-- Whole numbers: 3, 3,0, "3", 1.234 (= 1234: the dot groups thousands in Dutch).
CREATE OR REPLACE TEMP MACRO lees_getrimd_geheel(x) AS CASE
    WHEN x IS NULL THEN NULL
    WHEN regexp_matches(x, '^-?\d+$') THEN TRY_CAST(x AS BIGINT)
    WHEN regexp_matches(x, '^-?\d{1,3}(\.\d{3})+$') THEN TRY_CAST(replace(x, '.', '') AS BIGINT)
    WHEN regexp_matches(x, '^-?\d+[.,]0+$') THEN TRY_CAST(regexp_extract(x, '^-?\d+') AS BIGINT)
END;

CREATE OR REPLACE TEMP MACRO lees_geheel(x) AS lees_getrimd_geheel(trim(x));

-- Crebo: five digits (a number cell may arrive as 25498.0).
CREATE OR REPLACE TEMP MACRO lees_crebo(x) AS
    nullif(regexp_extract(trim(x), '^(\d{5})(\.0+)?$', 1), '');

-- The canonical code (and, for gemeenten, the options when ambiguous) of each distinct value in a list:
-- a lookup per distinct value instead of per row. Uses ref_sleutel (referentie_sleutels.sql).
CREATE OR REPLACE TEMP MACRO code_van(lijst_naam, waarden) AS TABLE
SELECT v.ruw, r.code, r.opties
FROM (SELECT unnest(waarden) AS ruw) v
JOIN ref_sleutel r ON r.lijst = lijst_naam AND r.sleutel = norm_key(v.ruw);

-- One problem found in one cell, as 'probleem' or 'probleem|extra' (text is far cheaper than a
-- struct for 200,000 rows that are nearly all fine). fouten.sql adds the cell's value.
CREATE OR REPLACE TEMP MACRO fout(probleem, extra) AS
    probleem || coalesce('|' || CAST(extra AS VARCHAR), '');

-- The other rows of a value that occurs more than once, for its message: at most three, then how many more
-- ('3, 4, 5 en 19.996 andere rijen'). `eerste` holds the group's first four rows, `aantal` its size. Listing every
-- other row made 20.000 equal trajectnummers a report of gigabytes (each of n messages naming n rows).
CREATE OR REPLACE TEMP MACRO andere_rijen(eerste, aantal, rij) AS
    array_to_string(list_filter(eerste, lambda r: r <> rij)[1:3], ', ')
    || CASE
        WHEN aantal = 5 THEN ' en 1 andere rij'
        WHEN aantal > 5 THEN ' en ' || replace(format('{:,}', aantal - 4), ',', '.') || ' andere rijen'
        ELSE ''
    END;

-- Keyed hash (HMAC-SHA256) of a kandidaat number; the pads come from the key outside the store.
CREATE OR REPLACE TEMP MACRO hmac_sha256(ipad, opad, bericht) AS
    sha256(opad || unhex(sha256(ipad || encode(bericht))));
