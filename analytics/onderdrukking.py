"""Small numbers (metrics.md), decided in one place for screen and downloads alike.

A count of 1 to 4 (below the threshold) is shown as "<5" to anyone who does not own the data; a
percentage whose denominator is below 10 is not shown, nor one whose numerator is a hidden count
(numerator = percentage x denominator); and a cell that could be recovered from a published total
and its visible neighbours is hidden too (secondary suppression, shown as "x"). Cells the viewer
may see exactly anyway (their own gemeente) protect nothing, so they never count as hiding a cell.

Every other count shown to someone who does not own it is rounded to a multiple of the threshold
(5, 10, 15, ...; CBS style), and its shares are computed from the rounded counts. Without that, two
totals of the same selection over different periods ("dit jaar tot nu" minus January to September)
would give the small count of the months between them back, and no suppression within one table can
stop that. With rounding, such a difference is only known to lie in a range of nine.

The functions here are pure (numbers in, markings out); which viewer sees what exactly is decided
by the caller through `bekend` (cells this viewer may see exactly).
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from scipy.optimize import linprog

MIN_NOEMER = 10
PRIMAIR = "<{drempel}"
SECUNDAIR = "x"


def drempel() -> int:
    """The threshold below which a count is hidden: DASHBOARD_DREMPEL, default 5."""
    return int(os.environ.get("DASHBOARD_DREMPEL", "5"))


@dataclass(frozen=True)
class Markering:
    """Per cell: "" (shown), "<5" (a small count) or "x" (hidden so the small one cannot be recovered, or a small
    one hidden without saying it is small, where "1 to 4" would give it away)."""

    cellen: np.ndarray  # object array of str, same length as the values
    totaal_verborgen: np.ndarray  # per line: its published total must be hidden entirely ("x")
    totaal_klein: np.ndarray  # per line: its total is small, shown as "<5" (which still says 1 to 4)


def markering(
    waarden: Sequence[float],
    lijnen: Sequence[Sequence[int]],
    bekend: Sequence[bool] | None = None,
    grens: int | None = None,
    afgeronde_totalen: bool = False,
) -> Markering:
    """Mark the cells to hide. `lijnen` are the groups of cell indexes whose sum is published
    (a column with a total row, a tile that is the sum of a table); `bekend` the cells this viewer
    sees exactly anyway. A small total is published too, as "<5": its cells add up to 1 to 4.
    `afgeronde_totalen`: the totals are shown rounded (`afgerond`), so they say only a range of sums (the
    shown cells are still taken as known exactly: that errs on the safe side)."""
    grens = drempel() if grens is None else grens
    v = np.asarray(waarden, dtype=float)
    bekend_ = np.zeros(len(v), bool) if bekend is None else np.asarray(bekend, bool)
    primair = (v >= 1) & (v < grens) & ~bekend_
    secundair = np.zeros(len(v), bool)
    totaal_verborgen = np.zeros(len(lijnen), bool)
    totaal_klein = np.array([1 <= v[list(lijn)].sum() < grens and not bekend_[list(lijn)].all() for lijn in lijnen],
                            bool)
    while True:
        verborgen = (primair | secundair) & ~bekend_
        # cheap first: a line with an exact total and exactly one hidden cell gives it away at once
        terug_te_rekenen = [] if afgeronde_totalen else eenzame_cellen(
            lijnen, verborgen, totaal_verborgen | totaal_klein)[:1]
        if not terug_te_rekenen:  # then the thorough check, for what several lines together give away
            terug_te_rekenen = vastgepinde_cellen(v, lijnen, verborgen, primair & ~secundair, totaal_verborgen,
                                                  grens, totaal_klein, afgeronde_totalen)
        if not terug_te_rekenen:
            break
        for cel in terug_te_rekenen:
            afgedekt(cel, v, lijnen, verborgen, bekend_, secundair, totaal_verborgen, primair)
    cellen = np.full(len(v), "", dtype=object)
    cellen[primair] = PRIMAIR.format(drempel=grens)
    cellen[secundair] = SECUNDAIR
    return Markering(cellen, totaal_verborgen, totaal_klein & ~totaal_verborgen)


def percentage_zichtbaar(teller: float, noemer: float, exact: bool, grens: int | None = None) -> bool:
    """A share may be shown when the viewer sees it exactly, or its denominator is at least 10 and
    its numerator is not a hidden count."""
    if exact:
        return noemer > 0
    grens = drempel() if grens is None else grens
    return noemer >= MIN_NOEMER and not (1 <= teller < grens)


def kolomlijnen(aantal_rijen: int, aantal_kolommen: int) -> list[list[int]]:
    """Lines for a table stored row by row whose every column has a published total."""
    return [[r * aantal_kolommen + k for r in range(aantal_rijen)] for k in range(aantal_kolommen)]


def tabelmarkering(tabel: pd.DataFrame, kolommen: Sequence[str], bekend_rij: Sequence[bool] | None = None,
                   grens: int | None = None) -> tuple[pd.DataFrame, pd.Series]:
    """For a table whose count columns each have a published total (the sum over its rows): the
    marking per cell and, per column, whether its total is not shown as a number ("<5" or "x")."""
    waarden = tabel[list(kolommen)].to_numpy(dtype=float).ravel()
    bekend = None if bekend_rij is None else np.repeat(np.asarray(bekend_rij, bool), len(kolommen))
    m = markering(waarden, kolomlijnen(len(tabel), len(kolommen)), bekend, grens)
    cellen = pd.DataFrame(m.cellen.reshape(len(tabel), len(kolommen)), index=tabel.index, columns=list(kolommen))
    return cellen, pd.Series(m.totaal_verborgen | m.totaal_klein, index=list(kolommen))


def eenzame_cellen(lijnen: Sequence[Sequence[int]], verborgen: np.ndarray, totaal_verborgen: np.ndarray) -> list[int]:
    """Hidden cells that are the only hidden cell of a published line."""
    uit = set()
    for nummer, lijn in enumerate(lijnen):
        if not totaal_verborgen[nummer]:
            in_lijn = [cel for cel in lijn if verborgen[cel]]
            if len(in_lijn) == 1:
                uit.add(in_lijn[0])
    return sorted(uit)


def afgedekt(cel: int, v: np.ndarray, lijnen: Sequence[Sequence[int]], verborgen: np.ndarray, bekend: np.ndarray,
             secundair: np.ndarray, totaal_verborgen: np.ndarray, primair: np.ndarray) -> None:
    """Hide one more thing beside `cel` (in place): the smallest shown neighbour in a published line that is not 0
    (a hidden 0 next to a hidden 1 gives the 1 away); with no neighbour left, a "<5" of those lines becomes "x"
    (so it no longer says "at least 1": four "<5" beside a total "<5" are all 1); with none of those, the totals."""
    lijnen_van_cel = [n for n, lijn in enumerate(lijnen) if cel in lijn and not totaal_verborgen[n]]
    in_lijnen = sorted({i for n in lijnen_van_cel for i in lijnen[n]})
    kandidaten = np.array([i for i in in_lijnen if not verborgen[i] and not secundair[i] and not bekend[i]], int)
    if len(kandidaten):
        volgorde = np.lexsort((v[kandidaten], v[kandidaten] == 0))
        secundair[kandidaten[volgorde[0]]] = True
        return
    klein = [i for i in ([cel] + in_lijnen) if primair[i] and not secundair[i] and not bekend[i]]
    if klein:
        secundair[klein[0]] = True
        return
    totaal_verborgen[lijnen_van_cel] = True


def vastgepinde_cellen(
    waarden: np.ndarray,
    lijnen: Sequence[Sequence[int]],
    verborgen: np.ndarray,
    primair: np.ndarray,
    totaal_verborgen: np.ndarray,
    grens: int,
    totaal_klein: np.ndarray | None = None,
    afgeronde_totalen: bool = False,
) -> list[int]:
    """The hidden cells whose value someone can still work out: from the published totals (a small one shown as
    "<5": between 1 and 4), the shown cells, and what '<5' says (1 to 4) and that counts are at least 0. Per
    hidden cell its lowest and highest possible value; a cell is safe when they differ by at least 1 (for tables
    with totals per row or column the extremes are whole numbers). Worked out per group of hidden cells that share
    published lines: a group of one line by simple bounds, a larger group by linear programming. `primair`: the
    cells shown as "<5"."""
    onbekend = [int(c) for c in np.flatnonzero(verborgen)]
    if not onbekend:
        return []
    klein = np.zeros(len(lijnen), bool) if totaal_klein is None else np.asarray(totaal_klein, bool)
    verborgen_set = set(onbekend)
    actief = []  # (hidden cells of the line, lowest and highest sum they can have)
    for n, lijn in enumerate(lijnen):
        cellen = [c for c in lijn if c in verborgen_set]
        if totaal_verborgen[n] or not cellen:
            continue
        som = float(sum(waarden[c] for c in cellen))
        totaal = float(sum(waarden[c] for c in lijn))
        getoond = totaal - som
        if klein[n]:
            laag, hoog = 1.0, grens - 1.0
        elif afgeronde_totalen and totaal > 0:
            laag, hoog = afgerond_bereik(afgerond(totaal, grens), grens)
        else:
            laag, hoog = totaal, totaal
        actief.append((cellen, (max(0.0, laag - getoond), hoog - getoond)))
    grenzen = {c: (1.0, float(grens - 1)) if primair[c] else (0.0, math.inf) for c in onbekend}
    uit = []
    for cellen, groep_lijnen in _samenhangend(onbekend, actief):
        if len(groep_lijnen) == 1:
            uit += _vast_in_een_lijn(cellen, groep_lijnen[0][1], grenzen)
        else:
            uit += _vast_met_lp(cellen, groep_lijnen, grenzen)
    return sorted(uit)


def _samenhangend(cellen: list[int], lijnen: list[tuple[list[int], tuple]]) -> list[tuple[list[int], list]]:
    """The hidden cells grouped by the published lines that tie them together (union-find)."""
    ouder = {c: c for c in cellen}

    def wortel(c: int) -> int:
        while ouder[c] != c:
            ouder[c] = ouder[ouder[c]]
            c = ouder[c]
        return c

    for lijn, _ in lijnen:
        for c in lijn[1:]:
            ouder[wortel(c)] = wortel(lijn[0])
    groepen: dict[int, tuple[list[int], list]] = {}
    for c in cellen:
        groepen.setdefault(wortel(c), ([], []))[0].append(c)
    for lijn in lijnen:
        groepen[wortel(lijn[0][0])][1].append(lijn)
    return [g for g in groepen.values() if g[1]]  # a hidden cell in no published line is free


def _vast_in_een_lijn(cellen: list[int], som: tuple[float, float], grenzen: dict) -> list[int]:
    """One published line: its hidden cells add up to between som[0] and som[1]; each lies between the least the
    sum can be minus the most the others can hold, and the most the sum can be minus the least the others hold."""
    laag_totaal = sum(grenzen[c][0] for c in cellen)
    hoog_totaal = sum(grenzen[c][1] for c in cellen)
    uit = []
    for c in cellen:
        laag_c, hoog_c = grenzen[c]
        laag = max(laag_c, som[0] - (hoog_totaal - hoog_c))
        hoog = min(hoog_c, som[1] - (laag_totaal - laag_c))
        if hoog - laag < 1 - 1e-9:
            uit.append(c)
    return uit


def _vast_met_lp(cellen: list[int], lijnen: list[tuple[list[int], tuple]], grenzen: dict) -> list[int]:
    positie = {c: j for j, c in enumerate(cellen)}
    a = np.zeros((len(lijnen), len(cellen)))
    for i, (lijn, _) in enumerate(lijnen):
        for c in lijn:
            a[i, positie[c]] = 1.0
    laag_som = np.array([som[0] for _, som in lijnen])
    hoog_som = np.array([som[1] for _, som in lijnen])
    gelijk = laag_som == hoog_som
    ongelijk = dict(A_ub=np.vstack([a[~gelijk], -a[~gelijk]]), b_ub=np.concatenate([hoog_som[~gelijk],
                                                                                    -laag_som[~gelijk]]))
    if gelijk.all():
        ongelijk = {}
    if gelijk.any():
        ongelijk |= dict(A_eq=a[gelijk], b_eq=laag_som[gelijk])
    banden = [(grenzen[c][0], None if math.isinf(grenzen[c][1]) else grenzen[c][1]) for c in cellen]
    # every solution found is a table the attacker cannot rule out: a cell that already took values at least 1 apart
    # in two of them is not pinned, and needs no programs of its own (most cells, after the first few)
    gezien_laag = np.full(len(cellen), np.inf)
    gezien_hoog = np.full(len(cellen), -np.inf)
    uit = []
    for j, c in enumerate(cellen):
        if gezien_hoog[j] - gezien_laag[j] >= 1 - 1e-9:
            continue
        doel = np.zeros(len(cellen))
        doel[j] = 1.0
        laag = linprog(doel, bounds=banden, method="highs", **ongelijk)
        hoog = linprog(-doel, bounds=banden, method="highs", **ongelijk)
        for oplossing in (laag, hoog):
            if oplossing.status == 0:
                gezien_laag = np.minimum(gezien_laag, oplossing.x)
                gezien_hoog = np.maximum(gezien_hoog, oplossing.x)
        if hoog.status == 3:  # unbounded above: nothing pins it
            continue
        if -hoog.fun - laag.fun < 1 - 1e-9:
            uit.append(c)
    return uit


# ---------------------------------------------------------------------------------------------------------------
# For the read side: tables and single numbers shaped for a viewer. The one place where suppression is applied.

def _kijker_of_weigering(kijker):
    from toegang.kijker import GeenToegang

    if kijker is None:  # deny by default: no viewer, no numbers
        raise GeenToegang("Geen getallen zonder ingelogde gebruiker.")
    return kijker


def afgerond(waarde: float, grens: int | None = None) -> int:
    """A count as shown to someone who does not own it: the nearest multiple of the threshold (halves up), so
    0 stays 0, 5 to 7 become 5 and 8 to 12 become 10. Counts 1 to 4 are hidden before this."""
    grens = drempel() if grens is None else grens
    return int(math.floor(float(waarde) / grens + 0.5)) * grens


def afgerond_bereik(getoond: int, grens: int) -> tuple[float, float]:
    """The counts that are shown as this rounded number (>= the threshold: smaller ones are "<5")."""
    return float(max(math.ceil(getoond - grens / 2), grens)), float(math.ceil(getoond + grens / 2) - 1)


def afgeschermd_getal(waarde: int, exact: bool, grens: int | None = None) -> int | str:
    """A single count (a tile): the count itself for its owner; for others "<5" when it is small, otherwise the
    count rounded to a multiple of the threshold."""
    grens = drempel() if grens is None else grens
    if exact:
        return int(waarde)
    return PRIMAIR.format(drempel=grens) if 1 <= waarde < grens else afgerond(waarde, grens)


def is_afgeschermd(waarde: object) -> bool:
    return isinstance(waarde, str)


def afgeschermd(
    tabel: pd.DataFrame,
    kijker,
    *,
    tellingen: Sequence[str],
    aandelen: dict[str, tuple[str, str]] | None = None,
    exact: Sequence[bool] | bool | None = None,
    groepen: Sequence[str] = (),
    afgeleid: dict[str, str] | None = None,
    deeltotalen: Sequence[Sequence[bool]] = (),
    grens: int | None = None,
) -> pd.DataFrame:
    """The table as this viewer may see it.

    `tellingen`: count columns; their totals count as published (a tile or a total row shows them), and so
    do the totals per value of each column in `groepen` (the bars of one month in a stacked chart). Hidden
    cells become "<5" or "x" (the column turns to objects: numbers and those markers); the other cells of
    rows not seen exactly are rounded (`afgerond`). `aandelen`: share columns with their (teller, noemer)
    columns; a hidden share becomes None, a shown one is computed from the rounded teller and noemer.
    `exact`: per row (or for the whole table) whether this viewer sees it exactly; default: only the
    beheerder outside the presentatiemodus. `afgeleid`: columns proportional to one count column (that count
    divided by a number that is shown) that would give it away: hidden, as None, where that count is hidden,
    otherwise computed from the rounded count. Whatever else follows from a count (a difference, a
    comparison) the caller computes from the table returned here. `deeltotalen`: masks of rows whose sum is
    published elsewhere on the page too (the months of the period a tile counts)."""
    kijker = _kijker_of_weigering(kijker)
    grens = drempel() if grens is None else grens
    if exact is None:
        exact = kijker.ziet_alles_exact
    exact_rij = np.full(len(tabel), exact, bool) if isinstance(exact, bool | np.bool_) else np.asarray(exact, bool)
    uit = tabel.copy()
    if exact_rij.all() or tabel.empty:
        return uit
    tellingen = [k for k in tellingen if k in tabel.columns]
    waarden = tabel[tellingen].fillna(0).to_numpy(dtype=float)
    rijen, kolommen = waarden.shape
    lijnen: list[list[int]] = []
    totaallijn: dict[int, int] = {}  # column -> index of its total line
    for k in range(kolommen):
        if not groepen:  # with groups, the column total is the sum of the group totals: nothing new
            totaallijn[k] = len(lijnen)
            lijnen.append([r * kolommen + k for r in range(rijen)])
        for groep in groepen:
            for _, posities in pd.Series(range(rijen)).groupby(tabel[groep].to_numpy()):
                lijnen.append([r * kolommen + k for r in posities])
        for masker in deeltotalen:
            posities = np.flatnonzero(np.asarray(masker, bool))
            if 0 < len(posities) < rijen:
                lijnen.append([int(r) * kolommen + k for r in posities])
    cellen, totaal_verborgen = _markering_bewaard(tuple(waarden.ravel()), tuple(map(tuple, lijnen)),
                                                  tuple(np.repeat(exact_rij, kolommen)), grens)
    markeringen = cellen.reshape(rijen, kolommen)
    # the column totals this table's cells would give away: whoever shows them (a tile) must hide them too
    uit.attrs["totaal_verborgen"] = {kolom: bool(totaal_verborgen[totaallijn[k]])
                                     for k, kolom in enumerate(tellingen) if k in totaallijn}
    verborgen_teller = {}
    afronding = {}  # per count column: shown / true, for what is computed from it (1 where not rounded)
    for k, kolom in enumerate(tellingen):
        reeks = uit[kolom].astype(object)
        waar = waarden[:, k]
        getoond = np.array([w if e else afgerond(w, grens) for w, e in zip(waar, exact_rij, strict=True)])
        afronding[kolom] = np.divide(getoond, waar, out=np.ones(rijen), where=(waar > 0) & (markeringen[:, k] == ""))
        for r in range(rijen):
            if markeringen[r, k] != "":
                reeks.iloc[r] = markeringen[r, k]
            elif not exact_rij[r] and not pd.isna(reeks.iloc[r]):
                reeks.iloc[r] = int(getoond[r])
        uit[kolom] = reeks
        verborgen_teller[kolom] = markeringen[:, k] != ""
    geen = np.zeros(rijen, bool)
    for kolom, (teller, noemer) in (aandelen or {}).items():
        zichtbaar = [
            percentage_zichtbaar(t, n, bool(e), grens) and not verborgen_teller.get(teller, geen)[i]
            for i, (t, n, e) in enumerate(zip(tabel[teller].fillna(0), tabel[noemer].fillna(0), exact_rij,
                                              strict=True))
        ]
        schaal = afronding.get(teller, np.ones(rijen)) / afronding.get(noemer, np.ones(rijen))
        uit[kolom] = _geschaald(uit[kolom], schaal).where(zichtbaar, None)
    for kolom, teller in (afgeleid or {}).items():
        uit[kolom] = _geschaald(uit[kolom], afronding[teller]).where(~verborgen_teller[teller], None)
    return uit


def _geschaald(reeks: pd.Series, schaal: np.ndarray) -> pd.Series:
    """A column proportional to a count, as computed from the rounded count (its numbers times shown / true)."""
    reeks = reeks.astype(object)
    if not pd.api.types.is_numeric_dtype(reeks.infer_objects()):
        return reeks
    return pd.Series([w * f if isinstance(w, int | float | np.number) and not isinstance(w, bool | np.bool_)
                      and not pd.isna(w) else w
                      for w, f in zip(reeks, schaal, strict=True)], index=reeks.index, dtype=object)


@lru_cache(maxsize=2048)
def _markering_bewaard(waarden: tuple, lijnen: tuple, bekend: tuple, grens: int) -> tuple[np.ndarray, np.ndarray]:
    """The marking, remembered per table and per what the viewer sees exactly (part of the key): the same
    table for the same kind of viewer is not worked out twice. Holds only counts, in memory."""
    uitkomst = markering(waarden, lijnen, bekend, grens, afgeronde_totalen=True)  # others see totals rounded
    return uitkomst.cellen, uitkomst.totaal_verborgen


def afgeschermde_curve(curve: pd.DataFrame, exact: bool, grens: int | None = None) -> pd.DataFrame:
    """A step curve over time (rows in time order, `gebeurtenissen` per step: a Kaplan-Meier curve) as the
    viewer may see it. For others than the owner a step of 1 to 4 people would give them away (1 of 40 is a drop
    of 2.5%), so the curve keeps only the start and the times by which at least the threshold more events have
    happened since the previous time kept, and its flat end when nothing happened after that; the share on them
    rounded to 5 percentage points, without its confidence band or the numbers followed (they would give the
    counts back)."""
    grens = drempel() if grens is None else grens
    if exact or curve.empty:
        return curve
    bewaard, sinds = [], 0
    for positie, gebeurd in enumerate(curve["gebeurtenissen"]):
        sinds += int(gebeurd)
        if (positie == 0 and sinds == 0) or sinds >= grens:
            bewaard.append(positie)
            sinds = 0
    if not bewaard or bewaard[0] != 0:  # events at the start itself: begin from 100% instead
        begin = curve.iloc[[0]].assign(overleving=1.0, onder=1.0, boven=1.0, gebeurtenissen=0)
        curve = pd.concat([begin, curve], ignore_index=True)
        bewaard = [0] + [p + 1 for p in bewaard]
    if sinds == 0 and bewaard[-1] != len(curve) - 1:
        bewaard.append(len(curve) - 1)
    grof = curve.iloc[bewaard].reset_index(drop=True)
    # the exact share and its band give the numbers back (n = (1 - S) / (V S)): the share rounded to 5 percentage
    # points, no band, no counts
    grof["overleving"] = (grof["overleving"] * 20).round() / 20
    for kolom in ("onder", "boven", "at_risk", "gebeurtenissen", "gecensureerd"):
        if kolom in grof:
            grof[kolom] = np.nan
    return grof


def verschil_afgeschermd(tabel: pd.DataFrame, groot: str, klein: str, exact: Sequence[bool] | bool,
                         grens: int | None = None) -> pd.DataFrame:
    """Two counts of the same people shown side by side (trajecten and unieke kandidaten): where their
    difference is 1-4 (one person with a second traject), the smaller one is hidden as "x" for others."""
    grens = drempel() if grens is None else grens
    exact_rij = np.full(len(tabel), exact, bool) if isinstance(exact, bool | np.bool_) else np.asarray(exact, bool)
    uit = tabel.copy()
    verschil = pd.to_numeric(uit[groot], errors="coerce") - pd.to_numeric(uit[klein], errors="coerce")
    verbergen = (verschil >= 1) & (verschil < grens) & ~exact_rij
    uit[klein] = uit[klein].astype(object).where(~verbergen.to_numpy(), SECUNDAIR)
    return uit


def bevat_afscherming(tabel: pd.DataFrame, kolommen: Sequence[str]) -> bool:
    """For the note under a chart: is any of these values hidden?"""
    return any(tabel[k].map(lambda w: isinstance(w, str) or w is None).any() for k in kolommen if k in tabel)


def afgeschermd_met_totaalrij(tabel: pd.DataFrame, kijker, totaal_kolom: str, **instellingen) -> pd.DataFrame:
    """For a table whose last row(s) (`totaal_kolom` true) hold the totals of the other rows: the other rows
    with their column totals counted as published, and the total row on its own (hidden where small)."""
    is_totaal = tabel[totaal_kolom].astype(bool)
    rijen = afgeschermd(tabel[~is_totaal], kijker, **instellingen)
    totalen = afgeschermd(tabel[is_totaal], kijker, **instellingen)
    for kolom, verborgen in rijen.attrs.get("totaal_verborgen", {}).items():
        if verborgen and len(totalen) == 1:  # the rows' cells would be given away by it: hidden entirely
            totalen[kolom] = totalen[kolom].astype(object)
            totalen.iloc[0, totalen.columns.get_loc(kolom)] = SECUNDAIR
    return pd.concat([rijen, totalen]).loc[tabel.index]
