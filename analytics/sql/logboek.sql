-- The audit log for the beheerder: newest first.
SELECT moment, wie, actie, wat FROM audit ORDER BY moment DESC LIMIT $aantal;
