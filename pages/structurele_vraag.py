"""Structurele vraag: where employers ask for people month after month, and whether instroom keeps up."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.beschermd import is_beschermd
from analytics.kengetallen import KENGETALLEN
from analytics.onderdrukking import is_afgeschermd
from analytics.vraag import (
    HEATMAP_MAANDEN,
    K_STANDAARD,
    STRUCTUREEL_MAANDEN,
    structurele_vraag,
    vraag_en_aanbod,
    vraag_per_jaar,
    vraag_per_maand,
    vraagbalans,
    vraagvenster,
)
from kader import HAAKJES, afscherming_uitleg, filters, toelichting
from kader.downloads import download_knoppen
from kader.filterbalk import naam_van
from kader.keuzes import keuze
from weergave import formaat, kolommen
from weergave.grafieken import PLOTLY_CONFIG, staaf_per_periode
from weergave.grafieken_vraag import heatmap_per_maand, vraag_tegen_instroom

TREND = {"meer": "↑ stijgend", "minder": "↓ dalend", "gelijk": "→ gelijk"}
VENSTER = "Maanden"


def uitleg(tabel: str) -> list[tuple[str, str]]:
    """The first sheet of a download of this page: the 12 months it looks at and the drempel k besides the filters."""
    return toelichting("Structurele vraag", tabel, gekozen, extra=(
        (VENSTER, tekst_12), ("Structureel", f"vraag in minstens {k} van de 12 maanden")))


TREND_UITLEG = (
    "De laatste 6 maanden vergeleken met de 6 maanden daarvoor: stijgend bij minstens 20% meer gevraagde "
    "plekken, dalend bij minstens 20% minder, anders gelijk."
)


def gedekt_tekst(gedekt: bool | None, instroom) -> str:
    """Whether the vraag is gedekt, in words; for protected numbers only what holds for every true value."""
    if gedekt is None:
        return "afgeschermd" if is_afgeschermd(instroom) else "niet te bepalen"
    return "ja" if gedekt else "nee, tekort"


def sector(code: str) -> str:
    return naam_van("sectoren", code, {})


def maanden_tekst(venster) -> str:
    """'november 2025 t/m oktober 2026'."""
    return " t/m ".join(f"{formaat.maandnaam(d.month)} {d.year}" for d in (venster.eerste, venster.laatste))


def jaar_label(jaar: int, eerste, laatste) -> str:
    """'2025'; '2026 t/m okt' or '2023 vanaf nov' for a year the vraag data covers only in part."""
    kort = {m: formaat.maandnaam(m, kort=True) for m in (eerste.month, laatste.month)}
    if (eerste.month, laatste.month) == (1, 12):
        return str(jaar)
    if eerste.month == 1:
        return f"{jaar} t/m {kort[laatste.month]}"
    if laatste.month == 12:
        return f"{jaar} vanaf {kort[eerste.month]}"
    return f"{jaar} {kort[eerste.month]} t/m {kort[laatste.month]}"


st.title("Structurele vraag")
gekozen = filters()
venster = vraagvenster(gekozen)
if venster is None:
    st.info("Er is nog geen werkgeversvraag geladen. Laad een export van het werkgeversservicepunt om deze pagina "
            "te vullen.")
    st.stop()
venster_24 = vraagvenster(gekozen, HEATMAP_MAANDEN)
tekst_12 = maanden_tekst(venster)

st.markdown(
    f"Werving loont waar werkgevers **maand na maand** om mensen vragen. Deze pagina kijkt naar de 12 volledige "
    f"maanden **{tekst_12}**: de laatste volledige maand van de gekozen periode, of de laatste maand waarover "
    "werkgeversvraag is geladen."
)
st.caption(
    "De vraag komt van het werkgeversservicepunt: voor de vraag gelden alleen de filters arbeidsmarktregio, "
    "gemeente en sector, en vraag zonder gemeente telt mee voor elke gemeente van de regio."
)
if venster.einde < gekozen.tot:
    st.caption(
        f"Let op: de werkgeversvraag loopt tot en met {formaat.maandnaam(venster.laatste.month)} "
        f"{venster.laatste.year}; de gekozen periode loopt langer door."
    )

k = keuze(
    st.slider, "Structureel: vraag in minstens zoveel van de 12 maanden", waarden=range(1, STRUCTUREEL_MAANDEN + 1),
    min_value=1, max_value=STRUCTUREEL_MAANDEN, value=K_STANDAARD, step=1, key="vraag_k",
    help=KENGETALLEN["structurele_vraag"].definitie,
)

balans = vraagbalans(gekozen, venster, k)
tegels = st.columns(4)
tegels[0].metric("Vraag in 12 maanden", formaat.getal(balans.vraag), help=KENGETALLEN["vraag"].definitie)
tegels[0].caption("gevraagde plekken")
tegels[1].metric(
    "Structurele beroepen", formaat.getal(balans.structurele_groepen), help=KENGETALLEN["structurele_vraag"].definitie
)
tegels[1].caption(f"met vraag in minstens {k} van de 12 maanden")
tegels[2].metric(
    "Structurele vraag per maand", formaat.getal(balans.structureel_per_maand, 1),
    help=KENGETALLEN["structurele_vraag"].definitie,
)
tegels[2].caption("plekken per maand, gemiddeld")
tegels[3].metric(
    "Instroom per maand", formaat.getal(balans.instroom_per_maand, 1), help=KENGETALLEN["vraag_en_aanbod"].definitie
)
tegels[3].caption(f"{formaat.getal(balans.instroom)} trajecten gestart in deze 12 maanden")

# --- 1. Heatmap ---------------------------------------------------------------------------------------
st.subheader("Vraag per maand")
st.caption(
    f"Hoeveel plekken werkgevers per maand vroegen, over de laatste 24 maanden ({maanden_tekst(venster_24)}). "
    "Hoe donkerder het vak, hoe meer plekken; een grijs vak met 0 is een maand zonder vraag."
)
per = keuze(
    st.radio, "Per", ["sector", "beroep"], format_func=str.capitalize, horizontal=True, key="vraag_heatmap_per",
)
per_maand = vraag_per_maand(gekozen, venster_24, per)
if per_maand.empty:
    st.info("Geen werkgeversvraag in deze 24 maanden voor deze selectie.")
else:
    per_maand["sectornaam"] = per_maand["sector"].map(sector)
    if per == "beroep":
        dubbel = per_maand.groupby("beroep")["sector"].transform("nunique") > 1
        per_maand["groep"] = per_maand["beroep"].where(
            ~dubbel, per_maand["beroep"] + " (" + per_maand["sectornaam"] + ")"
        )
    else:
        per_maand["groep"] = per_maand["sectornaam"]
    grafiek = heatmap_per_maand(
        per_maand, "groep", "maand", "aantal", titel=f"Gevraagde plekken per {per} per maand",
        sector_kolom="sectornaam" if per == "beroep" else None,
    )
    st.plotly_chart(grafiek.figure, config=PLOTLY_CONFIG, width="stretch", alt=grafiek.alt)

# --- 1b. Per sector per jaar ---------------------------------------------------------------------------
st.subheader("Vraag per sector per jaar")
per_jaar = vraag_per_jaar(gekozen, venster)
st.caption(
    "Dezelfde vraag als in de heatmap, per kalenderjaar bij elkaar opgeteld: het totaal aantal gevraagde plekken in "
    "het jaar en gemiddeld per maand (het totaal gedeeld door het aantal maanden). Een jaar waarover nog niet alle "
    "maanden binnen zijn, telt alleen die maanden: vergelijk de jaren daarom op het gemiddelde per maand. Dit is "
    "alle vraag; de structurele vraag (alleen beroepen met vraag in de meeste maanden) staat hieronder en is "
    "daardoor kleiner."
)
if per_jaar.empty:
    st.info("Geen werkgeversvraag in deze jaren voor deze selectie.")
else:
    per_jaar["sectornaam"] = per_jaar["sector"].map(sector)
    per_jaar["jaarlabel"] = [jaar_label(r.jaar, r.eerste, r.laatste) for r in per_jaar.itertuples()]
    grafiek = staaf_per_periode(
        per_jaar.assign(periode=per_jaar["jaar"].astype(int)), "periode", "gemiddeld_per_maand", "sectornaam",
        gestapeld=False, per_jaar=True, decimalen=1, y_titel="Plekken per maand, gemiddeld",
        titel="Gevraagde plekken per maand, gemiddeld per jaar en sector",
    )
    if grafiek is not None:
        st.plotly_chart(grafiek.figure, config=PLOTLY_CONFIG, width="stretch", alt=grafiek.alt)
    # long, not wide: a column pair per year ran off-screen at 1024 px; sectors by their latest average, most first
    laatste_jaar = per_jaar[per_jaar["jaar"] == per_jaar["jaar"].max()].set_index("sector")["gemiddeld_per_maand"]
    volgorde = per_jaar["sector"].map(laatste_jaar).fillna(0)
    per_jaar = per_jaar.assign(_volgorde=-volgorde).sort_values(["_volgorde", "sectornaam", "jaar"], kind="stable")
    jaartabel = pd.DataFrame({
        "Sector": per_jaar["sectornaam"],
        "Jaar": per_jaar["jaarlabel"],
        "Totaal in het jaar": per_jaar["totaal"].astype(int),
        "Gemiddeld per maand": per_jaar["gemiddeld_per_maand"].astype(float),
    })
    st.dataframe(
        formaat.tabel_nl(jaartabel, {"Gemiddeld per maand": 1}), hide_index=True, width="stretch",
        height=min(38 + 35 * len(jaartabel), 640),
        column_config=kolommen.instellingen(jaartabel, {
            "Totaal in het jaar": st.column_config.NumberColumn(
                help="Gevraagde plekken in het jaar, alle maanden met gegevens bij elkaar. "
                + KENGETALLEN["vraag"].definitie),
            "Gemiddeld per maand": st.column_config.NumberColumn(
                help="Het totaal gedeeld door het aantal maanden van het jaar waarover vraag is geladen."),
        }),
    )
    download_knoppen(jaartabel, f"vraag_per_sector_per_jaar_{venster.laatste:%Y-%m}", sleutel="vraag_per_jaar",
                     toelichting=uitleg("Vraag per sector per jaar"))

# --- 2. Structurele vraag per beroep -----------------------------------------------------------------
st.subheader("Structurele vraag per beroep")
st.caption(
    f"Beroepen waar werkgevers in minstens {k} van de 12 maanden ({tekst_12}) om vroegen: hierop kunt u gericht "
    "werven. Gemiddeld per maand is het totaal aantal gevraagde plekken in die 12 maanden gedeeld door 12. "
    + TREND_UITLEG
)
maand_labels = [formaat.maand_label(m) for m in pd.date_range(venster.eerste, venster.laatste, freq="MS")]
structureel = structurele_vraag(gekozen, venster, k, "beroep")
if structureel.empty:
    st.info(f"Geen enkel beroep had vraag in minstens {k} van de 12 maanden in deze selectie. Kies een lagere "
            "drempel of een ruimere selectie.")
else:
    lijst = pd.DataFrame({
        "Sector": structureel["sector"].map(sector),
        "Beroep": structureel["naam"],
        "Maanden met vraag (van 12)": structureel["maanden_met_vraag"].astype(int),
        "Gemiddeld per maand": structureel["gemiddeld_per_maand"].astype(float),
        "Trend": structureel["trend"].map(TREND),
        "Verloop": structureel["per_maand"].map(list),
    })
    # the beroep and its numbers first, the sector after them: at 1024 px the numbers were off-screen
    st.dataframe(
        formaat.tabel_nl(lijst, {"Gemiddeld per maand": 1}), hide_index=True, width="stretch",
        column_order=["Beroep", "Gemiddeld per maand", "Maanden met vraag (van 12)", "Trend", "Verloop", "Sector"],
        column_config=kolommen.instellingen(lijst, {
            "Beroep": st.column_config.Column(width="medium"),
            "Gemiddeld per maand": st.column_config.NumberColumn(
                "Per maand", help="Gemiddeld per maand. " + KENGETALLEN["structurele_vraag"].definitie),
            "Maanden met vraag (van 12)": st.column_config.NumberColumn(
                "Maanden (van 12)", help="In hoeveel van de 12 maanden werkgevers om minstens één plek vroegen."),
            "Trend": st.column_config.TextColumn(help=TREND_UITLEG),
            "Verloop": st.column_config.LineChartColumn(
                "Verloop per maand", y_min=0,
                help=f"Gevraagde plekken per maand, van {maand_labels[0]} (links) tot en met {maand_labels[-1]} "
                "(rechts)."),
        }),
    )
    download = lijst.drop(columns="Verloop")
    download[maand_labels] = pd.DataFrame(structureel["per_maand"].map(list).tolist(), index=lijst.index)
    download_knoppen(download, f"structurele_vraag_{venster.laatste:%Y-%m}", sleutel="vraag_structureel",
                     toelichting=uitleg("Structurele vraag per beroep"))

# --- 3. Vraag en aanbod per sector -------------------------------------------------------------------
st.subheader("Vraag en aanbod per sector")
st.caption(
    "Per sector de structurele vraag per maand (de gemiddelden van de structurele beroepen hierboven bij elkaar "
    "opgeteld) naast de instroom per maand: de trajecten die in dezelfde 12 maanden begonnen, gedeeld door 12. "
    "Waar de vraag groter is dan de instroom, wordt de vraag niet gedekt en is meer werving nodig. De instroom "
    "volgt alle filters behalve de periode."
)
aanbod = vraag_en_aanbod(gekozen, venster, k)
if aanbod.empty:
    st.info("Geen structurele vraag en geen instroom in deze 12 maanden voor deze selectie.")
else:
    aanbod["sectornaam"] = aanbod["sector"].map(sector)
    grafiek = vraag_tegen_instroom(
        aanbod, "sectornaam", "vraag_per_maand", "instroom_per_maand", "gedekt",
        titel=f"Structurele vraag en instroom per maand, {tekst_12}",
    )
    st.plotly_chart(grafiek.figure, config=PLOTLY_CONFIG, width="stretch", alt=grafiek.alt)
    niet_gedekt = aanbod["gedekt"].map(lambda g: g is False)  # None: instroom afgeschermd, or not to decide
    if niet_gedekt.any():
        st.warning(
            "De vraag wordt niet gedekt in: " + ", ".join(aanbod.loc[niet_gedekt, "sectornaam"]) + "."
        )
    onbepaald = aanbod["gedekt"].map(lambda g: g is None)
    if onbepaald.any():  # "in elke sector" would be a conclusion the rounded or hidden instroom cannot carry (review)
        gedekt_elders = not niet_gedekt.any() and aanbod["gedekt"].map(lambda g: g is True).any()
        st.caption(("In de andere sectoren is de instroom minstens zo groot als de structurele vraag. "
                    if gedekt_elders else "")
                   + "Of de vraag gedekt wordt, is met deze afgeronde of afgeschermde aantallen niet te bepalen in: "
                   + ", ".join(aanbod.loc[onbepaald, "sectornaam"]) + ".")
    elif not niet_gedekt.any():
        st.caption("In elke sector is de instroom minstens zo groot als de structurele vraag.")
    tabel = pd.DataFrame({
        "Sector": aanbod["sectornaam"],
        "Structurele vraag per maand": aanbod["vraag_per_maand"].astype(float),
        "Instroom per maand": aanbod["instroom_per_maand"],
        # a protected gap whose sign is not certain between brackets, "(-0,3)", as "niet te bepalen" beside it says
        "Verschil per maand": aanbod["tekort_per_maand"].map(lambda w: formaat.verschil_getal(w, 1) if is_beschermd(w)
                                                             else w),
        "Vraag gedekt": [gedekt_tekst(g, i) for g, i in zip(aanbod["gedekt"], aanbod["instroom"], strict=True)],
        "Beroepen": aanbod["beroepen"].astype(int),
        "Instroom in 12 mnd": aanbod["instroom"],
    })
    een_decimaal = dict.fromkeys(("Structurele vraag per maand", "Instroom per maand", "Verschil per maand"), 1)
    st.dataframe(
        formaat.tabel_nl(tabel, een_decimaal), hide_index=True, width="stretch",
        placeholder=formaat.LEEG,  # a hidden instroom has no difference: "–", not Streamlit's "None"
        column_config=kolommen.instellingen(tabel, {
            "Structurele vraag per maand": st.column_config.NumberColumn(
                "Vraag per maand", help="Structurele vraag per maand. " + KENGETALLEN["structurele_vraag"].definitie),
            # text for others ("–", "(-0,3)"): a NumberColumn marked their "–" as an invalid number (a blue corner)
            "Instroom per maand": st.column_config.Column(help=KENGETALLEN["instroom"].definitie),
            "Beroepen": st.column_config.NumberColumn(
                help="Het aantal structurele beroepen (combinaties van sector en beroep) in de sector."),
            "Instroom in 12 mnd": st.column_config.Column(
                help=f"Trajecten die in {tekst_12} begonnen. " + KENGETALLEN["instroom"].definitie),
            "Verschil per maand": st.column_config.Column(
                help="Structurele vraag min instroom, per maand: boven 0 is er meer vraag dan instroom. "
                + KENGETALLEN["vraag_en_aanbod"].definitie),
        }),
    )
    afscherming_uitleg(aanbod, ["instroom"])
    if tabel["Verschil per maand"].map(lambda w: isinstance(w, str) and w.startswith("(")).any():
        st.caption(HAAKJES)
    download_knoppen(tabel, f"vraag_en_aanbod_{venster.laatste:%Y-%m}", sleutel="vraag_aanbod",
                     toelichting=uitleg("Vraag en aanbod per sector"))

# --- 4. Werkgevers met terugkerende vraag ------------------------------------------------------------
st.subheader("Werkgevers met terugkerende vraag")
st.caption(
    f"Werkgevers die in minstens {k} van de 12 maanden om plekken vroegen, met de meeste maanden bovenaan: "
    "goede adressen voor vaste afspraken over praktijkplekken. Hier telt de werkgever, niet het beroep: een werkgever "
    "die elke maand om een ander beroep vraagt, staat hier wel, terwijl die beroepen hierboven niet structureel zijn."
)
werkgevers = structurele_vraag(gekozen, venster, k, "werkgever")
if werkgevers.empty:
    st.info(f"Geen werkgever vroeg in minstens {k} van de 12 maanden om plekken in deze selectie.")
else:
    werkgeverlijst = pd.DataFrame({
        "Werkgever": werkgevers["naam"],
        "Sector": werkgevers["sectoren"].map(lambda codes: ", ".join(sector(c) for c in codes)),
        "Maanden met vraag (van 12)": werkgevers["maanden_met_vraag"].astype(int),
        "Gemiddeld per maand": werkgevers["gemiddeld_per_maand"].astype(float),
        "Trend": werkgevers["trend"].map(TREND),
    })
    st.dataframe(
        formaat.tabel_nl(werkgeverlijst, {"Gemiddeld per maand": 1}), hide_index=True, width="stretch",
        column_config=kolommen.instellingen(werkgeverlijst, {
            "Gemiddeld per maand": st.column_config.NumberColumn(
                "Per maand", help="Gemiddeld per maand. " + KENGETALLEN["structurele_vraag"].definitie),
            "Maanden met vraag (van 12)": st.column_config.NumberColumn("Maanden (van 12)"),
            "Trend": st.column_config.TextColumn(help=TREND_UITLEG),
        }),
    )
    download_knoppen(werkgeverlijst, f"werkgevers_terugkerende_vraag_{venster.laatste:%Y-%m}",
                     sleutel="vraag_werkgevers", toelichting=uitleg("Werkgevers met terugkerende vraag"))
