"""Every number of metrics.md: its Dutch label and plain-Dutch definition, and the function that
computes it. The definitions page is generated from KENGETALLEN, so text and code cannot drift."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analytics.beschermd import Beschermd, afgeschermd_teken, bereik, getoond, is_beschermd, minstens
from analytics.filters import Filters, een_jaar_eerder
from analytics.onderdrukking import (
    SECUNDAIR,
    afgeschermd,
    afgeschermd_getal,
    eerder_per_rij,
    is_afgeschermd,
    met_lege_perioden,
    uniek_afgeschermd,
)
from analytics.opslag import BEGIN, afgeleid, query, query_ervoor, query_perioden
from analytics.perioden import binnen_bereik, gepubliceerde_perioden, laatste_volledige_maand, periode_van
from analytics.stand import VEROUDERD_NA
from analytics.statistiek import wilson_bovengrens, wilson_ondergrens
from toegang.kijker import GeenToegang


@dataclass(frozen=True)
class Kengetal:
    label: str
    definitie: str  # plain Dutch, for the definitions page
    berekening: str  # where it is computed: the SQL file (and macro) in analytics/sql


KENGETALLEN: dict[str, Kengetal] = {
    "instroom": Kengetal(
        "Instroom",
        "Het aantal trajecten dat in de gekozen periode is begonnen (de startdatum ligt in de periode). "
        "Elk traject telt één keer, ook als dezelfde persoon later een tweede traject begint.",
        "kengetallen.sql, instroom_per_periode.sql",
    ),
    "unieke_kandidaten": Kengetal(
        "Unieke kandidaten",
        "Het aantal verschillende kandidaten onder die trajecten, per organisatie geteld: iemand met twee "
        "trajecten bij hetzelfde SW-bedrijf telt één keer.",
        "kengetallen.sql, instroom_per_periode.sql",
    ),
    "lopend": Kengetal(
        "Lopende trajecten",
        "Het aantal trajecten dat volgens de laatste export van elke organisatie nog loopt. Dit is een stand, "
        "geen stroom: de gekozen periode doet hier niet mee, de andere filters wel.",
        "kengetallen.sql",
    ),
    "instroom_tov_afspraak": Kengetal(
        "Instroom t.o.v. afspraak",
        "De instroom in een kalenderjaar gedeeld door het afgesproken aantal voor die gemeente en dat jaar "
        "(voor een sector of doelgroep als de afspraak die noemt). Voor een afgelopen jaar is dat de eindstand "
        "(gehaald of niet gehaald). In de loop van het jaar wordt de instroom tot en met de laatste volledige maand "
        "doorgetrokken naar een verwachting voor het hele jaar volgens het seizoenspatroon van eerdere jaren: gedeeld "
        "door het deel van de jaarinstroom dat in die jaren gemiddeld op dat moment binnen was. De band loopt van "
        "het laagste tot het hoogste deel dat bij het aantal trajecten van die jaren aannemelijk is (95%-interval "
        "volgens Wilson per jaar), zodat twee toevallig gelijke jaren geen zekerheid suggereren. Voor, achter of op "
        "koers zegt waar de afspraak ten opzichte van die band ligt. "
        "(De afspraak naar rato, na oktober 10/12 van de afspraak, houdt geen rekening met de piek na de zomer.)",
        "instroom_tegen_afspraak.sql; analytics/kengetallen.py: seizoenspatroon, verwachting",
    ),
    "uitval": Kengetal(
        "Uitval",
        "Trajecten die voortijdig zijn gestopt (status uitgevallen), behalve wie voortijdig stopte omdat hij of "
        "zij betaald werk vond: dat is uitstroom naar werk, geen uitval.",
        "selectie.sql: is_uitval",
    ),
    "uitval_binnen": Kengetal(
        "Uitval binnen N maanden (N = 3, 6, 12)",
        "Van de trajecten die in de periode begonnen en al minstens N maanden gevolgd konden worden (begonnen "
        "minstens N maanden voor de laatste peildatum): het deel dat binnen N maanden na de start is uitgevallen. "
        "Jongere trajecten tellen niet mee, zodat een jong cohort er niet beter uitziet dan het is. Het overzicht "
        "toont uitval binnen 12 maanden; kan nog geen traject uit de gekozen periode 12 maanden gevolgd worden, "
        "dan de twaalf meest recente startmaanden die dat wel kunnen.",
        "kengetallen.sql; selectie.sql: n_maanden_te_volgen, uitval_binnen",
    ),
    "uitval_per_cohort": Kengetal(
        "Uitvalpercentage per cohort",
        "Per groep trajecten die in hetzelfde kwartaal of jaar begonnen (een cohort): de uitval tot nu gedeeld door "
        "de instroom van dat cohort, naast het deel dat nog loopt. Zolang veel trajecten van een cohort nog lopen, "
        "kan de uitval van dat cohort nog oplopen.",
        "uitval_per_cohort.sql; selectie.sql: is_uitval, n_maanden_te_volgen, uitval_binnen; analytics/uitval.py",
    ),
    "tijd_tot_uitval": Kengetal(
        "Tijd tot uitval",
        "Een Kaplan-Meier-schatting van het deel dat na zoveel maanden na de start nog niet is uitgevallen, met een "
        "95%-betrouwbaarheidsinterval. Trajecten die nog lopen, zijn afgerond of voortijdig naar betaald werk gingen, "
        "tellen mee zolang ze te volgen waren: tot hun peildatum of einddatum.",
        "uitval_duur.sql; analytics/uitval.py: kaplan_meier, tijd_tot_uitval",
    ),
    "praktijkverklaringen": Kengetal(
        "Praktijkverklaringen",
        "Het aantal behaalde praktijkverklaringen in de periode, geteld op de datum van de praktijkverklaring "
        "(of, als die ontbreekt, de einddatum van een afgerond traject).",
        "kengetallen.sql; selectie.sql: praktijkverklaring_op",
    ),
    "uitstroom_werk": Kengetal(
        "Uitstroom naar werk",
        "Trajecten die in de periode eindigden met betaald werk, plus trajecten die voortijdig stopten omdat de "
        "kandidaat betaald werk vond. Getoond als aantal en als deel van alle trajecten die in de periode "
        "eindigden.",
        "kengetallen.sql; selectie.sql: is_uitstroom_werk",
    ),
    "werk_na_praktijkverklaring": Kengetal(
        "Werk na praktijkverklaring",
        "Trajecten die eindigden met een praktijkverklaring (status afgerond) en daarna uitstroomden naar betaald "
        "werk bij een werkgever. Werk binnen het SW-bedrijf en een vervolgopleiding tellen apart. Getoond als aantal "
        "en als deel van alle trajecten die met een praktijkverklaring eindigden, per startjaar.",
        "van_instroom_naar_werk.sql; analytics/resultaten.py (pagina Van instroom naar werk)",
    ),
    "vraag": Kengetal(
        "Vraag",
        "Het totaal aantal plekken dat werkgevers in de periode vroegen (per maand, sector, beroep of werkgever). "
        "De vraag komt van het werkgeversservicepunt: alleen de filters arbeidsmarktregio, gemeente en sector gelden "
        "ervoor, en vraag zonder gemeente telt mee voor elke gemeente van de regio.",
        "vraag_per_maand.sql; selectie.sql: vraag_in_selectie",
    ),
    "structurele_vraag": Kengetal(
        "Structurele vraag",
        "Een combinatie van sector en beroep (of een werkgever) met vraag in minstens K van de laatste 12 "
        "volledige maanden (standaard K = 6, zelf in te stellen), met het gemiddeld aantal plekken per maand "
        "over die 12 maanden.",
        "vraag_structureel.sql; selectie.sql: vraag_laatste_12, is_structureel",
    ),
    "vraag_en_aanbod": Kengetal(
        "Vraag en aanbod",
        "Per sector de structurele vraag per maand naast de instroom per maand, en het verschil. De instroom telt "
        "de trajecten die in dezelfde 12 maanden begonnen, gedeeld door 12; daarvoor gelden alle filters behalve "
        "de periode.",
        "vraag_en_aanbod.sql; selectie.sql: vraag_laatste_12, is_structureel, trajecten_in_selectie",
    ),
}


TELLINGEN = ("instroom", "unieke_kandidaten", "lopend", "uitval12_teller", "uitval12_noemer", "praktijkverklaringen",
             "uitstroom_werk", "beeindigd")
AANDELEN = {"uitval_12": ("uitval12_teller", "uitval12_noemer"), "aandeel_werk": ("uitstroom_werk", "beeindigd")}
STAP = {"maand": "M", "jaar": "Y"}  # a period of instroom_per_periode as a pandas frequency
# the counts that add up over periods, rounded as running counts for others (not lopend: a state at the peildatum)
OPTELBAAR = ("instroom", "uitval12_teller", "uitval12_noemer", "praktijkverklaringen", "uitstroom_werk", "beeindigd")


@dataclass(frozen=True)
class Kengetallen:
    """The overzicht's numbers as the viewer may see them: a count (exact, or a `Beschermd`: rounded, "<5" or "x");
    a share (exact, or a `Beschermd` rounded to 5 percentage points), or None when it cannot be given (no
    denominator, or hidden because it would point to a few people)."""

    instroom: int | Beschermd
    unieke_kandidaten: int | Beschermd
    lopend: int | Beschermd
    uitval12_teller: int | Beschermd
    uitval12_noemer: int | Beschermd
    praktijkverklaringen: int | Beschermd
    uitstroom_werk: int | Beschermd
    beeindigd: int | Beschermd
    uitval_12: float | Beschermd | None
    aandeel_werk: float | Beschermd | None


def met_aandelen(tabel: pd.DataFrame) -> pd.DataFrame:
    """The shares of metrics.md next to their counts (NaN without a denominator)."""
    tabel = tabel.copy()
    for aandeel, (teller, noemer) in AANDELEN.items():
        tabel[aandeel] = (tabel[teller] / tabel[noemer].where(tabel[noemer] > 0)).astype(float)
    return tabel


def kengetallen(filters: Filters) -> Kengetallen:
    """The overzicht's numbers for the selection in its period."""
    rij = _kengetallen_beide(filters, totaal=True)
    if rij.empty:
        rij = pd.DataFrame([dict.fromkeys(TELLINGEN, 0)])
    eerder = None if filters.exact else _eerder(rij)
    tabel = afgeschermd(met_aandelen(rij[list(TELLINGEN)].astype(int)), filters.kijker, tellingen=TELLINGEN,
                        aandelen=AANDELEN, exact=filters.exact, eerder=eerder)
    tabel = uniek_afgeschermd(tabel, "unieke_kandidaten", filters.exact)
    if not filters.exact:  # a tile is the total of the table per gemeente: hidden where that table says so
        for kolom, verborgen in kengetallen_per_gemeente(filters).attrs.get("totaal_verborgen", {}).items():
            if verborgen and tabel.at[0, kolom] != SECUNDAIR:  # also a "<5": its "1 to 4" would give cells away
                tabel[kolom] = tabel[kolom].astype(object)
                tabel.at[0, kolom] = afgeschermd_teken()
        for aandeel, (teller, noemer) in AANDELEN.items():
            if is_afgeschermd(tabel.at[0, teller]) or is_afgeschermd(tabel.at[0, noemer]):
                tabel[aandeel] = tabel[aandeel].astype(object)
                tabel.at[0, aandeel] = None
    waarden = tabel.iloc[0]
    return Kengetallen(
        **{veld: waarden[veld] if is_beschermd(waarden[veld]) else int(waarden[veld]) for veld in TELLINGEN},
        **{veld: None if formaat_leeg(waarden[veld]) else waarden[veld] if is_beschermd(waarden[veld])
           else float(waarden[veld]) for veld in AANDELEN},
    )


@dataclass(frozen=True)
class Uitvalvenster:
    """The start dates whose uitval binnen 12 maanden the overzicht shows: the chosen period as far as its trajecten
    can be followed 12 months (`eigen_periode`), or, when none of them can yet, the most recent twelve whole start
    months that can (the 'Afgelopen 12 maanden' a year earlier, a period every page may publish)."""

    van: dt.date
    tot: dt.date
    eigen_periode: bool
    ingekort: bool = False  # only the first part of the chosen period: the later trajecten cannot be followed yet


def uitvalvenster(van: dt.date, tot: dt.date, peildatum: dt.date) -> Uitvalvenster:
    """Which start dates the tile 'Uitval binnen 12 maanden' is about, for the period van..tot at the latest
    peildatum: a traject can be followed 12 months when it started at least 12 months before the peildatum
    (selectie.sql: n_maanden_te_volgen; each traject is still checked against its own organisation's peildatum)."""
    laatst_te_volgen = een_jaar_eerder(peildatum)
    if van <= laatst_te_volgen:
        return Uitvalvenster(van, min(tot, laatst_te_volgen), True, tot > laatst_te_volgen)
    venster_van, venster_tot = periode_van("Afgelopen 12 maanden", peildatum)
    return Uitvalvenster(een_jaar_eerder(venster_van), een_jaar_eerder(venster_tot), False)


def formaat_leeg(waarde: object) -> bool:
    return waarde is None or (isinstance(waarde, float) and pd.isna(waarde))


def kengetallen_per_gemeente(filters: Filters) -> pd.DataFrame:
    """The same numbers per gemeente (`groep` holds the gemeente's name), with the shares; each row exact
    only for the gemeente's own viewer, and no hidden cell recoverable from the overzicht's tiles. Cached per store
    version: the tiles ask it too, and its suppression over some 350 gemeenten costs more than its question."""
    return afgeleid("kengetallen_per_gemeente", filters, lambda: _kengetallen_per_gemeente(filters))


def _kengetallen_per_gemeente(filters: Filters) -> pd.DataFrame:
    tabel = met_aandelen(_kengetallen_beide(filters, totaal=False))
    exact = filters.exact_per_gemeente(tabel["gemeentecode"])
    eerder = None if all(exact) else _eerder(tabel)
    zichtbaar = afgeschermd(tabel, filters.kijker, tellingen=TELLINGEN, aandelen=AANDELEN, exact=exact, eerder=eerder)
    uit = uniek_afgeschermd(zichtbaar, "unieke_kandidaten", exact)
    uit.attrs = zichtbaar.attrs
    return uit


def _kengetallen_beide(filters: Filters, totaal: bool) -> pd.DataFrame:
    """The total row or the rows per gemeente of kengetallen.sql, both from one question (`per` = 'beide', cached):
    the tiles and the table per gemeente of one selection (and, for others than the owner, the tiles' check against
    that table) cost one scan of the trajecten instead of two (issue 17). That scan also counts the periods the
    overzicht asks next for the same selection (`_perioden_erbij`): one scan instead of up to four."""
    parameters = {k: v for k, v in filters.parameters().items() if k not in ("van", "tot")}
    beide = query_perioden("kengetallen", {**parameters, "per": "beide"}, _perioden_erbij(filters.van, filters.tot))
    return beide[beide["is_totaal"] == totaal].drop(columns="is_totaal").reset_index(drop=True)


def _perioden_erbij(van: dt.date, tot: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The period van..tot first, then those the overzicht asks with it: the same a year earlier (the change against
    last year) and, when the tile 'Uitval binnen 12 maanden' is about other start months, those and a year earlier."""
    perioden = [(van, tot), (een_jaar_eerder(van), een_jaar_eerder(tot))]
    if (grenzen := periode_grenzen()) is not None:
        venster = uitvalvenster(van, tot, grenzen[1])
        if not venster.eigen_periode:
            perioden += [(venster.van, venster.tot), (een_jaar_eerder(venster.van), een_jaar_eerder(venster.tot))]
    return list(dict.fromkeys(perioden))


def _eerder(tabel: pd.DataFrame) -> pd.DataFrame:
    """Per row of kengetallen.sql: what its selection counted before the period (its `<count>_eerder` columns)."""
    return pd.DataFrame({k: tabel.get(f"{k}_eerder", 0) for k in OPTELBAAR},
                        index=tabel.index)


def instroom_per_periode(
    filters: Filters, periode: str = "maand", dimensie: str = "",
    getoonde_totalen: tuple[tuple[dt.date, dt.date], ...] = (),
) -> pd.DataFrame:
    """Instroom and unieke kandidaten per month or year (`periode`), per value of `dimensie`.
    `getoonde_totalen`: periods whose total instroom the page also shows (a tile, and its change against last
    year), so no hidden month can be worked out from them. For a viewer without exact numbers, months are marked
    against every period total any page can show (`gepubliceerde_perioden`), whichever the page shows, so no
    combination of pages gives a small month away. Split by a dimension, such a viewer gets years only: the months
    of one sector are also shown with that sector chosen in the filter, marked against other totals, and together
    the two markings pinned small months (a review found it; tests/test_afronding.py)."""
    if dimensie and periode == "maand" and not filters.exact:
        raise GeenToegang("Per maand uitgesplitst is alleen voor wie de aantallen exact ziet.")
    if periode == "maand" and not dimensie and not filters.exact and (grenzen := periode_grenzen()) is not None:
        # one marking of the months for every page: over a fixed stretch, against every published period in it,
        # then cut to what was asked (two pages marking the same month differently would together give it away)
        perioden = tuple(gepubliceerde_perioden(grenzen[1]))  # sorted: the first starts the stretch
        reeks = _instroom_per_maand_afgeschermd(filters.met_periode(perioden[0][0], grenzen[1]), perioden)
        begin = pd.to_datetime(reeks["periode"])
        return reeks[(begin >= pd.Timestamp(filters.van)) & (begin <= pd.Timestamp(filters.tot))].reset_index(drop=True)
    parameters = {**filters.parameters(), "periode": periode, "dimensie": dimensie}
    tabel = query("instroom_per_periode", parameters)
    eerder = None
    if filters.exact and not tabel.empty:  # months without instroom are 0, also at the end of the period
        tabel = met_lege_perioden(tabel, "periode", filters.van, filters.tot, STAP[periode],
                                  {"groep": sorted(set(tabel["groep"]))})
    if not filters.exact:  # a missing row would say 0: every period of every groep, "<5" where 0 to 4
        voor = query_ervoor("instroom_per_periode", parameters)  # what each groep counted before the period
        groepen = sorted(set(tabel["groep"]) | set(voor["groep"])) or ["totaal"]
        tabel = met_lege_perioden(tabel, "periode", filters.van, filters.tot, STAP[periode], {"groep": groepen})
        eerder = eerder_per_rij(tabel, ("instroom",), ("groep",), voor)
    zichtbaar = afgeschermd(tabel, filters.kijker, tellingen=("instroom", "unieke_kandidaten"), exact=filters.exact,
                            groepen=("periode", "groep") if dimensie else (),
                            deeltotalen=_maskers(tabel, getoonde_totalen), eerder=eerder, selectie=("groep",))
    return uniek_afgeschermd(zichtbaar, "unieke_kandidaten", filters.exact)


def _maskers(tabel: pd.DataFrame, perioden) -> list[np.ndarray]:
    """Per period: which rows of the table (by their `periode`) it counts; the same rows once."""
    begin = pd.to_datetime(tabel["periode"])
    maskers = [((begin >= pd.Timestamp(van)) & (begin <= pd.Timestamp(tot))).to_numpy() for van, tot in perioden]
    return list({masker.tobytes(): masker for masker in maskers}.values())


def _instroom_per_maand_afgeschermd(filters: Filters, perioden: tuple) -> pd.DataFrame:
    """The months of the selection over `filters`' stretch for a viewer without exact numbers, marked against
    every period in `perioden` (clipped to the stretch: the data ends there too)."""
    # every month from the fixed beginning in one question: what came before a month is the sum above it
    alles = query("instroom_per_periode", {**filters.met_periode(BEGIN, filters.tot).parameters(), "periode": "maand",
                                           "dimensie": ""})
    alles = met_lege_perioden(alles, "periode", filters.van, filters.tot, "M", {"groep": ["totaal"]})
    eerder = eerder_per_rij(alles, ("instroom",))
    binnen_reeks = (pd.to_datetime(alles["periode"]) >= pd.Timestamp(filters.van)).to_numpy()
    tabel, eerder = alles[binnen_reeks].reset_index(drop=True), eerder[binnen_reeks].reset_index(drop=True)
    binnen = tuple((max(van, filters.van), min(tot, filters.tot)) for van, tot in perioden if tot >= filters.van)
    zichtbaar = afgeschermd(tabel, filters.kijker, tellingen=("instroom", "unieke_kandidaten"), exact=False,
                            deeltotalen=_maskers(tabel, binnen), eerder=eerder, selectie=("groep",))
    return uniek_afgeschermd(zichtbaar, "unieke_kandidaten", False)


def instroom_tegen_afspraak(filters: Filters, jaar: int, peildatum: dt.date) -> pd.DataFrame:
    """Per gemeente: instroom in `jaar` up to the last complete month, against the full and pro-rata afspraak
    (`stand`, pro rata), and against the afspraak by the seasonal pattern of earlier years (`verwachting`).

    A finished year (its December complete at the peildatum) gets its final result: `verwachting` is "gehaald",
    "niet gehaald" or why that cannot be said. For the running year, `verwacht` (with `verwacht_laag`,
    `verwacht_hoog`) is the expected year-end instroom: the instroom so far divided by the share of a year's instroom
    that had usually come in by this month (`seizoenspatroon`, its band the lowest and highest share of the earlier
    years); `verwachting` is "voor" (the whole band above the afspraak), "achter" (the whole band below it), "op koers"
    (the band contains it), for every true instroom the viewer's numbers allow, else "niet te bepalen".
    `afspraak_naar_patroon` is what the afspraak usually has in by now (afspraak times the usual share), and
    `van_afspraak_naar_patroon` the instroom as a share of it (the afspraak itself for a finished year).
    The table's attrs hold `patroon` (a Seizoenspatroon or None), `maanden` (months counted) and `afgelopen`."""
    tot = min(laatste_volledige_maand(peildatum), dt.date(jaar, 12, 31))
    verstreken = 12 if tot.year > jaar or tot == dt.date(jaar, 12, 31) else (tot.month if tot.year == jaar else 0)
    afgelopen = verstreken == 12
    patroon = None if afgelopen or verstreken == 0 else seizoenspatroon(jaar, verstreken)
    parameters = {**filters.parameters(), "jaar": jaar, "jaar_van": dt.date(jaar, 1, 1), "tot_maand_einde": tot,
                  "maanden_verstreken": verstreken}
    tabel = query("instroom_tegen_afspraak", parameters)
    pro_rata = tabel["afspraak_pro_rata"]
    tabel["van_afspraak_naar_rato"] = tabel["instroom"] / pro_rata.where(pro_rata > 0)
    aandeel = 1.0 if afgelopen else (patroon.gemiddeld if patroon else np.nan)
    tabel["afspraak_naar_patroon"] = tabel["afspraak"].astype(float) * aandeel
    naar_patroon = tabel["afspraak_naar_patroon"]
    tabel["van_afspraak_naar_patroon"] = tabel["instroom"] / naar_patroon.where(naar_patroon > 0)
    exact = filters.exact_per_gemeente(tabel["gemeentecode"])
    eerder = None if all(exact) else eerder_per_rij(tabel, ("instroom",), ("gemeentecode",), query_ervoor(
        "instroom_tegen_afspraak", parameters, van="jaar_van", tot="tot_maand_einde"))
    zichtbaar = afgeschermd(tabel, filters.kijker, tellingen=("instroom", "unieke_kandidaten"),
                            afgeleid={"van_afspraak_naar_rato": "instroom", "van_afspraak_naar_patroon": "instroom"},
                            exact=exact, eerder=eerder)
    # op koers or achter says on which side of the pro-rata agreement the instroom lies: decided from what is shown,
    # for every true value it allows (a hidden one next to a small pro-rata agreement would be pinned by "achter",
    # and a rounded 6 next to 7 may be 10); where it cannot decide, it says so
    zichtbaar["stand"] = [stand(i, a, p) for i, a, p in zip(zichtbaar["instroom"], zichtbaar["afspraak"],
                                                           zichtbaar["afspraak_pro_rata"], strict=True)]
    # the expected year-end from what is shown (a rounded count gives a wider band), never from a hidden true value
    verwacht = [verwachte_realisatie(i, patroon) for i in zichtbaar["instroom"]]
    zichtbaar["verwacht"] = [v[0] for v in verwacht]
    zichtbaar["verwacht_laag"] = [v[1] for v in verwacht]
    zichtbaar["verwacht_hoog"] = [v[2] for v in verwacht]
    zichtbaar["verwachting"] = [
        eindstand(i, a) if afgelopen else verwachting(i, a, patroon)
        for i, a in zip(zichtbaar["instroom"], zichtbaar["afspraak"], strict=True)]
    uit = uniek_afgeschermd(zichtbaar, "unieke_kandidaten", exact)
    uit.attrs = {**zichtbaar.attrs, "patroon": patroon, "maanden": verstreken, "afgelopen": afgelopen}
    return uit


@dataclass(frozen=True)
class Seizoenspatroon:
    """Per earlier complete year in the store: the share of its instroom that had come in by the end of month
    `maanden` (all trajecten in the store, so the pattern is about many people, not one selection), from `binnen` of
    `totalen` trajecten.

    The band runs from the lowest to the highest 95% Wilson bound of those shares: two earlier years that happened
    to be alike (89,1% and 89,2%) do not make a band of one number, since a year of a few hundred trajecten could
    as well have had 86% or 92% in by then."""

    maanden: int
    jaren: tuple[int, ...]
    binnen: tuple[int, ...]
    totalen: tuple[int, ...]

    @property
    def aandelen(self) -> tuple[float, ...]:
        return tuple(b / t for b, t in zip(self.binnen, self.totalen, strict=True))

    @property
    def gemiddeld(self) -> float:
        return float(np.mean(self.aandelen))

    @property
    def laag(self) -> float:
        return float(min(wilson_ondergrens(b, t) for b, t in zip(self.binnen, self.totalen, strict=True)))

    @property
    def hoog(self) -> float:
        return float(max(wilson_bovengrens(b, t) for b, t in zip(self.binnen, self.totalen, strict=True)))


def seizoenspatroon(jaar: int, maanden: int) -> Seizoenspatroon | None:
    """The share of a year's instroom that came in during its first `maanden` months, for every calendar year before
    `jaar` that the store covers from January on; None without such a year (or for a whole year)."""
    grenzen = periode_grenzen()
    if grenzen is None or not 1 <= maanden < 12:
        return None
    eerste_jaar = grenzen[0].year if grenzen[0] <= dt.date(grenzen[0].year, 1, 31) else grenzen[0].year + 1
    if eerste_jaar >= jaar:
        return None
    per_maand = query("instroom_per_periode", {**Filters(dt.date(eerste_jaar, 1, 1), dt.date(jaar - 1, 12, 31))
                                               .parameters(), "periode": "maand", "dimensie": ""})
    begin = pd.to_datetime(per_maand["periode"])
    jaren, binnen, totalen = [], [], []
    for j in range(eerste_jaar, jaar):
        in_jaar = per_maand[begin.dt.year == j]
        totaal = int(in_jaar["instroom"].sum())
        if totaal > 0:
            jaren.append(j)
            binnen.append(int(in_jaar.loc[begin[in_jaar.index].dt.month <= maanden, "instroom"].sum()))
            totalen.append(totaal)
    return Seizoenspatroon(maanden, tuple(jaren), tuple(binnen), tuple(totalen)) if jaren else None


def verwachte_realisatie(instroom: object, patroon: Seizoenspatroon | None) -> tuple[float | None, ...]:
    """(expected, lowest, highest) year-end instroom from the instroom so far as shown; Nones without a pattern or
    for a hidden count."""
    if patroon is None or patroon.laag <= 0 or getoond(instroom) is None:
        return None, None, None
    laag, hoog = bereik(instroom)
    return getoond(instroom) / patroon.gemiddeld, laag / patroon.hoog, hoog / patroon.laag


def verwachting(instroom: object, afspraak: float, patroon: Seizoenspatroon | None) -> str:
    """Voor, achter or op koers by the seasonal pattern, only where the band decides it for every true instroom
    consistent with what is shown (a rounded 20 may be 18 to 22: each end with each end of the band)."""
    if pd.isna(afspraak):
        return "geen afspraak"
    if is_afgeschermd(instroom):
        return "afgeschermd"
    if patroon is None or patroon.laag <= 0:
        return NIET_TE_BEPALEN
    laag, hoog = bereik(instroom)
    if laag / patroon.hoog > afspraak:
        return "voor"
    if hoog / patroon.laag < afspraak:
        return "achter"
    if hoog / patroon.hoog <= afspraak <= laag / patroon.laag:
        return "op koers"
    return NIET_TE_BEPALEN


def eindstand(instroom: object, afspraak: float) -> str:
    """A finished year: was the afspraak reached, for every true instroom consistent with what is shown?"""
    return _tegen_afspraak(instroom, afspraak, afspraak, "gehaald", "niet gehaald")


NIET_TE_BEPALEN = "niet te bepalen"


def stand(instroom: object, afspraak: float, pro_rata: float) -> str:
    """Op koers (instroom at least the pro-rata afspraak), achter, or why that cannot be said: for every true
    instroom consistent with what the viewer is shown."""
    return _tegen_afspraak(instroom, afspraak, pro_rata, "op koers", "achter")


def _tegen_afspraak(instroom: object, afspraak: float, grens: float, ja: str, nee: str) -> str:
    """`ja` when every true instroom consistent with what is shown reaches `grens`, `nee` when none does, else
    NIET_TE_BEPALEN; or why there is nothing to compare (no afspraak, a hidden instroom)."""
    if pd.isna(afspraak):
        return "geen afspraak"
    if is_afgeschermd(instroom):
        return "afgeschermd"
    gehaald = minstens(instroom, grens)
    return NIET_TE_BEPALEN if gehaald is None else ja if gehaald else nee


def periode_grenzen() -> tuple[dt.date, dt.date] | None:
    """(first startdatum, the peildatum the periods end at) in the store, or None when there are no trajecten. The
    peildatum is the last one every delivering organisation has delivered (analytics/sql/periode_grenzen.sql): when
    one organisation has delivered November and the others not yet, 'Dit jaar tot nu' ends in October for all, so a
    month that most have not delivered does not count as a month without instroom. Every period, every published
    total and the follow-up windows start from this date."""
    rij = query("periode_grenzen", {"verouderd_dagen": VEROUDERD_NA.days}).iloc[0]
    if pd.isna(rij["eerste_start"]):
        return None
    laatste = binnen_bereik(pd.Timestamp(rij["gezamenlijke_peildatum"]).date())
    return min(binnen_bereik(pd.Timestamp(rij["eerste_start"]).date()), laatste), laatste


def nog_niet_geleverd() -> tuple[dt.date, list[str]] | None:
    """When the periods end before the newest peildatum: (the peildatum they end at, the organisations whose latest
    export is of that date: they hold the periods back); None when every organisation is as far as the newest."""
    grenzen = periode_grenzen()
    if grenzen is None:
        return None
    laatste = {rij.organisatie: binnen_bereik(pd.Timestamp(rij.laatste).date())
               for rij in query("laatste_peildatum_per_organisatie").itertuples()}
    if max(laatste.values()) <= grenzen[1]:
        return None
    return grenzen[1], sorted(o for o, datum in laatste.items() if datum == grenzen[1])


def filterkeuzes() -> dict[str, list[tuple[str, str]]]:
    """Per filter dimension: (value, name) pairs present in the store."""
    keuzes: dict[str, list[tuple[str, str]]] = {}
    for rij in query("filterkeuzes").itertuples():
        keuzes.setdefault(rij.dimensie, []).append((rij.waarde, rij.naam))
    return keuzes


def lopend_op(filters: Filters, peildatum: dt.date) -> int | str:
    """Lopende trajecten as they stood at `peildatum` (each organisation's latest export on or before it)."""
    aantal = int(query("lopend_op", {**filters.parameters(), "peildatum": peildatum})["lopend"].iloc[0])
    return afgeschermd_getal(aantal, filters.exact)
