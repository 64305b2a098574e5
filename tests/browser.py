"""Shared by the browser tests: Debian's Chromium, and the dashboard served on a copy of the demo store with every
role (tools/projector.py's accounts and login, so the check for the beamer and these tests log in the same way)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROLLEN = ("demo", "beheerder", "organisatie", "gemeente", "regio")

# Every browser test: marked `browser`, skipped where Debian's Chromium is absent. One place to switch to the
# shared rule (skip locally with a message, fail with CI=true) once it exists.
BROWSERTEST = [pytest.mark.browser,
               pytest.mark.skipif(not CHROMIUM.exists(), reason="geen Chromium in /usr/bin/chromium voor de "
                                  "browsertest (apt-get install chromium)")]


@contextmanager
def dashboard(demo_opslag: tuple[Path, Path], map_: Path, met_rollen: bool = True) -> Iterator[str]:
    """The dashboard (`python -m kader.start`) on a free localhost port, on a copy of the demo store in `map_` (logins
    and downloads are written to its audit log); with a roles file and a local account for the beheerder, an
    organisatie, a gemeente and the regio (tools.projector.GEBRUIKERS), or without one: the demo. Yields its URL."""
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
def chromium() -> Iterator[object]:
    """One headless Chromium (Debian's: Playwright's own browser download is not needed)."""
    from playwright.sync_api import sync_playwright

    from tools.screenshot import CHROMIUM_ARGS

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
