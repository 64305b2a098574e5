"""Datakwaliteit: per organisatie what is delivered and missing, how complete the fields are that the
analyses use, which trajecten vanished from the latest export and which values needed a synonym; so the
consortium sees whose data to trust and whom to chase."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from analytics.filters import Filters
from analytics.kwaliteit import (
    VELDEN,
    aanlevering_per_maand,
    aanlevering_per_organisatie,
    ontbrekend_per_organisatie,
    ontbrekende_trajecten,
    ontbrekende_velden,
    synoniemen_bijgehouden,
    synoniemen_in_laatste_export,
    volledigheid,
)
from analytics.onderdrukking import MIN_NOEMER, drempel
from analytics.stand import SOORT_LABELS, verouderd
from kader import alle_gegevens, opslag_of_uitleg, toegang_vereist, toelichting
from kader.downloads import download_knoppen
from weergave import formaat
from weergave.grafieken import PLOTLY_CONFIG
from weergave.kwaliteit import aanleverraster
from weergave.tekst import markdown_tekst

STATUS = {"lopend": "Lopend", "afgerond": "Afgerond", "uitgevallen": "Uitgevallen"}
ALLE_EXPORTS = (("Periode", "alle geladen exports: de filters doen op deze pagina niet mee"),)


def lijst_selectie(wie, rijen: pd.DataFrame) -> Filters:
    """What a list with trajectnummers holds, for its download's first sheet: everything for the beheerder, else the
    organisaties in it (so the file says whose trajecten they are, and that they are exact)."""
    alles = alle_gegevens(wie)
    return alles if wie.is_beheerder else replace(alles, organisaties=tuple(sorted(rijen["organisatie"].unique())))


st.title("Datakwaliteit")
# What each viewer sees is the read side's answer for them (toegang.beleid): the beheerder trajectnummers and exact
# counts of all, an organisatie those of its own (so it can fix its source), the rest only protected counts and
# shares (metrics.md, kleine aantallen); a gemeente and the regio no trajectnummers at all.
wie = toegang_vereist("kwaliteit")
eigen = ", ".join(wie.organisaties) if wie.rol == "organisatie" else ""  # for the sentences above the lists
st.caption(
    "Hoe volledig en hoe actueel de gegevens van elke organisatie zijn: wie levert elke maand, welke velden "
    "ontbreken vaak, welke trajecten verdwenen uit de laatste export en welke waarden het dashboard via een "
    "synoniem moest herkennen."
)

with opslag_of_uitleg():
    aanlevering = aanlevering_per_organisatie(wie)
    per_maand = aanlevering_per_maand(wie)
    velden = volledigheid(wie)
    per_traject = ontbrekende_velden(wie)
    ontbrekend = ontbrekende_trajecten(wie)
    ontbrekend_anderen = ontbrekend_per_organisatie(wie)
    synoniemen = synoniemen_in_laatste_export(wie) if synoniemen_bijgehouden() else None
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
    + (f" Van uw eigen organisatie ({markdown_tekst(eigen)}) ziet u de aantallen; van de andere organisaties alleen "
       f"het percentage, en niets bij minder dan {MIN_NOEMER} trajecten." if eigen else "")
)
if velden.empty:
    st.info("Er zijn nog geen trajecten geladen.")
else:

    def cel(aandeel, noemer, bekend, exact: bool) -> str:
        if aandeel is None or pd.isna(aandeel):  # nothing where it matters, or too few for a share
            return formaat.LEEG
        if not exact:  # a share only: the counts would say how many trajecten an organisation has of a kind
            return formaat.percentage(aandeel, 0)
        return f"{formaat.percentage(aandeel)} ({formaat.getal(bekend)} van {formaat.getal(noemer)})"

    volledig = pd.DataFrame({"Organisatie": velden["organisatie"]})
    for prefix, label, _ in VELDEN:
        volledig[label] = [
            cel(*rij) for rij in zip(velden[f"{prefix}_aandeel"], velden[f"{prefix}_noemer"],
                                     velden[f"{prefix}_bekend"], velden["exact"], strict=True)
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

    st.subheader("Velden die ontbreken per traject")
    if wie.is_beheerder:
        st.caption("Trajecten van alle organisaties waarbij minstens één van deze velden ontbreekt waar het ertoe "
                   "doet, met trajectnummer.")
    elif eigen:
        st.caption(f"Alleen trajecten van uw eigen organisatie ({markdown_tekst(eigen)}) waarbij minstens één van "
                   "deze velden ontbreekt, met trajectnummer, zodat u ze in uw eigen systeem kunt aanvullen. Van de "
                   "andere organisaties ziet u alleen de percentages hierboven.")
    else:
        st.caption("Welke trajecten het zijn, ziet alleen de organisatie zelf (en de beheerder): hier staan geen "
                   "trajectnummers, alleen de percentages hierboven.")
    if per_traject.empty and (wie.is_beheerder or eigen):
        st.success("Geen: bij elk traject zijn deze velden ingevuld waar ze ertoe doen.")
    elif not per_traject.empty:
        velden_lijst = pd.DataFrame(
            {
                "Organisatie": per_traject["organisatie"],
                "Trajectnummer": per_traject["traject_id"],
                "Status": per_traject["status"].map(lambda s: STATUS.get(s, s)),
                "Startdatum": formaat.datums(per_traject["startdatum"]),
                "Ontbrekende velden": per_traject["ontbrekend"],
            }
        )
        st.dataframe(velden_lijst, hide_index=True, width="stretch", key="kwaliteit_ontbrekende_velden")
        download_knoppen(
            velden_lijst, "ontbrekende_velden", sleutel="kwaliteit_velden_download", toelichting=toelichting(
                "Datakwaliteit", "Velden die ontbreken per traject", lijst_selectie(wie, per_traject),
                periode_telt=False, extra=ALLE_EXPORTS))

st.header("Trajecten die ontbreken in de laatste export")
if ontbrekend.empty and ontbrekend_anderen.empty:
    st.success("Geen: elk traject uit een eerdere export staat ook in de laatste export van zijn organisatie.")
else:
    st.caption(
        "Deze trajecten stonden in een eerdere export maar niet in de laatste export van hun organisatie. Hun "
        "laatst bekende stand telt nog mee. Controleer bij de organisatie of de export volledig was."
    )
if eigen and ontbrekend.empty and not ontbrekend_anderen.empty:
    st.success(f"Geen van uw eigen organisatie ({markdown_tekst(eigen)}): elk traject uit een eerdere export staat "
               "ook in uw laatste export.")
if not ontbrekend.empty:
    st.caption("Trajecten van alle organisaties, met trajectnummer." if wie.is_beheerder else
               f"Alleen trajecten van uw eigen organisatie ({markdown_tekst(eigen)}), met trajectnummer, zodat u "
               "kunt nagaan waarom ze in uw laatste export ontbraken.")
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
        "Datakwaliteit", "Trajecten die ontbreken in de laatste export", lijst_selectie(wie, ontbrekend),
        periode_telt=False, extra=ALLE_EXPORTS))
if not ontbrekend_anderen.empty:  # the other organisaties: how many, no trajectnummers
    st.caption(
        ("Van de andere organisaties alleen het aantal" if eigen else "Per organisatie alleen het aantal")
        + f", zonder trajectnummers (die ziet alleen de organisatie zelf); minder dan {drempel()} staat er als "
        f"<{drempel()} en grotere aantallen zijn afgerond."
    )
    st.dataframe(
        ontbrekend_anderen.rename(columns={"organisatie": "Organisatie", "aantal": "Ontbrekende trajecten"}),
        hide_index=True, width="stretch", key="kwaliteit_ontbrekend_aantal",
    )

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
        + (" Het aantal rijen staat er alleen bij uw eigen organisatie." if eigen and synoniemen["exact"].any()
           else "")
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
                **({"Rijen": synoniemen["aantal"]} if synoniemen["exact"].any() else {}),
            }
        ),
        hide_index=True,
        width="stretch",
        key="kwaliteit_synoniemen",
    )
