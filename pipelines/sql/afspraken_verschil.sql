-- What an afspraken export changes: it replaces the agreements of exactly the (gemeente, jaar) pairs it
-- holds. Per pair: new, changed or unchanged. `norm` is the checked export; no parameters.
WITH
nieuw AS (
    SELECT gemeentecode, jaar,
           string_agg(concat_ws('|', sector, doelgroep, aantal), chr(10)
                      ORDER BY concat_ws('|', sector, doelgroep, aantal)) AS inhoud
    FROM norm GROUP BY gemeentecode, jaar
),
nu AS (
    SELECT gemeentecode, jaar,
           string_agg(concat_ws('|', sector, doelgroep, aantal), chr(10)
                      ORDER BY concat_ws('|', sector, doelgroep, aantal)) AS inhoud
    FROM afspraken_geldig
    WHERE (gemeentecode, jaar) IN (SELECT (gemeentecode, jaar) FROM nieuw)
    GROUP BY gemeentecode, jaar
)
SELECT
    count(*) FILTER (WHERE nu.jaar IS NULL) AS nieuw,
    count(*) FILTER (WHERE nu.jaar IS NOT NULL AND nu.inhoud <> nieuw.inhoud) AS gewijzigd,
    count(*) FILTER (WHERE nu.inhoud = nieuw.inhoud) AS ongewijzigd
FROM nieuw
LEFT JOIN nu USING (gemeentecode, jaar);
