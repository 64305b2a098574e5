"""How fresh the data is: the latest peildatum per organisation, and who is behind."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from analytics.begrippen import BEGRIPPEN
from analytics.kengetallen import nog_niet_geleverd
from analytics.stand import stand_per_organisatie, verouderd
from weergave.formaat import maandnaam
from weergave.grafieken import opsomming
from weergave.tekst import markdown_tekst


def achterstand_zin(datum: dt.date, namen: list[str]) -> str:
    """Who holds the periods back, and to when they run: 'Werkbedrijf X heeft november nog niet geleverd; …'."""
    volgende = datum + dt.timedelta(days=1)
    wat = maandnaam(volgende.month) if volgende.day == 1 else f"na {datum:%d-%m-%Y}"
    wie = opsomming([markdown_tekst(n) for n in namen])  # names from files: text
    return (f"{wie} {'heeft' if len(namen) == 1 else 'hebben'} {wat} nog niet geleverd; de perioden (zoals 'Dit jaar "
            f"tot nu') lopen daarom voor iedereen tot en met {datum:%d-%m-%Y}.")


def versheidsregel(vandaag: dt.date | None = None) -> None:
    """A line per organisation in the sidebar; a warning when its last export is over 1,5 months old."""
    stand = stand_per_organisatie()
    kandidaten = stand[stand["soort"] == "kandidaten"]
    if kandidaten.empty:
        return
    paren: list[tuple[str, dt.date]] = []
    for rij in kandidaten.itertuples():
        peildatum = rij.laatste_peildatum.date() if hasattr(rij.laatste_peildatum, "date") else rij.laatste_peildatum
        organisatie = markdown_tekst(rij.organisatie)  # a name from a file: text, never a link
        paren.append((organisatie, peildatum))
        if verouderd(peildatum, vandaag):
            st.sidebar.warning(
                f"De laatste export van {organisatie} is van {peildatum:%d-%m-%Y}: ouder dan anderhalve maand."
            )
    st.sidebar.caption("Gegevens tot en met (laatste peildatum):  \n" + "  \n".join(versheidsregels(paren)),
                       help=f"{BEGRIPPEN['peildatum'].label}: {BEGRIPPEN['peildatum'].definitie}")
    if (achter := nog_niet_geleverd()) is not None:
        st.sidebar.info(achterstand_zin(*achter))


MAX_NAMEN = 8  # more organisations on one date are counted, not listed (the national store has about a hundred)


def versheidsregels(paren: list[tuple[str, dt.date]]) -> list[str]:
    """'Werkbedrijf X: 31-10-2026' per (organisation, peildatum); at national scale, where a date has more than
    MAX_NAMEN organisations, '31-10-2026: 104 organisaties', the latest date first."""
    if len(paren) <= MAX_NAMEN:
        return [f"{naam}: {datum:%d-%m-%Y}" for naam, datum in paren]
    per_datum: dict[dt.date, list[str]] = {}
    for naam, datum in paren:
        per_datum.setdefault(datum, []).append(naam)
    regels = []
    for datum in sorted(per_datum, reverse=True):
        namen = per_datum[datum]
        regels.extend([f"{datum:%d-%m-%Y}: {len(namen)} organisaties"] if len(namen) > MAX_NAMEN
                      else [f"{naam}: {datum:%d-%m-%Y}" for naam in namen])
    return regels
