-- The tables and views the store has (basis.opslag.vorm_bijgewerkt).
SELECT table_name FROM information_schema.tables;
