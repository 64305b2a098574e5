-- Every verbeteractie with its last update (when, and the toelichting given then), oldest first.
SELECT
    v.id, v.halfjaar, v.sector, v.gemeentecode, v.kengetal, v.bevinding, v.actie, v.eigenaar, v.deadline, v.status,
    v.aangemaakt_op, u.tijdstip AS laatste_update, u.toelichting AS laatste_toelichting
FROM verbeteractie v
LEFT JOIN (
    SELECT actie_id, tijdstip, toelichting
    FROM verbeteractie_update
    QUALIFY row_number() OVER (PARTITION BY actie_id ORDER BY tijdstip DESC, rowid DESC) = 1
) u ON u.actie_id = v.id
ORDER BY v.id;
