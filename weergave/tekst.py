"""Text from files is text: an organisatie, werkgever, beroep, file name, column header or value from an upload is
shown exactly as it is written, never as a link, markup, icon or formula. Streamlit and plotly both interpret the
text they get; each function here returns the text that makes one of them show the given text literally.

Where Streamlit parses markdown (so file text goes through `markdown_tekst`): st.markdown, st.caption, st.write of
a string, the bodies of st.error / st.warning / st.info / st.success, st.title / st.header / st.subheader,
st.metric labels and values, the labels of buttons, widgets, st.expander, st.tabs and st.status, st.radio options,
st.spinner texts and `help` tooltips. Markdown there includes links, autolinks of bare URLs, www. addresses and
e-mail addresses, `:red[...]` directives, `:material/...:` icons, emoji shortcodes, $LaTeX$ and arrows for `->`.
st.table cells are markdown too (the dashboard does not use st.table).

Where Streamlit shows plain text (file text goes in as it is; an escape would show its backslashes), checked in
Chromium: the options of st.selectbox and st.multiselect (also what format_func returns), the value of a
st.text_input, the file list of st.file_uploader, and st.dataframe cells (drawn on a canvas, never a link).
Raw HTML in markdown is shown as text by Streamlit (no unsafe_allow_html anywhere), but `<https://...>` is a link.

plotly draws a subset of HTML (`<a href>`, `<b>`, `<br>`, `<span style>`) and entities in every text it draws: tick
labels, legend names, hover texts (also customdata put into a hovertemplate), annotations and titles; `%{...}` in a
hovertemplate is a placeholder and `$...$` is LaTeX where MathJax is loaded. So file text goes through
`plotly_tekst` in the chart builders of weergave/, which are the only place that hands labels to plotly.
"""

from __future__ import annotations

import re
import string

WOORDVERBINDER = "\u2060"  # WORD JOINER: invisible, and no line break at it

_LEESTEKEN = re.compile(f"([{re.escape(string.punctuation)}])")
# Streamlit finds these in the text after markdown's own escapes are undone, so a backslash does not stop them; an
# invisible word joiner inside does: bare URLs (https://, www.) and e-mail addresses become links, `:name:` an emoji,
# `:material/name:` an icon, and `->`, `<-`, `<->`, `--`, `>=`, `<=`, `~=` arrows and signs.
_ONDERBREKINGEN = (
    (re.compile(r":(?=\S)"), ":" + WOORDVERBINDER),
    (re.compile(r"www(?=\.)", re.IGNORECASE), r"\g<0>" + WOORDVERBINDER),
    (re.compile(r"@"), WOORDVERBINDER + "@"),
    (re.compile(r"[-<>~](?=[-<>=])"), r"\g<0>" + WOORDVERBINDER),
)
_PLOTLY = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "%": "&#37;", "$": "&#36;"})


def markdown_tekst(tekst: object) -> str:
    """Markdown that Streamlit shows as exactly `tekst` (line breaks and runs of spaces as one space, as HTML shows
    them anyway): every ASCII punctuation mark backslash-escaped (links, emphasis, code, HTML, headings, lists,
    `:red[...]`, $LaTeX$), and an invisible word joiner where Streamlit would still make a link, emoji, icon or arrow.
    For a fragment inside a longer markdown text as well as for a whole body or label."""
    tekst = re.sub(r"\s+", " ", str(tekst))
    for patroon, vervanging in _ONDERBREKINGEN:
        tekst = patroon.sub(vervanging, tekst)
    return _LEESTEKEN.sub(r"\\\1", tekst)


def plotly_tekst(tekst: object) -> str:
    """Text that plotly draws as exactly `tekst`: `&`, `<` and `>` as entities (no tags, so no link), and `%` and
    `$` as numeric entities (no `%{...}` placeholder in a hovertemplate, no LaTeX); plotly turns the entities back
    into the characters when it draws them."""
    return str(tekst).translate(_PLOTLY)


LABEL_LENGTE = 40  # characters of a name from a file on an axis or in a legend: a pasted vacancy text of 492
# characters squeezed the 24 months of the heatmap into a sliver (review); the hover keeps the whole name


def as_met_namen(namen) -> dict:
    """For `fig.update_yaxes(**...)`: an axis whose categories are whole names from files (two long names alike at
    the start stay two rows), each tick showing it cut by `plotly_label`."""
    return {"tickmode": "array", "tickvals": [plotly_tekst(n) for n in namen],
            "ticktext": [plotly_label(n) for n in namen]}


def plotly_label(tekst: object, lengte: int = LABEL_LENGTE) -> str:
    """`plotly_tekst` of a name cut to `lengte` characters with '…': for tick labels and legend entries."""
    tekst = str(tekst)
    if len(tekst) > lengte:
        tekst = tekst[: lengte - 1].rstrip() + "…"
    return plotly_tekst(tekst)
