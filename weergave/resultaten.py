"""Van instroom naar werk on screen: the flow chart (a Sankey: from gestart to where the trajecten stand now, and from
praktijkverklaring to what came after), the table per start cohort, and the measures per stroom side by side.

Input: the tables of `analytics.resultaten` as the viewer may see them (protected values are `Beschermd`). A hidden
value ("<5", "x") is not drawn; the chart's nodes carry the numbers as the table shows them (plotly would otherwise
add up the drawn links, a number nobody published), and the page says which steps were left out.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analytics.beschermd import getoond
from analytics.resultaten import DELEN_INSTROOM, DELEN_PRAKTIJKVERKLARING, STAPPEN, TELLINGEN
from weergave import formaat
from weergave.grafieken import LETTER, TEKST, Grafiek, _opmaak, opsomming
from weergave.kleine_veelvouden import Maat
from weergave.tekst import plotly_tekst

GROEN, BLAUW, LICHTBLAUW, ORANJE, GRIJS = "#009E73", "#0072B2", "#56B4E9", "#D55E00", "#999999"
KLEUREN = {
    "instroom": BLAUW, "lopend": LICHTBLAUW, "uitval": ORANJE, "voortijdig_werk": GROEN, "praktijkverklaring": BLAUW,
    "pv_betaald_werk": GROEN, "pv_werk_sw": GROEN, "pv_vervolgopleiding": "#CC79A7", "pv_geen_of_onbekend": GRIJS,
}
# fixed places, so the chart looks the same for every selection: gestart left, then where they stand, then after the
# praktijkverklaring
PLAATS = {
    "instroom": (0.01, 0.5), "lopend": (0.45, 0.08), "uitval": (0.45, 0.3), "voortijdig_werk": (0.45, 0.45),
    "praktijkverklaring": (0.45, 0.8), "pv_betaald_werk": (0.99, 0.55), "pv_werk_sw": (0.99, 0.72),
    "pv_vervolgopleiding": (0.99, 0.87), "pv_geen_of_onbekend": (0.99, 0.97),
}
HOOGTE = 480

# Short headers for the table (the whole name in the help): eleven columns must fit at 1024 px.
KOPPEN = {
    "instroom": ("Gestart", "Trajecten die in de periode begonnen (instroom)."),
    "lopend": ("Lopend", "Nog lopend volgens de laatste export."),
    "uitval": ("Uitval", "Voortijdig gestopt, niet voor betaald werk (uitval)."),
    "voortijdig_werk": ("Vroeg werk", "Voortijdig gestopt omdat de kandidaat betaald werk vond: uitstroom naar werk, "
                                      "geen uitval."),
    "praktijkverklaring": ("Praktijkverkl.", "Geëindigd met een praktijkverklaring (status afgerond)."),
    "pv_betaald_werk": ("→ Betaald werk", "Met een praktijkverklaring en daarna betaald werk (werk na "
                                          "praktijkverklaring)."),
    "pv_werk_sw": ("→ Werk SW", "Met een praktijkverklaring en daarna werk binnen het SW-bedrijf."),
    "pv_vervolgopleiding": ("→ Opleiding", "Met een praktijkverklaring en daarna een vervolgopleiding."),
    "pv_geen_of_onbekend": ("→ Geen/onbekend", "Met een praktijkverklaring, zonder uitstroom naar werk of opleiding "
                                               "of met een onbekende uitstroom."),
    "aandeel_werk_na_praktijkverklaring": ("Werk na PV", "Werk na praktijkverklaring: het deel van de trajecten met "
                                                         "een praktijkverklaring dat naar betaald werk ging."),
}


@dataclass(frozen=True)
class Stroomdiagram:
    grafiek: Grafiek | None  # None: nothing to draw
    niet_getekend: list[str]  # steps whose number is hidden ("<5", "x"): not drawn


def stroomdiagram(rij: pd.Series, titel: str) -> Stroomdiagram:
    """The Sankey of one row of `van_instroom_naar_werk` (the whole selection, or one cohort)."""
    knopen = list(TELLINGEN)
    positie = {k: i for i, k in enumerate(knopen)}
    bron, doel, waarde, tekst, kleur = [], [], [], [], []
    niet_getekend = []
    for van, delen in (("instroom", DELEN_INSTROOM), ("praktijkverklaring", DELEN_PRAKTIJKVERKLARING)):
        for deel in delen:
            g = getoond(rij[deel])
            if g is None:
                niet_getekend.append(STAPPEN[deel])
                continue
            if g == 0:
                continue
            bron.append(positie[van])
            doel.append(positie[deel])
            waarde.append(g)
            kleur.append(_doorzichtig(KLEUREN[deel]))
            tekst.append(f"{STAPPEN[van]} → {STAPPEN[deel]}: {formaat.getal(rij[deel])}")
    if not waarde:
        return Stroomdiagram(None, niet_getekend)
    labels = [plotly_tekst(f"{STAPPEN[k]}: {formaat.getal(rij[k])}") for k in knopen]
    fig = go.Figure(go.Sankey(
        arrangement="fixed",
        node={"label": labels, "color": [KLEUREN[k] for k in knopen], "pad": 18, "thickness": 22,
              "line": {"width": 0}, "x": [PLAATS[k][0] for k in knopen], "y": [PLAATS[k][1] for k in knopen],
              "hoverinfo": "none"},
        link={"source": bron, "target": doel, "value": waarde, "color": kleur, "customdata": tekst,
              "hovertemplate": "%{customdata}<extra></extra>"},
        textfont={"size": LETTER, "color": TEKST},
    ))
    _opmaak(fig, titel, None, None, hoogte=HOOGTE)
    fig.update_layout(margin={"l": 10, "r": 10, "t": 70, "b": 10})
    return Stroomdiagram(Grafiek(fig, _alt(rij, titel, niet_getekend)), niet_getekend)


def _doorzichtig(kleur: str, alpha: float = 0.45) -> str:
    r, g, b = (int(kleur[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def _alt(rij: pd.Series, titel: str, niet_getekend: list[str]) -> str:
    def deel(k: str) -> str:
        return f"{formaat.getal(rij[k])} {STAPPEN[k].lower()}"

    zin = (f"Stroomdiagram, {titel}: van de {formaat.getal(rij['instroom'])} gestarte trajecten "
           f"{opsomming([deel(k) for k in DELEN_INSTROOM])}; van de {formaat.getal(rij['praktijkverklaring'])} met "
           f"een praktijkverklaring {opsomming([deel(k) for k in DELEN_PRAKTIJKVERKLARING])}.")
    if niet_getekend:
        zin += f" Niet getekend (te klein om te tonen): {opsomming(niet_getekend)}."
    return zin


VOLGORDE = ("instroom", "lopend", "uitval", "praktijkverklaring", "pv_betaald_werk",
            "aandeel_werk_na_praktijkverklaring", "voortijdig_werk", "pv_werk_sw", "pv_vervolgopleiding",
            "pv_geen_of_onbekend")  # what a gemeente asks first on the left: at 1024 px the rest needs scrolling


def cohorttabel(df: pd.DataFrame, per_label: str | None) -> pd.DataFrame:
    """The table beside the chart: per start year (and group), the counts and the share werk na praktijkverklaring,
    with Dutch headers (the long ones: `KOPPEN`); the total row last."""
    uit = pd.DataFrame({
        "Startjaar": ["Totaal" if t else f"{c.year}" for c, t in zip(df["cohort"], df["is_totaal"], strict=True)],
    })
    if per_label:
        uit[per_label] = ["Hele selectie" if t else g for g, t in zip(df["groepnaam"], df["is_totaal"], strict=True)]
    for kolom in VOLGORDE:
        uit[KOPPEN[kolom][0]] = ([formaat.percentage(w) for w in df[kolom]] if kolom.startswith("aandeel_")
                                 else df[kolom].to_numpy())
    return uit


def stroomtabel(df: pd.DataFrame) -> pd.DataFrame:
    """Per stroom side by side: the shares lopend, uitval, praktijkverklaring and werk na praktijkverklaring first (they
    compare groups of different size), then the counts behind them."""
    return pd.DataFrame({
        "Stroom": df["groepnaam"].to_numpy(),
        "Gestart": df["instroom"].to_numpy(),
        "Lopend %": [formaat.percentage(w) for w in df["aandeel_lopend"]],
        "Uitval %": [formaat.percentage(w) for w in df["aandeel_uitval"]],
        "Praktijkverkl. %": [formaat.percentage(w) for w in df["aandeel_praktijkverklaring"]],
        "Werk na PV %": [formaat.percentage(w) for w in df["aandeel_werk_na_praktijkverklaring"]],
        "Aantal uitval": df["uitval"].to_numpy(),
        "Aantal PV": df["praktijkverklaring"].to_numpy(),
        "Aantal werk na PV": df["pv_betaald_werk"].to_numpy(),
    })


STROOMHULP = {
    "Gestart": KOPPEN["instroom"][1],
    "Lopend %": "Het deel van de gestarte trajecten dat nog loopt: zolang dat groot is, kan er nog veel veranderen.",
    "Uitval %": "Uitval tot nu als deel van de gestarte trajecten, hoe lang ze ook liepen (op het Overzicht: "
                "binnen 12 maanden); een startjaar met nog veel lopende trajecten kan nog oplopen. "
                + KOPPEN["uitval"][1],
    "Praktijkverkl. %": "Praktijkverklaringen als deel van de gestarte trajecten.",
    "Werk na PV %": KOPPEN["aandeel_werk_na_praktijkverklaring"][1],
    "Aantal uitval": KOPPEN["uitval"][1],
    "Aantal PV": KOPPEN["praktijkverklaring"][1],
    "Aantal werk na PV": KOPPEN["pv_betaald_werk"][1],
}


def stroommaten() -> list[Maat]:
    """The four small charts per stroom: how many started, and the shares uitval, praktijkverklaring and werk."""
    return [
        Maat("Gestart", "instroom", ""),
        Maat("Uitval (%)", "aandeel_uitval", "", procent=True, teller_nu="uitval", noemer_nu="instroom"),
        Maat("Praktijkverkl. (%)", "aandeel_praktijkverklaring", "", procent=True,
             teller_nu="praktijkverklaring", noemer_nu="instroom"),
        Maat("Werk na PV (%)", "aandeel_werk_na_praktijkverklaring", "", procent=True,
             teller_nu="pv_betaald_werk", noemer_nu="praktijkverklaring"),
    ]


def per_stroom_grafiek(df: pd.DataFrame) -> Grafiek | None:
    """Small multiples, two by two: per stroom (rows of `per_stroom` without the total) one bar per measure, in the
    fixed order of the strooms (no ranking: the rounded numbers need not decide one); the whole selection's share as
    a dotted line. A hidden value is not drawn ("–")."""
    totaal = df[df["is_totaal"].astype(bool)]
    rijen = df[~df["is_totaal"].astype(bool)]
    if rijen.empty:
        return None
    maten = stroommaten()
    namen = [plotly_tekst(n) for n in rijen["groepnaam"]]
    fig = make_subplots(rows=2, cols=2, shared_yaxes=True, subplot_titles=[m.titel for m in maten],
                        horizontal_spacing=0.1, vertical_spacing=0.22)
    for i, maat in enumerate(maten):
        rij, kolom = i // 2 + 1, i % 2 + 1
        waarden = [getoond(w) for w in rijen[maat.nu]]
        hover = []
        for naam, (_, r) in zip(namen, rijen.iterrows(), strict=True):
            tekst = f"<b>{naam}</b>, {maat.titel[0].lower()}{maat.titel[1:]}: {maat.tekst(getoond(r[maat.nu]))}"
            if maat.teller_nu and getoond(r[maat.nu]) is not None:
                tekst += f" ({formaat.getal(r[maat.teller_nu])} van {formaat.getal(r[maat.noemer_nu])})"
            hover.append(tekst)
        fig.add_trace(go.Bar(
            y=namen, x=[None if w is None else maat.schaal(w) for w in waarden], orientation="h",
            marker={"color": BLAUW}, showlegend=False, customdata=hover, hovertemplate="%{customdata}<extra></extra>",
            text=[formaat.LEEG if w is None else maat.tekst(w) for w in waarden], textposition="outside",
            cliponaxis=False, textfont={"size": LETTER, "color": TEKST},
        ), row=rij, col=kolom)
        hoogste = max([maat.schaal(w) for w in waarden if w is not None] or [1])
        if maat.procent and not totaal.empty and getoond(totaal.iloc[0][maat.nu]) is not None:
            lijn = maat.schaal(getoond(totaal.iloc[0][maat.nu]))
            hoogste = max(hoogste, lijn)
            fig.add_vline(x=lijn, line={"color": "#555555", "width": 2, "dash": "dot"}, layer="below", row=rij,
                          col=kolom)
        fig.update_xaxes(range=[0, hoogste * 1.4], ticksuffix="%" if maat.procent else "", row=rij, col=kolom,
                         gridcolor="#DDDDDD", fixedrange=True, tickfont={"size": LETTER - 2, "color": TEKST})
    hoogte = 140 + 2 * (60 + 44 * len(namen))
    _opmaak(fig, None, None, None, hoogte=hoogte)
    fig.update_layout(margin={"l": 10, "r": 20, "t": 40, "b": 10}, bargap=0.3)
    fig.update_yaxes(autorange="reversed", ticksuffix="  ", tickfont={"size": LETTER, "color": TEKST},
                     fixedrange=True)
    fig.update_annotations(font={"size": LETTER, "color": TEKST})
    delen = []
    for maat in maten:
        waarden = ", ".join(f"{n} {maat.tekst(getoond(w))}" for n, w in zip(rijen["groepnaam"], rijen[maat.nu],
                                                                            strict=True))
        delen.append(f"{maat.titel}: {waarden}")
    alt = "Kleine grafieken per stroom; " + "; ".join(delen) + "."
    if not totaal.empty:
        alt += " De stippellijn is de hele selectie."
    return Grafiek(fig, alt)
