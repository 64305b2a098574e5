"""Screenshots of dashboard pages in Debian's headless Chromium, to look at what users see.

python tools/screenshot.py http://localhost:8501/ /tmp/entree.png [more url/png pairs]
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


ROOT = Path(__file__).resolve().parent.parent


def dashboard_server(omgeving: dict, poort: int, log: Path, cwd: Path = ROOT) -> subprocess.Popen:
    """The dashboard (`python -m kader.start`) on localhost:`poort` with environment `omgeving`, once its health
    check answers; stops with the log's path when it does not start within a minute. `cwd`: where Streamlit looks
    for .streamlit/ (config.toml, secrets.toml); outside the project the environment needs PYTHONPATH on it."""
    server = subprocess.Popen(
        [sys.executable, "-m", "kader.start", "--server.address", "localhost", "--server.port", str(poort),
         "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=cwd, env=omgeving, stdout=log.open("w"), stderr=subprocess.STDOUT,
    )  # fmt: skip
    tot = time.monotonic() + 60
    while time.monotonic() < tot:
        try:
            with urllib.request.urlopen(f"http://localhost:{poort}/_stcore/health", timeout=2) as antwoord:
                if antwoord.read() == b"ok":
                    return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit(f"de server startte niet; zie {log}")


def klaar(pagina, voor_ms: int = 800, na_ms: int = 800, max_ms: int = 120_000) -> None:
    """Wait until Streamlit has finished running the script (no running-man widget, no skeleton left)."""
    pagina.wait_for_selector("[data-testid='stApp']", timeout=30_000)
    pagina.wait_for_timeout(voor_ms)
    pagina.wait_for_function(
        "!document.querySelector('[data-testid=\"stStatusWidget\"]') && "
        "!document.querySelector('[data-testid=\"stSkeleton\"]')",
        timeout=max_ms,
    )
    pagina.wait_for_timeout(na_ms)


def screenshots(
    paren: list[tuple[str, str]], breedte: int = 1400, hoogte: int = int(os.environ.get("HOOGTE", "900"))
) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        pagina = browser.new_page(viewport={"width": breedte, "height": hoogte})
        for url, png in paren:
            pagina.goto(url)
            klaar(pagina, voor_ms=1000, na_ms=1500, max_ms=60_000)
            pagina.screenshot(path=png, full_page=True)
            print(f"{url} -> {png}")
        browser.close()


if __name__ == "__main__":
    argumenten = sys.argv[1:]
    screenshots(list(zip(argumenten[::2], argumenten[1::2], strict=True)))
