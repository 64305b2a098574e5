"""Every error a user can get, verbatim, with the row number they see in Excel; every refusal.

Many bad files go through one CLI call (the CLI takes several files and reports each); each test
then checks one file's report. Refused files leave nothing in the store, exit code 1, no traceback.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest
from msoffcrypto.format.ooxml import OOXMLFile

from pipelines import apart_lezen, lezen
from pipelines.meldingen import PROBLEMEN, Geweigerd
from tests.conftest import (
    AFSPRAKEN_KOP,
    FIXTURES,
    KANDIDATEN_KOP,
    VRAAG_KOP,
    blokken,
    cli,
    geweigerd,
    ingest,
    kandidaat,
    rijen,
    schrijf_csv,
    schrijf_xlsx,
)


def zonder_volgorde(regels: list[str]) -> tuple[str, list[str]]:
    """A report as (first line, sorted other lines): for errors whose order the contract leaves open."""
    return regels[0], sorted(regels[1:])


def niets_geladen(db: Path) -> None:
    """Nothing of any file is in the store: the views are empty and every upload is recorded as refused."""
    assert rijen(db, "SELECT (SELECT count(*) FROM trajecten), (SELECT count(*) FROM vraag), "
                     "(SELECT count(*) FROM afspraken)") == [(0, 0, 0)]
    assert {s for (s,) in rijen(db, "SELECT status FROM uploads")} <= {"geweigerd"}


def geen_traceback(resultaat) -> None:
    assert "Traceback" not in resultaat.stdout + resultaat.stderr, resultaat.stderr


def d(jaar: int, maand: int, dag: int) -> dt.date:
    return dt.date(jaar, maand, dag)


TOEGESTAAN = {  # the Dutch names users know (data/reference/codes.csv, column weergave)
    "doelgroep": "Wsw / SW-medewerker, Participatiewet, Banenafspraak / doelgroepregister, Beschut werk, Wajong, "
    "VSO/PrO-schoolverlater, Nieuwkomer / statushouder, WW, WIA/WAO, Overig",
    "stroom": "Langstromer, Doorstromer, Eigen medewerker, Onbekend",
    "route": "Intern, Extern",
    "sector": "Groen, Schoonmaak, Logistiek, Productie en techniek, Facilitair en horeca, Zorg en welzijn, "
    "Detailhandel, Bouw en infra, Administratie en ICT, Overig",
    "status": "Lopend, Afgerond, Uitgevallen",
    "reden_uitval": "Gezondheid, Motivatie, Werk of niveau past niet, Plek vervallen, Privé / verhuisd, "
    "Voortijdig naar betaald werk, Onbekend",
    "uitstroom": "Betaald werk, Werk binnen het SW-bedrijf, Vervolgopleiding, Geen, Onbekend",
    "soort": "Leerwerkplek, Vacature, Stage, Baangarantie",
}
LEEG = "dit veld is verplicht maar leeg. Vul het in."
GEMEENTE_ONBEKEND = ("is geen bekende gemeente. Gebruik de naam van de gemeente (zoals het CBS die schrijft) of de "
                     "gemeentecode, bijvoorbeeld GM0268.")
BERGEN = ("'Bergen' is niet eenduidig: bedoelt u Bergen (L.) of Bergen (NH.)? Gebruik de volledige naam of de "
          "gemeentecode.")


def onbekend(waarde: str, lijst: str) -> str:
    return (f"'{waarde}' is geen bekende waarde. Toegestaan: {TOEGESTAAN[lijst]}. Gebruikt uw systeem een andere "
            "schrijfwijze? Vraag de beheerder die toe te voegen aan de synoniemen van het dashboard.")


# ----- errors per cell -------------------------------------------------------------------------

# Title row 1, empty row 2, header row 3: the first data row is Excel row 4. Row 8 is empty.
KANDIDATEN_FOUTEN = [
    (kandidaat("F04", Trajectnummer=None), [f"Rij 4, kolom Trajectnummer: {LEEG}"]),
    (kandidaat("F05", Startdatum="31-02-2026"), ["Rij 5, kolom Startdatum: '31-02-2026' is geen bestaande datum."]),
    (kandidaat("F06", Startdatum="gisteren"),
     ["Rij 6, kolom Startdatum: 'gisteren' is geen datum. Gebruik bijvoorbeeld 31-10-2026."]),
    (kandidaat("F07", Startdatum="15-11-2026"),
     ["Rij 7, kolom Startdatum: '15-11-2026' ligt na de peildatum (31-10-2026). Een traject kan niet na de "
      "peildatum zijn begonnen."]),
    (None, []),
    (kandidaat("F09", Status="Afgerond", Einddatum="01-01-2026"),
     ["Rij 9, kolom Einddatum: '01-01-2026' ligt vóór de startdatum (01-03-2026)."]),
    (kandidaat("F10", Status="Afgerond"),
     ["Rij 10, kolom Einddatum: leeg, maar de status is afgerond. Vul de einddatum in."]),
    (kandidaat("F11", Status="Gestopt", **{"Reden uitval": "Ziekte"}),
     ["Rij 11, kolom Einddatum: leeg, maar de status is uitgevallen. Vul de einddatum in."]),
    (kandidaat("F12", Status="Uitgevallen", Einddatum=d(2026, 9, 1)),
     ["Rij 12, kolom Reden uitval: leeg, maar de status is uitgevallen. Vul de reden van uitval in."]),
    (kandidaat("F13", Route="Extern"),
     ["Rij 13, kolom Werkgever: leeg, maar de route is extern. Vul de werkgever in."]),
    (kandidaat("F14", Crebo="1234"),
     ["Rij 14, kolom Crebo: '1234' is geen crebonummer. Een crebonummer heeft 5 cijfers."]),
    (kandidaat("F15", Doelgroep="Pensioen"), [f"Rij 15, kolom Doelgroep: {onbekend('Pensioen', 'doelgroep')}"]),
    (kandidaat("F16", Gemeente="Atlantis"), [f"Rij 16, kolom Gemeente: 'Atlantis' {GEMEENTE_ONBEKEND}"]),
    (kandidaat("F17", Gemeente="Bergen"), [f"Rij 17, kolom Gemeente: {BERGEN}"]),
    (kandidaat("T-DUP"),
     ["Rij 18, kolom Trajectnummer: 'T-DUP' staat vaker in dit bestand (ook in rij 19). Elk traject hoort één keer "
      "in de export te staan."]),
    (kandidaat("T-DUP", Kandidaatnummer="K-ander"),
     ["Rij 19, kolom Trajectnummer: 'T-DUP' staat vaker in dit bestand (ook in rij 18). Elk traject hoort één keer "
      "in de export te staan."]),
    (kandidaat("F20", Sector="Ruimtevaart"), [f"Rij 20, kolom Sector: {onbekend('Ruimtevaart', 'sector')}"]),
    (kandidaat("F21", Kandidaatnummer=None), [f"Rij 21, kolom Kandidaatnummer: {LEEG}"]),
    (kandidaat("F22", Status="Misschien"), [f"Rij 22, kolom Status: {onbekend('Misschien', 'status')}"]),
    (kandidaat("F23", Stroom="Kort"), [f"Rij 23, kolom Stroom: {onbekend('Kort', 'stroom')}"]),
    (kandidaat("F24", Route="Thuis"), [f"Rij 24, kolom Route: {onbekend('Thuis', 'route')}"]),
    (kandidaat("F25", Status="Uitgevallen", Einddatum=d(2026, 9, 1), **{"Reden uitval": "Ruzie"}),
     [f"Rij 25, kolom Reden uitval: {onbekend('Ruzie', 'reden_uitval')}"]),
    (kandidaat("F26", Uitstroom="Pensioen"), [f"Rij 26, kolom Uitstroom: {onbekend('Pensioen', 'uitstroom')}"]),
    (kandidaat("F27", Praktijkverklaring="32-01-2026"),
     ["Rij 27, kolom Praktijkverklaring: '32-01-2026' is geen bestaande datum."]),
    (kandidaat("F28", Gemeente=None, Doelgroep=None, Route=None, Sector=None, Startdatum=None, Status=None),
     [f"Rij 28, kolom {k}: {LEEG}" for k in ("Gemeente", "Doelgroep", "Route", "Sector", "Startdatum", "Status")]),
    (kandidaat("F29", Status="Afgerond", Einddatum="morgen"),
     ["Rij 29, kolom Einddatum: 'morgen' is geen datum. Gebruik bijvoorbeeld 31-10-2026."]),
    # dates within sense (basis/datumgrenzen.py)
    (kandidaat("F30", Startdatum="01-01-0001"),
     ["Rij 30, kolom Startdatum: '01-01-0001' ligt vóór 01-01-2000: zo vroeg gaat geen traject in deze gegevens "
      "terug. Klopt het jaartal?"]),
    (kandidaat("F31", Status="Uitgevallen", Einddatum="31-12-9999", **{"Reden uitval": "Ziekte"}),
     ["Rij 31, kolom Einddatum: '31-12-9999' staat in veel systemen voor 'geen einddatum', maar de status is "
      "uitgevallen: dat traject is geëindigd. Vul de echte einddatum in."]),
    (kandidaat("F32", Einddatum="01-01-2100"),
     ["Rij 32, kolom Einddatum: '01-01-2100' ligt na 31-12-2099: dat kan geen geplande einddatum zijn. Is er geen "
      "einddatum, laat de cel dan leeg."]),
    (kandidaat("F33", Status="Afgerond", Einddatum="15-11-2026"),
     ["Rij 33, kolom Einddatum: '15-11-2026' ligt na de peildatum (31-10-2026), maar een afgerond of uitgevallen "
      "traject is dan al geëindigd."]),
    (kandidaat("F34", Praktijkverklaring="15-11-2026"),
     ["Rij 34, kolom Praktijkverklaring: '15-11-2026' ligt na de peildatum (31-10-2026): een praktijkverklaring "
      "kan niet later behaald zijn dan de dag die de export beschrijft."]),
    (kandidaat("F35", Einddatum="31-12-9999"), []),  # lopend: 31-12-9999 is 'no end date'
]

VRAAG_FOUTEN = [  # header row 1
    (["", "Groen", "Hovenier", None, None, "2026-10", 2, None], [f"Rij 2, kolom Werkgever: {LEEG}"]),
    (["Glans", "Groen", "Hovenier", None, None, "2026-10", "2,5", None],
     ["Rij 3, kolom Aantal: '2,5' is geen heel getal."]),
    (["Glans", "Groen", "Hovenier", None, None, "2026-10", 0, None],
     ["Rij 4, kolom Aantal: '0' is te klein: het aantal moet minstens 1 zijn."]),
    (["Glans", "Groen", "Hovenier", None, None, "13-2026", 1, None],
     ["Rij 5, kolom Maand: '13-2026' is geen maand. Gebruik bijvoorbeeld 2026-10 of okt 2026."]),
    (["Glans", "Groen", "Hovenier", None, None, "binnenkort", 1, None],
     ["Rij 6, kolom Maand: 'binnenkort' is geen maand. Gebruik bijvoorbeeld 2026-10 of okt 2026."]),
    (["Glans", "Groen", "Hovenier", None, None, "2026-10", 1, "Klus"],
     [f"Rij 7, kolom Soort: {onbekend('Klus', 'soort')}"]),
    (["Glans", "Groen", "Hovenier", "123456", None, "2026-10", 1, None],
     ["Rij 8, kolom Crebo: '123456' is geen crebonummer. Een crebonummer heeft 5 cijfers."]),
    (["Glans", "Groen", "Hovenier", None, "Atlantis", "2026-10", 1, None],
     [f"Rij 9, kolom Gemeente: 'Atlantis' {GEMEENTE_ONBEKEND}"]),
    (["Glans", "Groen", "Hovenier", None, None, "2026-10", "drie", None],
     ["Rij 10, kolom Aantal: 'drie' is geen heel getal."]),
    (["Glans", None, None, None, None, None, None, None],
     [f"Rij 11, kolom {k}: {LEEG}" for k in ("Sector", "Beroep", "Maand", "Aantal")]),
    (["Glans", "Groen", "Hovenier", None, "Bergen", "2026-10", 1, None], [f"Rij 12, kolom Gemeente: {BERGEN}"]),
    (["Glans", "Groen", "Hovenier", None, None, "2026-10", "-2", None],
     ["Rij 13, kolom Aantal: '-2' is te klein: het aantal moet minstens 1 zijn."]),
    (["Glans", "Ruimtevaart", "Hovenier", None, None, "2026-10", 1, None],
     [f"Rij 14, kolom Sector: {onbekend('Ruimtevaart', 'sector')}"]),
    (["Glans", "Groen", "Hovenier", None, None, "2026-10", "3.000.000.000", None],
     ["Rij 15, kolom Aantal: '3.000.000.000' is te groot: een aantal is hoogstens 100.000. Klopt het getal?"]),
    (["Glans", "Groen", "Hovenier", None, None, "9999-12", 1, None],
     ["Rij 16, kolom Maand: '9999-12' ligt buiten de maanden waar vraag over kan gaan: januari 2000 tot en met "
      f"december {dt.date.today().year + 2}. Klopt het jaartal?"]),
]

AFSPRAKEN_FOUTEN = [  # header row 1
    (["Nijmegen", "26", 10], ["Rij 2, kolom Jaar: '26' is geen jaartal. Gebruik vier cijfers, bijvoorbeeld 2026."]),
    (["Nijmegen", "twintig", 10],
     ["Rij 3, kolom Jaar: 'twintig' is geen jaartal. Gebruik vier cijfers, bijvoorbeeld 2026."]),
    (["Nijmegen", 2026, 10],
     ["Rij 4, kolom Gemeente: de afspraak voor 'Nijmegen' staat vaker in dit bestand, met hetzelfde jaar, dezelfde "
      "sector en doelgroep (ook in rij 5). Laat er één staan."]),
    (["GM0268", 2026, 12],  # the same gemeente by its code
     ["Rij 5, kolom Gemeente: de afspraak voor 'GM0268' staat vaker in dit bestand, met hetzelfde jaar, dezelfde "
      "sector en doelgroep (ook in rij 4). Laat er één staan."]),
    (["Wijchen", 2026, "-1"], ["Rij 6, kolom Aantal: '-1' is te klein: het aantal moet minstens 0 zijn."]),
    ([None, 2026, 5], [f"Rij 7, kolom Gemeente: {LEEG}"]),
    (["Druten", 2026, 5, None, "Studenten"], [f"Rij 8, kolom Doelgroep: {onbekend('Studenten', 'doelgroep')}"]),
    (["Heumen", 2026, "veel"], ["Rij 9, kolom Aantal: 'veel' is geen heel getal."]),
    (["Beuningen", None, None], [f"Rij 10, kolom {k}: {LEEG}" for k in ("Jaar", "Aantal")]),
    (["Atlantis", 2026, 5], [f"Rij 11, kolom Gemeente: 'Atlantis' {GEMEENTE_ONBEKEND}"]),
    (["Mook en Middelaar", 2026, 5, "Ruimtevaart"], [f"Rij 12, kolom Sector: {onbekend('Ruimtevaart', 'sector')}"]),
    (["Berg en Dal", 9999, 5],
     ["Rij 13, kolom Jaar: '9999' ligt buiten de jaren waar een afspraak over kan gaan: 2000 tot en met "
      f"{dt.date.today().year + 5}. Klopt het jaartal?"]),
]

# A CSV with a title line, an empty line, the header on line 3, an empty line 7: five errors in three rows.
VIJF_FOUTEN = [
    ["Peildatum: 31-10-2026"], [], KANDIDATEN_KOP,
    kandidaat("V4", Gemeente="Atlantis", Doelgroep="Pensioen"),
    kandidaat("V5"),
    kandidaat("V6", Startdatum="31-02-2026"),
    [],
    kandidaat("V8", Status="Afgerond", Crebo="12"),
]
VIJF_FOUTEN_REGELS = [
    f"Rij 4, kolom Gemeente: 'Atlantis' {GEMEENTE_ONBEKEND}",
    f"Rij 4, kolom Doelgroep: {onbekend('Pensioen', 'doelgroep')}",
    "Rij 6, kolom Startdatum: '31-02-2026' is geen bestaande datum.",
    "Rij 8, kolom Crebo: '12' is geen crebonummer. Een crebonummer heeft 5 cijfers.",
    "Rij 8, kolom Einddatum: leeg, maar de status is afgerond. Vul de einddatum in.",
]


def schrijf_leeg_boven(pad: Path) -> Path:
    """Rows 1-2 and column A completely empty; the header in B3, so the first data row is row 4."""
    boek = openpyxl.Workbook()
    blad = boek.active
    for i, rij in enumerate([KANDIDATEN_KOP, kandidaat("L4", Startdatum="31-02-2026"), kandidaat("L5")]):
        for j, waarde in enumerate(rij):
            blad.cell(row=3 + i, column=2 + j, value=waarde)
    boek.save(pad)
    return pad


@pytest.fixture(scope="module")
def celfouten(tmp_path_factory):
    """One CLI call with every file that has errors in its cells."""
    map_ = tmp_path_factory.mktemp("celfouten")
    db = map_ / "store.duckdb"
    kandidaten = schrijf_xlsx(map_ / "fouten_kandidaten.xlsx", [
        ["Trajectenoverzicht"], [], KANDIDATEN_KOP, *[rij or [] for rij, _ in KANDIDATEN_FOUTEN],
    ])
    vraag = schrijf_xlsx(map_ / "fouten_vraag.xlsx", [VRAAG_KOP, *[rij for rij, _ in VRAAG_FOUTEN]])
    afspraken = schrijf_xlsx(map_ / "fouten_afspraken.xlsx", [AFSPRAKEN_KOP, *[rij for rij, _ in AFSPRAKEN_FOUTEN]])
    vijf = schrijf_csv(map_ / "vijf_fouten.csv", VIJF_FOUTEN)
    leeg_boven = schrijf_leeg_boven(map_ / "leeg_boven.xlsx")
    echte_datums = schrijf_xlsx(map_ / "echte_datums.xlsx", [
        KANDIDATEN_KOP,
        kandidaat("E2", Startdatum=d(2026, 11, 15)),
        kandidaat("E3", Startdatum=d(2026, 3, 1), Einddatum=d(2026, 1, 1), Status="Afgerond"),
    ])
    bestanden = [kandidaten, vraag, afspraken, vijf, leeg_boven, echte_datums]
    resultaat = ingest(db, *bestanden, env={"DASHBOARD_SLEUTEL": str(map_ / "sleutel")})
    return db, resultaat, blokken(resultaat.stdout)


def test_kandidaten_every_cell_error_verbatim_with_excel_row_numbers(celfouten):
    db, resultaat, per_bestand = celfouten
    verwacht = [regel for _, regels in KANDIDATEN_FOUTEN for regel in regels]
    assert per_bestand["fouten_kandidaten.xlsx"] == geweigerd("fouten_kandidaten.xlsx", *verwacht)


def test_vraag_every_cell_error_verbatim(celfouten):
    _, _, per_bestand = celfouten
    verwacht = [regel for _, regels in VRAAG_FOUTEN for regel in regels]
    assert per_bestand["fouten_vraag.xlsx"] == geweigerd("fouten_vraag.xlsx", *verwacht)


def test_afspraken_every_cell_error_verbatim(celfouten):
    _, _, per_bestand = celfouten
    verwacht = [regel for _, regels in AFSPRAKEN_FOUTEN for regel in regels]
    assert per_bestand["fouten_afspraken.xlsx"] == geweigerd("fouten_afspraken.xlsx", *verwacht)


def test_all_errors_of_a_file_are_reported_not_just_the_first(celfouten):
    _, _, per_bestand = celfouten
    assert per_bestand["vijf_fouten.csv"] == geweigerd("vijf_fouten.csv", *VIJF_FOUTEN_REGELS)
    assert per_bestand["vijf_fouten.csv"][0].startswith("Geweigerd: vijf_fouten.csv (5 fouten).")


def test_row_numbers_count_empty_rows_and_columns_above_and_left_of_the_header(celfouten):
    _, _, per_bestand = celfouten
    assert per_bestand["leeg_boven.xlsx"] == geweigerd(
        "leeg_boven.xlsx", "Rij 4, kolom Startdatum: '31-02-2026' is geen bestaande datum."
    )


def test_real_excel_dates_are_quoted_as_the_user_sees_them(celfouten):
    # The report names the value (contract: "row number as the user sees it in Excel, column, value"); a real
    # date cell shows as 15-11-2026 in Dutch Excel, not as the reader's internal '2026-11-15 00:00:00'.
    _, _, per_bestand = celfouten
    assert per_bestand["echte_datums.xlsx"] == geweigerd(
        "echte_datums.xlsx",
        "Rij 2, kolom Startdatum: '15-11-2026' ligt na de peildatum (31-10-2026). Een traject kan niet na de "
        "peildatum zijn begonnen.",
        "Rij 3, kolom Einddatum: '01-01-2026' ligt vóór de startdatum (01-03-2026).",
    )


def test_cell_error_files_leave_nothing_in_the_store_and_exit_1(celfouten):
    db, resultaat, per_bestand = celfouten
    assert resultaat.returncode == 1
    geen_traceback(resultaat)
    assert len(per_bestand) == 6
    niets_geladen(db)
    assert rijen(db, "SELECT count(*) FROM uploads WHERE status = 'geweigerd'") == [(6,)]


def test_every_problem_message_is_covered_by_these_tests():
    verwacht = [r for lijst in (KANDIDATEN_FOUTEN, VRAAG_FOUTEN, AFSPRAKEN_FOUTEN) for _, regels in lijst
                for r in regels]
    gedekt = set()
    for probleem, sjabloon in PROBLEMEN.items():
        patroon = re.escape(sjabloon).replace(r"\{waarde\}", ".*").replace(r"\{extra\}", ".*")
        if any(re.fullmatch(r"Rij \d+, kolom [^:]+: " + patroon, r) for r in verwacht):
            gedekt.add(probleem)
    assert gedekt == set(PROBLEMEN)


# ----- refusals of whole files -----------------------------------------------------------------

PDF = (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 44 /Filter /FlateDecode >>\nstream\n"
       + zlib.compress(b"BT /F1 12 Tf 72 712 Td (Trajectenoverzicht) Tj ET" * 4)
       + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00" + bytes(200)

ONBEKEND_TYPE = ("Dit is {wat}, geen Excel-bestand (.xlsx, .xls) of CSV-bestand. Lever de export aan als .xlsx, .xls "
                 "of .csv.")
KAPOT = ("Het bestand kan niet worden gelezen: het is beschadigd of geen echt Excel-bestand ({ext}). Maak de export "
         "opnieuw aan en probeer het nog eens.")

WEIGERINGEN = {
    "leeg.xlsx": "Het bestand is leeg.",
    "leeg.csv": "Het bestand is leeg.",
    "pdf.xlsx": ONBEKEND_TYPE.format(wat="een PDF-bestand"),
    "brief.docx": ONBEKEND_TYPE.format(wat="een Word-document"),
    "ruis.xlsx": ONBEKEND_TYPE.format(wat="een onbekend bestandstype"),
    "plaatje.xlsx": ONBEKEND_TYPE.format(wat="een afbeelding"),
    "kapot.xlsx": KAPOT.format(ext=".xlsx"),
    "kapot.xls": KAPOT.format(ext=".xls"),
    "wachtwoord.xlsx": "Het bestand is beveiligd met een wachtwoord. Sla het op zonder wachtwoord (Bestand > Info > "
    "Werkmap beveiligen) en probeer het opnieuw.",
    "geen_kopregel.xlsx": "Geen kopregel gevonden: in de eerste 30 rijen staat geen rij met de kolommen van een "
    "kandidaten-, vraag- of afsprakenexport. Gebruik de kolomnamen uit het sjabloon.",
    "geen_gegevens.xlsx": "Het bestand heeft een kopregel maar geen gegevensrijen.",
    "status_mist.xlsx": "Verplichte kolom ontbreekt: Status (ook goed: Trajectstatus, Status traject). Voeg de kolom "
    "toe of gebruik het sjabloon.",
    "maand_mist.xlsx": "Verplichte kolom ontbreekt: Maand (ook goed: Periode, Peilmaand, Datum). Voeg de kolom toe "
    "of gebruik het sjabloon.",
    "jaar_mist.xlsx": "Verplichte kolom ontbreekt: Jaar (ook goed: Kalenderjaar). Voeg de kolom toe of gebruik het "
    "sjabloon.",
    "dubbele_kolom.xlsx": "De kolommen 'Gemeente' en 'Woongemeente' betekenen allebei 'gemeente'. Laat er één staan.",
}


def schrijf_bestanden(map_: Path) -> list[Path]:
    goed = schrijf_xlsx(map_ / "goed.xlsx", [KANDIDATEN_KOP, kandidaat("T1"), kandidaat("T2")])
    inhoud = goed.read_bytes()
    (map_ / "leeg.xlsx").write_bytes(b"")
    (map_ / "leeg.csv").write_bytes(b"")
    (map_ / "pdf.xlsx").write_bytes(PDF)
    with zipfile.ZipFile(map_ / "brief.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document><w:body>Trajecten</w:body></w:document>")
    (map_ / "ruis.xlsx").write_bytes(random.Random(20261031).randbytes(20_000))
    (map_ / "plaatje.xlsx").write_bytes(PNG)
    (map_ / "kapot.xlsx").write_bytes(inhoud[: len(inhoud) // 2])
    xls = (FIXTURES / "kandidaten_libreoffice.xls").read_bytes()
    (map_ / "kapot.xls").write_bytes(xls[: len(xls) // 2])
    versleuteld = io.BytesIO()
    with open(goed, "rb") as bron:
        OOXMLFile(bron).encrypt("geheim", versleuteld)
    (map_ / "wachtwoord.xlsx").write_bytes(versleuteld.getvalue())
    schrijf_xlsx(map_ / "geen_kopregel.xlsx", [["Overzicht"], ["Naam van het team", "Oost"], ["Aantal", 3]])
    schrijf_xlsx(map_ / "geen_gegevens.xlsx", [["Trajecten"], KANDIDATEN_KOP, []])
    zonder_status = [k for k in KANDIDATEN_KOP if k != "Status"]
    schrijf_xlsx(map_ / "status_mist.xlsx", [zonder_status, [w for k, w in zip(KANDIDATEN_KOP, kandidaat("T1"),
                                                                                 strict=True) if k != "Status"]])
    schrijf_xlsx(map_ / "maand_mist.xlsx", [[k for k in VRAAG_KOP if k != "Maand"],
                                            ["Glans", "Groen", "Hovenier", None, None, 2, None]])
    schrijf_xlsx(map_ / "jaar_mist.xlsx", [["Gemeente", "Aantal", "Sector", "Doelgroep"], ["Nijmegen", 4, None, None]])
    schrijf_xlsx(map_ / "dubbele_kolom.xlsx", [[*KANDIDATEN_KOP, "Woongemeente"], kandidaat("T1") + ["Wijchen"]])
    return [map_ / naam for naam in WEIGERINGEN]


@pytest.fixture(scope="module")
def weigeringen(tmp_path_factory):
    map_ = tmp_path_factory.mktemp("weigeringen")
    db = map_ / "store.duckdb"
    bestanden = schrijf_bestanden(map_)
    resultaat = ingest(db, *bestanden, map_ / "bestaat_niet.xlsx", env={"DASHBOARD_SLEUTEL": str(map_ / "sleutel")})
    return db, map_, resultaat, blokken(resultaat.stdout)


@pytest.mark.parametrize("naam", list(WEIGERINGEN))
def test_file_level_refusal_verbatim(weigeringen, naam):
    _, _, _, per_bestand = weigeringen
    assert per_bestand[naam] == geweigerd(naam, WEIGERINGEN[naam])


def test_refused_files_are_refused_exit_1_no_traceback_nothing_stored(weigeringen):
    """No wall-clock bound here: it failed under load (9,6 s on a busy 2-core machine) and speed belongs in
    `make bench`, not in a unit test."""
    db, map_, resultaat, per_bestand = weigeringen
    assert resultaat.returncode == 1
    geen_traceback(resultaat)
    assert per_bestand[str(map_ / "bestaat_niet.xlsx")] == [
        f"Geweigerd: {map_ / 'bestaat_niet.xlsx'} bestaat niet of is geen bestand."
    ]
    niets_geladen(db)


def test_two_missing_columns_are_two_errors(db, tmp_path):
    # "The report lists every error ... not just the first": two missing columns are two errors, each on its line.
    weg = ("Startdatum", "Status")
    bestand = schrijf_xlsx(tmp_path / "twee_missen.xlsx", [
        [k for k in KANDIDATEN_KOP if k not in weg],
        [w for k, w in zip(KANDIDATEN_KOP, kandidaat("T1"), strict=True) if k not in weg],
    ])

    resultaat = ingest(db, bestand)

    assert resultaat.returncode == 1
    assert zonder_volgorde(resultaat.stdout.splitlines()) == zonder_volgorde(geweigerd(
        "twee_missen.xlsx",
        "Verplichte kolom ontbreekt: Startdatum (ook goed: Begindatum, Datum start, Instroomdatum, Start traject). "
        "Voeg de kolom toe of gebruik het sjabloon.",
        "Verplichte kolom ontbreekt: Status (ook goed: Trajectstatus, Status traject). Voeg de kolom toe of gebruik "
        "het sjabloon.",
    ))
    niets_geladen(db)


# ----- organisatie / peildatum from the file: refusals -----------------------------------------


@pytest.fixture(scope="module")
def zonder_cli_gegevens(tmp_path_factory):
    """Files that must bring their own organisatie and peildatum (none given on the command line)."""
    map_ = tmp_path_factory.mktemp("zonder_cli")
    db = map_ / "store.duckdb"
    kop = [*KANDIDATEN_KOP, "Organisatie"]
    bestanden = [
        schrijf_xlsx(map_ / "twee_organisaties.xlsx", [
            ["Peildatum: 31-10-2026"], kop, kandidaat("T1") + ["Werkbedrijf Oost"],
            kandidaat("T2") + ["Werkbedrijf West"],
        ]),
        schrijf_xlsx(map_ / "ongeldige_peildatum.xlsx", [
            ["Peildatum: 31-13-2026"], kop, kandidaat("T1") + ["Werkbedrijf Oost"],
        ]),
        schrijf_xlsx(map_ / "geen_van_beide.xlsx", [KANDIDATEN_KOP, kandidaat("T1")]),
    ]
    resultaat = ingest(db, *bestanden, organisatie=None, peildatum=None,
                       env={"DASHBOARD_SLEUTEL": str(map_ / "sleutel")})
    return db, resultaat, blokken(resultaat.stdout)


def test_organisatie_column_naming_two_organisations_is_refused(zonder_cli_gegevens):
    _, _, per_bestand = zonder_cli_gegevens
    assert per_bestand["twee_organisaties.xlsx"] == geweigerd(
        "twee_organisaties.xlsx",
        "De kolom Organisatie noemt meer dan één organisatie (Werkbedrijf Oost, Werkbedrijf West). Lever per "
        "organisatie een apart bestand aan.",
    )


def test_impossible_peildatum_in_title_row_is_refused(zonder_cli_gegevens):
    _, _, per_bestand = zonder_cli_gegevens
    assert per_bestand["ongeldige_peildatum.xlsx"] == geweigerd(
        "ongeldige_peildatum.xlsx", "'31-13-2026' is geen geldige peildatum. Gebruik bijvoorbeeld 31-10-2026."
    )


def test_neither_organisatie_nor_peildatum_reports_both(zonder_cli_gegevens):
    # Contract: neither found -> refused; and the report lists every error, not just the first.
    db, resultaat, per_bestand = zonder_cli_gegevens
    assert resultaat.returncode == 1
    geen_traceback(resultaat)
    niets_geladen(db)
    assert zonder_volgorde(per_bestand["geen_van_beide.xlsx"]) == zonder_volgorde(geweigerd(
        "geen_van_beide.xlsx",
        "De organisatie is onbekend. Geef de organisatie op (--organisatie of in het uploadformulier) of zet een "
        "kolom Organisatie in het bestand.",
        "De peildatum is onbekend. Geef de peildatum op (--peildatum JJJJ-MM-DD of in het uploadformulier), zet een "
        "regel 'Peildatum: 31-10-2026' boven de kopregel, of zet de maand in de bestandsnaam (bijvoorbeeld "
        "kandidaten_2026-10.xlsx).",
    ))


# ----- size limits: big files and zip bombs ----------------------------------------------------


def grote_csv(pad: Path, bytes_minstens: int) -> Path:
    regels = [";".join(KANDIDATEN_KOP)]
    lengte, i = len(regels[0]) + 2, 0
    while lengte < bytes_minstens:
        i += 1
        regels.append(f"T{i};K{i};Nijmegen;Participatiewet;Langstromer;Intern;Schoonmaak;;;;01-03-2026;;Lopend;;;;")
        lengte += len(regels[-1]) + 2
    pad.write_bytes(("\r\n".join(regels) + "\r\n").encode("cp1252"))
    return pad


def grootte_en_grens(regel: str) -> tuple[float, float]:
    gevonden = re.search(r"(?:is|tot) ([\d,]+) MB; de grens is ([\d,]+) MB", regel)
    assert gevonden, regel
    return float(gevonden[1].replace(",", ".")), float(gevonden[2].replace(",", "."))


@pytest.fixture(scope="module")
def te_groot(tmp_path_factory):
    map_ = tmp_path_factory.mktemp("te_groot")
    db = map_ / "store.duckdb"
    groot = grote_csv(map_ / "groot.csv", 2_300_000)
    iets_te_groot = grote_csv(map_ / "iets_te_groot.csv", 1_400_000)
    kinderen = []  # the reading child processes started: the work, counted instead of timed
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(lezen, "MAX_BESTAND", 1_000_000)  # what PIPELINES_MAX_BESTAND_MB=1 sets at import
        echt = apart_lezen.subprocess.run
        mp.setattr(apart_lezen.subprocess, "run", lambda *a, **k: kinderen.append(a) or echt(*a, **k))
        resultaat = ingest(db, groot, iets_te_groot, env={"DASHBOARD_SLEUTEL": str(map_ / "sleutel")})
    return db, resultaat, blokken(resultaat.stdout), kinderen


def test_oversized_file_is_refused_fast(te_groot):
    db, resultaat, per_bestand, kinderen = te_groot
    assert resultaat.returncode == 1
    geen_traceback(resultaat)
    assert kinderen == []  # refused on its size alone: neither file was read
    assert per_bestand["groot.csv"] == geweigerd(
        "groot.csv",
        "Het bestand is 2,3 MB; de grens is 1 MB. Splits het bestand (bijvoorbeeld per organisatie) of laat alleen de "
        "kolommen uit het sjabloon staan.",
    )
    niets_geladen(db)


def test_oversized_message_shows_a_size_above_the_limit(te_groot):
    # "say exactly why": a 1,4 MB file refused for a 1 MB limit must not read "is 1 MB; de grens is 1 MB".
    _, _, per_bestand, _ = te_groot
    regels = per_bestand["iets_te_groot.csv"]
    assert len(regels) == 2, regels
    grootte, grens = grootte_en_grens(regels[1])
    assert grootte > grens, regels[1]


def zip_bom(pad: Path, nullen: int) -> Path:
    """A workbook-looking zip whose sheet member is `nullen` zero bytes (compresses ~250-1000x)."""
    blok = bytes(1_000_000)
    with zipfile.ZipFile(pad, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as lid:
            for _ in range(nullen // len(blok)):
                lid.write(blok)
    return pad


@pytest.fixture(scope="module")
def zip_bommen(tmp_path_factory):
    map_ = tmp_path_factory.mktemp("bommen")
    db = map_ / "store.duckdb"
    grote = zip_bom(map_ / "bom.xlsx", 500_000_000)
    kleine = zip_bom(map_ / "kleine_bom.xlsx", 50_000_000)
    assert grote.stat().st_size < 5_000_000  # small on disk, 500 MB unpacked
    resultaat = ingest(db, grote, kleine, env={"DASHBOARD_SLEUTEL": str(map_ / "sleutel")})
    # the work, counted instead of timed: what the reading child runs, here, with every unpacking counted
    uitgepakt = []
    with pytest.MonkeyPatch.context() as mp:
        echt_open, echt_lezen = zipfile.ZipFile.open, lezen.excel_bladen
        mp.setattr(zipfile.ZipFile, "open", lambda zelf, *a, **k: uitgepakt.append(a) or echt_open(zelf, *a, **k))
        mp.setattr(lezen, "excel_bladen", lambda *a, **k: uitgepakt.append(a) or echt_lezen(*a, **k))
        for bom in (grote, kleine):
            with pytest.raises(Geweigerd):
                lezen.bladen_uit_bytes(bom.read_bytes())
    return db, resultaat, blokken(resultaat.stdout), uitgepakt


def test_zip_bomb_is_refused_fast_without_unpacking(zip_bommen):
    db, resultaat, per_bestand, uitgepakt = zip_bommen
    assert resultaat.returncode == 1
    geen_traceback(resultaat)
    assert uitgepakt == []  # refused on the zip's directory alone: no member opened, the Excel reader not started
    assert per_bestand["bom.xlsx"] == geweigerd(
        "bom.xlsx",
        "Het bestand pakt uit tot 500 MB; de grens is 400 MB. Dit is geen gewone export: sla de gegevens opnieuw op "
        "als .xlsx of .csv zonder afbeeldingen of verborgen werkbladen.",
    )
    niets_geladen(db)


def test_zip_bomb_refused_for_its_compression_ratio_says_why(zip_bommen):
    # A 50 MB member that compresses > 200x is refused for that ratio, and the message says so
    # (not "pakt uit tot 50 MB; de grens is 400 MB", which would name a size below the limit).
    _, _, per_bestand, _ = zip_bommen
    assert per_bestand["kleine_bom.xlsx"] == geweigerd(
        "kleine_bom.xlsx",
        "Het bestand is verdacht sterk ingepakt: een onderdeel pakt meer dan 200 keer zo groot uit. Dit is geen "
        "gewone export: sla de gegevens opnieuw op als .xlsx of .csv.",
    )


# ----- wrong usage of the command line: exit 2, in Dutch ---------------------------------------

ENGELS = re.compile(r"\b(usage|error|invalid|required|unrecognized|choose from|expected|argument[s]? are)\b", re.I)


@pytest.mark.parametrize(
    ("args", "laatste_regel"),
    [
        (["ingest", "{map}/x.xlsx"], "python -m pipelines ingest: fout: deze argumenten ontbreken: --db"),
        (["ingest", "--db", "{map}/s.duckdb", "--peildatum", "31-10-2026", "{map}/x.xlsx"],
         "python -m pipelines ingest: fout: argument --peildatum: '31-10-2026' is geen datum in de vorm JJJJ-MM-DD"),
        (["inlezen", "--db", "{map}/s.duckdb", "{map}/x.xlsx"],
         "python -m pipelines: fout: argument OPDRACHT: ongeldige keuze: 'inlezen' (kies uit "),
        (["ingest", "--db", "{map}/s.duckdb"], "python -m pipelines ingest: fout: deze argumenten ontbreken: BESTAND"),
        (["ingest", "--db", "{map}/s.duckdb", "--soort", "klanten", "{map}/x.xlsx"],
         "python -m pipelines ingest: fout: argument --soort: ongeldige keuze: 'klanten' (kies uit "),
        ([], "python -m pipelines: fout: deze argumenten ontbreken: OPDRACHT"),
    ],
    ids=["zonder-db", "peildatum-nl", "onbekende-opdracht", "zonder-bestand", "onbekende-soort", "niets"],
)
def test_wrong_usage_exits_2_with_a_dutch_message(tmp_path, args, laatste_regel):
    schrijf_xlsx(tmp_path / "x.xlsx", [KANDIDATEN_KOP, kandidaat("T1")])

    resultaat = cli(*[a.format(map=tmp_path) for a in args])

    assert resultaat.returncode == 2
    geen_traceback(resultaat)
    regels = resultaat.stderr.strip().splitlines()
    assert regels[0].startswith("gebruik: python -m pipelines")
    assert regels[-1].startswith(laatste_regel)
    if laatste_regel.endswith("(kies uit "):
        keuzes = ("ingest", "terugdraaien", "demo", "sjablonen") if "OPDRACHT" in laatste_regel else (
            "kandidaten", "vraag", "afspraken")
        assert all(k in regels[-1] for k in keuzes), regels[-1]
    assert not ENGELS.search(resultaat.stderr), resultaat.stderr
    assert not (tmp_path / "s.duckdb").exists()
