"""Small multiples: one small horizontal bar chart per measure, the categories (sectors) in the same order
top to bottom in every chart, and per category a bar for now and one for the period before.

Made for comparing sectors in a meeting: a sector is read from left to right across the charts, and each
chart has its own scale (counts, percentages, places per month). Same house style as weergave.grafieken:
Okabe-Ito colours (blue for now, sky blue for before), fonts of at least 16 px, Dutch numbers and hover
texts written here, fixed axes. A missing value (for example a share without a denominator) is not drawn
but marked with "–" at the axis, so it cannot be mistaken for zero.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analytics.beschermd import getoond, verschil
from analytics.sectoren import UITVAL_MAANDEN
from weergave import formaat
from weergave.grafieken import (
    LETTER,
    LETTER_AS,
    TEKST,
    Grafiek,
    _opmaak,
    getallen,
    kleur,
    opsomming,
)
from weergave.tekst import plotly_tekst

KLEUR_NU = kleur(0)  # blue
KLEUR_VORIG = kleur(4)  # sky blue: the same measure, earlier
LIJN_TOTAAL = {"color": "#555555", "width": 2, "dash": "dot"}  # under the bars and their numbers
HOOGTE_PER_CATEGORIE = 46
LABELRUIMTE = 1.35  # room right of the longest bar for its number
KOPRUIMTE = 170  # px above the charts: title and a legend of up to two lines (it wraps at 1024 px)
KOPRUIMTE_LEGENDA = 125  # px above a row of charts with a legend but no title: a legend of up to two lines
KOPRUIMTE_ZONDER = 40  # px above a row of charts without title and legend: their small titles
RIJKOP = 70  # px per row of charts for its small titles and the axis numbers


@dataclass(frozen=True)
class Maat:
    """One small chart: the column for now and for before, how to write a value, and optionally the
    counts behind a share (shown in the hover text) and the value of the whole selection (a dotted line)."""

    titel: str
    nu: str
    vorig: str
    procent: bool = False  # values are fractions, shown as 12,5%
    decimalen: int = 0
    teller_nu: str | None = None
    noemer_nu: str | None = None
    teller_vorig: str | None = None
    noemer_vorig: str | None = None
    totaal_nu: float | None = None
    eenheid: str = ""  # under the axis, where the title does not say it ("plekken per maand")

    def tekst(self, waarde) -> str:
        if formaat.is_leeg(waarde):
            return formaat.LEEG
        if waarde == 0:
            return "0%" if self.procent else "0"
        return formaat.percentage(waarde, self.decimalen) if self.procent else formaat.getal(waarde, self.decimalen)

    def verschil(self, nu, vorig) -> str:
        """The change as text; protected numbers give it with brackets where its direction is not certain."""
        delta = verschil(nu, vorig)
        if delta is None:
            return formaat.LEEG
        if self.procent:
            return formaat.verschil_procentpunt(delta, self.decimalen)
        return formaat.verschil_getal(delta, self.decimalen)

    def schaal(self, waarde):
        """What is drawn: percentages as 0-100."""
        return waarde * 100 if self.procent and not formaat.is_leeg(waarde) else waarde


def kleine_veelvouden(
    df: pd.DataFrame | None,
    categorie_kolom: str,
    maten: Sequence[Maat],
    *,
    nu_label: str,
    vorig_label: str,
    titel: str | None = None,
    kolommen: int = 2,
    totaal_label: str = "Hele selectie",
    legenda: bool = True,
    lijn_in_legenda: bool = False,
) -> Grafiek | None:
    """One chart per `maten`, categories top to bottom in the order of `df`; None when `df` is empty. Two charts
    per row: with three, the small titles ran into each other at projector widths (a chart of 170 px at 1024).
    `legenda=False` for the figures under the first of `kleine_veelvouden_per_rij`; `lijn_in_legenda` names the
    dotted line in the legend even where this figure draws none (a later row does)."""
    if df is None or df.empty or not maten:
        return None
    bron = df.to_dict("records")  # for the hover: the values as the read side gave them (protected ones with ranges)
    df = getallen(df)  # a hidden count ("<5", "x") is not drawn: it shows as "–" like a value that cannot be given
    categorieen = [plotly_tekst(c) for c in df[categorie_kolom].astype(str)]  # axis, hover: text, not markup
    rijen = math.ceil(len(maten) / kolommen)
    fig = make_subplots(
        rows=rijen, cols=kolommen, shared_yaxes=True, subplot_titles=[m.titel for m in maten],
        horizontal_spacing=0.08, vertical_spacing=0.5 / (rijen * len(categorieen) / 4 + 1),
    )
    heeft_vorig = any(df[m.vorig].notna().any() for m in maten)
    heeft_totaal = False
    for i, maat in enumerate(maten):
        rij, kolom = i // kolommen + 1, i % kolommen + 1
        nu, vorig = df[maat.nu], df[maat.vorig]
        hover = [
            _hover(maat, c, nu_label, vorig_label, r)
            for c, r in zip(categorieen, bron, strict=True)
        ]
        # Now first: it is the upper bar of each sector and the first entry of the legend.
        fig.add_trace(go.Bar(
            y=categorieen, x=[maat.schaal(w) for w in nu], orientation="h", name=nu_label, legendgroup="nu",
            showlegend=legenda and i == 0, marker={"color": KLEUR_NU, "line": {"width": 0}},
            text=[maat.tekst(w) if not formaat.is_leeg(w) else "" for w in nu], textposition="outside",
            cliponaxis=False, textfont={"size": LETTER, "color": TEKST},
            customdata=hover, hovertemplate="%{customdata}<extra></extra>",
        ), row=rij, col=kolom)
        if heeft_vorig:
            fig.add_trace(go.Bar(
                y=categorieen, x=[maat.schaal(w) for w in vorig], orientation="h", name=vorig_label,
                legendgroup="vorig", showlegend=legenda and i == 0, marker={"color": KLEUR_VORIG, "line": {"width": 0}},
                customdata=hover, hovertemplate="%{customdata}<extra></extra>",
            ), row=rij, col=kolom)
        ontbreekt = [c for c, w in zip(categorieen, nu, strict=True) if formaat.is_leeg(w)]
        if ontbreekt:
            fig.add_trace(go.Scatter(
                y=ontbreekt, x=[0] * len(ontbreekt), mode="text", text=["  –"] * len(ontbreekt),
                textposition="middle right", textfont={"size": LETTER, "color": TEKST}, showlegend=False,
                hoverinfo="skip", name="niet te bepalen",
            ), row=rij, col=kolom)
        if maat.totaal_nu is not None and not formaat.is_leeg(maat.totaal_nu):
            heeft_totaal = True
            fig.add_vline(x=maat.schaal(maat.totaal_nu), line=LIJN_TOTAAL,
                          layer="below", row=rij, col=kolom)
        waarden = pd.concat([nu, vorig]).map(maat.schaal).astype(float)
        maximum = float(waarden.max()) if waarden.notna().any() else 0.0
        if maat.totaal_nu is not None and not formaat.is_leeg(maat.totaal_nu):
            maximum = max(maximum, float(maat.schaal(maat.totaal_nu)))
        # Nothing above zero: a count axis to 1 (ticks 0 and 1, not 0,5), a percentage axis to 100%.
        bovengrens = maximum or (100 if maat.procent else 1)
        fig.update_xaxes(
            range=[0, bovengrens * LABELRUIMTE], ticksuffix="%" if maat.procent else "",
            rangemode="tozero", gridcolor="#DDDDDD", zeroline=True, zerolinecolor="#888888",
            dtick=1 if bovengrens <= 4 and not maat.procent else None, row=rij, col=kolom,
            title={"text": maat.eenheid, "font": {"size": LETTER_AS, "color": TEKST}} if maat.eenheid else None,
        )
    if legenda and (heeft_totaal or lijn_in_legenda):
        fig.add_trace(go.Scatter(
            x=[None], y=[None], mode="lines", name=f"{totaal_label}, {nu_label}",
            line=LIJN_TOTAAL, hoverinfo="skip",
        ))
    kop = KOPRUIMTE if titel else KOPRUIMTE_LEGENDA if legenda else KOPRUIMTE_ZONDER
    hoogte = kop + rijen * (RIJKOP + HOOGTE_PER_CATEGORIE * len(categorieen))
    _opmaak(fig, titel, None, None, hoogte=hoogte)
    # Title, then the legend on its own line under it, then the small titles of the charts.
    fig.update_layout(barmode="group", bargap=0.25, bargroupgap=0.05, showlegend=legenda,
                      margin={"l": 10, "r": 20, "t": kop, "b": 10},
                      legend={"yref": "container", "y": 1 - (52 if titel else 8) / hoogte, "yanchor": "top"})
    fig.update_yaxes(categoryorder="array", categoryarray=categorieen, autorange="reversed", showgrid=False,
                     ticksuffix="  ", tickfont={"size": LETTER, "color": TEKST}, fixedrange=True)
    fig.update_xaxes(tickfont={"size": LETTER - 2, "color": TEKST}, fixedrange=True, separatethousands=True)
    fig.update_annotations(font={"size": LETTER_AS, "color": TEKST})
    return Grafiek(fig, _alt(df, categorie_kolom, maten, titel, nu_label, vorig_label, heeft_vorig))


def sectormaten(totaal) -> list[Maat]:
    """The Sectorvergelijking's six measures (on the page and in the half-year report), the shares with the whole
    selection's value (`totaal`: its row of analytics.sectoren.sectorvergelijking) as a dotted line."""
    return [
        Maat("Instroom", "instroom", "instroom_vorig"),
        Maat("Lopend aan het eind", "lopend", "lopend_vorig"),
        Maat("Praktijkverklaringen", "praktijkverklaringen", "praktijkverklaringen_vorig"),
        Maat(f"Uitval binnen {UITVAL_MAANDEN} maanden", "uitval6", "uitval6_vorig", procent=True,
             teller_nu="uitval6_teller", noemer_nu="uitval6_noemer", teller_vorig="uitval6_teller_vorig",
             noemer_vorig="uitval6_noemer_vorig", totaal_nu=getoond(totaal["uitval6"])),
        Maat("Uitstroom naar werk", "aandeel_werk", "aandeel_werk_vorig", procent=True, teller_nu="uitstroom_werk",
             noemer_nu="beeindigd", teller_vorig="uitstroom_werk_vorig", noemer_vorig="beeindigd_vorig",
             totaal_nu=getoond(totaal["aandeel_werk"])),
        Maat("Structurele vraag", "structurele_vraag", "structurele_vraag_vorig", decimalen=1,
             eenheid="plekken per maand"),
    ]


def kleine_veelvouden_per_rij(
    df: pd.DataFrame | None,
    categorie_kolom: str,
    maten: Sequence[Maat],
    *,
    nu_label: str,
    vorig_label: str,
    titel: str | None = None,
    kolommen: int = 2,
) -> list[Grafiek]:
    """The small multiples as one figure per row of charts, the title on the first, the legend on each (on paper a
    row may start a sheet, and a reader must still tell which colour is which half year). One figure of three rows
    was taller than an A4 sheet: on paper it broke through the middle of a chart or, scaled to fit, became too small
    to read; a row is a figure that prints whole (kader.opmaak)."""
    rijen = [maten[i:i + kolommen] for i in range(0, len(maten), kolommen)]
    lijn = any(m.totaal_nu is not None and not formaat.is_leeg(m.totaal_nu) for m in maten)
    grafieken = [
        kleine_veelvouden(df, categorie_kolom, rij, nu_label=nu_label, vorig_label=vorig_label,
                          titel=titel if i == 0 else None, kolommen=kolommen, legenda=True, lijn_in_legenda=lijn)
        for i, rij in enumerate(rijen)
    ]
    return [g for g in grafieken if g is not None]


def _hover(maat: Maat, categorie: str, nu_label: str, vorig_label: str, rij: dict) -> str:
    """"<b>Groen</b>, uitval binnen 6 maanden<br>1e halfjaar 2026: 12,5% (3 van 24)<br>..."."""

    def waarde(kolom: str, teller: str | None, noemer: str | None) -> str:
        tekst = maat.tekst(rij[kolom])
        if teller and noemer and not formaat.is_leeg(rij[noemer]):
            tekst += f" ({formaat.getal(rij[teller])} van {formaat.getal(rij[noemer])})"
        return tekst

    regels = [
        f"<b>{categorie}</b>, {maat.titel[0].lower()}{maat.titel[1:]}",
        f"{nu_label}: {waarde(maat.nu, maat.teller_nu, maat.noemer_nu)}",
    ]
    if not formaat.is_leeg(rij[maat.vorig]) or not formaat.is_leeg(rij[maat.nu]):
        regels.append(f"{vorig_label}: {waarde(maat.vorig, maat.teller_vorig, maat.noemer_vorig)}")
        regels.append(f"Verschil: {maat.verschil(rij[maat.nu], rij[maat.vorig])}")
    return "<br>".join(regels)


def _alt(df: pd.DataFrame, categorie_kolom: str, maten: Sequence[Maat], titel: str | None, nu_label: str,
         vorig_label: str, heeft_vorig: bool) -> str:
    """"Kleine grafieken ‘...’: per sector 1e halfjaar 2026 naast 2e halfjaar 2025; instroom het hoogst bij ..."."""
    delen = []
    for maat in maten:
        reeks = pd.Series(df[maat.nu].values, index=df[categorie_kolom].astype(str).values).dropna()
        if reeks.empty:
            delen.append(f"{maat.titel}: niet te bepalen")
            continue
        hoog = reeks.sort_values(ascending=False).head(2)
        delen.append(f"{maat.titel}: de hoogste getoonde waarden bij "
                     f"{opsomming([f'{c} ({maat.tekst(w)})' for c, w in hoog.items()])}")
    kop = f"Kleine grafieken ‘{titel}’" if titel else "Kleine grafieken"
    vergelijking = f"{nu_label} naast {vorig_label}" if heeft_vorig else nu_label
    return f"{kop}: per {categorie_kolom.lower()} {vergelijking}; " + "; ".join(delen) + "."
