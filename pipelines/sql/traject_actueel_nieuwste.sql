-- Whether the upload just inserted is the newest snapshot of its organisation: no other loaded kandidaten upload of
-- that organisatie has the same or a later peildatum (the monthly load). Then the current state changes only for
-- the trajecten in this upload (traject_actueel_bijwerken.sql); otherwise it is derived again from every snapshot.
-- Parameters: $organisatie, $peildatum, $upload_id.
SELECT NOT EXISTS (
    SELECT 1 FROM upload
    WHERE soort = 'kandidaten' AND status = 'geladen' AND organisatie = $organisatie
      AND peildatum >= $peildatum AND upload_id <> $upload_id
) AS nieuwste;
