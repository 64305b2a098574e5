"""Empty Excel templates, one per kind of export, with an explanation sheet.

Everything comes from the reference data (kolommen.csv, codes.csv, synoniemen.csv), so a
template never disagrees with what the ingest accepts. All text a user sees is Dutch.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import xlsxwriter
from xlsxwriter.workbook import Workbook

from basis.referentie import (
    SOORTEN,
    Kolom,
    codes,
    gemeenten,
    kolommen,
    synoniemen,
)

# Fixed, so that regenerating an unchanged template gives the same bytes (no git churn).
AANGEMAAKT = dt.datetime(2026, 1, 1)
SJABLOONREGELS = 5000  # rows that get dropdowns and formats in the data sheet
EXCEL_LIJST_MAX = 255  # Excel's limit for an in-cell dropdown list

TYPE_OMSCHRIJVING = {
    "tekst": "tekst",
    "gemeente": "gemeentenaam (zoals bij het CBS) of gemeentecode, bijvoorbeeld GM0268",
    "code": "code uit de lijst (de code, de omschrijving of een bekend synoniem)",
    "crebo": "crebonummer: 5 cijfers",
    "datum": "datum: dd-mm-jjjj (bijvoorbeeld 31-10-2026) of een Excel-datum",
    "maand": "maand: een datum, 2026-10, 10-2026, okt 2026 of oktober 2026",
    "aantal_vraag": "heel getal, 1 of meer",
    "aantal_afspraak": "heel getal, 0 of meer",
    "jaar": "jaartal, bijvoorbeeld 2026",
}
KOLOMBREEDTE = {"code": 20, "datum": 14, "maand": 12, "crebo": 12, "jaar": 10, "gemeente": 22, "tekst": 24}
CELFORMAAT = {"datum": "dd-mm-yyyy", "maand": "mm-yyyy", "crebo": "@", "tekst": "@"}

INLEIDING = {
    "kandidaten": (
        "Eén regel per traject praktijkleren met de praktijkverklaring mbo.",
        "Lever elke maand het volledige overzicht van al uw trajecten op de peildatum, "
        "ook de trajecten die al zijn afgerond of gestopt.",
    ),
    "vraag": (
        "Eén regel per vraag van een werkgever naar plekken in een maand.",
        "Een bestand vervangt de vraag van uw organisatie voor precies de maanden die erin staan.",
    ),
    "afspraken": (
        "Eén regel per gemeente en jaar met de afgesproken instroom.",
        "Geldt een afspraak voor één sector of doelgroep, vul dan ook die kolom in; "
        "laat beide leeg voor de afspraak over alle trajecten.",
    ),
}
ALGEMEEN = (
    "Vul de gegevens in op het blad 'Gegevens', vanaf regel 2. Laat de kopjes staan.",
    "Organisatie en peildatum geeft u op bij het uploaden. Het mag ook in het bestand: "
    "een kolom Organisatie, of een regel als 'Peildatum: 31-10-2026' boven de kopjes.",
    "Neem geen persoonsgegevens op (BSN, naam, adres, postcode, geboortedatum, telefoon, "
    "e-mail). Zulke kolommen worden bij het inlezen verwijderd en niet bewaard.",
    "Hoofdletters, spaties en accenten in kopjes en codes maken niet uit.",
)
UITLEGKOPJES = (
    ("Kolom", 24),
    ("Verplicht", 22),
    ("Type", 34),
    ("Andere toegestane kopjes", 34),
    ("Toegestane waarden", 44),
    ("Ook herkend", 34),
    ("Uitleg", 60),
)


def schrijf_sjablonen(map: Path) -> list[Path]:
    """Write one template per kind into `map`; return their paths."""
    map.mkdir(parents=True, exist_ok=True)
    return [schrijf_sjabloon(map / f"{soort}_sjabloon.xlsx", soort) for soort in SOORTEN]


def schrijf_sjabloon(pad: Path, soort: str) -> Path:
    boek = xlsxwriter.Workbook(str(pad))
    boek.set_properties({"title": f"Sjabloon {soort}", "created": AANGEMAAKT, "comments": "Praktijkleren"})
    kolomlijst = kolommen(soort)
    schrijf_gegevensblad(boek, kolomlijst)
    schrijf_uitlegblad(boek, soort, kolomlijst)
    boek.close()
    return pad


def schrijf_gegevensblad(boek: Workbook, kolomlijst: tuple[Kolom, ...]) -> None:
    vel = boek.add_worksheet("Gegevens")
    kop = boek.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    for nr, kolom in enumerate(kolomlijst):
        formaat = CELFORMAAT.get(kolom.type)
        celformaat = boek.add_format({"num_format": formaat}) if formaat else None
        vel.set_column(nr, nr, kolombreedte(kolom), celformaat)
        vel.write_string(0, nr, kolom.label, kop)
        if kolom.codelijst:
            vel.data_validation(1, nr, SJABLOONREGELS, nr, keuzelijst(kolom))
    vel.freeze_panes(1, 0)


def kolombreedte(kolom: Kolom) -> int:
    return max(len(kolom.label) + 4, KOLOMBREEDTE.get(kolom.type, 16))


def keuzelijst(kolom: Kolom) -> dict[str, object]:
    """A dropdown with the codes that still lets the user type a label or synonym."""
    waarden = [code for lijst, code, _ in codes() if lijst == kolom.codelijst]
    if len(",".join(waarden)) > EXCEL_LIJST_MAX:
        return {"validate": "any"}
    return {
        "validate": "list",
        "source": waarden,
        "error_type": "information",
        "error_title": "Onbekende waarde",
        "error_message": "Deze waarde staat niet in de lijst. Een omschrijving of bekend "
        "synoniem wordt bij het inlezen herkend; zie het blad Uitleg.",
    }


def schrijf_uitlegblad(boek: Workbook, soort: str, kolomlijst: tuple[Kolom, ...]) -> None:
    vel = boek.add_worksheet("Uitleg")
    titel = boek.add_format({"bold": True, "font_size": 14})
    kop = boek.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "valign": "top"})
    cel = boek.add_format({"text_wrap": True, "valign": "top"})
    for nr, (_, breedte) in enumerate(UITLEGKOPJES):
        vel.set_column(nr, nr, breedte)
    vel.write_string(0, 0, f"Uitleg bij het sjabloon {soort}", titel)
    regels = (*INLEIDING[soort], *ALGEMEEN)
    for nr, tekst in enumerate(regels, start=1):
        vel.write_string(nr, 0, tekst)
    koprij = len(regels) + 2
    vel.write_row(koprij, 0, [naam for naam, _ in UITLEGKOPJES], kop)
    for nr, kolom in enumerate(kolomlijst, start=koprij + 1):
        vel.write_row(nr, 0, uitlegregel(kolom), cel)
    vel.freeze_panes(koprij + 1, 1)


def uitlegregel(kolom: Kolom) -> list[str]:
    """One row of the Uitleg sheet: what the user needs to fill this column."""
    return [
        kolom.label,
        verplicht_tekst(kolom),
        TYPE_OMSCHRIJVING.get(kolom.type, kolom.type),
        ", ".join(kolom.kopjes[1:]) or "-",
        toegestane_waarden(kolom),
        ook_herkend(kolom),
        kolom.uitleg,
    ]


def verplicht_tekst(kolom: Kolom) -> str:
    if kolom.verplicht in ("ja", "nee"):
        return kolom.verplicht
    return f"ja, {kolom.verplicht}"


def toegestane_waarden(kolom: Kolom) -> str:
    if kolom.codelijst:
        return "\n".join(
            f"{code}: {label}" if label.lower() != code else code
            for lijst, code, label in codes()
            if lijst == kolom.codelijst
        )
    if kolom.type == "gemeente":
        return f"elk van de {len(gemeenten())} gemeenten van 2026"
    return "-"


def ook_herkend(kolom: Kolom) -> str:
    """Per code the synonyms the ingest also accepts, one code per line."""
    per_code: dict[str, list[str]] = {}
    for lijst, synoniem, code in synoniemen():
        if lijst == kolom.codelijst:
            per_code.setdefault(code, []).append(synoniem)
    return "\n".join(f"{code}: {', '.join(namen)}" for code, namen in per_code.items()) or "-"
