"""Plotly figures for the pages: tidy DataFrame in, `Grafiek` (figure + Dutch description) out.

What every figure here has, and why:
- Okabe-Ito colours in a fixed order: a category gets the colour of its place in `volgorde`, so the same
  order gives the same colour on every chart. Beyond eight categories the colours repeat with a hatch
  pattern (bars) or a dashed line (lines).
- Fonts of at least 16 px (projector), axis titles from the caller, `layout.separators=",."` (1.234,5).
- Month axes get their tick labels from `formaat.maand_label` ("okt 2026"), and every hover text is
  written here from `customdata`: plotly's Dutch locale is not in Streamlit's bundle, so nothing is left
  for plotly to format as a date (no "Oct" anywhere).
- Axes are fixed (no zoom by dragging by accident during a meeting); the modebar keeps only the PNG download
  and Streamlit's full-screen button (see `PLOTLY_CONFIG`).
- An empty DataFrame (or one with nothing to draw) gives `None`; the page says so in words.
- A value that is missing (NaN, for example a suppressed small number) is not drawn; the figure and its
  description say how many were left out.
- Labels from the data (organisaties, werkgevers, beroepen, ...) go through `tekst.plotly_tekst` where they enter
  plotly (names, categories, customdata), so plotly draws them as text, never as a link or a placeholder; the
  descriptions (`alt`, an attribute for screen readers) keep them as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import pandas as pd
import plotly.graph_objects as go

from analytics.beschermd import geschaald, getoonde_getallen, is_beschermd, minstens
from weergave import formaat
from weergave.tekst import as_met_namen, plotly_label, plotly_tekst

# Okabe & Ito (2008), "Color Universal Design"; blue first (the app's primary colour), yellow late
# (weak on white).
PALET = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000")
PATRONEN = ("", "/", ".", "x")
STREEPJES = ("solid", "dash", "dot", "dashdot")
GRIJS_DOEL = "#BBBBBB"
TEKST = "#31333F"  # Streamlit's text colour: the theme's grey ticks are too pale on a projector
LABELLETTER = {"size": 16, "color": TEKST}
ZWART = "#000000"

LETTER = 16
LETTER_AS = 18
LETTER_TITEL = 22
MAX_MAANDTICKS = 8
MAX_STAAFLABELS = 12

Periode = Literal["maand", "kwartaal", "halfjaar", "jaar"]

# plotly.js accepts a locale inline in the config (`locales`), so no locale file has to be downloaded or
# registered. It translates the modebar tooltips and plotly's own date/number formatting in case a page
# lets plotly format something itself.
NL_LOCALE = {
    "dictionary": {
        "Download plot as a PNG": "Grafiek downloaden als PNG",
        "Download plot": "Grafiek downloaden",
        "Preparing image - this may take a few seconds": "Afbeelding wordt gemaakt, een ogenblik",
        "Image download succeeded": "Afbeelding gedownload",
        "Sorry, there was a problem downloading your image!": "Het downloaden van de afbeelding is mislukt.",
        "Zoom": "Zoomen",
        "Zoom in": "Inzoomen",
        "Zoom out": "Uitzoomen",
        "Pan": "Verschuiven",
        "Autoscale": "Automatisch schalen",
        "Reset axes": "Assen herstellen",
        "Reset": "Herstellen",
        "Reset view": "Weergave herstellen",
        "Reset views": "Weergaven herstellen",
        "Box Select": "Rechthoek selecteren",
        "Lasso Select": "Lasso selecteren",
        "Toggle Spike Lines": "Hulplijnen aan/uit",
        "Show closest data on hover": "Dichtstbijzijnde gegevens tonen",
        "Compare data on hover": "Gegevens vergelijken",
        "Toggle show closest data on hover": "Dichtstbijzijnde gegevens aan/uit",
        "Double-click to zoom back out": "Dubbelklik om terug te zoomen",
        "Download plot as JSON": "Grafiek downloaden als JSON",
    },
    "format": {
        "days": list(formaat.DAGEN),
        "shortDays": list(formaat.DAGEN_KORT),
        "months": list(formaat.MAANDEN),
        "shortMonths": list(formaat.MAANDEN_KORT),
        "periods": ["", ""],
        "dateTime": "%a %e %b %Y %X",
        "date": "%d-%m-%Y",
        "time": "%H:%M:%S",
        "decimal": ",",
        "thousands": ".",
        "grouping": [3],
        "currency": ["€ ", ""],
        "year": "%Y",
        "month": "%b %Y",
        "dayMonth": "%-d %b",
        "dayMonthYear": "%-d %b %Y",
    },
}

# For `st.plotly_chart(grafiek.figure, config=PLOTLY_CONFIG)`. The buttons are reduced with
# `modeBarButtonsToRemove`, not with an explicit `modeBarButtons` list: Streamlit 1.67 adds its full-screen
# button through `modeBarButtonsToAdd`, which plotly ignores when `modeBarButtons` is set, and full screen
# is what one wants on a projector. Its tooltip ("Fullscreen") is Streamlit's and stays English.
PLOTLY_CONFIG = {
    "displaylogo": False,
    "locale": "nl",
    "locales": {"nl": NL_LOCALE},
    "modeBarButtonsToRemove": [
        "zoom2d", "pan2d", "select2d", "lasso2d", "zoomIn2d", "zoomOut2d", "autoScale2d", "resetScale2d",
        "toggleSpikelines", "hoverClosestCartesian", "hoverCompareCartesian", "sendDataToCloud", "toggleHover",
    ],
    "toImageButtonOptions": {"format": "png", "filename": "grafiek", "scale": 2},
    "scrollZoom": False,
    "doubleClick": False,
    "showTips": False,
}


@dataclass(frozen=True)
class Grafiek:
    """A figure and a one-sentence Dutch description of what it shows (for `st.plotly_chart(alt=...)`)."""

    figure: go.Figure
    alt: str


# --- colours and order -------------------------------------------------------------------------------


def reeksvolgorde(aanwezig: Sequence, volgorde: Sequence | None = None) -> list:
    """The series in `volgorde` first (as given, also those absent here), then the others sorted."""
    vast = list(volgorde or [])
    return vast + sorted({w for w in aanwezig if w not in vast}, key=str)


def kleur(positie: int) -> str:
    """The Okabe-Ito colour of the category at this place in the order."""
    return PALET[positie % len(PALET)]


def patroon(positie: int) -> str:
    """No hatch for the first eight categories, then a different hatch per round of eight."""
    return PATRONEN[(positie // len(PALET)) % len(PATRONEN)]


def streepjes(positie: int) -> str:
    return STREEPJES[(positie // len(PALET)) % len(STREEPJES)]


# --- periods -----------------------------------------------------------------------------------------


def maand_begin(waarden: pd.Series) -> pd.Series:
    """Each date as the first day of its month (pd.Timestamp)."""
    return pd.to_datetime(waarden).dt.to_period("M").dt.to_timestamp()


def maand_ticks(maanden: Sequence[pd.Timestamp]) -> tuple[list[pd.Timestamp], list[str]]:
    """Tick positions and Dutch labels for a month axis: every 1, 2, 3, 6 or 12 months (from january), so that
    there are at most 8 ticks: "jan 2026", "apr 2026", ... stay readable on a half-width chart."""
    maanden = sorted(maanden)
    stap = next((s for s in (1, 2, 3, 6) if len(maanden) <= MAX_MAANDTICKS * s), 12)
    posities = [m for m in maanden if (m.month - 1) % stap == 0] or maanden[:1]
    return posities, [formaat.maand_label(m) for m in posities]


def alle_maanden(maanden: Sequence[pd.Timestamp]) -> pd.DatetimeIndex:
    """Every month from the first to the last, also months without a row."""
    return pd.date_range(min(maanden), max(maanden), freq="MS")


def _periode_soort(reeks: pd.Series, per: Periode | None, per_jaar: bool) -> Periode:
    if per:
        return per
    if per_jaar or pd.api.types.is_integer_dtype(reeks):
        return "jaar"
    return "maand"


def _periode_sleutel(reeks: pd.Series, soort: Periode) -> pd.Series:
    """A sortable key per row: the first month of the period (a year given as an int stays that int)."""
    if soort == "jaar":
        return reeks.astype(int) if pd.api.types.is_integer_dtype(reeks) else pd.to_datetime(reeks).dt.year
    code = {"maand": "M", "kwartaal": "Q", "halfjaar": None}[soort]
    if code:
        return pd.to_datetime(reeks).dt.to_period(code).dt.to_timestamp()
    datums = pd.to_datetime(reeks)
    return pd.to_datetime({"year": datums.dt.year, "month": ((datums.dt.month - 1) // 6) * 6 + 1, "day": 1})


def periode_label(sleutel, soort: Periode) -> str:
    """"okt 2026", "2026 K3", "2026 H1" or "2026"."""
    if soort == "jaar":
        return str(sleutel)
    return {"maand": formaat.maand_label, "kwartaal": formaat.kwartaal_label, "halfjaar": formaat.halfjaar_label}[
        soort
    ](sleutel)


# --- data in the shape the charts need ----------------------------------------------------------------


@dataclass(frozen=True)
class _Breed:
    """Values per period (rows, sorted) and series present in the data (columns, in colour order); NaN = not
    drawn. `posities` is each series' place in the full order (its colour), also when series before it are
    absent here."""

    waarden: pd.DataFrame
    posities: dict[str, int]
    weggelaten: int  # values present in the data but missing (NaN), e.g. suppressed

    def reeksen(self) -> list[tuple[int, str]]:
        return [(self.posities[naam], naam) for naam in self.waarden.columns]


def _breed(
    df: pd.DataFrame,
    periode: pd.Series,
    waarde_kolom: str,
    reeks_kolom: str | None,
    volgorde: Sequence | None,
    nul_voor: pd.Index | None,
) -> _Breed:
    """Pivot to period x series. Periods in `nul_voor` without a row count as 0 (the read side leaves out empty
    groups); a row whose value is NaN stays NaN."""
    reeks = df[reeks_kolom].astype(str) if reeks_kolom else pd.Series("", index=df.index)
    waarden = getoonde_getallen(df[waarde_kolom])  # a hidden count ("<5") is not drawn
    gegroepeerd = pd.DataFrame({"p": periode.values, "r": reeks.values, "w": waarden.values})
    som = gegroepeerd.groupby(["p", "r"])["w"].sum(min_count=1).unstack("r")
    aanwezig = gegroepeerd.groupby(["p", "r"]).size().unstack("r").notna()
    orde = reeksvolgorde(som.columns, [str(v) for v in volgorde or []]) if reeks_kolom else [""]
    kolommen = [naam for naam in orde if naam in som.columns]
    index = som.index.union(nul_voor) if nul_voor is not None else som.index
    som = som.reindex(index=index, columns=kolommen)
    aanwezig = aanwezig.reindex(index=index, columns=kolommen, fill_value=False).fillna(False).astype(bool)
    if nul_voor is not None:
        som = som.mask(~aanwezig, 0.0)
    som = som.sort_index()
    return _Breed(som, {naam: orde.index(naam) for naam in kolommen}, int(gegroepeerd["w"].isna().sum()))


def getallen(df: pd.DataFrame) -> pd.DataFrame:
    """A copy in which hidden counts ("<5", "x") and hidden shares (None) are NaN: charts leave them out
    (and say so in their note), and arithmetic on them gives NaN instead of an error."""
    df = df.copy()
    for kolom in df.columns:
        if df[kolom].dtype == object and df[kolom].map(lambda w: is_beschermd(w) or pd.api.types.is_number(w)).any():
            df[kolom] = getoonde_getallen(df[kolom])
    return df


def _is_leeg(df: pd.DataFrame | None, *kolommen: str) -> bool:
    return df is None or df.empty or all(df[k].isna().all() for k in kolommen)


# --- text --------------------------------------------------------------------------------------------


def opsomming(delen: Sequence[str]) -> str:
    """"a", "a en b", "a, b en c"."""
    delen = list(delen)
    return delen[0] if len(delen) == 1 else f"{', '.join(delen[:-1])} en {delen[-1]}"


def _tekst(waarde, decimalen: int) -> str:
    return formaat.getal(waarde, decimalen)


def _weggelaten_zin(aantal: int) -> str:
    if not aantal:
        return ""
    woord = "waarde is" if aantal == 1 else "waarden zijn"
    return f" {formaat.getal(aantal)} {woord} niet getoond (afgeschermd of onbekend)."


def _alt(soort: str, titel: str | None, rest: str, weggelaten: int) -> str:
    kop = f"{soort} ‘{titel}’" if titel else soort
    return f"{kop}: {rest}.{_weggelaten_zin(weggelaten)}"


# --- layout ------------------------------------------------------------------------------------------


# A chart title longer than this is split: the first part stays the title, the rest becomes its subtitle (plotly does
# not wrap titles, and a title with a line break was drawn above the chart, out of sight). At 1024 px (a projector,
# sidebar open) a chart is about 560 px wide: some 50 characters of 22 px.
MAX_TITELTEKENS = 50


def titel_delen(titel: str | None, breedte: int = MAX_TITELTEKENS) -> tuple[str, str]:
    """(title, subtitle): a long title split after its last comma, or else before the word that passes `breedte`."""
    if not titel or len(titel) <= breedte:
        return titel or "", ""
    if ", " in titel:
        kop, _, rest = titel.rpartition(", ")
        if len(kop) <= breedte:
            return kop, rest
    woorden, kop = titel.split(" "), ""
    while woorden and len(f"{kop} {woorden[0]}".strip()) <= breedte:
        kop = f"{kop} {woorden.pop(0)}".strip()
    return kop, " ".join(woorden)


def _opmaak(fig: go.Figure, titel: str | None, x_titel: str | None, y_titel: str | None, hoogte: int) -> go.Figure:
    """What every chart shares: fonts, Dutch separators, titles, fixed axes, legend above the plot (with room between
    title and legend: they touched at 1024 px)."""
    kop, onderkop = titel_delen(titel)
    fig.update_layout(
        title={"text": kop, "font": {"size": LETTER_TITEL}, "x": 0, "xanchor": "left", "automargin": True,
               "pad": {"b": 14}, "subtitle": {"text": onderkop, "font": {"size": LETTER_AS, "color": TEKST}}},
        font={"size": LETTER, "color": TEKST},
        separators=",.",
        height=hoogte,
        hovermode="closest",
        hoverlabel={"font": {"size": LETTER, "color": TEKST}, "bgcolor": "#FFFFFF", "align": "left"},
        dragmode=False,
        legend={
            "orientation": "h", "x": 0, "xanchor": "left", "y": 1.0, "yanchor": "bottom",
            "font": {"size": LETTER, "color": TEKST}, "title": {"text": ""}, "traceorder": "normal",
        },
        margin={"l": 10, "r": 20, "t": 30, "b": 10},
    )
    for as_, tekst in (("xaxis", x_titel), ("yaxis", y_titel)):
        fig.update_layout({as_: {
            "title": {"text": tekst or "", "font": {"size": LETTER_AS, "color": TEKST}},
            "tickfont": {"size": LETTER, "color": TEKST},
            "fixedrange": True,
            "automargin": True,
            "separatethousands": True,
        }})
    return fig


def _waarde_as(as_: dict, maximum: float, ruimte: float = 1.0) -> dict:
    """A value axis from 0, whole ticks for small counts, `ruimte` above the largest value for labels."""
    instelling = {**as_, "rangemode": "tozero", "zeroline": True, "zerolinecolor": "#888888", "gridcolor": "#DDDDDD"}
    if maximum <= 5:
        instelling["dtick"] = 1
    if ruimte > 1 and maximum > 0:
        instelling["range"] = [0, maximum * ruimte]
    return instelling


NOOT_HOOGTE = 24  # px for the one line of the note under a chart


def _noot_weggelaten(fig: go.Figure, aantal: int) -> None:
    """"3 waarden zijn niet getoond" under the chart, below the tick labels and the axis title of the x axis (it lay
    over the month labels): the room they take is estimated from their font sizes, and the bottom margin made to fit."""
    if aantal:
        onder = 34 + (34 if fig.layout.xaxis.title.text else 0)  # tick labels of 16 px (+ a title of 18 px)
        fig.add_annotation(
            text=_weggelaten_zin(aantal).strip(), xref="paper", yref="paper", x=0, y=0, yshift=-onder,
            xanchor="left", yanchor="top", showarrow=False, font={"size": LETTER - 2, "color": "#444444"},
        )
        fig.update_layout(margin={"b": onder + NOOT_HOOGTE})


def _tijdas(fig: go.Figure, soort: Periode, sleutels: Sequence) -> None:
    """Month axes are real date axes with Dutch ticks; other periods are categories in time order."""
    if soort == "maand":
        posities, teksten = maand_ticks(list(sleutels))
        fig.update_xaxes(type="date", tickmode="array", tickvals=posities, ticktext=teksten, showgrid=False)
    else:
        labels = [periode_label(s, soort) for s in sleutels]
        fig.update_xaxes(type="category", categoryorder="array", categoryarray=labels, showgrid=False)


# --- lines -------------------------------------------------------------------------------------------


def lijn_per_maand(
    df: pd.DataFrame | None,
    maand_kolom: str,
    waarde_kolom: str,
    reeks_kolom: str | None = None,
    *,
    y_titel: str = "",
    titel: str | None = None,
    x_titel: str | None = None,
    volgorde: Sequence | None = None,
    decimalen: int = 0,
    ontbrekend_is_nul: bool = True,
) -> Grafiek | None:
    """A line per series (or one line) over the months; a month without a row counts as 0 unless
    `ontbrekend_is_nul=False` (then the line has a gap)."""
    if _is_leeg(df, waarde_kolom):
        return None
    maanden = maand_begin(df[maand_kolom])
    nul_voor = alle_maanden(maanden.dropna()) if ontbrekend_is_nul else None
    breed = _breed(df, maanden, waarde_kolom, reeks_kolom, volgorde, nul_voor)
    maat = y_titel or waarde_kolom
    labels = [formaat.maand_label(m) for m in breed.waarden.index]
    fig = go.Figure()
    for positie, naam in breed.reeksen():
        kolom = breed.waarden[naam]
        if kolom.isna().all():
            continue
        reeksnaam = plotly_label(naam or maat)
        fig.add_trace(go.Scatter(
            x=breed.waarden.index, y=kolom, name=reeksnaam, mode="lines+markers",
            line={"color": kleur(positie), "width": 3, "dash": streepjes(positie)}, marker={"size": 8},
            customdata=[[label, _tekst(w, decimalen)] for label, w in zip(labels, kolom, strict=True)],
            hovertemplate=f"<b>%{{customdata[0]}}</b><br>{reeksnaam}: %{{customdata[1]}}<extra></extra>",
        ))
    _opmaak(fig, titel, x_titel, y_titel, hoogte=460)
    fig.update_layout(showlegend=bool(reeks_kolom), yaxis=_waarde_as({}, float(breed.waarden.max().max())))
    _tijdas(fig, "maand", breed.waarden.index)
    _noot_weggelaten(fig, breed.weggelaten)
    return Grafiek(fig, _alt("Lijngrafiek", titel, _alt_tijd(breed, maat, labels, decimalen, "per maand"),
                             breed.weggelaten))


def _alt_tijd(breed: _Breed, maat: str, labels: list[str], decimalen: int, per: str) -> str:
    """"Trajecten gestart per maand van nov 2024 tot en met okt 2026: 25 in okt 2026, ..." (main numbers)."""
    waarden = breed.waarden
    bereik = f"{maat} {per} van {labels[0]} tot en met {labels[-1]}" if len(labels) > 1 else f"{maat} in {labels[0]}"
    totaal = waarden.sum(axis=1, min_count=1)
    label = dict(zip(waarden.index, labels, strict=True))
    if len(waarden.columns) > 1:
        laatste = waarden.iloc[-1].dropna().sort_values(ascending=False)
        if laatste.empty:  # every series hidden in the last period (small numbers)
            return (f"{bereik}, in {formaat.getal(len(waarden.columns))} reeksen: in {labels[-1]} alle waarden "
                    "afgeschermd (kleine aantallen)")
        grootste = opsomming([f"{naam} ({_tekst(w, decimalen)})" for naam, w in laatste.head(3).items()])
        return (f"{bereik}, in {formaat.getal(len(waarden.columns))} reeksen: in {labels[-1]} samen "
                f"{_tekst(laatste.sum(), decimalen)}, het meest bij {grootste}")
    if len(labels) <= 6:
        return f"{bereik}: " + opsomming([f"{_tekst(w, decimalen)} in {label[p]}" for p, w in totaal.items()])
    if totaal.isna().all():  # every value hidden (small numbers): nothing to point at
        return f"{bereik}: alle waarden afgeschermd (kleine aantallen)"
    hoog, laag = totaal.idxmax(), totaal.idxmin()
    return (f"{bereik}: {_tekst(totaal.iloc[-1], decimalen)} in {labels[-1]}, het hoogst "
            f"{_tekst(totaal[hoog], decimalen)} in {label[hoog]} en het laagst {_tekst(totaal[laag], decimalen)} "
            f"in {label[laag]}")


# --- bars over time ----------------------------------------------------------------------------------


def staaf_per_periode(
    df: pd.DataFrame | None,
    periode_kolom: str,
    waarde_kolom: str,
    reeks_kolom: str | None = None,
    gestapeld: bool = True,
    *,
    y_titel: str = "",
    titel: str | None = None,
    x_titel: str | None = None,
    per: Periode | None = None,
    per_jaar: bool = False,
    volgorde: Sequence | None = None,
    decimalen: int = 0,
) -> Grafiek | None:
    """Bars per period (stacked or side by side per series). Periods are months unless `per` says otherwise;
    `per_jaar=True` or integer years mean years."""
    if _is_leeg(df, waarde_kolom):
        return None
    soort = _periode_soort(df[periode_kolom], per, per_jaar)
    sleutels = _periode_sleutel(df[periode_kolom], soort)
    nul_voor = alle_maanden(sleutels.dropna()) if soort == "maand" else None
    breed = _breed(df, sleutels, waarde_kolom, reeks_kolom, volgorde, nul_voor)
    maat = y_titel or waarde_kolom
    labels = [periode_label(s, soort) for s in breed.waarden.index]
    x = list(breed.waarden.index) if soort == "maand" else labels
    totaal = breed.waarden.sum(axis=1, min_count=1)
    meer_reeksen = len(breed.waarden.columns) > 1
    fig = go.Figure()
    for positie, naam in breed.reeksen():
        fig.add_trace(_staaf(breed.waarden[naam], x, labels, totaal if meer_reeksen and gestapeld else None,
                             naam or maat, positie, decimalen))
    labels_erbij = len(labels) <= MAX_STAAFLABELS and (gestapeld or len(breed.waarden.columns) <= 3)
    if labels_erbij:
        _staaflabels(fig, x, totaal if gestapeld else None, decimalen)
    maximum = float((totaal if gestapeld else breed.waarden.max(axis=1)).max())
    _opmaak(fig, titel, x_titel, y_titel, hoogte=480)
    fig.update_layout(
        barmode="stack" if gestapeld else "group", bargap=0.25, showlegend=meer_reeksen,
        yaxis=_waarde_as({}, maximum, 1.12 if labels_erbij else 1.0),
    )
    _tijdas(fig, soort, breed.waarden.index)
    _noot_weggelaten(fig, breed.weggelaten)
    per_tekst = {"maand": "per maand", "kwartaal": "per kwartaal", "halfjaar": "per halfjaar", "jaar": "per jaar"}
    rest = _alt_tijd(breed, maat, labels, decimalen, per_tekst[soort])
    return Grafiek(fig, _alt("Staafgrafiek", titel, rest, breed.weggelaten))


def _staaf(kolom: pd.Series, x: list, labels: list[str], totaal: pd.Series | None, naam: str, positie: int,
           decimalen: int) -> go.Bar:
    """One series of bars, with a Dutch hover text (and the period total when bars are stacked)."""
    naam = plotly_label(naam)  # in the legend and in the hovertemplate: text, no tag and no placeholder
    regels = f"<b>%{{customdata[0]}}</b><br>{naam}: %{{customdata[1]}}"
    if totaal is not None:
        regels += "<br>Totaal: %{customdata[2]}"
    customdata = [
        [label, _tekst(w, decimalen), _tekst(t, decimalen)]
        for label, w, t in zip(labels, kolom, totaal if totaal is not None else kolom, strict=True)
    ]
    # stacked, a hidden (NaN) segment is drawn as 0: plotly starts the segments after a NaN again from 0, so the
    # stack fell apart (seen as regio: 'instroom per jaar naar sector' stopped at 165 under a total of 255)
    return go.Bar(
        x=x, y=kolom.fillna(0) if totaal is not None else kolom, name=naam, customdata=customdata,
        hovertemplate=regels + "<extra></extra>",
        marker={"color": kleur(positie), "line": {"width": 0}, "pattern": {
            "shape": patroon(positie), "fgcolor": "#FFFFFF", "fillmode": "overlay", "size": 7, "solidity": 0.4}},
    )


def _staaflabels(fig: go.Figure, x: list, totaal: pd.Series | None, decimalen: int) -> None:
    """The number on each bar: above each stack (the total) or above each bar."""
    if totaal is None:
        fig.update_traces(texttemplate="%{customdata[1]}", textposition="outside", cliponaxis=False,
                          textfont=LABELLETTER)
        return
    fig.add_trace(go.Scatter(
        x=x, y=totaal, mode="text", text=[_tekst(t, decimalen) for t in totaal], textposition="top center",
        textfont=LABELLETTER, hoverinfo="skip", showlegend=False, cliponaxis=False, name="Totaal",
    ))


# --- bars per category -------------------------------------------------------------------------------


def staaf_horizontaal(
    df: pd.DataFrame | None,
    categorie_kolom: str,
    waarde_kolom: str,
    *,
    x_titel: str = "",
    titel: str | None = None,
    y_titel: str | None = None,
    sorteren: bool = True,
    decimalen: int = 0,
) -> Grafiek | None:
    """One horizontal bar per category, largest on top (or in the given order with `sorteren=False`),
    with the number at the end of each bar."""
    if _is_leeg(df, waarde_kolom):
        return None
    waarden = getoonde_getallen(df[waarde_kolom])
    reeks = pd.Series(waarden.values, index=df[categorie_kolom].astype(str).values)
    reeks = reeks.groupby(level=0, sort=False).sum(min_count=1)
    weggelaten = int(reeks.isna().sum())
    if sorteren:
        reeks = reeks.sort_values(ascending=False, na_position="last")
    maat = x_titel or waarde_kolom
    teksten = [_tekst(w, decimalen) for w in reeks]
    categorieen = [plotly_tekst(c) for c in reeks.index]
    fig = go.Figure(go.Bar(
        x=reeks.values, y=categorieen, orientation="h", marker={"color": kleur(0)},
        text=[t if t != formaat.LEEG else "" for t in teksten], textposition="outside", cliponaxis=False,
        textfont=LABELLETTER, customdata=[[c, t] for c, t in zip(categorieen, teksten, strict=True)],
        hovertemplate=f"<b>%{{customdata[0]}}</b><br>{plotly_tekst(maat)}: %{{customdata[1]}}<extra></extra>",
    ))
    _opmaak(fig, titel, x_titel, y_titel, hoogte=max(300, 110 + 46 * len(reeks)))
    fig.update_layout(showlegend=False, bargap=0.3, xaxis=_waarde_as({}, float(reeks.max()), 1.15))
    fig.update_yaxes(autorange="reversed", showgrid=False, ticksuffix="  ", **as_met_namen(reeks.index))
    _noot_weggelaten(fig, weggelaten)
    return Grafiek(fig, _alt("Staafgrafiek", titel, _alt_categorieen(reeks, maat, decimalen), weggelaten))


def aandelen_naast_elkaar(
    df: pd.DataFrame | None,
    categorie_kolom: str,
    waarde_kolom: str,
    *,
    titel: str | None = None,
    uitgelicht: str | None = None,
) -> Grafiek | None:
    """One horizontal bar per category in the given order for a share (0..1), its percentage at the end of the bar
    as the tables write it (a protected one rounded); the `uitgelicht` category in the primary colour, the others
    grey, so a region stands out against what it is compared with."""
    if _is_leeg(df, waarde_kolom) or getoonde_getallen(df[waarde_kolom]).isna().all():
        return None
    categorieen = [plotly_tekst(str(c)) for c in df[categorie_kolom]]
    waarden = getoonde_getallen(df[waarde_kolom])
    teksten = [formaat.percentage(w) for w in df[waarde_kolom]]
    kleuren = [kleur(0) if str(c) == uitgelicht else GRIJS_DOEL for c in df[categorie_kolom]]
    fig = go.Figure(go.Bar(
        x=waarden.values * 100, y=categorieen, orientation="h", marker={"color": kleuren},
        text=[t if t != formaat.LEEG else "" for t in teksten], textposition="outside", cliponaxis=False,
        textfont=LABELLETTER, customdata=[[c, t] for c, t in zip(categorieen, teksten, strict=True)],
        hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>",
    ))
    _opmaak(fig, titel, None, None, hoogte=max(220, 110 + 46 * len(categorieen)))
    fig.update_layout(showlegend=False, bargap=0.3,
                      xaxis=_waarde_as({"ticksuffix": "%"}, float(waarden.max() * 100), 1.3))
    fig.update_yaxes(autorange="reversed", showgrid=False, ticksuffix="  ")
    weggelaten = int(waarden.isna().sum())
    _noot_weggelaten(fig, weggelaten)
    paren = [f"{c} ({t})" for c, t in zip(df[categorie_kolom].astype(str), teksten, strict=True) if t != formaat.LEEG]
    return Grafiek(fig, _alt("Staafgrafiek", titel, opsomming(paren), weggelaten))


def _alt_categorieen(reeks: pd.Series, maat: str, decimalen: int) -> str:
    """"Trajecten gestart: groen (135), logistiek (125) en ..." or the top three and the lowest."""
    getoond = reeks.dropna().sort_values(ascending=False)
    paren = [f"{c} ({_tekst(w, decimalen)})" for c, w in getoond.items()]
    if len(paren) <= 6:
        return f"{maat}: {opsomming(paren)}"
    return f"{maat} in {formaat.getal(len(paren))} groepen: het meest {opsomming(paren[:3])}, het minst {paren[-1]}"


# --- progress against a target -----------------------------------------------------------------------


def voortgang_tegen_doel(
    df: pd.DataFrame | None,
    categorie_kolom: str,
    werkelijk_kolom: str,
    pro_rata_kolom: str,
    doel_kolom: str,
    *,
    x_titel: str = "",
    titel: str | None = None,
    werkelijk_label: str = "Instroom tot nu",
    pro_rata_label: str = "Afspraak naar rato tot nu",
    doel_label: str = "Afspraak heel jaar",
    decimalen: int = 0,
    streep: bool = True,
) -> Grafiek | None:
    """Per category (gemeente), top to bottom in the given order: a grey bar up to the full-year target, a
    blue bar for what was achieved, a black stripe at the pro-rata target, and "80 van 121" behind it. Without
    `streep` (a finished year: the pro-rata target is the target) no stripe, and no second legend entry for it."""
    if _is_leeg(df, werkelijk_kolom, doel_kolom):
        return None
    namen = [plotly_tekst(n) for n in df[categorie_kolom].astype(str)]
    werkelijk, pro_rata, doel = (getoonde_getallen(df[k]).astype(float)
                                 for k in (werkelijk_kolom, pro_rata_kolom, doel_kolom))
    pro_rata_decimalen = 0 if formaat.decimalen_voor(pro_rata) == 0 else max(decimalen, 1)
    customdata = [
        [n, _tekst(w, decimalen), _tekst(p, pro_rata_decimalen), _tekst(d, decimalen), _van_pro_rata(b, w, p)]
        for n, b, w, p, d in zip(namen, df[werkelijk_kolom], werkelijk, pro_rata, doel, strict=True)
    ]
    hover = (f"<b>%{{customdata[0]}}</b><br>{werkelijk_label}: %{{customdata[1]}}<br>{pro_rata_label}: "
             f"%{{customdata[2]}}<br>{doel_label}: %{{customdata[3]}}<br>Dat is %{{customdata[4]}} van de "
             f"{pro_rata_label.lower()}<extra></extra>") if streep else (
        f"<b>%{{customdata[0]}}</b><br>{werkelijk_label}: %{{customdata[1]}}<br>{doel_label}: %{{customdata[3]}}<br>"
        f"Dat is %{{customdata[4]}} van de {doel_label.lower()}<extra></extra>")
    gemeen = {"y": namen, "customdata": customdata, "hovertemplate": hover}
    hoogst = werkelijk + pd.Series([w.hoog - w.getoond if is_beschermd(w) and not w.verborgen else 0.0
                                    for w in df[werkelijk_kolom]], index=werkelijk.index)
    einde = pd.concat([hoogst, pro_rata, doel], axis=1).max(axis=1)  # the label behind a range, not on it
    # a rounded count is drawn with the range of what it can be: a bar just short of the stripe says "achter" only
    # where the whole range is (Heumen: 10 against 11,7 was exactly 12)
    bereik = _foutbalk(df[werkelijk_kolom])
    fig = go.Figure([
        go.Bar(x=doel, orientation="h", name=doel_label, marker={"color": GRIJS_DOEL}, width=0.7, legendrank=3,
               **gemeen),
        go.Bar(x=werkelijk, orientation="h", name=werkelijk_label + (" (afgerond; het zwarte lijntje: wat het "
                                                                   "kan zijn)" if bereik else ""),
               marker={"color": kleur(0)}, width=0.36, legendrank=1, error_x=bereik, **gemeen),
        go.Scatter(x=pro_rata, mode="markers", name=pro_rata_label, legendrank=2, visible=streep,
                   marker={"symbol": "line-ns", "size": 38, "line": {"width": 4, "color": ZWART}}, **gemeen),
        go.Scatter(x=einde, mode="text", textposition="middle right", cliponaxis=False, showlegend=False,
                   hoverinfo="skip", textfont=LABELLETTER, y=namen,
                   text=[f"  {c[1]} van {c[3]}" if c[3] != formaat.LEEG else f"  {c[1]}" for c in customdata]),
    ])
    _opmaak(fig, titel, x_titel, None, hoogte=max(320, 150 + 56 * len(namen)))
    fig.update_layout(barmode="overlay", showlegend=True, xaxis=_waarde_as({}, float(einde.max()), 1.22))
    fig.update_yaxes(autorange="reversed", showgrid=False, ticksuffix="  ")
    weggelaten = int(werkelijk.isna().sum())
    _noot_weggelaten(fig, weggelaten)
    beschrijving = _alt_voortgang(
        werkelijk, pro_rata, doel, werkelijk_label, pro_rata_label, doel_label, decimalen, pro_rata_decimalen,
        df[werkelijk_kolom].reset_index(drop=True)) if streep else (
        f"per gemeente {werkelijk_label.lower()} (blauwe balk) en {doel_label.lower()} (grijze balk); samen "
        f"{_tekst(werkelijk.sum(), decimalen)} tegen {_tekst(doel.sum(), decimalen)}")
    return Grafiek(fig, _alt("Voortgangsgrafiek", titel, beschrijving, weggelaten))


def _foutbalk(waarden: pd.Series) -> dict | None:
    """plotly's error_x for bars of protected counts: from the number shown down to its lowest and up to its highest
    possible value; None when every value is exact."""
    if not waarden.map(is_beschermd).any():
        return None
    plus, min_ = [], []
    for w in waarden:
        if is_beschermd(w) and not w.verborgen:
            plus.append(w.hoog - w.getoond)
            min_.append(w.getoond - w.laag)
        else:
            plus.append(0.0)
            min_.append(0.0)
    return {"type": "data", "symmetric": False, "array": plus, "arrayminus": min_, "color": ZWART, "thickness": 1.5,
            "width": 6, "visible": True}


def _van_pro_rata(waarde, getoond: float, pro_rata: float) -> str:
    """"86%" of the pro-rata target; for a protected count the range its rounding allows ("71–129%")."""
    if not pro_rata or formaat.is_leeg(pro_rata) or formaat.is_leeg(getoond):
        return formaat.LEEG
    if is_beschermd(waarde):
        return formaat.percentage(geschaald(waarde, 1 / pro_rata, aandeel=True))
    return formaat.percentage(getoond / pro_rata, 0)


def _alt_voortgang(werkelijk: pd.Series, pro_rata: pd.Series, doel: pd.Series, werkelijk_label: str,
                   pro_rata_label: str, doel_label: str, decimalen: int, pro_rata_decimalen: int,
                   waarden: pd.Series) -> str:
    met_doel = (pro_rata.notna() & werkelijk.notna()).to_numpy()
    boven = [minstens(w, p) for w, p in zip(waarden[met_doel], pro_rata[met_doel], strict=True)]
    onbepaald = sum(b is None for b in boven)
    nog = f" ({formaat.getal(onbepaald)} niet te bepalen bij deze aantallen)" if onbepaald else ""
    return (
        f"per gemeente {werkelijk_label.lower()} (blauwe balk), {pro_rata_label.lower()} (zwarte streep) en "
        f"{doel_label.lower()} (grijze balk); {formaat.getal(sum(b is True for b in boven))} van de "
        f"{formaat.getal(int(met_doel.sum()))} gemeenten zitten op of boven de {pro_rata_label.lower()}{nog}; samen "
        f"{_tekst(werkelijk.sum(), decimalen)} tegen "
        f"{_tekst(pro_rata.sum(), pro_rata_decimalen)} naar rato en {_tekst(doel.sum(), decimalen)} voor het hele jaar"
    )
