"""The report as Excel: the same numbers as the HTML, a sheet per section; on the first sheet the filters, half year,
peildatum per organisatie, the protection applied and the summary.

Numbers are numbers (percentages as fractions with a percent format, changes of a share in procentpunten); a
protected number is written as the screen shows it: its rounded number, or its marker ("<5", "x") as text, a
change whose direction the rounding leaves open as the screen's text with brackets, "(+5)", and a share derived from
a rounded count as the screen's range, "38–88%" (its middle as a number would claim a precision it does not have).
Text is never a formula.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import xlsxwriter

from analytics.beschermd import Beschermd, richting
from rapportage.html import cel_tekst
from rapportage.model import Rapport, Tabel
from weergave import formaat

OPMAAK = {
    "aantal": "#,##0",
    "decimaal": "#,##0.0",
    "procent": "0.0%",
    "verschil": "+#,##0;-#,##0;0",
    "verschil_decimaal": "+#,##0.0;-#,##0.0;0.0",
    "procentpunt": "+0.0;-0.0;0.0",
    "gemengd": "#,##0.###",
    "datum": "dd-mm-yyyy",
}
AFGEROND_PROCENT = "0%"  # a share shown to others is rounded to 5 points: no decimal it does not have


def bladnaam(naam: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", "-", naam)[:31]


class Werkboek:
    """An xlsxwriter workbook with one format per number format."""

    def __init__(self, buffer: io.BytesIO):
        self.boek = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                                 "strings_to_urls": False, "strings_to_numbers": False})
        self.titel = self.boek.add_format({"bold": True, "font_size": 16})
        self.kop = self.boek.add_format({"bold": True, "bottom": 1, "bg_color": "#E8EEF5", "text_wrap": True,
                                         "valign": "top"})
        self.vet = self.boek.add_format({"bold": True})
        self.tussenkop = self.boek.add_format({"bold": True, "font_size": 12})
        self.tekst = self.boek.add_format({"text_wrap": False})
        self.rechts = self.boek.add_format({"align": "right"})
        self._formaten: dict[str, object] = {}

    def formaat(self, num_format: str):
        if num_format not in self._formaten:
            self._formaten[num_format] = self.boek.add_format({"num_format": num_format})
        return self._formaten[num_format]


def schrijf_waarde(wb: Werkboek, blad, rij: int, kolom: int, waarde: object, soort: str) -> None:
    """One cell: a number in its format, a protected one as the screen shows it, text as text, missing empty."""
    if isinstance(waarde, Beschermd):
        open_richting = (soort.startswith("verschil") or soort == "procentpunt") and richting(waarde) is None
        bereik = soort == "procent" and waarde.hoog - waarde.laag > formaat.AANDEEL_PRECIES  # "38–88%": a range
        if waarde.verborgen or open_richting or bereik:
            blad.write_string(rij, kolom, cel_tekst(waarde, soort), wb.rechts)
            return
        getal = waarde.getoond * 100 if soort == "procentpunt" else waarde.getoond
        num_format = AFGEROND_PROCENT if soort == "procent" else OPMAAK.get(soort, "#,##0")
        blad.write_number(rij, kolom, getal, wb.formaat(num_format.replace(".0", "") if soort == "procentpunt"
                                                        else num_format))
        return
    if formaat.is_leeg(waarde):
        blad.write_blank(rij, kolom, None)
        return
    if soort == "datum":
        datum = formaat.als_datum(waarde)
        blad.write_datetime(rij, kolom, dt.datetime.combine(datum, dt.time()), wb.formaat(OPMAAK["datum"]))
        return
    if soort == "janee":
        blad.write_string(rij, kolom, "ja" if waarde else "nee")
        return
    if soort in OPMAAK and not isinstance(waarde, str):
        if hasattr(waarde, "item"):
            waarde = waarde.item()
        getal = float(waarde) * 100 if soort == "procentpunt" else waarde
        blad.write_number(rij, kolom, getal, wb.formaat(OPMAAK[soort]))
        return
    blad.write_string(rij, kolom, str(waarde))


def schrijf_tabel(wb: Werkboek, blad, rij: int, tabel: Tabel) -> int:
    """The table from `rij` on (title, header, rows); returns the next free row."""
    blad.write_string(rij, 0, tabel.titel, wb.tussenkop)
    rij += 1
    for k, naam in enumerate(tabel.df.columns):
        blad.write_string(rij, k, str(naam), wb.kop)
    rij += 1
    if tabel.df.empty and not tabel.invulregels:
        blad.write_string(rij, 0, tabel.leeg_tekst)
        return rij + 2
    for _, waarden in tabel.df.iterrows():
        for k, naam in enumerate(tabel.df.columns):
            schrijf_waarde(wb, blad, rij, k, waarden[naam], tabel.soort(naam))
        rij += 1
    return rij + tabel.invulregels + 1


def voorblad(wb: Werkboek, rapport: Rapport) -> None:
    blad = wb.boek.add_worksheet("Rapport")
    blad.set_column(0, 0, 34)
    blad.set_column(1, 3, 24)
    blad.write_string(0, 0, rapport.titel, wb.titel)
    rij = 2
    for label, tekst in [("Regio", rapport.regio), *rapport.filters, ("Gemaakt voor", rapport.voor),
                         ("Afscherming", rapport.afscherming), ("Gemaakt op", formaat.datum(rapport.gemaakt))]:
        blad.write_string(rij, 0, label, wb.vet)
        blad.write_string(rij, 1, tekst)
        rij += 1
    rij = schrijf_tabel(wb, blad, rij + 1, Tabel("Peildatum per organisatie", rapport.peildata,
                                                  {"Laatste peildatum": "datum"}, "Er zijn nog geen exports geladen."))
    blad.write_string(rij, 0, "Niet (volledig) aangeleverd", wb.tussenkop)
    rij += 1
    for zin in rapport.niet_geleverd or ["Elke organisatie leverde gegevens tot en met het eind van het halfjaar."]:
        blad.write_string(rij, 0, zin)
        rij += 1
    blad.write_string(rij + 1, 0, "Samenvatting", wb.tussenkop)
    for i, zin in enumerate(rapport.samenvatting, start=rij + 2):
        blad.write_string(i, 0, zin)


def rapport_excel(rapport: Rapport) -> bytes:
    buffer = io.BytesIO()
    wb = Werkboek(buffer)
    voorblad(wb, rapport)
    for sectie in rapport.secties:
        blad = wb.boek.add_worksheet(bladnaam(sectie.sleutel))
        blad.write_string(0, 0, sectie.titel, wb.titel)
        rij = 1
        for zin in sectie.toelichting:
            blad.write_string(rij, 0, zin)
            rij += 1
        rij += 1
        breedste = max((len(t.df.columns) for t in sectie.tabellen), default=1)
        blad.set_column(0, 0, 26)
        blad.set_column(1, max(breedste - 1, 1), 16)
        for tabel in sectie.tabellen:
            rij = schrijf_tabel(wb, blad, rij, tabel)
    wb.boek.close()
    return buffer.getvalue()
