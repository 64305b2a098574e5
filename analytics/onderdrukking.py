"""Small numbers (metrics.md), decided in one place for screen and downloads alike.

A count of 1 to 4 (below the threshold) is shown as "<5" to anyone who does not own the data, and so is 0: next to
totals over other periods an exact 0 says which months had someone, and "<5" totals over runs of such months then
pinned them at 1 (a year of monthly visits to Mook en Middelaar's pages; tests/test_afronding.py). So "<5" means 0
to 4. A
percentage whose denominator is below 10 is not shown, nor one whose numerator is a hidden count
(numerator = percentage x denominator); and a cell that could be recovered from a published total
and its visible neighbours is hidden too (secondary suppression, shown as "x"). Cells the viewer
may see exactly anyway (their own gemeente) protect nothing, so they never count as hiding a cell.

Every other count shown to someone who does not own it is rounded, cumulatively: the running count of its
selection since a fixed beginning is rounded to a multiple of the threshold (5, 10, 15, ...) at the start and at
the end of the period, and the count shown is the difference of the two. Its shares are the exact ratio rounded to
5 percentage points (`aandeel_getoond`), never a ratio of two rounded counts. Each such number reaches the page as an
`analytics.beschermd.Beschermd` with the range of true values it allows, and what a page concludes from it is decided
from that range. Without rounding, two totals of the same selection over different periods ("dit jaar tot nu" minus
January to September) give the small count of the months between them back, and no suppression within one table
can stop that. Rounding each total on its own was not enough either: a year, its first half, its third quarter
and October, each rounded, can still add up to only one possibility (Heumen, groen, 2025), and so can the totals
of "afgelopen 12 maanden" written down month after month. Cumulatively rounded, every total of a selection is the
difference of two rounded running counts, whatever periods are asked: they add up (a year is its quarters, a
sliding year this month is last month's plus the new month minus the old), so together they say no more than
each running count to within two, and the count between two moments only to within four.

The functions here are pure (numbers in, markings out); which viewer sees what exactly is decided
by the caller through `bekend` (cells this viewer may see exactly).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from analytics.beschermd import (
    Beschermd,
    afgerond_aandeel,
    afgerond_aantal,
    afgeschermd_teken,
    geschaald,
    is_verborgen,
    klein,
)
from basis import instellingen
from toegang import beleid

MIN_NOEMER = 10
PRIMAIR = "<{drempel}"
SECUNDAIR = "x"


def drempel() -> int:
    """The threshold below which a count is hidden: DASHBOARD_DREMPEL, default 5."""
    return instellingen.drempel()


@dataclass(frozen=True)
class Markering:
    """Per cell: "" (shown), "<5" (a small count) or "x" (hidden so the small one cannot be recovered, or a small
    one hidden without saying it is small, where "0 to 4" would give it away)."""

    cellen: np.ndarray  # object array of str, same length as the values
    totaal_verborgen: np.ndarray  # per line: its published total must be hidden entirely ("x")
    totaal_klein: np.ndarray  # per line: its total is small, shown as "<5" (which still says 0 to 4)


def markering(
    waarden: Sequence[float],
    lijnen: Sequence[Sequence[int]],
    bekend: Sequence[bool] | None = None,
    grens: int | None = None,
    getoonde_totalen: Sequence[float] | None = None,
) -> Markering:
    """Mark the cells to hide. `lijnen` are the groups of cell indexes whose sum is published
    (a column with a total row, a tile that is the sum of a table); `bekend` the cells this viewer
    sees exactly anyway. A small total is published too, as "<5": its cells add up to 0 to 4.
    `getoonde_totalen`: per line the total as shown when it is rounded (`afgerond`); it says only a range of sums
    (`afgerond_bereik`). Without: the totals are shown exact. The shown cells are taken as known exactly either
    way: that errs on the safe side."""
    grens = drempel() if grens is None else grens
    v = np.asarray(waarden, dtype=float)
    bekend_ = np.zeros(len(v), bool) if bekend is None else np.asarray(bekend, bool)
    primair = (v < grens) & ~bekend_
    secundair = np.zeros(len(v), bool)
    totaal_verborgen = np.zeros(len(lijnen), bool)
    totaal_klein = np.array([v[list(lijn)].sum() < grens and not bekend_[list(lijn)].all() for lijn in lijnen], bool)
    while True:
        verborgen = (primair | secundair) & ~bekend_
        # cheap first: a line with an exact total and exactly one hidden cell gives it away at once
        terug_te_rekenen = [] if getoonde_totalen is not None else eenzame_cellen(
            lijnen, verborgen, totaal_verborgen | totaal_klein)[:1]
        if not terug_te_rekenen:  # then the thorough check, for what several lines together give away
            terug_te_rekenen = vastgepinde_cellen(v, lijnen, verborgen, primair & ~secundair, totaal_verborgen,
                                                  grens, totaal_klein, getoonde_totalen)
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
    its numerator is not a hidden count (below the threshold, 0 included: 0% of 12 says as much as a 0)."""
    if exact:
        return noemer > 0
    grens = drempel() if grens is None else grens
    return noemer >= MIN_NOEMER and not teller < grens


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
    (so it no longer says "at most 4": two "<5" beside a total of 8 are both 4); with none of those, the totals."""
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
    getoonde_totalen: Sequence[float] | None = None,
) -> list[int]:
    """The hidden cells whose value someone can still work out: from the published totals (a small one shown as
    "<5": between 0 and 4; a rounded one, `getoonde_totalen`, within a range), the shown cells, and what '<5' says
    (0 to 4) and that counts are at least 0. Per
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
            laag, hoog = 0.0, grens - 1.0
        elif getoonde_totalen is not None and totaal > 0:
            laag, hoog = afgerond_bereik(getoonde_totalen[n], grens)
        else:
            laag, hoog = totaal, totaal
        actief.append((cellen, (max(0.0, laag - getoond), hoog - getoond)))
    grenzen = {c: (0.0, float(grens - 1)) if primair[c] else (0.0, math.inf) for c in onbekend}
    uit = []
    for cellen, groep_lijnen in _samenhangend(onbekend, actief):
        if len(groep_lijnen) == 1:
            uit += _vast_in_een_lijn(cellen, groep_lijnen[0][1], grenzen)
        else:
            uit += _vast_met_lp(cellen, groep_lijnen, grenzen, waarden[cellen])
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


def _vast_met_lp(cellen: list[int], lijnen: list[tuple[list[int], tuple]], grenzen: dict,
                 waar: np.ndarray | None = None) -> list[int]:
    from scipy.optimize import linprog  # here, not at the top: scipy costs 0,6 s to import, and most page runs
    # settle every cell without a linear program (issue 17: the first run of a page)

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
    # two cheap witnesses first: the true table (`waar`, it fits what is shown) and the tables with all hidden cells
    # as small and as large as they can be together; with many "<5" cells they settle most of them at once
    if waar is not None:
        gezien_laag, gezien_hoog = np.asarray(waar, float).copy(), np.asarray(waar, float).copy()
        for teken in (1.0, -1.0):
            samen = linprog(np.full(len(cellen), teken), bounds=banden, method="highs", **ongelijk)
            if samen.status == 0:
                gezien_laag = np.minimum(gezien_laag, samen.x)
                gezien_hoog = np.maximum(gezien_hoog, samen.x)
    uit = []
    for j, c in enumerate(cellen):
        if gezien_hoog[j] - gezien_laag[j] >= 1 - 1e-9:
            continue
        doel = np.zeros(len(cellen))
        doel[j] = 1.0
        onder, boven = banden[j]
        # a cell already seen at its own bound needs no program for that side: it cannot go further
        if gezien_laag[j] <= onder + 1e-9:
            minimum = onder
        else:
            laag = linprog(doel, bounds=banden, method="highs", **ongelijk)
            minimum = laag.fun
            if laag.status == 0:
                gezien_laag, gezien_hoog = np.minimum(gezien_laag, laag.x), np.maximum(gezien_hoog, laag.x)
        if boven is not None and gezien_hoog[j] >= boven - 1e-9:
            maximum = boven
        else:
            hoog = linprog(-doel, bounds=banden, method="highs", **ongelijk)
            if hoog.status == 3:  # unbounded above: nothing pins it
                continue
            maximum = -hoog.fun
            if hoog.status == 0:
                gezien_laag, gezien_hoog = np.minimum(gezien_laag, hoog.x), np.maximum(gezien_hoog, hoog.x)
        if maximum - minimum < 1 - 1e-9:
            uit.append(c)
    return uit


# ---------------------------------------------------------------------------------------------------------------
# For the read side: tables and single numbers shaped for a viewer. The one place where suppression is applied.

def _kijker_of_weigering(kijker):
    from toegang.kijker import GeenToegang

    if kijker is None:  # deny by default: no viewer, no numbers
        raise GeenToegang("Geen getallen zonder ingelogde gebruiker.")
    return kijker


def afgerond(waarde: float, grens: int | None = None, eerder: float = 0) -> int:
    """A count as shown to someone who does not own it: with `eerder` what the same selection counted from the fixed
    beginning up to the start of its period, the running count at the end rounded minus the running count at the
    start rounded, each to the nearest multiple of the threshold (halves up). So the counts of one selection over
    any periods add up as shown, and each is within four of the truth. Nothing before: 0 stays 0, 5 to 7 become 5,
    8 to 12 become 10. Counts 0 to 4 are hidden before this."""
    grens = drempel() if grens is None else grens

    def rond(x: float) -> int:
        return int(math.floor(float(x) / grens + 0.5)) * grens

    return rond(float(eerder) + float(waarde)) - rond(eerder)


def afgerond_bereik(getoond: int, grens: int) -> tuple[float, float]:
    """The counts that can be shown as this rounded number, whatever came before (the viewer does not know it):
    within the threshold minus one of it, and at least the threshold (smaller ones are "<5")."""
    return float(max(getoond - (grens - 1), grens)), float(getoond + grens - 1)


def afgeschermd_getal(waarde: int, exact: bool, grens: int | None = None, eerder: float = 0) -> int | Beschermd:
    """A single count (a tile): the count itself for its owner; for others "<5" when it is small, otherwise the
    count rounded (`afgerond`, with what its selection counted before its period), as a `Beschermd`."""
    grens = drempel() if grens is None else grens
    if exact:
        return int(waarde)
    return klein(grens) if waarde < grens else afgerond_aantal(afgerond(waarde, grens, eerder), grens)


def is_afgeschermd(waarde: object) -> bool:
    """A hidden number ("<5", "x", "–"): there is no number to show or draw."""
    return is_verborgen(waarde)


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
    eerder: pd.DataFrame | None = None,
    selectie: Sequence[str] | None = None,
    eerder_totaal: pd.Series | None = None,
    grens: int | None = None,
) -> pd.DataFrame:
    """The table as this viewer may see it.

    `tellingen`: count columns; their totals count as published (a tile or a total row shows them), and so
    do the totals per value of each column in `groepen` (the bars of one month in a stacked chart). Hidden
    cells become `Beschermd` "<5" or "x" (the column turns to objects); the other cells of rows not seen exactly
    are rounded (`afgerond`), as a `Beschermd` with their range. `aandelen`: share columns (holding the exact
    ratio) with their (teller, noemer) columns; a hidden share becomes None, a shown one the exact ratio rounded
    (`aandeel_getoond`).
    `exact`: per row (or for the whole table) whether this viewer sees it exactly; default: only the
    beheerder outside the presentatiemodus. `afgeleid`: columns proportional to one count column (that count
    divided by a number that is shown) that would give it away: hidden, as None, where that count is hidden,
    otherwise the rounded count's range scaled. Whatever else follows from a count (a difference, a comparison)
    the caller decides from the ranges of the table returned here (`analytics.beschermd`). `deeltotalen`: masks
    of rows whose sum is published elsewhere on the page too (the months of the period a tile counts).

    `eerder` (same index, count columns): per row what its selection counted from the fixed beginning up to the
    row's period (`eerder_per_rij`); counts without it (a state such as lopend) are rounded on their own.
    `selectie`: the columns that say which selection a row counts, rows of one selection in time order (a series
    of months: `()`); default: every row a selection of its own. A published total over rows is rounded as its
    own selection: what came before it is what came before the first of its rows of each selection, or, for the
    column totals, `eerder_totaal` (per count: what the total row's selection counted before; rows left out of the
    table, with nothing in the period, may have counted before)."""
    kijker = _kijker_of_weigering(kijker)
    grens = drempel() if grens is None else grens
    if exact is None:
        exact = beleid.ziet_alles_exact(kijker)
    exact_rij = np.full(len(tabel), exact, bool) if isinstance(exact, bool | np.bool_) else np.asarray(exact, bool)
    uit = tabel.copy()
    if exact_rij.all() or tabel.empty:
        return uit
    tellingen = [k for k in tellingen if k in tabel.columns]
    waarden = tabel[tellingen].fillna(0).to_numpy(dtype=float)
    rijen, kolommen = waarden.shape
    ervoor = np.zeros_like(waarden) if eerder is None else (
        eerder.reindex(index=tabel.index, columns=tellingen).fillna(0).to_numpy(dtype=float))
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
    getoonde_totalen = _getoonde_totalen(waarden.ravel(), ervoor.ravel(), lijnen,
                                         np.repeat(_selecties(tabel, selectie), kolommen), grens)
    for k, lijn in totaallijn.items():
        if eerder_totaal is not None and tellingen[k] in eerder_totaal:
            getoonde_totalen[lijn] = float(afgerond(waarden[:, k].sum(), grens, float(eerder_totaal[tellingen[k]])))
    cellen, totaal_verborgen = _markering_bewaard(tuple(waarden.ravel()), tuple(map(tuple, lijnen)),
                                                  tuple(np.repeat(exact_rij, kolommen)), grens,
                                                  tuple(getoonde_totalen))
    markeringen = cellen.reshape(rijen, kolommen)
    # the column totals this table's cells would give away: whoever shows them (a tile) must hide them too
    uit.attrs["totaal_verborgen"] = {kolom: bool(totaal_verborgen[totaallijn[k]])
                                     for k, kolom in enumerate(tellingen) if k in totaallijn}
    verborgen_teller = {}
    for k, kolom in enumerate(tellingen):
        # cell by cell in a list, then the column at once (a cell at a time through pandas cost 0,1 ms each, and a
        # regio's table per gemeente has thousands)
        cellen_k = uit[kolom].astype(object).tolist()
        waar = waarden[:, k]
        getoond = np.array([w if e else afgerond(w, grens, v)
                            for w, e, v in zip(waar, exact_rij, ervoor[:, k], strict=True)])
        for r in range(rijen):
            if pd.isna(cellen_k[r]):  # nothing to show (a half year before the data): not a count of 0
                continue
            if markeringen[r, k] == SECUNDAIR:
                cellen_k[r] = afgeschermd_teken()
            elif markeringen[r, k] != "":
                cellen_k[r] = klein(grens)
            elif not exact_rij[r]:
                cellen_k[r] = afgerond_aantal(int(getoond[r]), grens)
        uit[kolom] = pd.Series(cellen_k, index=uit.index, dtype=object)
        verborgen_teller[kolom] = markeringen[:, k] != ""
    geen = np.zeros(rijen, bool)
    for kolom, (teller, noemer) in (aandelen or {}).items():
        zichtbaar = [
            percentage_zichtbaar(t, n, bool(e), grens) and not verborgen_teller.get(teller, geen)[i]
            for i, (t, n, e) in enumerate(zip(tabel[teller].fillna(0), tabel[noemer].fillna(0), exact_rij,
                                              strict=True))
        ]
        uit[kolom] = _aandelen_getoond(tabel[kolom], uit[teller], uit[noemer], exact_rij).where(zichtbaar, None)
    for kolom, teller in (afgeleid or {}).items():
        uit[kolom] = _afgeleid_getoond(tabel[kolom], tabel[teller], uit[teller], exact_rij).where(
            ~verborgen_teller[teller], None)
    return uit


def _selecties(tabel: pd.DataFrame, selectie: Sequence[str] | None) -> np.ndarray:
    """Per row a number for the selection it counts (rows with the same number: periods of one selection)."""
    if selectie is None:
        return np.arange(len(tabel))
    if not selectie:
        return np.zeros(len(tabel), int)
    return tabel.groupby(list(selectie), dropna=False, sort=False).ngroup().to_numpy()


def _getoonde_totalen(waarden: np.ndarray, eerder: np.ndarray, lijnen: Sequence[Sequence[int]],
                      selecties: np.ndarray, grens: int) -> list[float]:
    """Per published line its total as shown rounded: what came before it is, per selection among its cells, what
    came before the first of them (cells in time order within a selection)."""
    uit = []
    for lijn in lijnen:
        eerste: dict[int, float] = {}
        for cel in lijn:
            eerste.setdefault(int(selecties[cel]), float(eerder[cel]))
        uit.append(float(afgerond(waarden[list(lijn)].sum(), grens, sum(eerste.values()))))
    return uit


def eerder_per_rij(tabel: pd.DataFrame, tellingen: Sequence[str], selectie: Sequence[str] = (),
                   voor: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per row and count: what the row's selection counted from the fixed beginning up to the row's period, for
    `afgeschermd`. `voor`: per selection (its `selectie` columns; one row when there are none) what it counted
    before the table's first period; plus the rows of the same selection above it (rows in time order)."""
    tellingen = [k for k in tellingen if k in tabel.columns]
    waarden = tabel[tellingen].fillna(0).astype(float)
    if selectie:
        boven = waarden.groupby([tabel[k] for k in selectie], dropna=False, sort=False).cumsum() - waarden
    else:
        boven = waarden.cumsum() - waarden
    if voor is None or voor.empty:
        return boven
    if selectie:
        voor = voor.groupby(list(selectie), dropna=False, sort=False)[tellingen].sum().reset_index()
        sleutels = tabel[list(selectie)].merge(voor, on=list(selectie), how="left")
        ervoor = sleutels[tellingen].fillna(0).astype(float).set_axis(tabel.index)
    else:
        ervoor = pd.DataFrame([voor.reindex(columns=tellingen).fillna(0).astype(float).sum()] * len(tabel),
                              index=tabel.index)
    return boven + ervoor


def met_lege_perioden(tabel: pd.DataFrame, kolom: str, van, tot, stap: str,
                      sleutels: dict[str, Sequence]) -> pd.DataFrame:
    """The table with a row for every period (`stap`: "M", "Q" or "Y") from van to tot in `kolom` and every
    combination of `sleutels` (column: values), every other column 0 where it had no row, in time order. For others
    than the owner: a missing row would say 0, which they see as "<5"."""
    perioden = pd.period_range(pd.Timestamp(van), pd.Timestamp(tot), freq=stap).start_time
    tabel = tabel.assign(**{kolom: pd.to_datetime(tabel[kolom])})
    leeg = pd.MultiIndex.from_product([perioden, *sleutels.values()], names=[kolom, *sleutels]).to_frame(index=False)
    leeg = leeg.astype({k: tabel[k].dtype for k in leeg.columns})
    samen = tabel.merge(leeg, on=list(leeg.columns), how="outer")
    tellingen = [k for k in tabel.columns if k not in leeg.columns]
    samen[tellingen] = samen[tellingen].fillna(0).astype(int)
    return samen.sort_values([kolom, *sleutels], kind="stable").reset_index(drop=True)


def _aandelen_getoond(exact: pd.Series, tellers: pd.Series, noemers: pd.Series, exact_rij: np.ndarray) -> pd.Series:
    """A share column as shown: exact for the rows the viewer owns; for the others `aandeel_getoond` (never a ratio
    of two rounded counts: their errors multiply)."""
    return pd.Series([w if e or pd.isna(w) else aandeel_getoond(float(w), t, n)
                      for w, t, n, e in zip(exact, tellers, noemers, exact_rij, strict=True)],
                     index=exact.index, dtype=object)


AANDEEL_STAPPEN = (0.05, 0.10, 0.20, 0.25, 0.50)


def aandeel_getoond(exact: float, teller: object, noemer: object) -> Beschermd:
    """A share shown to someone who does not own it: the exact ratio rounded to 5 percentage points, unless that,
    with the teller and noemer as they may be shown (each a range), would leave only one possible teller or noemer:
    then rounded coarser (10, 20, 25, 50 points) until it does not. So the share never makes a count exact that the
    rounding of counts keeps within a range (exact counts of two periods would give the months between them back)."""
    t_laag, t_hoog = _geheel_bereik(teller)
    n_laag, n_hoog = _geheel_bereik(noemer)
    for stap in AANDEEL_STAPPEN:
        getoond = afgerond_aandeel(exact, stap)
        if _laat_ruimte(getoond, t_laag, t_hoog, n_laag, n_hoog):
            return getoond
    return Beschermd(None, 0.0, 1.0, "–", aandeel=True)


def _geheel_bereik(waarde: object) -> tuple[int, int]:
    """The whole numbers a count can be, as a viewer may be shown it (rounded: its range; exact: itself)."""
    if isinstance(waarde, Beschermd):
        return int(math.ceil(waarde.laag)), int(min(waarde.hoog, 10**6))
    return int(waarde), int(waarde)


def _laat_ruimte(aandeel: Beschermd, t_laag: int, t_hoog: int, n_laag: int, n_hoog: int) -> bool:
    """Do at least two tellers and at least two noemers fit both their ranges and the share's range? An exact
    count that is shown exactly anyway (its range is one value) is not counted against it."""
    if n_hoog - n_laag > 200:  # large counts: a range of 5 points holds many pairs
        return True
    tellers, noemers = set(), set()
    for n in range(max(n_laag, 1), n_hoog + 1):
        for t in range(max(t_laag, int(math.floor(aandeel.laag * n))), min(t_hoog, n) + 1):
            if aandeel.laag - 1e-12 <= t / n <= aandeel.hoog + 1e-12:
                tellers.add(t)
                noemers.add(n)
    return (len(tellers) >= 2 or t_laag == t_hoog) and (len(noemers) >= 2 or n_laag == n_hoog) and bool(tellers)


def _afgeleid_getoond(waarden: pd.Series, tellers: pd.Series, getoonde_tellers: pd.Series,
                      exact_rij: np.ndarray) -> pd.Series:
    """A column proportional to a count (that count divided by a number that is shown): for the rows not owned, the
    shown count's range scaled by the same factor. No narrower: the factor is known, so a narrower range would narrow
    the count."""
    uit = []
    for w, t, g, e in zip(waarden, tellers, getoonde_tellers, exact_rij, strict=True):
        if e or pd.isna(w) or not isinstance(g, Beschermd) or g.verborgen or not t:
            uit.append(w)
        else:
            uit.append(geschaald(g, float(w) / float(t), aandeel=False))
    return pd.Series(uit, index=waarden.index, dtype=object)


@lru_cache(maxsize=2048)
def _markering_bewaard(waarden: tuple, lijnen: tuple, bekend: tuple, grens: int,
                       getoonde_totalen: tuple) -> tuple[np.ndarray, np.ndarray]:
    """The marking, remembered per table and per what the viewer sees exactly (part of the key): the same
    table for the same kind of viewer is not worked out twice. Holds only counts, in memory."""
    uitkomst = markering(waarden, lijnen, bekend, grens, getoonde_totalen)  # others see totals rounded
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


def uniek_afgeschermd(tabel: pd.DataFrame, kolom: str, exact: Sequence[bool] | bool) -> pd.DataFrame:
    """A count of distinct people next to the count of their trajecten (unieke kandidaten): hidden as "x" for others
    than the owner. Where the two differ by 1 to 4 it says that one person has a second traject; and distinct people
    do not add up over periods, so it cannot be rounded as a running count (`afgerond`): the counts of two periods
    would give the people of the months between back."""
    exact_rij = np.full(len(tabel), exact, bool) if isinstance(exact, bool | np.bool_) else np.asarray(exact, bool)
    uit = tabel.copy()
    verbergen = uit[kolom].notna().to_numpy() & ~exact_rij  # also a "<5" or a 0: beside instroom it says as much
    uit[kolom] = pd.Series([afgeschermd_teken() if v else w for w, v in zip(uit[kolom], verbergen, strict=True)],
                           index=uit.index, dtype=object)
    return uit


def bevat_afscherming(tabel: pd.DataFrame, kolommen: Sequence[str]) -> bool:
    """For the note under a chart: is any of these values hidden?"""
    return any(tabel[k].map(lambda w: is_verborgen(w) or w is None).any() for k in kolommen if k in tabel)


def afgeschermd_met_totaalrij(tabel: pd.DataFrame, kijker, totaal_kolom: str, **instellingen) -> pd.DataFrame:
    """For a table whose last row(s) (`totaal_kolom` true) hold the totals of the other rows: the other rows
    with their column totals counted as published, and the total row on its own (hidden where small)."""
    is_totaal = tabel[totaal_kolom].astype(bool)
    eerder = instellingen.get("eerder")
    if eerder is not None and is_totaal.sum() == 1:  # the total row's own "before" rounds the column totals
        instellingen = {**instellingen, "eerder_totaal": eerder.reindex(tabel.index)[is_totaal.to_numpy()].iloc[0]}
    rijen = afgeschermd(tabel[~is_totaal], kijker, **instellingen)
    totalen = afgeschermd(tabel[is_totaal], kijker, **instellingen)
    for kolom, verborgen in rijen.attrs.get("totaal_verborgen", {}).items():
        if verborgen and len(totalen) == 1:  # the rows' cells would be given away by it: hidden entirely
            totalen[kolom] = totalen[kolom].astype(object)
            totalen.iloc[0, totalen.columns.get_loc(kolom)] = afgeschermd_teken()
    return pd.concat([rijen, totalen]).loc[tabel.index]
