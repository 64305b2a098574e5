"""Value forms (dates, months, numbers) and messy files, as contract.md describes them.

Each test writes one or a few real files holding many cases, runs the real CLI once and reads the
analysts' views back, so every case is checked by its normalised value.
"""

from __future__ import annotations

import datetime as dt

import openpyxl

from tests.conftest import (
    AFSPRAKEN_KOP,
    KANDIDATEN_KOP,
    VRAAG_KOP,
    blokken,
    geweigerd,
    ingest,
    kandidaat,
    rijen,
    schrijf_csv,
    schrijf_xlsx,
)

EXCEL_NUL = dt.date(1899, 12, 30)  # Excel serial n is this date + n days (for dates after 1900-03-01)


def serienummer(datum: dt.date) -> int:
    return (datum - EXCEL_NUL).days


def d(jaar: int, maand: int, dag: int) -> dt.date:
    return dt.date(jaar, maand, dag)


# ----- dates -----------------------------------------------------------------------------------

DATUMVORMEN = [
    # (cell as written, the date it means)
    (d(2026, 3, 1), d(2026, 3, 1)),  # a real Excel date
    (dt.datetime(2026, 3, 2, 14, 30), d(2026, 3, 2)),  # a real Excel date with a time
    (serienummer(d(2026, 3, 3)), d(2026, 3, 3)),  # an Excel serial number in a number cell
    (serienummer(d(2026, 3, 4)) + 0.75, d(2026, 3, 4)),  # a serial with a time part
    (str(serienummer(d(2026, 3, 5))), d(2026, 3, 5)),  # a serial as text (as CSV delivers it)
    ("06-03-2026", d(2026, 3, 6)),  # dd-mm-jjjj
    ("7-3-2026", d(2026, 3, 7)),  # d-m-jjjj
    ("08/03/2026", d(2026, 3, 8)),  # dd/mm/jjjj
    ("2026-03-09", d(2026, 3, 9)),  # jjjj-mm-dd
    ("10-03-26", d(2026, 3, 10)),  # dd-mm-jj
    ("29-02-2024", d(2024, 2, 29)),  # a leap day
    ("3 okt 2026", d(2026, 10, 3)),  # Dutch month abbreviation
    ("4 oktober 2026", d(2026, 10, 4)),  # Dutch month name
    ("15 jan 2026", d(2026, 1, 15)),
    ("14 februari 2026", d(2026, 2, 14)),
    ("12 mrt 2026", d(2026, 3, 12)),
    ("13 maart 2026", d(2026, 3, 13)),
    ("22 apr 2026", d(2026, 4, 22)),
    ("1 mei 2026", d(2026, 5, 1)),
    ("16 jun 2026", d(2026, 6, 16)),
    ("17 juli 2026", d(2026, 7, 17)),
    ("18 aug 2026", d(2026, 8, 18)),
    ("19 september 2026", d(2026, 9, 19)),
    ("20 sep 2026", d(2026, 9, 20)),
    ("2 nov 2025", d(2025, 11, 2)),
    ("21 december 2025", d(2025, 12, 21)),
]


def test_every_date_form_in_every_date_column(db, tmp_path):
    data = [
        kandidaat(f"D{i:02d}", Startdatum=cel, Einddatum=cel, Praktijkverklaring=cel, Status="Afgerond",
                  Crebo=[25498, "25498", 25498.0, " 25498 "][i % 4])
        for i, (cel, _) in enumerate(DATUMVORMEN)
    ]
    bestand = schrijf_xlsx(tmp_path / "datums.xlsx", [KANDIDATEN_KOP, *data])

    resultaat = ingest(db, bestand)

    assert resultaat.returncode == 0, resultaat.stdout
    assert rijen(db, "SELECT startdatum, einddatum, praktijkverklaring_datum, crebo FROM trajecten "
                     "ORDER BY traject_id") == [(datum, datum, datum, "25498") for _, datum in DATUMVORMEN]


# ----- months and numbers ----------------------------------------------------------------------

MAANDVORMEN = [
    (d(2026, 10, 15), d(2026, 10, 1)),  # any date: its month
    (dt.datetime(2026, 11, 30, 23, 59), d(2026, 11, 1)),
    ("15-10-2026", d(2026, 10, 1)),
    (serienummer(d(2026, 12, 24)), d(2026, 12, 1)),
    ("2026-10", d(2026, 10, 1)),
    ("2026-09", d(2026, 9, 1)),
    ("10-2026", d(2026, 10, 1)),
    ("9-2026", d(2026, 9, 1)),
    ("okt 2026", d(2026, 10, 1)),
    ("sep 2026", d(2026, 9, 1)),
    ("mrt 2027", d(2027, 3, 1)),
    ("mei 2026", d(2026, 5, 1)),
    ("oktober 2026", d(2026, 10, 1)),
    ("september 2026", d(2026, 9, 1)),
    ("maart 2027", d(2027, 3, 1)),
    ("december 2026", d(2026, 12, 1)),
    ("juni 2026", d(2026, 6, 1)),
    ("okt-26", d(2026, 10, 1)),
    ("nov-26", d(2026, 11, 1)),
    ("mei-27", d(2027, 5, 1)),
    ("jan-27", d(2027, 1, 1)),
    ("OKT 2026", d(2026, 10, 1)),
    ("Oktober 2026", d(2026, 10, 1)),
]


def test_every_month_form_is_stored_as_the_first_day_of_its_month(db, tmp_path):
    data = [[f"W{i:02d}", "Groen", "Hovenier", None, None, cel, 1, None] for i, (cel, _) in enumerate(MAANDVORMEN)]
    bestand = schrijf_xlsx(tmp_path / "maanden.xlsx", [VRAAG_KOP, *data])

    resultaat = ingest(db, bestand)

    assert resultaat.returncode == 0, resultaat.stdout
    assert rijen(db, "SELECT maand FROM vraag ORDER BY werkgever") == [(m,) for _, m in MAANDVORMEN]


def test_number_forms_in_vraag_and_afspraken(db, tmp_path):
    aantallen = [
        (3, 3), (3.0, 3), ("3,0", 3), ("3", 3), ("1.234", 1234), (" 12 ", 12), ("2.500", 2500), (1234, 1234),
        ("12.345", 12345), ("7,00", 7),
    ]
    vraag = schrijf_xlsx(tmp_path / "vraag_getallen.xlsx", [
        VRAAG_KOP, *[[f"W{i:02d}", "Groen", "Hovenier", None, None, "2026-10", a, None]
                     for i, (a, _) in enumerate(aantallen)],
    ])
    afspraken = schrijf_xlsx(tmp_path / "afspraken_getallen.xlsx", [
        AFSPRAKEN_KOP,
        ["Nijmegen", 2026, 0], ["Wijchen", "2027", "0"], ["Beuningen", 2028.0, "1.234"], ["Druten", " 2029 ", 5.0],
        ["Heumen", 2030, "7,0"],
    ])

    resultaat = ingest(db, vraag, afspraken)

    assert resultaat.returncode == 0, resultaat.stdout
    assert rijen(db, "SELECT aantal FROM vraag ORDER BY werkgever") == [(n,) for _, n in aantallen]
    assert rijen(db, "SELECT gemeente, jaar, aantal FROM afspraken ORDER BY jaar") == [
        ("Nijmegen", 2026, 0), ("Wijchen", 2027, 0), ("Beuningen", 2028, 1234), ("Druten", 2029, 5),
        ("Heumen", 2030, 7),
    ]


# ----- messy files -----------------------------------------------------------------------------


def test_messy_export_titles_blank_rows_total_row_spaces_case_and_merged_cells(db, tmp_path):
    boek = openpyxl.Workbook()
    blad = boek.active
    for rij in [
        ["Trajectenoverzicht Werkbedrijf Test"],  # 1, merged A1:J1
        [],  # 2
        ["Aangemaakt door de afdeling Informatievoorziening"],  # 3
        ["Kandidaat", None, "Traject"],  # 4, group headers merged A4:B4 and C4:J4
        ["  TRAJECTNUMMER ", "kandidaatnummer", "Gemeente  ", "DOELGROEP", "route", "Sector ", "Werkgever", None,
         "startdatum", "STATUS"],  # 5, Werkgever merged G5:H5
        ["T-1", "K-1", " NIJMEGEN ", "participatiewet ", "INTERN", "schoonmaak", None, None, d(2026, 1, 5),
         "LOPEND "],
        [],
        ["  T-2 ", "k-2", "wijchen", "WAJONG", " Extern ", "GROEN", " Hoveniersbedrijf De Linde  ", None,
         "05-02-2026", "lopend"],
        [],
        [],
        ["T-3 ", "K-3", "Beuningen", "Bijstand", "intern praktijkleren", "zorg", None, None, d(2026, 3, 1), "Actief"],
        [],
        ["Totaal", 3],
    ]:
        blad.append(rij)
    for gebied in ("A1:J1", "A4:B4", "C4:J4", "G5:H5"):
        blad.merge_cells(gebied)
    bestand = tmp_path / "rommelig.xlsx"
    boek.save(bestand)

    resultaat = ingest(db, bestand)

    assert resultaat.returncode == 0, resultaat.stdout
    assert len(resultaat.stdout.splitlines()) == 1, resultaat.stdout  # no warnings: nothing ignored or dropped
    assert rijen(db, "SELECT traject_id, gemeentecode, doelgroep, route, sector, werkgever, startdatum, status "
                     "FROM trajecten ORDER BY 1") == [
        ("T-1", "GM0268", "participatiewet", "intern", "schoonmaak", None, d(2026, 1, 5), "lopend"),
        ("T-2", "GM0296", "wajong", "extern", "groen", "Hoveniersbedrijf De Linde", d(2026, 2, 5), "lopend"),
        ("T-3", "GM0209", "participatiewet", "intern", "zorg_welzijn", None, d(2026, 3, 1), "lopend"),
    ]
    assert rijen(db, "SELECT rijen, status FROM uploads") == [(3, "geladen")]


def test_total_row_spellings_below_the_data_are_skipped(db, tmp_path):
    # Contract: a total row ("Totaal") below the data is normal. Dutch Excel's own total rows (Data >
    # Subtotaal, draaitabellen) are labelled "Eindtotaal"; a careful colleague treats them the same.
    bestanden = {
        naam: schrijf_xlsx(tmp_path / f"{naam}.xlsx", [
            KANDIDATEN_KOP, kandidaat("T1", Kandidaatnummer=f"K-{naam}"), kandidaat("T2"), [], [label, 2],
        ])
        for naam, label in [("dubbelepunt", "Totaal:"), ("hoofdletters", "TOTAAL"), ("eindtotaal", "Eindtotaal")]
    }

    resultaat = ingest(db, *bestanden.values())

    assert resultaat.returncode == 0, resultaat.stdout
    assert rijen(db, "SELECT bestandsnaam, rijen FROM uploads WHERE status <> 'geweigerd' ORDER BY 1") == [
        ("dubbelepunt.xlsx", 2), ("eindtotaal.xlsx", 2), ("hoofdletters.xlsx", 2),
    ]


def test_several_sheets_only_the_matching_one_is_used_and_two_matching_are_refused(db, tmp_path):
    boek = openpyxl.Workbook()
    toelichting = boek.active
    toelichting.title = "Toelichting"
    for rij in [["Toelichting bij de export"], ["Kolom", "Uitleg"], ["Trajectnummer", "nummer van het traject"],
                ["Gemeente", "woongemeente"]]:
        toelichting.append(rij)
    export = boek.create_sheet("Export")
    for rij in [KANDIDATEN_KOP, kandidaat("T1"), kandidaat("T2", Sector="Groen")]:
        export.append(rij)
    draaitabel = boek.create_sheet("Draaitabel")
    for rij in [["Gemeente", "Aantal"], ["Nijmegen", 2], ["Totaal", 2]]:
        draaitabel.append(rij)
    boek.create_sheet("Leeg")
    een = tmp_path / "een_blad.xlsx"
    boek.save(een)
    kopie = boek.copy_worksheet(export)
    kopie.title = "Kopie van Export"
    twee = tmp_path / "twee_bladen.xlsx"
    boek.save(twee)

    resultaat = ingest(db, een, twee)

    assert resultaat.returncode == 1
    per_bestand = blokken(resultaat.stdout)
    assert per_bestand["een_blad.xlsx"][0].startswith("Geladen: een_blad.xlsx als upload 1 (kandidaten")
    assert per_bestand["twee_bladen.xlsx"] == geweigerd(
        "twee_bladen.xlsx",
        "Meer dan één werkblad heeft een passende kopregel ('Export', 'Kopie van Export'). Laat er één staan of zet "
        "de gegevens op één werkblad.",
    )
    assert rijen(db, "SELECT traject_id, sector, upload_id FROM trajecten ORDER BY 1") == [
        ("T1", "schoonmaak", 1), ("T2", "groen", 1),
    ]
    assert rijen(db, "SELECT bestandsnaam, status FROM uploads ORDER BY 1") == [
        ("een_blad.xlsx", "geladen"), ("twee_bladen.xlsx", "geweigerd"),
    ]


def test_csv_semicolon_windows_1252_utf8_bom_and_comma_utf8(db, tmp_path):
    kop = ["Trajectnummer", "Kandidaatnummer", "Gemeente", "Doelgroep", "Route", "Sector", "Werkgever", "Startdatum",
           "Einddatum", "Status", "Reden beëindiging", "Praktijkopleider", "Organisatie"]

    def data(organisatie):
        return [
            kop,
            ["C-1", "K-1", "Súdwest-Fryslân", "Participatiewet", "Extern", "Horeca", "Café De Blauwe Engel",
             "01-02-2026", "15-05-2026", "Uitgevallen", "Privé", "Zoë Çelik", organisatie],
            ["C-2", "K-2", "Nijmegen", "Wajong", "Extern", "Groen", "Bakkerij Jansen, Nijmegen", "01-03-2026", "",
             "Lopend", "", "", organisatie],
        ]

    nl_excel = schrijf_csv(tmp_path / "nl_excel.csv", data("Org cp1252"))  # ';', Windows-1252
    bom = schrijf_csv(tmp_path / "utf8_bom.csv", data("Org BOM"), encoding="utf-8-sig")
    komma = schrijf_csv(tmp_path / "komma.csv", data("Org komma"), encoding="utf-8", scheiding=",")
    assert b"Reden be\xebindiging" in nl_excel.read_bytes() and bom.read_bytes().startswith(b"\xef\xbb\xbf")
    assert b'"Bakkerij Jansen, Nijmegen"' in komma.read_bytes()

    resultaat = ingest(db, nl_excel, bom, komma, organisatie=None)

    assert resultaat.returncode == 0, resultaat.stdout
    for organisatie in ("Org cp1252", "Org BOM", "Org komma"):
        assert rijen(db, """
            SELECT traject_id, gemeentecode, gemeente, doelgroep, route, sector, werkgever, startdatum, einddatum,
                   status, reden_uitval, praktijkopleider
            FROM trajecten WHERE organisatie = ? ORDER BY 1""", [organisatie]) == [
            ("C-1", "GM1900", "Súdwest-Fryslân", "participatiewet", "extern", "facilitair_horeca",
             "Café De Blauwe Engel", d(2026, 2, 1), d(2026, 5, 15), "uitgevallen", "prive", "Zoë Çelik"),
            ("C-2", "GM0268", "Nijmegen", "wajong", "extern", "groen", "Bakkerij Jansen, Nijmegen", d(2026, 3, 1),
             None, "lopend", None, None),
        ], organisatie


# ----- peildatum and organisatie from the file -------------------------------------------------


def test_peildatum_and_organisatie_from_the_file_and_refusal_when_missing(db, tmp_path):
    kop = [*KANDIDATEN_KOP, "Organisatie"]
    titel = schrijf_xlsx(tmp_path / "titel.xlsx", [
        ["Peildatum: 31-10-2026"], [], kop, kandidaat("T1") + ["Werkbedrijf Titel"],
    ])
    naast = schrijf_xlsx(tmp_path / "naast.xlsx", [
        ["Peildatum", d(2026, 9, 30)], kop, kandidaat("T1") + ["Werkbedrijf Naast"],
    ])
    streep = schrijf_xlsx(tmp_path / "kandidaten_2026-10.xlsx", [kop, kandidaat("T1") + ["Werkbedrijf Streep"]])
    compact = schrijf_xlsx(tmp_path / "export_202602.xlsx", [
        kop, kandidaat("T1", Startdatum=d(2026, 1, 15)) + ["Werkbedrijf Compact"],
    ])
    csv_naam = schrijf_csv(tmp_path / "export_202610.csv", [kop, kandidaat("T1") + ["Werkbedrijf CSV"]])
    csv_titel = schrijf_csv(tmp_path / "trajecten.csv", [
        ["Peildatum: 30-09-2026"], kop, kandidaat("T1") + ["Werkbedrijf CSV-titel"],
    ])
    zonder_peildatum = schrijf_xlsx(tmp_path / "zonder_peildatum.xlsx", [kop, kandidaat("T1") + ["Werkbedrijf Z"]])
    zonder_organisatie = schrijf_xlsx(tmp_path / "zonder_organisatie_2026-10.xlsx", [KANDIDATEN_KOP, kandidaat("T1")])

    resultaat = ingest(db, titel, naast, streep, compact, csv_naam, csv_titel, zonder_peildatum, zonder_organisatie,
                       organisatie=None, peildatum=None)

    assert resultaat.returncode == 1
    per_bestand = blokken(resultaat.stdout)
    assert per_bestand["zonder_peildatum.xlsx"] == geweigerd(
        "zonder_peildatum.xlsx",
        "De peildatum is onbekend. Geef de peildatum op (--peildatum JJJJ-MM-DD of in het uploadformulier), zet een "
        "regel 'Peildatum: 31-10-2026' boven de kopregel, of zet de maand in de bestandsnaam (bijvoorbeeld "
        "kandidaten_2026-10.xlsx).",
    )
    assert per_bestand["zonder_organisatie_2026-10.xlsx"] == geweigerd(
        "zonder_organisatie_2026-10.xlsx",
        "De organisatie is onbekend. Geef de organisatie op (--organisatie of in het uploadformulier) of zet een "
        "kolom Organisatie in het bestand.",
    )
    assert rijen(db, "SELECT organisatie, traject_id, peildatum FROM trajecten ORDER BY 1") == [
        ("Werkbedrijf CSV", "T1", d(2026, 10, 31)),
        ("Werkbedrijf CSV-titel", "T1", d(2026, 9, 30)),
        ("Werkbedrijf Compact", "T1", d(2026, 2, 28)),
        ("Werkbedrijf Naast", "T1", d(2026, 9, 30)),
        ("Werkbedrijf Streep", "T1", d(2026, 10, 31)),
        ("Werkbedrijf Titel", "T1", d(2026, 10, 31)),
    ]
    assert rijen(db, "SELECT bestandsnaam, status FROM uploads WHERE status = 'geweigerd' ORDER BY 1") == [
        ("zonder_organisatie_2026-10.xlsx", "geweigerd"), ("zonder_peildatum.xlsx", "geweigerd"),
    ]
