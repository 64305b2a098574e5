-- A new verbeteractie with the next free number; its first line in the history says it was made.
INSERT INTO verbeteractie (id, halfjaar, sector, gemeentecode, kengetal, bevinding, actie, eigenaar, deadline, status,
                           aangemaakt_door, aangemaakt_op)
SELECT coalesce(max(id), 0) + 1, $halfjaar, $sector, $gemeentecode, $kengetal, nullif($bevinding, ''), $actie, $eigenaar, $deadline,
       $status, $door, timezone('UTC', now())
FROM verbeteractie
RETURNING id;
