"""Datakwaliteit: per organisatie what is delivered and missing, how complete the fields are that the
analyses use, which trajecten vanished from the latest export and which values needed a synonym; so the
consortium sees whose data to trust and whom to chase."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.kwaliteit import (
    VELDEN,
    aanlevering_per_maand,
    aanlevering_per_organisatie,
    ontbrekend_per_organisatie,
    ontbrekende_trajecten,
    synoniemen_bijgehouden,
    synoniemen_in_laatste_export,
    volledigheid,
)
from analytics.onderdrukking import MIN_NOEMER
from analytics.stand import SOORT_LABELS, verouderd
from kader import alle_gegevens, opslag_of_uitleg, toegang_vereist, toelichting
from kader.downloads import download_knoppen
from weergave import formaat
from weergave.grafieken import PLOTLY_CONFIG
from weergave.kwaliteit import aanleverraster
from weergave.tekst import markdown_tekst

STATUS = {"lopend": "Lopend", "afgerond": "Afgerond", "uitgevallen": "Uitgevallen"}

st.title("Datakwaliteit")
# The beheerder sees trajectnummers and exact counts; others (the consortium) see which organisation delivers
# what and how complete, with counts about trajecten afgeschermd (metrics.md, kleine aantallen).
wie = toegang_vereist("kwaliteit")
exact = wie.ziet_alles_exact
st.caption(
    "Hoe volledig en hoe actueel de gegevens van elke organisatie zijn: wie levert elke maand, welke velden "
    "ontbreken vaak, welke trajecten verdwenen uit de laatste export en welke waarden het dashboard via een "
    "synoniem moest herkennen."
)

with opslag_of_uitleg():
    aanlevering = aanlevering_per_organisatie()
    per_maand = aanlevering_per_maand()
    velden = volledigheid()
    ontbrekend = ontbrekende_trajecten()
    synoniemen = synoniemen_in_laatste_export() if synoniemen_bijgehouden() else None
if aanlevering.empty:
    st.info("Er zijn nog geen exports geladen.")
    st.stop()

st.header("Aanlevering per maand")
st.caption(
    "Per organisatie elke maand vanaf de eerste export tot de laatste maand waarvoor iemand in de regio heeft "
    "geleverd. Kandidaten: de maand van de peildatum van elke export; werkgeversvraag: de maanden waarover de "
    "vraag gaat."
)
for soort in ("kandidaten", "vraag"):
    raster = aanleverraster(per_maand[per_maand["soort"] == soort], titel=SOORT_LABELS[soort])
    if raster is not None:
        st.plotly_chart(
            raster.figure, config=PLOTLY_CONFIG, width="stretch", alt=raster.alt, key=f"kwaliteit_raster_{soort}"
        )

tabel = pd.DataFrame(
    {
        "Organisatie": aanlevering["organisatie"],
        "Soort export": aanlevering["soort"].map(SOORT_LABELS),
        "Laatste peildatum": aanlevering["laatste_peildatum"].map(formaat.datum),
        "Eerste maand": aanlevering["eerste_maand"].map(formaat.maand_label),
        "Geleverd": aanlevering["maanden_geleverd"],
        "Ontbreekt": aanlevering["maanden_ontbrekend"],
        "Ontbrekende maanden": aanlevering["ontbrekende_maanden"].map(
            lambda maanden: ", ".join(formaat.maand_label(m) for m in maanden)
        ),
    }
)
st.dataframe(
    tabel,
    hide_index=True,
    width="stretch",
    key="kwaliteit_aanlevering",
    # what a beheerder checks first (which organisation, how far, how many months missing) before the long list
    column_order=["Organisatie", "Soort export", "Laatste peildatum", "Geleverd", "Ontbreekt", "Eerste maand",
                  "Ontbrekende maanden"],
    column_config={
        "Organisatie": st.column_config.TextColumn(width=180),
        "Soort export": st.column_config.TextColumn("Soort"),
        "Laatste peildatum": st.column_config.TextColumn("Peildatum", help="De laatste peildatum."),
        "Geleverd": st.column_config.NumberColumn(help="Aantal maanden met een export.", width="small"),
        "Ontbreekt": st.column_config.NumberColumn(help="Aantal maanden zonder export.", width="small"),
        "Ontbrekende maanden": st.column_config.TextColumn(width="large"),
    },
)
for rij in aanlevering.itertuples():
    laatste = formaat.als_datum(rij.laatste_peildatum)
    if rij.soort == "kandidaten" and laatste and verouderd(laatste):
        st.warning(
            f"De laatste kandidatenexport van {markdown_tekst(rij.organisatie)} is van {formaat.datum(laatste)}: "
            "ouder dan anderhalve maand.",
            icon=":material/schedule:",
        )

st.header("Volledigheid van velden die de analyses gebruiken")
st.caption(
    "Per organisatie: van de trajecten waar het veld ertoe doet, het deel met een bekende waarde (ingevuld en "
    "niet 'onbekend'), op de huidige stand van elk traject. Reden uitval telt bij uitgevallen trajecten, "
    "uitstroom bij beëindigde, werkgever bij externe, stroom bij alle en de datum van de praktijkverklaring bij "
    "afgeronde trajecten."
)
if velden.empty:
    st.info("Er zijn nog geen trajecten geladen.")
else:

    def cel(noemer: int, bekend: int) -> str:
        if not noemer or (not exact and noemer < MIN_NOEMER):
            return formaat.LEEG
        if not exact:  # a share only: the counts would say how many trajecten an organisation has of a kind
            return formaat.percentage(bekend / noemer, 0)
        return f"{formaat.percentage(bekend / noemer)} ({formaat.getal(bekend)} van {formaat.getal(noemer)})"

    volledig = pd.DataFrame({"Organisatie": velden["organisatie"]})
    for prefix, label, _ in VELDEN:
        volledig[label] = [
            cel(n, b) for n, b in zip(velden[f"{prefix}_noemer"], velden[f"{prefix}_bekend"], strict=True)
        ]
    st.dataframe(
        volledig,
        hide_index=True,
        width="stretch",
        key="kwaliteit_volledigheid",
        column_config={label: st.column_config.TextColumn(help=f"Bekend {waar}.") for _, label, waar in VELDEN},
    )
    st.caption(
        "Reden uitval bepaalt of een vroege stop uitval is of uitstroom naar werk; uitstroom bepaalt de "
        "uitstroom naar werk; werkgever en stroom worden gebruikt in de vergelijkingen en filters; de datum van "
        "de praktijkverklaring telt de praktijkverklaringen in de juiste maand."
    )

st.header("Trajecten die ontbreken in de laatste export")
if ontbrekend.empty:
    st.success("Geen: elk traject uit een eerdere export staat ook in de laatste export van zijn organisatie.")
else:
    st.caption(
        "Deze trajecten stonden in een eerdere export maar niet in de laatste export van hun organisatie. Hun "
        "laatst bekende stand telt nog mee. Controleer bij de organisatie of de export volledig was."
    )
if not ontbrekend.empty and not exact:  # others: how many per organisatie, no trajectnummers
    aantallen = ontbrekend_per_organisatie(ontbrekend)
    st.dataframe(aantallen.rename(columns={"organisatie": "Organisatie", "aantal": "Ontbrekende trajecten"}),
                 hide_index=True, width="stretch", key="kwaliteit_ontbrekend_aantal")
elif not ontbrekend.empty:
    lijst = pd.DataFrame(
        {
            "Organisatie": ontbrekend["organisatie"],
            "Trajectnummer": ontbrekend["traject_id"],
            "Laatst bekende status": ontbrekend["status"].map(lambda s: STATUS.get(s, s)),
            "Laatst gezien in de export van": ontbrekend["laatst_gezien"].map(formaat.datum),
            "Laatste export": ontbrekend["laatste_export"].map(formaat.datum),
        }
    )
    st.dataframe(lijst, hide_index=True, width="stretch", key="kwaliteit_ontbrekend")
    download_knoppen(lijst, "ontbrekende_trajecten", sleutel="kwaliteit_ontbrekend_download", toelichting=toelichting(
        "Datakwaliteit", "Trajecten die ontbreken in de laatste export", alle_gegevens(wie), periode_telt=False,
        extra=(("Periode", "alle geladen exports: de filters doen op deze pagina niet mee"),)))

st.header("Waarden die via een synoniem zijn herkend")
if synoniemen is None:
    st.info(
        "Deze opslag houdt dat nog niet bij: het wordt vastgelegd vanaf de eerstvolgende upload van elke organisatie."
    )
elif synoniemen.empty:
    st.success("Geen: de laatste export van elke organisatie gebruikt overal de standaardwaarden.")
else:
    st.caption(
        "In de laatste export van elke organisatie: waarden die niet de standaardnaam hadden maar via een synoniem "
        "(de lijst die de beheerder bijhoudt) of een andere schrijfwijze van een gemeente zijn herkend. Dat gaat goed, "
        "maar een organisatie die de standaardwaarden gebruikt, is minder afhankelijk van die lijst."
    )
    st.dataframe(
        pd.DataFrame(
            {
                "Organisatie": synoniemen["organisatie"],
                "Soort export": synoniemen["soort"].map(SOORT_LABELS),
                "Peildatum": synoniemen["peildatum"].map(formaat.datum),
                "Kolom": synoniemen["kolom_label"],
                "Waarde in het bestand": synoniemen["waarde"],
                "Herkend als": synoniemen["herkend_als"],
                **({"Rijen": synoniemen["aantal"]} if exact else {}),
            }
        ),
        hide_index=True,
        width="stretch",
        key="kwaliteit_synoniemen",
    )
