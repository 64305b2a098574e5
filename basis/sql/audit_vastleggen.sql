-- One line in the audit log: who did what, now (UTC). The table is made here too, so a login into a store
-- from before the audit log works without changing anything else in it.
CREATE TABLE IF NOT EXISTS audit_log (moment TIMESTAMP NOT NULL, wie VARCHAR NOT NULL, actie VARCHAR NOT NULL, wat VARCHAR);
INSERT INTO audit_log (moment, wie, actie, wat) VALUES (timezone('UTC', now()), $wie, $actie, $wat);
