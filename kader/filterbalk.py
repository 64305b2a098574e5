"""The shared filters: drawn once in the sidebar by dashboard.py, kept in st.session_state under
stable keys (so they survive switching pages) and mirrored in the URL (so a link reproduces the view)."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from analytics.filters import DIMENSIES, Filters, een_jaar_eerder
from analytics.kengetallen import filterkeuzes, laatste_volledige_maand, periode_grenzen
from pipelines.referentie import code_weergave

LABELS = {
    "regio": "Arbeidsmarktregio",
    "gemeenten": "Gemeente",
    "organisaties": "Organisatie",
    "sectoren": "Sector",
    "doelgroepen": "Doelgroep",
    "stromen": "Stroom",
    "routes": "Route",
}
CODELIJST = {"sectoren": "sector", "doelgroepen": "doelgroep", "stromen": "stroom", "routes": "route"}
PERIODES = ("Dit jaar tot nu", "Afgelopen 12 maanden", "Vorig jaar", "Laatste volledige maand", "Zelf kiezen")
SLEUTEL = "filter_"  # session_state keys: filter_periode, filter_van_tot, filter_regio, ...


def periode_van(keuze: str, peildatum: dt.date) -> tuple[dt.date, dt.date]:
    """The dates a period choice stands for, given the latest peildatum in the store."""
    maand_einde = laatste_volledige_maand(peildatum)
    if keuze == "Afgelopen 12 maanden":
        return een_jaar_eerder(maand_einde) + dt.timedelta(days=1), maand_einde
    if keuze == "Vorig jaar":
        return dt.date(peildatum.year - 1, 1, 1), dt.date(peildatum.year - 1, 12, 31)
    if keuze == "Laatste volledige maand":
        return maand_einde.replace(day=1), maand_einde
    return dt.date(peildatum.year, 1, 1), peildatum


def _uit_url() -> None:
    """At the start of a session: take the filters from the URL, if the link carries them."""
    if st.session_state.get(f"{SLEUTEL}geladen"):
        return
    st.session_state[f"{SLEUTEL}geladen"] = True
    parameters = st.query_params
    if parameters.get("periode") in PERIODES:
        st.session_state[f"{SLEUTEL}periode"] = parameters["periode"]
    try:
        van, tot = dt.date.fromisoformat(parameters["van"]), dt.date.fromisoformat(parameters["tot"])
        st.session_state[f"{SLEUTEL}van_tot"] = (van, tot)
    except (KeyError, ValueError):
        pass
    for dimensie in DIMENSIES:
        waarden = parameters.get_all(dimensie)
        if waarden:
            st.session_state[f"{SLEUTEL}{dimensie}"] = waarden


def _naar_url(periode: str, van: dt.date, tot: dt.date, keuzes: dict[str, list[str]]) -> None:
    nieuw: dict[str, object] = {"periode": periode}
    if periode == "Zelf kiezen":
        nieuw |= {"van": van.isoformat(), "tot": tot.isoformat()}
    nieuw |= {dimensie: waarden for dimensie, waarden in keuzes.items() if waarden}
    st.query_params.from_dict(nieuw)  # setting the URL does not rerun the script


def naam_van(dimensie: str, waarde: str, namen: dict[str, str]) -> str:
    if dimensie in CODELIJST:
        return code_weergave(CODELIJST[dimensie], waarde)
    return namen.get(waarde, waarde)


def filterbalk() -> Filters | None:
    """Draw the shared filters in the sidebar; the chosen Filters (None when the store has no trajecten)."""
    grenzen = periode_grenzen()
    if grenzen is None:
        return None
    eerste, peildatum = grenzen
    _uit_url()
    st.sidebar.header("Filters")
    periode = st.sidebar.selectbox("Periode", PERIODES, key=f"{SLEUTEL}periode",
                                   help="De periode telt op de startdatum van het traject, tenzij de uitleg iets "
                                        "anders zegt.")
    van, tot = periode_van(periode, peildatum)
    if periode == "Zelf kiezen":
        gekozen = st.sidebar.date_input(
            "Van en tot en met", value=st.session_state.get(f"{SLEUTEL}van_tot", (van, tot)),
            min_value=eerste, max_value=peildatum, format="DD-MM-YYYY", key=f"{SLEUTEL}van_tot",
        )
        if isinstance(gekozen, tuple) and len(gekozen) == 2:
            van, tot = gekozen
    st.sidebar.caption(f"{van:%d-%m-%Y} tot en met {tot:%d-%m-%Y}")

    beschikbaar = filterkeuzes()
    keuzes: dict[str, list[str]] = {}
    for dimensie in DIMENSIES:
        opties = beschikbaar.get(dimensie, [])
        namen = dict(opties)
        sleutel = f"{SLEUTEL}{dimensie}"
        if sleutel in st.session_state:  # a value from an old link that is no longer in the data
            st.session_state[sleutel] = [w for w in st.session_state[sleutel] if w in namen]
        keuzes[dimensie] = st.sidebar.multiselect(
            LABELS[dimensie], [waarde for waarde, _ in opties], key=sleutel,
            format_func=lambda w, d=dimensie, n=namen: naam_van(d, w, n), placeholder="Alle",
        )
    _naar_url(periode, van, tot, keuzes)
    gefilterd = Filters(van=van, tot=tot, **{d: tuple(w) for d, w in keuzes.items()})
    st.session_state["filters"] = gefilterd
    return gefilterd


def filters() -> Filters | None:
    """The filters the sidebar set for this run (pages call this; dashboard.py draws the sidebar)."""
    return st.session_state.get("filters")
