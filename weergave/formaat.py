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

from analytics.beschermd import Beschermd, getoonde_getallen, richting

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
    count ("<5", "x") stays as it is; a protected one shows the number shown (a range when its range is wider than
    a rounded count's: a number derived from one), without decimals where it is whole."""
    if isinstance(n, Beschermd):
        if n.verborgen:
            return n.teken or LEEG
        if float(n.getoond).is_integer():  # a rounded number: "35", not "35,0" (that would claim a precision)
            decimalen = 0
        return _nl(_decimaal(n.getoond), decimalen)
    if isinstance(n, str):
        return n
    if is_leeg(n):
        return LEEG
    return _nl(_decimaal(n), decimalen)


AANDEEL_PRECIES = 0.05 + 1e-9  # a protected share within 5 percentage points is shown as one number


def percentage(fractie, decimalen: int = 1) -> str:
    """A fraction as a Dutch percentage: 0.125 -> "12,5%"; None -> "–". A protected share: rounded to 5
    percentage points, "55%"; rounded coarser, or derived from a rounded count, its range, "70–130%"."""
    if isinstance(fractie, Beschermd):
        if fractie.verborgen:
            return LEEG
        if fractie.hoog - fractie.laag <= AANDEEL_PRECIES:
            return f"{_nl(_decimaal(fractie.getoond) * 100, 0)}%"
        return f"{_nl(_decimaal(fractie.laag) * 100, 0)}–{_nl(_decimaal(fractie.hoog) * 100, 0)}%"
    if is_leeg(fractie):
        return LEEG
    return f"{_nl(_decimaal(fractie) * 100, decimalen)}%"


KLEINE_GROEP = 10  # below this many trajecten a percentage says little: its owner sees the number beside it


def percentage_met_n(fractie, noemer, decimalen: int = 1) -> str:
    """A percentage with the size of its group beside it when that is small and seen exactly (its owner):
    "100,0% (van 1)". Others never get a percentage of fewer than 10."""
    tekst = percentage(fractie, decimalen)
    if tekst != LEEG and not isinstance(noemer, Beschermd | str) and not is_leeg(noemer) and 0 < noemer < KLEINE_GROEP:
        return f"{tekst} (van {getal(noemer)})"
    return tekst


def _met_teken(d: Decimal, decimalen: int) -> str:
    tekst = _nl(d, decimalen)
    return tekst if tekst.startswith("-") or set(tekst) <= set("0,") else f"+{tekst}"


def verschil_getal(n, decimalen: int = 0) -> str:
    """A change with its sign: 12 -> "+12", -3 -> "-3", 0 -> "0", 1234 -> "+1.234"; None -> "–". A protected
    change whose direction is not certain (its range holds 0) is put between brackets: "(+5)"."""
    if isinstance(n, Beschermd):
        if n.verborgen:
            return n.teken or LEEG
        tekst = _met_teken(_decimaal(n.getoond), decimalen)
        return tekst if richting(n) is not None else f"({tekst})"
    if isinstance(n, str):
        return n
    if is_leeg(n):
        return LEEG
    return _met_teken(_decimaal(n), decimalen)


def verschil_procentpunt(d, decimalen: int = 1) -> str:
    """A change between two fractions in percentage points: 0.012 -> "+1,2 procentpunt"; None -> "–". A protected
    one in whole points, between brackets when its direction is not certain: "(+5 procentpunt)"."""
    if isinstance(d, Beschermd):
        if d.verborgen:
            return LEEG
        tekst = f"{_met_teken(_decimaal(round(d.getoond, 10)) * 100, 0)} procentpunt"
        return tekst if richting(d) is not None else f"({tekst})"
    if is_leeg(d):
        return LEEG
    return f"{_met_teken(_decimaal(d) * 100, decimalen)} procentpunt"


def metric_verschil(delta, opmaak, achter: str, kleur: str = "normal") -> dict:
    """The delta arguments of `st.metric` for a change: none when it is hidden (None); "0" without an arrow when it
    is exactly 0; for a protected change whose direction is not certain, the change between brackets in grey
    without an arrow (an arrow would claim a direction the rounded numbers do not give)."""
    if delta is None or is_leeg(delta) if not isinstance(delta, Beschermd) else delta.verborgen:
        return {}
    if not isinstance(delta, Beschermd) and round(float(delta), 3) == 0:
        return {"delta": "0", "delta_color": kleur}
    tekst = f"{opmaak(delta)} {achter}"
    if isinstance(delta, Beschermd) and richting(delta) is None:
        return {"delta": tekst, "delta_color": "off", "delta_arrow": "off"}
    return {"delta": tekst, "delta_color": kleur}


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


def datums(reeks: pd.Series) -> pd.Series:
    """`datum` for a whole column at once (a list of 185.000 trajecten nationally): 31-10-2026, LEEG when missing."""
    tijden = pd.to_datetime(reeks, errors="coerce")
    geldig = tijden.notna()
    tekst = pd.Series(LEEG, index=reeks.index, dtype=object)
    t = tijden[geldig]
    tekst[geldig] = (t.dt.day.astype(str).str.zfill(2) + "-" + t.dt.month.astype(str).str.zfill(2) + "-"
                     + t.dt.year.astype(str))
    ongeldig = reeks[~geldig]  # what pandas cannot hold as a time (or nothing): one by one
    anders = ongeldig[~ongeldig.map(is_leeg).astype(bool)]
    tekst[anders.index] = anders.map(datum)
    return tekst


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
    for kolom in df.columns:  # protected numbers ("<5", "x", rounded ones): Arrow needs one type, so text
        reeks = df[kolom]
        if reeks.dtype == object and reeks.map(lambda w: isinstance(w, Beschermd | str)).any() and reeks.map(
                lambda w: isinstance(w, Beschermd) or (pd.api.types.is_number(w) and not isinstance(w, bool))).any():
            aantal = decimalen.get(kolom, decimalen_voor(getoonde_getallen(reeks)))
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
            aantal = decimalen.get(kolom, decimalen_voor(getoonde_getallen(reeks)))
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
