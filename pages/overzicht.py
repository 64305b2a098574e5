"""Overzicht: the five numbers a gemeente asks first, their trend, and the same per gemeente."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.beschermd import is_beschermd, richting, verschil
from analytics.filters import een_jaar_eerder
from analytics.kengetallen import (
    KENGETALLEN,
    Uitvalvenster,
    instroom_per_periode,
    kengetallen,
    kengetallen_per_gemeente,
    lopend_op,
    periode_grenzen,
    uitvalvenster,
)
from analytics.landelijk import regiovergelijking
from analytics.onderdrukking import drempel, is_afgeschermd
from kader import (
    ALLES_AFGESCHERMD,
    HAAKJES,
    afscherming_uitleg,
    alles_afgeschermd,
    filters,
    niets_te_tonen,
    selectie_zin,
    toelichting,
    zonder_lege_kolom,
)
from kader.downloads import download_knoppen
from weergave import formaat, kolommen
from weergave.grafieken import PLOTLY_CONFIG, aandelen_naast_elkaar, lijn_per_maand
from weergave.landelijk import vergelijking_zin

st.title("Overzicht")
gekozen = filters()
eerste_start, peildatum = periode_grenzen()
st.caption(
    f"Periode {formaat.datum(gekozen.van)} tot en met {formaat.datum(gekozen.tot)}; vergeleken met "
    f"dezelfde periode een jaar eerder. {selectie_zin(gekozen)}".rstrip()
)

nu, toen = kengetallen(gekozen), kengetallen(gekozen.jaar_eerder())
if gekozen.jaar_eerder().van < eerste_start:
    st.caption(
        f"Let op: de gegevens beginnen op {formaat.datum(eerste_start)}, dus de vergelijking met een jaar eerder "
        "gaat over een onvolledige periode."
    )
lopend_toen = lopend_op(gekozen, een_jaar_eerder(peildatum))
VORIG = "t.o.v. vorig jaar"
TE_WEINIG = "Niet getoond: te weinig trajecten om een percentage te geven zonder dat het naar personen wijst."


def uitval_bijschrift(venster: Uitvalvenster, noemer=None, leeg: bool = False) -> str:
    """Which start months the uitval is about, and why it is not shown when it is not."""
    maanden = formaat.maand_label(venster.van)
    if (venster.van.year, venster.van.month) != (venster.tot.year, venster.tot.month):
        maanden += f" – {formaat.maand_label(venster.tot)}"
    if not venster.eigen_periode:
        zin = f"Trajecten gestart {maanden}: de meest recente die al 12 maanden te volgen zijn."
    elif venster.ingekort:
        zin = f"Trajecten gestart {maanden}: de latere zijn nog geen 12 maanden te volgen."
    else:
        zin = f"Trajecten gestart {maanden}."
    if not leeg:
        return zin
    if not is_beschermd(noemer) and noemer == 0:
        return f"Geen trajecten gestart {maanden} die al 12 maanden te volgen zijn."
    return f"{zin} {TE_WEINIG}"


def telling(label: str, waarde, vorig, hulp: str, kolom) -> None:
    """A tile; no change against last year when either number is hidden (the change would give it away), and no
    arrow where the rounded numbers cannot say whether it went up or down."""
    kolom.metric(label, formaat.getal(waarde), help=hulp,
                 **formaat.metric_verschil(verschil(waarde, vorig), formaat.verschil_getal, VORIG))


tegels = st.columns(5)
telling("Instroom", nu.instroom, toen.instroom, KENGETALLEN["instroom"].definitie, tegels[0])
telling("Lopende trajecten", nu.lopend, lopend_toen, KENGETALLEN["lopend"].definitie, tegels[1])
# uitval binnen 12 maanden is about the trajecten that can be followed 12 months: of the chosen period as far as it
# goes, otherwise the most recent twelve start months that can (never a dash for the default period)
venster = uitvalvenster(gekozen.van, gekozen.tot, peildatum)
uitval_filters = gekozen if venster.eigen_periode else gekozen.met_periode(venster.van, venster.tot)
uitval_nu = nu if venster.eigen_periode else kengetallen(uitval_filters)
uitval_toen = toen if venster.eigen_periode else kengetallen(uitval_filters.jaar_eerder())
tegels[2].metric(
    "Uitval binnen 12 maanden",
    "–" if uitval_nu.uitval_12 is None else formaat.percentage(uitval_nu.uitval_12),
    help=KENGETALLEN["uitval_binnen"].definitie,
    **formaat.metric_verschil(verschil(uitval_nu.uitval_12, uitval_toen.uitval_12), formaat.verschil_procentpunt,
                              VORIG, kleur="inverse"),
)
tegels[2].caption(uitval_bijschrift(venster, uitval_nu.uitval12_noemer, uitval_nu.uitval_12 is None))
telling(
    "Praktijkverklaringen",
    nu.praktijkverklaringen,
    toen.praktijkverklaringen,
    KENGETALLEN["praktijkverklaringen"].definitie,
    tegels[3],
)
telling(
    "Uitstroom naar werk", nu.uitstroom_werk, toen.uitstroom_werk, KENGETALLEN["uitstroom_werk"].definitie, tegels[4]
)
if nu.aandeel_werk is not None and not is_afgeschermd(nu.beeindigd):
    tegels[4].caption(
        f"{formaat.percentage(nu.aandeel_werk)} van de {formaat.getal(nu.beeindigd)} beëindigde trajecten"
    )
if not is_afgeschermd(nu.unieke_kandidaten):
    tegels[0].caption(f"{formaat.getal(nu.unieke_kandidaten)} unieke kandidaten")
# the two tiles count different trajecten (by date of the praktijkverklaring, by einddatum); how many of those with a
# praktijkverklaring went on to work is answered per start cohort on its own page
st.page_link("pages/resultaten.py", icon=":material/conversion_path:",
             label="Hoeveel van wie een praktijkverklaring haalde ging naar werk? Zie Van instroom naar werk")
st.page_link("pages/resultaten.py", icon=":material/groups:",
             label="Langstromers, doorstromers en eigen medewerkers naast elkaar? Zie Van instroom naar werk: Per "
                   "stroom")
vergelijkingen = [(nu.instroom, toen.instroom), (nu.lopend, lopend_toen), (uitval_nu.uitval_12, uitval_toen.uitval_12),
                  (nu.praktijkverklaringen, toen.praktijkverklaringen), (nu.uitstroom_werk, toen.uitstroom_werk)]
if any(is_beschermd(d := verschil(a, b)) and richting(d) is None for a, b in vergelijkingen):
    st.caption(HAAKJES)

trend_van = min(gekozen.van, (pd.Timestamp(gekozen.tot) - pd.DateOffset(months=23)).date().replace(day=1))
trend = instroom_per_periode(
    gekozen.met_periode(trend_van, gekozen.tot), "maand",
    getoonde_totalen=((gekozen.van, gekozen.tot), (gekozen.jaar_eerder().van, gekozen.jaar_eerder().tot)),
)
grafiek = lijn_per_maand(
    trend, "periode", "instroom", y_titel="Trajecten gestart", titel="Instroom per maand (laatste 24 maanden)"
)
if grafiek is None:
    st.info(niets_te_tonen(gekozen.exact, "Geen instroom in deze selectie."))
elif alles_afgeschermd(trend, "instroom"):
    st.info(ALLES_AFGESCHERMD.format(d=drempel()))
else:
    st.plotly_chart(grafiek.figure, config=PLOTLY_CONFIG, width="stretch", alt=grafiek.alt)

vergelijking = regiovergelijking(gekozen, uitval_filters.van, uitval_filters.tot, 12)
if vergelijking is not None:
    st.subheader("Vergeleken met het land")
    regio_tabel = vergelijking.tabel
    for naam, titel in (("uitval", "Uitval binnen 12 maanden"), ("aandeel_werk", "Uitstroom naar werk")):
        staven = aandelen_naast_elkaar(regio_tabel, "groep", naam, titel=titel, uitgelicht=vergelijking.regio)
        if staven is None:
            st.info(f"{titel}. {TE_WEINIG}")
        else:
            st.plotly_chart(staven.figure, config=PLOTLY_CONFIG, width="stretch", alt=staven.alt)
    st.caption(vergelijking_zin(vergelijking))

st.subheader("Per gemeente")
per_gemeente = kengetallen_per_gemeente(gekozen)
# the uitval column follows the tile: the same start months
uitval_per_gemeente = per_gemeente if venster.eigen_periode else kengetallen_per_gemeente(uitval_filters).set_index(
    "groep").reindex(per_gemeente["groep"]).reset_index()
if per_gemeente.empty:
    st.info("Geen trajecten in deze selectie.")
    st.stop()
tabel = pd.DataFrame(
    {
        "Gemeente": per_gemeente["groep"],
        "Instroom": per_gemeente["instroom"],
        "Unieke kandidaten": per_gemeente["unieke_kandidaten"],
        "Lopende trajecten": per_gemeente["lopend"],
        "Uitval binnen 12 maanden": [formaat.percentage_met_n(a, n) for a, n in zip(
            uitval_per_gemeente["uitval_12"], uitval_per_gemeente["uitval12_noemer"], strict=True)],
        "Praktijkverklaringen": per_gemeente["praktijkverklaringen"],
        "Uitstroom naar werk": per_gemeente["uitstroom_werk"],
    }
)
tabel = zonder_lege_kolom(tabel, "Unieke kandidaten")
# short headers (the whole name in the help) and unieke kandidaten last: at 1024 and 1280 px the last columns were
# off-screen on a projector
st.dataframe(
    formaat.tabel_nl(tabel), hide_index=True, width="stretch",
    column_order=[k for k in ("Gemeente", "Instroom", "Lopende trajecten", "Uitval binnen 12 maanden",
                              "Praktijkverklaringen", "Uitstroom naar werk", "Unieke kandidaten") if k in tabel],
    column_config=kolommen.instellingen(tabel, {
        "Lopende trajecten": st.column_config.Column("Lopend", help=KENGETALLEN["lopend"].definitie),
        "Uitval binnen 12 maanden": st.column_config.Column(
            "Uitval 12 mnd", help=f"Uitval binnen 12 maanden. {uitval_bijschrift(venster)} "
            + KENGETALLEN["uitval_binnen"].definitie),
        "Praktijkverklaringen": st.column_config.Column(
            "Praktijkverkl.", help="Praktijkverklaringen. " + KENGETALLEN["praktijkverklaringen"].definitie),
        "Uitstroom naar werk": st.column_config.Column(
            "Naar werk", help="Uitstroom naar werk. " + KENGETALLEN["uitstroom_werk"].definitie),
        "Unieke kandidaten": st.column_config.Column("Uniek", help=KENGETALLEN["unieke_kandidaten"].definitie),
    }),
)
ander_venster = not venster.eigen_periode or venster.ingekort  # the other columns are about the chosen period
uitval_zin = f"{uitval_bijschrift(venster)[0].lower()}{uitval_bijschrift(venster)[1:]}"
if ander_venster:
    st.caption(f"Uitval 12 mnd: {uitval_zin}")
afscherming_uitleg(per_gemeente.assign(uitval_12=uitval_per_gemeente["uitval_12"].to_numpy()),
                   ["instroom", "unieke_kandidaten", "lopend", "uitval_12", "praktijkverklaringen", "uitstroom_werk"])
UITVAL_12 = "Uitval binnen 12 maanden"
download_knoppen(tabel.assign(**{UITVAL_12: uitval_per_gemeente["uitval_12"]}), "overzicht_per_gemeente",  # the share
                 sleutel="overzicht_gemeente", procenten=[UITVAL_12],                 # as a number in the file
                 toelichting=toelichting("Overzicht", "Per gemeente", gekozen,
                                         extra=((UITVAL_12, uitval_zin),) if ander_venster else ()))
