-- The trajecten lopend at $op_datum as the store stood then (each organisation's latest export on or before it,
-- macro trajecten_op), with the traject's record key as in trajecten_records.sql: for the cell key method.
SELECT
    coalesce(sector, '') AS sector,
    hash($zout, organisatie, traject_id) / 18446744073709551616.0 AS sleutel
FROM trajecten_op($op_datum, [], [], [], [], [], [], [])
WHERE status = 'lopend'
ORDER BY organisatie, traject_id;
