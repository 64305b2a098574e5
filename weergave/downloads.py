"""The table a user sees, as a file: Excel (.xlsx) and CSV as Dutch Excel reads it.

`excel_bytes` and `csv_bytes` are plain functions (no Streamlit); `download_knoppen` draws the two buttons.
What is exported is exactly the DataFrame given: suppression is the read side's job and has happened before.

The Excel file explains itself: its first sheet ("Toelichting") says what the table is, which filters, period and
peildatum it was made from, for whom and with which protection (the (label, text) pairs the page gets from
`kader.toelichting`), and when it was made; the data sheet follows.

Shares: a page names its share columns (`procenten`) and gives their values as the read side has them, a fraction
(0.125) or a protected share (`Beschermd`). Excel gets a number with a percent format, rounded as the screen shows
it: an exact share to a tenth of a percent (0.125, "0.0%"), a protected one to 5 percentage points (0.4, "0%"); a
protected share only known as a range ("70–130%") or hidden ("–") stays that text. The CSV keeps what it always
held: in a column whose header ends in "(%)" the number of percents (12,5), elsewhere the percentage as text
("12,5%").

Other numbers are rounded as the screen's tables round them (`formaat.tabel_nl`): a column of whole numbers has no
decimals, any other column one (2,4166 -> 2,4, half-up), in the Excel file and in the CSV alike.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

import pandas as pd
import xlsxwriter

from analytics.beschermd import Beschermd, getoonde_getallen, is_beschermd, richting
from weergave import formaat

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_MIME = "text/csv"
MAX_KOLOMBREEDTE = 60
# Text that Excel would start as a formula (CSV/formula injection): written with a leading apostrophe in CSV
# (Excel hides it) and always as text in xlsx.
FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r")
TOELICHTING = "Toelichting"  # the first sheet of every Excel download
PROCENT = "0.0%"  # an exact share: 12,5% in a Dutch Excel
PROCENT_AFGEROND = "0%"  # a protected share, rounded to 5 percentage points: 40%
TIJDZONE = ZoneInfo("Europe/Amsterdam")
# A protected change whose direction is not certain (its range holds 0): between brackets, as on screen ("(+5)").
ONZEKER = '"(+"#,##0")";"(-"#,##0")";"(0)"'


def _breedte(kop: str, waarden: list[str]) -> float:
    """Column width in Excel characters: the longest of header and values, plus a little room."""
    langste = max([len(kop), *(len(w) for w in waarden)]) if waarden else len(kop)
    return min(MAX_KOLOMBREEDTE, langste + 2)


def _is_getal(waarde) -> bool:
    return isinstance(waarde, int | float) and not isinstance(waarde, bool) and math.isfinite(waarde)


def excel_bytes(df: pd.DataFrame, blad: str = "Gegevens", toelichting: Sequence[tuple[str, str]] = (),
                procenten: Iterable[str] = (), gemaakt_op: dt.datetime | None = None) -> bytes:
    """An .xlsx: first, when `toelichting` is given, a sheet "Toelichting" with its (label, text) pairs and the
    moment the file was made (`gemaakt_op`, default now); then the table: bold header row (frozen, with a filter),
    numbers as numbers (1.234 in a Dutch Excel), the `procenten` columns as percentages (see the module's text),
    dates as dates (dd-mm-jjjj), empty cells for missing values, and columns wide enough to read. Text is always
    text, also where it looks like a formula."""
    procenten = procentkolommen(df, procenten)
    buffer = io.BytesIO()
    boek = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    kop = boek.add_format({"bold": True, "bottom": 1, "text_wrap": False})
    opmaak = {
        "geheel": boek.add_format({"num_format": "#,##0"}),
        "decimaal": boek.add_format({"num_format": "#,##0.0"}),
        "datum": boek.add_format({"num_format": "dd-mm-yyyy"}),
        "procent": boek.add_format({"num_format": PROCENT}),
        "procent_afgerond": boek.add_format({"num_format": PROCENT_AFGEROND}),
        "onzeker": boek.add_format({"num_format": ONZEKER}),
    }
    if toelichting:
        _toelichting_blad(boek, toelichting, gemaakt_op or dt.datetime.now(TIJDZONE))
    werkblad = boek.add_worksheet(_bladnaam(blad))
    for k, naam in enumerate(df.columns):
        werkblad.write_string(0, k, str(naam), kop)
        if naam in procenten:
            zichtbaar = [_schrijf_aandeel(werkblad, r, k, waarde, opmaak)
                         for r, waarde in enumerate(df[naam].tolist(), start=1)]
        else:
            decimalen = _decimalen(df[naam])
            zichtbaar = [_schrijf_cel(werkblad, r, k, waarde, opmaak, decimalen)
                         for r, waarde in enumerate(df[naam].tolist(), start=1)]
        werkblad.set_column(k, k, _breedte(str(naam), zichtbaar))
    werkblad.freeze_panes(1, 0)
    if len(df.columns):
        werkblad.autofilter(0, 0, len(df), len(df.columns) - 1)
    boek.close()
    return buffer.getvalue()


def _decimalen(reeks: pd.Series) -> int:
    """The decimals the screen's table gives this column: none for whole numbers, else one (`formaat.tabel_nl`)."""
    if pd.api.types.is_bool_dtype(reeks) or pd.api.types.is_datetime64_any_dtype(reeks):
        return 0
    getallen = reeks if pd.api.types.is_numeric_dtype(reeks) else getoonde_getallen(
        reeks.map(lambda w: w if isinstance(w, int | float | Beschermd) and not isinstance(w, bool) else None))
    return formaat.decimalen_voor(getallen.astype(float))


def afgerond(getal: float, decimalen: int) -> float:
    """A number rounded as formaat writes it: half-up on its decimal value (2,45 -> 2,5)."""
    return float(Decimal(str(getal)).quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP))


def procentkolommen(df: pd.DataFrame, procenten: Iterable[str]) -> set[str]:
    """The share columns a page named; a name that is not a column is a mistake in the page."""
    procenten = set(procenten)
    if onbekend := procenten - set(df.columns):
        raise ValueError(f"Deze percentagekolommen staan niet in de tabel: {', '.join(sorted(map(str, onbekend)))}.")
    return procenten


def _toelichting_blad(boek, toelichting: Sequence[tuple[str, str]], gemaakt_op: dt.datetime) -> None:
    """The first sheet: a label and its text per row, all of it text (names from files stay names)."""
    blad = boek.add_worksheet(TOELICHTING)
    vet = boek.add_format({"bold": True, "valign": "top"})
    tekst = boek.add_format({"text_wrap": True, "valign": "top"})
    regels = [*toelichting, ("Gemaakt op", f"{gemaakt_op:%d-%m-%Y %H:%M}")]
    for r, (label, waarde) in enumerate(regels):
        blad.write_string(r, 0, str(label), vet)
        blad.write_string(r, 1, str(waarde), tekst)
    blad.set_column(0, 0, _breedte("", [str(label) for label, _ in regels]))
    blad.set_column(1, 1, min(100, max(len(str(waarde)) for _, waarde in regels) + 2))


def _schrijf_cel(werkblad, rij: int, kolom: int, waarde, opmaak: dict, decimalen: int = 1) -> str:
    """Write one value in its Excel type, a number rounded to `decimalen` unless it is whole; return the text the
    user will see (for the column width)."""
    beschermd = isinstance(waarde, Beschermd)
    # a change (only a change can be below 0, never a count) that may be up or down: "(+5)" as on screen
    onzeker = (beschermd and not waarde.verborgen and waarde.laag < 0 and richting(waarde) is None
               and float(waarde.getoond).is_integer())
    if beschermd:  # protected: the number shown (whole: without decimals, as formaat.getal), or its marker as text
        waarde = waarde.teken or formaat.LEEG if waarde.verborgen else waarde.getoond
    if formaat.is_leeg(waarde):
        werkblad.write_blank(rij, kolom, None)
        return ""
    if isinstance(waarde, dt.datetime | pd.Timestamp):
        waarde = pd.Timestamp(waarde).to_pydatetime()
        werkblad.write_datetime(rij, kolom, waarde, opmaak["datum"])
        return "31-12-2026"
    if isinstance(waarde, dt.date):
        werkblad.write_datetime(rij, kolom, dt.datetime.combine(waarde, dt.time()), opmaak["datum"])
        return "31-12-2026"
    if isinstance(waarde, bool):
        werkblad.write_boolean(rij, kolom, waarde)
        return "ONWAAR"
    if hasattr(waarde, "item"):  # numpy scalars
        waarde = waarde.item()
    if _is_getal(waarde):
        if not float(waarde).is_integer():
            waarde = afgerond(waarde, decimalen)
        if onzeker:
            werkblad.write_number(rij, kolom, waarde, opmaak["onzeker"])
            return formaat.verschil_getal(waarde)
        heel = float(waarde).is_integer() and (decimalen == 0 or beschermd)
        werkblad.write_number(rij, kolom, waarde, opmaak["geheel"] if heel else opmaak["decimaal"])
        return formaat.getal(waarde, 0 if heel else 1)
    tekst = str(waarde)
    werkblad.write_string(rij, kolom, tekst)
    return tekst


def aandeel_als_getoond(waarde) -> tuple[float, bool] | None:
    """A share as the screen shows it, as a number: (fraction, protected), or None where the screen shows no single
    number (missing, hidden, a range, text). Exact: rounded half-up to a tenth of a percent (0.1255 -> 0.126);
    protected: the share shown (a multiple of 5 percentage points)."""
    if isinstance(waarde, Beschermd):
        if waarde.verborgen or waarde.hoog - waarde.laag > formaat.AANDEEL_PRECIES:
            return None
        return round(waarde.getoond, 10), True
    if hasattr(waarde, "item"):  # numpy scalars
        waarde = waarde.item()
    if not _is_getal(waarde):
        return None
    return float(Decimal(str(waarde)).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)), False


def _schrijf_aandeel(werkblad, rij: int, kolom: int, waarde, opmaak: dict) -> str:
    """A share: a number with a percent format where the screen shows one number, else the screen's text ("–",
    "70–130%"); text that is no share stays text."""
    getal = aandeel_als_getoond(waarde)
    if getal is not None:
        fractie, beschermd = getal
        werkblad.write_number(rij, kolom, fractie, opmaak["procent_afgerond" if beschermd else "procent"])
        return formaat.percentage(waarde)
    if isinstance(waarde, Beschermd):
        tekst = formaat.percentage(waarde)
        werkblad.write_string(rij, kolom, tekst)
        return tekst
    return _schrijf_cel(werkblad, rij, kolom, waarde, opmaak)


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


def _csv_aandeel(waarde, als_getal: bool):
    """A share in the CSV as it always was: the number of percents (12.5; empty where none is shown) in a "(%)"
    column, else the percentage as the screen writes it ("12,5%", "40%", "70–130%", "–")."""
    getal = aandeel_als_getoond(waarde)
    if not als_getal:
        return formaat.percentage(waarde) if getal is not None or isinstance(waarde, Beschermd) or formaat.is_leeg(
            waarde) else waarde
    if getal is not None:
        return float(Decimal(str(getal[0])) * 100)
    if isinstance(waarde, Beschermd):
        return None if waarde.verborgen else formaat.percentage(waarde)
    return None if formaat.is_leeg(waarde) else waarde


def _csv_getal(waarde):
    """A number in a text column of the CSV as the screen writes it: 20, 2,4 (not 20.0 or 2.4)."""
    if hasattr(waarde, "item"):  # numpy scalars
        waarde = waarde.item()
    if not _is_getal(waarde):
        return waarde
    if float(waarde).is_integer():
        return str(int(waarde))
    return f"{afgerond(waarde, 1):.1f}".replace(".", ",")  # no thousands separator, as the rest of the CSV


def csv_bytes(df: pd.DataFrame, procenten: Iterable[str] = ()) -> bytes:
    """CSV as a Dutch Excel opens it with a double click: ';' between fields, ',' before decimals, dates as
    dd-mm-jjjj, UTF-8 with BOM (so é and – survive), CRLF line ends, no thousands separator; the `procenten`
    columns as the module's text says."""
    procenten = procentkolommen(df, procenten)
    uitvoer = df.copy()
    for kolom in uitvoer.columns:
        if kolom in procenten:
            als_getal = str(kolom).endswith("(%)")
            uitvoer[kolom] = uitvoer[kolom].map(lambda w, g=als_getal: _csv_aandeel(w, g)).astype(object)
            if als_getal and uitvoer[kolom].map(lambda w: w is None or isinstance(w, float)).all():
                uitvoer[kolom] = uitvoer[kolom].astype(float)
            elif als_getal:  # a range beside the numbers: text, so each number is written as Dutch Excel reads it
                uitvoer[kolom] = uitvoer[kolom].map(lambda w: f"{w:.10g}".replace(".", ",") if isinstance(w, float)
                                                    else w)
        elif uitvoer[kolom].map(is_beschermd).any():  # protected: the number shown, or its marker ("<5", "x")
            uitvoer[kolom] = uitvoer[kolom].map(lambda w: (w.teken or formaat.LEEG if w.verborgen else w.getoond)
                                                if is_beschermd(w) else w).infer_objects()
            if not pd.api.types.is_numeric_dtype(uitvoer[kolom]):  # "<5" beside numbers: each number as Dutch text,
                uitvoer[kolom] = uitvoer[kolom].map(_csv_getal)    # else to_csv writes 20.0 (Excel-nl: 200 or text)
        reeks = uitvoer[kolom]
        if pd.api.types.is_datetime64_any_dtype(reeks):
            uitvoer[kolom] = reeks.map(_csv_datum).astype(object)
        elif pd.api.types.is_float_dtype(reeks) and bool((reeks.dropna() == reeks.dropna().round()).all()):
            uitvoer[kolom] = reeks.astype("Int64")  # 121, not 121,0 (a count with gaps is a float column)
        elif pd.api.types.is_float_dtype(reeks):  # one decimal, as on screen: 2,4, not 2,4166666666666665
            uitvoer[kolom] = reeks.map(lambda w: w if pd.isna(w) else afgerond(w, 1))
        elif not pd.api.types.is_numeric_dtype(reeks):
            uitvoer[kolom] = reeks.map(_csv_datum).map(_csv_veilig)
    tekst = uitvoer.to_csv(sep=";", decimal=",", index=False, lineterminator="\r\n")
    return tekst.encode("utf-8-sig")


def veilige_bestandsnaam(naam: str) -> str:
    """A name that is safe on Windows and macOS: letters, digits, '-', '_' and '.'; spaces become '_'."""
    return re.sub(r"[^\w.-]+", "_", naam.strip()).strip("._") or "gegevens"
