"""Instroom: per month or year, split by a dimension; and per gemeente against the afspraken."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from analytics.kengetallen import (
    KENGETALLEN,
    NIET_TE_BEPALEN,
    Seizoenspatroon,
    instroom_per_periode,
    instroom_tegen_afspraak,
    kengetallen,
    periode_grenzen,
)
from analytics.onderdrukking import drempel, is_afgeschermd
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
from weergave.afspraak import (
    NIET_TE_BEPALEN_AFGELOPEN,
    NIET_TE_BEPALEN_LOPEND,
    STAND_UITLEG,
    STAND_UITLEG_AFGELOPEN,
    ZONDER_PATROON,
    methode_zin,
    verwacht_tekst,
)
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


def afspraak_uitleg(jaar: int, maanden: int, afgelopen: bool, patroon: Seizoenspatroon | None) -> str:
    scope = ("Afspraken gaan over de hele gemeente (of de sector of doelgroep die ze noemen): de filters "
             "organisatie, stroom en route doen hier niet mee; het jaar volgt de gekozen periode. Zie Definities, "
             "'Instroom t.o.v. afspraak'.")
    if afgelopen:
        return f"De instroom over heel {jaar} vergeleken met de afspraak voor dat jaar: de eindstand. {scope}"
    if maanden == 0:
        return f"{jaar} heeft nog geen volledige maand. {scope}"
    return (f"Instroom van januari tot en met {formaat.maandnaam(maanden)} {jaar} (de laatste volledige maand). "
            f"{methode_zin(patroon)} {scope}")


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

# the afspraak of the chosen period's year: a past year with its final result, the running year with the year-end
# that the seasonal pattern of earlier years expects
jaar = min(gekozen.tot.year, peildatum.year)
afspraak = instroom_tegen_afspraak(gekozen, jaar, peildatum)
patroon, maanden, afgelopen = (afspraak.attrs.get(k) for k in ("patroon", "maanden", "afgelopen"))
maand_einde = dt.date(jaar, max(maanden, 1), 1)
tot_maand = f"Instroom {jaar}" if afgelopen else f"Instroom t/m {formaat.maandnaam(maand_einde.month)}"
st.subheader(f"Instroom {jaar} tegen de afspraken")
st.caption(afspraak_uitleg(jaar, maanden, afgelopen, patroon))
if afspraak.empty or maanden == 0:
    st.info("Geen instroom en geen afspraken voor deze selectie in dit jaar.")
    st.stop()

met_afspraak = afspraak[afspraak["afspraak"].notna()]
if not met_afspraak.empty:
    grafiek = voortgang_tegen_doel(
        met_afspraak,
        "gemeente",
        "instroom",
        "afspraak_naar_patroon",
        "afspraak",
        titel=f"Instroom {jaar} per gemeente tegen de afspraak",
        x_titel="Trajecten gestart",
        werkelijk_label=f"Instroom {jaar}" if afgelopen else "Instroom tot nu",
        pro_rata_label="Afspraak" if afgelopen else "Afspraak naar seizoenspatroon tot nu",
        streep=not afgelopen,
    )
    if grafiek is not None:
        st.plotly_chart(grafiek.figure, config=PLOTLY_CONFIG, width="stretch", alt=grafiek.alt)
VERWACHT = "Verwacht einde jaar"
tabel = pd.DataFrame(
    {
        "Gemeente": afspraak["gemeente"],
        tot_maand: afspraak["instroom"],
        "Unieke kandidaten": afspraak["unieke_kandidaten"],
        **({} if afgelopen else {VERWACHT: [verwacht_tekst(v, la, h) for v, la, h in zip(
            afspraak["verwacht"], afspraak["verwacht_laag"], afspraak["verwacht_hoog"], strict=True)]}),
        "Afspraak heel jaar": afspraak["afspraak"],
        "Van de afspraak": afspraak["van_afspraak_naar_patroon"].map(formaat.percentage),
        "Stand": afspraak["verwachting"],
    }
)
tabel = zonder_lege_kolom(tabel, "Unieke kandidaten")
# Gemeente and Stand first, then what the Stand comes from: on a projector (1024 px) Stand was off-screen
st.dataframe(
    formaat.tabel_nl(tabel), hide_index=True, width="stretch",
    column_order=[k for k in ("Gemeente", "Stand", tot_maand, VERWACHT, "Afspraak heel jaar", "Van de afspraak",
                              "Unieke kandidaten") if k in tabel],
    column_config=kolommen.instellingen(tabel, {
        VERWACHT: st.column_config.Column(
            "Verwacht", help="De verwachte instroom over het hele jaar volgens het seizoenspatroon van eerdere jaren, "
            "met tussen haakjes de band: van het laagste tot het hoogste deel dat in die jaren op dit moment binnen "
            "was."),
        "Van de afspraak": st.column_config.Column(
            "% afspraak" if afgelopen else "% naar patroon",
            help="De instroom als deel van de afspraak voor het hele jaar." if afgelopen else
            "De instroom als deel van wat er volgens het seizoenspatroon nu van de afspraak binnen zou zijn."),
        "Afspraak heel jaar": st.column_config.Column("Afspraak jaar", help="De afspraak voor het hele jaar."),
        "Unieke kandidaten": st.column_config.Column("Uniek", help=KENGETALLEN["unieke_kandidaten"].definitie),
        "Stand": st.column_config.Column(help=STAND_UITLEG_AFGELOPEN if afgelopen else STAND_UITLEG),
    }),
)
afscherming_uitleg(afspraak, ["instroom", "unieke_kandidaten", "van_afspraak_naar_patroon"])
if (afspraak["verwachting"] == NIET_TE_BEPALEN).any():
    st.caption(NIET_TE_BEPALEN_AFGELOPEN if afgelopen
               else ZONDER_PATROON if patroon is None else NIET_TE_BEPALEN_LOPEND)
VAN = "Van de afspraak"
download_knoppen(tabel.assign(**{VAN: afspraak["van_afspraak_naar_patroon"]}), f"instroom_tegen_afspraak_{jaar}",
                 sleutel="instroom_afspraak", procenten=[VAN], toelichting=toelichting(
                     "Instroom", f"Instroom {jaar} tegen de afspraken", gekozen, periode_telt=False, extra=(
                         ("Periode", f"januari tot en met {formaat.maandnaam(maand_einde.month)} {jaar}"),
                         ("Methode", methode_zin(patroon) if not afgelopen else "de instroom van het hele jaar"),
                         ("Let op", "de filters organisatie, stroom en route doen in deze tabel niet mee: "
                                    "afspraken gaan over de hele gemeente"))))
