"""Cases a reviewer found by trying to break the pipelines; each was wrong before its fix."""

from __future__ import annotations

import datetime as dt

from tests.conftest import KANDIDATEN_KOP, VRAAG_KOP, cli, ingest, kandidaat, rijen, schrijf_csv, schrijf_xlsx


def test_total_rows_are_skipped_but_data_below_them_and_werkgevers_called_total_are_kept(db, tmp_path):
    vraag = schrijf_xlsx(
        tmp_path / "v.xlsx",
        [
            VRAAG_KOP,
            ["Albert Heijn", "Detailhandel", "Vakkenvuller", None, None, "2026-10", 2, None],
            ["Total Nederland", "Logistiek", "Chauffeur", None, None, "2026-10", 1, None],
            ["Subtotaal", None, None, None, None, None, 3, None],
            ["Jumbo", "Detailhandel", "Vakkenvuller", None, None, "2026-11", 4, None],
            ["Eindtotaal", None, None, None, None, None, 7, None],
        ],
    )
    resultaat = ingest(db, vraag, organisatie="WSP")
    assert resultaat.returncode == 0, resultaat.stdout
    assert sorted(rijen(db, "SELECT werkgever, aantal FROM vraag")) == [
        ("Albert Heijn", 2),
        ("Jumbo", 4),
        ("Total Nederland", 1),
    ]


def test_a_numbered_total_row_is_recognised(db, tmp_path):
    bestand = schrijf_xlsx(tmp_path / "k.xlsx", [KANDIDATEN_KOP, kandidaat("1"), kandidaat("2"), [2, "Totaal"]])
    assert ingest(db, bestand).returncode == 0
    assert rijen(db, "SELECT count(*) FROM trajecten") == [(2,)]


def test_title_words_need_a_word_boundary_and_a_peildatum_may_carry_words(db, tmp_path):
    bestand = schrijf_xlsx(
        tmp_path / "k.xlsx",
        [
            ["Organisatieonderdeel: Team Noord"],
            ["Organisatie: Werkbedrijf Noord"],
            ["Peildatum export: 31-10-2026 (stand einde maand)"],
            KANDIDATEN_KOP,
            kandidaat("1"),
        ],
    )
    resultaat = ingest(db, bestand, organisatie=None, peildatum=None)
    assert resultaat.returncode == 0, resultaat.stdout
    assert rijen(db, "SELECT organisatie, peildatum FROM uploads") == [("Werkbedrijf Noord", dt.date(2026, 10, 31))]


def test_a_date_in_the_file_name_is_the_peildatum(db, tmp_path):
    bestand = schrijf_xlsx(tmp_path / "export_20261015.xlsx", [KANDIDATEN_KOP, kandidaat("1")])
    assert ingest(db, bestand, peildatum=None).returncode == 0
    assert rijen(db, "SELECT peildatum FROM uploads") == [(dt.date(2026, 10, 15),)]


def test_numeric_ids_match_across_excel_and_csv_exports(db, tmp_path):
    september = schrijf_xlsx(tmp_path / "sep.xlsx", [KANDIDATEN_KOP, kandidaat(1234, Kandidaatnummer="00123")])
    oktober = schrijf_csv(tmp_path / "okt.csv", [KANDIDATEN_KOP, kandidaat("1234.0", Kandidaatnummer="123")])
    ingest(db, september, peildatum="2026-09-30")
    resultaat = ingest(db, oktober, peildatum="2026-10-31")
    assert "0 nieuwe trajecten" in resultaat.stdout
    assert rijen(db, "SELECT traject_id, peildatum FROM trajecten") == [("1234", dt.date(2026, 10, 31))]
    assert rijen(db, "SELECT count(DISTINCT kandidaat_hash) FROM kandidaten_rij") == [(1,)]


def test_an_older_export_loaded_later_adds_no_trajecten_to_the_current_state(db, tmp_path):
    oktober = schrijf_xlsx(
        tmp_path / "okt.xlsx",
        [
            KANDIDATEN_KOP,
            kandidaat("T1", Status="Afgerond", Einddatum=dt.date(2026, 10, 1)),
        ],
    )
    september = schrijf_xlsx(tmp_path / "sep.xlsx", [KANDIDATEN_KOP, kandidaat("T1"), kandidaat("T2")])
    ingest(db, oktober, peildatum="2026-10-31")
    resultaat = ingest(db, september, peildatum="2026-09-30")
    assert resultaat.returncode == 0
    assert "0 nieuwe trajecten, 0 gewijzigd" in resultaat.stdout
    assert rijen(db, "SELECT traject_id, status FROM trajecten") == [("T1", "afgerond")]
    assert rijen(db, "SELECT upload_id, status FROM uploads ORDER BY 1") == [(1, "geladen"), (2, "geladen")]


def test_trajecten_missing_from_the_latest_export_are_flagged(db, tmp_path):
    ingest(
        db,
        schrijf_xlsx(tmp_path / "a.xlsx", [KANDIDATEN_KOP, kandidaat("T1"), kandidaat("T2")]),
        peildatum="2026-09-30",
    )
    ingest(db, schrijf_xlsx(tmp_path / "b.xlsx", [KANDIDATEN_KOP, kandidaat("T1")]), peildatum="2026-10-31")
    assert rijen(db, "SELECT traject_id, laatst_gezien, laatste_export FROM trajecten_ontbrekend") == [
        ("T2", dt.date(2026, 9, 30), dt.date(2026, 10, 31)),
    ]


def test_the_stated_organisatie_wins_over_the_file_and_says_so(db, tmp_path):
    bestand = schrijf_xlsx(
        tmp_path / "k.xlsx",
        [["Organisatie", *KANDIDATEN_KOP], ["Werkbedrijf", *kandidaat("1")], ["Breed", *kandidaat("2")]],
    )
    resultaat = ingest(db, bestand, organisatie="Consortium")
    assert resultaat.returncode == 0, resultaat.stdout
    assert (
        "  Let op: De kolom Organisatie noemt Breed, Werkbedrijf; het bestand is geladen als de opgegeven "
        "organisatie Consortium." in resultaat.stdout.splitlines()
    )


def test_a_damaged_key_file_stops_the_load_with_a_dutch_message(db, tmp_path):
    sleutel = tmp_path / "sleutel"
    sleutel.write_text("")
    resultaat = ingest(
        db, schrijf_xlsx(tmp_path / "k.xlsx", [KANDIDATEN_KOP, kandidaat("1")]), env={"DASHBOARD_SLEUTEL": str(sleutel)}
    )
    assert resultaat.returncode == 1
    assert resultaat.stdout.strip() == (
        f"Niet geladen: k.xlsx. Het sleutelbestand {sleutel} is leeg of beschadigd. Er is niets geladen. Zet de "
        "bewaarde sleutel terug (zonder dezelfde sleutel worden kandidaten niet meer herkend) of vraag de beheerder."
    )


def test_the_key_file_is_created_once_readable_by_its_owner_only(db, tmp_path):
    ingest(db, schrijf_xlsx(tmp_path / "k.xlsx", [KANDIDATEN_KOP, kandidaat("1")]))
    sleutel = tmp_path / "sleutel"
    assert oct(sleutel.stat().st_mode & 0o777) == "0o600"
    assert len(bytes.fromhex(sleutel.read_text().strip())) == 32
    inhoud = sleutel.read_text()
    ingest(db, schrijf_xlsx(tmp_path / "k2.xlsx", [KANDIDATEN_KOP, kandidaat("2")]))
    assert sleutel.read_text() == inhoud


def test_a_huge_file_is_refused_before_it_is_read(db, tmp_path):
    groot = tmp_path / "groot.csv"
    with open(groot, "wb") as bestand:
        bestand.truncate(3_000_000_000)  # sparse: no disk used, but 3 GB to read
    resultaat = cli("ingest", "--db", db, "--organisatie", "X", "--peildatum", "2026-10-31", groot, timeout=20)
    assert resultaat.returncode == 1
    assert "Het bestand is 3.000 MB; de grens is 50 MB." in resultaat.stdout


def test_a_replaced_file_can_be_loaded_again_and_then_counts_again(db, tmp_path):
    eerste = schrijf_xlsx(tmp_path / "v1.xlsx", [KANDIDATEN_KOP, kandidaat("T1")])
    tweede = schrijf_xlsx(tmp_path / "v2.xlsx", [KANDIDATEN_KOP, kandidaat("T2")])
    ingest(db, eerste)
    ingest(db, tweede)
    resultaat = ingest(db, eerste)
    assert resultaat.stdout.startswith("Geladen: v1.xlsx als upload 3"), resultaat.stdout
    assert rijen(db, "SELECT traject_id FROM trajecten") == [("T1",)]
    assert ingest(db, eerste).stdout.startswith("Dit bestand is al geladen als upload 3")


def test_a_store_path_that_is_a_folder_is_wrong_usage(tmp_path):
    resultaat = cli("ingest", "--db", tmp_path, tmp_path / "x.xlsx")
    assert resultaat.returncode == 2
    assert resultaat.stderr.splitlines()[-1] == (
        f"python -m pipelines ingest: fout: argument --db: '{tmp_path}' is een map; geef het pad van het DuckDB-bestand"
    )
