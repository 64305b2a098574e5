"""What every page shares on screen, on a projector and on paper: the style sheet (static, written here), the
presentatiemodus banner, and the print-only line with the filters and the peildatum.

The style sheet is ours alone: no text from files or users goes into it (st.html renders it as HTML).
"""

from __future__ import annotations

import streamlit as st

from toegang.kijker import Kijker
from weergave.tekst import markdown_tekst

PRINTREGEL = "printregel"  # the key of the print-only container: Streamlit gives it the class st-key-printregel

# Tiles (st.metric): a label or change is never cut off with "…", and a row of tiles wraps at projector widths
# (at 1024 px five tiles were 100 px each: "Uitval binn…"). Print: A4 landscape, no sidebar, header, toolbars or
# buttons; the page grows with its content (Streamlit scrolls the main area inside the window, so only the first
# screen would print), charts and tables are not split over two sheets, and the print line shows.
STIJL = """
<style>
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] *,
[data-testid="stMetricDelta"], [data-testid="stMetricDelta"] * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
[data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"]) {
  flex-wrap: wrap; row-gap: 0.75rem;
}
[data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"]) > [data-testid="stColumn"] {
  min-width: 11.5rem;
}
.st-key-printregel { display: none; }
@page { size: A4 landscape; margin: 10mm; }
@media print {
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
  [data-testid="stElementToolbar"], [data-testid="stDownloadButton"], [data-testid="stButton"],
  [data-testid="stBaseButton-secondary"], [data-testid="stBaseButton-primary"], .modebar-container {
    display: none !important;
  }
  html, body, .stApp, [data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"],
  [data-testid="stMainBlockContainer"] {
    height: auto !important; min-height: 0 !important; overflow: visible !important; position: static !important;
  }
  [data-testid="stMain"] { margin-left: 0 !important; width: 100% !important; }
  [data-testid="stMainBlockContainer"] { max-width: 100% !important; padding: 0 !important; }
  [data-testid="stPlotlyChart"], [data-testid="stDataFrame"], [data-testid="stMetric"], [data-testid="stAlert"] {
    break-inside: avoid; page-break-inside: avoid;
  }
  [data-testid="stPlotlyChart"] { max-width: 100% !important; overflow: hidden !important; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  .st-key-printregel { display: block; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
</style>
"""

PRESENTATIEMODUS = ("**Presentatiemodus**: kleine aantallen zijn afgeschermd (<5) en andere aantallen afgerond op "
                    "5-tallen, voor iedereen. Uploaden, het logboek en datakwaliteit zijn verborgen.")


def pagina_opmaak() -> None:
    """Once per page, from the entrance (dashboard.py): the style sheet."""
    st.html(STIJL)


def presentatiebanner(wie: Kijker) -> None:
    """At the top of every page (under its title) while the presentatiemodus is on: that numbers are protected, on
    screen and on paper. Drawn by the page's own frame (kader.toegang_vereist), not by the entrance: elements the
    entrance draws before the page are not part of the page's run in AppTest, so they could not be tested."""
    if wie.presentatie:
        st.info(PRESENTATIEMODUS, icon=":material/co_present:")


def printregel(delen: list[tuple[str, str]]) -> None:
    """A line that shows only on paper: what the page was made from ("Periode: …  ·  Gemeente: …"). The values
    can be names from files (organisaties): they are written as text, never as markup."""
    with st.container(key=PRINTREGEL):
        st.caption("  ·  ".join(f"{label}: {markdown_tekst(waarde)}" for label, waarde in delen))
