-- What the shared filters can choose from: the values present in the store. One scan of trajecten with a grouping
-- set per dimension (seven scans, one per dimension, cost seconds on a national store: issue 17).
WITH keuzes AS (
    SELECT
        CASE
            WHEN grouping(arbeidsmarktregio) = 0 THEN 'regio'
            WHEN grouping(gemeentecode) = 0 THEN 'gemeenten'
            WHEN grouping(organisatie) = 0 THEN 'organisaties'
            WHEN grouping(sector) = 0 THEN 'sectoren'
            WHEN grouping(doelgroep) = 0 THEN 'doelgroepen'
            WHEN grouping(stroom) = 0 THEN 'stromen'
            ELSE 'routes'
        END AS dimensie,
        coalesce(arbeidsmarktregio, gemeentecode, organisatie, sector, doelgroep, stroom, route) AS waarde,
        coalesce(arbeidsmarktregio, gemeente, organisatie, sector, doelgroep, stroom, route) AS naam
    FROM (SELECT arbeidsmarktregio, gemeentecode, gemeente, organisatie, sector, doelgroep,
                 coalesce(stroom, 'onbekend') AS stroom, route FROM trajecten)
    GROUP BY GROUPING SETS ((arbeidsmarktregio), (gemeentecode, gemeente), (organisatie), (sector), (doelgroep),
                           (stroom), (route))
)
-- (in each grouping set the other columns are NULL, so coalesce picks that set's own value)
SELECT dimensie, waarde, naam
FROM keuzes
ORDER BY dimensie, naam;
