"""Van instroom naar werk: per start cohort where the trajecten stand now, up to werk na praktijkverklaring, as a flow
chart with the numbers beside it; and langstromers, doorstromers and eigen medewerkers side by side (issue 16)."""

from __future__ import annotations

import streamlit as st

from analytics.kengetallen import KENGETALLEN
from analytics.resultaten import SPLITSINGEN, STROOM_UITLEG, per_stroom, van_instroom_naar_werk
from kader import afscherming_uitleg, filters, niets_te_tonen, toelichting
from kader.downloads import download_knoppen
from toegang import beleid
from weergave import formaat, kolommen
from weergave.grafieken import PLOTLY_CONFIG, opsomming
from weergave.resultaten import KOPPEN, STROOMHULP, cohorttabel, per_stroom_grafiek, stroomdiagram, stroomtabel

WERK_NA_PV = "Werk na praktijkverklaring"

st.title("Van instroom naar werk")
gekozen = filters(pagina="resultaten")
periode = f"gestart {formaat.datum(gekozen.van)} tot en met {formaat.datum(gekozen.tot)}"
st.caption(
    f"Trajecten die {periode} begonnen, en waar ze nu staan: nog lopend, uitgevallen, voortijdig naar betaald werk "
    "of geëindigd met een praktijkverklaring; en wat er na de praktijkverklaring kwam. "
    + KENGETALLEN["werk_na_praktijkverklaring"].definitie
)
if gekozen.van.year == gekozen.tot.year:
    st.caption(
        "Deze periode beslaat één startjaar, waarvan de meeste trajecten nog lopen. Kies in de zijbalk "
        + ("'Zelf kiezen' met een begin een paar jaar terug" if beleid.vrije_perioden(gekozen.kijker)
           else "'Vorig jaar' of 'Afgelopen 12 maanden'")
        + " om startjaren te zien die al verder zijn."
    )

per = st.selectbox("Uitsplitsen naar", list(SPLITSINGEN), format_func=SPLITSINGEN.get, key="resultaten_per",
                   help="De tabel per startjaar uitgesplitst naar stroom, doelgroep, sector of route; de grafiek "
                        "toont altijd de hele selectie.")
tabel = van_instroom_naar_werk(gekozen, per)
if tabel.empty:
    st.info(niets_te_tonen(gekozen.exact, "Geen trajecten gestart in deze selectie en periode."))
    st.stop()
totaal = tabel[tabel["is_totaal"].astype(bool)].iloc[0]

tegels = st.columns(3)
tegels[0].metric("Gestart", formaat.getal(totaal["instroom"]), help=KENGETALLEN["instroom"].definitie)
tegels[1].metric("Met praktijkverklaring", formaat.getal(totaal["praktijkverklaring"]),
                 help=KOPPEN["praktijkverklaring"][1])
tegels[2].metric(WERK_NA_PV, formaat.getal(totaal["pv_betaald_werk"]),
                 help=KENGETALLEN["werk_na_praktijkverklaring"].definitie)
werk_pct = formaat.percentage(totaal["aandeel_werk_na_praktijkverklaring"])
if werk_pct != formaat.LEEG:
    tegels[2].caption(f"{werk_pct} van wie een praktijkverklaring haalde")

diagram = stroomdiagram(totaal, f"Van instroom naar werk ({periode})")
if diagram.grafiek is not None:
    st.plotly_chart(diagram.grafiek.figure, config=PLOTLY_CONFIG, width="stretch", alt=diagram.grafiek.alt)
if diagram.niet_getekend:
    st.caption(f"Niet getekend, te klein om te tonen zonder dat het naar personen wijst: "
               f"{opsomming([s.lower() for s in diagram.niet_getekend])}.")

st.subheader("Per startjaar")
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
                 toelichting=toelichting("Van instroom naar werk", "Per startjaar", gekozen,
                                         extra=(("Uitgesplitst naar", SPLITSINGEN[per]),)))

st.subheader("Per stroom")
st.markdown(STROOM_UITLEG)
stromen = per_stroom(gekozen)
st.dataframe(
    formaat.tabel_nl(stroomtabel(stromen)), hide_index=True, width="stretch",
    column_config=kolommen.instellingen(stroomtabel(stromen), {k: st.column_config.Column(k, help=h)
                                                               for k, h in STROOMHULP.items()}),
)
grafiek = per_stroom_grafiek(stromen)
if grafiek is not None:
    st.plotly_chart(grafiek.figure, config=PLOTLY_CONFIG, width="stretch", alt=grafiek.alt)
    st.caption("De stippellijn is de hele selectie. Een streepje (–): te weinig trajecten voor een percentage.")
afscherming_uitleg(stromen, ["instroom", "uitval", "praktijkverklaring", "pv_betaald_werk", "aandeel_uitval",
                             "aandeel_praktijkverklaring", "aandeel_werk_na_praktijkverklaring"])
STROOMAANDELEN = {"Nog lopend": "aandeel_lopend", "Uitval %": "aandeel_uitval",
                  "Praktijkverklaring %": "aandeel_praktijkverklaring",
                  "Werk na PV %": "aandeel_werk_na_praktijkverklaring"}
download_knoppen(
    stroomtabel(stromen).assign(**{k: stromen[a].to_numpy() for k, a in STROOMAANDELEN.items()}),
    "per_stroom", sleutel="resultaten_stroom", procenten=list(STROOMAANDELEN),
    toelichting=toelichting("Van instroom naar werk", "Per stroom", gekozen),
)
