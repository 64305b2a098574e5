-- Every current traject of the store with what the read side's questions count it for (the macros of
-- analytics/sql/selectie.sql, so the definitions are the same), and two record keys for the cell key method:
-- `sleutel` of the traject and `persoon` of its kandidaat per organisatie, each uniform in [0, 1) from a salted
-- hash ($zout). Only bench/bench_afscherming.py uses this; the period is applied there.
SELECT
    organisatie,
    gemeentecode,
    gemeente,
    coalesce(sector, '') AS sector,
    startdatum,
    einddatum,
    coalesce(reden_uitval, 'onbekend') AS reden,
    status = 'uitgevallen' AS uitgevallen,
    is_uitval(status, reden_uitval) AS uitval,
    status = 'lopend' AS status_lopend,
    status = 'lopend' AND peildatum = laatste_peildatum AS lopend,
    status <> 'lopend' AS geeindigd,
    is_uitstroom_werk(status, uitstroom, reden_uitval) AS uitstroom_werk,
    praktijkverklaring_op(praktijkverklaring_datum, status, einddatum) AS praktijkverklaring_op,
    n_maanden_te_volgen(startdatum, laatste_peildatum, 3) AS volgbaar_3,
    n_maanden_te_volgen(startdatum, laatste_peildatum, 6) AS volgbaar_6,
    n_maanden_te_volgen(startdatum, laatste_peildatum, 12) AS volgbaar_12,
    uitval_binnen(status, reden_uitval, startdatum, einddatum, 3) AS uitval_binnen_3,
    uitval_binnen(status, reden_uitval, startdatum, einddatum, 6) AS uitval_binnen_6,
    uitval_binnen(status, reden_uitval, startdatum, einddatum, 12) AS uitval_binnen_12,
    hash($zout, organisatie, traject_id) / 18446744073709551616.0 AS sleutel,
    hash($zout, organisatie, kandidaat_hash) / 18446744073709551616.0 AS persoon
FROM trajecten_in_selectie([], [], [], [], [], [], [])
ORDER BY organisatie, traject_id;
