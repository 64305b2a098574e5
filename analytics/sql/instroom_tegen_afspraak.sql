-- Instroom t.o.v. afspraak per gemeente for calendar year $jaar: instroom so far (up to and including
-- the last complete month $tot_maand_einde), the agreement for the whole year, and the agreement
-- pro rata up to that month ($maanden_verstreken / 12). With no sector/doelgroep filter the general
-- agreements count (no sector, no doelgroep); with one, the agreements that name it.
WITH t AS (
    SELECT * FROM trajecten_in_selectie($regio, $gemeenten, $organisaties, $sectoren, $doelgroepen, $stromen, $routes)
    WHERE year(startdatum) = $jaar AND startdatum <= $tot_maand_einde
),
afspraak AS (
    SELECT a.gemeentecode, sum(a.aantal) AS afspraak
    FROM afspraken a
    WHERE a.jaar = $jaar
      AND ((len($sectoren) = 0 AND a.sector IS NULL) OR list_contains($sectoren, a.sector))
      AND ((len($doelgroepen) = 0 AND a.doelgroep IS NULL) OR list_contains($doelgroepen, a.doelgroep))
    GROUP BY a.gemeentecode
),
instroom AS (
    SELECT gemeentecode, count(*) AS instroom, count(DISTINCT (organisatie, kandidaat_hash)) AS unieke_kandidaten
    FROM t GROUP BY gemeentecode
)
SELECT
    g.gemeentecode,
    g.gemeente,
    coalesce(i.instroom, 0) AS instroom,
    coalesce(i.unieke_kandidaten, 0) AS unieke_kandidaten,
    a.afspraak,
    a.afspraak * $maanden_verstreken / 12.0 AS afspraak_pro_rata
FROM gemeenten_in_selectie($regio, $gemeenten) g
LEFT JOIN instroom i USING (gemeentecode)
LEFT JOIN afspraak a USING (gemeentecode)
WHERE i.instroom IS NOT NULL OR a.afspraak IS NOT NULL
ORDER BY g.gemeente;
