-- The fields of one verbeteractie as corrected (an Excel import of a changed row); the status goes by an update.
UPDATE verbeteractie
SET halfjaar = $halfjaar, sector = $sector, gemeentecode = $gemeentecode, kengetal = $kengetal, bevinding = nullif($bevinding, ''),
    actie = $actie, eigenaar = $eigenaar, deadline = $deadline
WHERE id = $id;
