"""Bounded reports (issue 12): a file that is wrong in every row gives a report of a bounded size, in the CLI, on
the upload page and in the stored upload record, and still counts every error.

Before: 20.000 rows with the same trajectnummer gave a report of 2,6 GB (each error listed every other row),
took 141 s and 11 GB, and stored 64 MB in the upload record.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import openpyxl

from pipelines.foutenkopie import foutenkopie
from pipelines.laden import MAX_FOUTEN, gecontroleerd, gelezen, herkend_uit
from tests.conftest import KANDIDATEN_KOP, app_als, blokken, ingest, kandidaat, rijen, schrijf_xlsx

DUBBEL = ("staat vaker in dit bestand (ook in rij {rijen}). Elk traject hoort één keer in de export te staan.")


def dezelfde_trajecten(pad, aantal: int):
    with open(pad, "w", newline="", encoding="utf-8") as bestand:
        schrijver = csv.writer(bestand, delimiter=";")
        schrijver.writerow(KANDIDATEN_KOP)
        for i in range(aantal):
            schrijver.writerow(["T1", f"K{i}", "Nijmegen", "Wsw", "", "Intern", "Groen", "", "", "", "01-03-2026",
                                "", "Lopend", "", "", "", ""])
    return pad


def test_twenty_thousand_equal_trajectnummers_give_a_short_report_that_counts_them_all(db, tmp_path):
    resultaat = ingest(db, dezelfde_trajecten(tmp_path / "dubbel.csv", 20_000))
    assert resultaat.returncode == 1
    assert len(resultaat.stdout) < 40_000  # was 2,6 GB
    regels = blokken(resultaat.stdout)["dubbel.csv"]
    assert regels[0] == ("Geweigerd: dubbel.csv (20.000 fouten). Er is niets geladen; verbeter het bestand en laad "
                         "het opnieuw.")
    assert regels[1] == "  Rij 2, kolom Trajectnummer: 'T1' " + DUBBEL.format(rijen="3, 4, 5 en 19.996 andere rijen")
    assert regels[3] == "  Rij 4, kolom Trajectnummer: 'T1' " + DUBBEL.format(rijen="2, 3, 5 en 19.996 andere rijen")
    assert len(regels) == 1 + 100 + 1
    assert regels[-1] == ("  En nog 19.900 fouten, per kolom: Trajectnummer 19.900. Upload het bestand op de pagina "
                          "Uploaden voor een Excel-kopie met de foute cellen gemarkeerd.")
    ((meldingen,),) = rijen(db, "SELECT meldingen FROM uploads")
    assert len(meldingen) < 40_000  # was 64 MB
    opgeslagen = json.loads(meldingen)
    assert opgeslagen["aantal_fouten"] == 20_000
    assert len(opgeslagen["fouten"]) == 100


def test_a_few_equal_rows_are_all_named(db, tmp_path):
    resultaat = ingest(db, dezelfde_trajecten(tmp_path / "vijf.csv", 5))
    regels = blokken(resultaat.stdout)["vijf.csv"]
    assert regels[1:] == ["  Rij 2, kolom Trajectnummer: 'T1' " + DUBBEL.format(rijen="3, 4, 5 en 1 andere rij"),
                          "  Rij 3, kolom Trajectnummer: 'T1' " + DUBBEL.format(rijen="2, 4, 5 en 1 andere rij"),
                          "  Rij 4, kolom Trajectnummer: 'T1' " + DUBBEL.format(rijen="2, 3, 5 en 1 andere rij"),
                          "  Rij 5, kolom Trajectnummer: 'T1' " + DUBBEL.format(rijen="2, 3, 4 en 1 andere rij"),
                          "  Rij 6, kolom Trajectnummer: 'T1' " + DUBBEL.format(rijen="2, 3, 4 en 1 andere rij")]


def test_equal_afspraken_are_bounded_too(db, tmp_path):
    pad = tmp_path / "afspraken.csv"
    pad.write_text("Gemeente;Jaar;Aantal\n" + "Nijmegen;2026;3\n" * 3000, encoding="utf-8")
    regels = blokken(ingest(db, pad).stdout)["afspraken.csv"]
    assert regels[1] == ("  Rij 2, kolom Gemeente: de afspraak voor 'Nijmegen' staat vaker in dit bestand, met "
                         "hetzelfde jaar, dezelfde sector en doelgroep (ook in rij 3, 4, 5 en 2.996 andere rijen). "
                         "Laat er één staan.")
    assert regels[-1].startswith("  En nog 2.900 fouten, per kolom: Gemeente 2.900.")


def alles_fout(pad, aantal: int):
    """Every row wrong in six cells: gemeente, doelgroep, route, sector, startdatum, status."""
    with open(pad, "w", newline="", encoding="utf-8") as bestand:
        schrijver = csv.writer(bestand, delimiter=";")
        schrijver.writerow(KANDIDATEN_KOP)
        for i in range(aantal):
            schrijver.writerow([f"T{i}", f"K{i}", "Atlantis", "Pensioen", "", "Thuis", "Ruimtevaart", "", "", "",
                                "31-02-2026", "", "Misschien", "", "", "", ""])
    return pad


def test_a_file_wrong_everywhere_lists_the_first_errors_and_counts_all(db, tmp_path, monkeypatch):
    pad = alles_fout(tmp_path / "alles_fout.csv", 3_000)  # 18.000 errors, more than MAX_FOUTEN
    monkeypatch.setenv("DASHBOARD_SLEUTEL", str(tmp_path / "sleutel"))
    bestand = gelezen(pad.read_bytes(), pad.name)
    controle = gecontroleerd(herkend_uit(bestand, organisatie="X", peildatum=dt.date(2026, 10, 31)), db)
    assert len(controle.fouten) == MAX_FOUTEN
    assert controle.aantal_fouten == 18_000
    assert controle.fouten_per_kolom == {k: 3_000 for k in ("Gemeente", "Doelgroep", "Route", "Sector", "Startdatum",
                                                              "Status")}
    # the Excel copy marks the listed ones and says that there are more
    lijst = openpyxl.load_workbook(io.BytesIO(foutenkopie(bestand, controle)))["Fouten"]
    assert lijst.max_row == MAX_FOUTEN + 3
    assert lijst.cell(MAX_FOUTEN + 3, 1).value == (
        "Hier staan de eerste 10.000 van 18.000 fouten. Zoveel fouten hebben meestal één oorzaak (een verschoven "
        "kolom, een andere schrijfwijze): verbeter die en controleer het bestand opnieuw.")

    regels = blokken(ingest(db, pad).stdout)["alles_fout.csv"]
    assert regels[0].startswith("Geweigerd: alles_fout.csv (18.000 fouten).")
    # per column, most first, then in the file's order
    assert regels[-1] == ("  En nog 17.900 fouten, per kolom: Startdatum 2.984, Status 2.984, Gemeente 2.983, "
                          "Doelgroep 2.983, Route 2.983 en 1 andere kolom. Upload het bestand op de pagina Uploaden "
                          "voor een Excel-kopie met de foute cellen gemarkeerd.")


def test_the_error_copy_of_a_workbook_that_has_a_sheet_fouten(db, tmp_path, monkeypatch):
    """The error copy itself, uploaded again, has a sheet 'Fouten': its own copy failed to build."""
    boek = openpyxl.Workbook()
    boek.active.title = "Export"
    for rij in [KANDIDATEN_KOP, kandidaat("T1", Gemeente="Atlantis")]:
        boek.active.append(rij)
    boek.create_sheet("Fouten").append(["Rij", "Kolom", "Waarde", "Probleem"])
    pad = tmp_path / "kopie.xlsx"
    boek.save(pad)
    monkeypatch.setenv("DASHBOARD_SLEUTEL", str(tmp_path / "sleutel"))
    bestand = gelezen(pad.read_bytes(), pad.name)
    controle = gecontroleerd(herkend_uit(bestand, organisatie="X", peildatum=dt.date(2026, 10, 31)), db)
    kopie = openpyxl.load_workbook(io.BytesIO(foutenkopie(bestand, controle)))
    assert kopie.sheetnames == ["Export", "Fouten", "Fouten (2)"]
    assert kopie["Fouten (2)"].cell(2, 2).value == "Gemeente"


def test_the_upload_page_shows_a_bounded_table_and_says_how_many_there_are(db, tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    pad = alles_fout(tmp_path / "alles_fout.csv", 3_000)
    app = app_als(monkeypatch, tmp_path, timeout=120).run()
    app.switch_page("pages/uploaden.py").run()
    app.file_uploader(key="uploaden_bestanden").set_value([(pad.name, pad.read_bytes(), "text/csv")]).run()
    organisatie = [w for w in app.text_input if w.key.startswith("uploaden_organisatie")][0]
    organisatie.set_value("Werkbedrijf Test").run()
    datum = [w for w in app.date_input if w.key.startswith("uploaden_peildatum")][0]
    datum.set_value(dt.date(2026, 10, 31)).run()
    assert not app.exception
    assert app.error[0].value.startswith("18.000 fouten gevonden: dit bestand kan niet worden geladen.")
    assert ("Hieronder de eerste 5.000 fouten; de Excel-kopie markeert de eerste 10.000 van alle 18.000. Zoveel "
            "fouten hebben meestal één oorzaak (een verschoven kolom, een andere schrijfwijze): verbeter die en upload "
            "opnieuw.") in [c.value for c in app.caption]
    assert len(app.dataframe[0].value) == 5_000


def test_a_huge_cell_is_quoted_shortened_in_its_error(db, tmp_path):
    """Found by the fuzz suite: 100 error lines quoting a 32.000-character cell each were a report of megabytes."""
    lang = "Atlantis" + "x" * 32_000
    bestand = schrijf_xlsx(tmp_path / "lang.xlsx", [KANDIDATEN_KOP, kandidaat("T1", Gemeente=lang)])
    regels = blokken(ingest(db, bestand).stdout)["lang.xlsx"]
    assert regels[1] == ("  Rij 2, kolom Gemeente: '" + lang[:79] + "…' is geen bekende gemeente. Gebruik de naam van "
                         "de gemeente (zoals het CBS die schrijft) of de gemeentecode, bijvoorbeeld GM0268.")


def test_an_organisatie_longer_than_any_name_is_refused(db, tmp_path):
    bestand = schrijf_xlsx(tmp_path / "org.xlsx", [["Organisatie: " + "Werkbedrijf " * 20], KANDIDATEN_KOP,
                                                   kandidaat("T1")])
    resultaat = ingest(db, bestand, organisatie=None)
    assert resultaat.returncode == 1
    assert blokken(resultaat.stdout)["org.xlsx"][1] == (
        "  De organisatie 'Werkbedrijf Werkbedrijf Werkbedrijf Wer…' heeft een naam van 239 tekens; de grens is "
        "100. Staat er iets anders dan de naam van de organisatie in de kolom Organisatie of de titelregel? Geef de "
        "naam van de organisatie op.")


def test_the_history_shows_a_dash_for_the_kind_of_a_file_refused_before_its_kind_was_known(db, tmp_path, monkeypatch):
    """Review: a refused unreadable workbook showed 'None' (English) under Soort."""
    goed = schrijf_xlsx(tmp_path / "goed.xlsx", [KANDIDATEN_KOP, kandidaat("T1")])
    pdf = tmp_path / "export.pdf"
    pdf.write_bytes(b"%PDF-1.7\n" + bytes(100))
    assert ingest(db, goed, pdf).returncode == 1  # a text column with one missing value: NaN in pandas 3
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    app = app_als(monkeypatch, tmp_path, timeout=90).run()
    app.switch_page("pages/uploaden.py").run()
    geschiedenis = app.dataframe[0].value
    assert sorted(geschiedenis["Soort"]) == ["Kandidaten (trajecten)", "–"]
