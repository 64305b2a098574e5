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
# (at 1024 px five tiles were 100 px each: "Uitval binn…"); so does the label of a link to another page (the
# Overzicht's "… Zie Van instroom naar werk" was cut off at 1024 px). Print: A4 landscape, no sidebar, header,
# toolbars or buttons; the page grows with its content (Streamlit scrolls the main area inside the window, so only
# the first screen would print), charts and tables are not split over two sheets, and the print line shows.
STIJL = """
<style>
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] *,
[data-testid="stMetricDelta"], [data-testid="stMetricDelta"] *,
[data-testid="stPageLink"] * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
[data-testid="stPageLink"] a { height: auto !important; }
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
  [data-testid="stBaseButton-secondary"], [data-testid="stBaseButton-primary"], .modebar-container,
  [data-testid="stRadio"], [data-testid="stSelectbox"], [data-testid="stMultiSelect"], [data-testid="stCheckbox"],
  [data-testid="stToggle"], [data-testid="stSlider"], [data-testid="stDateInput"], [data-testid="stTextInput"],
  [data-testid="stNumberInput"], [data-testid="stButtonGroup"], [data-testid="stSegmentedControl"],
  [data-testid="stPills"], [data-testid="stFileUploader"] {
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
  [data-testid="stPlotlyChart"],
  [data-testid="stFullScreenFrame"]:has(> [data-testid="stPlotlyChart"]),
  [data-testid="stElementContainer"]:has(> [data-testid="stFullScreenFrame"] > [data-testid="stPlotlyChart"]) {
    max-width: 100% !important; height: auto !important; min-height: 0 !important;
  }
  [data-testid="stPlotlyChart"] .js-plotly-plot { zoom: var(--afdrukschaal, 1); }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  .st-key-printregel { display: block; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
</style>
"""

# On paper every chart is whole: plotly draws its SVG at the width it had on screen, so a chart from a wide screen
# would be cut at the paper's edge and a tall figure (the Sectorvergelijking's small multiples) split over two
# sheets; and a chart drawn on a narrow screen filled half the sheet. This script (static, ours alone) keeps on each
# chart the scale at which it fits one A4-landscape sheet (printable 1047 x 718 CSS px with the 10 mm margins; a
# little less high for the page's own header): a low chart grows to the paper's width up to two thirds of a sheet
# high (two fit on one), a tall one shrinks only where it must; the print CSS applies it. Set ahead of time and
# again on 'beforeprint', so the browser's own print and a headless print-to-PDF both find it.
AFDRUKSCHAAL = """
<script>
(() => {
  const doc = window.parent && window.parent.document ? window.parent.document : document;
  const win = doc.defaultView || window;
  if (win.__afdrukschaal) return;
  win.__afdrukschaal = true;
  const BREEDTE = 1040, HOOGTE = 660, ZACHT = 470;
  const schaal = () => doc.querySelectorAll('[data-testid="stPlotlyChart"]').forEach(g => {
    const plot = g.querySelector('.js-plotly-plot');
    if (!plot) return;
    const w = plot.offsetWidth, h = plot.offsetHeight;
    if (!w || !h) return;
    const grens = h <= ZACHT ? ZACHT / h : Math.min(1, HOOGTE / h);
    g.style.setProperty('--afdrukschaal', Math.min(BREEDTE / w, grens).toFixed(3));
  });
  win.addEventListener('beforeprint', schaal);
  win.setInterval(schaal, 1000);
  schaal();
})();
</script>
"""

PRESENTATIEMODUS = ("**Presentatiemodus**: kleine aantallen zijn afgeschermd (<5) en andere aantallen afgerond op "
                    "5-tallen, voor iedereen. Uploaden, het logboek en datakwaliteit zijn verborgen.")


def pagina_opmaak() -> None:
    """Once per page, from the entrance (dashboard.py): the style sheet and the chart scale for paper."""
    from kader.nederlands import nederlands

    st.html(STIJL)
    nederlands()
    st.html(AFDRUKSCHAAL, unsafe_allow_javascript=True)


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
