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

STARTPAGINA = "pages/overzicht.py"


def paginas(wie) -> dict[str, list[st.Page]]:
    """The page list for a role: the beheerder also gets the pages that change data or show the log. In the
    presentatiemodus (a projector in a meeting) only the analysis pages, the loaded exports and the definitions:
    no uploading, no log with e-mail addresses, no data quality with its lists per organisation."""
    lijst = {
        "Instroom en resultaten": [
            st.Page(STARTPAGINA, title="Overzicht", icon=":material/dashboard:", default=True),
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


def adressen() -> list[str]:
    """The address of every page of the dashboard (/instroom, /logboek, ...): its file name in pages/."""
    return sorted(p.stem for p in (Path(__file__).parent / "pages").glob("*.py")
                  if p.stem not in ("inloggen", "geen_toegang"))


def alleen(pagina: str) -> list[st.Page]:
    """Logged out (or no access): only this page, also at the address of every page of the dashboard, so a deep
    link (/instroom?gemeenten=...) shows the login and, after it, opens that page with its filters."""
    return [st.Page(pagina, title="Inloggen", default=True),
            *(st.Page(pagina, title="Inloggen", url_path=adres) for adres in adressen())]


def niet_voor_u(verborgen_in_presentatiemodus: bool):
    """A page this role does not get (or not in the presentatiemodus), opened by its address: said in Dutch,
    instead of Streamlit's English "Page not found" over the start page."""

    def pagina() -> None:
        from kader import VERBORGEN_IN_PRESENTATIEMODUS

        st.title("Geen toegang")
        if verborgen_in_presentatiemodus:
            st.info(VERBORGEN_IN_PRESENTATIEMODUS)
        else:
            st.error("U heeft geen toegang tot deze pagina.")

    return pagina


def met_verborgen(wie) -> dict[str, list[st.Page]]:
    """The role's pages, and at every other page address a hidden page that says why it is not there."""
    def adressen_van(kijker_) -> set[str]:
        return {p.url_path for groep in paginas(kijker_).values() for p in groep} | {Path(STARTPAGINA).stem}

    lijst = paginas(wie)
    getoond = adressen_van(wie)
    zonder_presentatie = adressen_van(wie.in_presentatiemodus(False)) if wie.presentatie else getoond
    verborgen = [st.Page(niet_voor_u(adres in zonder_presentatie), title="Geen toegang", url_path=adres,
                         visibility="hidden") for adres in adressen() if adres not in getoond]
    laatste = list(lijst)[-1]
    return {**lijst, laatste: [*lijst[laatste], *verborgen]}


wie = kijker()
pagina_opmaak()
if wie is None:  # deny by default: only the login page, or the no-access page for an unknown address
    pagina = "pages/geen_toegang.py" if ingelogd_email() else "pages/inloggen.py"
    st.navigation(alleen(pagina), position="hidden").run()
else:
    st.navigation(met_verborgen(wie)).run()
