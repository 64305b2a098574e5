"""Werkgeversvraag: vraag per month, structurele vraag (K of the last 12 complete months) and vraag
against instroom per sector. The rule itself is written once, in selectie.sql (vraag_laatste_12,
is_structureel); these functions only ask it questions.

Vraag comes from the werkgeversservicepunt: only the regio, gemeente and sector filters apply to it
(vraag_in_selectie). The months are not the chosen period but a window that ends at the last complete
month of that period, and never after the latest month present in the vraag data (`vraagvenster`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from analytics.beschermd import Beschermd, geschaald, getoond, getoonde_reeks, is_beschermd, minstens, verschil
from analytics.filters import Filters
from analytics.onderdrukking import afgeschermd, afgeschermd_getal, eerder_per_rij
from analytics.opslag import query, query_ervoor
from analytics.perioden import binnen_bereik, laatste_volledige_maand
from basis import datumgrenzen

K_STANDAARD = 6
HEATMAP_MAANDEN = 24
STRUCTUREEL_MAANDEN = 12


@dataclass(frozen=True)
class Venster:
    """A run of whole months: `eerste` and `laatste` are the first days of the first and last month."""

    eerste: dt.date
    laatste: dt.date

    @property
    def einde(self) -> dt.date:
        """The last day of the last month."""
        return (pd.Timestamp(self.laatste) + pd.offsets.MonthEnd(0)).date()


def laatste_vraagmaand() -> dt.date | None:
    """The latest month in the vraag data (its first day), or None when no vraag is loaded."""
    waarde = query("vraag_laatste_maand")["laatste_maand"].iloc[0]
    if pd.isna(waarde):
        return None
    return binnen_bereik(pd.Timestamp(waarde).date(), datumgrenzen.laatste_vraagmaand())


def eerste_vraagmaand() -> dt.date | None:
    """The first month in the vraag data (its first day), or None when no vraag is loaded."""
    waarde = query("vraag_laatste_maand")["eerste_maand"].iloc[0]
    return None if pd.isna(waarde) else binnen_bereik(pd.Timestamp(waarde).date(), datumgrenzen.laatste_vraagmaand())


def vraag_per_jaar(filters: Filters, venster: Venster, jaren: int = 3) -> pd.DataFrame:
    """Vraag per sector per calendar year, for the last `jaren` years up to and including `venster.laatste`: sector,
    jaar, eerste and laatste (first days of the first and last month of the year with vraag data), maanden (how
    many), totaal (places asked in those months) and gemiddeld_per_maand (totaal / maanden). A year counts only the
    months the vraag data covers: the running year up to `venster.laatste`, the first year from the first month."""
    eerste_data = eerste_vraagmaand()
    if eerste_data is None:
        return pd.DataFrame(columns=["sector", "jaar", "eerste", "laatste", "maanden", "totaal",
                                     "gemiddeld_per_maand"])
    eerste = max(dt.date(venster.laatste.year - jaren + 1, 1, 1), eerste_data)
    per_maand = vraag_per_maand(filters, Venster(eerste, venster.laatste), "sector")
    maand = pd.to_datetime(per_maand["maand"])
    per_maand = per_maand.assign(jaar=maand.dt.year, maand=maand)
    tabel = per_maand.groupby(["sector", "jaar"], as_index=False).agg(
        eerste=("maand", "min"), laatste=("maand", "max"), maanden=("maand", "nunique"), totaal=("aantal", "sum"))
    tabel["eerste"] = tabel["eerste"].dt.date
    tabel["laatste"] = tabel["laatste"].dt.date
    tabel["totaal"] = tabel["totaal"].astype(int)
    tabel["gemiddeld_per_maand"] = tabel["totaal"] / tabel["maanden"]
    return tabel.sort_values(["sector", "jaar"]).reset_index(drop=True)


def vraagvenster(filters: Filters, maanden: int = STRUCTUREEL_MAANDEN) -> Venster | None:
    """The `maanden` months ending at the last complete month on or before the end of the chosen period,
    but not after the latest month in the vraag data; None when no vraag is loaded."""
    laatste_data = laatste_vraagmaand()
    if laatste_data is None:
        return None
    laatste = min(laatste_volledige_maand(filters.tot).replace(day=1), laatste_data)
    eerste = (pd.Timestamp(laatste) - pd.DateOffset(months=maanden - 1)).date()
    return Venster(eerste, laatste)


def vraag_per_maand(filters: Filters, venster: Venster, per: str = "sector") -> pd.DataFrame:
    """Vraag (sum of aantal) per month in the window, per sector (`per='sector'`) or per (sector, beroep)
    (`per='beroep'`): columns sector, beroep (None per sector), maand, aantal; 0 for a month without vraag."""
    if per not in ("sector", "beroep"):
        raise ValueError(f"per is 'sector' of 'beroep', niet {per!r}")
    antwoord = query(
        "vraag_per_maand",
        {**filters.parameters(), "eerste_maand": venster.eerste, "laatste_maand": venster.laatste, "per": per},
    )
    antwoord["aantal"] = antwoord["aantal"].astype(int)
    return antwoord


def structurele_vraag(filters: Filters, venster: Venster, k: int = K_STANDAARD, per: str = "beroep") -> pd.DataFrame:
    """The structurele (sector, beroep) groups (`per='beroep'`) or werkgevers (`per='werkgever'`, sector is
    then None) in the 12-month window ending at `venster.laatste`: sector, naam, maanden_met_vraag,
    gemiddeld_per_maand, per_maand (12 numbers), laatste_6, vorige_6, trend ('meer', 'minder', 'gelijk'),
    sectoren (list of codes); sorted by maanden_met_vraag, then gemiddeld_per_maand, both descending."""
    if per not in ("beroep", "werkgever"):
        raise ValueError(f"per is 'beroep' of 'werkgever', niet {per!r}")
    if not 1 <= k <= STRUCTUREEL_MAANDEN:
        raise ValueError(f"K is 1 tot en met 12, niet {k}")
    return query(
        "vraag_structureel",
        {**filters.parameters(), "laatste_maand": venster.laatste, "k": int(k), "per": per},
    )


def vraag_en_aanbod(filters: Filters, venster: Venster, k: int = K_STANDAARD) -> pd.DataFrame:
    """Per sector over the 12-month window: vraag_per_maand (structurele vraag: the sum of the averages of
    its structurele groups), beroepen (how many such groups), instroom (trajecten started in the window,
    all filters), instroom_per_maand, tekort_per_maand (vraag minus instroom) and gedekt (instroom >= vraag).
    Instroom counts people: as the viewer may see it (hidden where small, rounded for whoever does not own it);
    the gap, gedekt and the order follow from the instroom as shown, so they give nothing more away."""
    tabel = _vraag_en_aanbod(filters, venster, k)
    zichtbaar = afgeschermd(
        tabel, filters.kijker, tellingen=("instroom",), exact=filters.exact,
        afgeleid={"instroom_per_maand": "instroom"},
        eerder=None if filters.exact else eerder_per_rij(tabel, ("instroom",), ("sector",),
                                                         _instroom_ervoor(filters, venster)),
    )
    # the gap with its range, and gedekt on which side of the vraag the instroom lies, for every true instroom the
    # viewer's numbers allow (None: not to decide, or hidden: with a small vraag it would pin a hidden one)
    zichtbaar["tekort_per_maand"] = pd.Series([verschil(v, i) for v, i in zip(
        zichtbaar["vraag_per_maand"], zichtbaar["instroom_per_maand"], strict=True)], index=zichtbaar.index,
        dtype=object)
    zichtbaar["gedekt"] = pd.Series([None if getoond(i) is None else minstens(i, v) for v, i in zip(
        zichtbaar["vraag_per_maand"], zichtbaar["instroom_per_maand"], strict=True)], index=zichtbaar.index,
        dtype=object)
    per_maand = pd.Series(getoonde_reeks(zichtbaar["instroom_per_maand"]), index=zichtbaar.index)
    tekort = pd.Series(getoonde_reeks(zichtbaar["tekort_per_maand"]), index=zichtbaar.index)
    volgorde = pd.DataFrame({"gedekt": zichtbaar["gedekt"].map(lambda g: 2 if g is None else int(g)),
                             "tekort": -tekort.fillna(0).where(zichtbaar["gedekt"].eq(False), 0),
                             "vraag": -zichtbaar["vraag_per_maand"], "instroom": -per_maand.fillna(0),
                             "sector": zichtbaar["sector"].fillna("")})
    return zichtbaar.loc[volgorde.sort_values(list(volgorde.columns), kind="stable").index].reset_index(drop=True)


def _instroom_ervoor(filters: Filters, venster: Venster) -> pd.DataFrame:
    """Per sector: the instroom of the selection before the window (what came before, for the rounding)."""
    parameters = {**filters.parameters(), "van": venster.eerste, "tot": venster.einde, "periode": "jaar",
                  "dimensie": "sector"}
    return query_ervoor("instroom_per_periode", parameters).rename(columns={"groep": "sector"})


def _vraag_en_aanbod(filters: Filters, venster: Venster, k: int) -> pd.DataFrame:
    return query("vraag_en_aanbod", {**filters.parameters(), "laatste_maand": venster.laatste, "k": int(k)})


@dataclass(frozen=True)
class Vraagbalans:
    """The page's headline numbers for the 12-month window."""

    vraag: int  # places asked in the 12 months (Vraag)
    structurele_groepen: int  # (sector, beroep) groups that are structureel under K
    structureel_per_maand: float  # the sum of their averages per month
    instroom: int | Beschermd  # trajecten of the selection started in the 12 months (protected for others)

    @property
    def instroom_per_maand(self) -> float | Beschermd | None:
        if is_beschermd(self.instroom):
            return None if self.instroom.verborgen else geschaald(self.instroom, 1 / STRUCTUREEL_MAANDEN)
        return self.instroom / STRUCTUREEL_MAANDEN


def vraagbalans(filters: Filters, venster: Venster, k: int = K_STANDAARD) -> Vraagbalans:
    """Totals of the answers above, so the tiles and the tables cannot disagree."""
    per_maand = vraag_per_maand(filters, venster, "sector")
    structureel = structurele_vraag(filters, venster, k, "beroep")
    aanbod = _vraag_en_aanbod(filters, venster, k)
    return Vraagbalans(
        vraag=int(per_maand["aantal"].sum()),
        structurele_groepen=len(structureel),
        structureel_per_maand=float(structureel["gemiddeld_per_maand"].sum()),
        instroom=afgeschermd_getal(int(aanbod["instroom"].sum()), filters.exact,
                                   eerder=0 if filters.exact else int(_instroom_ervoor(filters, venster)["instroom"]
                                                                      .sum())),
    )
