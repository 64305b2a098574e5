"""The shared filters: drawn once in the sidebar by dashboard.py, kept in st.session_state under
stable keys (so they survive switching pages) and mirrored in the URL (so a link reproduces the view)."""

from __future__ import annotations

import contextlib
import datetime as dt

import streamlit as st

from analytics.begrippen import BEGRIPPEN
from analytics.filters import DIMENSIES, Filters
from analytics.kengetallen import filterkeuzes, periode_grenzen
from analytics.perioden import PERIODES, VASTE_PERIODES, ZELF_KIEZEN, periode_van
from basis.referentie import code_weergave
from kader.keuzes import link_bewaren
from toegang import beleid
from weergave.tekst import markdown_tekst

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
SLEUTEL = "filter_"  # widget keys: filter_periode, filter_van_tot, filter_regio, ...
# Streamlit forgets a widget's value when another page is shown, so each value is also kept under a
# shadow key ("_filter_...") that no widget owns, and put back before the widget is drawn again.
SCHADUW = "_filter_"


def _herstel(naam: str) -> None:
    """Before drawing a widget: give it the shared value (a page switch would otherwise reset it)."""
    if f"{SCHADUW}{naam}" in st.session_state:
        st.session_state[f"{SLEUTEL}{naam}"] = st.session_state[f"{SCHADUW}{naam}"]


def _bij_wijziging(naam: str):
    """on_change: the user's new choice becomes the shared value (runs before the script reruns)."""
    return lambda: _bewaar(naam, st.session_state[f"{SLEUTEL}{naam}"])


def _bewaar(naam: str, waarde: object) -> None:
    st.session_state[f"{SCHADUW}{naam}"] = waarde


def _uit_url(beschikbaar: dict[str, list[tuple[str, str]]]) -> None:
    """At the start of a session: take the filters from the URL, if the link carries them (values no
    longer in the data are dropped)."""
    if st.session_state.get(f"{SCHADUW}uit_url"):
        return
    st.session_state[f"{SCHADUW}uit_url"] = True
    parameters = st.query_params
    if parameters.get("periode") in PERIODES:
        _bewaar("periode", parameters["periode"])
    with contextlib.suppress(KeyError, ValueError):
        _bewaar("van_tot", (dt.date.fromisoformat(parameters["van"]), dt.date.fromisoformat(parameters["tot"])))
    for dimensie in DIMENSIES:
        bestaand = {waarde for waarde, _ in beschikbaar.get(dimensie, [])}
        waarden = [w for w in parameters.get_all(dimensie) if w in bestaand]
        if waarden:
            _bewaar(dimensie, waarden)


def _naar_url(periode: str, van: dt.date, tot: dt.date, keuzes: dict[str, list[str]]) -> None:
    nieuw: dict[str, object] = {"periode": periode}
    if periode == ZELF_KIEZEN:
        nieuw |= {"van": van.isoformat(), "tot": tot.isoformat()}
    nieuw |= {dimensie: waarden for dimensie, waarden in keuzes.items() if waarden}
    link_bewaren(("periode", "van", "tot", *DIMENSIES))  # the page's own choices: kader.keuzes adds them again
    st.query_params.from_dict(nieuw)  # setting the URL does not rerun the script


def binnen_grenzen(
    gekozen: tuple[dt.date, dt.date] | None, standaard: tuple[dt.date, dt.date], eerste: dt.date, laatste: dt.date
) -> tuple[dt.date, dt.date]:
    """A chosen range limited to the data (a link may carry dates outside it); the default when it is unusable."""
    if not gekozen or len(gekozen) != 2:
        return standaard
    van, tot = max(gekozen[0], eerste), min(gekozen[1], laatste)
    return (van, tot) if van <= tot else standaard


def naam_van(dimensie: str, waarde: str, namen: dict[str, str]) -> str:
    if dimensie in CODELIJST:
        return code_weergave(CODELIJST[dimensie], waarde)
    return namen.get(waarde, waarde)


def max_keuzes(wie, dimensie: str) -> int | None:
    return beleid.max_keuzes(wie, dimensie)


def periodes(wie) -> tuple[str, ...]:
    """The period choices for this viewer: any run of months only where the policy allows it (tests/test_afronding.py
    checks that with the four fixed ones no small month can be pinned)."""
    return PERIODES if beleid.vrije_perioden(wie) else VASTE_PERIODES


def eigen_knop(wie, beschikbaar: dict[str, list[tuple[str, str]]]) -> None:
    """For a gemeente or organisatie looking at more than its own: one click to its own numbers, exact (the hint in
    the sidebar was below the first screen, and a civil servant started on the region, rounded)."""
    eigen = beleid.eigen_keuze(wie, beschikbaar)
    if eigen is None:
        return
    dimensie, waarden = eigen
    if sorted(st.session_state.get(f"{SCHADUW}{dimensie}", [])) == sorted(waarden):
        return
    namen = dict(beschikbaar.get(dimensie, []))
    label = " en ".join(markdown_tekst(naam_van(dimensie, w, namen)) for w in waarden)  # names from files: text
    # in the page itself, under its title: the sidebar's first screen is taken by the page list
    st.button(f"Alleen {label} tonen (exact)", key="filter_eigen", icon=":material/my_location:",
              on_click=lambda: _bewaar(dimensie, list(waarden)),
              help="U ziet nu meer dan uw eigen " + ("gemeente" if dimensie == "gemeenten" else "organisatie")
              + ", afgerond. Met deze knop kiest u in de filters alleen uw eigen: die aantallen ziet u exact.")


def filterbalk(wie=None) -> Filters | None:
    """Draw the shared filters in the sidebar; the chosen Filters (None when the store has no trajecten).

    Every page that uses the filters calls this first (AppTest, and Streamlit itself, only keep widgets
    that the page's own run draws); the values are shared between pages through the shadow keys."""
    grenzen = periode_grenzen()
    if grenzen is None:
        return None
    eerste, peildatum = grenzen
    beschikbaar = filterkeuzes()
    _uit_url(beschikbaar)
    st.sidebar.header("Filters")
    eigen_knop(wie, beschikbaar)
    keuzes_periode = periodes(wie)
    if st.session_state.get(f"{SCHADUW}periode", keuzes_periode[0]) not in keuzes_periode:  # e.g. from a link
        _bewaar("periode", keuzes_periode[0])
    _herstel("periode")
    periode = st.sidebar.selectbox(
        "Periode", keuzes_periode, key=f"{SLEUTEL}periode", on_change=_bij_wijziging("periode"),
        help=f"{BEGRIPPEN['periode'].definitie} {BEGRIPPEN['peildatum'].label}: {BEGRIPPEN['peildatum'].definitie}"
        + ("" if keuzes_periode == PERIODES else " Met afgeschermde aantallen zijn alleen deze vaste perioden "
           "te kiezen: uit de verschillen tussen veel zelfgekozen perioden zouden kleine aantallen terug te "
           "rekenen zijn."),
    )
    _bewaar("periode", periode)
    van, tot = periode_van(periode, peildatum)
    if periode == ZELF_KIEZEN:
        _bewaar("van_tot", binnen_grenzen(st.session_state.get(f"{SCHADUW}van_tot"), (van, tot), eerste, peildatum))
        _herstel("van_tot")
        gekozen = st.sidebar.date_input(
            "Van en tot en met", min_value=eerste, max_value=peildatum, format="DD-MM-YYYY",
            key=f"{SLEUTEL}van_tot", on_change=_bij_wijziging("van_tot"),
        )
        if isinstance(gekozen, tuple) and len(gekozen) == 2:
            van, tot = gekozen
        else:  # only a start date picked so far: keep the previous range
            van, tot = st.session_state[f"{SCHADUW}van_tot"]
    st.sidebar.caption(f"{van:%d-%m-%Y} tot en met {tot:%d-%m-%Y}")

    keuzes: dict[str, list[str]] = {}
    for dimensie in DIMENSIES:
        opties = beschikbaar.get(dimensie, [])
        namen = dict(opties)
        maximum = max_keuzes(wie, dimensie)
        if maximum is not None and len(st.session_state.get(f"{SCHADUW}{dimensie}", [])) > maximum:
            _bewaar(dimensie, st.session_state[f"{SCHADUW}{dimensie}"][:maximum])  # e.g. from a link
        _herstel(dimensie)
        keuzes[dimensie] = st.sidebar.multiselect(
            LABELS[dimensie], [waarde for waarde, _ in opties], key=f"{SLEUTEL}{dimensie}",
            format_func=lambda w, d=dimensie, n=namen: naam_van(d, w, n), placeholder="Alle",
            on_change=_bij_wijziging(dimensie), max_selections=maximum, help=BEGRIPPEN[dimensie].definitie,
            select_all=False,  # Streamlit's English "Select all"; all is the empty choice ("Alle") anyway
        )
        _bewaar(dimensie, keuzes[dimensie])
    _naar_url(periode, van, tot, keuzes)
    return Filters(van=van, tot=tot, **{d: tuple(w) for d, w in keuzes.items()})


def filterdelen(gekozen: Filters, peildatum: dt.date, periode: str | None) -> list[tuple[str, str]]:
    """What a printed page was made from, as (label, text) pairs: the period (None: the page chooses its own), each
    filter that is set (the others together as "alle"), and the peildatum of the data."""
    delen = []
    if periode is not None:
        delen.append(("Periode", f"{periode} ({gekozen.van:%d-%m-%Y} tot en met {gekozen.tot:%d-%m-%Y})"))
    beschikbaar = filterkeuzes()
    niet_gekozen = []
    for dimensie in DIMENSIES:
        waarden = getattr(gekozen, dimensie)
        if not waarden:
            niet_gekozen.append(LABELS[dimensie].lower())
            continue
        namen = dict(beschikbaar.get(dimensie, []))
        delen.append((LABELS[dimensie], ", ".join(naam_van(dimensie, w, namen) for w in waarden)))
    if niet_gekozen:
        delen.append(("Alle", ", ".join(niet_gekozen)))
    delen.append(("Gegevens tot en met", f"{peildatum:%d-%m-%Y} (laatste peildatum)"))
    return delen
