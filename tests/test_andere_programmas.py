"""Files written by other programs load as the contract says.

The LibreOffice and Dutch-Excel fixtures in tests/fixtures are described row by row in
tests/fixtures/README.md; the expected values below are that description normalised by the
contract (codes canonical, gemeenten as CBS code, dates as dates). An .xlsx from xlsxwriter too.
"""

from __future__ import annotations

import datetime as dt
import re

import duckdb
import pytest
import xlsxwriter

from tests.conftest import FIXTURES, KANDIDATEN_KOP, ingest, rijen

TRAJECT_KOLOMMEN = (
    "traject_id, gemeentecode, gemeente, arbeidsmarktregio, doelgroep, stroom, route, sector, werkgever, crebo, "
    "kwalificatie, startdatum, einddatum, status, reden_uitval, uitstroom, praktijkverklaring_datum, praktijkopleider"
)
RVN = "Rijk van Nijmegen"


def d(jaar: int, maand: int, dag: int) -> dt.date:
    return dt.date(jaar, maand, dag)


# README: kandidaten_libreoffice.xls / .xlsx, rows 5-10.
LIBREOFFICE_TRAJECTEN = [
    ("T-001", "GM0268", "Nijmegen", RVN, "participatiewet", "langstromer", "intern", "schoonmaak", None, "25498",
     None, d(2026, 9, 1), None, "lopend", None, None, None, "J. de Vries"),
    ("T-002", "GM0296", "Wijchen", RVN, "participatiewet", "doorstromer", "extern", "groen",
     "Hoveniersbedrijf De Linde", None, None, d(2026, 3, 15), d(2026, 6, 30), "uitgevallen", "gezondheid", None,
     None, None),
    ("T-003", "GM0209", "Beuningen", RVN, "vso_pro", None, "extern", "logistiek", "Logistiek Centrum Weurt",
     "25400", None, d(2025, 9, 1), d(2026, 8, 31), "afgerond", None, "betaald_werk", d(2026, 8, 31), "M. Bakker"),
    ("T-004", "GM1945", "Berg en Dal", RVN, "wsw", "medewerker", "intern", "productie_techniek", None, None, None,
     d(2025, 1, 3), d(2026, 2, 28), "uitgevallen", "werk", "betaald_werk", None, None),
    ("T-005", "GM0296", "Wijchen", RVN, "nieuwkomer", "langstromer", "intern", "facilitair_horeca", None, None,
     None, d(2025, 12, 1), None, "lopend", None, None, None, None),
    ("T-006", "GM0944", "Mook en Middelaar", RVN, "banenafspraak", "doorstromer", "extern", "detailhandel",
     "Supermarkt Het Hoekje", None, None, d(2026, 10, 1), None, "lopend", None, None, None, "A. Smit"),
]


def waarden_in_store(db) -> str:
    """Every value of every table and view in the store as one lower-case text, to search in."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        tabellen = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()]
        assert "trajecten" in tabellen and "upload" in tabellen
        return "\n".join(str(r).lower() for t in tabellen for r in con.execute(f'SELECT * FROM "{t}"').fetchall())
    finally:
        con.close()


@pytest.mark.parametrize("naam", ["kandidaten_libreoffice.xls", "kandidaten_libreoffice.xlsx"])
def test_libreoffice_kandidaten_export_loads_as_the_readme_describes(db, naam):
    resultaat = ingest(db, FIXTURES / naam, organisatie="Werkbedrijf Rijk van Nijmegen", peildatum=None)

    assert resultaat.returncode == 0, resultaat.stdout
    assert resultaat.stdout.splitlines()[1:] == [
        "  Let op: Kolommen met persoonsgegevens zijn niet opgeslagen: BSN.",
        "  Let op: Kolommen die niet in het contract staan zijn genegeerd: Opmerking.",
    ]
    assert rijen(db, f"SELECT {TRAJECT_KOLOMMEN} FROM trajecten ORDER BY traject_id") == LIBREOFFICE_TRAJECTEN
    # peildatum from the title row "Peildatum: 31-10-2026"; the Totaal row and the empty rows are not data
    assert rijen(db, "SELECT soort, organisatie, peildatum, bestandsnaam, rijen, status FROM uploads") == [
        ("kandidaten", "Werkbedrijf Rijk van Nijmegen", d(2026, 10, 31), naam, 6, "geladen"),
    ]
    assert rijen(db, "SELECT DISTINCT peildatum FROM trajecten") == [(d(2026, 10, 31),)]
    hashes = dict(rijen(db, "SELECT traject_id, kandidaat_hash FROM trajecten"))
    assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in hashes.values())
    assert hashes["T-001"] == hashes["T-004"]  # K-1001 twice
    assert len({hashes[t] for t in ("T-001", "T-002", "T-003", "T-005", "T-006")}) == 5
    opgeslagen = waarden_in_store(db)
    for persoonlijk in ("123456782", "987654321", "k-1001", "k-1002", "k-1006"):
        assert persoonlijk not in opgeslagen, persoonlijk
    assert "hoveniersbedrijf de linde" in opgeslagen  # the search does see stored values


def test_libreoffice_vraag_export_loads_as_the_readme_describes(db):
    resultaat = ingest(db, FIXTURES / "vraag_libreoffice.xlsx", organisatie="WSP Rijk van Nijmegen")

    assert resultaat.returncode == 0, resultaat.stdout
    assert len(resultaat.stdout.splitlines()) == 1, resultaat.stdout  # nothing ignored or dropped
    assert rijen(db, """
        SELECT organisatie, werkgever, sector, beroep, crebo, gemeentecode, gemeente, arbeidsmarktregio, maand, aantal,
               soort
        FROM vraag ORDER BY maand DESC, werkgever""") == [
        ("WSP Rijk van Nijmegen", "Hoveniersbedrijf De Linde", "groen", "Hovenier", None, "GM0296", "Wijchen", RVN,
         d(2026, 10, 1), 3, "leerwerkplek"),
        ("WSP Rijk van Nijmegen", "Logistiek Centrum Weurt", "logistiek", "Orderpicker", "25400", "GM0209",
         "Beuningen", RVN, d(2026, 10, 1), 2, "vacature"),
        ("WSP Rijk van Nijmegen", "Schoonmaakbedrijf Glans", "schoonmaak", "Schoonmaker", None, None, None, None,
         d(2026, 9, 1), 1, None),
        ("WSP Rijk van Nijmegen", "Zorgcentrum Dukenburg", "zorg_welzijn", "Facilitair medewerker", None, "GM0268",
         "Nijmegen", RVN, d(2026, 9, 1), 1234, None),
    ]
    assert rijen(db, "SELECT soort, rijen, status FROM uploads") == [("vraag", 4, "geladen")]


def test_dutch_excel_csv_and_utf8_bom_csv_load_to_the_same_trajecten(db, tmp_path):
    cp1252 = FIXTURES / "kandidaten_nederlands_excel.csv"
    bom = FIXTURES / "kandidaten_utf8_bom.csv"
    assert b"be\xebindiging" in cp1252.read_bytes() and bom.read_bytes().startswith(b"\xef\xbb\xbf")
    tweede_db = tmp_path / "tweede.duckdb"  # same key file (DASHBOARD_SLEUTEL), so the same hashes

    eerste = ingest(db, cp1252, organisatie="Werkbedrijf Rijk van Nijmegen")
    tweede = ingest(tweede_db, bom, organisatie="Werkbedrijf Rijk van Nijmegen")

    assert eerste.returncode == 0, eerste.stdout
    assert tweede.returncode == 0, tweede.stdout
    verwacht = [
        ("C-1", "GM0268", "Nijmegen", RVN, "participatiewet", None, "intern", "schoonmaak", None, None, None,
         d(2026, 2, 1), None, "lopend", None, None, None, None),
        ("C-2", "GM0252", "Heumen", RVN, "wajong", None, "extern", "zorg_welzijn", "Zorgcentrum Dukenburg", None,
         None, d(2026, 3, 1), d(2026, 5, 15), "uitgevallen", "prive", None, None, None),
        ("C-3", "GM0225", "Druten", RVN, "vso_pro", None, "intern", "facilitair_horeca", None, None, None,
         d(2026, 9, 1), None, "lopend", None, None, None, None),
    ]
    vraag = f"SELECT {TRAJECT_KOLOMMEN}, kandidaat_hash FROM trajecten ORDER BY traject_id"
    uit_cp1252, uit_bom = rijen(db, vraag), rijen(tweede_db, vraag)
    assert [r[:-1] for r in uit_cp1252] == verwacht
    assert uit_bom == uit_cp1252
    assert uit_cp1252[0][-1] == uit_cp1252[1][-1] != uit_cp1252[2][-1]  # K-9 has two trajecten
    assert rijen(db, "SELECT rijen FROM uploads") == rijen(tweede_db, "SELECT rijen FROM uploads") == [(3,)]


def schrijf_xlsxwriter(pad, organisatie: str, **opties) -> None:
    boek = xlsxwriter.Workbook(str(pad), opties)
    blad = boek.add_worksheet("Trajecten")
    datum = boek.add_format({"num_format": "dd-mm-yyyy"})
    datumtijd = boek.add_format({"num_format": "dd-mm-yyyy hh:mm"})
    lang = boek.add_format({"num_format": "d mmmm yyyy"})
    getal = boek.add_format({"num_format": "0"})
    blad.write_string(0, 0, "Peildatum: 31-10-2026")
    kop = [*KANDIDATEN_KOP, "Organisatie"]
    for kolom, tekst in enumerate(kop):
        blad.write_string(2, kolom, tekst)
    start = kop.index("Startdatum")
    eind = kop.index("Einddatum")
    crebo = kop.index("Crebo")
    for i, (schrijf, waarde, formaat) in enumerate([
        (blad.write_datetime, dt.datetime(2026, 4, 1), datum),  # a real date
        (blad.write_number, (d(2026, 4, 2) - d(1899, 12, 30)).days, getal),  # a serial formatted as a number
        (blad.write_string, "03-04-2026", None),  # a date as text
        (blad.write_datetime, dt.datetime(2026, 4, 4, 9, 15), datumtijd),  # a date with a time
        (blad.write_datetime, dt.datetime(2026, 4, 5), lang),  # a real date shown as "5 april 2026"
    ]):
        rij = 3 + i
        for kolom, tekst in enumerate([f"X-{i + 1}", f"K-{i + 1}", "Nijmegen", "Wsw", "Lang", "Intern", "Groen"]):
            blad.write_string(rij, kolom, tekst)
        blad.write_number(rij, crebo, 25498)
        if formaat:
            schrijf(rij, start, waarde, formaat)
        else:
            schrijf(rij, start, waarde)
        blad.write_datetime(rij, eind, dt.datetime(2026, 9, 30), datum)
        blad.write_string(rij, kop.index("Status"), "Afgerond")
        blad.write_string(rij, kop.index("Organisatie"), organisatie)
    boek.close()


def test_xlsxwriter_workbook_with_real_serial_and_text_dates_loads(db, tmp_path):
    gewoon = tmp_path / "xlsxwriter.xlsx"
    zuinig = tmp_path / "xlsxwriter_constant_memory.xlsx"  # inline strings instead of a shared-string table
    schrijf_xlsxwriter(gewoon, "Werkbedrijf Gewoon")
    schrijf_xlsxwriter(zuinig, "Werkbedrijf Zuinig", constant_memory=True)

    resultaat = ingest(db, gewoon, zuinig, organisatie=None, peildatum=None)

    assert resultaat.returncode == 0, resultaat.stdout
    for organisatie in ("Werkbedrijf Gewoon", "Werkbedrijf Zuinig"):
        assert rijen(db, """
            SELECT traject_id, gemeentecode, doelgroep, stroom, route, sector, crebo, startdatum, einddatum, status,
                   peildatum
            FROM trajecten WHERE organisatie = ? ORDER BY traject_id""", [organisatie]) == [
            (f"X-{i}", "GM0268", "wsw", "langstromer", "intern", "groen", "25498", d(2026, 4, i), d(2026, 9, 30),
             "afgerond", d(2026, 10, 31))
            for i in range(1, 6)
        ], organisatie
