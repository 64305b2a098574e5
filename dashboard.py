"""Entrance of the dashboard: who is looking, and the pages their role may open. Run with `make run`.

The store is DASHBOARD_DB (default: the demo store data/demo.duckdb); the roles file DASHBOARD_TOEGANG.
Each page draws the shared filters (kader.filters), which also stops a page reached without access.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from kader.opmaak import pagina_opmaak
from kader.toegang import ingelogd_email, kijker

st.set_page_config(page_title="Praktijkleren: instroom in de regio", page_icon="📊", layout="wide")


def paginas(wie) -> dict[str, list[st.Page]]:
    """The page list for a role: the beheerder also gets the pages that change data or show the log. In the
    presentatiemodus (a projector in a meeting) only the analysis pages, the loaded exports and the definitions:
    no uploading, no log with e-mail addresses, no data quality with its lists per organisation."""
    lijst = {
        "Instroom en resultaten": [
            st.Page("pages/overzicht.py", title="Overzicht", icon=":material/dashboard:", default=True),
            st.Page("pages/instroom.py", title="Instroom", icon=":material/trending_up:"),
            st.Page("pages/uitval.py", title="Uitval", icon=":material/trending_down:"),
        ],
        "Vraag en sectoren": [
            st.Page("pages/structurele_vraag.py", title="Structurele vraag", icon=":material/work:"),
            st.Page("pages/sectoren.py", title="Sectorvergelijking", icon=":material/compare:"),
            st.Page("pages/verbeteracties.py", title="Verbeteracties", icon=":material/checklist:"),
        ],
        "Rapportage": [
            st.Page("pages/rapportage.py", title="Halfjaarrapportage", icon=":material/description:"),
        ],
        "Gegevens": [
            st.Page("pages/gegevens.py", title="Geladen exports", icon=":material/inventory_2:"),
        ],
        "Uitleg": [
            st.Page("pages/definities.py", title="Definities", icon=":material/menu_book:"),
        ],
    }
    if wie.presentatie:
        return lijst
    lijst["Gegevens"].append(st.Page("pages/kwaliteit.py", title="Datakwaliteit", icon=":material/fact_check:"))
    if wie.mag_uploaden:
        lijst["Gegevens"].insert(1, st.Page("pages/uploaden.py", title="Uploaden", icon=":material/upload_file:"))
    if wie.is_beheerder:
        lijst["Gegevens"].append(st.Page("pages/logboek.py", title="Logboek", icon=":material/history:"))
    return lijst


def alleen(pagina: str) -> list[st.Page]:
    """Logged out (or no access): only this page, also at the address of every page of the dashboard, so a deep
    link (/instroom?gemeenten=...) shows the login and, after it, opens that page with its filters."""
    adressen = sorted(p.stem for p in (Path(__file__).parent / "pages").glob("*.py") if p.stem != Path(pagina).stem)
    return [st.Page(pagina, title="Inloggen", default=True),
            *(st.Page(pagina, title="Inloggen", url_path=adres) for adres in adressen)]


wie = kijker()
pagina_opmaak()
if wie is None:  # deny by default: only the login page, or the no-access page for an unknown address
    pagina = "pages/geen_toegang.py" if ingelogd_email() else "pages/inloggen.py"
    st.navigation(alleen(pagina), position="hidden").run()
else:
    st.navigation(paginas(wie)).run()
