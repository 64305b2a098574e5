-- Every verbeteractie as stored, in the order of pipelines.verbeteracties.Verbeteractie (an import compares with it).
SELECT id, halfjaar, sector, gemeentecode, kengetal, bevinding, actie, eigenaar, deadline, status
FROM verbeteractie
ORDER BY id;
