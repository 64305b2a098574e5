"""A region against the country and against regions of similar size (issue 17, point 4), as gemeenten know it from
benchmarks such as Divosa's: the shares that can be compared between regions of any size (uitval binnen N maanden,
uitstroom naar werk), for the arbeidsmarktregio the selection lies in, the regions whose instroom is nearest to its
own, and all regions together. Protected as everywhere: only the beheerder sees these exactly."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from analytics.filters import Filters
from analytics.onderdrukking import afgeschermd
from analytics.opslag import query
from toegang import beleid

VERGELIJKBAAR = 5  # regions of similar size: this many whose instroom in the period is nearest to the region's own
TELLINGEN = ("instroom", "uitval_noemer", "uitval_teller", "beeindigd", "uitstroom_werk")
AANDELEN = {"uitval": ("uitval_teller", "uitval_noemer"), "aandeel_werk": ("uitstroom_werk", "beeindigd")}
REGIO, VERGELIJKBARE, LANDELIJK = "regio", "vergelijkbaar", "landelijk"


@dataclass(frozen=True)
class Regiovergelijking:
    """`tabel`: per `sleutel` ('' for the whole selection, else a sector code) three rows, `soort` regio,
    vergelijkbaar and landelijk, with `groep` (their label), `regio_s` (how many regions the row pools) and the
    shares `uitval` and `aandeel_werk` as this viewer may see them. `vergelijkbare`: the names of the regions of
    similar size, only for a viewer who may see that choice (it follows from exact instroom); else empty."""

    regio: str
    tabel: pd.DataFrame
    vergelijkbare: tuple[str, ...]


def regio_van_selectie(filters: Filters) -> tuple[str, tuple[str, ...]] | None:
    """(the arbeidsmarktregio, its gemeentecodes) when every gemeente of the selection lies in one; else None."""
    regio_s = query("regio_van_selectie", filters.parameters())
    if len(regio_s) != 1:
        return None
    return str(regio_s["regio"].iloc[0]), tuple(regio_s["gemeentecodes"].iloc[0])


def regio_s_met_trajecten() -> int:
    """How many arbeidsmarktregio's have trajecten at all in the store (one: there is no country to compare with)."""
    return int(query("regio_aantal")["regio_s"].iloc[0])


def vergelijkbare_regio_s(instroom: pd.Series, regio: str, aantal: int = VERGELIJKBAAR) -> list[str]:
    """The `aantal` other regions whose instroom is nearest to `regio`'s own (ties by name), by `instroom` per
    region."""
    eigen = float(instroom.get(regio, 0))
    anderen = instroom.drop(regio, errors="ignore")
    afstand = pd.DataFrame({"afstand": (anderen.astype(float) - eigen).abs(), "naam": anderen.index})
    return list(afstand.sort_values(["afstand", "naam"])["naam"].head(aantal))


def regiovergelijking(filters: Filters, uitval_van: dt.date, uitval_tot: dt.date, uitval_maanden: int,
                      per: str = "totaal") -> Regiovergelijking | None:
    """The region of the selection against the regions of similar size and the country, per sector with
    `per='sector'`; None when the selection spans several regions or the store holds only one."""
    gevonden = regio_van_selectie(filters)
    if gevonden is None or regio_s_met_trajecten() < 2:
        return None
    regio, gemeentecodes = gevonden
    per_regio = query("regio_vergelijking", {
        **filters.parameters(), "per": per, "uitval_van": uitval_van, "uitval_tot": uitval_tot,
        "uitval_maanden": uitval_maanden})
    instroom = per_regio.groupby("regio")["instroom"].sum()
    vergelijkbaar = vergelijkbare_regio_s(instroom, regio)
    groepen = {REGIO: [regio], VERGELIJKBARE: vergelijkbaar, LANDELIJK: list(instroom.index)}
    labels = {REGIO: regio, VERGELIJKBARE: f"{len(vergelijkbaar)} regio's van vergelijkbare omvang",
              LANDELIJK: "Landelijk"}
    rijen = []
    for sleutel, deel in per_regio.groupby("sleutel", sort=True, dropna=False):
        for soort, namen in groepen.items():
            som = deel[deel["regio"].isin(namen)][list(TELLINGEN)].sum()
            rijen.append({"sleutel": sleutel, "soort": soort, "groep": labels[soort], "regio_s": len(namen),
                          **{k: int(som[k]) for k in TELLINGEN}})
    tabel = pd.DataFrame(rijen)
    for naam, (teller, noemer) in AANDELEN.items():
        tabel[naam] = tabel[teller] / tabel[noemer].where(tabel[noemer] > 0)
    alles_exact = beleid.ziet_alles_exact(filters.kijker)
    exact = [alles_exact or (soort == REGIO and beleid.ziet_exact(filters.kijker, gemeentecodes))
             for soort in tabel["soort"]]
    zichtbaar = afgeschermd(tabel, filters.kijker, tellingen=TELLINGEN, aandelen=AANDELEN, exact=exact)
    return Regiovergelijking(regio, zichtbaar, tuple(vergelijkbaar) if alles_exact else ())


def per_sleutel_naast_elkaar(tabel: pd.DataFrame) -> pd.DataFrame:
    """One row per sleutel (sector) with `<aandeel>_<soort>` columns (and `<noemer>_<soort>`, the group a share is
    of): the region, the regions of similar size and the country side by side."""
    breed = tabel.pivot(index="sleutel", columns="soort", values=[*AANDELEN, *(n for _, n in AANDELEN.values())])
    breed.columns = [f"{naam}_{soort}" for naam, soort in breed.columns]
    return breed.reset_index()
