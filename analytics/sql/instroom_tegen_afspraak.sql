-- Instroom t.o.v. afspraak per gemeente for calendar year $jaar, from $jaar_van (1 January; earlier for what came
-- before the year) up to and including the last complete month ($tot_maand_einde), against the agreement for the
-- whole year and pro rata ($maanden_verstreken / 12).
-- Each agreement is compared with exactly the instroom it is about: the whole gemeente, or the sector /
-- doelgroep it names. Without a sector/doelgroep filter the general agreements count; with one, the
-- agreements that name a chosen sector/doelgroep. Agreements are about a whole gemeente, so the
-- organisatie, stroom and route filters do not apply here (the page says so).
WITH t AS (
    SELECT *
    FROM trajecten_gekozen($regio, $gemeenten, [], [], [], [], [])
    WHERE startdatum BETWEEN $jaar_van AND $tot_maand_einde
),
afspraak AS (
    SELECT a.gemeentecode, a.sector, a.doelgroep, a.aantal
    FROM afspraken a
    WHERE a.jaar = $jaar
      AND ((len($sectoren) = 0 AND a.sector IS NULL) OR list_contains($sectoren, a.sector))
      AND ((len($doelgroepen) = 0 AND a.doelgroep IS NULL) OR list_contains($doelgroepen, a.doelgroep))
),
per_afspraak AS (
    SELECT
        a.gemeentecode,
        a.aantal,
        count(t.traject_id) AS instroom,
        count(DISTINCT (t.organisatie, t.kandidaat_hash)) FILTER (WHERE t.traject_id IS NOT NULL) AS unieke_kandidaten
    FROM afspraak a
    LEFT JOIN t ON t.gemeentecode = a.gemeentecode
              AND (a.sector IS NULL OR t.sector = a.sector)
              AND (a.doelgroep IS NULL OR t.doelgroep = a.doelgroep)
    GROUP BY a.gemeentecode, a.sector, a.doelgroep, a.aantal
),
met_afspraak AS (
    SELECT gemeentecode, sum(instroom) AS instroom, sum(unieke_kandidaten) AS unieke_kandidaten,
           sum(aantal) AS afspraak
    FROM per_afspraak GROUP BY gemeentecode
),
zonder_afspraak AS (  -- gemeenten with instroom in the chosen sectors/doelgroepen but no agreement
    SELECT gemeentecode, count(*) AS instroom, count(DISTINCT (organisatie, kandidaat_hash)) AS unieke_kandidaten
    FROM t
    WHERE gekozen($sectoren, sector) AND gekozen($doelgroepen, doelgroep)
      AND gemeentecode NOT IN (SELECT gemeentecode FROM afspraak)
    GROUP BY gemeentecode
)
SELECT
    g.gemeentecode,
    g.gemeente,
    CAST(coalesce(m.instroom, z.instroom, 0) AS BIGINT) AS instroom,
    CAST(coalesce(m.unieke_kandidaten, z.unieke_kandidaten, 0) AS BIGINT) AS unieke_kandidaten,
    m.afspraak,
    m.afspraak * $maanden_verstreken / 12.0 AS afspraak_pro_rata
FROM gemeenten_in_selectie($regio, $gemeenten) g
LEFT JOIN met_afspraak m USING (gemeentecode)
LEFT JOIN zonder_afspraak z USING (gemeentecode)
WHERE m.gemeentecode IS NOT NULL OR z.gemeentecode IS NOT NULL
ORDER BY g.gemeente;
