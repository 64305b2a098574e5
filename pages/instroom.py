"""Instroom: per month or year, split by a dimension; and per gemeente against the afspraken."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.kengetallen import (
    KENGETALLEN,
    NIET_TE_BEPALEN,
    instroom_per_periode,
    instroom_tegen_afspraak,
    kengetallen,
    periode_grenzen,
)
from analytics.onderdrukking import drempel, is_afgeschermd
from analytics.perioden import laatste_volledige_maand
from kader import (
    ALLES_AFGESCHERMD,
    UNIEK_AFGESCHERMD,
    afscherming_uitleg,
    alles_afgeschermd,
    filters,
    niets_te_tonen,
    toelichting,
    zonder_lege_kolom,
)
from kader.downloads import download_knoppen
from kader.filterbalk import naam_van
from kader.keuzes import keuze
from weergave import formaat, kolommen
from weergave.grafieken import PLOTLY_CONFIG, staaf_per_periode, voortgang_tegen_doel

DIMENSIES = {
    "Niet uitsplitsen": "",
    "Gemeente": "gemeente",
    "Doelgroep": "doelgroep",
    "Stroom": "stroom",
    "Sector": "sector",
    "Route": "route",
    "Organisatie": "organisatie",
}
CODELIJST_VAN = {"doelgroep": "doelgroepen", "stroom": "stromen", "sector": "sectoren", "route": "routes"}


def onvolledige_jaren(van, tot) -> list[int]:
    """Years the period covers only in part (their bars are lower without fewer people starting)."""
    return sorted(
        {
            j
            for j, volledig in (
                (van.year, (van.month, van.day) == (1, 1)),
                (tot.year, (tot.month, tot.day) == (12, 31)),
            )
            if not volledig
        }
    )


st.title("Instroom")
gekozen = filters()
_, peildatum = periode_grenzen()

links, rechts = st.columns(2)
periode = keuze(links.radio, "Per", ["maand", "jaar"], format_func=str.capitalize, horizontal=True, key="instroom_per")
uitsplitsing = keuze(rechts.selectbox, "Uitsplitsen naar", list(DIMENSIES), key="instroom_uitsplitsen")
dimensie = DIMENSIES[uitsplitsing]
if dimensie and periode == "maand" and not gekozen.exact:
    periode = "jaar"
    st.caption("Met afgeschermde aantallen is een uitsplitsing alleen per jaar te zien: per maand zouden kleine "
               "aantallen terug te rekenen zijn uit wat andere pagina's over dezelfde groep tonen.")

instroom = instroom_per_periode(gekozen, periode, dimensie)
if instroom.empty:
    st.info(niets_te_tonen(gekozen.exact, "In deze periode en selectie is geen enkel traject begonnen."))
else:
    instroom["groep"] = [naam_van(CODELIJST_VAN.get(dimensie, ""), g, {}) for g in instroom["groep"]]
    totalen = kengetallen(gekozen)  # not the sum of the groups: one person can start in two months
    a, b = st.columns(2)
    a.metric("Instroom (trajecten)", formaat.getal(totalen.instroom), help=KENGETALLEN["instroom"].definitie)
    if is_afgeschermd(totalen.unieke_kandidaten):
        b.caption(UNIEK_AFGESCHERMD)
    else:
        b.metric("Unieke kandidaten", formaat.getal(totalen.unieke_kandidaten),
                 help=KENGETALLEN["unieke_kandidaten"].definitie)
    if alles_afgeschermd(instroom, "instroom"):
        st.info(ALLES_AFGESCHERMD.format(d=drempel()))
    else:
        grafiek = staaf_per_periode(
            instroom,
            "periode",
            "instroom",
            reeks_kolom="groep" if dimensie else None,
            y_titel="Trajecten gestart",
            titel=f"Instroom per {periode}" + (f" naar {uitsplitsing.lower()}" if dimensie else ""),
            per_jaar=periode == "jaar",
        )
        st.plotly_chart(grafiek.figure, config=PLOTLY_CONFIG, width="stretch", alt=grafiek.alt)
    onvolledig = onvolledige_jaren(gekozen.van, gekozen.tot) if periode == "jaar" else []
    if onvolledig:
        st.caption(f"Let op: {' en '.join(map(str, onvolledig))} valt maar voor een deel in de gekozen periode.")
    tabel = pd.DataFrame(
        {
            "Periode": [formaat.maand_label(p) if periode == "maand" else str(p.year) for p in instroom["periode"]],
            **({uitsplitsing: instroom["groep"]} if dimensie else {}),
            "Instroom": instroom["instroom"],
            "Unieke kandidaten": instroom["unieke_kandidaten"],
        }
    )
    tabel = zonder_lege_kolom(tabel, "Unieke kandidaten")
    afscherming_uitleg(instroom, ["instroom", "unieke_kandidaten"])
    with st.expander("Tabel"):
        st.dataframe(formaat.tabel_nl(tabel), hide_index=True, width="stretch",
                     column_config=kolommen.instellingen(tabel))
        download_knoppen(tabel, "instroom", sleutel="instroom_tabel", toelichting=toelichting(
            "Instroom", f"Instroom per {periode}" + (f" naar {uitsplitsing.lower()}" if dimensie else ""), gekozen))

jaar = peildatum.year
maand_einde = laatste_volledige_maand(peildatum)
st.subheader(f"Instroom {jaar} tegen de afspraken")
st.caption(
    f"Instroom van januari tot en met {formaat.maandnaam(maand_einde.month)} {maand_einde.year} (de laatste "
    "volledige maand), vergeleken met de afspraak naar rato tot dan en met de afspraak voor het hele jaar. "
    "Afspraken gaan over de hele gemeente (of de sector of doelgroep die ze noemen): de filters periode, "
    "organisatie, stroom en route doen hier niet mee. Zie Definities, 'Instroom t.o.v. afspraak'."
)
afspraak = instroom_tegen_afspraak(gekozen, jaar, peildatum)
met_afspraak = afspraak[afspraak["afspraak"].notna()]
if afspraak.empty:
    st.info("Geen instroom en geen afspraken voor deze selectie in dit jaar.")
    st.stop()

if not met_afspraak.empty:
    grafiek = voortgang_tegen_doel(
        afspraak[afspraak["afspraak"].notna()],
        "gemeente",
        "instroom",
        "afspraak_pro_rata",
        "afspraak",
        titel=f"Instroom {jaar} per gemeente tegen de afspraak",
        x_titel="Trajecten gestart",
    )
    st.plotly_chart(grafiek.figure, config=PLOTLY_CONFIG, width="stretch", alt=grafiek.alt)
tabel = pd.DataFrame(
    {
        "Gemeente": afspraak["gemeente"],
        f"Instroom t/m {formaat.maandnaam(maand_einde.month)}": afspraak["instroom"],
        "Unieke kandidaten": afspraak["unieke_kandidaten"],
        "Afspraak naar rato": afspraak["afspraak_pro_rata"].round(1),
        "Afspraak heel jaar": afspraak["afspraak"],
        "Van de afspraak naar rato": afspraak["van_afspraak_naar_rato"].map(formaat.percentage),
        "Stand": afspraak["stand"],
    }
)
tabel = zonder_lege_kolom(tabel, "Unieke kandidaten")
tot_maand = f"Instroom t/m {formaat.maandnaam(maand_einde.month)}"
# Gemeente and Stand first, then what the Stand comes from: on a projector (1024 px) Stand was off-screen
st.dataframe(
    formaat.tabel_nl(tabel), hide_index=True, width="stretch",
    column_order=[k for k in ("Gemeente", "Stand", tot_maand, "Afspraak naar rato", "Van de afspraak naar rato",
                              "Afspraak heel jaar", "Unieke kandidaten") if k in tabel],
    column_config=kolommen.instellingen(tabel, {
        "Van de afspraak naar rato": st.column_config.Column(
            "% naar rato", help="De instroom als deel van de afspraak naar rato tot nu."),
        "Afspraak heel jaar": st.column_config.Column("Afspraak jaar", help="De afspraak voor het hele jaar."),
        "Unieke kandidaten": st.column_config.Column("Uniek", help=KENGETALLEN["unieke_kandidaten"].definitie),
    }),
)
afscherming_uitleg(afspraak, ["instroom", "unieke_kandidaten", "van_afspraak_naar_rato"])
if (afspraak["stand"] == NIET_TE_BEPALEN).any():
    st.caption("Niet te bepalen: de afgeronde instroom kan zowel boven als onder de afspraak naar rato liggen. Het "
               "percentage van de afspraak staat daarom als bereik (bijvoorbeeld 70–130%).")
NAAR_RATO = "Van de afspraak naar rato"
download_knoppen(tabel.assign(**{NAAR_RATO: afspraak["van_afspraak_naar_rato"]}), f"instroom_tegen_afspraak_{jaar}",
                 sleutel="instroom_afspraak", procenten=[NAAR_RATO], toelichting=toelichting(
                     "Instroom", f"Instroom {jaar} tegen de afspraken", gekozen, periode_telt=False, extra=(
                         ("Periode", f"januari tot en met {formaat.maandnaam(maand_einde.month)} {maand_einde.year}"),
                         ("Let op", "de filters periode, organisatie, stroom en route doen in deze tabel niet mee: "
                                    "afspraken gaan over de hele gemeente"))))
