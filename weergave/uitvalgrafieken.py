"""The charts of the uitval page: uitval per start cohort, the state of each cohort, Kaplan-Meier curves with their
confidence band, and a Pareto chart of the redenen. Same house style as weergave.grafieken (Okabe-Ito colours,
16 px type, Dutch hover texts written here, fixed axes); data in, `Grafiek` out, None when there is nothing to draw.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from analytics.beschermd import getoonde_getallen, minstens
from weergave import formaat
from weergave.grafieken import (
    GRIJS_DOEL,
    LABELLETTER,
    LETTER,
    Grafiek,
    _alt,
    _opmaak,
    _waarde_as,
    getallen,
    kleur,
    opsomming,
)
from weergave.tekst import plotly_label, plotly_tekst

GRIJS_TEKST = "#555555"


def cohort_label(cohort, per: str) -> str:
    """"2026 K3" for a quarter, "2026" for a year."""
    return str(pd.Timestamp(cohort).year) if per == "jaar" else formaat.kwartaal_label(cohort)


def _rgba(hex_kleur: str, dekking: float) -> str:
    r, g, b = (int(hex_kleur[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{dekking})"


def _procent_as(maximum: float, ruimte: float = 1.15) -> dict:
    bovenkant = min(1.0, max(maximum * ruimte, 0.05))
    return {"tickformat": ".0%", "range": [0, bovenkant], "rangemode": "tozero", "gridcolor": "#DDDDDD",
            "zeroline": True, "zerolinecolor": "#888888"}


# --- uitval per start cohort -------------------------------------------------------------------------------


def uitval_binnen_per_cohort(df: pd.DataFrame, per: str, maanden: Sequence[int], *, titel: str) -> Grafiek | None:
    """Grouped bars per cohort: uitval within each N of `maanden`. A cohort that no traject of could be followed
    N months yet gets no bar but the words "te jong" (a hidden share: "afgeschermd"); one that only part of could
    be followed N months gets no bar either but "nog open": over part of a cohort, uitval within 12 months can lie
    below uitval within 6, which a bar would show as a fall (`heel_te_volgen_N`, from the read side)."""
    if df is None or df.empty:
        return None
    df = getallen(df)
    labels = [cohort_label(c, per) for c in df["cohort"]]
    fig = go.Figure()
    hoogste = max((float(getoonde_getallen(df[f"aandeel_uitval_{n}"]).max()) for n in maanden), default=0.0)
    hoogste = 0.0 if pd.isna(hoogste) else hoogste
    waardelabels = len(labels) <= 6
    for positie, n in enumerate(maanden):
        aandeel = getoonde_getallen(df[f"aandeel_uitval_{n}"])
        te_volgen, uitval, instroom = df[f"te_volgen_{n}"], df[f"uitval_{n}"], df["instroom"]
        heel = df.get(f"heel_te_volgen_{n}", te_volgen >= instroom).astype(bool)
        deels = aandeel.notna() & ~heel & te_volgen.fillna(0).gt(0)
        aandeel = aandeel.where(~deels)
        naam = f"Binnen {n} maanden"
        customdata = [
            [label, formaat.percentage(a), formaat.getal(u), formaat.getal(t),
             f"<br>Nog maar {formaat.getal(t)} van de {formaat.getal(i)} trajecten zijn {n} maanden te volgen"
             if d else ""]
            for label, a, u, t, i, d in zip(labels, aandeel, uitval, te_volgen, instroom, deels, strict=True)
        ]
        fig.add_trace(go.Bar(
            x=labels, y=aandeel, name=naam, offsetgroup=str(n), legendgroup=str(n),
            marker={"color": kleur(positie), "line": {"width": 0}},
            customdata=customdata,
            hovertemplate=(f"<b>%{{customdata[0]}}</b><br>Uitval binnen {n} maanden: %{{customdata[1]}} "
                           "(%{customdata[2]} van %{customdata[3]})%{customdata[4]}<extra></extra>"),
            text=[formaat.percentage(a, 0) if waardelabels and not pd.isna(a) else "" for a in aandeel],
            textposition="outside", textfont=LABELLETTER, cliponaxis=False,
        ))
        # no bar: nobody could be followed N months yet ("te jong"), or the share is hidden (small numbers)
        # from the read side (a matter of start dates, not of small numbers): for others te_volgen is "<5" there
        te_jong = df.get(f"te_jong_{n}", te_volgen.fillna(1).eq(0)).astype(bool)
        zonder = aandeel.isna()
        if zonder.any():
            fig.add_trace(go.Bar(
                x=labels, y=[0 if z else None for z in zonder], offsetgroup=str(n), legendgroup=str(n),
                showlegend=False, marker={"color": kleur(positie)}, hoverinfo="skip",
                text=[("te jong" if j else "nog open" if d else "afgeschermd") if z else ""
                      for z, j, d in zip(zonder, te_jong, deels, strict=True)],
                textposition="outside", textangle=-90,
                textfont={"size": LETTER - 2, "color": GRIJS_TEKST}, cliponaxis=False, constraintext="none",
            ))
    _opmaak(fig, titel, None, "Deel van de trajecten", hoogte=480)
    fig.update_layout(barmode="group", bargap=0.25, bargroupgap=0.05, yaxis=_procent_as(max(hoogste, 0.1), 1.3))
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=labels, showgrid=False)
    delen = []
    for n in maanden:
        waarden = [f"{label} {formaat.percentage(a)}" for label, a in zip(labels, df[f"aandeel_uitval_{n}"],
                                                                           strict=True) if not pd.isna(a)]
        if waarden:
            delen.append(f"binnen {n} maanden: " + opsomming(waarden[-3:]))
    rest = "uitval per startcohort; de laatste cohorten " + "; ".join(delen) if delen else "nog geen cohort te volgen"
    return Grafiek(fig, _alt("Staafgrafiek", titel, rest, 0))


def stand_per_cohort(df: pd.DataFrame, per: str, *, titel: str) -> Grafiek | None:
    """Per cohort one bar of 100%: uitgevallen, still lopend, and the rest (afgerond or gone to paid work), each its
    share as the read side gives it (exact, or rounded from the exact ratio); what is hidden fills the bar to 100% in
    grey as "afgeschermd", so no bar stops short."""
    if df is None or df.empty:
        return None
    lopend_deel = df["aandeel_lopend"]
    df = getallen(df)
    labels = [cohort_label(c, per) for c in df["cohort"]]
    delen = [
        ("Uitgevallen", df["uitval"], getoonde_getallen(df["aandeel_uitval"]), kleur(3)),
        ("Nog lopend", df["lopend"], getoonde_getallen(df["aandeel_lopend"]), GRIJS_DOEL),
        ("Afgerond of naar werk", df["rest"], getoonde_getallen(df["aandeel_rest"]), kleur(4)),
    ]
    getoond = sum(aandeel.fillna(0) for _, _, aandeel, _ in delen)
    verborgen = (1 - getoond).clip(lower=0).where(sum(a.isna() for _, _, a, _ in delen) > 0, 0)
    if (verborgen > 0).any():
        delen.append(("Afgeschermd (kleine aantallen)", pd.Series([None] * len(df), index=df.index), verborgen,
                      "#BBBBBB"))
    fig = go.Figure()
    for naam, aantal, aandeel, kleur_ in delen:
        fig.add_trace(go.Bar(
            x=labels, y=aandeel, name=naam, marker={"color": kleur_, "line": {"width": 0}},
            customdata=[[label, formaat.percentage(a), formaat.getal(n), formaat.getal(i)]
                        for label, a, n, i in zip(labels, aandeel, aantal, df["instroom"], strict=True)],
            hovertemplate=(f"<b>%{{customdata[0]}}</b><br>{naam}: %{{customdata[1]}} "
                           "(%{customdata[2]} van %{customdata[3]} gestart)<extra></extra>"),
            text=[formaat.percentage(a, 0) if a >= 0.1 and len(labels) <= 16 else "" for a in aandeel],
            textposition="inside", insidetextanchor="middle",
            textfont={"size": LETTER - 2, "color": "#FFFFFF" if naam == "Uitgevallen" else "#000000"},
        ))
    _opmaak(fig, titel, None, "Deel van de instroom", hoogte=380)
    fig.update_layout(barmode="stack", bargap=0.25, yaxis={**_procent_as(1.0, 1.0), "dtick": 0.25})
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=labels, showgrid=False)
    open_ = [label for label, lopend in zip(labels, lopend_deel, strict=True) if minstens(lopend, 0.5 + 1e-9) is True]
    open_tekst = f"nog voor meer dan de helft open: {opsomming(open_)}" if open_ else "geen cohort nog grotendeels open"
    rest = f"per startcohort het deel uitgevallen, nog lopend en afgerond of naar werk; {open_tekst}"
    return Grafiek(fig, _alt("Gestapelde staafgrafiek", titel, rest, 0))


# --- Kaplan-Meier ------------------------------------------------------------------------------------------


def overlevingscurves(curves: pd.DataFrame, groepen: Sequence[str], namen: dict[str, str], *, titel: str,
                      aantallen: bool = True) -> Grafiek | None:
    """Per group a step line of the share not yet uitgevallen with its shaded 95% band, in the order of `groepen`
    (colour by place), as far as the read side sends it (it stops a curve where too few are followed). `aantallen`:
    the numbers followed per step go into the hover (the read side says whether this viewer may see them)."""
    if curves is None or curves.empty:
        return None
    fig = go.Figure()
    laagste, langste, einden = 1.0, 0.0, []
    for positie, groep in enumerate(groepen):
        km = curves[curves["groep"] == groep]
        if km.empty:
            continue
        naam = namen.get(groep, groep)
        label = plotly_label(naam)  # an organisatie or werkgever from a file: legend and hover as text
        kleur_ = kleur(positie)
        met_band = bool(km["onder"].notna().any())
        laagste = min(laagste, float((km["onder"] if met_band else km["overleving"]).min()))
        langste = max(langste, float(km["tijd"].max()))
        einden.append(f"{naam} {formaat.percentage(km['overleving'].iloc[-1], 0)} na "
                      f"{formaat.getal(km['tijd'].iloc[-1], 0)} maanden")
        band = {"x": km["tijd"], "mode": "lines", "line": {"width": 0, "shape": "hv"}, "hoverinfo": "skip",
                "showlegend": False, "legendgroup": label}
        if met_band:
            fig.add_trace(go.Scatter(y=km["boven"], **band))
            dekking = 0.12 if len(groepen) > 3 else 0.2
            fig.add_trace(go.Scatter(y=km["onder"], fill="tonexty", fillcolor=_rgba(kleur_, dekking), **band))
        fig.add_trace(go.Scatter(
            x=km["tijd"], y=km["overleving"], mode="lines", name=label, legendgroup=label,
            line={"color": kleur_, "width": 3, "shape": "hv"},
            # the numbers followed only go to the browser for whoever may see them
            customdata=[[label, formaat.getal(t, 1), formaat.percentage(s, 1 if met_band else 0),
                         formaat.percentage(o), formaat.percentage(b)] + ([formaat.getal(n)] if aantallen else [])
                        for t, s, o, b, n in zip(km["tijd"], km["overleving"], km["onder"], km["boven"],
                                                 km["at_risk"], strict=True)],
            hovertemplate=("<b>%{customdata[0]}</b><br>Na %{customdata[1]} maanden nog niet uitgevallen: "
                           + ("%{customdata[2]}<br>95%-betrouwbaarheidsinterval: %{customdata[3]} tot "
                              "%{customdata[4]}" if met_band else "ongeveer %{customdata[2]}")
                           + ("<br>Nog gevolgd: %{customdata[5]} trajecten" if aantallen else "")
                           + "<extra></extra>"),
        ))
    if not einden:
        return None
    _opmaak(fig, titel, "Maanden na de start", "Nog niet uitgevallen", hoogte=520)
    onderkant = max(0.0, (int(laagste * 10) / 10) - 0.05) if laagste > 0.1 else 0.0
    fig.update_layout(
        showlegend=len(einden) > 1 or groepen[0] != "totaal",
        yaxis={"tickformat": ".0%", "range": [onderkant, 1.01], "gridcolor": "#DDDDDD"},
        xaxis={"range": [0, max(langste, 3) * 1.02], "dtick": 3, "gridcolor": "#EEEEEE", "zeroline": False},
        hovermode="closest",
    )
    fig.add_vrect(x0=0, x1=3, fillcolor="#888888", opacity=0.08, line_width=0, layer="below",
                  annotation_text="eerste 3 maanden", annotation_position="bottom right",
                  annotation_font={"size": LETTER - 2, "color": GRIJS_TEKST})
    return Grafiek(fig, _alt("Lijngrafiek", titel, "deel nog niet uitgevallen naar maanden na de start: "
                             + opsomming(einden), 0))


# --- Pareto ------------------------------------------------------------------------------------------------


def pareto(df: pd.DataFrame, *, titel: str) -> Grafiek | None:
    """Bars per reden (largest first, counts on the left axis) and the cumulative share as a line (right axis)."""
    if df is None or df.empty:
        return None
    aantallen = getoonde_getallen(df["aantal"])  # a hidden count ("<5") gets no bar, only its label
    cumulatief = getoonde_getallen(df["cumulatief"])
    if aantallen.fillna(0).sum() == 0 and aantallen.notna().all():
        return None
    namen = df["naam"].tolist()
    labels = [plotly_tekst(n) for n in namen]
    fig = go.Figure([
        go.Bar(
            x=labels, y=aantallen, name="Aantal uitgevallen", marker={"color": kleur(0), "line": {"width": 0}},
            text=[formaat.getal(a) for a in df["aantal"]], textposition="inside", insidetextanchor="end",
            textfont={"size": LETTER, "color": "#FFFFFF"},
            customdata=[[n, formaat.getal(a), formaat.percentage(p)] for n, a, p in
                        zip(labels, df["aantal"], df["aandeel"], strict=True)],
            hovertemplate="<b>%{customdata[0]}</b><br>Uitgevallen: %{customdata[1]} (%{customdata[2]})<extra></extra>",
        ),
    ])
    # Every cumulative share hidden (small counts): no line to draw, so no legend entry and no empty right axis.
    met_lijn = bool(cumulatief.notna().any())
    if met_lijn:
        fig.add_trace(go.Scatter(
            x=labels, y=cumulatief, name="Cumulatief deel van de uitval", yaxis="y2", mode="lines+markers",
            line={"color": kleur(1), "width": 3}, marker={"size": 9},
            customdata=[[n, formaat.percentage(c)] for n, c in zip(labels, cumulatief, strict=True)],
            hovertemplate="<b>t/m %{customdata[0]}</b><br>Samen %{customdata[1]} van de uitval<extra></extra>",
        ))
    _opmaak(fig, titel, None, "Aantal uitgevallen", hoogte=480)
    fig.update_layout(bargap=0.3, yaxis=_waarde_as(fig.layout.yaxis.to_plotly_json(), float(aantallen.max()), 1.05),
                      plot_bgcolor="#FFFFFF")  # white also off Streamlit's theme (the report), with or without line
    if met_lijn:  # automargin: without it the axis title lay over the tick labels (100% read as "10")
        fig.update_layout(yaxis2={
            "overlaying": "y", "side": "right", "range": [0, 1.05], "tickformat": ".0%", "showgrid": False,
            "tickvals": [0, 0.2, 0.4, 0.6, 0.8, 1.0], "fixedrange": True, "tickfont": LABELLETTER, "automargin": True,
            "title": {"text": "Cumulatief deel van de uitval", "font": LABELLETTER}})
    fig.update_xaxes(type="category", showgrid=False)
    top = [f"{n} ({formaat.getal(a)})" for n, a in zip(namen, df["aantal"], strict=True)][:3]
    binnen = int((cumulatief < 0.8).sum()) + 1
    rest = f"meest genoemde redenen {opsomming(top)}"
    if cumulatief.notna().all():
        rest += (f"; de eerste {formaat.getal(min(binnen, len(namen)))} redenen samen dekken minstens 80% van de "
                 "uitval")
    return Grafiek(fig, _alt("Paretodiagram", titel, rest, int(aantallen.isna().sum())))
