"""End to end in a real browser (Debian's headless Chromium against `python -m kader.start` on a copy of the demo
store): every page of every role renders with no error box, no traceback, no browser console error and none of
Streamlit's English that we replaced; a filter changes the numbers and a link with the choices in it brings them
back; a good and a bad file go through the real file dialog of Uploaden; a table downloads as Excel.

One browser and two servers per module (the roles: a roles file with local accounts; the demo: the store without
one), one logged-in context per role. A screenshot of every page per role goes to TEST_UITVOER (default
tests/uitvoer/, not in git), on every run.
"""

from __future__ import annotations

import ast
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import openpyxl
import pytest

from tests.browser import BROWSERTEST, ROLLEN, chromium_browser, dashboard_met_rollen
from tests.conftest import ROOT, rijen
from toegang import beleid
from toegang.kijker import Kijker

pytestmark = BROWSERTEST

# Streamlit's English (and an English error of ours) that must not be on screen: whole words, so "Uploaden" is no
# "Upload". "Page not found" etc. would come from Streamlit itself; "Traceback"/"Error" from an exception.
ENGELS = [re.compile(rf"\b{re.escape(woorden)}\b") for woorden in (
    "Browse files", "Drag and drop", "per file", "Upload", "Select all", "Page not found", "Download as CSV",
    "Running...", "Choose an option", "No results", "No options", "View more", "View less", "Deploy", "Rerun",
    "Traceback", "Error", "Exception", "Search", "Clear all")]

# The page titles in dashboard.py's PAGINAS (read, not imported: importing would run the entrance).
_BRON = ast.parse((ROOT / "dashboard.py").read_text())
PAGINAS: dict[str, tuple[str, str, str, str]] = next(
    ast.literal_eval(n.value) for n in _BRON.body
    if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", None) == "PAGINAS")


def kijker(rol: str) -> Kijker:
    """The viewer tools.projector logs in as for this role."""
    from tools.projector import GEBRUIKERS

    if rol == "demo":
        return Kijker("demo", "beheerder", demo=True)
    email = GEBRUIKERS[rol][0]
    return Kijker(email, rol, gemeenten=("GM0296",) if rol == "gemeente" else (),
                  organisaties=("Werkbedrijf Waalstad",) if rol == "organisatie" else ())


def verwachte_paginas(rol: str) -> list[tuple[str, str]]:
    """(address, title) of every page the access policy gives this role, in the sidebar's order."""
    return [(sleutel, PAGINAS[sleutel][1]) for sleutel in beleid.paginas(kijker(rol))]


# --- the module's browser, servers and logged-in tabs ----------------------------------------------------------


@dataclass
class Sessie:
    url: str
    pagina: object
    fouten: list[str] = field(default_factory=list)  # console errors and uncaught exceptions since the last look


@pytest.fixture(scope="module")
def uitvoer() -> Path:
    map_ = Path(os.environ.get("TEST_UITVOER") or ROOT / "tests" / "uitvoer") / "e2e"
    map_.mkdir(parents=True, exist_ok=True)
    return map_


@pytest.fixture(scope="module")
def servers(demo_opslag, tmp_path_factory):
    """URL per kind: "rollen" (roles file and local accounts) and "demo", and the store copy of "rollen"."""
    map_ = tmp_path_factory.mktemp("e2e")
    with (dashboard_met_rollen(demo_opslag, map_ / "rollen") as rollen,
          dashboard_met_rollen(demo_opslag, map_ / "demo", False) as demo):
        yield {"rollen": rollen, "demo": demo, "opslag": map_ / "rollen" / "opslag.duckdb"}


@pytest.fixture(scope="module")
def browser():
    with chromium_browser() as b:
        yield b


@pytest.fixture(scope="module")
def sessies(servers, browser):
    """A logged-in tab per role, made when first asked for: one context per role for the whole module."""
    from tools.projector import inloggen

    open_: dict[str, Sessie] = {}
    contexten = []

    def sessie(rol: str) -> Sessie:
        if rol not in open_:
            context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="nl-NL",
                                          accept_downloads=True)
            contexten.append(context)
            url = servers["demo" if rol == "demo" else "rollen"]
            open_[rol] = nieuw = Sessie(url, context.new_page())
            volgen(nieuw, nieuw.pagina)
            inloggen(nieuw.pagina, url, rol)
        return open_[rol]

    yield sessie
    for context in contexten:
        context.close()


# A link to a page (/instroom?...) opened directly: Streamlit's frontend first looks for its server under the
# page's path (/instroom/_stcore/health, .../host-config), gets a 404 and then finds it at the root. Its own probe,
# for every deep link; any other failed load is an error.
SONDE = re.compile(r"/[^/]+/_stcore/(health|host-config)$")


def volgen(sessie: Sessie, pagina) -> None:
    """Collect the browser's console errors and uncaught exceptions of this tab."""
    def console(bericht) -> None:
        if bericht.type == "error" and not SONDE.search(urlsplit(bericht.location.get("url", "")).path):
            sessie.fouten.append(f"console: {bericht.text} ({bericht.location.get('url', '')})")

    pagina.on("console", console)
    pagina.on("pageerror", lambda e: sessie.fouten.append(f"pageerror: {e}"))
    RUNS[pagina] = 0
    pagina.on("websocket", lambda ws: ws.on("framereceived", lambda data: run_af(pagina, data)))


# Script runs finished per tab, counted from Streamlit's own messages on the websocket: the page shows its
# running indicator only after half a second, so its absence does not say that a run is over.
RUNS: dict[object, int] = {}


def run_af(pagina, data: bytes | str) -> None:
    from google.protobuf.message import DecodeError
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    if isinstance(data, str):
        return
    bericht = ForwardMsg()
    try:
        bericht.ParseFromString(data)
    except DecodeError:
        return
    if bericht.WhichOneof("type") == "script_finished" and bericht.script_finished in (
            ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR):
        RUNS[pagina] += 1


def na_run(pagina, actie, titel: str | None = None, timeout: float = 90) -> None:
    """Do `actie` (a click that makes Streamlit run the page) and wait until that run is over and drawn."""
    voor = RUNS[pagina]
    actie()
    tot = time.monotonic() + timeout
    while RUNS[pagina] == voor:
        assert time.monotonic() < tot, "Streamlit liep niet af"
        pagina.wait_for_timeout(50)  # lets Playwright deliver the websocket's messages
    klaar(pagina, titel)


# --- waiting and looking ---------------------------------------------------------------------------------------

KLAAR_JS = """
titel => {
  const h1 = document.querySelector('[data-testid="stMain"] h1');
  // a page that broke before its title is done too: the error box is what the test then reports
  return (!titel || (h1 && h1.textContent.trim().startsWith(titel))
          || document.querySelector('[data-testid="stException"]'))
    && !document.querySelector('[data-testid="stStatusWidget"]')
    && !document.querySelector('[data-testid="stSkeleton"]')
    && !document.querySelector('[data-stale="true"]');
}
"""


def klaar(pagina, titel: str | None = None, timeout: int = 90_000) -> None:
    """Wait until Streamlit has run the page to its end: its title shown, no running indicator, no skeleton and no
    stale element; then until plotly has drawn every chart (it draws after Streamlit is done)."""
    pagina.wait_for_function(KLAAR_JS, arg=titel, timeout=timeout, polling=100)
    pagina.wait_for_function(
        "Array.from(document.querySelectorAll('[data-testid=\"stPlotlyChart\"]'))"
        ".every(g => g.querySelector('.main-svg'))", timeout=30_000)


KOPPEN = {"Uploaden": "Exports uploaden"}  # a page whose heading is not its name in the sidebar


def naar(pagina, titel: str) -> None:
    """Open a page as a user does: its link in the sidebar (on that page already: it is looked at as it is)."""
    kop = pagina.locator('[data-testid="stMain"] h1').first
    if kop.count() and kop.inner_text().strip().startswith(KOPPEN.get(titel, titel)):
        return klaar(pagina, KOPPEN.get(titel, titel))
    na_run(pagina, pagina.get_by_test_id("stSidebarNav").get_by_role("link", name=titel, exact=True).click,
           KOPPEN.get(titel, titel))


def zijbalk_paginas(pagina) -> list[str]:
    return [t.strip().splitlines()[-1].strip() for t in pagina.get_by_test_id("stSidebarNavLink").all_inner_texts()]


FOUTVAKKEN_JS = """
() => Array.from(document.querySelectorAll('[data-testid="stException"], [data-testid="stAlertContentError"]'))
  .map(e => (e.textContent || '').trim().slice(0, 300))
"""


def problemen(sessie: Sessie, verwachte_fouten: tuple[str, ...] = ()) -> list[str]:
    """What is wrong on the page now: error boxes (other than expected ones), English on screen, console errors
    since the last look (then forgotten)."""
    pagina = sessie.pagina
    gevonden = [f"foutvak: {t}" for t in pagina.evaluate(FOUTVAKKEN_JS) if not t.startswith(verwachte_fouten)]
    tekst = pagina.get_by_test_id("stApp").inner_text()
    gevonden += [f"Engels op het scherm: '{m.group(0)}' in '…{tekst[max(0, m.start() - 40):m.end() + 40]}…'"
                 for patroon in ENGELS for m in [patroon.search(tekst)] if m]
    gevonden += sessie.fouten
    sessie.fouten.clear()
    return gevonden


def schermafdruk(pagina, png: Path) -> None:
    """The whole page: the main area scrolls inside the window, so the window is made as tall as the page first."""
    hoogte = pagina.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    pagina.set_viewport_size({"width": 1400, "height": max(900, min(int(hoogte) + 40, 12_000))})
    pagina.screenshot(path=str(png), full_page=True)
    pagina.set_viewport_size({"width": 1400, "height": 900})


# --- every page of every role ----------------------------------------------------------------------------------


AFGEROND = {"organisatie", "gemeente", "regio"}  # the roles that see numbers over others rounded


@pytest.mark.parametrize("rol", ROLLEN)
def test_every_page_of_the_role_renders_in_dutch_without_an_error(rol, sessies, uitvoer):
    sessie = sessies(rol)
    pagina = sessie.pagina
    verwacht = verwachte_paginas(rol)
    assert zijbalk_paginas(pagina) == [titel for _, titel in verwacht]
    assert problemen(sessie) == []  # the login and the first page
    # the role applies, said in the sidebar: rounded numbers for every role but the beheerder's (the demo is one),
    # written out here rather than asked of toegang.beleid, so that a wrong policy cannot also move the expectation
    zijbalk = pagina.get_by_test_id("stSidebar").inner_text()
    assert ("Aantallen over mensen zijn afgerond op 5-tallen" in zijbalk) == (rol in AFGEROND), zijbalk[-600:]
    gevonden = {}
    for adres, titel in verwacht:
        naar(pagina, titel)
        assert urlsplit(pagina.url).path == ("/" if adres == "overzicht" else f"/{adres}")
        if fout := problemen(sessie):
            gevonden[titel] = fout
        schermafdruk(pagina, uitvoer / f"{rol}_{adres}.png")
    assert gevonden == {}


# --- Streamlit's own English, replaced ---------------------------------------------------------------------------


def test_a_mistyped_address_says_so_in_dutch(sessies, servers):
    sessie = sessies("gemeente")
    pagina = sessie.pagina
    na_run(pagina, lambda: pagina.goto(f"{sessie.url}/instroomm"), "Pagina niet gevonden")
    assert pagina.get_by_text("Op dit adres staat geen pagina van het dashboard. Kies een pagina in de zijbalk.")\
        .is_visible()
    assert not pagina.get_by_text("Page not found").count()
    assert "Instroom" in zijbalk_paginas(pagina)  # the role's pages, still there
    assert problemen(sessie) == []
    naar(pagina, "Overzicht")


def test_the_demo_says_why_it_has_no_upload_page(sessies, uitvoer):
    # the one page the demo lacks against a beheerder, so the one the sentence below is about
    assert set(beleid.paginas(kijker("beheerder"))) - set(beleid.paginas(kijker("demo"))) == {"uploaden"}
    sessie = sessies("demo")
    pagina = sessie.pagina
    na_run(pagina, lambda: pagina.goto(f"{sessie.url}/uploaden"), "Niet in de demo")
    assert pagina.get_by_text("Deze pagina is er niet in de demo: de gegevens van de demo zijn verzonnen en blijven "
                              "dat, dus exports laden kan hier niet.", exact=False).is_visible()
    assert not pagina.get_by_text("U heeft geen toegang tot deze pagina.").count()
    assert problemen(sessie) == []
    schermafdruk(pagina, uitvoer / "demo_uploaden_niet_in_de_demo.png")
    naar(pagina, "Overzicht")


def test_the_tables_have_no_csv_download_of_their_own(sessies):
    sessie = sessies("beheerder")
    pagina = sessie.pagina
    naar(pagina, "Geladen exports")
    tabel = pagina.get_by_test_id("stDataFrame").first
    tabel.hover()
    werkbalk = pagina.get_by_test_id("stElementToolbar").first
    werkbalk.wait_for(state="visible")
    knoppen = [k.get_attribute("aria-label") for k in werkbalk.get_by_test_id("stBaseButton-elementToolbar").all()]
    assert knoppen and "Download as CSV" not in knoppen
    naar(pagina, "Overzicht")


# --- filters and links -------------------------------------------------------------------------------------------


def tegels(pagina) -> dict[str, str]:
    """Label → value of every tile (st.metric) on the page."""
    return dict(zip(pagina.get_by_test_id("stMetricLabel").all_inner_texts(),
                    pagina.get_by_test_id("stMetricValue").all_inner_texts(), strict=True))


def open_lijst(pagina, veld):
    """Open the dropdown of a select box; its list. A click can land while Streamlit redraws the sidebar (the list
    then closes again): tried a few times."""
    from playwright.sync_api import TimeoutError as Verlopen

    lijst = pagina.get_by_role("listbox")
    for _ in range(5):
        veld.click()
        try:
            lijst.wait_for(timeout=3000)
            return lijst
        except Verlopen:
            pagina.keyboard.press("Escape")
    raise AssertionError("de keuzelijst ging niet open")


def kies(pagina, veld, optie: str, titel: str):
    """Choose `optie` in the dropdown of `veld` as a user does, and wait for the run it starts; the open list of
    the dropdown. The list can close again between opening and clicking (a redraw of the sidebar; a full run failed
    on it once): then the page is let finish and it is opened again."""
    from playwright.sync_api import TimeoutError as Verlopen

    for _ in range(5):
        klaar(pagina, titel)
        lijst = open_lijst(pagina, veld)
        keuze = lijst.get_by_role("option", name=optie, exact=True)
        try:
            keuze.wait_for(timeout=3000)
            na_run(pagina, lambda k=keuze: k.click(timeout=3000), titel)
            return lijst
        except Verlopen:
            pagina.keyboard.press("Escape")
    raise AssertionError(f"'{optie}' was niet te kiezen")


def test_a_filter_changes_the_numbers_and_its_link_brings_them_back(sessies, browser):
    sessie = sessies("beheerder")
    pagina = sessie.pagina
    naar(pagina, "Instroom")
    naar(pagina, "Overzicht")
    voor = tegels(pagina)
    zijbalk = pagina.get_by_test_id("stSidebar")

    kies(pagina, zijbalk.get_by_test_id("stSelectbox").filter(has_text="Periode"), "Vorig jaar", "Overzicht")
    na_periode = tegels(pagina)
    assert na_periode["Instroom"] != voor["Instroom"]

    gemeente = zijbalk.get_by_test_id("stMultiSelect").filter(has_text="Gemeente")
    lijst = open_lijst(pagina, gemeente)
    assert "Wijchen" in lijst.inner_text() and "Select all" not in lijst.inner_text()  # no English "Select all"
    pagina.keyboard.press("Escape")
    kies(pagina, gemeente, "Wijchen", "Overzicht")
    pagina.keyboard.press("Escape")
    na_gemeente = tegels(pagina)
    assert na_gemeente["Instroom"] != na_periode["Instroom"]
    assert problemen(sessie) == []

    link = pagina.url
    keuzes = parse_qs(urlsplit(link).query)
    assert keuzes["periode"] == ["Vorig jaar"] and keuzes["gemeenten"] == ["GM0296"]
    nieuw = pagina.context.new_page()  # the same browser (logged in), a fresh Streamlit session from the link alone
    volgen(sessie, nieuw)
    na_run(nieuw, lambda: nieuw.goto(link), "Overzicht")
    assert tegels(nieuw) == na_gemeente
    assert problemen(Sessie(sessie.url, nieuw, sessie.fouten)) == []
    nieuw.close()


# --- Uploaden: the real file dialog ------------------------------------------------------------------------------


def test_a_good_and_a_bad_file_through_the_file_dialog(sessies, demo_opslag, tmp_path):
    sessie = sessies("beheerder")
    pagina = sessie.pagina
    naar(pagina, "Uploaden")
    zone = pagina.get_by_test_id("stFileUploaderDropzone")
    knop = zone.locator("button span[data-has-shortcut]")
    assert knop.evaluate("e => getComputedStyle(e, '::after').content") == '"Bestanden kiezen"'
    assert not knop.get_by_text("Upload", exact=True).is_visible()
    uitleg = pagina.get_by_test_id("stFileUploaderDropzoneInstructions")
    assert uitleg.evaluate("e => getComputedStyle(e.firstElementChild, '::after').content") == (
        '"Hoogstens 50 MB per bestand"')
    assert "per file" not in uitleg.inner_text()
    sleep = pagina.evaluate_handle("() => { const d = new DataTransfer(); "
                                   "d.items.add(new File(['x'], 'a.csv', {type: 'text/csv'})); return d; }")
    zone.dispatch_event("dragenter", {"dataTransfer": sleep})  # a file dragged over the drop zone
    laat_los = zone.locator(":scope > div:not([data-testid])")
    laat_los.wait_for()
    assert laat_los.evaluate("e => getComputedStyle(e, '::after').content") == '"Laat de bestanden hier los"'
    assert "Drag and drop" not in zone.inner_text()
    zone.dispatch_event("dragleave", {"dataTransfer": sleep})

    _, exports = demo_opslag
    goed = sorted(exports.glob("werkbedrijf-waalstad/kandidaten_*.xlsx"))[-1]  # its latest export
    fout = tmp_path / f"{goed.stem}_verkeerde_kop.xlsx"  # the same export with one header renamed
    boek = openpyxl.load_workbook(goed)
    kop = next(c for rij in boek.active.iter_rows() for c in rij if c.value == "Startdatum")
    kop.value = "Datum X"
    boek.save(fout)
    with pagina.expect_file_chooser() as keuze:
        zone.locator("button").click()  # the real file dialog, as a user opens it
    na_run(pagina, lambda: keuze.value.set_files([str(goed), str(fout)]), KOPPEN["Uploaden"], timeout=180)
    vakken = {naam: pagina.get_by_test_id("stVerticalBlock").filter(
        has=pagina.get_by_role("heading", name=naam)).last.inner_text() for naam in (goed.name, fout.name)}
    assert f"{goed.name} is gecontroleerd" in vakken[goed.name]  # checked: the demo loaded it, so nothing changes
    assert re.search(r"Dit bestand is al geladen als upload \d+ \(kandidaten, Werkbedrijf Waalstad, peildatum "
                     r"31-10-2026\)\. Er is niets veranderd\.", vakken[goed.name])
    assert "Dit bestand kan zo niet worden geladen:\n\nVerplichte kolom ontbreekt: Startdatum (ook goed: Begindatum, " \
        "Datum start, Instroomdatum, Start traject). Voeg de kolom toe of gebruik het sjabloon." in vakken[fout.name]
    assert problemen(sessie, verwachte_fouten=("Dit bestand kan zo niet worden geladen",)) == []
    naar(pagina, "Overzicht")


# --- a table as Excel --------------------------------------------------------------------------------------------


def test_a_table_downloads_as_excel_and_opens(sessies, servers, tmp_path):
    sessie = sessies("beheerder")
    pagina = sessie.pagina
    naar(pagina, "Overzicht")  # its table per gemeente
    with pagina.expect_download() as download:
        pagina.get_by_test_id("stDownloadButton").filter(has_text="Download Excel").first.click()
    bestand = tmp_path / download.value.suggested_filename
    download.value.save_as(bestand)
    assert bestand.suffix == ".xlsx"
    boek = openpyxl.load_workbook(bestand, read_only=True)
    assert boek.sheetnames == ["Toelichting", "Gegevens"]
    kop, *gemeenten = boek["Gegevens"].iter_rows(values_only=True)
    assert kop[:2] == ("Gemeente", "Instroom") and "Wijchen" in [r[0] for r in gemeenten]
    assert rijen(servers["opslag"], "SELECT wie, wat FROM audit WHERE actie = 'download'") == [
        ("beheer@projector.example", bestand.name)]
    assert problemen(sessie) == []
