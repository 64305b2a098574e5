-- The follow-up list's candidates: lopende trajecten (in their organisation's latest export) in their first $maanden
-- months, that is started on or before the latest peildatum of their organisatie but not yet $maanden months before
-- it. The selection's filters apply except the period (a state, like Lopende trajecten in metrics.md); only the
-- viewer's own organisaties ($eigen), or every organisatie for the beheerder ($alle).
SELECT
    traject_id,
    organisatie,
    startdatum,
    laatste_peildatum AS peildatum,
    werkgever,
    praktijkopleider
FROM trajecten_in_selectie($regio, $gemeenten, $organisaties, $sectoren, $doelgroepen, $stromen, $routes)
WHERE status = 'lopend'
  AND peildatum = laatste_peildatum
  AND startdatum <= laatste_peildatum
  AND NOT n_maanden_te_volgen(startdatum, laatste_peildatum, $maanden)
  AND ($alle OR list_contains($eigen, organisatie))
ORDER BY organisatie, startdatum, traject_id;
