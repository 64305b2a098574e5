"""How fresh the data is: the latest peildatum per organisation, and who is behind."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from analytics.stand import stand_per_organisatie, verouderd
from weergave.tekst import markdown_tekst


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
    st.sidebar.caption("Gegevens tot en met (laatste peildatum):  \n" + "  \n".join(regels))
