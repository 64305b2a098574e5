"""Which exports are loaded, per organisation, up to which peildatum."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.stand import SOORT_LABELS, stand_per_organisatie, verouderd
from kader import opslag_of_uitleg, toegang_vereist
from weergave import formaat, kolommen
from weergave.tekst import markdown_tekst

st.title("Geladen exports")
toegang_vereist()
st.caption("Per organisatie en soort export: tot en met welke peildatum de gegevens in het dashboard staan.")

with opslag_of_uitleg():
    stand = stand_per_organisatie()
if stand.empty:
    st.info("De opslag is leeg: er is nog geen export geladen.")
    st.stop()

stand["laatste_peildatum"] = pd.to_datetime(stand["laatste_peildatum"]).dt.date
tabel = pd.DataFrame(
    {
        "Organisatie": stand["organisatie"],
        "Soort export": stand["soort"].map(SOORT_LABELS),
        "Geladen tot en met peildatum": stand["laatste_peildatum"].map(lambda d: d.strftime("%d-%m-%Y")),
        "Aantal uploads": stand["uploads"],
        "Laatst geladen op": formaat.tijdstippen(stand["laatst_geladen"]),
    }
)
st.dataframe(tabel, hide_index=True, width="stretch", column_config=kolommen.instellingen(tabel, {
    "Geladen tot en met peildatum": st.column_config.TextColumn("Peildatum", help="Geladen tot en met deze peildatum."),
    "Aantal uploads": st.column_config.NumberColumn("Uploads", help="Aantal geladen uploads."),
}))

oud = stand[(stand["soort"] == "kandidaten") & stand["laatste_peildatum"].map(verouderd)]
for _, rij in oud.iterrows():
    st.warning(
        f"De laatste kandidatenexport van {markdown_tekst(rij['organisatie'])} is van "
        f"{rij['laatste_peildatum'].strftime('%d-%m-%Y')}: ouder dan anderhalve maand."
    )
