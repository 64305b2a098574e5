"""The delivery grid of the data-quality page: per organisation, month by month, delivered or missing.

Built on the shared chart style of weergave.grafieken (fonts, Dutch months, fixed axes, Okabe-Ito colours).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from weergave import formaat
from weergave.grafieken import PALET, Grafiek, _opmaak, maand_ticks
from weergave.tekst import as_met_namen, plotly_tekst

GELEVERD = PALET[0]  # blue
ONTBREEKT = PALET[3]  # vermillion: tells apart from blue also for colour-blind viewers


def aanleverraster(df: pd.DataFrame | None, titel: str | None = None) -> Grafiek | None:
    """A cell per organisatie and month: blue where an export is there, vermillion where it is missing.

    `df`: columns organisatie, maand, geleverd (one kind of export). None when there is nothing to draw.
    """
    if df is None or df.empty:
        return None
    maanden = sorted(pd.to_datetime(df["maand"]).unique())
    organisaties = sorted(df["organisatie"].unique(), reverse=True)  # first name on top
    raster = (
        df.assign(maand=pd.to_datetime(df["maand"]), geleverd=df["geleverd"].astype(int))
        .pivot(index="organisatie", columns="maand", values="geleverd")
        .reindex(index=organisaties, columns=maanden)
    )
    waarden = [[None if pd.isna(w) else int(w) for w in rij] for rij in raster.to_numpy()]  # lists: plain JSON
    tekst = [
        [
            f"{plotly_tekst(organisatie)}<br>{formaat.maand_label(maand)}: "
            + ("vóór de eerste export" if waarde is None else "geleverd" if waarde else "ontbreekt")
            for maand, waarde in zip(maanden, rij, strict=True)
        ]
        for organisatie, rij in zip(organisaties, waarden, strict=True)
    ]
    fig = go.Figure(
        go.Heatmap(
            x=[pd.Timestamp(m) for m in maanden],
            y=[plotly_tekst(o) for o in organisaties],  # names from files: drawn as text
            z=waarden,
            zmin=0,
            zmax=1,
            colorscale=[[0, ONTBREEKT], [0.5, ONTBREEKT], [0.5, GELEVERD], [1, GELEVERD]],
            showscale=False,
            xgap=2,
            ygap=4,
            text=tekst,
            hovertemplate="%{text}<extra></extra>",
        )
    )
    _opmaak(fig, titel, None, None, hoogte=140 + 60 * len(organisaties))
    posities, labels = maand_ticks(maanden)
    fig.update_xaxes(type="date", tickmode="array", tickvals=posities, ticktext=labels, showgrid=False)
    fig.update_yaxes(showgrid=False, **as_met_namen(organisaties))
    for naam, kleur in (("Geleverd", GELEVERD), ("Ontbreekt", ONTBREEKT)):  # a legend for the two colours
        fig.add_trace(
            go.Scatter(
                x=[None], y=[None], mode="markers", name=naam, marker={"symbol": "square", "size": 16, "color": kleur}
            )
        )
    fig.update_layout(showlegend=True)
    ontbrekend = int((raster == 0).sum().sum())
    alt = (
        f"Raster ‘{titel or 'Aanlevering per maand'}’: per organisatie per maand of er een export is. "
        f"{len(organisaties)} organisaties, {len(maanden)} maanden, {ontbrekend} "
        f"{'maand ontbreekt' if ontbrekend == 1 else 'maanden ontbreken'}."
    )
    return Grafiek(fig, alt)
