"""The shared filters: one definition, used by every question the read side answers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace

from toegang import beleid
from toegang.kijker import Kijker

DIMENSIES = ("regio", "gemeenten", "organisaties", "sectoren", "doelgroepen", "stromen", "routes")


@dataclass(frozen=True)
class Filters:
    """Period (by startdatum unless a number says otherwise) plus the selections; empty = everything."""

    van: dt.date
    tot: dt.date  # inclusive
    regio: tuple[str, ...] = ()
    gemeenten: tuple[str, ...] = ()  # gemeentecodes
    organisaties: tuple[str, ...] = ()
    sectoren: tuple[str, ...] = ()
    doelgroepen: tuple[str, ...] = ()
    stromen: tuple[str, ...] = ()
    routes: tuple[str, ...] = ()
    # who is looking: decides which numbers are exact and which are suppressed (not an SQL parameter)
    kijker: Kijker | None = field(default=None, compare=True)

    def parameters(self) -> dict[str, object]:
        """Bound parameters for the SQL in analytics/sql (lists for the selections)."""
        return {f.name: list(getattr(self, f.name)) if f.name in DIMENSIES else getattr(self, f.name)
                for f in fields(self) if f.name != "kijker"}

    @property
    def exact(self) -> bool:
        """Does the viewer see this whole selection exactly (beheerder, or a gemeente or organisatie looking only at
        its own)?"""
        return beleid.ziet_exact(self.kijker, self.gemeenten, self.organisaties)

    def exact_per_gemeente(self, gemeentecodes) -> list[bool]:
        """Per row of a table per gemeente (within this selection): does the viewer see that gemeente's row exactly?"""
        return [beleid.ziet_exact(self.kijker, [code], self.organisaties) for code in gemeentecodes]

    def jaar_eerder(self) -> Filters:
        """The same selection, one year earlier (for the change against last year)."""
        return replace(self, van=een_jaar_eerder(self.van), tot=een_jaar_eerder(self.tot))

    def met_periode(self, van: dt.date, tot: dt.date) -> Filters:
        return replace(self, van=van, tot=tot)


def een_jaar_eerder(datum: dt.date) -> dt.date:
    try:
        return datum.replace(year=datum.year - 1)
    except ValueError:  # 29 February
        return datum.replace(year=datum.year - 1, day=28)
