-- Lopende trajecten as they stood at $peildatum (for the overzicht's comparison with a year earlier).
SELECT count(*) FILTER (WHERE status = 'lopend') AS lopend
FROM trajecten_op($peildatum, $regio, $gemeenten, $organisaties, $sectoren, $doelgroepen, $stromen, $routes);
