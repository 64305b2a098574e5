"""The table a user sees, as a file: Excel (.xlsx) and CSV as Dutch Excel reads it.

`excel_bytes` and `csv_bytes` are plain functions (no Streamlit); `download_knoppen` draws the two buttons.
What is exported is exactly the DataFrame given: suppression is the read side's job and has happened before.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re

import pandas as pd
import xlsxwriter

from analytics.beschermd import Beschermd, is_beschermd
from weergave import formaat

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_MIME = "text/csv"
MAX_KOLOMBREEDTE = 60
# Text that Excel would start as a formula (CSV/formula injection): written with a leading apostrophe in CSV
# (Excel hides it) and always as text in xlsx.
FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r")


def _breedte(kop: str, waarden: list[str]) -> float:
    """Column width in Excel characters: the longest of header and values, plus a little room."""
    langste = max([len(kop), *(len(w) for w in waarden)]) if waarden else len(kop)
    return min(MAX_KOLOMBREEDTE, langste + 2)


def _is_getal(waarde) -> bool:
    return isinstance(waarde, int | float) and not isinstance(waarde, bool) and math.isfinite(waarde)


def excel_bytes(df: pd.DataFrame, blad: str = "Gegevens") -> bytes:
    """An .xlsx with one sheet: bold header row (frozen, with a filter), numbers as numbers (1.234 in a Dutch
    Excel), dates as dates (dd-mm-jjjj), empty cells for missing values, and columns wide enough to read."""
    buffer = io.BytesIO()
    boek = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    kop = boek.add_format({"bold": True, "bottom": 1, "text_wrap": False})
    geheel = boek.add_format({"num_format": "#,##0"})
    decimaal = boek.add_format({"num_format": "#,##0.0##"})
    datum = boek.add_format({"num_format": "dd-mm-yyyy"})
    werkblad = boek.add_worksheet(_bladnaam(blad))
    for k, naam in enumerate(df.columns):
        werkblad.write_string(0, k, str(naam), kop)
        zichtbaar = []
        for r, waarde in enumerate(df[naam].tolist(), start=1):
            zichtbaar.append(_schrijf_cel(werkblad, r, k, waarde, geheel, decimaal, datum))
        werkblad.set_column(k, k, _breedte(str(naam), zichtbaar))
    werkblad.freeze_panes(1, 0)
    if len(df.columns):
        werkblad.autofilter(0, 0, len(df), len(df.columns) - 1)
    boek.close()
    return buffer.getvalue()


def _schrijf_cel(werkblad, rij: int, kolom: int, waarde, geheel, decimaal, datum) -> str:
    """Write one value in its Excel type; return the text the user will see (for the column width)."""
    if isinstance(waarde, Beschermd):  # protected: the number shown, or its marker ("<5", "x") as text
        waarde = waarde.teken or formaat.LEEG if waarde.verborgen else waarde.getoond
    if formaat.is_leeg(waarde):
        werkblad.write_blank(rij, kolom, None)
        return ""
    if isinstance(waarde, dt.datetime | pd.Timestamp):
        waarde = pd.Timestamp(waarde).to_pydatetime()
        werkblad.write_datetime(rij, kolom, waarde, datum)
        return "31-12-2026"
    if isinstance(waarde, dt.date):
        werkblad.write_datetime(rij, kolom, dt.datetime.combine(waarde, dt.time()), datum)
        return "31-12-2026"
    if isinstance(waarde, bool):
        werkblad.write_boolean(rij, kolom, waarde)
        return "ONWAAR"
    if hasattr(waarde, "item"):  # numpy scalars
        waarde = waarde.item()
    if _is_getal(waarde):
        heel = float(waarde).is_integer()
        werkblad.write_number(rij, kolom, waarde, geheel if heel else decimaal)
        return formaat.getal(waarde, 0 if heel else 3)
    tekst = str(waarde)
    werkblad.write_string(rij, kolom, tekst)
    return tekst


def _bladnaam(blad: str) -> str:
    """Excel allows 31 characters and none of []:*?/\\ in a sheet name."""
    return re.sub(r"[\[\]:*?/\\]", "-", blad)[:31] or "Gegevens"


def _csv_veilig(waarde):
    if isinstance(waarde, str) and waarde.startswith(FORMULE_BEGIN):
        return "'" + waarde
    return waarde


def _csv_datum(waarde):
    if isinstance(waarde, dt.date | pd.Timestamp) and not formaat.is_leeg(waarde):
        return formaat.datum(waarde)
    return waarde


def csv_bytes(df: pd.DataFrame) -> bytes:
    """CSV as a Dutch Excel opens it with a double click: ';' between fields, ',' before decimals, dates as
    dd-mm-jjjj, UTF-8 with BOM (so é and – survive), CRLF line ends, no thousands separator."""
    uitvoer = df.copy()
    for kolom in uitvoer.columns:
        if uitvoer[kolom].map(is_beschermd).any():  # protected: the number shown, or its marker ("<5", "x")
            uitvoer[kolom] = uitvoer[kolom].map(lambda w: (w.teken or formaat.LEEG if w.verborgen else w.getoond)
                                                if is_beschermd(w) else w).infer_objects()
        reeks = uitvoer[kolom]
        if pd.api.types.is_datetime64_any_dtype(reeks):
            uitvoer[kolom] = reeks.map(_csv_datum).astype(object)
        elif pd.api.types.is_float_dtype(reeks) and bool((reeks.dropna() == reeks.dropna().round()).all()):
            uitvoer[kolom] = reeks.astype("Int64")  # 121, not 121,0 (a count with gaps is a float column)
        elif not pd.api.types.is_numeric_dtype(reeks):
            uitvoer[kolom] = reeks.map(_csv_datum).map(_csv_veilig)
    tekst = uitvoer.to_csv(sep=";", decimal=",", index=False, lineterminator="\r\n")
    return tekst.encode("utf-8-sig")


def _bestandsnaam(naam: str) -> str:
    """A name that is safe on Windows and macOS: letters, digits, '-', '_' and '.'; spaces become '_'."""
    return re.sub(r"[^\w.-]+", "_", naam.strip()).strip("._") or "gegevens"


def download_knoppen(df: pd.DataFrame, bestandsnaam: str, sleutel: str) -> None:
    """Two buttons side by side: "Download Excel" (bestandsnaam.xlsx) and "Download CSV" (bestandsnaam.csv).

    The files are made only when a button is clicked, and clicking does not rerun the page; making one
    writes a line in the audit log (who, which file).
    `sleutel` must be unique on the page (it prefixes the widget keys).
    """
    import streamlit as st

    from kader.toegang import download_logger

    naam = _bestandsnaam(bestandsnaam)
    gegevens = df.copy()
    gelogd = download_logger()  # who is looking is known now; the file is made later, when clicked
    with st.container(horizontal=True, gap="small"):
        st.download_button(
            "Download Excel", data=lambda: gelogd(f"{naam}.xlsx", excel_bytes(gegevens)), file_name=f"{naam}.xlsx",
            mime=XLSX_MIME, key=f"{sleutel}_excel", on_click="ignore", icon=":material/download:",
        )
        st.download_button(
            "Download CSV", data=lambda: gelogd(f"{naam}.csv", csv_bytes(gegevens)), file_name=f"{naam}.csv",
            mime=CSV_MIME, key=f"{sleutel}_csv", on_click="ignore", icon=":material/download:",
        )
