"""The cell key method (ABS TableBuilder; the ONS publishes it as `cell-key-perturbation`), written out small so
bench/bench_afscherming.py can compare it with the cumulative rounding of analytics/onderdrukking.py on the same
figures. No page uses it.

Every record has a fixed random key in [0, 1) (here a salted hash of the traject, bench/sql/trajecten_records.sql).
A cell's key is the sum of the keys of its records modulo 1, so the same cell (the same records) always gets the
same key, and with it the same noise, whoever asks and however often; another cell (another period, another
selection) gets an independent key. The perturbation table maps (count, cell key) to a noise between -D and +D:
symmetric for counts from the threshold plus D up, and for the counts just above the threshold only the noises that
keep the count at or above it (renormalised). Counts of 1 to 4 are still hidden as "<5"; 0 is shown as 0 (as ABS
does: it has no records to perturb). Shown this way, a count says its true value lies within D of it (and at
least the threshold); shares are the ratio of the two perturbed counts, with the range of every ratio the two
ranges allow. Everything is returned as `Beschermd`, so conclusions are decided by the same helpers as the read
side's (`minstens`, `verschil`, `richting`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from analytics.beschermd import Beschermd, klein

D = 2
P_TABEL = {-2: 0.1, -1: 0.2, 0: 0.4, 1: 0.2, 2: 0.1}  # probability of each noise for counts far from the threshold


def celsleutel(sleutels: Iterable[float]) -> float:
    """The key of a cell: the sum of its records' keys, modulo 1."""
    return math.fsum(sleutels) % 1.0


def ruis(aantal: int, sleutel: float, grens: int = 5) -> int:
    """The noise the perturbation table gives this count with this cell key: the noise whose cumulative
    probability band holds the key (noises that would take the count below the threshold left out)."""
    mogelijk = {e: p for e, p in P_TABEL.items() if aantal + e >= grens}
    totaal = math.fsum(mogelijk.values())
    cumulatief = 0.0
    for e in sorted(mogelijk):
        cumulatief += mogelijk[e] / totaal
        if sleutel < cumulatief:
            return e
    return max(mogelijk)


def verstoord(aantal: int, sleutel: float, grens: int = 5, nul_tonen: bool = True) -> Beschermd:
    """A count as shown under the cell key method: "<5" for 1 to 4, 0 as 0 (`nul_tonen`; else "<5" too, as the
    read side does), else the count plus its noise, with the range of true counts that can be shown so."""
    if aantal == 0 and nul_tonen:
        return Beschermd(0.0, 0.0, 0.0)
    if aantal < grens:
        return klein(grens)
    getoond = aantal + ruis(aantal, sleutel, grens)
    return Beschermd(float(getoond), float(max(grens, getoond - D)), float(getoond + D))


def aandeel_verstoord(teller: Beschermd, noemer: Beschermd) -> Beschermd | None:
    """teller / noemer from the perturbed counts, with the lowest and highest ratio their ranges allow (a teller is
    never above its noemer); None when either is hidden or the noemer is 0."""
    if teller.verborgen or noemer.verborgen or not noemer.getoond:
        return None
    getoond = min(1.0, teller.getoond / noemer.getoond)
    laag = teller.laag / noemer.hoog
    hoog = 1.0 if noemer.laag == 0 else min(1.0, teller.hoog / noemer.laag)
    return Beschermd(getoond, laag, hoog, aandeel=True)
