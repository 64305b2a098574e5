"""Small-number suppression (metrics.md): no count 1-4 shown, no hidden cell recoverable from the totals."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.optimize import linprog

from analytics.onderdrukking import afgerond as afgerond_getal
from analytics.onderdrukking import afgerond_bereik, markering, percentage_zichtbaar, tabelmarkering


def herleidbaar(waarden, lijnen, verborgen, totaal_verborgen) -> list[int]:
    """The hidden cells whose exact value follows from the published totals and the visible cells
    (linear algebra: e_i lies in the row space of the constraints on the hidden cells)."""
    verborgen_idx = [i for i in range(len(waarden)) if verborgen[i]]
    if not verborgen_idx:
        return []
    rijen = [[1.0 if i in lijn else 0.0 for i in verborgen_idx]
             for n, lijn in enumerate(lijnen) if not totaal_verborgen[n]]
    a = np.array(rijen) if rijen else np.zeros((0, len(verborgen_idx)))
    rang = np.linalg.matrix_rank(a) if len(a) else 0
    uit = []
    for j, i in enumerate(verborgen_idx):
        e = np.zeros(len(verborgen_idx))
        e[j] = 1
        if np.linalg.matrix_rank(np.vstack([a, e])) == rang:
            uit.append(i)
    return uit


def bereik(waarden, lijnen, cellen, bekend, totaal_verborgen, grens, totaal_klein=None,
           afgerond: bool = False) -> dict[int, tuple]:
    """What an attacker can conclude about each hidden cell, with linear programming: its lowest and
    highest possible value given the published totals (a small one, shown as '<5', lies between 1 and 4), the
    shown and own cells, and that a '<5' cell lies between 1 and 4 and any count is at least 0."""
    klein = [False] * len(lijnen) if totaal_klein is None else list(totaal_klein)
    onbekend = [i for i in range(len(waarden)) if cellen[i] != "" and not bekend[i]]
    a_eq, b_eq, a_ub, b_ub = [], [], [], []
    for n, lijn in enumerate(lijnen):
        if totaal_verborgen[n] or not any(i in onbekend for i in lijn):
            continue
        rij = [1.0 if i in lijn else 0.0 for i in onbekend]
        getoond = sum(waarden[i] for i in lijn if i not in onbekend)
        totaal = sum(waarden[i] for i in lijn)
        if klein[n] or (afgerond and totaal > 0):  # "<5": 1 <= sum <= 4; rounded: a range of sums
            laag, hoog = (1, grens - 1) if klein[n] else afgerond_bereik(afgerond_getal(totaal, grens), grens)
            a_ub += [rij, [-x for x in rij]]
            b_ub += [hoog - getoond, getoond - laag]
        else:
            a_eq.append(rij)
            b_eq.append(sum(waarden[i] for i in lijn) - getoond)
    grenzen = [(1, grens - 1) if cellen[i].startswith("<") else (0, None) for i in onbekend]
    beperkingen = dict(A_eq=a_eq or None, b_eq=b_eq or None, A_ub=a_ub or None, b_ub=b_ub or None)
    uit = {}
    for j, i in enumerate(onbekend):
        c = np.zeros(len(onbekend))
        c[j] = 1
        laag = linprog(c, bounds=grenzen, **beperkingen).fun
        hoog = linprog(-c, bounds=grenzen, **beperkingen)
        hoog = float("inf") if hoog.status == 3 else -hoog.fun
        uit[i] = (laag, hoog)
    return uit


def test_a_small_count_is_hidden_and_its_smallest_neighbour_too():
    tabel = pd.DataFrame({"instroom": [3, 20, 40, 7]}, index=["Beuningen", "Nijmegen", "Wijchen", "Heumen"])
    cellen, totaal = tabelmarkering(tabel, ["instroom"], grens=5)
    assert list(cellen["instroom"]) == ["<5", "", "", "x"]
    assert not totaal["instroom"]


def test_zero_is_shown_and_a_small_total_is_hidden_itself():
    cellen, _ = tabelmarkering(pd.DataFrame({"n": [2, 0, 30]}), ["n"], grens=5)
    assert list(cellen["n"]) == ["<5", "", "x"]
    cellen, totaal = tabelmarkering(pd.DataFrame({"n": [2, 0]}), ["n"], grens=5)
    assert list(cellen["n"]) == ["<5", ""] and totaal["n"]


def test_a_lone_small_cell_has_a_small_total_that_says_no_more():
    m = markering([3], [[0]], grens=5)
    assert list(m.cellen) == ["<5"] and m.totaal_klein[0] and not m.totaal_verborgen[0]


def test_four_small_cells_beside_a_small_total_do_not_all_read_as_one():
    """Four '<5' next to a total '<5': each is at least 1 and together at most 4, so all are 1. One of them
    becomes 'x' (no longer 'at least 1'), or the total is hidden."""
    m = markering([1, 1, 1, 1], [[0, 1, 2, 3]], grens=5)
    assert "x" in list(m.cellen) or m.totaal_verborgen[0]
    for cel, (laag, hoog) in bereik([1, 1, 1, 1], [[0, 1, 2, 3]], m.cellen, [False] * 4, m.totaal_verborgen, 5,
                                    m.totaal_klein).items():
        assert hoog - laag >= 1, (cel, laag, hoog)


def test_own_gemeente_is_exact_and_never_counts_as_cover():
    # Own gemeente (row 0) has 2: shown exactly. Row 1 has 3: hidden; it needs a cover among the others.
    cellen, _ = tabelmarkering(pd.DataFrame({"n": [2, 3, 50, 8]}), ["n"], [True, False, False, False], grens=5)
    assert list(cellen["n"]) == ["", "<5", "", "x"]


def test_the_threshold_is_a_setting(monkeypatch):
    monkeypatch.setenv("DASHBOARD_DREMPEL", "10")
    cellen, _ = tabelmarkering(pd.DataFrame({"n": [7, 30, 40, 12]}), ["n"])
    assert list(cellen["n"]) == ["<10", "", "", "x"]


def mogelijke_waarden(waarden, lijnen, cellen, bekend, totaal_verborgen, grens, totaal_klein=None,
                      afgerond: bool = False) -> dict:
    """Brute force, independent of any algebra: every whole-number table an attacker cannot rule out
    (same shown cells, same published totals, a total shown as '<5' 1-4, '<5' cells 1-4, counts >= 0), and per
    hidden cell the values it takes in them."""
    klein = [False] * len(lijnen) if totaal_klein is None else list(totaal_klein)
    zichtbare_lijnen = [lijn for n, lijn in enumerate(lijnen) if not totaal_verborgen[n]]
    kleine_lijnen = [klein[n] for n in range(len(lijnen)) if not totaal_verborgen[n]]
    verborgen = [i for i in range(len(waarden)) if cellen[i] != "" and not bekend[i]]
    # a hidden cell in no published line can be anything: nothing to try
    vrij = {i for i in verborgen if not any(i in lijn for lijn in zichtbare_lijnen)}
    onbekend = [i for i in verborgen if i not in vrij]
    doel = [sum(waarden[i] for i in lijn) for lijn in zichtbare_lijnen]
    plafond = max(doel, default=0) + (grens if afgerond else 0)
    gezien: dict[int, set[int]] = {i: {int(waarden[i]), int(waarden[i]) + 1} for i in vrij}
    gezien.update({i: set() for i in onbekend})
    tabel = [int(w) if i not in onbekend else None for i, w in enumerate(waarden)]

    def past(klaar: bool) -> bool:
        for lijn, totaal, is_klein in zip(zichtbare_lijnen, doel, kleine_lijnen, strict=True):
            som = sum(tabel[i] for i in lijn if tabel[i] is not None and i not in vrij)
            compleet = klaar or all(tabel[i] is not None for i in lijn if i not in vrij)
            if is_klein:
                hoogste, laagste = grens - 1, 1
            elif afgerond and totaal > 0:  # the total is shown rounded: a range of sums
                laagste, hoogste = afgerond_bereik(afgerond_getal(totaal, grens), grens)
            else:
                hoogste, laagste = totaal, totaal
            if som > hoogste or (compleet and som < laagste):
                return False
        return True

    def vul(k: int) -> None:
        if k == len(onbekend):
            if past(True):
                for i in onbekend:
                    gezien[i].add(tabel[i])
            return
        i = onbekend[k]
        bereik_ = range(1, grens) if cellen[i].startswith("<") else range(0, plafond + 1)
        for w in bereik_:
            tabel[i] = w
            if past(False):
                vul(k + 1)
        tabel[i] = None

    vul(0)
    return gezien


@pytest.mark.parametrize("afgerond", [False, True])
@pytest.mark.parametrize("seed", range(40))
def test_no_hidden_cell_can_be_worked_out_by_trying_every_table(seed, afgerond):
    """With exact totals, and as others see them: totals rounded to 5 (a range of five sums), the marking made for
    that."""
    rng = np.random.default_rng((2000 if afgerond else 1000) + seed)
    r, k = rng.integers(2, 4), rng.integers(2, 4)
    waarden = rng.choice([0, 1, 2, 3, 5, 6, 9], size=r * k)
    lijnen = [[i * k + j for j in range(k)] for i in range(r)] + [[i * k + j for i in range(r)] for j in range(k)]
    bekend = rng.random(r * k) < 0.15
    m = markering(waarden, lijnen, bekend, grens=5, afgeronde_totalen=afgerond)
    for cel, mogelijk in mogelijke_waarden(waarden, lijnen, m.cellen, bekend, m.totaal_verborgen, 5,
                                           m.totaal_klein, afgerond=afgerond).items():
        assert waarden[cel] in mogelijk and len(mogelijk) >= 2, (cel, waarden[cel], mogelijk)


@pytest.mark.parametrize("seed", range(80))
def test_no_hidden_cell_can_be_recovered_in_random_two_way_tables(seed):
    rng = np.random.default_rng(seed)
    r, k = rng.integers(2, 6), rng.integers(2, 6)
    waarden = rng.choice([0, 1, 2, 3, 4, 5, 8, 12, 30], size=r * k, p=[.2, .1, .1, .1, .1, .1, .1, .1, .1])
    lijnen = [[i * k + j for j in range(k)] for i in range(r)] + [[i * k + j for i in range(r)] for j in range(k)]
    bekend = rng.random(r * k) < 0.15
    m = markering(waarden, lijnen, bekend, grens=5)
    klein = (waarden >= 1) & (waarden < 5) & ~bekend
    assert all(m.cellen[klein] != "")  # "<5", or "x" where "1 to 4" would say too much
    # the viewer knows the shown cells and their own; the unknowns are the hidden ones that are not their own
    onbekend = (m.cellen != "") & ~bekend
    # (a total shown as '<5' is no equation, only bounds: the LP below takes those)
    assert not herleidbaar(waarden, lijnen, onbekend, m.totaal_verborgen | m.totaal_klein)
    # and no attacker who also uses that counts are whole and at least 0 (and '<5' means 1-4) pins one down
    for cel, (laag, hoog) in bereik(waarden, lijnen, m.cellen, bekend, m.totaal_verborgen, 5,
                                    m.totaal_klein).items():
        assert hoog - laag > 0.5, (cel, waarden[cel], laag, hoog)


@pytest.mark.parametrize("seed", range(40))
def test_with_rounded_totals_no_hidden_cell_can_be_recovered_in_random_two_way_tables(seed):
    rng = np.random.default_rng(3000 + seed)
    r, k = rng.integers(2, 6), rng.integers(2, 6)
    waarden = rng.choice([0, 1, 2, 3, 4, 5, 8, 12, 30], size=r * k, p=[.2, .1, .1, .1, .1, .1, .1, .1, .1])
    lijnen = [[i * k + j for j in range(k)] for i in range(r)] + [[i * k + j for i in range(r)] for j in range(k)]
    bekend = rng.random(r * k) < 0.15
    m = markering(waarden, lijnen, bekend, grens=5, afgeronde_totalen=True)
    for cel, (laag, hoog) in bereik(waarden, lijnen, m.cellen, bekend, m.totaal_verborgen, 5, m.totaal_klein,
                                    afgerond=True).items():
        assert hoog - laag > 0.5, (cel, waarden[cel], laag, hoog)


def test_percentages_need_a_denominator_of_ten_and_a_numerator_that_is_not_hidden():
    assert not percentage_zichtbaar(2, 9, exact=False, grens=5)
    assert percentage_zichtbaar(0, 10, exact=False, grens=5)
    assert not percentage_zichtbaar(3, 40, exact=False, grens=5)  # 3 = 7,5% x 40
    assert percentage_zichtbaar(3, 4, exact=True, grens=5)


def test_months_inside_a_shown_tile_total_cover_each_other():
    """The overzicht shows instroom per month for 24 months and, in a tile, the total of this year's months:
    a hidden month of this year must not follow from the tile and the other months of this year."""
    from analytics.onderdrukking import afgeschermd
    from toegang.kijker import Kijker

    maanden = pd.DataFrame({"periode": pd.date_range("2025-01-01", periods=12, freq="MS"),
                            "instroom": [2, 30, 30, 30, 30, 30, 30, 30, 30, 4, 19, 20]})
    # the tile counts oct-dec: 4 + 19 + 20 = 43, shown as 45 (43 to 47): with 19 and 20 known, oct is 4
    dit_jaar = (maanden["periode"] >= "2025-10-01").to_numpy()
    uit = afgeschermd(maanden, Kijker("r@x.nl", "regio"), tellingen=("instroom",), deeltotalen=[dit_jaar], grens=5)
    cellen = ["" if not isinstance(w, str) else w for w in uit["instroom"]]
    lijnen = [list(range(12)), [9, 10, 11]]
    for cel, (laag, hoog) in bereik(maanden["instroom"].tolist(), lijnen, cellen, [False] * 12, [False, False],
                                    5, afgerond=True).items():
        assert hoog - laag >= 1, (cel, laag, hoog)
    assert cellen[9] == "<5" and "x" in cellen[10:12]  # the cover lies inside this year's months
