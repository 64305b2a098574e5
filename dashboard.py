"""Entrance of the dashboard: for now, what the store holds per organisation.

Run with `make run`. The store is DASHBOARD_DB (default: the demo store data/demo.duckdb).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.opslag import db_pad
from analytics.stand import SOORT_LABELS, stand_per_organisatie, verouderd
from pipelines.meldingen import OpslagBezet

st.set_page_config(page_title="Praktijkleren: instroom in de regio", page_icon="📊", layout="wide")

st.title("Praktijkleren met de praktijkverklaring")
st.caption(
    "Instroom, uitval en werkgeversvraag in de regio, uit de maandelijkse exports van de SW-bedrijven en het WSP."
)

st.header("Welke gegevens zijn geladen")
try:
    stand = stand_per_organisatie()
except FileNotFoundError:
    st.info(
        f"Er zijn nog geen gegevens geladen ({db_pad()} bestaat niet). Laad exports met "
        "`python -m pipelines ingest --db PAD BESTAND` of start met `make run` voor de demo."
    )
    st.stop()
except OpslagBezet as fout:
    st.warning(str(fout))
    st.stop()

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
        "Laatst geladen op": pd.to_datetime(stand["laatst_geladen"]).dt.strftime("%d-%m-%Y %H:%M"),
    }
)
st.dataframe(tabel, hide_index=True, width="stretch")

oud = stand[(stand["soort"] == "kandidaten") & stand["laatste_peildatum"].map(verouderd)]
for _, rij in oud.iterrows():
    st.warning(
        f"De laatste kandidatenexport van {rij['organisatie']} is van "
        f"{rij['laatste_peildatum'].strftime('%d-%m-%Y')}: ouder dan anderhalve maand."
    )
