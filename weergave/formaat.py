"""Dutch text for numbers and dates: "1.234", "12,5%", "+1,2 procentpunt", "okt 2026", "2026 K3".

Pure functions, no Streamlit. Rounding is half-up on the decimal value (12,45 -> 12,5), as people
round by hand, not Python's round-half-even. A missing value (None, NaN, NaT, pd.NA) is "–".

Negative numbers use the ASCII hyphen-minus ("-3"), not the typographic minus sign: `st.metric`
decides the arrow (up/down) of a delta by whether the text starts with "-", so "−3" would get a
green up arrow.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
from pandas.io.formats.style import Styler

LEEG = "–"  # en dash: shown for a missing value

MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)
MAANDEN_KORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
DAGEN = ("zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag")
DAGEN_KORT = ("zo", "ma", "di", "wo", "do", "vr", "za")


def is_leeg(waarde) -> bool:
    """None, NaN, NaT or pd.NA: a value that is not there."""
    if waarde is None:
        return True
    try:
        return bool(pd.isna(waarde))
    except (TypeError, ValueError):  # lists and other non-scalars are not "missing"
        return False


def _decimaal(n) -> Decimal:
    """The exact decimal value as written (Decimal(str(0.1)) is 0.1, not 0.1000000000000000055...)."""
    return n if isinstance(n, Decimal) else Decimal(str(n))


def _nl(d: Decimal, decimalen: int) -> str:
    """Rounded half-up, '.' between thousands and ',' before the decimals; '-' for negatives, never '-0'."""
    afgerond = d.quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)
    if afgerond == 0:
        afgerond = abs(afgerond)
    engels = f"{afgerond:,.{decimalen}f}"
    return engels.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def getal(n, decimalen: int = 0) -> str:
    """1234 -> "1.234"; 12345678 -> "12.345.678"; getal(100.8333, 1) -> "100,8"; None -> "–"; a hidden
    count ("<5", "x") stays as it is."""
    if isinstance(n, str):
        return n
    if is_leeg(n):
        return LEEG
    return _nl(_decimaal(n), decimalen)


def percentage(fractie, decimalen: int = 1) -> str:
    """A fraction as a Dutch percentage: 0.125 -> "12,5%"; None -> "–"."""
    if is_leeg(fractie):
        return LEEG
    return f"{_nl(_decimaal(fractie) * 100, decimalen)}%"


def _met_teken(d: Decimal, decimalen: int) -> str:
    tekst = _nl(d, decimalen)
    return tekst if tekst.startswith("-") or set(tekst) <= set("0,") else f"+{tekst}"


def verschil_getal(n, decimalen: int = 0) -> str:
    """A change with its sign: 12 -> "+12", -3 -> "-3", 0 -> "0", 1234 -> "+1.234"; None -> "–"."""
    if isinstance(n, str):
        return n
    if is_leeg(n):
        return LEEG
    return _met_teken(_decimaal(n), decimalen)


def verschil_procentpunt(d, decimalen: int = 1) -> str:
    """A change between two fractions in percentage points: 0.012 -> "+1,2 procentpunt"; None -> "–"."""
    if is_leeg(d):
        return LEEG
    return f"{_met_teken(_decimaal(d) * 100, decimalen)} procentpunt"


def maandnaam(maand: int, kort: bool = False) -> str:
    """1 -> "januari"; maandnaam(3, kort=True) -> "mrt"."""
    if not 1 <= int(maand) <= 12:
        raise ValueError(f"Een maand is 1 tot en met 12, niet {maand}.")
    return (MAANDEN_KORT if kort else MAANDEN)[int(maand) - 1]


def als_datum(d) -> dt.date | None:
    """A date from a date, datetime, pd.Timestamp, numpy datetime64 or ISO text; None when missing."""
    if is_leeg(d):
        return None
    if isinstance(d, dt.datetime | pd.Timestamp):
        return d.date()
    if isinstance(d, dt.date):
        return d
    return pd.Timestamp(d).date()


def maand_label(d) -> str:
    """The month of a date, short: 2026-10-31 -> "okt 2026"."""
    datum_ = als_datum(d)
    return LEEG if datum_ is None else f"{MAANDEN_KORT[datum_.month - 1]} {datum_.year}"


def datum(d) -> str:
    """31-10-2026 (day-month-year, as Dutch Excel writes it)."""
    datum_ = als_datum(d)
    return LEEG if datum_ is None else f"{datum_.day:02d}-{datum_.month:02d}-{datum_.year}"


def kwartaal_label(d) -> str:
    """The quarter of a date: 2026-08-15 -> "2026 K3"."""
    datum_ = als_datum(d)
    return LEEG if datum_ is None else f"{datum_.year} K{(datum_.month - 1) // 3 + 1}"


def halfjaar_label(d) -> str:
    """The half year of a date: 2026-03-01 -> "2026 H1"."""
    datum_ = als_datum(d)
    return LEEG if datum_ is None else f"{datum_.year} H{1 if datum_.month <= 6 else 2}"


def decimalen_voor(reeks: pd.Series) -> int:
    """0 for whole numbers (also floats that hold whole numbers, such as an afspraak with gaps), else 1."""
    waarden = reeks.dropna()
    return 0 if waarden.empty or bool((waarden == waarden.round()).all()) else 1


def tabel_nl(df: pd.DataFrame, decimalen: dict[str, int] | None = None) -> Styler:
    """The table with Dutch display values for `st.dataframe`: 1.234 / 12,5 / 31-10-2026 / "–" for missing.

    Only what is shown changes; the values underneath stay numbers and dates, so sorting a column in
    `st.dataframe` still sorts by value. `decimalen` fixes the decimals per column; otherwise whole numbers
    show none and other numbers one.
    """
    decimalen = decimalen or {}
    df = df.copy()
    for kolom in df.columns:  # counts mixed with hidden ones ("<5", "x"): Arrow needs one type, so text
        reeks = df[kolom]
        if reeks.dtype == object and reeks.map(lambda w: isinstance(w, str)).any() and reeks.map(
                lambda w: pd.api.types.is_number(w) and not isinstance(w, bool)).any():
            aantal = decimalen.get(kolom, decimalen_voor(pd.to_numeric(reeks, errors="coerce")))
            df[kolom] = reeks.map(lambda w, aantal=aantal: w if isinstance(w, str) else getal(w, aantal))
    opmaak = {}
    for kolom in df.columns:
        reeks = df[kolom]
        if pd.api.types.is_bool_dtype(reeks):
            opmaak[kolom] = lambda w: LEEG if is_leeg(w) else ("ja" if w else "nee")
        elif pd.api.types.is_numeric_dtype(reeks):
            aantal = decimalen.get(kolom, decimalen_voor(reeks))
            opmaak[kolom] = lambda w, aantal=aantal: getal(w, aantal)
        elif pd.api.types.is_datetime64_any_dtype(reeks) or reeks.map(lambda w: isinstance(w, dt.date)).any():
            opmaak[kolom] = lambda w: datum(w) if isinstance(w, dt.date | pd.Timestamp) else (LEEG if is_leeg(w) else w)
        else:  # text, or counts mixed with hidden ones ("<5", "x")
            aantal = decimalen.get(kolom, decimalen_voor(pd.to_numeric(reeks, errors="coerce")))
            opmaak[kolom] = lambda w, aantal=aantal: getal(w, aantal) if pd.api.types.is_number(w) else (
                LEEG if is_leeg(w) else w)
    return df.style.format(opmaak)


def tijdstip(utc) -> str:
    """A time stored in UTC, as Dutch local time 'dd-mm-jjjj uu:mm' ("–" when there is none)."""
    if is_leeg(utc):
        return LEEG
    return pd.Timestamp(utc).tz_localize("UTC").tz_convert("Europe/Amsterdam").strftime("%d-%m-%Y %H:%M")


def tijdstippen(utc: pd.Series) -> pd.Series:
    """Times stored in UTC, as Dutch local time 'dd-mm-jjjj uu:mm'."""
    return pd.Series(utc).map(tijdstip)
