-- How complete the optional fields are that the analyses use, per organisatie, on the current state of each
-- traject: of the trajecten where the field matters (noemer), how many have a known value (bekend: filled in
-- and not 'onbekend').
SELECT
    organisatie,
    count(*) FILTER (WHERE status = 'uitgevallen') AS reden_uitval_noemer,
    count(*) FILTER (WHERE status = 'uitgevallen' AND coalesce(reden_uitval, 'onbekend') <> 'onbekend')
        AS reden_uitval_bekend,
    count(*) FILTER (WHERE status <> 'lopend') AS uitstroom_noemer,
    count(*) FILTER (WHERE status <> 'lopend' AND coalesce(uitstroom, 'onbekend') <> 'onbekend') AS uitstroom_bekend,
    count(*) FILTER (WHERE route = 'extern') AS werkgever_noemer,
    count(*) FILTER (WHERE route = 'extern' AND werkgever IS NOT NULL) AS werkgever_bekend,
    count(*) AS stroom_noemer,
    count(*) FILTER (WHERE coalesce(stroom, 'onbekend') <> 'onbekend') AS stroom_bekend,
    count(*) FILTER (WHERE status = 'afgerond') AS praktijkverklaring_noemer,
    count(*) FILTER (WHERE status = 'afgerond' AND praktijkverklaring_datum IS NOT NULL) AS praktijkverklaring_bekend
FROM trajecten
GROUP BY organisatie
ORDER BY organisatie;
