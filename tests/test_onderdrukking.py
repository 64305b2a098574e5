"""Small-number suppression (metrics.md): no count 0-4 shown to others, no hidden cell recoverable from the totals."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.optimize import linprog

from analytics.onderdrukking import afgerond as afgerond_getal
from analytics.onderdrukking import afgerond_bereik, is_afgeschermd, markering, percentage_zichtbaar, tabelmarkering
from tests.conftest import als_getoond


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
           getoond=None) -> dict[int, tuple]:
    """What an attacker can conclude about each hidden cell, with linear programming: its lowest and
    highest possible value given the published totals (a small one, shown as '<5', lies between 1 and 4), the
    shown and own cells, and that a '<5' cell lies between 1 and 4 and any count is at least 0. `getoond`: per line
    its total as shown rounded (a range of sums), else the totals are exact."""
    klein = [False] * len(lijnen) if totaal_klein is None else list(totaal_klein)
    onbekend = [i for i in range(len(waarden)) if cellen[i] != "" and not bekend[i]]
    a_eq, b_eq, a_ub, b_ub = [], [], [], []
    for n, lijn in enumerate(lijnen):
        if totaal_verborgen[n] or not any(i in onbekend for i in lijn):
            continue
        rij = [1.0 if i in lijn else 0.0 for i in onbekend]
        zichtbaar = sum(waarden[i] for i in lijn if i not in onbekend)
        totaal = sum(waarden[i] for i in lijn)
        if klein[n] or (getoond is not None and totaal > 0):  # "<5": 1 <= sum <= 4; rounded: a range of sums
            laag, hoog = (0, grens - 1) if klein[n] else afgerond_bereik(getoond[n], grens)
            a_ub += [rij, [-x for x in rij]]
            b_ub += [hoog - zichtbaar, zichtbaar - laag]
        else:
            a_eq.append(rij)
            b_eq.append(totaal - zichtbaar)
    grenzen = [(0, grens - 1) if cellen[i].startswith("<") else (0, None) for i in onbekend]
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


def test_zero_is_hidden_like_a_small_count_and_a_small_total_is_hidden_itself():
    """0 is "<5" too for others: an exact 0 beside totals of other periods tells which months had someone."""
    cellen, _ = tabelmarkering(pd.DataFrame({"n": [2, 0, 30]}), ["n"], grens=5)
    assert list(cellen["n"]) == ["<5", "<5", ""]  # together exactly 2: each still 0, 1 or 2
    cellen, totaal = tabelmarkering(pd.DataFrame({"n": [2, 0]}), ["n"], grens=5)
    assert list(cellen["n"]) == ["<5", "<5"] and totaal["n"]


def test_a_lone_small_cell_has_a_small_total_that_says_no_more():
    m = markering([3], [[0]], grens=5)
    assert list(m.cellen) == ["<5"] and m.totaal_klein[0] and not m.totaal_verborgen[0]


def test_two_small_cells_beside_a_total_of_eight_do_not_both_read_as_four():
    """Two '<5' next to an exact total of 8: each is at most 4, so both are 4. One of them becomes 'x' (no longer
    'at most 4'), or the total is hidden."""
    m = markering([4, 4], [[0, 1]], grens=5)
    assert "x" in list(m.cellen) or m.totaal_verborgen[0]
    for cel, (laag, hoog) in bereik([4, 4], [[0, 1]], m.cellen, [False] * 2, m.totaal_verborgen, 5,
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
                      getoond=None) -> dict:
    """Brute force, independent of any algebra: every whole-number table an attacker cannot rule out
    (same shown cells, same published totals, a total shown as '<5' 0-4, '<5' cells 0-4, counts >= 0), and per
    hidden cell the values it takes in them."""
    klein = [False] * len(lijnen) if totaal_klein is None else list(totaal_klein)
    zichtbare_lijnen = [lijn for n, lijn in enumerate(lijnen) if not totaal_verborgen[n]]
    kleine_lijnen = [klein[n] for n in range(len(lijnen)) if not totaal_verborgen[n]]
    verborgen = [i for i in range(len(waarden)) if cellen[i] != "" and not bekend[i]]
    # a hidden cell in no published line can be anything: nothing to try
    vrij = {i for i in verborgen if not any(i in lijn for lijn in zichtbare_lijnen)}
    onbekend = [i for i in verborgen if i not in vrij]
    doel = [sum(waarden[i] for i in lijn) for lijn in zichtbare_lijnen]
    getoonde_doelen = [None if getoond is None else getoond[n] for n in range(len(lijnen)) if not totaal_verborgen[n]]
    plafond = max(doel, default=0) + (2 * grens if getoond is not None else 0)
    gezien: dict[int, set[int]] = {i: {int(waarden[i]), int(waarden[i]) + 1} for i in vrij}
    gezien.update({i: set() for i in onbekend})
    tabel = [int(w) if i not in onbekend else None for i, w in enumerate(waarden)]

    def past(klaar: bool) -> bool:
        for lijn, totaal, is_klein, getoond_totaal in zip(zichtbare_lijnen, doel, kleine_lijnen, getoonde_doelen,
                                                          strict=True):
            som = sum(tabel[i] for i in lijn if tabel[i] is not None and i not in vrij)
            compleet = klaar or all(tabel[i] is not None for i in lijn if i not in vrij)
            if is_klein:
                hoogste, laagste = grens - 1, 0
            elif getoond_totaal is not None and totaal > 0:  # the total is shown rounded: a range of sums
                laagste, hoogste = afgerond_bereik(getoond_totaal, grens)
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
        bereik_ = range(0, grens) if cellen[i].startswith("<") else range(0, plafond + 1)
        for w in bereik_:
            tabel[i] = w
            if past(False):
                vul(k + 1)
        tabel[i] = None

    vul(0)
    return gezien


def getoonde_totalen(waarden, lijnen, rng) -> list[int]:
    """Per line its total as shown rounded, with a random count before its period (so anywhere within four of the
    true total)."""
    return [afgerond_getal(sum(waarden[i] for i in lijn), 5, int(rng.integers(0, 20))) for lijn in lijnen]


@pytest.mark.parametrize("afgerond", [False, True])
@pytest.mark.parametrize("seed", range(40))
def test_no_hidden_cell_can_be_worked_out_by_trying_every_table(seed, afgerond):
    """With exact totals, and as others see them: totals rounded (within four of the truth), the marking made for
    that."""
    rng = np.random.default_rng((2000 if afgerond else 1000) + seed)
    r, k = rng.integers(2, 4), rng.integers(2, 4)
    waarden = rng.choice([0, 1, 2, 3, 5, 6, 9], size=r * k)
    lijnen = [[i * k + j for j in range(k)] for i in range(r)] + [[i * k + j for i in range(r)] for j in range(k)]
    bekend = rng.random(r * k) < 0.15
    getoond = getoonde_totalen(waarden, lijnen, rng) if afgerond else None
    m = markering(waarden, lijnen, bekend, grens=5, getoonde_totalen=getoond)
    for cel, mogelijk in mogelijke_waarden(waarden, lijnen, m.cellen, bekend, m.totaal_verborgen, 5,
                                           m.totaal_klein, getoond=getoond).items():
        assert waarden[cel] in mogelijk and len(mogelijk) >= 2, (cel, waarden[cel], mogelijk)


@pytest.mark.parametrize("seed", range(80))
def test_no_hidden_cell_can_be_recovered_in_random_two_way_tables(seed):
    rng = np.random.default_rng(seed)
    r, k = rng.integers(2, 6), rng.integers(2, 6)
    waarden = rng.choice([0, 1, 2, 3, 4, 5, 8, 12, 30], size=r * k, p=[.2, .1, .1, .1, .1, .1, .1, .1, .1])
    lijnen = [[i * k + j for j in range(k)] for i in range(r)] + [[i * k + j for i in range(r)] for j in range(k)]
    bekend = rng.random(r * k) < 0.15
    m = markering(waarden, lijnen, bekend, grens=5)
    klein = (waarden < 5) & ~bekend
    assert all(m.cellen[klein] != "")  # "<5", or "x" where "0 to 4" would say too much
    # the viewer knows the shown cells and their own; the unknowns are the hidden ones that are not their own
    onbekend = (m.cellen != "") & ~bekend
    # (a total shown as '<5' is no equation, only bounds: the LP below takes those)
    assert not herleidbaar(waarden, lijnen, onbekend, m.totaal_verborgen | m.totaal_klein)
    # and no attacker who also uses that counts are whole and at least 0 (and '<5' means 0-4) pins one down
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
    getoond = getoonde_totalen(waarden, lijnen, rng)
    m = markering(waarden, lijnen, bekend, grens=5, getoonde_totalen=getoond)
    for cel, (laag, hoog) in bereik(waarden, lijnen, m.cellen, bekend, m.totaal_verborgen, 5, m.totaal_klein,
                                    getoond=getoond).items():
        assert hoog - laag > 0.5, (cel, waarden[cel], laag, hoog)


def test_percentages_need_a_denominator_of_ten_and_a_numerator_that_is_not_hidden():
    assert not percentage_zichtbaar(2, 9, exact=False, grens=5)
    assert not percentage_zichtbaar(0, 10, exact=False, grens=5)  # 0% of 10 says the hidden 0
    assert percentage_zichtbaar(5, 10, exact=False, grens=5)
    assert not percentage_zichtbaar(3, 40, exact=False, grens=5)  # 3 = 7,5% x 40
    assert percentage_zichtbaar(3, 4, exact=True, grens=5)


def test_months_inside_a_shown_tile_total_cover_each_other():
    """The overzicht shows instroom per month and, in a tile, the total of the last months: a hidden month must
    not follow from the tile and the other months. Rounded as a running count, the tile can lie four above the
    truth, and then it pins a small month at 4."""
    from analytics.onderdrukking import afgerond, afgeschermd, eerder_per_rij
    from toegang.kijker import Kijker

    maanden = pd.DataFrame({"periode": pd.date_range("2025-01-01", periods=12, freq="MS"),
                            "instroom": [5] * 9 + [4, 30, 27]})
    eerder = eerder_per_rij(maanden, ("instroom",), voor=pd.DataFrame({"instroom": [2]}))
    # the tile counts oct-dec: 61, after 47 before it: 110 - 45 = 65 (61 to 69): with 30 and 27 known, oct is 4
    assert afgerond(61, 5, eerder.at[9, "instroom"]) == 65
    laatste = (maanden["periode"] >= "2025-10-01").to_numpy()
    uit = afgeschermd(maanden, Kijker("r@x.nl", "regio"), tellingen=("instroom",), deeltotalen=[laatste], grens=5,
                      eerder=eerder, selectie=())
    cellen = [als_getoond(w) if is_afgeschermd(w) else "" for w in uit["instroom"]]
    lijnen = [list(range(12)), [9, 10, 11]]
    getoond = [afgerond(106, 5, 2), 65]
    for cel, (laag, hoog) in bereik(maanden["instroom"].tolist(), lijnen, cellen, [False] * 12, [False, False],
                                    5, getoond=getoond).items():
        assert hoog - laag >= 1, (cel, laag, hoog)
    assert cellen[9] == "<5" and "x" in cellen[10:12]  # the cover lies inside the tile's months
    # and the months shown add up to the tile as shown: 65 = what oct-dec show together with the hidden ones
    assert sum(afgerond(w, 5, e) for w, e in zip(maanden["instroom"][9:], eerder["instroom"][9:], strict=True)) == 65
