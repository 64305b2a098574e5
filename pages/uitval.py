"""Uitval: how much, how soon after the start, why, and at which werkgevers and praktijkopleiders (issue 4)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.beschermd import afgerond_aandeel, getoond, getoonde_getallen, is_beschermd
from analytics.kengetallen import KENGETALLEN, periode_grenzen
from analytics.onderdrukking import drempel, is_afgeschermd
from analytics.uitval import (
    MIN_TRAJECTEN,
    UITVAL_MAANDEN,
    VROEG,
    overleving_op,
    redenen_uitval,
    tijd_tot_uitval,
    uitval_per_cohort,
    vroege_uitval_per,
)
from basis.referentie import code_weergave
from kader import ALLES_AFGESCHERMD, alles_afgeschermd, filters, niets_te_tonen, toelichting, volgorde_zin
from kader.downloads import download_knoppen
from kader.filterbalk import naam_van
from kader.keuzes import keuze
from toegang import beleid
from weergave import formaat
from weergave import kolommen as tabelkolommen
from weergave.grafieken import PLOTLY_CONFIG, kleur, opsomming
from weergave.tekst import markdown_tekst
from weergave.uitvalgrafieken import (
    cohort_label,
    overlevingscurves,
    pareto,
    stand_per_cohort,
    uitval_binnen_per_cohort,
)

UITSPLITSINGEN = {
    "Niet uitsplitsen": "",
    "Sector": "sector",
    "Doelgroep": "doelgroep",
    "Stroom": "stroom",
    "Route": "route",
    "Organisatie": "organisatie",
    "Werkgever": "werkgever",
}
MEERVOUD = {"sector": "sectoren", "doelgroep": "doelgroepen", "stroom": "stromen", "route": "routes",
            "organisatie": "organisaties", "werkgever": "werkgevers"}
CODELIJST_VAN = {"doelgroep": "doelgroepen", "stroom": "stromen", "sector": "sectoren", "route": "routes"}
COHORT = {"kwartaal": "Startkwartaal", "jaar": "Startjaar"}


def teken(grafiek) -> None:
    st.plotly_chart(grafiek.figure, config=PLOTLY_CONFIG, width="stretch", alt=grafiek.alt)


def procent(reeks: pd.Series) -> pd.Series:
    """Shares as percentages with one decimal, for tables and downloads (empty where there is no value; for others
    the share as shown, rounded to 5 percentage points)."""
    return (getoonde_getallen(reeks) * 100).round(1)


def aandelen(reeks: pd.Series) -> list:
    """The same shares for the files, as fractions rounded as the table shows them (12,5 -> 0.125); a protected one
    as it is (the file shows it as the screen's tiles do, rounded to 5 percentage points: 40%)."""
    return [w if is_beschermd(w) else p / 100 for w, p in zip(reeks, procent(reeks), strict=True)]


def uitleg(tabel: str) -> list[tuple[str, str]]:
    """The first sheet of a download of this page."""
    return toelichting("Uitval", tabel, gekozen)


st.title("Uitval")
gekozen = filters()
_, peildatum = periode_grenzen()
namen_zichtbaar = beleid.mag_namen_zien(gekozen.kijker)
st.caption(
    "Uitval is voortijdig stoppen zonder betaald werk; wie eerder stopt omdat hij of zij betaald werk vond, telt "
    "niet mee. De les van 25 SW-bedrijven: uitval voorkom je door kandidaten in de eerste maanden nauw te volgen. "
    "Alle cijfers gaan over trajecten die in de gekozen periode begonnen."
)

# --- the numbers of the whole selection -------------------------------------------------------------------
tegels = st.container()

# --- 1. uitval per start cohort -----------------------------------------------------------------------------
st.subheader("Uitval per startcohort")
per = keuze(st.radio, "Cohort per", list(COHORT), format_func=lambda p: COHORT[p], horizontal=True,
            key="uitval_cohort_per")
cohorten = uitval_per_cohort(gekozen, per)
if cohorten.empty:
    tegels.info(niets_te_tonen(gekozen.exact, "In deze periode en selectie is geen enkel traject begonnen."))
    st.stop()
totaal = cohorten[cohorten["is_totaal"]].iloc[0]
per_cohort = cohorten[~cohorten["is_totaal"]].reset_index(drop=True)

with tegels:
    kolommen = st.columns(1 + len(UITVAL_MAANDEN))
    kolommen[0].metric(
        "Uitgevallen", formaat.getal(totaal["uitval"]), help=KENGETALLEN["uitval"].definitie
    )
    kolommen[0].caption(
        f"{formaat.percentage(totaal['aandeel_uitval'])} van {formaat.getal(totaal['instroom'])} gestarte trajecten; "
        f"{formaat.percentage(totaal['aandeel_lopend'])} loopt nog"
        if totaal["aandeel_uitval"] is not None or totaal["aandeel_lopend"] is not None
        else f"van {formaat.getal(totaal['instroom'])} gestarte trajecten (percentages afgeschermd)"
    )
    for kolom, n in zip(kolommen[1:], UITVAL_MAANDEN, strict=True):
        kolom.metric(f"Uitval binnen {n} maanden", formaat.percentage(totaal[f"aandeel_uitval_{n}"]),
                     help=KENGETALLEN["uitval_binnen"].definitie)
        kolom.caption(
            f"van {formaat.getal(totaal[f'te_volgen_{n}'])} trajecten die al {n} maanden te volgen zijn"
            if getoond(totaal[f"te_volgen_{n}"])
            # a hidden "<5" is 0 to 4: "nog geen traject" would be false for 1 to 4 (review: Administratie en ICT,
            # Vorig jaar, 4 te volgen), unless the calendar says so for anyone
            else f"Te weinig trajecten die al {n} maanden te volgen zijn om een percentage te tonen."
            if is_afgeschermd(totaal[f"te_volgen_{n}"])
            and gekozen.van <= (pd.Timestamp(peildatum) - pd.DateOffset(months=n)).date()
            else f"Nog geen traject uit deze periode is {n} maanden te volgen; kies bijvoorbeeld 'Vorig jaar'."
        )
    if not formaat.is_leeg(totaal["aandeel_vroeg_van_12"]):  # from the exact ratio (protected for others)
        st.markdown(
            f"**{formaat.percentage(totaal['aandeel_vroeg_van_12'], 0)} van de uitval binnen 12 maanden gebeurde al in "
            f"de eerste 3 maanden** ({formaat.getal(totaal['uitval_3_van_te_volgen_12'])} van de "
            f"{formaat.getal(totaal['uitval_12'])} uitgevallen trajecten, onder de trajecten die al 12 maanden te "
            "volgen zijn)."
        )

st.caption(
    f"Een cohort is de groep trajecten die in hetzelfde {per} begon. De staven tonen welk deel binnen 3, 6 en 12 "
    "maanden na de start uitviel; alleen trajecten die al zo lang te volgen zijn tellen mee. Staat er 'te jong', dan "
    "is nog geen traject van dat cohort zo lang te volgen: daar is nog niets over te zeggen; bij 'nog open' is een "
    "deel van het cohort nog niet zo lang te volgen: het percentage kan dan nog stijgen en staat er pas als het hele "
    "cohort zo lang te volgen is."
)
if alles_afgeschermd(per_cohort, "instroom"):
    st.info(ALLES_AFGESCHERMD.format(d=drempel()))
else:
    grafiek = uitval_binnen_per_cohort(per_cohort, per, UITVAL_MAANDEN,
                                       titel=f"Uitval binnen 3, 6 en 12 maanden per {COHORT[per].lower()}")
    teken(grafiek)
    st.caption(
        "Hieronder per cohort de stand nu: welk deel is uitgevallen, welk deel loopt nog en welk deel is afgerond "
        "of naar werk gegaan. Zolang een groot deel nog loopt, kan de uitval van dat cohort nog oplopen."
    )
    teken(stand_per_cohort(per_cohort, per, titel=f"Stand per {COHORT[per].lower()}"))
deels = [cohort_label(c, per) for c, heel in zip(per_cohort["cohort"], per_cohort["hele_cohort_in_periode"],
                                                 strict=True) if not heel]
if deels:
    st.caption(f"Let op: {opsomming(deels)} valt maar voor een deel in de gekozen periode.")


def cohort_toelichting(rij) -> str:
    if any(is_afgeschermd(rij[k]) for k in ("instroom", *(f"te_volgen_{n}" for n in UITVAL_MAANDEN))):
        return "Kleine aantallen afgeschermd"
    delen = []
    te_jong = [n for n in UITVAL_MAANDEN if getoond(rij[f"te_volgen_{n}"]) == 0]
    if te_jong:
        delen.append(f"te jong voor {opsomming([str(n) for n in te_jong])} maanden")
    for n in UITVAL_MAANDEN:
        if 0 < getoond(rij[f"te_volgen_{n}"]) < getoond(rij["instroom"]):
            delen.append(f"{n} maanden: {formaat.getal(rij[f'te_volgen_{n}'])} van "
                         f"{formaat.getal(rij['instroom'])} te volgen")
    return "; ".join(delen).capitalize()


cohort_aandelen = {
    "Nog lopend (%)": per_cohort["aandeel_lopend"],
    "Uitvalpercentage (%)": per_cohort["aandeel_uitval"],
    **{f"Uitval binnen {n} maanden (%)": per_cohort[f"aandeel_uitval_{n}"] for n in UITVAL_MAANDEN},
}
tabel = pd.DataFrame({
    COHORT[per]: [cohort_label(c, per) for c in per_cohort["cohort"]],
    "Instroom": per_cohort["instroom"],
    "Nog lopend": per_cohort["lopend"],
    "Nog lopend (%)": procent(cohort_aandelen["Nog lopend (%)"]),
    "Uitgevallen": per_cohort["uitval"],
    "Uitvalpercentage (%)": procent(cohort_aandelen["Uitvalpercentage (%)"]),
    **{f"Uitval binnen {n} maanden (%)": procent(cohort_aandelen[f"Uitval binnen {n} maanden (%)"])
       for n in UITVAL_MAANDEN},
    "Toelichting": [cohort_toelichting(r) for _, r in per_cohort.iterrows()],
})
hulp = {
    "Uitvalpercentage (%)": KENGETALLEN["uitval_per_cohort"].definitie,
    **{f"Uitval binnen {n} maanden (%)": KENGETALLEN["uitval_binnen"].definitie for n in UITVAL_MAANDEN},
}
with st.expander("Tabel per cohort"):
    # the cohort and its uitval first, short headers (the whole text in the help): 1.500 px did not fit a projector
    st.dataframe(
        formaat.tabel_nl(tabel, {k: 1 for k in tabel.columns if k.endswith("(%)")}), hide_index=True, width="stretch",
        placeholder=formaat.LEEG,  # an empty cell is "–", not Streamlit's "None"
        column_order=[COHORT[per], "Instroom", *[f"Uitval binnen {n} maanden (%)" for n in UITVAL_MAANDEN],
                      "Uitgevallen", "Uitvalpercentage (%)", "Nog lopend", "Nog lopend (%)", "Toelichting"],
        column_config=tabelkolommen.instellingen(tabel, {k: st.column_config.Column(help=v) for k, v in hulp.items()}
                                                 | {
            f"Uitval binnen {n} maanden (%)": st.column_config.Column(
                f"Uitval {n} mnd (%)", help=f"Uitval binnen {n} maanden. " + KENGETALLEN["uitval_binnen"].definitie)
            for n in UITVAL_MAANDEN
        } | {"Uitvalpercentage (%)": st.column_config.Column(
            "Uitval nu (%)", help=KENGETALLEN["uitval_per_cohort"].definitie)}),
    )
    download_knoppen(tabel.assign(**{k: aandelen(v) for k, v in cohort_aandelen.items()}), f"uitval_per_{per}",
                     sleutel="uitval_cohort", procenten=list(cohort_aandelen),
                     toelichting=uitleg(f"Uitval per {COHORT[per].lower()}"))

# --- 2. time to uitval ------------------------------------------------------------------------------------
st.subheader("Tijd tot uitval")
keuzes = [k for k, v in UITSPLITSINGEN.items() if v != "werkgever" or namen_zichtbaar]
uitsplitsing = keuze(st.selectbox, "Uitsplitsen naar", keuzes, key="uitval_uitsplitsen")
dimensie = UITSPLITSINGEN[uitsplitsing]
km = tijd_tot_uitval(gekozen, dimensie)
groepsnaam = {g: naam_van(CODELIJST_VAN.get(dimensie, ""), g, {}) for g in km.groepen["groep"]}
groepsnaam["totaal"] = "Alle trajecten"
st.caption(
    "De lijn laat zien welk deel van de trajecten na zoveel maanden nog niet is uitgevallen: waar hij steil daalt, "
    "vallen veel kandidaten uit. De gekleurde band is het 95%-betrouwbaarheidsinterval (hoe smaller, hoe zekerder); "
    "trajecten die nog lopen, zijn afgerond of naar werk gingen, tellen mee zolang ze te volgen waren."
)
grafiek = overlevingscurves(
    km.curves, km.groepen["groep"].tolist(), groepsnaam,
    titel="Deel nog niet uitgevallen, naar maanden na de start"
    + (f", per {uitsplitsing.lower()}" if dimensie else ""), aantallen=km.aantallen_tonen,
)
if grafiek is None:
    st.info(f"Te weinig trajecten in deze selectie voor een curve: er zijn er minstens {MIN_TRAJECTEN} nodig"
            + (f" per {uitsplitsing.lower()}." if dimensie else "."))
else:
    teken(grafiek)
    noten = [f"Een lijn stopt waar minder dan {MIN_TRAJECTEN} trajecten nog te volgen zijn."]
    if not km.aantallen_tonen:
        noten.append(f"Met afgeschermde aantallen daalt een lijn pas per minstens {drempel()} uitvallers en is "
                     "het deel afgerond op 5 procentpunten, zonder betrouwbaarheidsband: zo wijst geen stap naar één "
                     "persoon en zijn de aantallen er niet uit terug te rekenen.")
        if afgekapt := km.afgekapt():  # why a line ends early, in words rather than a guess
            delen = [f"{'' if g == 'totaal' else markdown_tekst(groepsnaam.get(g, g)) + ' '}na "
                     f"{formaat.getal(stopt)} maanden (te volgen tot {formaat.getal(gevolgd)} maanden)"
                     for g, (stopt, gevolgd) in afgekapt.items()]
            noten.append(f"{'De lijn stopt' if len(delen) == 1 else 'Lijnen stoppen'} {opsomming(delen)}: daarna "
                         f"vielen minder dan {drempel()} trajecten uit, en dat tekent de lijn niet.")
    if dimensie == "werkgever":
        noten.insert(0, "Alleen trajecten bij een werkgever (route extern).")
    if km.weggelaten_groepen:
        noten.insert(0, f"Alleen de {len(km.groepen)} {MEERVOUD[dimensie]} met de meeste trajecten (minstens "
                        f"{MIN_TRAJECTEN}); "
                        f"{formaat.getal(km.weggelaten_groepen)} andere (samen "
                        f"{formaat.getal(km.weggelaten_trajecten)} trajecten) "
                        f"{'staat' if km.weggelaten_groepen == 1 else 'staan'} niet in de grafiek.")
    st.caption(" ".join(noten))


AFGESCHERMD = set(km.groepen.loc[km.groepen["uitval"].map(is_afgeschermd), "groep"])


def overleving(groep: str, maanden: int) -> tuple | str:
    """The share not yet uitgevallen after `maanden`, with its 95% band: (share, lower, upper); for others the share
    rounded to 5 percentage points (a protected share) without the band (None, None); or the words shown instead."""
    if groep in AFGESCHERMD:
        return "afgeschermd (kleine aantallen)"
    waarde = overleving_op(km.curves[km.curves["groep"] == groep], maanden)
    if waarde is None:  # not followed that long, or the curve shown to others stops at its last step of 5
        gevolgd = (km.gevolgd_tot or {}).get(groep, 0)
        return "afgeschermd (kleine aantallen)" if gevolgd >= maanden else "nog niet te zeggen"
    s, onder, boven = waarde
    if pd.isna(onder):  # for others: rounded to 5 percentage points, without the band
        return afgerond_aandeel(s), None, None
    return s, onder, boven


def op(groep: str, maanden: int) -> str:
    waarde = overleving(groep, maanden)
    if isinstance(waarde, str):
        return waarde
    s, onder, boven = waarde
    if onder is None:
        return f"ongeveer {formaat.percentage(s)}"
    return f"{formaat.percentage(s)} ({formaat.percentage(onder)} tot {formaat.percentage(boven)})"


def km_download() -> tuple[pd.DataFrame, list[str]]:
    """The table for the files, with the shares as numbers: per moment the share and (for whoever sees the numbers
    exactly) the bounds of its 95% band each in a column of its own; and the names of those share columns."""
    tabel, aandelen_km = tabel_km.copy(), []
    for n in UITVAL_MAANDEN:
        kolom = f"Na {n} maanden nog niet uitgevallen"
        waarden = [overleving(g, n) for g in km.groepen["groep"]]
        tabel[kolom] = [w if isinstance(w, str) else w[0] for w in waarden]
        aandelen_km.append(kolom)
        if km.aantallen_tonen:
            plek = tabel.columns.get_loc(kolom) + 1
            for i, grens in ((1, "ondergrens"), (2, "bovengrens")):
                tabel.insert(plek, f"Na {n} maanden: {grens} 95%-interval",
                             [None if isinstance(w, str) else w[i] for w in waarden])
                aandelen_km.append(f"Na {n} maanden: {grens} 95%-interval")
                plek += 1
    return tabel, aandelen_km


tabel_km = pd.DataFrame({
    (uitsplitsing if dimensie else "Groep"): [groepsnaam[g] for g in km.groepen["groep"]],
    "Trajecten": km.groepen["trajecten"],
    "Uitgevallen": km.groepen["uitval"],
    **{f"Na {n} maanden nog niet uitgevallen": [op(g, n) for g in km.groepen["groep"]] for n in UITVAL_MAANDEN},
})
with st.expander("Tabel: deel nog niet uitgevallen na 3, 6 en 12 maanden (met 95%-interval)"):
    st.dataframe(formaat.tabel_nl(tabel_km), hide_index=True, width="stretch", column_config=tabelkolommen.instellingen(
        tabel_km, {
            f"Na {n} maanden nog niet uitgevallen": st.column_config.Column(
                f"Na {n} mnd niet uitgevallen", help=f"Na {n} maanden nog niet uitgevallen. "
                + KENGETALLEN["tijd_tot_uitval"].definitie)
            for n in UITVAL_MAANDEN
        }))
    download_km, procenten_km = km_download()
    download_knoppen(download_km, "tijd_tot_uitval", sleutel="uitval_km", procenten=procenten_km, toelichting=uitleg(
        "Deel nog niet uitgevallen na 3, 6 en 12 maanden" + (f", per {uitsplitsing.lower()}" if dimensie else "")))

# --- 3. redenen -------------------------------------------------------------------------------------------
st.subheader("Redenen van uitval")
redenen = redenen_uitval(gekozen)
redenen.pareto["naam"] = [code_weergave("reden_uitval", r) for r in redenen.pareto["reden"]]
st.caption(
    "Per reden het aantal uitgevallen trajecten, van vaak naar weinig. De oranje lijn telt de redenen op tot 100%: "
    "zo ziet u welke paar redenen samen het grootste deel van de uitval verklaren."
    + (f" Niet meegeteld: {formaat.getal(redenen.naar_werk)} "
       f"{'traject dat' if redenen.naar_werk == 1 else 'trajecten die'} voortijdig stopte"
       f"{'' if redenen.naar_werk == 1 else 'n'} voor betaald werk (dat is uitstroom naar werk, geen uitval)."
       if getoond(redenen.naar_werk) != 0 else "")
)
grafiek = pareto(redenen.pareto, titel="Redenen van uitval")
if grafiek is None:
    st.info(niets_te_tonen(gekozen.exact, "Geen uitval in deze periode en selectie."))
else:
    teken(grafiek)
    verborgen_redenen = redenen.pareto["aantal"].map(is_afgeschermd)
    if verborgen_redenen.any():
        st.caption(f"Zonder staaf: {opsomming(list(redenen.pareto.loc[verborgen_redenen, 'naam']))} (kleine "
                   "aantallen, afgeschermd; daarom ook geen lijn die optelt tot 100%).")
    if redenen.volgorde_onzeker:  # the order is a conclusion: where rounded counts cannot decide it, say so
        naam = dict(zip(redenen.pareto["reden"], redenen.pareto["naam"], strict=True))
        st.caption(volgorde_zin([[naam[r] for r in groep] for groep in redenen.volgorde_onzeker]))
    tabel_redenen = pd.DataFrame({
        "Reden": redenen.pareto["naam"],
        "Uitgevallen": redenen.pareto["aantal"],
        "Deel van de uitval (%)": procent(redenen.pareto["aandeel"]),
        "Cumulatief (%)": procent(redenen.pareto["cumulatief"]),
    })
    with st.expander("Tabel redenen"):
        st.dataframe(formaat.tabel_nl(tabel_redenen, {"Deel van de uitval (%)": 1, "Cumulatief (%)": 1}),
                     hide_index=True, width="stretch", placeholder=formaat.LEEG,
                     column_config=tabelkolommen.instellingen(tabel_redenen, {
                         "Uitgevallen": st.column_config.Column(help=KENGETALLEN["uitval"].definitie)}))
        redenen_aandelen = {"Deel van de uitval (%)": redenen.pareto["aandeel"],
                            "Cumulatief (%)": redenen.pareto["cumulatief"]}
        download_knoppen(tabel_redenen.assign(**{k: aandelen(v) for k, v in redenen_aandelen.items()}),
                         "redenen_uitval", sleutel="uitval_redenen", procenten=list(redenen_aandelen),
                         toelichting=uitleg("Redenen van uitval"))

# --- 4. werkgevers and praktijkopleiders ----------------------------------------------------------------
st.subheader("Werkgevers en praktijkopleiders met meer vroege uitval")
if not namen_zichtbaar:
    st.caption("In de presentatiemodus zijn namen van werkgevers en praktijkopleiders niet zichtbaar."
               if gekozen.kijker.presentatie else
               "Namen van werkgevers en praktijkopleiders zijn voor uw rol niet zichtbaar.")
    st.stop()
st.caption(
    f"Wie heeft meer uitval binnen {VROEG} maanden dan gemiddeld in deze selectie? Alleen werkgevers en "
    f"praktijkopleiders met minstens {MIN_TRAJECTEN} trajecten die al {VROEG} maanden te volgen zijn. 'Duidelijk "
    "hoger' betekent dat het verschil te groot is om toeval te zijn: ook de ondergrens van het "
    "95%-betrouwbaarheidsinterval (Wilson) ligt boven het gemiddelde."
)
for soort, kop in (("werkgever", "Werkgever"), ("praktijkopleider", "Praktijkopleider")):
    vroeg = vroege_uitval_per(gekozen, soort)
    meervoud = f"{soort}s"
    st.markdown(f"**{kop}s**")
    if vroeg.boven_gemiddeld.empty:
        st.info(
            f"Geen {soort} met minstens {MIN_TRAJECTEN} te volgen trajecten heeft meer uitval binnen {VROEG} maanden "
            f"dan het gemiddelde ({formaat.percentage(vroeg.gemiddelde)})."
            if vroeg.beoordeeld else
            f"Geen {soort} heeft in deze selectie minstens {MIN_TRAJECTEN} trajecten die al {VROEG} maanden te "
            "volgen zijn. Kies een langere periode om te vergelijken."
        )
        continue
    lijst = vroeg.boven_gemiddeld
    tabel_namen = pd.DataFrame({
        kop: lijst["naam"],
        **({"Organisatie": lijst["organisatie"]} if soort == "praktijkopleider" else {}),
        "Trajecten": lijst["trajecten"],
        f"Uitgevallen binnen {VROEG} maanden": lijst["uitval"],
        "Uitval (%)": procent(lijst["aandeel"]),
        "Duidelijk hoger": ["ja" if h else "nee" for h in lijst["duidelijk_hoger"]],
    })
    download = tabel_namen.assign(**{"Uitval (%)": aandelen(lijst["aandeel"]),
                                     "Gemiddelde selectie (%)": round(vroeg.gemiddelde * 100, 1) / 100})
    st.caption(
        f"{formaat.getal(len(lijst))} van de {formaat.getal(vroeg.beoordeeld)} {meervoud} met genoeg trajecten "
        f"zitten boven het gemiddelde van {formaat.percentage(vroeg.gemiddelde)}; "
        f"{formaat.getal(int(lijst['duidelijk_hoger'].sum()))} duidelijk."
    )
    st.dataframe(
        formaat.tabel_nl(tabel_namen, {"Uitval (%)": 1}).map(
            lambda w: f"font-weight: bold; color: {kleur(3)}" if w == "ja" else "", subset=["Duidelijk hoger"]
        ),
        hide_index=True, width="stretch",
        column_config=tabelkolommen.instellingen(tabel_namen, {
            "Trajecten": st.column_config.Column(help=f"Trajecten die al {VROEG} maanden te volgen zijn."),
            "Uitval (%)": st.column_config.Column(help=KENGETALLEN["uitval_binnen"].definitie),
            "Duidelijk hoger": st.column_config.Column(
                help="Ja als ook de ondergrens van het 95%-betrouwbaarheidsinterval (Wilson) boven het gemiddelde "
                f"van de selectie ligt ({formaat.percentage(vroeg.gemiddelde)})."),
        }),
    )
    download_knoppen(download, f"vroege_uitval_per_{soort}", sleutel=f"uitval_{soort}",
                     procenten=["Uitval (%)", "Gemiddelde selectie (%)"],
                     toelichting=uitleg(f"{kop}s met meer uitval binnen {VROEG} maanden"))
