"""Streamlit's own English, replaced in one place where Streamlit lets us (what stays English, and why: the README,
"Wat Engels blijft"):

- the file uploader's button "Upload", its line "50MB per file" and, while a file is dragged over it, "Drag and drop
  files here": Streamlit 1.67 has no option for these words, so a style sheet hides them and shows ours
  (`STIJL`, drawn on every page by kader.opmaak.pagina_opmaak); the limit is the server's (server.maxUploadSize);
- "Select all" in the filters' dropdowns: `st.multiselect(..., select_all=False)` in kader.filterbalk (all is the
  empty choice, "Alle", anyway);
- the tables' own "Download as CSV" (not Dutch Excel, and past the audit log): client.disableDataExport in
  .streamlit/config.toml; our download buttons (kader.downloads) make the files;
- "Page not found" for a mistyped address: a hidden page at that address that says so in Dutch (`niet_gevonden`).

The style sheet is static text of ours (the limit is a number from the server's configuration): no text from files
or users goes into it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

KIEZEN = "Bestanden kiezen"
NIET_GEVONDEN = "Pagina niet gevonden"
NIET_GEVONDEN_UITLEG = "Op dit adres staat geen pagina van het dashboard. Kies een pagina in de zijbalk."
SLEPEN = "Laat de bestanden hier los"
# An address Streamlit can give a page of its own (st.Page refuses a "/"): letters, digits, '-', '_' and '.'.
ADRES = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")


def per_bestand(grens_mb: int) -> str:
    return f"Hoogstens {grens_mb} MB per bestand"


def stijl(grens_mb: int) -> str:
    """The uploader in Dutch: the words inside its button and its instruction line hidden, ours drawn instead (CSS
    `content`: screen readers read ours too). The button keeps its icon; the drop area's text while dragging is
    the overlay without a test id inside the drop zone."""
    return f"""
<style>
[data-testid="stFileUploaderDropzone"] button span[data-has-shortcut] [data-testid="stMarkdownContainer"] {{
  display: none;
}}
[data-testid="stFileUploaderDropzone"] button span[data-has-shortcut]::after {{ content: "{KIEZEN}"; }}
[data-testid="stFileUploaderDropzoneInstructions"] span {{ display: none; }}
[data-testid="stFileUploaderDropzoneInstructions"] > div::after {{ content: "{per_bestand(grens_mb)}"; }}
[data-testid="stFileUploaderDropzone"] > div:not([data-testid]) > * {{ display: none; }}
[data-testid="stFileUploaderDropzone"] > div:not([data-testid])::after {{ content: "{SLEPEN}"; }}
</style>
"""


def nederlands() -> None:
    """Once per page, from kader.opmaak.pagina_opmaak: the style sheet above with the server's upload limit."""
    st.html(stijl(int(st.get_option("server.maxUploadSize"))))


def onbekend_adres(bekend: Iterable[str]) -> list[str]:
    """The address the browser asked for when no page of the dashboard has it (a mistyped link): [address], so the
    entrance can put a page there that says so in Dutch instead of Streamlit's English "Page not found"; [] for a
    known address, the start page, or an address Streamlit cannot give a page of its own."""
    ctx = get_script_run_ctx()
    gevraagd = ctx.pages_manager.intended_page_name if ctx else None
    if not gevraagd or not ADRES.fullmatch(gevraagd) or gevraagd in set(bekend):
        return []
    return [gevraagd]


def niet_gevonden() -> None:
    """The page at a mistyped address."""
    st.title(NIET_GEVONDEN)
    st.info(NIET_GEVONDEN_UITLEG)
