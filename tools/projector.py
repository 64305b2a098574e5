"""Every page on the projector widths, measured in headless Chromium: what the consortium sees on the beamer.

    .venv/bin/python tools/projector.py [--db data/demo.duckdb] [--map /tmp/projector] [--breedtes 1024x768,1280x800]
        [--rollen beheerder,organisatie,gemeente,regio,presentatie,demo] [--pagina Overzicht ...] [--print]

Starts the dashboard on a free localhost port on a COPY of the store (logins are written to the audit log) with a
temporary roles file and local accounts for a beheerder, an organisatie (Werkbedrijf Waalstad), a gemeente
(Wijchen) and the regio; "presentatie" is the beheerder with the presentatiemodus on, "demo" the store without a
roles file (only for the demo store). Logs in
through the login page, opens every page the role sees (by clicking the sidebar, as a user does) at each width,
waits until Streamlit has finished, opens the expanders, and measures in the DOM:

- charts: the boxes of titles, subplot titles, legend entries, notes, axis titles and tick labels and value labels
  of one chart do not overlap, and none sticks out of the chart;
- tiles (st.metric): label, value and change are not cut off (no ellipsis);
- tables (st.dataframe): the key columns of the page (SLEUTELKOLOMMEN) are visible without scrolling sideways,
  found by moving the cell cursor into the column and seeing whether the grid has to scroll;
- no error box or exception, and no page wider than the window.

With --print: the analysis pages as beheerder and regio at 1280x800 to A4 landscape PDFs (page.pdf), a screenshot of
the print layout (emulated print media at the printable width), and the checks that the sidebar is not printed, the
print summary line is, and no chart is wider than the printable area.

Prints a table of failures and a pass/fail grid; exit status 1 when any check fails. Screenshots: <map>/*.png.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.screenshot import CHROMIUM_ARGS, dashboard_server, klaar  # noqa: E402

WACHTWOORD = "projector-wachtwoord"  # local accounts made for this check only, in its own folder
GEBRUIKERS = {
    "beheerder": ("beheer@projector.example", 'rol = "beheerder"'),
    "gemeente": ("a.jansen@wijchen.example", 'rol = "gemeente"\ngemeenten = ["GM0296"]'),
    "regio": ("consortium@regio.example", 'rol = "regio"'),
    "organisatie": ("p.devries@waalstad.example", 'rol = "organisatie"\norganisaties = ["Werkbedrijf Waalstad"]'),
}
ROLLEN = ("beheerder", "organisatie", "gemeente", "regio", "presentatie", "demo")
ANALYSE = ("Overzicht", "Instroom", "Uitval", "Van instroom naar werk", "Structurele vraag", "Sectorvergelijking")
# Per page: the columns that must be visible without scrolling sideways (a header that starts with one of these).
SLEUTELKOLOMMEN = {  # the header as shown (the label of st.column_config); "*" at the end: any header starting so
    "Overzicht": ("Gemeente", "Instroom", "Lopend", "Uitval 12 mnd", "Praktijkverkl.", "Naar werk"),
    "Instroom": ("Periode", "Gemeente", "Stand", "Instroom", "Instroom t/m*", "Afspraak naar rato"),
    "Uitval": ("Startkwartaal", "Startjaar", "Groep", "Trajecten", "Instroom", "Uitval 3 mnd (%)", "Uitval 6 mnd (%)",
               "Uitval 12 mnd (%)", "Reden", "Deel van de uitval (%)", "Werkgever", "Praktijkopleider", "Uitval (%)"),
    "Van instroom naar werk": ("Startjaar", "Gestart", "Lopend", "Uitval", "Praktijkverkl.", "→ Betaald werk",
                               "Werk na PV", "Stroom", "Lopend %", "Uitval %", "Praktijkverkl. %", "Werk na PV %"),
    "Structurele vraag": ("Beroep", "Werkgever", "Per maand", "Maanden (van 12)", "Vraag per maand",
                          "Instroom per maand"),
    "Sectorvergelijking": ("Sector", "Instroom", "Lopend aan eind", "Praktijkverkl.", "Uitstroom naar werk",
                           "Naar werk (%)", "Uitval 6 mnd (%)", "Structurele vraag"),
    "Geladen exports": ("Organisatie", "Soort export", "Peildatum"),
    "Datakwaliteit": ("Organisatie", "Soort", "Peildatum", "Geleverd", "Ontbreekt"),
    "Logboek": ("Tijdstip", "Wie", "Actie"),
    "Opvolging": ("Trajectnummer", "Startdatum"),
}
# A4 landscape with the 10 mm margins of the print CSS (kader.opmaak), in CSS pixels (96 per inch).
PRINTBREEDTE = round((297 - 2 * 10) / 25.4 * 96)
PRINTHOOGTE = round((210 - 2 * 10) / 25.4 * 96)

# --- what is measured in the page --------------------------------------------------------------------------

GRAFIEKEN_JS = """
() => {
  const soorten = [
    ['titel', '.g-gtitle text, text.gtitle'], ['noot', 'text.annotation-text'], ['legenda', 'text.legendtext'],
    ['astitel', 'text.xtitle, text.ytitle, [class^="g-x"] text[class$="title"], [class^="g-y"] text[class$="title"]'],
    ['xtick', 'g.xtick text, g[class$="xtick"] text'], ['ytick', 'g.ytick text, g[class$="ytick"] text'],
    ['waarde', 'g.textpoint text, text.bartext, g.hm text, .heatmaplayer text'],
  ];
  const uit = [];
  document.querySelectorAll('[data-testid="stPlotlyChart"]').forEach((grafiek, nummer) => {
    const kader = grafiek.getBoundingClientRect();
    if (kader.width < 2 || kader.height < 2) return;
    const naam = (grafiek.querySelector('text.gtitle') || {}).textContent || `grafiek ${nummer + 1}`;
    const teksten = [];
    const gezien = new Set();
    for (const [soort, selector] of soorten) {
      grafiek.querySelectorAll(selector).forEach(el => {
        if (gezien.has(el)) return;
        gezien.add(el);
        const r = el.getBoundingClientRect();
        const tekst = (el.textContent || '').trim();
        if (r.width < 1 || r.height < 1 || !tekst) return;
        const stijl = getComputedStyle(el);
        if (stijl.display === 'none' || stijl.visibility === 'hidden' || stijl.opacity === '0') return;
        const gedraaid = /rotate/.test(el.getAttribute('transform') || '') ||
          /rotate/.test((el.parentNode && el.parentNode.getAttribute && el.parentNode.getAttribute('transform')) || '');
        teksten.push({soort, tekst, r: {l: r.left, t: r.top, r: r.right, b: r.bottom}, gedraaid});
      });
    }
    const marge = 1.5;
    for (const a of teksten) {
      const midden = (a.r.t + a.r.b) / 2;  // vertically: out of sight (a title drawn above the chart)
      if (a.r.l < kader.left - marge || a.r.r > kader.right + marge || midden < kader.top || midden > kader.bottom)
        uit.push({grafiek: naam, fout: `${a.soort} '${a.tekst.slice(0, 40)}' steekt buiten de grafiek`});
    }
    for (let i = 0; i < teksten.length; i++) {
      for (let j = i + 1; j < teksten.length; j++) {
        const a = teksten[i], b = teksten[j];
        if (a.soort === b.soort && (a.gedraaid || b.gedraaid) && a.soort.endsWith('tick')) continue;
        const x = Math.min(a.r.r, b.r.r) - Math.max(a.r.l, b.r.l);
        const y = Math.min(a.r.b, b.r.b) - Math.max(a.r.t, b.r.t);
        if (x > marge && y > marge)
          uit.push({grafiek: naam,
                    fout: `${a.soort} '${a.tekst.slice(0, 30)}' over ${b.soort} '${b.tekst.slice(0, 30)}'`});
      }
    }
  });
  return uit;
}
"""

TEGELS_JS = """
() => {
  const uit = [];
  document.querySelectorAll('[data-testid="stMetric"]').forEach(tegel => {
    for (const deel of ['stMetricLabel', 'stMetricValue', 'stMetricDelta']) {
      const el = tegel.querySelector(`[data-testid="${deel}"]`);
      if (!el) continue;
      for (const stuk of [el, ...el.querySelectorAll('*')]) {
        if (stuk.clientWidth > 0 && stuk.scrollWidth > stuk.clientWidth + 1) {
          uit.push({tekst: (el.textContent || '').trim(), deel, breed: stuk.scrollWidth, ruimte: stuk.clientWidth});
          break;
        }
      }
    }
  });
  document.querySelectorAll('[data-testid="stPageLink"]').forEach(link => {
    for (const stuk of [link, ...link.querySelectorAll('*')]) {
      if (stuk.clientWidth > 0 && stuk.scrollWidth > stuk.clientWidth + 1) {
        uit.push({tekst: (link.textContent || '').trim(), deel: 'link', breed: stuk.scrollWidth,
                  ruimte: stuk.clientWidth});
        break;
      }
    }
  });
  return uit;
}
"""

FOUTEN_JS = """
() => {
  const uit = [];
  document.querySelectorAll('[data-testid="stException"], [data-testid="stAlertContentError"]').forEach(el => {
    const r = el.getBoundingClientRect();
    if (r.width > 0) uit.push((el.textContent || '').trim().slice(0, 120));
  });
  const hoofd = document.querySelector('[data-testid="stMain"]');
  if (document.documentElement.scrollWidth > window.innerWidth + 1)
    uit.push(`de pagina is ${document.documentElement.scrollWidth} px breed in een venster van ${window.innerWidth}`);
  if (hoofd && hoofd.scrollWidth > hoofd.clientWidth + 1)
    uit.push(`het hoofdvlak is ${hoofd.scrollWidth} px breed, ${hoofd.clientWidth} px zichtbaar`);
  return uit;
}
"""

KOPPEN_JS = """
e => { const koppen = {}; e.querySelectorAll('[role=columnheader]').forEach(t => {
  koppen[t.getAttribute('aria-colindex')] = (t.textContent || '').trim(); }); return koppen; }
"""

PRINT_JS = """
([breedte, hoogte]) => {
  const uit = [];
  const zichtbaar = sel => Array.from(document.querySelectorAll(sel)).filter(el => {
    const r = el.getBoundingClientRect(); return getComputedStyle(el).display !== 'none' && r.width > 0 && r.height > 0;
  });
  if (zichtbaar('[data-testid="stSidebar"]').length) uit.push('de zijbalk wordt afgedrukt');
  if (zichtbaar('[data-testid="stHeader"]').length) uit.push('de kopbalk van Streamlit wordt afgedrukt');
  if (zichtbaar('[data-testid="stDownloadButton"], [data-testid="stButton"]').length)
    uit.push('knoppen worden afgedrukt');
  if (!zichtbaar('.st-key-printregel').length) uit.push('geen regel met filters en peildatum bovenaan');
  document.querySelectorAll('[data-testid="stPlotlyChart"]').forEach((g, i) => {
    const r = g.getBoundingClientRect();
    const svg = g.querySelector('.main-svg');
    const w = Math.max(r.width, svg ? svg.getBoundingClientRect().width : 0);
    if (w > breedte + 1) uit.push(`grafiek ${i + 1} is ${Math.round(w)} px breed, afdrukbaar ${breedte} px`);
    const h = svg ? svg.getBoundingClientRect().height : r.height;
    if (h > hoogte + 1) uit.push(`grafiek ${i + 1} is ${Math.round(h)} px hoog, een blad ${hoogte} px: hij breekt`);
    const vak = g.closest('[data-testid="stElementContainer"]');
    const onder = svg ? svg.getBoundingClientRect().bottom : r.bottom;
    const over = onder - (vak ? vak.getBoundingClientRect().bottom : 1e9);
    if (over > 1) uit.push(`grafiek ${i + 1} loopt ${Math.round(over)} px over wat eronder staat`);
  });
  const velden = zichtbaar('[data-testid="stRadio"], [data-testid="stSelectbox"], [data-testid="stMultiSelect"]');
  if (velden.length) uit.push(`${velden.length} keuzevelden worden afgedrukt`);
  return uit;
}
"""


@dataclass
class Uitkomst:
    rol: str
    breedte: str
    pagina: str
    fouten: list[str] = field(default_factory=list)
    png: str = ""


# --- the server --------------------------------------------------------------------------------------------


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("localhost", 0))
        return s.getsockname()[1]


def opslag_kopie(db: Path, map_: Path) -> Path:
    kopie = map_ / "opslag.duckdb"
    for pad in map_.glob("opslag.duckdb*"):
        pad.unlink()
    shutil.copyfile(db, kopie)
    if Path(f"{db}.sleutel").exists():
        shutil.copyfile(f"{db}.sleutel", f"{kopie}.sleutel")
    return kopie


def toegang(map_: Path) -> dict[str, str]:
    """A roles file and local accounts for the three roles, in the check's own folder."""
    from toegang.accounts import account_toevoegen

    blokken = [f'[[gebruiker]]\nemail = "{email}"\n{regels}\n' for email, regels in GEBRUIKERS.values()]
    (map_ / "toegang.toml").write_text("\n".join(blokken))
    (map_ / "accounts.json").unlink(missing_ok=True)
    for email, _ in GEBRUIKERS.values():
        account_toevoegen(email, WACHTWOORD, map_ / "accounts.json")
    return {"DASHBOARD_TOEGANG": str(map_ / "toegang.toml"), "DASHBOARD_ACCOUNTS": str(map_ / "accounts.json")}


def start_server(db: Path, log: Path, met_rollen: bool) -> tuple[subprocess.Popen, str]:
    poort = vrije_poort()
    omgeving = {k: v for k, v in os.environ.items() if k not in ("DASHBOARD_TOEGANG", "DASHBOARD_ACCOUNTS")}
    omgeving |= {"DASHBOARD_DB": str(db), "DASHBOARD_SLEUTEL": f"{db}.sleutel"}
    if met_rollen:
        omgeving |= toegang(log.parent)
    return dashboard_server(omgeving, poort, log), f"http://localhost:{poort}"


# --- in the browser ----------------------------------------------------------------------------------------


def inloggen(pagina: Page, url: str, rol: str) -> None:
    pagina.goto(f"{url}/")
    klaar(pagina)
    if rol != "demo":
        email = GEBRUIKERS["beheerder" if rol == "presentatie" else rol][0]
        pagina.get_by_label("E-mailadres").fill(email)
        pagina.get_by_label("Wachtwoord").fill(WACHTWOORD)
        pagina.get_by_role("button", name="Inloggen").click()
    pagina.wait_for_selector("h1:has-text('Overzicht')", timeout=90_000)
    klaar(pagina)
    if rol == "presentatie":
        pagina.get_by_test_id("stSidebar").get_by_text("Presentatiemodus").click()
        klaar(pagina)


def paginalijst(pagina: Page) -> list[str]:
    """The page names in the sidebar (the link text also holds the icon's name, on a line of its own)."""
    return [t.strip().splitlines()[-1].strip() for t in pagina.get_by_test_id("stSidebarNavLink").all_inner_texts()]


def naar_pagina(pagina: Page, naam: str) -> None:
    pagina.get_by_test_id("stSidebarNavLink").filter(has_text=naam).first.click()
    pagina.wait_for_timeout(500)
    klaar(pagina, voor_ms=500, na_ms=500)
    open_uitklappers(pagina)
    with contextlib.suppress(Exception):  # plotly draws after Streamlit is done; one that never does is measured
        pagina.wait_for_function(
            "Array.from(document.querySelectorAll('[data-testid=\"stPlotlyChart\"]'))"
            ".every(g => g.querySelector('.main-svg'))", timeout=20_000)
    wacht_op_rust(pagina)


RUST_JS = """
() => Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"] text, [data-testid="stDataFrame"]'))
  .map(e => { const r = e.getBoundingClientRect();
              return [r.left, r.top, r.width, r.height].map(Math.round).join(','); })
  .join(';')
"""


def wacht_op_rust(pagina: Page, max_ms: int = 10_000) -> None:
    """Plotly places titles and legends again after its first drawing (automatic margins): wait until nothing moves."""
    vorige, tot = None, time.monotonic() + max_ms / 1000
    while time.monotonic() < tot:
        pagina.wait_for_timeout(500)
        nu = pagina.evaluate(RUST_JS)
        if nu == vorige:
            return
        vorige = nu


def open_uitklappers(pagina: Page) -> None:
    """Open every expander: a table inside one is what a user sees after one click."""
    dicht = pagina.locator("[data-testid='stExpander'] details:not([open]) > summary")
    for _ in range(20):
        if not dicht.count():
            break
        dicht.first.click()
        pagina.wait_for_timeout(300)


def is_sleutel(kop: str, sleutel: str) -> bool:
    """The header is the key column: the same text, or for a key ending in "*" the same start."""
    return kop.startswith(sleutel[:-1]) if sleutel.endswith("*") else kop == sleutel


def sleutels_zichtbaar(pagina: Page, paginanaam: str) -> list[str]:
    """For each table: are its key columns visible without scrolling sideways? The grid is a canvas (glide data
    grid); its accessibility table names the columns, and moving the cell cursor into a column that is not wholly
    visible makes the grid scroll."""
    gezocht = SLEUTELKOLOMMEN.get(paginanaam, ())
    fouten = []
    for nummer, tabel in enumerate(pagina.get_by_test_id("stDataFrame").all(), start=1):
        vlak = tabel.locator("[data-testid='stDataFrameResizable']")
        if not vlak.count() or not tabel.is_visible():
            continue
        tabel.scroll_into_view_if_needed()
        maten = tabel.evaluate("e => { const s = e.querySelector('.dvn-scroller'); "
                               "return s ? [s.scrollWidth, s.clientWidth] : [0, 0]; }")
        if maten[0] <= maten[1] + 1:
            continue  # the whole table fits
        koppen = tabel.evaluate(KOPPEN_JS)
        tabel.evaluate("e => { const s = e.querySelector('.dvn-scroller'); s.scrollLeft = s.scrollWidth; }")
        pagina.wait_for_timeout(300)
        koppen |= tabel.evaluate(KOPPEN_JS)
        tabel.evaluate("e => { e.querySelector('.dvn-scroller').scrollLeft = 0; }")
        pagina.wait_for_timeout(200)
        volgorde = [koppen[k] for k in sorted(koppen, key=int)]
        sleutels = [i for i, kop in enumerate(volgorde) if any(is_sleutel(kop, s) for s in gezocht)]
        if not sleutels:
            continue
        kader = vlak.bounding_box()
        pagina.mouse.click(kader["x"] + 8, kader["y"] + 36 + 16)  # first cell of the first row
        for kolom in range(1, max(sleutels) + 1):
            pagina.keyboard.press("ArrowRight")
            pagina.wait_for_timeout(120)
            links = tabel.evaluate("e => e.querySelector('.dvn-scroller').scrollLeft")
            if kolom in sleutels and links > 0:
                fouten.append(f"tabel {nummer}: kolom '{volgorde[kolom]}' pas zichtbaar na {links} px opzij scrollen "
                              f"(tabel {maten[0]} px, zichtbaar {maten[1]} px)")
                break
        pagina.keyboard.press("Escape")
        tabel.evaluate("e => { e.querySelector('.dvn-scroller').scrollLeft = 0; }")
    return fouten


def metingen(pagina: Page, paginanaam: str) -> list[str]:
    fouten = [f"grafiek '{f['grafiek'][:40]}': {f['fout']}" for f in pagina.evaluate(GRAFIEKEN_JS)]
    fouten += [f"{'link' if t['deel'] == 'link' else 'tegel'} '{t['tekst'][:40]}': {t['deel']} afgekapt "
               f"({t['breed']} px in {t['ruimte']} px)" for t in pagina.evaluate(TEGELS_JS)]
    fouten += [f"fout op de pagina: {f}" for f in pagina.evaluate(FOUTEN_JS)]
    fouten += sleutels_zichtbaar(pagina, paginanaam)
    return fouten


def bestandsnaam(*delen: str) -> str:
    return "_".join(d.lower().replace(" ", "_") for d in delen)


def schermafdruk(pagina: Page, png: Path, breedte: int, hoogte: int) -> None:
    """The whole page: the main area scrolls inside the window, so the window is made as tall as the page."""
    volledig = pagina.evaluate("() => { const m = document.querySelector('[data-testid=\"stMain\"]'); "
                               "return m ? m.scrollHeight : document.body.scrollHeight; }")
    pagina.set_viewport_size({"width": breedte, "height": max(hoogte, min(int(volledig) + 40, 12_000))})
    pagina.wait_for_timeout(900)
    pagina.screenshot(path=str(png), full_page=True)
    pagina.set_viewport_size({"width": breedte, "height": hoogte})
    pagina.wait_for_timeout(600)


def bezoek(browser, url: str, rol: str, breedte: int, hoogte: int, map_: Path, alleen: list[str]) -> list[Uitkomst]:
    context = browser.new_context(viewport={"width": breedte, "height": hoogte}, locale="nl-NL")
    pagina = context.new_page()
    uitkomsten = []
    try:
        inloggen(pagina, url, rol)
        for naam in paginalijst(pagina):
            if alleen and naam not in alleen:
                continue
            uitkomst = Uitkomst(rol, f"{breedte}x{hoogte}", naam)
            try:
                naar_pagina(pagina, naam)
                uitkomst.fouten = metingen(pagina, naam)
                png = map_ / f"{bestandsnaam(rol, str(breedte), naam)}.png"
                schermafdruk(pagina, png, breedte, hoogte)
                uitkomst.png = str(png)
            except Exception as fout:  # noqa: BLE001  reported as a failure of this page, the others go on
                uitkomst.fouten.append(f"niet te meten: {type(fout).__name__}: {str(fout)[:200]}")
            uitkomsten.append(uitkomst)
            print(f"{rol:12} {breedte}x{hoogte} {naam:20} {'ok' if not uitkomst.fouten else 'FOUT'}", flush=True)
    except Exception as fout:  # noqa: BLE001
        uitkomsten.append(Uitkomst(rol, f"{breedte}x{hoogte}", "(inloggen)", [f"{type(fout).__name__}: {fout}"]))
    finally:
        context.close()
    return uitkomsten


def pdf_fouten(pdf: Path) -> list[str]:
    """A page printed on one sheet only was cut off after its first screen (Streamlit scrolls inside the window)."""
    aantal = [int(n) for n in re.findall(rb"/Count (\d+)", pdf.read_bytes())]
    return [] if aantal and max(aantal) > 1 else [f"{pdf.name}: maar één blad, de pagina is afgekapt"]


def afdrukken(browser, url: str, rol: str, breedte: int, map_: Path, alleen: list[str]) -> list[Uitkomst]:
    """The analysis pages to A4 landscape PDFs from a window `breedte` px wide, a screenshot of the print layout,
    and the print checks."""
    context = browser.new_context(viewport={"width": breedte, "height": 800}, locale="nl-NL")
    pagina = context.new_page()
    uitkomsten = []
    try:
        inloggen(pagina, url, rol)
        for naam in [n for n in paginalijst(pagina) if n in ANALYSE and (not alleen or n in alleen)]:
            uitkomst = Uitkomst(rol, "A4 liggend", naam)
            try:
                naar_pagina(pagina, naam)
                pdf = map_ / f"print_{bestandsnaam(rol, naam)}.pdf"
                pagina.pdf(path=str(pdf), format="A4", landscape=True, print_background=True)
                uitkomst.fouten += pdf_fouten(pdf)
                pagina.emulate_media(media="print")
                pagina.set_viewport_size({"width": PRINTBREEDTE, "height": 800})
                pagina.wait_for_timeout(1500)
                uitkomst.fouten += pagina.evaluate(PRINT_JS, [PRINTBREEDTE, PRINTHOOGTE])
                schermafdruk(pagina, map_ / f"print_{bestandsnaam(rol, naam)}.png", PRINTBREEDTE, 800)
                uitkomst.png = str(pdf)
                pagina.emulate_media(media="null")  # not "screen": that would make the next page.pdf use screen CSS
                pagina.set_viewport_size({"width": breedte, "height": 800})
                pagina.wait_for_timeout(800)
            except Exception as fout:  # noqa: BLE001
                uitkomst.fouten.append(f"niet af te drukken: {type(fout).__name__}: {str(fout)[:200]}")
            uitkomsten.append(uitkomst)
            print(f"{rol:12} print      {naam:20} {'ok' if not uitkomst.fouten else 'FOUT'}", flush=True)
    finally:
        context.close()
    return uitkomsten


# --- the report --------------------------------------------------------------------------------------------


def verslag(uitkomsten: list[Uitkomst]) -> None:
    fout = [u for u in uitkomsten if u.fouten]
    if fout:
        print("\nFOUTEN")
        for u in fout:
            for regel in u.fouten:
                print(f"  {u.rol:12} {u.breedte:10} {u.pagina:20} {regel}")
    print("\nOVERZICHT (ok / aantal fouten)")
    kolommen = sorted({(u.rol, u.breedte) for u in uitkomsten}, key=lambda k: (ROLLEN.index(k[0]) if k[0] in ROLLEN
                                                                                else 99, k[1]))
    paginas = list(dict.fromkeys(u.pagina for u in uitkomsten))
    print(f"  {'pagina':20} " + " ".join(f"{r[:11] + ' ' + b.split('x')[0]:>17}" for r, b in kolommen))
    for naam in paginas:
        cellen = []
        for rol, breedte in kolommen:
            u = next((u for u in uitkomsten if (u.rol, u.breedte, u.pagina) == (rol, breedte, naam)), None)
            cellen.append("–" if u is None else ("ok" if not u.fouten else f"{len(u.fouten)} fout"))
        print(f"  {naam:20} " + " ".join(f"{c:>17}" for c in cellen))
    print(f"\n{len(uitkomsten) - len(fout)} van {len(uitkomsten)} pagina's zonder fouten")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "demo.duckdb", help="de opslag (er wordt een kopie "
                        "gebruikt)")
    parser.add_argument("--map", type=Path, default=Path("/tmp/projector"), help="map voor schermafdrukken en PDF's")
    parser.add_argument("--breedtes", default="1024x768,1280x800")
    parser.add_argument("--rollen", default=",".join(ROLLEN))
    parser.add_argument("--pagina", action="append", default=[], help="alleen deze pagina('s), zoals in de zijbalk")
    parser.add_argument("--print", action="store_true", help="ook afdrukken naar PDF en de afdrukcontroles")
    args = parser.parse_args()
    map_ = args.map.resolve()
    map_.mkdir(parents=True, exist_ok=True)
    if not args.db.exists():
        raise SystemExit(f"{args.db} bestaat niet; bouw de demo-opslag met `make demo`")
    db = opslag_kopie(args.db.resolve(), map_)
    rollen = [r.strip() for r in args.rollen.split(",") if r.strip()]
    breedtes = [tuple(int(x) for x in b.split("x")) for b in args.breedtes.split(",")]
    uitkomsten: list[Uitkomst] = []
    servers = {}
    try:
        if any(r != "demo" for r in rollen):
            servers["rollen"] = start_server(db, map_ / "server_rollen.log", met_rollen=True)
        if "demo" in rollen:
            servers["demo"] = start_server(db, map_ / "server_demo.log", met_rollen=False)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for rol in rollen:
                url = servers["demo" if rol == "demo" else "rollen"][1]
                for breedte, hoogte in breedtes:
                    uitkomsten += bezoek(browser, url, rol, breedte, hoogte, map_, args.pagina)
            if args.print:  # printed from the widths the meeting uses, the presentatiemodus from a projector's
                for rol, breedte in (("beheerder", 1280), ("regio", 1024), ("presentatie", 1024)):
                    uitkomsten += afdrukken(browser, servers["rollen"][1], rol, breedte, map_, args.pagina)
            browser.close()
    finally:
        for server, _ in servers.values():
            server.terminate()
            server.wait(timeout=30)
    verslag(uitkomsten)
    print(f"schermafdrukken en PDF's: {map_}")
    return 1 if any(u.fouten for u in uitkomsten) else 0


if __name__ == "__main__":
    sys.exit(main())
