"""Sectorvergelijking: per sector the numbers of one half year next to the half year before, for the
half-yearly evaluation with the chain partners (gemeenten, UWV, werkgeversservicepunt, mbo).

Every number is computed by its shared definition (analytics/sql/selectie.sql) in sectoren.sql; this module
only chooses the half years and puts the two half years side by side.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analytics.beschermd import getoonde_reeks, verschil
from analytics.filters import Filters
from analytics.onderdrukking import afgeschermd_met_totaalrij, eerder_per_rij, is_afgeschermd
from analytics.opslag import query, query_ervoor

STRUCTUREEL_K = 6  # metrics.md: structurele vraag = vraag in at least K of the last 12 complete months
UITVAL_MAANDEN = 6

TELLINGEN = ("instroom", "lopend", "praktijkverklaringen", "uitstroom_werk", "structurele_vraag")
AANDELEN = {"uitval6": ("uitval6_teller", "uitval6_noemer"), "aandeel_werk": ("uitstroom_werk", "beeindigd")}


@dataclass(frozen=True, order=True)
class Halfjaar:
    jaar: int
    helft: int  # 1: januari-juni, 2: juli-december

    @classmethod
    def van_datum(cls, datum: dt.date) -> Halfjaar:
        return cls(datum.year, 1 if datum.month <= 6 else 2)

    @classmethod
    def uit_sleutel(cls, sleutel: str) -> Halfjaar:
        """"2026-1" -> Halfjaar(2026, 1)."""
        jaar, helft = sleutel.split("-")
        return cls(int(jaar), int(helft))

    @property
    def sleutel(self) -> str:
        return f"{self.jaar}-{self.helft}"

    @property
    def van(self) -> dt.date:
        return dt.date(self.jaar, 1 if self.helft == 1 else 7, 1)

    @property
    def tot(self) -> dt.date:
        """The last day (inclusive)."""
        return dt.date(self.jaar, 6, 30) if self.helft == 1 else dt.date(self.jaar, 12, 31)

    @property
    def laatste_maand(self) -> dt.date:
        """The first day of the half year's last month (where its 12 months of structurele vraag end)."""
        return self.tot.replace(day=1)

    def vorige(self) -> Halfjaar:
        return Halfjaar(self.jaar, 1) if self.helft == 2 else Halfjaar(self.jaar - 1, 2)


def halfjaar_naam(halfjaar: Halfjaar) -> str:
    """"1e halfjaar 2026": on the pages, in the report and as the name of a column per half year."""
    return f"{halfjaar.helft}e halfjaar {halfjaar.jaar}"


def halfjaren(eerste_start: dt.date, laatste_peildatum: dt.date) -> list[Halfjaar]:
    """The half years the data covers that are complete at the latest peildatum, newest first. The first
    may start before the data does (the page says so); the running half year is not offered."""
    laatste = Halfjaar.van_datum(laatste_peildatum)
    if laatste.tot > laatste_peildatum:
        laatste = laatste.vorige()
    eerste = Halfjaar.van_datum(eerste_start)
    gevonden = []
    while laatste >= eerste:
        gevonden.append(laatste)
        laatste = laatste.vorige()
    return gevonden


def sectoren_in_halfjaar(filters: Filters, halfjaar: Halfjaar, k: int = STRUCTUREEL_K) -> pd.DataFrame:
    """Per sector (and a last row with `totaal` true for the whole selection) the counts of one half year:
    instroom, lopend at its last day, praktijkverklaringen, uitval binnen 6 maanden (teller and noemer),
    uitstroom naar werk and beëindigd, and structurele vraag in places per month. The period of `filters`
    is not used: the half year is the period."""
    return query("sectoren", _parameters(filters, halfjaar, k))


def _parameters(filters: Filters, halfjaar: Halfjaar, k: int) -> dict:
    return {**filters.parameters(), "van": halfjaar.van, "tot": halfjaar.tot, "laatste_maand": halfjaar.laatste_maand,
            "k": k}


def _eerder(samen: pd.DataFrame, filters: Filters, halfjaar: Halfjaar, k: int) -> pd.DataFrame:
    """Per row of the comparison: what its sector (or the whole selection) counted before this half year and
    before the one before (`_vorig`), for the counts that add up over time (not lopend: a state)."""
    delen = []
    for achtervoegsel, deel in (("", halfjaar), ("_vorig", halfjaar.vorige())):
        ervoor = query_ervoor("sectoren", _parameters(filters, deel, k)).rename(
            columns={n: f"{n}{achtervoegsel}" for n in OPTELBAAR})
        ervoor["sleutel"] = ervoor["sector"].where(~ervoor["totaal"].astype(bool), None).fillna("(totaal)")
        delen.append(eerder_per_rij(samen.assign(sleutel=samen["sector"].fillna("(totaal)")),
                                    [f"{n}{achtervoegsel}" for n in OPTELBAAR], ("sleutel",), ervoor))
    return pd.concat(delen, axis=1)


def sectorvergelijking(
    filters: Filters, halfjaar: Halfjaar, eerste_start: dt.date, k: int = STRUCTUREEL_K
) -> pd.DataFrame:
    """One row per sector with any number in this half year or the one before, ordered by instroom in this
    half year (largest first), and the whole selection as last row (`totaal` true, sector None).

    Columns: the counts of `sectoren_in_halfjaar`, the shares `uitval6` (NaN when no traject could be followed
    6 months yet) and `aandeel_werk` (NaN without ended trajecten), each also as `<naam>_vorig` for the half year
    before and `<naam>_verschil` (this minus the one before; NaN when either is missing). When the half year
    before lies wholly before the data (`eerste_start`), its columns are NaN: zero would be a false comparison.
    """
    nu = _met_aandelen(sectoren_in_halfjaar(filters, halfjaar, k))
    vorige = halfjaar.vorige()
    te_vergelijken = vorige.tot >= eerste_start
    vorig = _met_aandelen(sectoren_in_halfjaar(filters, vorige, k)) if te_vergelijken else nu.iloc[0:0]
    samen = nu.merge(vorig, on=["totaal", "sector"], how="outer", suffixes=("", "_vorig"))
    if te_vergelijken:
        for naam in (*TELLINGEN, "uitval6_teller", "uitval6_noemer", "beeindigd"):
            samen[naam] = samen[naam].fillna(0)
            samen[f"{naam}_vorig"] = samen[f"{naam}_vorig"].fillna(0)
    for naam in (*TELLINGEN, *AANDELEN):
        samen[f"{naam}_verschil"] = samen[naam] - samen[f"{naam}_vorig"]
    # A sector with nothing to show in either half year is left out (a sector can have vraag but no trajecten).
    tellingen = [*TELLINGEN, "beeindigd"]
    iets = samen[[*tellingen, *(f"{n}_vorig" for n in tellingen)]].fillna(0).abs().sum(axis=1) > 0
    samen = samen[samen["totaal"] | iets]
    samen = samen.sort_values(["totaal", "instroom", "lopend", "sector"], ascending=[True, False, False, True])
    for naam in ("instroom", "lopend", "praktijkverklaringen", "uitval6_teller", "uitval6_noemer", "uitstroom_werk",
                 "beeindigd"):
        samen[naam] = samen[naam].astype(int)
    samen["sector"] = samen["sector"].astype(object).where(~samen["totaal"], None)
    samen = samen.reset_index(drop=True)
    return _afgeschermd(samen, filters, None if filters.exact else _eerder(samen, filters, halfjaar, k))


MENSEN = ("instroom", "lopend", "praktijkverklaringen", "uitstroom_werk", "uitval6_teller", "uitval6_noemer",
          "beeindigd")  # counts of people (structurele vraag counts places of employers: not hidden)
OPTELBAAR = tuple(n for n in MENSEN if n != "lopend")  # they add up over time; lopend is a state


def _afgeschermd(samen: pd.DataFrame, filters: Filters, eerder: pd.DataFrame | None) -> pd.DataFrame:
    """The comparison as the viewer may see it: per half year the sectors as a table whose column totals are
    published (the row for the whole selection, shaped on its own); a change is hidden where either side is
    (it would give the hidden one away)."""
    uit = samen
    for achtervoegsel in ("", "_vorig"):
        uit = afgeschermd_met_totaalrij(
            uit, filters.kijker, "totaal", exact=filters.exact, eerder=eerder,
            tellingen=[f"{n}{achtervoegsel}" for n in MENSEN],
            aandelen={f"{a}{achtervoegsel}": (f"{t}{achtervoegsel}", f"{n}{achtervoegsel}")
                      for a, (t, n) in AANDELEN.items()},
        )
    for naam in (*TELLINGEN, *AANDELEN):  # the change as shown: hidden where either side is, else with its range
        uit[f"{naam}_verschil"] = pd.Series(
            [None if pd.isna(oud) or _verborgen(a) or _verborgen(b) else verschil(a, b)
             for a, b, oud in zip(uit[naam], uit[f"{naam}_vorig"], uit[f"{naam}_verschil"], strict=True)],
            index=uit.index, dtype=object)
    # sectors ordered by what is shown (hidden counts last, by name): their true order would rank the hidden ones
    volgorde = pd.DataFrame({"totaal": uit["totaal"], **{naam: -pd.Series(getoonde_reeks(uit[naam]), index=uit.index)
                                                         .fillna(-1) for naam in ("instroom", "lopend")},
                             "sector": uit["sector"].fillna("")})
    return uit.loc[volgorde.sort_values(list(volgorde.columns), kind="stable").index].reset_index(drop=True)


def _verborgen(waarde: object) -> bool:
    return is_afgeschermd(waarde) or waarde is None


def _met_aandelen(tellingen: pd.DataFrame) -> pd.DataFrame:
    """The counts with the shares computed from their own teller and noemer (NaN when the noemer is 0)."""
    tellingen = tellingen.copy()
    for naam, (teller, noemer) in AANDELEN.items():
        tellingen[naam] = tellingen[teller] / tellingen[noemer].replace(0, np.nan)
    return tellingen


def vraag_bekend_vanaf() -> dt.date | None:
    """The first month with vraag in the store (structurele vraag over a window before it is incomplete)."""
    eerste = query("sectoren_vraaggrenzen")["eerste_maand"].iloc[0]
    return None if pd.isna(eerste) else pd.Timestamp(eerste).date()
