"""Entrance of the dashboard: the page list. Each page draws the shared filters (kader.filters). Run with `make run`.

The store is DASHBOARD_DB (default: the demo store data/demo.duckdb).
"""

from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="Praktijkleren: instroom in de regio", page_icon="📊", layout="wide")

PAGINAS = {
    "Instroom en resultaten": [
        st.Page("pages/overzicht.py", title="Overzicht", icon=":material/dashboard:", default=True),
        st.Page("pages/instroom.py", title="Instroom", icon=":material/trending_up:"),
        st.Page("pages/uitval.py", title="Uitval", icon=":material/trending_down:"),
    ],
    "Vraag en sectoren": [
        st.Page("pages/structurele_vraag.py", title="Structurele vraag", icon=":material/work:"),
        st.Page("pages/sectoren.py", title="Sectorvergelijking", icon=":material/compare:"),
    ],
    "Gegevens": [
        st.Page("pages/gegevens.py", title="Geladen exports", icon=":material/inventory_2:"),
        st.Page("pages/uploaden.py", title="Uploaden", icon=":material/upload_file:"),
        st.Page("pages/kwaliteit.py", title="Datakwaliteit", icon=":material/fact_check:"),
    ],
    "Uitleg": [
        st.Page("pages/definities.py", title="Definities", icon=":material/menu_book:"),
    ],
}

st.navigation(PAGINAS).run()
