"""The report as PDF: its HTML printed by Debian's headless Chromium (A4 landscape, from the page's print CSS)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM_NAMEN = ("chromium", "chromium-browser")
ONTBREEKT = ("Chromium ontbreekt: installeer het pakket chromium (apt-get install chromium) om een PDF te maken; "
             "HTML en Excel werken zonder.")
WACHTTIJD_MS = 20_000  # virtual time for plotly to draw every chart before printing
MAX_SECONDEN = 180


class PdfFout(Exception):
    """No PDF: the message says in Dutch why and what to do."""


def chromium() -> str | None:
    """The Chromium executable on PATH, or None."""
    for naam in CHROMIUM_NAMEN:
        if gevonden := shutil.which(naam):
            return gevonden
    return None


def pdf_bytes(html: str) -> bytes:
    """The HTML printed to PDF by headless Chromium; PdfFout when Chromium is missing or fails."""
    programma = chromium()
    if programma is None:
        raise PdfFout(ONTBREEKT)
    with tempfile.TemporaryDirectory(prefix="rapport_") as map_:
        bron, doel = Path(map_) / "rapport.html", Path(map_) / "rapport.pdf"
        bron.write_text(html, encoding="utf-8")
        opdracht = [
            programma, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
            "--disable-background-networking", "--disable-component-update", "--no-pdf-header-footer",
            f"--user-data-dir={Path(map_) / 'profiel'}", f"--virtual-time-budget={WACHTTIJD_MS}",
            "--run-all-compositor-stages-before-draw", f"--print-to-pdf={doel}", bron.as_uri(),
        ]
        try:
            subprocess.run(opdracht, capture_output=True, timeout=MAX_SECONDEN, check=False)
        except subprocess.TimeoutExpired:
            raise PdfFout(f"Chromium maakte de PDF niet binnen {MAX_SECONDEN} seconden. Probeer het opnieuw of "
                          "maak de HTML en druk die af.") from None
        if not doel.is_file() or doel.stat().st_size == 0:
            raise PdfFout("Chromium kon de PDF niet maken. Maak de HTML en druk die af vanuit een browser.")
        return doel.read_bytes()
