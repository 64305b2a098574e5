-- The normalised rows without the problem columns, ready to insert.
SELECT COLUMNS(lambda c: NOT starts_with(c, 'f_')) FROM norm;
