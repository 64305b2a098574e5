"""Loading semantics of the contract: idempotency, replacement, rollback, atomicity, uploads."""

from __future__ import annotations

import datetime as dt
import json

from tests.conftest import (
    AFSPRAKEN_KOP,
    KANDIDATEN_KOP,
    VRAAG_KOP,
    actueel_naast_definitie,
    alle_tabellen,
    cli,
    ingest,
    kandidaat,
    rijen,
    schrijf_xlsx,
)


def kandidaten_bestand(pad, *data):
    return schrijf_xlsx(pad, [KANDIDATEN_KOP, *data])


def test_same_file_twice_changes_nothing_and_says_so(db, tmp_path):
    bestand = kandidaten_bestand(tmp_path / "k.xlsx", kandidaat("T1"), kandidaat("T2"))
    eerste = ingest(db, bestand)
    assert eerste.returncode == 0, eerste.stdout
    voor = alle_tabellen(db)

    tweede = ingest(db, bestand)

    assert tweede.returncode == 0
    assert tweede.stdout.strip() == (
        "Dit bestand is al geladen als upload 1 (kandidaten, Werkbedrijf Test, peildatum 31-10-2026). Er is "
        "niets veranderd. Klopt iets niet? Draai upload 1 terug en laad het bestand opnieuw."
    )
    assert alle_tabellen(db) == voor


def test_kandidaten_snapshot_latest_peildatum_wins_and_missing_traject_keeps_last_state(db, tmp_path):
    oktober = kandidaten_bestand(tmp_path / "okt.xlsx", kandidaat("T1"), kandidaat("T2"), kandidaat("T3"))
    november = kandidaten_bestand(
        tmp_path / "nov.xlsx",
        kandidaat("T1", Status="Uitgevallen", Einddatum=dt.date(2026, 11, 10), **{"Reden uitval": "Ziekte"}),
        kandidaat("T2"),
        kandidaat("T4", Startdatum=dt.date(2026, 11, 2)),
    )
    assert ingest(db, oktober, peildatum="2026-10-31").returncode == 0
    resultaat = ingest(db, november, peildatum="2026-11-30")

    assert resultaat.returncode == 0
    assert "1 nieuwe trajecten, 1 gewijzigd, 1 ontbreken in deze export" in resultaat.stdout
    assert "Let op: 1 trajecten uit de vorige export ontbreken in deze export" in resultaat.stdout
    stand = dict(rijen(db, "SELECT traject_id, status || ' ' || peildatum FROM trajecten"))
    assert stand == {
        "T1": "uitgevallen 2026-11-30",
        "T2": "lopend 2026-11-30",
        "T3": "lopend 2026-10-31",  # absent from November: last known state, flagged by its older peildatum
        "T4": "lopend 2026-11-30",
    }


def test_older_peildatum_is_kept_but_changes_nothing_current(db, tmp_path):
    nieuw = kandidaten_bestand(
        tmp_path / "nov.xlsx", kandidaat("T1", Status="Afgerond", Einddatum=dt.date(2026, 11, 1))
    )
    oud = kandidaten_bestand(tmp_path / "okt.xlsx", kandidaat("T1"))
    ingest(db, nieuw, peildatum="2026-11-30")

    resultaat = ingest(db, oud, peildatum="2026-10-31")

    assert resultaat.returncode == 0
    assert "Let op: Er is al een export met een latere peildatum (30-11-2026)" in resultaat.stdout
    assert rijen(db, "SELECT status, peildatum FROM trajecten") == [("afgerond", dt.date(2026, 11, 30))]
    assert rijen(db, "SELECT upload_id, status FROM uploads ORDER BY 1") == [(1, "geladen"), (2, "geladen")]


def test_new_file_same_organisation_and_peildatum_replaces_the_earlier(db, tmp_path):
    eerste = kandidaten_bestand(tmp_path / "a.xlsx", kandidaat("T1"), kandidaat("T2"))
    tweede = kandidaten_bestand(tmp_path / "b.xlsx", kandidaat("T1", Sector="Groen"))
    ingest(db, eerste)
    ingest(db, tweede)

    assert rijen(db, "SELECT traject_id, sector FROM trajecten") == [("T1", "groen")]
    assert rijen(db, "SELECT upload_id, status FROM uploads ORDER BY 1") == [(1, "vervangen"), (2, "geladen")]


def test_other_organisation_is_untouched(db, tmp_path):
    ingest(db, kandidaten_bestand(tmp_path / "a.xlsx", kandidaat("T1")), organisatie="Bedrijf A")
    ingest(db, kandidaten_bestand(tmp_path / "b.xlsx", kandidaat("T1", Sector="Groen")), organisatie="Bedrijf B")
    assert sorted(rijen(db, "SELECT organisatie, traject_id, sector FROM trajecten")) == [
        ("Bedrijf A", "T1", "schoonmaak"),
        ("Bedrijf B", "T1", "groen"),
    ]


def test_organisation_spelling_follows_the_store(db, tmp_path):
    ingest(db, kandidaten_bestand(tmp_path / "a.xlsx", kandidaat("T1")), organisatie="Werkbedrijf Waalstad")
    ingest(db, kandidaten_bestand(tmp_path / "b.xlsx", kandidaat("T2")), organisatie="werkbedrijf  waalstad")
    assert rijen(db, "SELECT DISTINCT organisatie FROM uploads") == [("Werkbedrijf Waalstad",)]


def vraag_bestand(pad, *data):
    return schrijf_xlsx(pad, [VRAAG_KOP, *data])


def test_vraag_replaces_exactly_the_months_it_contains(db, tmp_path):
    eerste = vraag_bestand(
        tmp_path / "v1.xlsx",
        ["Glans", "Schoonmaak", "Schoonmaker", None, None, "2026-08", 2, None],
        ["Glans", "Schoonmaak", "Schoonmaker", None, None, "2026-09", 3, None],
    )
    tweede = vraag_bestand(
        tmp_path / "v2.xlsx",
        ["Linde", "Groen", "Hovenier", None, None, "2026-09", 5, None],
        ["Linde", "Groen", "Hovenier", None, None, "2026-10", 1, None],
    )
    assert ingest(db, eerste, organisatie="WSP").returncode == 0
    assert ingest(db, tweede, organisatie="WSP").returncode == 0

    assert rijen(db, "SELECT strftime(maand, '%Y-%m'), werkgever, aantal FROM vraag ORDER BY 1") == [
        ("2026-08", "Glans", 2),
        ("2026-09", "Linde", 5),
        ("2026-10", "Linde", 1),
    ]
    # another organisation's demand for the same month stays
    derde = vraag_bestand(tmp_path / "v3.xlsx", ["Weurt", "Logistiek", "Orderpicker", None, None, "2026-09", 4, None])
    ingest(db, derde, organisatie="WSP Noord")
    assert rijen(db, "SELECT sum(aantal) FROM vraag WHERE maand = DATE '2026-09-01'") == [(9,)]


def test_afspraken_replace_the_gemeente_jaar_pairs_they_contain(db, tmp_path):
    eerste = schrijf_xlsx(tmp_path / "a1.xlsx", [AFSPRAKEN_KOP, ["Nijmegen", 2026, 40], ["Wijchen", 2026, 10]])
    tweede = schrijf_xlsx(
        tmp_path / "a2.xlsx", [AFSPRAKEN_KOP, ["Nijmegen", 2026, 45, "Groen"], ["Nijmegen", 2026, 20, "Schoonmaak"]]
    )
    ingest(db, eerste, organisatie="Regio")
    ingest(db, tweede, organisatie="Regio")
    assert rijen(db, "SELECT gemeente, jaar, sector, aantal FROM afspraken ORDER BY 1, 3") == [
        ("Nijmegen", 2026, "groen", 45),
        ("Nijmegen", 2026, "schoonmaak", 20),
        ("Wijchen", 2026, None, 10),
    ]


def test_every_upload_is_recorded_including_refusals(db, tmp_path):
    goed = kandidaten_bestand(tmp_path / "goed_2026-10.xlsx", kandidaat("T1"))
    fout = kandidaten_bestand(tmp_path / "fout.xlsx", kandidaat("T1", Startdatum="31-02-2026"))
    ingest(db, goed)
    resultaat = ingest(db, fout)
    assert resultaat.returncode == 1

    opgeslagen = rijen(
        db,
        "SELECT upload_id, soort, organisatie, peildatum, bestandsnaam, length(sha256), rijen, status, geladen_door, "
        "meldingen FROM uploads ORDER BY 1",
    )
    assert [r[:8] for r in opgeslagen] == [
        (1, "kandidaten", "Werkbedrijf Test", dt.date(2026, 10, 31), "goed_2026-10.xlsx", 64, 1, "geladen"),
        (2, "kandidaten", "Werkbedrijf Test", dt.date(2026, 10, 31), "fout.xlsx", 64, 1, "geweigerd"),
    ]
    assert all(r[8].startswith("cli:") for r in opgeslagen)
    assert json.loads(opgeslagen[1][9])["fouten"] == ["Rij 2, kolom Startdatum: '31-02-2026' is geen bestaande datum."]
    assert rijen(db, "SELECT count(*) FROM trajecten") == [(1,)]


def test_rollback_restores_exactly_the_state_before(db, tmp_path):
    ingest(db, kandidaten_bestand(tmp_path / "a.xlsx", kandidaat("T1"), kandidaat("T2")), peildatum="2026-10-31")
    ingest(
        db,
        vraag_bestand(tmp_path / "v.xlsx", ["Glans", "Schoonmaak", "Schoonmaker", None, None, "2026-09", 3, None]),
        organisatie="WSP",
    )
    voor = alle_tabellen(db)

    # a replacing kandidaten export for the same peildatum, then a newer one, rolled back in reverse
    ingest(db, kandidaten_bestand(tmp_path / "b.xlsx", kandidaat("T1", Sector="Groen")), peildatum="2026-10-31")
    ingest(db, kandidaten_bestand(tmp_path / "c.xlsx", kandidaat("T3")), peildatum="2026-11-30")
    ingest(
        db,
        vraag_bestand(tmp_path / "w.xlsx", ["Linde", "Groen", "Hovenier", None, None, "2026-09", 7, None]),
        organisatie="WSP",
    )

    for upload_id in (5, 4, 3):
        resultaat = cli("terugdraaien", "--db", db, upload_id)
        assert resultaat.returncode == 0, resultaat.stdout
    na = alle_tabellen(db)

    for naam in ("trajecten", "vraag", "afspraken", "kandidaten_rij", "vraag_rij", "afspraak_rij"):
        assert na[naam] == voor[naam], naam
    assert rijen(db, "SELECT upload_id, status FROM uploads ORDER BY 1") == [
        (1, "geladen"),
        (2, "geladen"),
        (3, "teruggedraaid"),
        (4, "teruggedraaid"),
        (5, "teruggedraaid"),
    ]
    assert resultaat.stdout.strip() == (
        "Upload 3 is teruggedraaid (kandidaten, Werkbedrijf Test, peildatum 31-10-2026). De stand van daarvoor "
        "geldt weer."
    )


def test_rollback_refusals_are_explained(db, tmp_path):
    ingest(db, kandidaten_bestand(tmp_path / "a.xlsx", kandidaat("T1")))
    ingest(db, kandidaten_bestand(tmp_path / "b.xlsx", kandidaat("T2")))
    ingest(db, kandidaten_bestand(tmp_path / "c.xlsx", kandidaat("T2", Startdatum="gisteren")))

    verwacht = {
        1: "Upload 1 is vervangen door upload 2 (zelfde organisatie en peildatum). Draai eerst upload 2 terug.",
        3: "Upload 3 is geweigerd en heeft dus niets veranderd; er is niets terug te draaien.",
        9: "Upload 9 bestaat niet.",
    }
    for upload_id, melding in verwacht.items():
        resultaat = cli("terugdraaien", "--db", db, upload_id)
        assert (resultaat.returncode, resultaat.stdout.strip()) == (1, melding)
    assert cli("terugdraaien", "--db", db, 2).returncode == 0
    assert cli("terugdraaien", "--db", db, 2).stdout.strip() == "Upload 2 is al teruggedraaid."
    assert rijen(db, "SELECT traject_id FROM trajecten") == [("T1",)]


def test_failure_half_way_leaves_every_table_as_it_was(db, tmp_path):
    ingest(db, kandidaten_bestand(tmp_path / "a.xlsx", kandidaat("T1")))
    voor = alle_tabellen(db)
    volgende = kandidaten_bestand(tmp_path / "b.xlsx", kandidaat("T1", Sector="Groen"), kandidaat("T2"))

    for punt in ("na_invoegen", "voor_commit"):
        resultaat = ingest(db, volgende, env={"PIPELINES_FOUTINJECTIE": punt})
        assert resultaat.returncode == 1
        assert "Traceback" not in resultaat.stdout + resultaat.stderr
        assert alle_tabellen(db) == voor, punt


def test_a_crash_before_commit_leaves_the_store_as_it_was(db, tmp_path):
    ingest(db, kandidaten_bestand(tmp_path / "a.xlsx", kandidaat("T1")))
    voor = alle_tabellen(db)
    volgende = kandidaten_bestand(tmp_path / "b.xlsx", kandidaat("T1", Sector="Groen"), kandidaat("T2"))

    resultaat = ingest(db, volgende, env={"PIPELINES_FOUTINJECTIE": "voor_commit_crash"})

    assert resultaat.returncode == 137  # the process died with the transaction open
    assert alle_tabellen(db) == voor
    assert ingest(db, volgende).returncode == 0  # and the store still works
    assert rijen(db, "SELECT count(*) FROM trajecten") == [(2,)]


def test_refused_file_among_several_others_still_load_and_exit_is_1(db, tmp_path):
    goed = kandidaten_bestand(tmp_path / "goed.xlsx", kandidaat("T1"))
    fout = kandidaten_bestand(tmp_path / "fout.xlsx", kandidaat("T2", Gemeente="Atlantis"))
    resultaat = ingest(db, fout, goed)
    assert resultaat.returncode == 1
    assert resultaat.stdout.splitlines()[:2] == [
        "Geweigerd: fout.xlsx (1 fout). Er is niets geladen; verbeter het bestand en laad het opnieuw.",
        "  Rij 2, kolom Gemeente: 'Atlantis' is geen bekende gemeente. Gebruik de naam van de gemeente (zoals het "
        "CBS die schrijft) of de gemeentecode, bijvoorbeeld GM0268.",
    ]
    assert rijen(db, "SELECT traject_id FROM trajecten") == [("T1",)]


def test_the_kept_current_state_equals_the_state_derived_from_every_snapshot_after_loads_and_rollbacks(db, tmp_path):
    """trajecten reads `traject_actueel`, kept up to date in each load and rollback (issue 17): after every step it
    must hold exactly what the definition (the newest current snapshot per traject) gives, for both organisaties."""

    def gelijk() -> None:
        # with what the counts compare per traject (its kenmerk columns), kept in the same transaction
        assert actueel_naast_definitie(db) == [0, 0]
        assert rijen(db, "SELECT count(*) FROM traject_actueel") == rijen(db, "SELECT count(*) FROM trajecten")

    oktober = kandidaten_bestand(tmp_path / "okt.xlsx", kandidaat("T1"), kandidaat("T2"))
    november = kandidaten_bestand(tmp_path / "nov.xlsx", kandidaat("T1", Status="Uitgevallen",
                                  Einddatum=dt.date(2026, 11, 5), **{"Reden uitval": "Ziekte"}), kandidaat("T3"))
    november_opnieuw = kandidaten_bestand(tmp_path / "nov2.xlsx", kandidaat("T1"), kandidaat("T4"))
    september = kandidaten_bestand(tmp_path / "sep.xlsx", kandidaat("T1", Sector="Groen"), kandidaat("T9"))
    ander = kandidaten_bestand(tmp_path / "ander.xlsx", kandidaat("T1"))
    stappen = [
        lambda: ingest(db, oktober, peildatum="2026-10-31"),
        lambda: ingest(db, ander, organisatie="Ander Bedrijf", peildatum="2026-10-31"),
        lambda: ingest(db, november, peildatum="2026-11-30"),
        lambda: ingest(db, september, peildatum="2026-09-30"),  # older than one loaded: kept, changes nothing
        lambda: ingest(db, november_opnieuw, peildatum="2026-11-30"),  # same peildatum: replaces
    ]
    for stap in stappen:
        assert stap().returncode == 0
        gelijk()
    assert rijen(db, "SELECT traject_id FROM trajecten WHERE organisatie = 'Werkbedrijf Test' ORDER BY 1") == [
        ("T1",), ("T2",), ("T4",)]  # T3 came with the replaced November file; T2 stands from October
    for upload_id in sorted((r[0] for r in rijen(db, "SELECT upload_id FROM upload")), reverse=True):
        if cli("terugdraaien", "--db", db, upload_id).returncode == 0:
            gelijk()
    assert rijen(db, "SELECT count(*) FROM trajecten")[0][0] == 0
