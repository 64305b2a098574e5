"""A verbeteractie's number per half year, as text and as a small chart (protected values as shown, hidden ones not
drawn). The x labels are half-year names, never text from users."""

from __future__ import annotations

import plotly.graph_objects as go

from analytics.beschermd import getoond
from weergave import formaat
from weergave.grafieken import LETTER, PALET, TEKST


def als_tekst(waarde: object, aandeel: bool) -> str:
    """"35", "<5", "12,5%", "20%" or "–"."""
    return formaat.percentage(waarde) if aandeel else formaat.getal(waarde, 1 if isinstance(waarde, float) else 0)


def verloop(namen: list[str], waarden: list, aandeel: bool, titel: str) -> go.Figure:
    """Bars of the shown numbers, each labelled as the table writes it ("<5" has no bar, but its label)."""
    hoogtes = [getoond(w) for w in waarden]
    hoogtes = [None if h is None else h * 100 if aandeel else h for h in hoogtes]
    fig = go.Figure(go.Bar(
        x=namen, y=hoogtes, marker_color=PALET[0], text=[als_tekst(w, aandeel) for w in waarden],
        textposition="outside", cliponaxis=False, hoverinfo="skip",
    ))
    grootste = max([h for h in hoogtes if h is not None] or [1])
    fig.update_layout(
        title={"text": titel, "font": {"size": LETTER, "color": TEKST}}, height=260, showlegend=False,
        margin={"l": 10, "r": 10, "t": 50, "b": 10}, font={"size": LETTER - 2, "color": TEKST},
        plot_bgcolor="white", separators=",.",
    )
    fig.update_yaxes(range=[0, grootste * 1.3], ticksuffix="%" if aandeel else "", gridcolor="#E5E5E5",
                     rangemode="tozero")
    fig.update_xaxes(type="category")
    return fig
