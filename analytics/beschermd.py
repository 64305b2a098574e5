"""A protected number: what the read side returns for a number its viewer does not own (metrics.md, small numbers).

A count shown to others is rounded (`onderdrukking.afgerond`) or hidden ("<5", "x"); a share is the exact ratio
rounded to 5 percentage points, or hidden. Either way the viewer knows only a range of true values, and whatever a
page concludes from the number (op koers, gedekt, an order, an arrow) must hold for every value in it. So the read
side does not hand such a number over as an int or a "<5" string a page might compute with, but as a `Beschermd`: the
number shown (None when hidden), the lowest and highest true value consistent with what is shown, and the marker
shown when hidden. It has no arithmetic and no truth value: a page that adds, subtracts, sorts or tests one by
accident gets a TypeError, and asks the functions here instead (`getoond` for a chart, `bereik`, `minstens`, `verschil`,
`onzekere_groepen`).
Numbers the viewer owns stay plain ints and floats; the functions here take both. Formatting happens at the edge
(weergave/formaat.py, weergave/downloads.py).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

AANDEEL_STAP = 0.05  # a share shown to others: the exact ratio rounded to 5 percentage points


@dataclass(frozen=True, eq=False, slots=True)
class Beschermd:
    """A number as shown to someone who does not own it. `getoond`: the number shown (None when hidden); `laag` and
    `hoog`: the true value lies between them (inclusive; math.inf: no upper bound); `teken`: what is shown when
    hidden ("<5", "x", "–"); `aandeel`: a share (0 to 1) rather than a count."""

    getoond: float | None
    laag: float
    hoog: float
    teken: str = ""
    aandeel: bool = False

    @property
    def verborgen(self) -> bool:
        return self.getoond is None

    def __eq__(self, ander: object) -> bool:
        if isinstance(ander, str):  # a hidden value equals its marker: tabel["instroom"] == "<5"
            return self.verborgen and self.teken == ander
        if isinstance(ander, Beschermd):
            return (self.getoond, self.laag, self.hoog, self.teken, self.aandeel) == (
                ander.getoond, ander.laag, ander.hoog, ander.teken, ander.aandeel)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.getoond, self.laag, self.hoog, self.teken, self.aandeel))

    def __bool__(self) -> bool:
        raise TypeError("Een beschermd getal heeft geen waarheidswaarde: vraag bereik() of minstens().")

    def __str__(self) -> str:
        """What is shown, plainly: the marker, or the number ("30", "0.35"); Dutch formatting is weergave's."""
        if self.verborgen:
            return self.teken
        return f"{self.getoond:g}"

    def __repr__(self) -> str:
        if self.verborgen:
            return f"Beschermd({self.teken!r}, {self.laag:g}..{self.hoog:g})"
        return f"Beschermd({self.getoond:g}, {self.laag:g}..{self.hoog:g})"


def klein(grens: int) -> Beschermd:
    """A count below the threshold (0 included), shown as "<5"."""
    return Beschermd(None, 0.0, float(grens - 1), f"<{grens}")


def afgeschermd_teken() -> Beschermd:
    """A count hidden so a small one cannot be worked out ("x"): anything from 0 up."""
    return Beschermd(None, 0.0, math.inf, "x")


def afgerond_aantal(getoond: int, grens: int) -> Beschermd:
    """A count shown rounded (`onderdrukking.afgerond`): within the threshold minus one of the truth, and never below
    the threshold (smaller ones are "<5")."""
    return Beschermd(float(getoond), float(max(getoond - (grens - 1), grens)), float(getoond + grens - 1))


def afgerond_aandeel(exact: float, stap: float = AANDEEL_STAP) -> Beschermd:
    """A share as shown to others: the exact ratio rounded to `stap` (halves up); the truth lies within half a step."""
    getoond = math.floor(exact / stap + 0.5 + 1e-9) * stap
    return Beschermd(round(getoond, 10), max(0.0, getoond - stap / 2), min(1.0, getoond + stap / 2), aandeel=True)


def geschaald(waarde: Beschermd, factor: float, aandeel: bool = False) -> Beschermd:
    """A number proportional to a protected count (that count times an exactly known factor): its range scales."""
    getoond = None if waarde.getoond is None else waarde.getoond * factor
    hoog = math.inf if math.isinf(waarde.hoog) else waarde.hoog * factor
    return Beschermd(getoond, waarde.laag * factor, hoog, waarde.teken, aandeel)


def is_beschermd(waarde: object) -> bool:
    return isinstance(waarde, Beschermd)


def is_verborgen(waarde: object) -> bool:
    """A hidden number ("<5", "x", "–"): nothing to draw."""
    return isinstance(waarde, Beschermd) and waarde.verborgen


def is_leeg(waarde: object) -> bool:
    return waarde is None or (isinstance(waarde, float) and math.isnan(waarde))


def getoond(waarde: object) -> float | None:
    """The number to draw: the shown one, the exact one, or None (hidden or missing)."""
    if isinstance(waarde, Beschermd):
        return waarde.getoond
    if is_leeg(waarde):
        return None
    try:
        return float(waarde)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def getoonde_reeks(waarden: Iterable) -> list[float]:
    """Per value the number to draw, NaN where there is none (for a chart's y or a sort)."""
    return [math.nan if (g := getoond(w)) is None else g for w in waarden]


def getoonde_getallen(waarden):
    """A column as the numbers to draw (a float pd.Series, NaN where hidden or missing), with its index."""
    import pandas as pd

    return pd.Series(getoonde_reeks(waarden), index=getattr(waarden, "index", None), dtype=float)


def bereik(waarde: object) -> tuple[float, float]:
    """The lowest and highest true value: an exact number is its own range; a missing one is (nan, nan)."""
    if isinstance(waarde, Beschermd):
        return waarde.laag, waarde.hoog
    g = getoond(waarde)
    return (math.nan, math.nan) if g is None else (g, g)


def minstens(a: object, b: object) -> bool | None:
    """Is a >= b for every true value of both? True, False (a < b for every one), or None: not to decide."""
    a_laag, a_hoog = bereik(a)
    b_laag, b_hoog = bereik(b)
    if any(math.isnan(x) for x in (a_laag, a_hoog, b_laag, b_hoog)):
        return None
    if a_laag >= b_hoog:
        return True
    if a_hoog < b_laag:
        return False
    return None


def verschil(a: object, b: object) -> Beschermd | float | None:
    """a - b: exact when both are, else the difference of what is shown with the range of every true difference;
    None when either side is hidden or missing (the change would give a hidden one away)."""
    if getoond(a) is None or getoond(b) is None:
        return None
    if not isinstance(a, Beschermd) and not isinstance(b, Beschermd):
        return getoond(a) - getoond(b)
    a_laag, a_hoog = bereik(a)
    b_laag, b_hoog = bereik(b)
    aandeel = any(isinstance(w, Beschermd) and w.aandeel for w in (a, b))
    return Beschermd(getoond(a) - getoond(b), a_laag - b_hoog, a_hoog - b_laag, aandeel=aandeel)


def richting(waarde: object) -> int | None:
    """The sign of a change for every true value: 1 up, -1 down, 0 none (exactly 0), None not to decide."""
    laag, hoog = bereik(waarde)
    if math.isnan(laag):
        return None
    if laag > 0:
        return 1
    if hoog < 0:
        return -1
    if laag == hoog == 0:
        return 0
    return None


def onzekere_paren(waarden: Sequence, namen: Sequence[str]) -> list[tuple[str, str]]:
    """For values listed in the order a page shows them (largest first): the neighbours whose order is not certain
    for every true value (the lower one may be larger). Hidden values are left out: a page lists them apart."""
    zichtbaar = [(w, n) for w, n in zip(waarden, namen, strict=True) if getoond(w) is not None]
    paren = zip(zichtbaar, zichtbaar[1:], strict=False)
    return [(n1, n2) for (w1, n1), (w2, n2) in paren if minstens(w1, w2) is not True]


def onzekere_groepen(waarden: Sequence, namen: Sequence[str]) -> list[list[str]]:
    """The runs of values (in the order shown, largest first) whose order among themselves is not certain: neighbours
    joined where their order is not certain. Between runs it is: if a >= b and b >= c hold for every true value, so
    does a >= c. A reader compares bars that are not neighbours too, so a page names each run as a whole."""
    groepen: list[list[str]] = []
    vorige = None
    for n1, n2 in onzekere_paren(waarden, namen):
        if groepen and vorige == n1:
            groepen[-1].append(n2)
        else:
            groepen.append([n1, n2])
        vorige = n2
    return groepen
