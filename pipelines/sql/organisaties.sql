SELECT DISTINCT organisatie FROM upload WHERE organisatie IS NOT NULL ORDER BY organisatie;
