-- The first startdatum and the latest peildatum in the store: the range the period filter offers.
SELECT min(startdatum) AS eerste_start, max(peildatum) AS laatste_peildatum FROM trajecten;
