"""Walk through the upload page in headless Chromium as a member of staff would, with a screenshot of each step.

    .venv/bin/python tools/upload_doorloop.py [--map /tmp/upload_doorloop] [--poort 8614]

Starts the dashboard on a COPY of the demo store (data/demo.duckdb is never touched; without it a demo store
is built in the folder), chooses a file with errors in the browser's own file dialog, downloads the Excel copy
with the errors marked, then chooses the corrected file, reads the check, loads it, opens the history, and
checks that the new export shows on the overzicht page and in the store. Screenshots: <map>/stap_*.png.
Exit status 0 when every step did what it should.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from basis.opslag import leesverbinding  # noqa: E402
from tools.screenshot import CHROMIUM_ARGS, dashboard_server, klaar  # noqa: E402

ORGANISATIE = "Werkbedrijf De Linge"
BEHEERDER, WACHTWOORD = "beheer@demo.example", "doorloop-wachtwoord"  # a local account made for the walk-through
PEILDATUM = dt.date(2026, 11, 30)
KOP = [
    "Trajectnummer", "Kandidaatnummer", "Gemeente", "Doelgroep", "Stroom", "Route", "Sector", "Werkgever",
    "Startdatum", "Einddatum", "Status", "Reden uitval",
]  # fmt: skip
AANTAL = 40


def exports(map_: Path) -> tuple[Path, Path]:
    """A kandidaten export of a new SW-bedrijf for November 2026 with three mistakes, and the corrected one."""
    rng = random.Random(11)
    gemeenten = ["Nijmegen", "Wijchen", "Berg en Dal", "Beuningen", "Heumen", "Druten"]
    sectoren = ["Groenvoorziening", "Schoonmaak", "Logistiek", "Productie", "Horeca"]
    rijen = []
    for i in range(1, AANTAL + 1):
        extern = i % 3 == 0
        rijen.append([
            f"DL-{i:04d}", f"K{90000 + i}", rng.choice(gemeenten), rng.choice(["Participatiewet", "Wsw", "Bijstand"]),
            "Langstromer", "Extern" if extern else "Intern", rng.choice(sectoren),
            "Bakkerij Van Rijn" if extern else None, dt.date(2026, 11, rng.randint(2, 27)), None, "Lopend", None,
        ])  # fmt: skip
    goed = [[f"Organisatie: {ORGANISATIE}"], [f"Peildatum: {PEILDATUM:%d-%m-%Y}"], [], KOP, *rijen]
    fout = [list(r) for r in goed]
    fout[6][8] = "31-11-2026"  # no such date
    fout[9][2] = "Nijmegn"  # a typo in the gemeente
    fout[10][5], fout[10][7] = "Extern", None  # extern without werkgever
    paden = []
    for naam, inhoud in (("kandidaten_de_linge_2026-11_fout.xlsx", fout), ("kandidaten_de_linge_2026-11.xlsx", goed)):
        boek = openpyxl.Workbook()
        blad = boek.active
        blad.title = "Kandidaten"
        for rij in inhoud:
            blad.append(rij)
        for cel in blad["I"][4:]:
            cel.number_format = "DD-MM-YYYY"
        boek.save(map_ / naam)
        paden.append(map_ / naam)
    return paden[0], paden[1]


def opslag_kopie(map_: Path) -> Path:
    db = map_ / "opslag.duckdb"
    for pad in map_.glob("opslag.duckdb*"):
        pad.unlink()
    demo = ROOT / "data" / "demo.duckdb"
    if demo.exists():
        shutil.copyfile(demo, db)
        if Path(f"{demo}.sleutel").exists():
            shutil.copyfile(f"{demo}.sleutel", f"{db}.sleutel")
    else:
        subprocess.run([sys.executable, "-m", "pipelines", "demo", "--db", str(db), "--map", str(map_ / "demo")],
                       cwd=ROOT, check=True, env={**os.environ, "DASHBOARD_SLEUTEL": f"{db}.sleutel"})  # fmt: skip
    return db


def toegang(map_: Path) -> dict[str, str]:
    """Uploading needs a logged-in beheerder: a roles file and a local account in the walk-through's folder."""
    from toegang.accounts import account_toevoegen

    (map_ / "toegang.toml").write_text(f'[[gebruiker]]\nemail = "{BEHEERDER}"\nrol = "beheerder"\n')
    (map_ / "accounts.json").unlink(missing_ok=True)
    account_toevoegen(BEHEERDER, WACHTWOORD, map_ / "accounts.json")
    return {"DASHBOARD_TOEGANG": str(map_ / "toegang.toml"), "DASHBOARD_ACCOUNTS": str(map_ / "accounts.json")}


def inloggen(pagina: Page, url: str, naar: str) -> None:
    """A new visit: log in with the local account if the login page shows (a later visit carries the login
    cookie), then open page `naar` through the sidebar."""
    pagina.goto(f"{url}/")
    klaar(pagina)
    if pagina.get_by_label("E-mailadres").count():
        pagina.get_by_label("E-mailadres").fill(BEHEERDER)
        pagina.get_by_label("Wachtwoord").fill(WACHTWOORD)
        pagina.get_by_role("button", name="Inloggen").click()
    pagina.wait_for_selector("h1:has-text('Overzicht')", timeout=60_000)
    naar_pagina(pagina, naar)


def naar_pagina(pagina: Page, naam: str) -> None:
    pagina.get_by_test_id("stSidebar").get_by_role("link", name=naam).click()
    pagina.wait_for_timeout(1500)


def start_server(db: Path, poort: int, log: Path) -> subprocess.Popen:
    omgeving = {**os.environ, "DASHBOARD_DB": str(db), "DASHBOARD_SLEUTEL": f"{db}.sleutel", **toegang(log.parent)}
    return dashboard_server(omgeving, poort, log)


def kies_bestand(pagina: Page, pad: Path) -> None:
    """Through the browser's own file dialog, as a user does."""
    with pagina.expect_file_chooser() as keuze:
        pagina.get_by_test_id("stFileUploaderDropzone").get_by_test_id("stBaseButton-secondary").click()
    keuze.value.set_files(str(pad))


def stap(pagina: Page, map_: Path, nummer: int, naam: str) -> None:
    png = map_ / f"stap_{nummer}_{naam}.png"
    pagina.screenshot(path=str(png), full_page=True)
    print(f"stap {nummer}: {png}")


def doorloop(map_: Path, poort: int) -> list[str]:
    fout, goed = exports(map_)
    db = opslag_kopie(map_)
    with leesverbinding(db) as con:
        voor = con.execute("SELECT max(upload_id) FROM uploads").fetchone()[0]
    server = start_server(db, poort, map_ / "server.log")
    problemen = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            pagina = browser.new_page(viewport={"width": 1400, "height": 1500}, accept_downloads=True)
            url = f"http://localhost:{poort}"

            inloggen(pagina, url, "Uploaden")
            klaar(pagina)
            stap(pagina, map_, 1, "leeg")

            kies_bestand(pagina, fout)
            pagina.get_by_text("fouten gevonden").wait_for(timeout=120_000)
            klaar(pagina)
            stap(pagina, map_, 2, "fouten")
            with pagina.expect_download() as download:
                pagina.get_by_role("button", name="Excel-kopie met de fouten gemarkeerd").click()
            kopie = map_ / download.value.suggested_filename
            download.value.save_as(kopie)
            boek = openpyxl.load_workbook(io.BytesIO(kopie.read_bytes()))
            opmerkingen = [c.coordinate for r in boek["Kandidaten"].iter_rows() for c in r if c.comment]
            print(f"Excel-kopie {kopie.name}: opmerkingen in {', '.join(opmerkingen)}")
            if opmerkingen != ["I7", "C10", "H11"]:
                problemen.append(f"Excel-kopie: opmerkingen in {opmerkingen}, verwacht I7, C10, H11")
            if pagina.get_by_role("button", name=f"{fout.name} laden").count():
                problemen.append("een bestand met fouten kan toch geladen worden")

            inloggen(pagina, url, "Uploaden")  # a new visit: the corrected file
            klaar(pagina)
            kies_bestand(pagina, goed)
            pagina.get_by_text("Geen fouten gevonden").wait_for(timeout=120_000)
            klaar(pagina)
            stap(pagina, map_, 3, "gecontroleerd")

            pagina.get_by_role("button", name=f"{goed.name} laden").click()
            pagina.get_by_text(f"Geladen: {goed.name}").wait_for(timeout=120_000)
            klaar(pagina)
            stap(pagina, map_, 4, "geladen")

            pagina.get_by_role("tab", name="Geschiedenis").click()
            pagina.wait_for_timeout(800)
            stap(pagina, map_, 5, "geschiedenis")

            naar_pagina(pagina, "Overzicht")
            klaar(pagina)
            pagina.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=30_000)
            pagina.wait_for_timeout(1000)
            stap(pagina, map_, 6, "overzicht")
            zijbalk = pagina.get_by_test_id("stSidebar").inner_text()
            if f"{ORGANISATIE}: {PEILDATUM:%d-%m-%Y}" not in zijbalk:
                problemen.append("de nieuwe export staat niet in de versheidsregel van het overzicht")

            pagina.set_viewport_size({"width": 1400, "height": 2600})
            naar_pagina(pagina, "Datakwaliteit")
            klaar(pagina)
            pagina.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=30_000)
            pagina.wait_for_timeout(1000)
            stap(pagina, map_, 7, "kwaliteit")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    with leesverbinding(db) as con:
        nieuw = con.execute(
            "SELECT bestandsnaam, status, organisatie, peildatum, rijen, geladen_door FROM uploads WHERE upload_id > ?"
            " ORDER BY upload_id",
            [voor],
        ).fetchall()
        trajecten = con.execute("SELECT count(*) FROM trajecten WHERE organisatie = ?", [ORGANISATIE]).fetchone()[0]
    print(f"in de opslag: {nieuw}; {trajecten} trajecten van {ORGANISATIE}")
    if nieuw != [(goed.name, "geladen", ORGANISATIE, PEILDATUM, AANTAL, BEHEERDER)] or trajecten != AANTAL:
        problemen.append(f"opslag na het laden: {nieuw}, {trajecten} trajecten")
    return problemen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--map", type=Path, default=Path("/tmp/upload_doorloop"), help="map voor bestanden en PNG's")
    parser.add_argument("--poort", type=int, default=8614, help="poort voor het dashboard")
    args = parser.parse_args()
    args.map.mkdir(parents=True, exist_ok=True)
    problemen = doorloop(args.map.resolve(), args.poort)
    for probleem in problemen:
        print(f"PROBLEEM: {probleem}")
    print("klaar: alles zoals verwacht" if not problemen else f"{len(problemen)} problemen")
    return 1 if problemen else 0


if __name__ == "__main__":
    sys.exit(main())
