"""Entrance of the dashboard: who is looking, and the pages their role may open. Run with `make run`.

The store is DASHBOARD_DB (default: the demo store data/demo.duckdb); the roles file DASHBOARD_TOEGANG.
Each page draws the shared filters (kader.filters), which also stops a page reached without access.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import streamlit as st

from basis.instellingen import db_pad
from basis.opslag import leessessie
from kader.nederlands import NIET_GEVONDEN, niet_gevonden, onbekend_adres
from kader.opmaak import pagina_opmaak
from kader.toegang import ingelogd_email, kijker
from toegang import beleid

# The tab's icon a file of our own: an emoji makes Streamlit load and compile its whole emoji catalogue in every fresh
# process (0,15-1,5 s of the first run), and a Material icon is fetched from Google's servers by the browser.
st.set_page_config(page_title="Praktijkleren: instroom in de regio", page_icon=str(Path(__file__).parent / "kader" /
                   "icoon.svg"), layout="wide")

STARTPAGINA = "pages/overzicht.py"


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


def adressen() -> list[str]:
    """The address of every page of the dashboard (/instroom, /logboek, ...): its file name in pages/."""
    return sorted(p.stem for p in (Path(__file__).parent / "pages").glob("*.py")
                  if p.stem not in ("inloggen", "geen_toegang"))


def alleen(pagina: str) -> list[st.Page]:
    """Logged out (or no access): only this page, also at the address of every page of the dashboard, so a deep
    link (/instroom?gemeenten=...) shows the login and, after it, opens that page with its filters."""
    return [st.Page(pagina, title="Inloggen", default=True),
            *(st.Page(pagina, title="Inloggen", url_path=adres)
              for adres in [*adressen(), *onbekend_adres(adressen())])]


def niet_voor_u(titel: str, uitleg: str | None):
    """A page this role does not get (or not in the presentatiemodus, or not in the demo), opened by its address: said
    in Dutch, instead of Streamlit's English "Page not found" over the start page; `uitleg`: why, where it is only
    hidden for now or in the demo."""

    def pagina() -> None:
        st.title(titel)
        if uitleg:
            st.info(uitleg)
        else:
            st.error("U heeft geen toegang tot deze pagina.")

    return pagina


def waarom_verborgen(wie, adres: str, zonder_presentatie: set[str], zonder_demo: set[str]) -> tuple[str, str | None]:
    """Title and reason for a page of the dashboard that is not in this viewer's list: the presentatiemodus hides it,
    the demo does not have it, or (no reason) the role does not get it."""
    from kader import NIET_IN_DE_DEMO, VERBORGEN_IN_PRESENTATIEMODUS

    if adres in zonder_presentatie:
        return "Geen toegang", VERBORGEN_IN_PRESENTATIEMODUS
    if wie.demo and adres in zonder_demo:
        return "Niet in de demo", NIET_IN_DE_DEMO
    return "Geen toegang", None


def met_verborgen(wie) -> dict[str, list[st.Page]]:
    """The role's pages, and at every other page address a hidden page that says why it is not there."""
    def adressen_van(kijker_) -> set[str]:
        return {p.url_path for groep in paginas(kijker_).values() for p in groep} | {Path(STARTPAGINA).stem}

    lijst = paginas(wie)
    getoond = adressen_van(wie)
    zonder_presentatie = adressen_van(wie.in_presentatiemodus(False)) if wie.presentatie else getoond
    zonder_demo = adressen_van(replace(wie, demo=False, presentatie=False)) if wie.demo else getoond
    verborgen = []
    for adres in adressen():
        if adres not in getoond:
            titel, uitleg = waarom_verborgen(wie, adres, zonder_presentatie, zonder_demo)
            verborgen.append(st.Page(niet_voor_u(titel, uitleg), title=titel, url_path=adres, visibility="hidden"))
    verborgen += [st.Page(niet_gevonden, title=NIET_GEVONDEN, url_path=adres, visibility="hidden")
                  for adres in onbekend_adres(adressen())]  # a mistyped address: said in Dutch
    laatste = list(lijst)[-1]
    return {**lijst, laatste: [*lijst[laatste], *verborgen]}


with leessessie(db_pad()):  # one reader per run: the run's questions share one read connection (basis.opslag)
    wie = kijker()
    pagina_opmaak()
    if wie is None:  # deny by default: only the login page, or the no-access page for an unknown address
        pagina = "pages/geen_toegang.py" if ingelogd_email() else "pages/inloggen.py"
        st.navigation(alleen(pagina), position="hidden").run()
    else:
        # expanded: every page of the role in the sidebar; collapsed, Streamlit folds the beheerder's 13 pages to 10
        # and an English "View 3 more" that hides Datakwaliteit, Logboek and Definities
        st.navigation(met_verborgen(wie), expanded=True).run()
