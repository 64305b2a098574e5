"""Van instroom naar werk: where the trajecten that started in the period stand now, per start cohort (the year of the
startdatum), and the same per stroom side by side.

Each traject counts once, in one of lopend, uitval (metrics.md: not for paid work), voortijdig naar werk (uitgevallen
for paid work: uitstroom naar werk) or praktijkverklaring (status afgerond); those with a praktijkverklaring split by
their uitstroom: betaald werk (metrics.md "Werk na praktijkverklaring"), werk binnen het SW-bedrijf, vervolgopleiding,
or none/unknown. The counts come from analytics/sql/van_instroom_naar_werk.sql; what a viewer who does not own them
sees is decided by `analytics.onderdrukking.afgeschermd`, and here only what that cannot know: that the parts of a row
add up to its whole.
"""

from __future__ import annotations

import pandas as pd

from analytics.beschermd import afgeschermd_teken, getoond
from analytics.filters import Filters
from analytics.onderdrukking import afgeschermd_met_totaalrij, eerder_per_rij, is_afgeschermd, met_lege_perioden
from analytics.opslag import query, query_ervoor
from basis.referentie import code_weergave

SPLITSINGEN = {"geen": "Geen", "stroom": "Stroom", "doelgroep": "Doelgroep", "sector": "Sector", "route": "Route"}
STROMEN = ("langstromer", "doorstromer", "medewerker")  # side by side; "onbekend" only when it occurs
DELEN_INSTROOM = ("lopend", "uitval", "voortijdig_werk", "praktijkverklaring")
DELEN_PRAKTIJKVERKLARING = ("pv_betaald_werk", "pv_werk_sw", "pv_vervolgopleiding", "pv_geen_of_onbekend")
TELLINGEN = ("instroom", *DELEN_INSTROOM, *DELEN_PRAKTIJKVERKLARING)
AANDELEN = {
    "aandeel_lopend": ("lopend", "instroom"),
    "aandeel_uitval": ("uitval", "instroom"),
    "aandeel_praktijkverklaring": ("praktijkverklaring", "instroom"),
    "aandeel_werk_na_praktijkverklaring": ("pv_betaald_werk", "praktijkverklaring"),
}
# The Dutch names of the steps, for the table, the chart and the downloads alike.
STAPPEN = {
    "instroom": "Gestart",
    "lopend": "Nog lopend",
    "uitval": "Uitgevallen",
    "voortijdig_werk": "Voortijdig naar betaald werk",
    "praktijkverklaring": "Praktijkverklaring",
    "pv_betaald_werk": "Betaald werk",
    "pv_werk_sw": "Werk binnen het SW-bedrijf",
    "pv_vervolgopleiding": "Vervolgopleiding",
    "pv_geen_of_onbekend": "Geen of onbekend",
}
STROOM_UITLEG = (
    "De stroom is de groep waartoe een kandidaat volgens de export van zijn SW-bedrijf hoort: langstromer, "
    "doorstromer of eigen medewerker (wie al bij het SW-bedrijf werkt); hun trajecten verlopen anders, dus ze staan "
    "hier naast elkaar."
)


def _antwoord(filters: Filters, per: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    if per not in SPLITSINGEN:
        raise ValueError(f"Onbekende uitsplitsing: {per}")
    parameters = {**filters.parameters(), "per": per}
    return query("van_instroom_naar_werk", parameters), parameters


def _groepnaam(per: str, groep) -> str:
    if per == "geen" or pd.isna(groep):
        return "Hele selectie"
    return code_weergave(per, str(groep))


def van_instroom_naar_werk(filters: Filters, per: str = "geen") -> pd.DataFrame:
    """Per start cohort (a year; `per` another than 'geen': per cohort and group of that split) and in the last row
    (is_totaal) for the whole selection: instroom and where those trajecten stand now (TELLINGEN, which add up:
    instroom = DELEN_INSTROOM, praktijkverklaring = DELEN_PRAKTIJKVERKLARING) with the shares of AANDELEN; `cohort` (a
    Timestamp, NaT in the total row), `groep` (the code) and `groepnaam`. Empty when nothing started in the period.
    For a viewer who does not own the numbers, as `afgeschermd` shapes them."""
    df, parameters = _antwoord(filters, per)
    totaal = df[df["is_totaal"].astype(bool)]
    rijen = df[~df["is_totaal"].astype(bool) & df["cohort"].notna()]
    if totaal.empty or int(totaal["instroom"].sum()) == 0:
        return df.iloc[0:0].assign(groepnaam=pd.Series(dtype=object))
    if not filters.exact:  # a missing (cohort, groep) would say 0, which others see as "<5"
        groepen = sorted(set(rijen["groep"]) | (set(STROMEN) if per == "stroom" else set()))
        rijen = met_lege_perioden(rijen.drop(columns="is_totaal"), "cohort", filters.van, filters.tot, "Y",
                                  {"groep": groepen}).assign(is_totaal=False)
    rijen = rijen.sort_values(["groep", "cohort"], kind="stable")
    tabel = pd.concat([rijen, totaal], ignore_index=True)
    ervoor = None
    if not filters.exact:
        voor = query_ervoor("van_instroom_naar_werk", parameters)
        ervoor = _eerder(tabel, voor)
    return _beschermd(tabel, filters, per, ervoor, groepen=("groep", "cohort") if per != "geen" else ())


def per_stroom(filters: Filters) -> pd.DataFrame:
    """Per stroom (langstromer, doorstromer, eigen medewerker, and onbekend where it occurs), over every cohort of the
    period, and in the last row (is_totaal) the whole selection: the same counts and shares as
    `van_instroom_naar_werk`, with `groep` the stroom code and `groepnaam` its Dutch name."""
    df, parameters = _antwoord(filters, "stroom")
    totaal = df[df["is_totaal"].astype(bool)]
    if totaal.empty or int(totaal["instroom"].sum()) == 0:
        return df.iloc[0:0].assign(groepnaam=pd.Series(dtype=object))
    rijen = df[~df["is_totaal"].astype(bool) & df["cohort"].isna()].set_index("groep")
    aanwezig = [s for s in STROMEN] + (["onbekend"] if "onbekend" in rijen.index else [])
    rijen = rijen.reindex(aanwezig)
    rijen[list(TELLINGEN)] = rijen[list(TELLINGEN)].fillna(0).astype(int)
    rijen = rijen.assign(is_totaal=False).reset_index()
    tabel = pd.concat([rijen, totaal], ignore_index=True)
    ervoor = None
    if not filters.exact:
        ervoor = _eerder(tabel, query_ervoor("van_instroom_naar_werk", parameters))
    return _beschermd(tabel, filters, "stroom", ervoor, groepen=())


def _eerder(tabel: pd.DataFrame, voor: pd.DataFrame) -> pd.DataFrame:
    """Per row what its selection (its groep) counted before it: before the period (`voor`, its rows per groep over
    every cohort) plus the cohorts above it; for the total row, what the whole selection counted before the period."""
    is_totaal = tabel["is_totaal"].astype(bool)
    per_groep = voor[~voor["is_totaal"].astype(bool) & voor["cohort"].isna()]
    rijen = eerder_per_rij(tabel[~is_totaal], TELLINGEN, selectie=("groep",), voor=per_groep)
    totaal = eerder_per_rij(tabel[is_totaal], TELLINGEN, voor=voor[voor["is_totaal"].astype(bool)])
    return pd.concat([rijen, totaal]).loc[tabel.index]


def _beschermd(tabel: pd.DataFrame, filters: Filters, per: str, ervoor: pd.DataFrame | None,
               groepen: tuple[str, ...]) -> pd.DataFrame:
    tabel = tabel.reset_index(drop=True)
    tabel["cohort"] = pd.to_datetime(tabel["cohort"])
    for kolom, (teller, noemer) in AANDELEN.items():
        tabel[kolom] = (tabel[teller] / tabel[noemer].where(tabel[noemer] > 0)).astype(float)
    tabel["groepnaam"] = [_groepnaam(per, g) if not t else "Hele selectie"
                          for g, t in zip(tabel["groep"], tabel["is_totaal"], strict=True)]
    zichtbaar = afgeschermd_met_totaalrij(
        tabel, filters.kijker, "is_totaal", exact=filters.exact, tellingen=TELLINGEN, aandelen=AANDELEN,
        selectie=("groep",), eerder=ervoor, groepen=groepen,
    )
    if filters.exact:
        return zichtbaar
    # The parts of a row add up to its whole: with the whole shown, one hidden part would follow from the others
    # (20 started, 15 lopend, 5 praktijkverklaring: uitval and voortijdig naar werk are 0). So hide two, or none.
    for i in zichtbaar.index:
        veranderd = True
        while veranderd:
            veranderd = False
            for geheel, delen in (("instroom", DELEN_INSTROOM), ("praktijkverklaring", DELEN_PRAKTIJKVERKLARING)):
                if is_afgeschermd(zichtbaar.at[i, geheel]):
                    continue
                verborgen = [d for d in delen if is_afgeschermd(zichtbaar.at[i, d])]
                if len(verborgen) == 1:
                    kleinste = min((d for d in delen if d not in verborgen), key=lambda d: getoond(zichtbaar.at[i, d]))
                    zichtbaar.at[i, kleinste] = afgeschermd_teken()
                    veranderd = True
    for kolom, (teller, noemer) in AANDELEN.items():
        verborgen = zichtbaar[teller].map(is_afgeschermd) | zichtbaar[noemer].map(is_afgeschermd)
        zichtbaar[kolom] = zichtbaar[kolom].astype(object).where(~verborgen, None)
    return zichtbaar
