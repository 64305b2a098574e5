"""Sectorvergelijking: per sector the numbers of a half year next to the half year before, for the
half-yearly evaluation with the chain partners (gemeenten, UWV, werkgeversservicepunt, mbo-scholen)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
import streamlit as st

from analytics.beschermd import geschaald, is_beschermd, onzekere_groepen
from analytics.kengetallen import KENGETALLEN, periode_grenzen
from analytics.landelijk import AANDELEN, LANDELIJK, REGIO, VERGELIJKBARE, per_sleutel_naast_elkaar, regiovergelijking
from analytics.onderdrukking import MIN_NOEMER, drempel
from analytics.sectoren import (
    STRUCTUREEL_K,
    UITVAL_MAANDEN,
    Halfjaar,
    halfjaar_naam,
    halfjaren,
    sectorvergelijking,
    vraag_bekend_vanaf,
)
from kader import HAAKJES, afscherming_uitleg, filters, volgorde_zin
from kader import toelichting as download_toelichting
from kader.downloads import download_knoppen
from kader.filterbalk import naam_van
from kader.keuzes import keuze
from weergave import formaat, kolommen
from weergave.grafieken import PLOTLY_CONFIG
from weergave.kleine_veelvouden import kleine_veelvouden_per_rij, sectormaten
from weergave.landelijk import vergelijking_zin

TOTAAL = "Hele selectie"
STRUCTURELE_VRAAG = "Structurele vraag (plekken per maand)"


def datum_voluit(datum: dt.date) -> str:
    """"30 juni 2026"."""
    return f"{datum.day} {formaat.maandnaam(datum.month)} {datum.year}"


def afgerond(waarde, factor: int = 1):
    """`waarde` x `factor` with one decimal, rounded half-up as formaat writes it, so the download holds exactly
    what the screen shows; a protected one scaled with its range (hidden: None)."""
    if is_beschermd(waarde):
        return None if waarde.verborgen else geschaald(waarde, factor)
    if formaat.is_leeg(waarde):
        return None
    return float((Decimal(str(waarde)) * factor).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def procent(fractie):
    """A share as a percentage with one decimal (0.1255 -> 12.6)."""
    return afgerond(fractie, 100)


kop = st.empty()
gekozen = filters(periode_telt=False)  # the half year is chosen on the page
eerste_start, peildatum = periode_grenzen()
opties = halfjaren(eerste_start, peildatum)
if not opties:
    kop.title("Sectorvergelijking")
    st.info(
        f"Er is nog geen volledig halfjaar in de gegevens: ze lopen van {formaat.datum(eerste_start)} tot en met "
        f"{formaat.datum(peildatum)}."
    )
    st.stop()

sleutel = keuze(
    st.selectbox, "Halfjaar",
    [h.sleutel for h in opties],
    format_func=lambda s: halfjaar_naam(Halfjaar.uit_sleutel(s)),
    key="sectoren_halfjaar",
    help="Alleen volledige halfjaren. Het halfjaar dat nu loopt, komt erbij als het voorbij is.",
)
halfjaar = Halfjaar.uit_sleutel(sleutel)
vorige = halfjaar.vorige()
nu_naam, vorig_naam = halfjaar_naam(halfjaar), halfjaar_naam(vorige)
kop.title(f"Sectorvergelijking {nu_naam}")
st.caption(
    "De periode uit de filters doet op deze pagina niet mee: u kiest hier het halfjaar. De andere filters wel."
)

vergelijking = sectorvergelijking(gekozen, halfjaar, eerste_start)
sectoren = vergelijking[~vergelijking["totaal"]].copy()
if sectoren.empty:
    st.info(f"Geen trajecten en geen vraag in deze selectie in het {nu_naam} of het halfjaar ervoor.")
    st.stop()
totaal = vergelijking[vergelijking["totaal"]].iloc[0]
sectoren["naam"] = [naam_van("sectoren", code, {}) for code in sectoren["sector"]]
te_vergelijken = vorige.tot >= eerste_start

vergelijking_tekst = (
    f"Per sector staat het {nu_naam} (donkerblauw) naast het {vorig_naam} (lichtblauw). " if te_vergelijken else ""
)
st.caption(
    "Voor de halfjaarlijkse evaluatie per sector met gemeenten, UWV, werkgeversservicepunt en mbo-scholen. "
    f"{vergelijking_tekst}De sectoren staan in elke grafiek in dezelfde volgorde, de meeste instroom bovenaan: lees "
    "een sector van links naar rechts. De stippellijn is de hele selectie. Instroom wisselt met de seizoenen (na de "
    "zomer beginnen meer trajecten): kies ook eens hetzelfde halfjaar een jaar eerder."
)
if halfjaar.van < eerste_start:
    st.warning(f"Let op: de gegevens beginnen op {formaat.datum(eerste_start)}, dus het {nu_naam} is onvolledig.")
if not te_vergelijken:
    st.caption(f"Over het {vorig_naam} zijn geen gegevens: er is geen vergelijking met het halfjaar ervoor.")
elif vorige.van < eerste_start:
    st.caption(
        f"Let op: de gegevens beginnen op {formaat.datum(eerste_start)}, dus de vergelijking met het {vorig_naam} "
        "gaat over een onvolledig halfjaar."
    )

maten = sectormaten(totaal)
for grafiek in kleine_veelvouden_per_rij(
    sectoren.rename(columns={"naam": "Sector"}), "Sector", maten, nu_label=nu_naam,
    vorig_label=vorig_naam if te_vergelijken else "", titel=f"Sectoren in het {nu_naam}",
):
    st.plotly_chart(grafiek.figure, config=PLOTLY_CONFIG, width="stretch", alt=grafiek.alt)
if onzeker := onzekere_groepen(list(sectoren["instroom"]), list(sectoren["naam"])):  # the order is a conclusion too
    st.caption(volgorde_zin(onzeker))

uitval_grens = (pd.Timestamp(peildatum) - pd.DateOffset(months=UITVAL_MAANDEN)).date()
venster_van = (pd.Timestamp(halfjaar.laatste_maand) - pd.DateOffset(months=11)).date()
volgen = f"{UITVAL_MAANDEN} maanden te volgen zijn"
if halfjaar.tot > uitval_grens:  # the young trajecten of this half year cannot be followed yet
    volgen += f" (begonnen uiterlijk {datum_voluit(uitval_grens)})"
toelichting = [
    f"**Lopend aan het eind**: trajecten die op {datum_voluit(halfjaar.tot)} liepen, volgens de exports van toen.",
    f"**Uitval binnen {UITVAL_MAANDEN} maanden**: van de trajecten die in het halfjaar begonnen en al {volgen}, het "
    f"deel dat binnen {UITVAL_MAANDEN} maanden uitviel. In de tabel staat hoeveel trajecten te volgen waren.",
    "**Uitstroom naar werk**: het deel van de trajecten die in het halfjaar eindigden.",
    f"**Structurele vraag**: plekken per maand bij combinaties van sector en beroep met vraag in minstens "
    f"{STRUCTUREEL_K} van de 12 maanden {formaat.maand_label(venster_van)} tot en met "
    f"{formaat.maand_label(halfjaar.laatste_maand)}. Vraag komt van het werkgeversservicepunt: alleen de filters "
    "regio, gemeente en sector doen mee.",
]
if sectoren["uitval6"].isna().any() or sectoren["aandeel_werk"].isna().any():
    toelichting.append(
        f"'–' is niet te bepalen: bij uitval heeft de sector in dit halfjaar geen instroom die al {volgen}; bij "
        "uitstroom naar werk is in dit halfjaar geen traject van de sector beëindigd."
        if gekozen.exact else
        f"'–' is niet te bepalen of afgeschermd: bij uitval heeft de sector in dit halfjaar geen instroom die al "
        f"{volgen}, of minder dan {MIN_NOEMER} zulke trajecten of minder dan {drempel()} uitvallers; bij uitstroom "
        f"naar werk geen of te weinig beëindigde trajecten. Zo wijst geen percentage naar personen."
    )
bekend_vanaf = vraag_bekend_vanaf()
if bekend_vanaf and bekend_vanaf > venster_van:
    toelichting.append(
        f"Let op: vraag is bekend vanaf {formaat.maand_label(bekend_vanaf)}, dus de structurele vraag gaat hier over "
        "minder dan 12 maanden."
    )
st.caption("  \n".join(toelichting))

st.subheader(f"Tabel {nu_naam}")
lopend_kop = f"Lopend op {datum_voluit(halfjaar.tot)}"
uitval_kop = f"Uitval binnen {UITVAL_MAANDEN} maanden (%)"
rijen = pd.concat([sectoren, vergelijking[vergelijking["totaal"]].assign(naam=TOTAAL)], ignore_index=True)
tabel = pd.DataFrame(
    {
        "Sector": rijen["naam"],
        "Instroom": rijen["instroom"],
        "Verschil instroom": rijen["instroom_verschil"],
        lopend_kop: rijen["lopend"],
        "Verschil lopend": rijen["lopend_verschil"],
        "Praktijkverklaringen": rijen["praktijkverklaringen"],
        "Verschil praktijkverklaringen": rijen["praktijkverklaringen_verschil"],
        "Uitstroom naar werk": rijen["uitstroom_werk"],
        "Verschil uitstroom naar werk": rijen["uitstroom_werk_verschil"],
        "Beëindigde trajecten": rijen["beeindigd"],
        "Uitstroom naar werk (%)": rijen["aandeel_werk"].map(procent),
        "Verschil uitstroom naar werk (procentpunt)": rijen["aandeel_werk_verschil"].map(procent),
        uitval_kop: rijen["uitval6"].map(procent),
        "Uitval: te volgen trajecten": rijen["uitval6_noemer"],
        "Verschil uitval (procentpunt)": rijen["uitval6_verschil"].map(procent),
        STRUCTURELE_VRAAG: rijen["structurele_vraag"].map(afgerond).astype(float),
        "Verschil structurele vraag": rijen["structurele_vraag_verschil"].map(afgerond).astype(float),
    }
)
procenten = [uitval_kop, "Uitstroom naar werk (%)"]
verschil_aantal = [
    "Verschil instroom", "Verschil lopend", "Verschil praktijkverklaringen", "Verschil uitstroom naar werk"
]
verschil_decimaal = ["Verschil structurele vraag"]
verschil_procentpunt = ["Verschil uitval (procentpunt)", "Verschil uitstroom naar werk (procentpunt)"]
scherm = tabel.copy()  # a protected change as text with its brackets (direction not certain) before tabel_nl
for kolom in [*verschil_aantal, *verschil_decimaal, *verschil_procentpunt]:
    decimalen = 0 if kolom in verschil_aantal else 1
    scherm[kolom] = scherm[kolom].map(lambda w, d=decimalen: formaat.verschil_getal(w, d) if is_beschermd(w) else w)
opgemaakt = (
    formaat.tabel_nl(scherm, decimalen=dict.fromkeys([*procenten, *verschil_decimaal, *verschil_procentpunt,
                                                      STRUCTURELE_VRAAG], 1))
    .format(lambda w: formaat.LEEG if formaat.is_leeg(w) or w == formaat.LEEG else f"{formaat.getal(w, 1)}%",
            subset=procenten)  # a hidden share arrives as "–" text for others: not "–%"
    .format(formaat.verschil_getal, subset=verschil_aantal)
    .format(lambda w: formaat.verschil_getal(w, 1), subset=[*verschil_decimaal, *verschil_procentpunt])
    .apply(lambda rij: ["background-color: #EEEEEE" if rij["Sector"] == TOTAAL else "" for _ in rij], axis=1)
)
tegen = f"Verschil met het {vorig_naam}"
kolominstellingen = {
    "Sector": st.column_config.Column(pinned=True),
    "Instroom": st.column_config.Column(help=KENGETALLEN["instroom"].definitie),
    lopend_kop: st.column_config.Column(
        "Lopend aan eind", help=f"Trajecten die op {datum_voluit(halfjaar.tot)} liepen, volgens de export van elke "
        "organisatie van op of vlak voor die datum. Zo telt 'Lopende trajecten' op het eind van het halfjaar."
    ),
    "Praktijkverklaringen": st.column_config.Column(
        "Praktijkverkl.", help="Praktijkverklaringen. " + KENGETALLEN["praktijkverklaringen"].definitie),
    STRUCTURELE_VRAAG: st.column_config.Column(
        "Structurele vraag", help="Plekken per maand. " + KENGETALLEN["structurele_vraag"].definitie
    ),
    uitval_kop: st.column_config.Column(
        f"Uitval {UITVAL_MAANDEN} mnd (%)", help=KENGETALLEN["uitval_binnen"].definitie
    ),
    "Uitval: te volgen trajecten": st.column_config.Column(
        "Te volgen", help=f"Trajecten uit dit halfjaar die al {UITVAL_MAANDEN} maanden te volgen zijn: hierover gaat "
        "het uitvalpercentage."
    ),
    "Uitstroom naar werk": st.column_config.Column(help=KENGETALLEN["uitstroom_werk"].definitie),
    "Beëindigde trajecten": st.column_config.Column("Beëindigd", help="Trajecten die in het halfjaar eindigden."),
    "Uitstroom naar werk (%)": st.column_config.Column(
        "Naar werk (%)", help="Uitstroom naar werk als deel van de beëindigde trajecten."
    ),
} | {kolom: st.column_config.Column("verschil", help=tegen, width=70)
      for kolom in [*verschil_aantal, *verschil_decimaal]} | {
    kolom: st.column_config.Column("verschil (pp)", help=f"{tegen}, in procentpunten")
    for kolom in verschil_procentpunt
}
# The table in three parts, so that each fits on a laptop or projector without scrolling sideways; the download
# is the whole table.
delen = {
    "Instroom, lopende trajecten en praktijkverklaringen": tabel.columns[0:7],
    "Uitstroom naar werk": tabel.columns[7:12],
    f"Uitval binnen {UITVAL_MAANDEN} maanden en structurele vraag": tabel.columns[12:],
}
for kop_deel, deel_kolommen in delen.items():
    st.markdown(f"**{kop_deel}**")
    st.dataframe(opgemaakt, hide_index=True, width="stretch", height="content",
                 column_order=["Sector", *deel_kolommen.drop("Sector", errors="ignore")],
                 column_config=kolommen.instellingen(opgemaakt, kolominstellingen), placeholder=formaat.LEEG)
st.caption(
    (f"Verschil: {nu_naam} min {vorig_naam}; bij percentages in procentpunten." if te_vergelijken
     else f"Geen verschil: over het {vorig_naam} zijn geen gegevens.")
    + f" De rij '{TOTAAL}' is berekend over alle trajecten van de selectie, niet opgeteld uit de sectoren: "
    "percentages zijn niet op te tellen. De download bevat de drie delen in één tabel."
    + ("" if gekozen.exact or not te_vergelijken else f" {HAAKJES}")
)
land = regiovergelijking(gekozen.met_periode(halfjaar.van, halfjaar.tot), halfjaar.van, halfjaar.tot,
                         UITVAL_MAANDEN, per="sector")
if land is not None:
    st.subheader(f"Per sector vergeleken met het land, {nu_naam}")
    naast = per_sleutel_naast_elkaar(land.tabel)
    # the sectors in the page's order (most instroom on top), as in the charts above
    naast = naast.set_index("sleutel").reindex([c for c in sectoren["sector"] if c in set(naast["sleutel"])])
    naast = naast.rename_axis("sleutel").reset_index()
    koppen = {REGIO: land.regio, VERGELIJKBARE: "Vergelijkbare regio's", LANDELIJK: "Landelijk"}
    for aandeel, maat in (("uitval", f"Uitval binnen {UITVAL_MAANDEN} maanden"),
                          ("aandeel_werk", "Uitstroom naar werk")):
        st.markdown(f"**{maat}**")
        st.dataframe(pd.DataFrame({"Sector": [naam_van("sectoren", c, {}) for c in naast["sleutel"]]} | {
            kop_: [formaat.percentage_met_n(a, n) for a, n in zip(
                naast[f"{aandeel}_{soort}"], naast[f"{AANDELEN[aandeel][1]}_{soort}"], strict=True)]
            for soort, kop_ in koppen.items()}),
            hide_index=True, width="stretch")
    st.caption(vergelijking_zin(land, f"het {nu_naam}"))

afscherming_uitleg(rijen, ["instroom", "lopend", "praktijkverklaringen", "uitstroom_werk", "beeindigd",
                           "uitval6", "aandeel_werk"])
# the shares as fractions (a protected one as it is): numbers with a percent format in the file
download_knoppen(tabel.assign(**{"Uitstroom naar werk (%)": rijen["aandeel_werk"], uitval_kop: rijen["uitval6"]}),
                 f"sectorvergelijking_{halfjaar.jaar}_{halfjaar.helft}e_halfjaar", sleutel="sectoren_tabel",
                 procenten=procenten, toelichting=download_toelichting(
                     "Sectorvergelijking", f"Tabel {nu_naam}", gekozen, periode_telt=False, extra=(
                         ("Halfjaar", f"{nu_naam} ({formaat.datum(halfjaar.van)} tot en met "
                                      f"{formaat.datum(halfjaar.tot)})"),
                         ("Vergeleken met", vorig_naam if te_vergelijken else "geen: geen gegevens over het "
                                                                              f"{vorig_naam}"))))
