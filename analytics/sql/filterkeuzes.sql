-- What the shared filters can choose from: the values present in the store.
SELECT 'regio' AS dimensie, arbeidsmarktregio AS waarde, arbeidsmarktregio AS naam FROM trajecten GROUP BY ALL
UNION ALL SELECT 'gemeenten', gemeentecode, gemeente FROM trajecten GROUP BY ALL
UNION ALL SELECT 'organisaties', organisatie, organisatie FROM trajecten GROUP BY ALL
UNION ALL SELECT 'sectoren', sector, sector FROM trajecten GROUP BY ALL
UNION ALL SELECT 'doelgroepen', doelgroep, doelgroep FROM trajecten GROUP BY ALL
UNION ALL SELECT 'stromen', coalesce(stroom, 'onbekend'), coalesce(stroom, 'onbekend') FROM trajecten GROUP BY ALL
UNION ALL SELECT 'routes', route, route FROM trajecten GROUP BY ALL
ORDER BY dimensie, naam;
