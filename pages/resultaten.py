"""Van instroom naar werk: per start cohort where the trajecten stand now, up to werk na praktijkverklaring, as a flow
chart with the numbers beside it; and langstromers, doorstromers and eigen medewerkers side by side (issue 16)."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from analytics.beschermd import getoond
from analytics.kengetallen import KENGETALLEN, periode_grenzen
from analytics.resultaten import SPLITSINGEN, STROOM_UITLEG, per_stroom, van_instroom_naar_werk
from kader import afscherming_uitleg, filters, niets_te_tonen, toelichting
from kader.downloads import download_knoppen
from kader.keuzes import keuze
from weergave import formaat, kolommen
from weergave.grafieken import PLOTLY_CONFIG, opsomming
from weergave.resultaten import KOPPEN, STROOMHULP, cohorttabel, per_stroom_grafiek, stroomdiagram, stroomtabel

WERK_NA_PV = "Werk na praktijkverklaring"

st.title("Van instroom naar werk")
# per start cohort: every start year in the store, whatever the period in the sidebar (with "Dit jaar tot nu" only
# the current year would be left, whose trajecten mostly still run); the other filters hold
gekozen = filters(periode_telt=False, pagina="resultaten")
eerste_start, peildatum = periode_grenzen()
gekozen = gekozen.met_periode(dt.date(eerste_start.year, 1, 1), peildatum)
st.caption(
    "Per startjaar: de trajecten die dat jaar begonnen, en waar ze nu staan: nog lopend, uitgevallen, voortijdig naar "
    "betaald werk of geëindigd met een praktijkverklaring; en wat er na de praktijkverklaring kwam: betaald werk bij "
    "een werkgever, werk binnen het SW-bedrijf of een vervolgopleiding. "
    f"De periode in de zijbalk telt hier niet: elk startjaar vanaf {eerste_start.year} staat hieronder (tot en met "
    f"{formaat.datum(peildatum)}); de andere filters gelden wel."
)

alles = van_instroom_naar_werk(gekozen)
if alles.empty:
    st.info(niets_te_tonen(gekozen.exact, "Geen trajecten gestart in deze selectie."))
    st.stop()
jaren = [int(c.year) for c in alles.loc[~alles["is_totaal"].astype(bool), "cohort"]]
ALLE_JAREN = "Alle startjaren"
startjaar = keuze(st.selectbox, "Startjaar", [ALLE_JAREN, *reversed(jaren)], key="resultaten_jaar",
                     help="De getallen en de grafiek hieronder voor één startjaar of voor alle samen. Een startjaar "
                          "waarin nog veel trajecten lopen, is nog niet af.")
rij = alles[alles["is_totaal"].astype(bool)].iloc[0] if startjaar == ALLE_JAREN else alles[
    ~alles["is_totaal"].astype(bool) & (alles["cohort"].dt.year == startjaar)].iloc[0]
welke = f"startjaren {jaren[0]}–{jaren[-1]}" if startjaar == ALLE_JAREN else f"startjaar {startjaar}"

tegels = st.columns(3)
tegels[0].metric("Gestart", formaat.getal(rij["instroom"]), help=KENGETALLEN["instroom"].definitie)
tegels[1].metric("Met praktijkverklaring", formaat.getal(rij["praktijkverklaring"]),
                 help=KOPPEN["praktijkverklaring"][1])
tegels[2].metric(WERK_NA_PV, formaat.getal(rij["pv_betaald_werk"]),
                 help=KENGETALLEN["werk_na_praktijkverklaring"].definitie)
werk_pct = formaat.percentage(rij["aandeel_werk_na_praktijkverklaring"])
if werk_pct != formaat.LEEG:
    tegels[2].caption(f"{werk_pct} van wie een praktijkverklaring haalde")
if getoond(rij["lopend"]) is None or getoond(rij["lopend"]) > 0:
    tegels[0].caption(f"waarvan {formaat.getal(rij['lopend'])} nog lopend")

diagram = stroomdiagram(rij, f"Van instroom naar werk, {welke}")
if diagram.grafiek is not None:
    st.plotly_chart(diagram.grafiek.figure, config=PLOTLY_CONFIG, width="stretch", alt=diagram.grafiek.alt)
if diagram.niet_getekend:
    st.caption(f"Niet getekend, te klein om te tonen zonder dat het naar personen wijst: "
               f"{opsomming([s.lower() for s in diagram.niet_getekend])}.")

st.subheader("Per startjaar")
per = keuze(st.selectbox, "Uitsplitsen naar", list(SPLITSINGEN), format_func=SPLITSINGEN.get, key="resultaten_per",
                   help="De tabel per startjaar uitgesplitst naar stroom, doelgroep, sector of route.")
tabel = alles if per == "geen" else van_instroom_naar_werk(gekozen, per)
per_label = None if per == "geen" else SPLITSINGEN[per]
weergave = cohorttabel(tabel, per_label)
st.dataframe(
    formaat.tabel_nl(weergave), hide_index=True, width="stretch",
    column_config=kolommen.instellingen(weergave, {kop: st.column_config.Column(kop, help=hulp)
                                                   for kop, hulp in KOPPEN.values()}),
)
st.caption("Een startjaar waarin nog trajecten lopen is niet af: die trajecten kunnen nog uitvallen, een "
           "praktijkverklaring halen of naar werk gaan.")
afscherming_uitleg(tabel, ["instroom", "lopend", "uitval", "voortijdig_werk", "praktijkverklaring", "pv_betaald_werk",
                           "pv_werk_sw", "pv_vervolgopleiding", "pv_geen_of_onbekend",
                           "aandeel_werk_na_praktijkverklaring"])
WERK_PCT = KOPPEN["aandeel_werk_na_praktijkverklaring"][0]
download_knoppen(weergave.assign(**{WERK_PCT: tabel["aandeel_werk_na_praktijkverklaring"].to_numpy()}),
                 "van_instroom_naar_werk", sleutel="resultaten_cohort", procenten=[WERK_PCT],
                 toelichting=toelichting("Van instroom naar werk", "Per startjaar", gekozen, periode_telt=False,
                                         extra=(("Startjaren", f"{jaren[0]} tot en met {jaren[-1]}"),
                                                ("Uitgesplitst naar", SPLITSINGEN[per]))))

st.subheader(f"Per stroom, {welke}")
st.markdown(STROOM_UITLEG)
stromen = per_stroom(gekozen if startjaar == ALLE_JAREN else gekozen.met_periode(
    dt.date(startjaar, 1, 1), min(dt.date(startjaar, 12, 31), peildatum)))
st.dataframe(
    formaat.tabel_nl(stroomtabel(stromen)), hide_index=True, width="stretch",
    column_config=kolommen.instellingen(stroomtabel(stromen), {k: st.column_config.Column(k, help=h)
                                                               for k, h in STROOMHULP.items()}),
)
grafiek = per_stroom_grafiek(stromen)
if grafiek is not None:
    st.plotly_chart(grafiek.figure, config=PLOTLY_CONFIG, width="stretch", alt=grafiek.alt)
    st.caption("PV: praktijkverklaring; de percentages zijn van de gestarte trajecten, werk na PV van wie een "
               "praktijkverklaring haalde. De stippellijn is de hele selectie. Een streepje (–): te weinig trajecten "
               "voor een percentage.")
afscherming_uitleg(stromen, ["instroom", "uitval", "praktijkverklaring", "pv_betaald_werk", "aandeel_uitval",
                             "aandeel_praktijkverklaring", "aandeel_werk_na_praktijkverklaring"])
STROOMAANDELEN = {"Lopend %": "aandeel_lopend", "Uitval %": "aandeel_uitval",
                  "Praktijkverkl. %": "aandeel_praktijkverklaring",
                  "Werk na PV %": "aandeel_werk_na_praktijkverklaring"}
download_knoppen(
    stroomtabel(stromen).assign(**{k: stromen[a].to_numpy() for k, a in STROOMAANDELEN.items()}),
    "per_stroom", sleutel="resultaten_stroom", procenten=list(STROOMAANDELEN),
    toelichting=toelichting("Van instroom naar werk", "Per stroom", gekozen, periode_telt=False,
                            extra=(("Startjaren", f"{jaren[0]} tot en met {jaren[-1]}"),)),
)
