-- Per verbeteractie the toelichting of its last update (an import adds one only when it says something new).
SELECT actie_id, toelichting
FROM verbeteractie_update
QUALIFY row_number() OVER (PARTITION BY actie_id ORDER BY tijdstip DESC, rowid DESC) = 1;
