-- Is everything that is loaded the generated demo data? (Then the dashboard may open without login.)
SELECT count(*) > 0 AND count(*) FILTER (WHERE geladen_door IS DISTINCT FROM $demo) = 0 AS alleen_demo
FROM upload
WHERE status = 'geladen';
