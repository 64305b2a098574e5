"""The two figures of the structurele-vraag page: a heatmap of vraag per month and vraag against instroom per
sector. Same rules as weergave.grafieken (Dutch text written here, fonts for a projector, Okabe-Ito colours,
fixed axes, None for nothing to draw); kept in their own module so the page can grow without touching the
shared chart builders.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analytics.beschermd import getoonde_getallen
from weergave import formaat
from weergave.grafieken import LETTER, PALET, TEKST, Grafiek, _alt, _opmaak, _waarde_as, opsomming
from weergave.tekst import as_met_namen, plotly_tekst

# Sequential blues (ColorBrewer "Blues", readable for every kind of colour blindness, and light to dark so it
# survives a washed-out projector); a month without vraag is a light grey, visibly different from "a little".
GEEN_VRAAG = "#EDEDED"
BLAUWEN = ("#C6DBEF", "#9ECAE1", "#6BAED6", "#4292C6", "#2171B5", "#08519C", "#08306B")
VRAAG_KLEUR = PALET[0]  # blue
INSTROOM_KLEUR = PALET[1]  # orange
TEKORT_KLEUR = PALET[3]  # vermilion
MAANDEN_PER_RIJ = 12


def _kleurschaal(maximum: float) -> list[list]:
    """0 is grey; from 1 up the blues, evenly up to the maximum."""
    if maximum <= 0:
        return [[0, GEEN_VRAAG], [1, GEEN_VRAAG]]
    grens = 0.5 / maximum
    schaal = [[0.0, GEEN_VRAAG], [grens, GEEN_VRAAG]]
    stappen = len(BLAUWEN) - 1
    schaal += [[grens + (1 - grens) * i / stappen, kleur] for i, kleur in enumerate(BLAUWEN)]
    schaal[-1][0] = 1.0  # exactly: plotly drops a colour scale ending at 0.9999999999999999 for its default
    return schaal


def heatmap_per_maand(
    df: pd.DataFrame | None,
    groep_kolom: str,
    maand_kolom: str,
    waarde_kolom: str,
    *,
    titel: str | None = None,
    eenheid: str = "plekken",
    sector_kolom: str | None = None,
) -> Grafiek | None:
    """One row per group, one column per month, the number in every cell (0 too). Rows are sorted by their
    total, largest on top. `df` is long: a row per group and month (months without a row count as 0)."""
    if df is None or df.empty:
        return None
    maanden = pd.to_datetime(df[maand_kolom]).dt.to_period("M").dt.to_timestamp()
    lang = pd.DataFrame({"groep": df[groep_kolom].astype(str).values, "maand": maanden.values,
                         "waarde": getoonde_getallen(df[waarde_kolom]).values})
    breed = lang.pivot_table(index="groep", columns="maand", values="waarde", aggfunc="sum", fill_value=0)
    alle = pd.date_range(breed.columns.min(), breed.columns.max(), freq="MS")
    breed = breed.reindex(columns=alle, fill_value=0)
    breed = breed.loc[breed.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    sector_van = (
        dict(zip(df[groep_kolom].astype(str), df[sector_kolom].astype(str), strict=True)) if sector_kolom else {}
    )
    koppen = [formaat.maandnaam(m.month, kort=True) for m in breed.columns]
    labels = [formaat.maand_label(m) for m in breed.columns]
    rijen = list(breed.index)
    customdata = [  # a beroep or werkgever from a file: plotly text, so never a link or a placeholder
        [[plotly_tekst(rij if rij not in sector_van else f"{rij} ({sector_van[rij]})"), label, formaat.getal(w)]
         for label, w in zip(labels, breed.loc[rij], strict=True)]
        for rij in rijen
    ]
    maximum = float(breed.values.max())
    # At most 12 months to a row: 24 columns next to the row names left some 15 px per month at 1024 px (a projector
    # with the sidebar open), and the numbers and month names ran together. A year per row also puts the same month
    # of both years above each other, which is how seasons are read.
    blokken = [list(range(i, min(i + MAANDEN_PER_RIJ, len(labels)))) for i in range(0, len(labels), MAANDEN_PER_RIJ)]
    per_blok = 110 + 42 * len(rijen)
    hoogte = max(230, 60 + per_blok * len(blokken))
    fig = make_subplots(  # between the rows: room for the next row's title and month names (100 px)
        rows=len(blokken), cols=1, vertical_spacing=min(0.3, 100 / hoogte),
        subplot_titles=[f"{labels[b[0]]} t/m {labels[b[-1]]}" for b in blokken],
    )
    for nummer, blok in enumerate(blokken, start=1):
        x = [labels[i] for i in blok]
        fig.add_trace(go.Heatmap(
            z=[[breed.loc[rij].iloc[i] for i in blok] for rij in rijen], x=x, y=[plotly_tekst(r) for r in rijen],
            zmin=0, zmax=max(maximum, 1), colorscale=_kleurschaal(maximum), xgap=2, ygap=2,
            customdata=[[customdata[r][i] for i in blok] for r in range(len(rijen))],
            text=[[formaat.getal(breed.loc[rij].iloc[i]) for i in blok] for rij in rijen], texttemplate="%{text}",
            textfont={"size": LETTER - 1},
            hovertemplate=f"<b>%{{customdata[0]}}</b><br>%{{customdata[1]}}: %{{customdata[2]}} {eenheid}"
                          "<extra></extra>",
            showscale=False,  # every cell carries its number; the room goes to the month columns
        ), row=nummer, col=1)
        # x holds the unique "nov 2025" labels; the ticks show just "nov", the row's title says which months
        fig.update_xaxes(type="category", side="top", showgrid=False, tickangle=0, tickmode="array", tickvals=x,
                         ticktext=[koppen[i] for i in blok], tickfont={"size": LETTER - 2}, row=nummer, col=1)
        fig.update_yaxes(**as_met_namen(rijen), row=nummer, col=1)
    _opmaak(fig, titel, None, None, hoogte=hoogte)
    fig.update_yaxes(tickfont={"size": LETTER, "color": TEKST})  # _opmaak styles the first row's axes only
    fig.update_xaxes(tickfont={"size": LETTER - 2, "color": TEKST})
    # the small titles ("nov 2024 t/m okt 2025") above the month names of their row
    fig.update_annotations(yshift=40, font={"size": LETTER, "color": TEKST}, xanchor="left", x=0)
    fig.update_layout(margin={"t": 150})  # the title above the first row's title and month names
    fig.update_yaxes(type="category", autorange="reversed", showgrid=False, ticksuffix="  ")
    fig.update_layout(plot_bgcolor="#FFFFFF")
    totaal = breed.sum(axis=1)
    elke_maand = [r for r in rijen if bool((breed.loc[r] > 0).all())]
    rest = (
        f"{eenheid} per maand van {labels[0]} tot en met {labels[-1]} voor {formaat.getal(len(rijen))} groepen; "
        f"het meest bij {opsomming([f'{r} ({formaat.getal(totaal[r])})' for r in rijen[:3]])}; "
        + (f"vraag in elke maand bij {opsomming(elke_maand)}" if elke_maand else "geen groep had elke maand vraag")
    )
    return Grafiek(fig, _alt("Heatmap", titel, rest, 0))


def vraag_tegen_instroom(
    df: pd.DataFrame | None,
    sector_kolom: str,
    vraag_kolom: str,
    instroom_kolom: str,
    gedekt_kolom: str,
    *,
    titel: str | None = None,
    vraag_label: str = "Structurele vraag per maand",
    instroom_label: str = "Instroom per maand",
    x_titel: str = "Plekken en trajecten per maand",
) -> Grafiek | None:
    """Per sector (top to bottom in the given order) a blue bar for the structurele vraag and an orange bar for
    the instroom, each with its number; where the vraag is not gedekt (`gedekt_kolom` false), "tekort 1,2" in
    red behind the pair."""
    if df is None or df.empty:
        return None
    df = df.reset_index(drop=True)
    sectoren = [plotly_tekst(s) for s in df[sector_kolom].astype(str)]
    vraag = pd.to_numeric(df[vraag_kolom]).astype(float)
    instroom = getoonde_getallen(df[instroom_kolom]).astype(float)
    tekort = vraag - instroom

    def staaf(waarden: pd.Series, naam: str, kleur: str) -> go.Bar:
        teksten = [formaat.getal(w, 1) for w in waarden]
        return go.Bar(
            x=waarden.tolist(), y=sectoren, orientation="h", name=naam, marker={"color": kleur},
            text=teksten, textposition="outside", cliponaxis=False, textfont={"size": LETTER, "color": "#31333F"},
            customdata=[[s, t] for s, t in zip(sectoren, teksten, strict=True)],
            hovertemplate=f"<b>%{{customdata[0]}}</b><br>{naam}: %{{customdata[1]}}<extra></extra>",
        )

    einde = pd.concat([vraag, instroom], axis=1).max(axis=1)
    niet_gedekt = df[gedekt_kolom].map(lambda g: g is not None and not bool(g))  # None: instroom afgeschermd
    fig = go.Figure([staaf(vraag, vraag_label, VRAAG_KLEUR), staaf(instroom, instroom_label, INSTROOM_KLEUR)])
    if niet_gedekt.any():
        fig.add_trace(go.Scatter(
            x=einde[niet_gedekt].tolist(), y=[s for s, n in zip(sectoren, niet_gedekt, strict=True) if n],
            mode="text", text=[f"            tekort {formaat.getal(t, 1)}" for t in tekort[niet_gedekt]],
            textposition="middle right", textfont={"size": LETTER, "color": TEKORT_KLEUR}, cliponaxis=False,
            hoverinfo="skip", showlegend=False,
        ))
    _opmaak(fig, titel, x_titel, None, hoogte=max(320, 150 + 64 * len(sectoren)))
    fig.update_layout(barmode="group", bargap=0.25, bargroupgap=0.05, showlegend=True,
                      xaxis=_waarde_as({}, float(einde.max()), 1.35 if niet_gedekt.any() else 1.15))
    fig.update_yaxes(autorange="reversed", showgrid=False, ticksuffix="  ")
    namen = [s for s, n in zip(df[sector_kolom].astype(str), niet_gedekt, strict=True) if n]
    rest = (
        f"per sector {vraag_label.lower()} (blauw) naast {instroom_label.lower()} (oranje); "
        + (f"de vraag is groter dan de instroom bij {opsomming(namen)}" if namen
           else "in geen enkele sector is de vraag groter dan de instroom")
    )
    return Grafiek(fig, _alt("Staafgrafiek", titel, rest, 0))
