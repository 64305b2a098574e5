-- What a vraag export changes: it replaces its organisation's demand for exactly the months it holds.
-- Per month: new (nothing there yet), changed (other rows there now) or unchanged (the same rows).
-- `norm` is the checked export; parameter: $organisatie.
WITH
regel AS (
    SELECT maand, concat_ws('|', werkgever, sector, beroep, crebo, gemeentecode, aantal, soort) AS r FROM norm
),
nieuw AS (SELECT maand, string_agg(r, chr(10) ORDER BY r) AS inhoud FROM regel GROUP BY maand),
nu AS (
    SELECT maand, string_agg(concat_ws('|', werkgever, sector, beroep, crebo, gemeentecode, aantal, soort), chr(10)
                             ORDER BY concat_ws('|', werkgever, sector, beroep, crebo, gemeentecode, aantal, soort))
           AS inhoud
    FROM vraag_geldig
    WHERE organisatie = $organisatie AND maand IN (SELECT maand FROM nieuw)
    GROUP BY maand
)
SELECT
    count(*) FILTER (WHERE nu.maand IS NULL) AS nieuw,
    count(*) FILTER (WHERE nu.maand IS NOT NULL AND nu.inhoud <> nieuw.inhoud) AS gewijzigd,
    count(*) FILTER (WHERE nu.inhoud = nieuw.inhoud) AS ongewijzigd,
    min(nieuw.maand) AS eerste,
    max(nieuw.maand) AS laatste
FROM nieuw
LEFT JOIN nu USING (maand);
