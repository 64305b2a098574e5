"""What every browser test shares: Debian's Chromium, the rule for when it is missing, a free port, a screenshot folder.

A test marked `browser` (pytest.mark.browser, registered in pyproject.toml) runs in headless Chromium at
DASHBOARD_CHROMIUM (default /usr/bin/chromium). Without it the test is skipped, and the end of the run says in one
line that the browser tests did not run and how to get them (`apt-get install chromium`); in CI (CI=true, as
.ci/run sets) a missing Chromium fails the test instead, so CI cannot pass without having run them.
Screenshots go to TEST_UITVOER (default tests/uitvoer/, not in git).

tests/conftest.py imports the hooks and fixtures below, so every test module gets them.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

STANDAARD_CHROMIUM = "/usr/bin/chromium"
INSTALLEREN = "apt-get install chromium"
KENMERK = "browsertest niet gedraaid"  # in every skip reason of ours, so the summary can count them


def chromium() -> Path:
    """Where Chromium is: DASHBOARD_CHROMIUM, else Debian's /usr/bin/chromium."""
    return Path(os.environ.get("DASHBOARD_CHROMIUM") or STANDAARD_CHROMIUM)


def chromium_aanwezig() -> bool:
    pad = chromium()
    return pad.is_file() and os.access(pad, os.X_OK)


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def reden() -> str:
    return f"geen Chromium in {chromium()}: {KENMERK} (installeer het met `{INSTALLEREN}`)"


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Before a browser test's fixtures start anything: no Chromium is a skip here, a failure in CI."""
    if item.get_closest_marker("browser") is None or chromium_aanwezig():
        return
    if in_ci():
        pytest.fail(f"{reden()}; in CI (CI=true) moeten de browsertests draaien", pytrace=False)
    pytest.skip(reden())


def pytest_terminal_summary(terminalreporter) -> None:
    """One line at the end of the run when browser tests were skipped for want of Chromium (also under xdist:
    the skip reports come back to the controller)."""
    overgeslagen = [r for r in terminalreporter.stats.get("skipped", []) if KENMERK in str(r.longrepr)]
    if overgeslagen:
        terminalreporter.write_line(
            f"Browsertests niet gedraaid ({len(overgeslagen)}): geen Chromium in {chromium()}. Installeer het met "
            f"`{INSTALLEREN}` (als root; of zet DASHBOARD_CHROMIUM op het pad van Chromium) en draai `make test` "
            "opnieuw.",
            yellow=True, bold=True)


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("localhost", 0))
        return s.getsockname()[1]


def uitvoermap() -> Path:
    """The test-output folder for screenshots: TEST_UITVOER, else tests/uitvoer/ (in .gitignore)."""
    map_ = Path(os.environ.get("TEST_UITVOER") or Path(__file__).resolve().parent / "uitvoer")
    map_.mkdir(parents=True, exist_ok=True)
    return map_


def schermafdruk(pagina, naam: str) -> Path:
    """A full-page screenshot of what the browser shows now, as <uitvoermap>/<naam>.png."""
    pad = uitvoermap() / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', naam)}.png"
    pagina.screenshot(path=str(pad), full_page=True)
    return pad


@contextmanager
def dashboard(demo_opslag, map_: Path, rollen: str, omgeving: dict | None = None, poort: int | None = None,
              cwd: Path | None = None) -> Iterator[str]:
    """`python -m kader.start` on localhost on a copy of the demo store in `map_` (logins are written to its audit
    log: not in the shared store) with this roles file; yields its address. `omgeving`: more DASHBOARD_ settings;
    `cwd`: a folder with its own .streamlit/ (secrets.toml) to run from; the server log is `map_`/server.log."""
    from tools.screenshot import ROOT, dashboard_server

    db, _ = demo_opslag
    shutil.copyfile(db, map_ / "demo.duckdb")
    shutil.copyfile(db.parent / "sleutel", map_ / "sleutel")
    (map_ / "toegang.toml").write_text(rollen)
    env = {k: v for k, v in os.environ.items() if not k.startswith("DASHBOARD_")}
    env |= {"DASHBOARD_DB": str(map_ / "demo.duckdb"), "DASHBOARD_SLEUTEL": str(map_ / "sleutel"),
            "DASHBOARD_TOEGANG": str(map_ / "toegang.toml"), **(omgeving or {})}
    if cwd is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    poort = poort or vrije_poort()
    proces = dashboard_server(env, poort, map_ / "server.log", cwd=cwd or ROOT)
    try:
        yield f"http://localhost:{poort}"
    finally:
        proces.terminate()
        proces.wait(timeout=30)


@pytest.fixture
def browser():
    """Headless Chromium through Playwright (Playwright's own browser download is not needed)."""
    with chromium_browser() as chromium_:
        yield chromium_


# --- every role at once (tests/test_e2e_paginas.py) ------------------------------------------------------------

ROLLEN = ("demo", "beheerder", "organisatie", "gemeente", "regio")
BROWSERTEST = pytest.mark.browser  # the rule above: skipped without Chromium, failed in CI


@contextmanager
def dashboard_met_rollen(demo_opslag, map_: Path, met_rollen: bool = True) -> Iterator[str]:
    """The dashboard on a free localhost port, on a copy of the demo store in `map_`; with a roles file and a local
    account for the beheerder, an organisatie, a gemeente and the regio (tools.projector.GEBRUIKERS, so the check for
    the beamer and these tests log in the same way), or without one: the demo. Yields its URL."""
    from tools.projector import start_server

    db, _ = demo_opslag
    map_.mkdir(parents=True, exist_ok=True)
    kopie = map_ / "opslag.duckdb"
    shutil.copyfile(db, kopie)
    shutil.copyfile(db.parent / "sleutel", f"{kopie}.sleutel")
    proces, url = start_server(kopie, map_ / "server.log", met_rollen)
    try:
        yield url
    finally:
        proces.terminate()
        proces.wait(timeout=30)


@contextmanager
def chromium_browser() -> Iterator[object]:
    """One headless Chromium for a whole module (the `browser` fixture is one per test)."""
    from playwright.sync_api import sync_playwright

    from tools.screenshot import CHROMIUM_ARGS

    with sync_playwright() as p:
        chromium_ = p.chromium.launch(executable_path=str(chromium()), args=CHROMIUM_ARGS)
        try:
            yield chromium_
        finally:
            chromium_.close()
