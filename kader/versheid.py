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
    regels = []
    for rij in kandidaten.itertuples():
        peildatum = rij.laatste_peildatum.date() if hasattr(rij.laatste_peildatum, "date") else rij.laatste_peildatum
        organisatie = markdown_tekst(rij.organisatie)  # a name from a file: text, never a link
        regels.append(f"{organisatie}: {peildatum:%d-%m-%Y}")
        if verouderd(peildatum, vandaag):
            st.sidebar.warning(
                f"De laatste export van {organisatie} is van {peildatum:%d-%m-%Y}: ouder dan anderhalve maand."
            )
    st.sidebar.caption("Gegevens tot en met (laatste peildatum):  \n" + "  \n".join(regels),
                       help=f"{BEGRIPPEN['peildatum'].label}: {BEGRIPPEN['peildatum'].definitie}")
    if (achter := nog_niet_geleverd()) is not None:
        st.sidebar.info(achterstand_zin(*achter))
