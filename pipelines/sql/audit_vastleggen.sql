-- One line in the audit log: who did what, now (UTC).
INSERT INTO audit_log (moment, wie, actie, wat) VALUES (timezone('UTC', now()), $wie, $actie, $wat);
