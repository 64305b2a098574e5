"""Entrance of the dashboard: who is looking, and the pages their role may open. Run with `make run`.

The store is DASHBOARD_DB (default: the demo store data/demo.duckdb); the roles file DASHBOARD_TOEGANG.
Each page draws the shared filters (kader.filters), which also stops a page reached without access.
"""

from __future__ import annotations

import streamlit as st

from kader.opmaak import pagina_opmaak
from kader.toegang import ingelogd_email, kijker
from toegang import beleid

st.set_page_config(page_title="Praktijkleren: instroom in de regio", page_icon="📊", layout="wide")


# Every page: file, title, icon, group. Which of them someone may open is toegang.beleid's to say.
PAGINAS = {
    "overzicht": ("pages/overzicht.py", "Overzicht", ":material/dashboard:", "Instroom en resultaten"),
    "instroom": ("pages/instroom.py", "Instroom", ":material/trending_up:", "Instroom en resultaten"),
    "uitval": ("pages/uitval.py", "Uitval", ":material/trending_down:", "Instroom en resultaten"),
    "resultaten": ("pages/resultaten.py", "Van instroom naar werk", ":material/conversion_path:",
                   "Instroom en resultaten"),
    "opvolging": ("pages/opvolging.py", "Opvolging", ":material/person_search:", "Instroom en resultaten"),
    "structurele_vraag": ("pages/structurele_vraag.py", "Structurele vraag", ":material/work:", "Vraag en sectoren"),
    "sectoren": ("pages/sectoren.py", "Sectorvergelijking", ":material/compare:", "Vraag en sectoren"),
    "verbeteracties": ("pages/verbeteracties.py", "Verbeteracties", ":material/checklist:", "Vraag en sectoren"),
    "rapportage": ("pages/rapportage.py", "Halfjaarrapportage", ":material/description:", "Rapportage"),
    "gegevens": ("pages/gegevens.py", "Geladen exports", ":material/inventory_2:", "Gegevens"),
    "uploaden": ("pages/uploaden.py", "Uploaden", ":material/upload_file:", "Gegevens"),
    "kwaliteit": ("pages/kwaliteit.py", "Datakwaliteit", ":material/fact_check:", "Gegevens"),
    "logboek": ("pages/logboek.py", "Logboek", ":material/history:", "Gegevens"),
    "definities": ("pages/definities.py", "Definities", ":material/menu_book:", "Uitleg"),
}


def paginas(wie) -> dict[str, list[st.Page]]:
    """The page list of this viewer, grouped as the sidebar shows it: only the pages the access policy allows."""
    lijst: dict[str, list[st.Page]] = {}
    for sleutel in beleid.paginas(wie):
        bestand, titel, icoon, groep = PAGINAS[sleutel]
        lijst.setdefault(groep, []).append(st.Page(bestand, title=titel, icon=icoon, default=sleutel == "overzicht"))
    return lijst


wie = kijker()
pagina_opmaak()
if wie is None:  # deny by default: only the login page, or the no-access page for an unknown address
    pagina = "pages/geen_toegang.py" if ingelogd_email() else "pages/inloggen.py"
    st.navigation([st.Page(pagina, title="Inloggen", default=True)], position="hidden").run()
else:
    st.navigation(paginas(wie)).run()
