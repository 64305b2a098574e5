"""Opvolging: an organisatie's lopende trajecten in their first months at a werkgever or praktijkopleider with
clearly more early uitval than average, to follow up now (issue 15, point 5). For the beheerder and an organisatie
(its own trajecten only); not on a projector, not for a gemeente or the regio."""

from __future__ import annotations

import streamlit as st

from analytics.opvolging import opvolglijst
from analytics.uitval import MIN_TRAJECTEN, VROEG
from kader import filters, opslag_of_uitleg, toelichting
from kader.downloads import download_knoppen
from weergave import formaat
from weergave import kolommen as tabelkolommen
from weergave.opvolging import gemiddelde_tekst, opvolgtabel, redenen_per_naam
from weergave.tekst import markdown_tekst

ALLEEN_GEKOZEN = ("Let op: u heeft op organisatie gefilterd, dus het gemiddelde is dat van de gekozen organisaties en "
                  "niet van de hele regio.")

st.title("Opvolging")
gekozen = filters(periode_telt=False, pagina="opvolging")  # a state: the period filter does not apply
wie = gekozen.kijker

st.caption(
    "De les van 25 SW-bedrijven: uitval ontstaat vooral in de eerste maanden. Volg daarom elk traject in het begin "
    "nauw en coach praktijkopleiders op tijd. Deze lijst noemt de lopende trajecten die nu in hun eerste "
    f"{VROEG} maanden zitten bij een werkgever of praktijkopleider waar eerder duidelijk meer trajecten in de "
    f"eerste {VROEG} maanden uitvielen dan gemiddeld."
)
st.caption(
    f"De regel is die van de pagina Uitval: een werkgever of praktijkopleider met minstens {MIN_TRAJECTEN} "
    f"trajecten die al {VROEG} maanden te volgen zijn, waarvan ook de ondergrens van het 95%-betrouwbaarheidsinterval "
    "(Wilson) boven het gemiddelde ligt. Hier telt elk traject sinds het begin van de gegevens mee: de gekozen "
    "periode geldt niet, de andere filters wel. Zonder filters is het gemiddelde dat van de hele regio."
    + ("" if wie.is_beheerder else " U ziet alleen de trajecten van uw eigen organisatie.")
)

with opslag_of_uitleg():
    lijst = opvolglijst(gekozen)
tabel = opvolgtabel(lijst)

if tabel.empty:
    if lijst.in_eerste_maanden == 0:
        bericht = (f"{'Er is' if wie.is_beheerder else 'Uw organisatie heeft'} nu geen lopend traject in zijn eerste "
                   f"{VROEG} maanden. Er is niets op te volgen.")
    elif lijst.beoordeeld == 0:
        bericht = (f"Geen werkgever of praktijkopleider heeft in deze selectie minstens {MIN_TRAJECTEN} trajecten die "
                   f"al {VROEG} maanden te volgen zijn: er valt niets te vergelijken. Kies minder filters.")
    else:
        bericht = (f"Geen van {'de' if wie.is_beheerder else 'uw'} {formaat.getal(lijst.in_eerste_maanden)} lopende "
                   f"trajecten in hun eerste {VROEG} "
                   "maanden zit bij een werkgever of praktijkopleider met duidelijk meer vroege uitval dan gemiddeld "
                   f"({gemiddelde_tekst(lijst.gemiddelde)}). Er is nu niets extra op te volgen.")
    st.success(bericht)
    if gekozen.organisaties:
        st.caption(ALLEEN_GEKOZEN)
    st.stop()

peildata = sorted(set(lijst.trajecten["peildatum"]))
scherm = opvolgtabel(lijst, volledig=False)
if not wie.is_beheerder and len(set(tabel["Organisatie"])) == 1:  # one's own organisatie in every row says nothing
    scherm = scherm.drop(columns="Organisatie")
st.markdown(
    f"**{formaat.getal(len(tabel))} {'traject' if len(tabel) == 1 else 'trajecten'} om nu nauw op te volgen**, "
    f"van de {formaat.getal(lijst.in_eerste_maanden)} lopende trajecten in hun eerste {VROEG} maanden."
)
st.dataframe(
    formaat.tabel_nl(scherm), hide_index=True, width="stretch", placeholder=formaat.LEEG,
    column_order=[k for k in ("Trajectnummer", "Organisatie", "Startdatum", "Maanden sinds start", "Vanwege",
                              "Werkgever", "Praktijkopleider") if k in scherm],
    column_config=tabelkolommen.instellingen(scherm, {
        "Maanden sinds start": st.column_config.Column(
            "Maanden", help="Hele maanden sinds de start: van de startdatum tot de peildatum van de laatste export "
            "van de organisatie."),
        "Vanwege": st.column_config.Column(
            help=f"Bij wie de uitval in de eerste {VROEG} maanden duidelijk hoger is dan gemiddeld: zie hieronder."),
    }),
)
st.caption(f"Stand op de laatste export van {'elke' if wie.is_beheerder else 'uw'} organisatie (peildatum "
           f"{', '.join(formaat.datum(p) for p in peildata)}).")
st.markdown("**Waarom deze trajecten op de lijst staan**")
st.markdown("\n".join(f"- {markdown_tekst(tekst)}" for tekst in redenen_per_naam(lijst)))  # names from files: text
if not wie.is_beheerder:
    st.caption("Bij een werkgever waar ook andere organisaties trajecten hebben, staan alleen uw eigen aantallen; het "
               "gemiddelde is dan afgerond op 5 procentpunten.")
if gekozen.organisaties:
    st.caption(ALLEEN_GEKOZEN)
download_knoppen(tabel, "opvolging", sleutel="opvolging", toelichting=toelichting(
    "Opvolging", f"Lopende trajecten in de eerste {VROEG} maanden bij een werkgever of praktijkopleider met duidelijk "
    "meer vroege uitval", gekozen, periode_telt=False))
