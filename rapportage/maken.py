"""Making the report as a file, for the command line (`python -m pipelines rapport`) and the page.

Exit codes of `maak_rapport`: 0 written; 1 the report cannot be made as asked (unknown or incomplete half year,
unknown sector, gemeente or e-mail address, no store, Chromium missing for a PDF); 2 wrong usage (the extension).
Every message is Dutch and says what to choose instead.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pandas as pd

from toegang.kijker import Kijker

SOORTEN = {".html": "HTML", ".pdf": "PDF", ".xlsx": "Excel"}
MIME = {".html": "text/html", ".pdf": "application/pdf",
        ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
REGIO = Kijker("regio", "regio")  # without --als: the report as the consortium sees it (protected)


def rapport_bytes(rapport, extensie: str) -> bytes:
    """The report as .html, .pdf or .xlsx (a PDF raises rapportage.pdf.PdfFout when Chromium is missing)."""
    from rapportage.html import rapport_html

    if extensie == ".html":
        return rapport_html(rapport).encode("utf-8")
    if extensie == ".pdf":
        from rapportage.pdf import pdf_bytes

        return pdf_bytes(rapport_html(rapport))
    if extensie == ".xlsx":
        from rapportage.excel import rapport_excel

        return rapport_excel(rapport)
    raise ValueError(extensie)


def kijker_voor(email: str | None) -> Kijker:
    """The viewer of `--als EMAIL` (its role from DASHBOARD_TOEGANG), or the regio's; ValueError in Dutch."""
    from basis.instellingen import toegangsbestand
    from toegang.rollen import ToegangFout, rol_van

    if email is None:
        return REGIO
    pad = toegangsbestand()
    if pad is None:
        raise ValueError("Voor --als is het toegangsbestand nodig: zet DASHBOARD_TOEGANG op het pad van het "
                         "bestand met de rollen.")
    try:
        rol = rol_van(email, pad)
    except ToegangFout as fout:
        raise ValueError(str(fout)) from None
    if rol is None:
        raise ValueError(f"{email} staat niet in het toegangsbestand {pad}: kies een e-mailadres met een rol, of laat "
                         "--als weg voor het rapport van de regio.")
    return Kijker.uit_rol(rol)


def maak_rapport(db: Path, halfjaar: str, uit: Path, *, sector: str | None = None, gemeente: str | None = None,
                 als: str | None = None, verbeteracties: pd.DataFrame | None = None) -> int:
    extensie = uit.suffix.lower()
    if extensie not in SOORTEN:
        print(f"Het rapport kan een .html-, .pdf- of .xlsx-bestand zijn, niet '{uit.name}'. Laat --uit eindigen op "
              ".html, .pdf of .xlsx.")
        return 2
    if not uit.parent.is_dir():
        print(f"De map {uit.parent} bestaat niet. Maak hem eerst, of kies een andere plek voor --uit.")
        return 1
    if not db.is_file():
        print(f"De opslag {db} bestaat niet. Laad eerst exports (python -m pipelines ingest) of maak de demo "
              "(make demo).")
        return 1
    os.environ["DASHBOARD_DB"] = str(db)  # the read side asks the store in DASHBOARD_DB
    from rapportage.model import RapportFout, gekozen_halfjaar, rapport, rapport_filters
    from rapportage.pdf import PdfFout

    try:
        kijker = kijker_voor(als)
        gekozen = gekozen_halfjaar(halfjaar)
        filters = rapport_filters(gekozen, kijker, sector=sector, gemeente=gemeente)
    except (ValueError, RapportFout) as fout:
        print(fout)
        return 1
    if extensie == ".pdf":
        print("Rapport samenstellen…", file=sys.stderr, flush=True)
    model = rapport(filters, gekozen, verbeteracties)
    if extensie == ".pdf":
        print("PDF maken met Chromium (dat duurt enkele seconden)…", file=sys.stderr, flush=True)
    try:
        inhoud = rapport_bytes(model, extensie)
    except PdfFout as fout:
        print(fout)
        return 1
    uit.write_bytes(inhoud)
    print(f"{SOORTEN[extensie]}-rapport geschreven: {uit}")
    return 0
