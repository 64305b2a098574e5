-- The national demo: which organisatie and peildatum the view `norm` shows. Parameters: $organisatie, $peildatum.
UPDATE demo_stand SET organisatie = $organisatie, peildatum = $peildatum;
