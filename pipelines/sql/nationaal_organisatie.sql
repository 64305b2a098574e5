-- The national demo: the trajecten of the organisatie whose snapshots are loaded next. Parameter: $organisatie.
CREATE OR REPLACE TEMP TABLE demo_org AS SELECT * FROM demo_traject WHERE organisatie = $organisatie ORDER BY nr;
