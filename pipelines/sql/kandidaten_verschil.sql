-- What a kandidaten export changes in the current state of its organisation.
-- `norm` is the checked export; parameters: $organisatie, $peildatum.
WITH huidig AS (
    SELECT * FROM trajecten WHERE organisatie = $organisatie AND peildatum <= $peildatum
),
vorige AS (
    SELECT max(peildatum) AS peildatum
    FROM kandidaten_snapshot WHERE organisatie = $organisatie AND peildatum < $peildatum
)
SELECT
    count(*) FILTER (WHERE h.traject_id IS NULL) AS nieuw,
    count(*) FILTER (
        WHERE h.traject_id IS NOT NULL
          AND (n.status, n.einddatum, n.reden_uitval, n.uitstroom, n.praktijkverklaring_datum, n.route,
               n.sector, n.werkgever, n.gemeentecode, n.doelgroep, n.stroom, n.startdatum)
              IS DISTINCT FROM
              (h.status, h.einddatum, h.reden_uitval, h.uitstroom, h.praktijkverklaring_datum, h.route,
               h.sector, h.werkgever, h.gemeentecode, h.doelgroep, h.stroom, h.startdatum)
    ) AS gewijzigd,
    count(*) FILTER (WHERE n.status = 'lopend') AS lopend,
    (
        SELECT count(*) FROM kandidaten_snapshot k, vorige
        WHERE k.organisatie = $organisatie AND k.peildatum = vorige.peildatum
          AND k.traject_id NOT IN (SELECT traject_id FROM norm)
    ) AS ontbrekend,
    (SELECT max(peildatum) FROM kandidaten_snapshot WHERE organisatie = $organisatie) AS laatste_peildatum
FROM norm n
LEFT JOIN huidig h USING (traject_id);
