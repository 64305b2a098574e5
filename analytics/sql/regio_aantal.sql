-- How many arbeidsmarktregio's hold trajecten (one: there is no country to compare a region with).
SELECT count(DISTINCT arbeidsmarktregio) AS regio_s FROM trajecten WHERE arbeidsmarktregio IS NOT NULL;
