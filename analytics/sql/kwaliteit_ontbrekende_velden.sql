-- Per traject (its current state) the fields the analyses use that are missing where they matter, by the rules
-- of kwaliteit_volledigheid.sql: reden uitval for uitgevallen, uitstroom for beëindigde (not lopend), werkgever for
-- route extern, stroom for all, the datum praktijkverklaring for afgeronde trajecten. Only trajecten with at least
-- one missing field. Parameters: $alle (every organisatie: the beheerder) or $organisaties (a list of the names as
-- the store holds them; the access policy chose them).
WITH gekozen AS (
    SELECT *
    FROM trajecten
    WHERE $alle OR list_contains(CAST($organisaties AS VARCHAR[]), organisatie)
),
velden AS (
    SELECT
        organisatie, traject_id, status, startdatum,
        coalesce(status = 'uitgevallen' AND coalesce(reden_uitval, 'onbekend') = 'onbekend', false)
            AS reden_uitval_ontbreekt,
        coalesce(status <> 'lopend' AND coalesce(uitstroom, 'onbekend') = 'onbekend', false) AS uitstroom_ontbreekt,
        coalesce(route = 'extern' AND werkgever IS NULL, false) AS werkgever_ontbreekt,
        coalesce(stroom, 'onbekend') = 'onbekend' AS stroom_ontbreekt,
        coalesce(status = 'afgerond' AND praktijkverklaring_datum IS NULL, false) AS praktijkverklaring_ontbreekt
    FROM gekozen
)
SELECT *
FROM velden
WHERE reden_uitval_ontbreekt OR uitstroom_ontbreekt OR werkgever_ontbreekt OR stroom_ontbreekt
   OR praktijkverklaring_ontbreekt
ORDER BY organisatie, startdatum, traject_id;
