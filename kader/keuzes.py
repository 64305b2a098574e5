"""A page's own choices in the link: every choice a page makes beside the shared filters (the half year, month or
year, the split, K, ...) is mirrored in the URL under its widget key, so a link reproduces the whole view.

The shared filters are written to the URL first (kader.filterbalk, on every page before anything else); a page's
choices are added after them, so a link carries the filters and this page's choices and nothing of other pages."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import streamlit as st

LINK = "_link_"  # session key prefix: a page choice as the URL carried it at the start of a run


def link_bewaren(filterparameters: Iterable[str]) -> None:
    """Before the filter bar rewrites the URL (it keeps only the filters): what it says about page choices, kept in
    the session, so the page can still take its choices from the link once it draws them (and find them again after
    a visit to another page)."""
    for sleutel in st.query_params:
        if sleutel not in filterparameters:
            st.session_state[f"{LINK}{sleutel}"] = st.query_params[sleutel]


def keuze(widget: Callable[..., Any], label: str, opties: Iterable[Any] | None = None, *, key: str,
          waarden: Iterable[Any] | None = None, tekst: Callable[[Any], str] = str, **kwargs: Any) -> Any:
    """Draw `widget(label, opties, key=key, **kwargs)` (st.radio, st.selectbox, a column's .radio, ...) with its value
    in the URL as `key=tekst(value)`. A widget without options (st.slider, st.checkbox) gives the values it can take
    as `waarden` instead. At the start of a session (a link opened) the URL's value, if it is one of the options,
    is the widget's; a value no longer among the options (a half year that has gone) is ignored."""
    lijst = list(opties) if opties is not None else None
    mogelijk = lijst if lijst is not None else list(waarden or ())
    uit_link = st.query_params.get(key, st.session_state.get(f"{LINK}{key}"))
    if key not in st.session_state and uit_link is not None:
        gevonden = [w for w in mogelijk if tekst(w) == uit_link]
        if gevonden:
            st.session_state[key] = gevonden[0]
            kwargs.pop("index", None)  # the value comes from the session state now; a default as well would warn
            kwargs.pop("value", None)
    waarde = widget(label, lijst, key=key, **kwargs) if lijst is not None else widget(label, key=key, **kwargs)
    if waarde is None:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = tekst(waarde)  # setting the URL does not rerun the script
    return waarde
