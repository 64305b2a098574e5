"""The follow-up list (issue 15, point 5): lopende trajecten in their first VROEG months at a werkgever or with a
praktijkopleider whose early uitval is clearly above average, so an organisatie can follow them closely now.

The rule is the Uitval page's (`analytics.uitval.vroege_uitval_regel`: at least MIN_TRAJECTEN trajecten that could be
followed VROEG months, and the Wilson 95% lower bound of their early-uitval share above the average: 'duidelijk
hoger'), applied to every traject of the selection since the data begin: the period filter does not apply (the list
is a state, like Lopende trajecten; a period of a year or less leaves hardly a name with enough trajecten), the other
filters do. Without filters a werkgever is compared with the whole region.

Who sees what: the beheerder every organisatie's trajecten with every count exactly; an organisatie only its own
trajecten (never another organisation's trajectnummer or name). A praktijkopleider is named within one organisatie,
so an organisatie's own praktijkopleider's counts are its own. A werkgever's counts may include other organisations'
trajecten: then the organisatie gets the fact that the werkgever is clearly above average, its own counts there, and
the average rounded as shown to others; the werkgever's counts, which with its own would give the others' back, stay
out. Everyone else (gemeente, regio, the presentatiemodus) gets GeenToegang.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, replace

import pandas as pd

from analytics.beschermd import Beschermd
from analytics.filters import Filters
from analytics.onderdrukking import aandeel_getoond, afgeschermd_getal
from analytics.opslag import BEGIN, query
from analytics.uitval import MIN_TRAJECTEN, VROEG, VroegeUitval, vroege_uitval_regel
from toegang import beleid
from toegang.kijker import GeenToegang

SOORTEN = ("werkgever", "praktijkopleider")
EINDE = dt.date(9999, 12, 31)


@dataclass(frozen=True)
class Reden:
    """Why a traject is on the list: its werkgever or praktijkopleider has clearly more early uitval than average."""

    soort: str  # werkgever | praktijkopleider
    naam: str
    trajecten: int | None  # followed VROEG months, in the comparison; None: not for this viewer (others' trajecten)
    uitval: int | None  # of those, uitgevallen within VROEG months; None likewise
    eigen_trajecten: int  # the same counts over the viewer's own trajecten (the beheerder: all)
    eigen_uitval: int

    @property
    def aandeel(self) -> float | None:
        return None if self.trajecten is None else self.uitval / self.trajecten

    @property
    def eigen_aandeel(self) -> float | None:
        return self.eigen_uitval / self.eigen_trajecten if self.eigen_trajecten else None


@dataclass(frozen=True)
class Opvolglijst:
    trajecten: pd.DataFrame  # traject_id, organisatie, startdatum, peildatum, maanden, werkgever, praktijkopleider,
    # redenen (a list of Reden); oldest start first per organisatie
    gemiddelde: float | Beschermd  # early uitval of the comparison, as this viewer may see it; NaN: none to follow
    beoordeeld: int  # werkgevers and praktijkopleiders with at least MIN_TRAJECTEN trajecten to compare
    duidelijk_hoger: int  # of those, clearly above average
    in_eerste_maanden: int  # the viewer's lopende trajecten in their first VROEG months (in the selection)


def vergelijking(filters: Filters) -> Filters:
    """The selection the rule is computed over: the filters' selection, every startdatum (see the module's text)."""
    return replace(filters, van=BEGIN, tot=EINDE)


def volle_maanden(start: dt.date, peildatum: dt.date) -> int:
    """Whole months from the start to the peildatum: 1 August to 31 October is 2 (the third is not complete yet)."""
    maanden = (peildatum.year - start.year) * 12 + peildatum.month - start.month
    return maanden - (peildatum.day < start.day)


def opvolglijst(filters: Filters, min_trajecten: int = MIN_TRAJECTEN) -> Opvolglijst:
    """The viewer's lopende trajecten in their first VROEG months whose werkgever or praktijkopleider has clearly
    more early uitval than the selection's average, each with its reasons (see the module's text)."""
    kijker = filters.kijker
    if not beleid.mag_opvolglijst_zien(kijker):
        raise GeenToegang("De opvolglijst is alleen voor de organisaties (hun eigen trajecten) en de beheerder.")
    alle = beleid.opvolg_organisaties(kijker) is None
    eigen = [] if alle else [o for o in kijker.organisaties if not filters.organisaties or o in filters.organisaties]
    basis = vergelijking(filters)
    regels = {per: vroege_uitval_regel(basis, per, min_trajecten) for per in SOORTEN}
    hoger = {per: regel.boven_gemiddeld[regel.boven_gemiddeld["duidelijk_hoger"]] for per, regel in regels.items()}
    eigen_tellingen = _eigen_tellingen(basis, eigen, alle)
    kandidaten = query("opvolging_lopend", {**filters.parameters(), "maanden": VROEG, "alle": alle, "eigen": eigen})
    redenen = [_redenen(rij, hoger, eigen_tellingen, alle or basis.exact) for rij in kandidaten.itertuples()]
    kandidaten["redenen"] = redenen
    # a boolean Series, not a list: an empty list would select no columns (an organisatie without trajecten: the WSP)
    op_lijst = pd.Series([bool(r) for r in redenen], index=kandidaten.index, dtype=bool)
    lijst = kandidaten[op_lijst].reset_index(drop=True)
    lijst["startdatum"] = pd.to_datetime(lijst["startdatum"]).dt.date
    lijst["peildatum"] = pd.to_datetime(lijst["peildatum"]).dt.date
    lijst["maanden"] = [volle_maanden(s, p) for s, p in zip(lijst["startdatum"], lijst["peildatum"], strict=True)]
    kolommen = ["traject_id", "organisatie", "startdatum", "peildatum", "maanden", "werkgever", "praktijkopleider",
                "redenen"]
    return Opvolglijst(
        lijst[kolommen],
        _gemiddelde(regels["werkgever"], alle or basis.exact),
        sum(regel.beoordeeld for regel in regels.values()),
        sum(len(h) for h in hoger.values()),
        len(kandidaten),
    )


def _eigen_tellingen(basis: Filters, eigen: list[str], alle: bool) -> dict[str, pd.DataFrame]:
    """Per soort, the early uitval per name over the viewer's own trajecten (the beheerder: all of them)."""
    if not alle and not eigen:
        return {per: pd.DataFrame(columns=["naam", "organisatie", "trajecten", "uitval"]) for per in SOORTEN}
    parameters = basis.parameters() if alle else {**basis.parameters(), "organisaties": eigen}
    uit = {}
    for per in SOORTEN:
        df = query("uitval_vroeg_per", {**parameters, "per": per, "maanden": VROEG})
        uit[per] = df[~df["is_totaal"] & df["naam"].notna()]
    return uit


def _redenen(rij, hoger: dict[str, pd.DataFrame], eigen: dict[str, pd.DataFrame], exact: bool) -> list[Reden]:
    """The reasons a candidate traject is on the list: its werkgever and/or its praktijkopleider is clearly above."""
    redenen = []
    for per in SOORTEN:
        naam = getattr(rij, per)
        if naam is None or (isinstance(naam, float) and math.isnan(naam)):
            continue
        gemarkeerd = hoger[per][hoger[per]["naam"] == naam]
        tellingen = eigen[per][eigen[per]["naam"] == naam]
        if per == "praktijkopleider":  # named within one organisatie
            gemarkeerd = gemarkeerd[gemarkeerd["organisatie"] == rij.organisatie]
            tellingen = tellingen[tellingen["organisatie"] == rij.organisatie]
        if gemarkeerd.empty:
            continue
        trajecten, uitval = int(gemarkeerd["trajecten"].iloc[0]), int(gemarkeerd["uitval"].iloc[0])
        eigen_trajecten, eigen_uitval = int(tellingen["trajecten"].sum()), int(tellingen["uitval"].sum())
        alles_eigen = exact or eigen_trajecten == trajecten  # then every count is the viewer's own
        redenen.append(Reden(per, str(naam), trajecten if alles_eigen else None, uitval if alles_eigen else None,
                             eigen_trajecten, eigen_uitval))
    return redenen


def _gemiddelde(regel: VroegeUitval, exact: bool) -> float | Beschermd:
    """The comparison's average as the viewer may see it: exactly when it is all theirs; else rounded as any share
    shown to others (from the exact ratio, never from rounded counts)."""
    if exact or math.isnan(regel.gemiddelde):
        return regel.gemiddelde
    n = regel.trajecten_selectie
    uitval = round(regel.gemiddelde * n)
    return aandeel_getoond(regel.gemiddelde, afgeschermd_getal(uitval, False), afgeschermd_getal(n, False))
