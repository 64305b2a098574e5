"""Column settings for `st.dataframe`: numbers to the right, also where they are text.

A column of counts with hidden ones in it ("<5", "x") or of shares written as "12,5%" is text to Arrow, and
Streamlit puts text on the left; next to real number columns the digits then no longer line up. `instellingen`
gives every such column `alignment="right"`, and keeps what the page sets itself (help, label, width).
"""

from __future__ import annotations

import numbers
import re

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from analytics.beschermd import Beschermd

# a count, a hidden count, a share or a change as the pages write them: 1.234 / <5 / x / – / 12,5% / +1,2 procentpunt;
# protected: a range "75–135%", a change whose direction is not certain "(+5)", a small group's share "100,0% (van 1)"
_GETAL = r"[+-]?\d{1,3}(\.\d{3})*(,\d+)?"
ALS_GETAL = re.compile(
    rf"^(<\d+|x|–|-|{_GETAL}%?( procentpunt)?|{_GETAL}–{_GETAL}%|\({_GETAL}%?( procentpunt)?\)|{_GETAL}% \(van \d+\))$")


def is_getalkolom(reeks: pd.Series) -> bool:
    """Numbers, or text that stands for a number: every value shown is one of them (and at least one is shown)."""
    if pd.api.types.is_bool_dtype(reeks):
        return False
    if pd.api.types.is_numeric_dtype(reeks):
        return True
    waarden = [w for w in reeks if w is not None and not (isinstance(w, float) and pd.isna(w))]
    return bool(waarden) and all(
        (isinstance(w, numbers.Number) and not isinstance(w, bool)) or isinstance(w, Beschermd)
        or (isinstance(w, str) and ALS_GETAL.match(w))
        for w in waarden
    )


def instellingen(tabel: pd.DataFrame | Styler, eigen: dict | None = None) -> dict:
    """`column_config` for `st.dataframe(tabel)`: the page's own settings (`eigen`), and every column of numbers
    right-aligned; a setting the page made without alignment gets it added."""
    data = tabel.data if isinstance(tabel, Styler) else tabel
    uit = dict(eigen or {})
    for kolom in data.columns:
        if not is_getalkolom(data[kolom]):
            continue
        eigen_kolom = uit.get(kolom)
        if eigen_kolom is None:
            uit[kolom] = st.column_config.Column(alignment="right")
        elif isinstance(eigen_kolom, dict) and eigen_kolom.get("alignment") is None:
            uit[kolom] = {**eigen_kolom, "alignment": "right"}
    return uit
