"""Rounding for whoever does not own the numbers: two totals of the same selection over different periods must not
give back the small count of the months between them. Checked with integer programming: from every period total a
regio user can ask for, what can be concluded about one month?"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import shutil
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from scipy.optimize import Bounds, LinearConstraint, milp

from analytics.beschermd import afgerond_aandeel, afgerond_aantal, bereik
from analytics.beschermd import getoond as getoond_getal
from analytics.onderdrukking import (
    aandeel_getoond,
    afgerond,
    afgerond_bereik,
    afgeschermd,
    afgeschermd_getal,
    afgeschermde_curve,
)
from tests.conftest import als_getoond
from toegang import beleid
from toegang.kijker import Kijker

REGIO = Kijker("consortium@regio.example", "regio")
BEHEERDER = Kijker("beheer@regio.example", "beheerder")


# --- the rule ---------------------------------------------------------------------------------------------


def test_counts_round_to_the_nearest_multiple_of_five_and_small_ones_stay_hidden():
    assert [afgerond(n, 5) for n in (0, 5, 6, 7, 8, 12, 13, 122, 123)] == [0, 5, 5, 5, 10, 10, 15, 120, 125]
    assert [afgeschermd_getal(n, False, 5) for n in (0, 3, 7, 123)] == ["<5", "<5", afgerond_aantal(5, 5),
                                                                          afgerond_aantal(125, 5)]
    assert [afgeschermd_getal(n, True, 5) for n in (0, 3, 7, 123)] == [0, 3, 7, 123]


def afgeronde_waarden(getoond: object, grens: int = 5) -> tuple[int, int | None]:
    """What one shown count on its own tells someone about the true one: its lowest and highest possible value
    (None: no highest). "<5" is 0-4, "x" anything, 0 (only for owners) is 0, a rounded n is within four of it (what
    came before its period is not known) but never below the threshold."""
    getoond = als_getoond(getoond)
    if getoond == "x":
        return 0, None
    if isinstance(getoond, str):
        return 0, grens - 1
    if getoond == 0:
        return 0, 0
    laag, hoog = afgerond_bereik(int(getoond), grens)
    return int(laag), int(hoog)


def test_what_a_rounded_count_says_is_a_range_of_nine_values():
    assert afgeronde_waarden(10, 5) == (6, 14)
    assert afgeronde_waarden(5, 5) == (5, 9)  # 1-4 would have been "<5"
    assert afgeronde_waarden("<5", 5) == (0, 4)
    assert afgeronde_waarden(0, 5) == (0, 0)
    assert afgeronde_waarden("x", 5) == (0, None)
    # every count with anything before it is shown within that range
    for waarde in range(5, 40):
        for eerder in range(0, 25):
            laag, hoog = afgeronde_waarden(afgerond(waarde, 5, eerder), 5)
            assert laag <= waarde <= hoog


def test_counts_of_one_selection_add_up_over_periods_as_shown():
    """Rounded as running counts, the months shown add up to the year shown, and a sliding year this month is last
    month's plus the new month minus the old one: no pair of periods says more than the periods themselves."""
    rng = np.random.default_rng(7)
    maanden = rng.choice([0, 1, 2, 3, 6, 9], size=36)
    loopt = np.concatenate([[11], 11 + np.cumsum(maanden)])  # 11 before the first month

    def getoond(a: int, b: int) -> int:  # months a..b as shown
        return afgerond(int(maanden[a:b + 1].sum()), 5, int(loopt[a]))

    assert sum(getoond(m, m) for m in range(12)) == getoond(0, 11)
    assert getoond(1, 12) == getoond(0, 11) + getoond(12, 12) - getoond(0, 0)
    assert all(abs(getoond(a, b) - maanden[a:b + 1].sum()) <= 4 for a in range(36) for b in range(a, 36))


def test_a_table_is_rounded_for_others_and_its_shares_come_from_the_exact_ratio():
    tabel = pd.DataFrame({"gemeente": ["A", "B", "C", "D"], "uitval": [12, 3, 0, 9], "instroom": [41, 38, 20, 30]})
    tabel["aandeel"] = tabel["uitval"] / tabel["instroom"]
    tabel["per_maand"] = tabel["instroom"] / 12
    zichtbaar = afgeschermd(tabel, REGIO, tellingen=("uitval", "instroom"),
                            aandelen={"aandeel": ("uitval", "instroom")}, afgeleid={"per_maand": "instroom"}, grens=5)
    # the total 24 is shown as 25 (21 to 29): with 12 and 9 even known exactly the 3 and the 0 lie between 0 and 4,
    # so no other cell needs hiding
    assert zichtbaar["uitval"].tolist() == [afgerond_aantal(10, 5), "<5", "<5", afgerond_aantal(10, 5)]
    assert [w.getoond for w in zichtbaar["instroom"]] == [40, 40, 20, 30]
    assert (zichtbaar.at[0, "uitval"].laag, zichtbaar.at[0, "uitval"].hoog) == (6, 14)  # what 10 says: 6 to 14
    # 12/41 = 29,3%: rounded to 30% (27,5 to 32,5), not 10/40 = 25% (a ratio of two rounded counts)
    assert zichtbaar.at[0, "aandeel"] == afgerond_aandeel(12 / 41)
    assert zichtbaar.at[0, "aandeel"].getoond == pytest.approx(0.30)
    assert zichtbaar.at[1, "aandeel"] is None
    # proportional to a rounded count: its range, scaled (per month: 40 / 12, between 36 / 12 and 44 / 12)
    assert [w.getoond for w in zichtbaar["per_maand"]] == pytest.approx([40 / 12, 40 / 12, 20 / 12, 30 / 12])
    assert zichtbaar.at[0, "per_maand"].laag == pytest.approx(36 / 12)
    # its owner sees it as it is
    assert afgeschermd(tabel, BEHEERDER, tellingen=("uitval", "instroom")).equals(tabel)
    eigen = afgeschermd(tabel, REGIO, tellingen=("uitval", "instroom"), exact=[True, False, False, False], grens=5)
    assert eigen.at[0, "uitval"] == 12 and eigen.at[0, "instroom"] == 41


def test_a_share_is_rounded_coarser_where_five_points_would_pin_its_counts():
    """5 of 14 shown as 5 (5 to 9) of 10 (10 to 14): 35% (32,5 to 37,5) fits only 5/14, which would make both counts
    exact (and two exact counts of overlapping periods give the months between them back). So 10 points: 40%."""
    aandeel = aandeel_getoond(5 / 14, afgerond_aantal(5, 5), afgerond_aantal(10, 5))
    assert (aandeel.getoond, aandeel.laag, aandeel.hoog) == pytest.approx((0.40, 0.35, 0.45))
    paren = [(t, n) for t in range(5, 10) for n in range(10, 15) if aandeel.laag <= t / n <= aandeel.hoog]
    assert len({t for t, _ in paren}) >= 2 and len({n for _, n in paren}) >= 2
    # with larger counts 5 points leave room: 12 of 41 shown as 10 of 40
    assert aandeel_getoond(12 / 41, afgerond_aantal(10, 5), afgerond_aantal(40, 5)).hoog - 0.275 == pytest.approx(0.05)


def test_a_protected_number_cannot_be_computed_with_by_accident():
    waarde = afgerond_aantal(10, 5)
    for som in (lambda: waarde + 1, lambda: waarde - waarde, lambda: waarde < 5, lambda: bool(waarde),
                lambda: sorted([waarde, afgerond_aantal(5, 5)])):
        with pytest.raises(TypeError):
            som()


def test_a_curve_for_others_steps_only_by_five_people_or_more():
    curve = pd.DataFrame({"tijd": [0, 1, 2, 3, 4, 5, 6, 7], "gebeurtenissen": [1, 2, 0, 3, 1, 4, 0, 0],
                          "overleving": np.linspace(1, 0.6, 8), "onder": 0.5, "boven": 1.0, "at_risk": 40})
    grof = afgeschermde_curve(curve, exact=False, grens=5)
    assert grof["tijd"].tolist() == [0, 3, 5, 7]  # 1+2+0+3 = 6 by month 3, 1+4 = 5 by month 5, then a flat end
    assert grof.at[0, "overleving"] == 1.0  # the one at the start itself is not a step of its own
    tot_en_met = [0] + [int(curve.loc[curve["tijd"] <= t, "gebeurtenissen"].sum()) for t in grof["tijd"][1:]]
    stappen = [b - a for a, b in itertools.pairwise(tot_en_met)]  # people behind each drop of the curve shown
    assert stappen == [6, 5, 0]
    assert afgeschermde_curve(curve, exact=True).equals(curve)


# --- differencing periods: the attack ---------------------------------------------------------------------


def maanden(laatste: dt.date, aantal: int) -> list[tuple[dt.date, dt.date]]:
    """The `aantal` calendar months up to and including the month of `laatste`, oldest first."""
    uit = []
    eerste = pd.Timestamp(laatste).to_period("M")
    for stap in range(aantal - 1, -1, -1):
        maand = eerste - stap
        uit.append((maand.start_time.date(), maand.end_time.date()))
    return uit


PLAFOND = 200  # more than any month of the demo


def terug_te_rekenen(totalen: dict, aantal: int, grens: int = 5, afgerond: bool = True,
                     waar: dict | None = None, klein_vanaf: int = 0, niets_ervoor: bool = False,
                     aandelen: list = ()) -> dict:
    """Per month: the lowest and highest count (None: no highest) consistent with every shown total of a run of
    months ((a, b), ...) and that counts are whole numbers >= 0 (integer programming: the extremes are whole numbers
    too), or two such values at least 1 apart. `afgerond`: shown numbers are rounded as running counts (else exact),
    and the attacker is taken to know how: every shown n over months a..b is 5 (k_end - k_start) with the running
    count since the fixed beginning within two of 5 k at both ends, for whole k (the same k wherever a period starts
    or ends at that moment), and the count before the first month (c0) unknown. With `waar` (the true months): only
    whether they fit. `klein_vanaf`: the least a "<5" can be (0; 1 where 0 is shown as 0). `niets_ervoor`: the
    attacker knows nothing came before the first month (the data starts there): c0 is 0. `aandelen`: shares shown
    with the count of a period as teller or noemer, ((a, b), rol, (lowest, highest) of the other count as shown,
    (lowest, highest) of the share as shown): each adds the other count as a whole number within its range and
    lowest x noemer <= teller <= highest x noemer."""
    onder_r, boven_r = -(grens // 2), math.ceil(grens / 2) - 1  # running count minus its rounding
    sneden = sorted({a for (a, _), *_ in totalen} | {b + 1 for (_, b), *_ in totalen}) if afgerond else []
    # variables: months 0..aantal-1, c0, one k per moment a period starts or ends
    n = aantal + 1 + len(sneden) + len(aandelen)
    k_van = {snede: aantal + 1 + i for i, snede in enumerate(sneden)}
    y_van = aantal + 1 + len(sneden)  # the other count of each share

    def loopt(snede: int) -> np.ndarray:  # the running count at a moment: c0 plus the months before it
        rij = np.zeros(n)
        rij[:snede] = 1.0
        rij[aantal] = 1.0
        return rij

    rijen, laag, hoog = [], [], []
    for snede in sneden:
        rijen.append(loopt(snede) - grens * np.eye(n)[k_van[snede]])
        laag.append(onder_r)
        hoog.append(boven_r)
    for ((a, b), *_), getoond in totalen.items():
        getoond = als_getoond(getoond)
        periode = loopt(b + 1) - loopt(a)
        if getoond == "x":
            continue
        if isinstance(getoond, str):  # "<5"
            rijen.append(periode), laag.append(klein_vanaf), hoog.append(grens - 1)
        elif getoond == 0 or not afgerond:
            rijen.append(periode), laag.append(getoond), hoog.append(getoond)
        else:
            rijen.append(grens * (np.eye(n)[k_van[b + 1]] - np.eye(n)[k_van[a]]))
            laag.append(getoond), hoog.append(getoond)
            rijen.append(periode), laag.append(grens), hoog.append(np.inf)
    for j, ((a, b), rol, _, (s_laag, s_hoog)) in enumerate(aandelen):
        periode, ander = loopt(b + 1) - loopt(a), np.eye(n)[y_van + j]
        teller, noemer = (periode, ander) if rol == "teller" else (ander, periode)
        rijen.append(teller - s_laag * noemer), laag.append(-1e-9), hoog.append(np.inf)
        rijen.append(teller - s_hoog * noemer), laag.append(-np.inf), hoog.append(1e-9)
    beperking = LinearConstraint(np.array(rijen), laag, hoog)
    # bounded, so the solver never has to prove a program unbounded (slow with the k's): a month reaching PLAFOND is
    # one nothing limits from above
    # c0 matters only up to a multiple of 5 (5 more before shifts every k by 1): 0 to 4 (no symmetry to search)
    onder = np.r_[np.zeros(aantal + 1), np.full(len(sneden), -1.0), [a[2][0] for a in aandelen]]
    boven = np.r_[np.full(aantal, PLAFOND), 0 if niets_ervoor else grens - 1,
                  np.full(len(sneden), aantal * PLAFOND / grens + 1),
                  [min(a[2][1], aantal * PLAFOND) for a in aandelen]]
    if waar is not None:  # only: can the true months be behind what is shown?
        maanden_waar = np.array([waar.get(m, 0) for m in range(aantal)], float)
        r = milp(np.zeros(n), constraints=beperking, integrality=np.ones(n),
                 bounds=Bounds(np.r_[maanden_waar, onder[aantal:]], np.r_[maanden_waar, boven[aantal:]]))
        return {"past": r.status == 0}
    grenzen = Bounds(onder, boven)
    # every solution is a table the attacker cannot rule out: a month already seen with two values 1 apart is not
    # pinned and needs no programs of its own (its pair of seen values is returned instead of its extremes)
    gezien_laag, gezien_hoog = np.full(aantal, np.inf), np.full(aantal, -np.inf)
    uit = {}
    for m in range(aantal):
        if gezien_hoog[m] - gezien_laag[m] >= 1:
            uit[m] = (gezien_laag[m], gezien_hoog[m])
            continue
        doel = np.zeros(n)
        doel[m] = 1.0
        extremen = []
        for teken in (1.0, -1.0):
            r = milp(teken * doel, constraints=beperking, integrality=np.ones(n), bounds=grenzen)
            assert r.status == 0, r.message
            # whole numbers (the variables are): a share's coefficients leave float noise (3.000000000000001)
            extremen.append(None if teken < 0 and -r.fun >= PLAFOND - 0.5 else round(teken * r.fun))
            if r.status == 0:
                gezien_laag = np.minimum(gezien_laag, np.round(r.x[:aantal]))
                gezien_hoog = np.maximum(gezien_hoog, np.round(r.x[:aantal]))
        uit[m] = tuple(extremen)
    return uit


def test_the_attack_model_pins_what_it_should():
    """The integer program itself: months 0-2 each "<5" (0-4), 5 over months 0-1 and 10 over 0-2. As running counts
    from an unknown c0 that fits 1, 4, 4 and others: nothing is pinned. With exact totals 5 and 9, month 2 is 4."""
    totalen = {((0, 0), 0): "<5", ((1, 1), 0): "<5", ((2, 2), 0): "<5", ((0, 1), 0): 5, ((0, 2), 0): 10}
    afgerond_ = terug_te_rekenen(totalen, 3)
    assert all(hoog - laag >= 1 for laag, hoog in afgerond_.values())
    exact = terug_te_rekenen({**totalen, ((0, 2), 0): 9}, 3, afgerond=False)
    assert exact[2] == (4, 4)
    # a share pins too: month 0 is "<5", and 1 of it is 30-35% (one person of three): month 0 is 3
    met_aandeel = terug_te_rekenen(totalen, 3, aandelen=[((0, 0), "noemer", (1, 1), (0.30, 0.35))])
    assert met_aandeel[0] == (3, 3)


@pytest.fixture
def opslag(demo_opslag, tmp_path, monkeypatch):
    db, _ = demo_opslag
    kopie = tmp_path / "opslag.duckdb"
    shutil.copy(db, kopie)
    monkeypatch.setenv("DASHBOARD_DB", str(kopie))
    return kopie


# counts that add up over months (unieke kandidaten do not: one person starting twice counts once in a year)
TEGELS = ("instroom", "praktijkverklaringen", "uitstroom_werk")
AANTAL_MAANDEN = 36  # the trend on the overzicht reaches 24 months back, a year-ago tile 12 more


def aangeboden_perioden(peildatum: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Every period a viewer without exact numbers can choose at this peildatum: the fixed ones of the filter bar."""
    from analytics.perioden import periode_van
    from kader.filterbalk import periodes

    return sorted({periode_van(keuze, peildatum) for keuze in periodes(REGIO)})


def wat_de_paginas_tonen(gemeente: str, kijker: Kijker, perioden=None, sector: str | None = None) -> tuple[dict, list]:
    """What `getoond_per_periode` says, its questions asked as the pages ask them: through one read connection, as
    in a page run (basis.opslag.leessessie), not one per question."""
    from basis.instellingen import db_pad
    from basis.opslag import leessessie

    with leessessie(db_pad()):
        return getoond_per_periode(gemeente, kijker, perioden, sector)


def getoond_per_periode(gemeente: str, kijker: Kijker, perioden=None, sector: str | None = None) -> tuple[dict, list]:
    """For one gemeente (a regio user may choose one), for every period on offer: the additive counts the pages
    show about it, per count: {(first month, last month): shown values}, months as indexes into the last
    AANTAL_MAANDEN months. Asked of the functions the pages call, as they call them: overzicht (the tiles of the
    period and of a year earlier; the trend of instroom per month, marked as the page marks it), instroom (per
    month and per year in the period), uitval (instroom
    per start quarter and per start year, cut to the period) and sectoren (the whole selection in each complete
    half year and the one before). What a patient user could write down in one sitting. With `sector`: the same
    with that sector chosen in the filter, plus that sector's row wherever the gemeente's numbers are split by
    sector (instroom per month and per year, the sectorvergelijking)."""
    from analytics.filters import Filters
    from analytics.kengetallen import instroom_per_periode, kengetallen, periode_grenzen
    from analytics.sectoren import halfjaren, sectorvergelijking
    from analytics.uitval import uitval_per_cohort

    eerste_start, peildatum = periode_grenzen()
    reeks = maanden(peildatum, AANTAL_MAANDEN)
    index = {van.replace(day=1): i for i, (van, _) in enumerate(reeks)}
    getoond: dict[str, dict] = {t: {} for t in TEGELS}
    getoond["_aandelen"] = {t: [] for t in TEGELS}

    def noteer(tegel: str, van: dt.date, tot: dt.date, waarde: object) -> None:
        a, b = index.get(van.replace(day=1)), index.get(tot.replace(day=1))
        if a is not None and b is not None and not (waarde is None or isinstance(waarde, float) and np.isnan(waarde)):
            getoond[tegel].setdefault((a, b), set()).add(waarde)

    def noteer_aandeel(tegel: str, van: dt.date, tot: dt.date, rol: str, ander: object, aandeel: object) -> None:
        """A share shown with `tegel`'s count of the period as teller or noemer and `ander` as the other count."""
        a, b = index.get(van.replace(day=1)), index.get(tot.replace(day=1))
        if a is None or b is None or getoond_getal(aandeel) is None or getoond_getal(ander) is None:
            return
        getoond["_aandelen"][tegel].append(((a, b), rol, bereik(ander), bereik(aandeel)))

    sectoren = (sector,) if sector else ()
    for van, tot in aangeboden_perioden(peildatum) if perioden is None else perioden:
        gekozen = Filters(van, tot, gemeenten=(gemeente,), sectoren=sectoren, kijker=kijker)
        if sector:  # the gemeente split by sector: this sector's cells (for others only per year)
            per_perioden = (("maand", 1), ("jaar", 12)) if beleid.ziet_alles_exact(kijker) else (("jaar", 12),)
            for per, maanden_per in per_perioden:
                gesplitst = instroom_per_periode(replace(gekozen, sectoren=()), per, "sector")
                for rij in gesplitst[gesplitst["groep"] == sector].itertuples():
                    begin = pd.Timestamp(rij.periode).date()
                    einde = (pd.Timestamp(begin) + pd.DateOffset(months=maanden_per) - pd.Timedelta(days=1)).date()
                    noteer("instroom", max(begin, van), min(einde, tot), rij.instroom)
        for periode in (gekozen, gekozen.jaar_eerder()):
            getallen = kengetallen(periode)
            for tegel in TEGELS:
                noteer(tegel, periode.van, periode.tot, getattr(getallen, tegel))
            noteer_aandeel("uitstroom_werk", periode.van, periode.tot, "teller", getallen.beeindigd,
                           getallen.aandeel_werk)
        trend_van = min(van, (pd.Timestamp(tot) - pd.DateOffset(months=23)).date().replace(day=1))
        trend = instroom_per_periode(gekozen.met_periode(trend_van, tot), "maand", getoonde_totalen=(
            (gekozen.van, gekozen.tot), (gekozen.jaar_eerder().van, gekozen.jaar_eerder().tot)))
        for rij in trend.itertuples():
            maand = pd.Timestamp(rij.periode).date()
            noteer("instroom", maand, maand, rij.instroom)
        for per, maanden_per in (("maand", 1), ("jaar", 12)):  # the instroom page, per month or per year
            for rij in instroom_per_periode(gekozen, per).itertuples():
                begin = pd.Timestamp(rij.periode).date()
                einde = (pd.Timestamp(begin) + pd.DateOffset(months=maanden_per) - pd.Timedelta(days=1)).date()
                noteer("instroom", max(begin, van), min(einde, tot), rij.instroom)
        for per, maanden_per in (("kwartaal", 3), ("jaar", 12)):
            for rij in uitval_per_cohort(gekozen, per).itertuples():
                if rij.is_totaal:
                    begin, einde = van, tot
                else:
                    begin = pd.Timestamp(rij.cohort).date()
                    einde = (pd.Timestamp(begin) + pd.DateOffset(months=maanden_per) - pd.Timedelta(days=1)).date()
                    begin, einde = max(begin, van), min(einde, tot)
                noteer("instroom", begin, einde, rij.instroom)
                for deel in ("uitval", "lopend", "rest"):  # its shares of the instroom, with their tellers
                    noteer_aandeel("instroom", begin, einde, "noemer", getattr(rij, deel),
                                   getattr(rij, f"aandeel_{deel}"))
    for halfjaar in halfjaren(eerste_start, peildatum):
        for keuze in {sectoren, ()}:
            vergelijking = sectorvergelijking(Filters(halfjaar.van, halfjaar.tot, gemeenten=(gemeente,),
                                                      sectoren=keuze, kijker=kijker), halfjaar, eerste_start)
            rijen = vergelijking[vergelijking["totaal"] if keuze == sectoren else vergelijking["sector"].eq(sector)]
            for _, rij in rijen.iterrows():
                for achtervoegsel, deel in (("", halfjaar), ("_vorig", halfjaar.vorige())):
                    for tegel in TEGELS:
                        noteer(tegel, deel.van, deel.tot, rij[f"{tegel}{achtervoegsel}"])
                    noteer_aandeel("uitstroom_werk", deel.van, deel.tot, "teller", rij[f"beeindigd{achtervoegsel}"],
                                   rij[f"aandeel_werk{achtervoegsel}"])
    return getoond, reeks


def als_totalen(getoond: dict) -> dict:
    """One constraint per (period, shown value): a month marked "x" in one view may be shown in another."""
    return {(periode, n): waarde for periode, waarden in getoond.items()
            for n, waarde in enumerate(sorted(waarden, key=str))}


def terug_te_rekenen_uit(getoond: dict, afgerond: bool = True, klein_vanaf: int = 0,
                         aandelen: list = ()) -> dict[int, tuple]:
    return terug_te_rekenen(als_totalen(getoond), AANTAL_MAANDEN, afgerond=afgerond, klein_vanaf=klein_vanaf,
                            niets_ervoor=data_begint_in_de_reeks(), aandelen=aandelen)


def kleine_maanden_en_wat_ervan_te_zeggen_is(regio: dict, exact: dict):
    """Per count and month with a true 1-4 (from what the beheerder sees per month): (count, month, true value, and
    the lowest and highest value the integer program finds from everything the regio user was shown)."""
    for tegel in TEGELS:
        waar = {m: next(iter(exact[tegel][(m, m)])) for m in range(AANTAL_MAANDEN) if (m, m) in exact[tegel]}
        aandelen = regio.get("_aandelen", {}).get(tegel, [])  # with the shares shown beside the counts
        for m, (laag, hoog) in terug_te_rekenen_uit(regio[tegel], aandelen=aandelen).items():
            if 1 <= waar.get(m, 0) <= 4:
                yield tegel, m, waar[m], laag, hoog


def data_begint_in_de_reeks() -> bool:
    """Does the data start within the months looked at? Then the attacker knows nothing came before (every count,
    also by end date or praktijkverklaring, is of a traject started in the data)."""
    from analytics.kengetallen import periode_grenzen

    eerste, peildatum = periode_grenzen()
    return eerste >= maanden(peildatum, AANTAL_MAANDEN)[0][0]


@pytest.mark.parametrize("gemeente", ["GM0209", "GM0944", "GM1945"])
def test_no_small_month_follows_from_everything_a_regio_user_can_ask_for(opslag, gemeente):
    """The smallest gemeenten of the demo. Every month with a true count of 1-4 keeps at least two possible
    values, whatever combination of the periods on offer is used (integer programming over all of them)."""
    regio, _ = wat_de_paginas_tonen(gemeente, REGIO)
    exact, _ = wat_de_paginas_tonen(gemeente, BEHEERDER)
    kleine_maanden = 0
    for tegel, m, waar, laag, hoog in kleine_maanden_en_wat_ervan_te_zeggen_is(regio, exact):
        kleine_maanden += 1
        assert hoog is None or hoog - laag >= 1, (tegel, m, waar, laag, hoog)
    assert kleine_maanden  # the gemeente had small months to protect
    # and what is shown fits the true months (so the model of how it is shown is right)
    assert terug_te_rekenen(als_totalen(regio["instroom"]), AANTAL_MAANDEN, waar=ware_maanden(gemeente),
                            niets_ervoor=data_begint_in_de_reeks(), aandelen=regio["_aandelen"]["instroom"])["past"]


def ware_maanden(gemeente: str) -> dict[int, int]:
    """The gemeente's true instroom per month of the last AANTAL_MAANDEN months, as the beheerder sees it."""
    from analytics.filters import Filters
    from analytics.kengetallen import instroom_per_periode, periode_grenzen

    reeks = maanden(periode_grenzen()[1], AANTAL_MAANDEN)
    tabel = instroom_per_periode(Filters(reeks[0][0], reeks[-1][1], gemeenten=(gemeente,), kijker=BEHEERDER), "maand")
    index = {van: i for i, (van, _) in enumerate(reeks)}
    return {index[pd.Timestamp(p).date()]: int(n) for p, n in zip(tabel["periode"], tabel["instroom"], strict=True)}


@pytest.mark.parametrize("gemeente, sector", [("GM0225", "facilitair_horeca"), ("GM0296", "logistiek"),
                                               ("GM0268", "schoonmaak"), ("GM0252", "groen")])
def test_no_small_month_of_one_sector_follows_from_the_pages_split_and_filtered(opslag, gemeente, sector):
    """A review found Druten/facilitair: months '<5' in the split by sector, the sector's year '<5' and its first
    quarter '<5' together made every month 1. Now: the sector's months against everything shown with that sector
    chosen and in every split by sector (integer programming). Heumen/groen: rounded each on its own, jan-okt 2025
    "5" (5-7), the first half "5" (5-7), the third quarter "<5" and October "<5" made October 1."""
    regio, _ = wat_de_paginas_tonen(gemeente, REGIO, sector=sector)
    exact, _ = wat_de_paginas_tonen(gemeente, BEHEERDER, sector=sector)
    for tegel, m, waar, laag, hoog in kleine_maanden_en_wat_ervan_te_zeggen_is(regio, exact):
        assert hoog is None or hoog - laag >= 1, (tegel, m, waar, laag, hoog)


def perioden_van_een_jaar_lang_kijken(peildatum: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Every period on offer to a viewer without exact numbers at each month end of the last year: someone who
    came back every month and wrote everything down ("afgelopen 12 maanden" slides a month each time)."""
    from analytics.perioden import VASTE_PERIODES, periode_van

    return sorted({periode_van(keuze, einde) for _, einde in maanden(peildatum, 12) for keuze in VASTE_PERIODES})


@pytest.mark.parametrize("gemeente", ["GM0944", "GM1945"])
def test_no_small_month_follows_from_a_year_of_monthly_visits(opslag, gemeente):
    """Session 3 measured it with each total rounded on its own: a user writing down the fixed periods every month
    for a year pinned 19 of Mook en Middelaar's 30 small months and 15 of Berg en Dal's 62. Rounded as running
    counts, the totals of one selection over any periods add up, and say no more than each running count to
    within two."""
    from analytics.kengetallen import periode_grenzen

    perioden = perioden_van_een_jaar_lang_kijken(periode_grenzen()[1])
    regio, _ = wat_de_paginas_tonen(gemeente, REGIO, perioden)
    exact, _ = wat_de_paginas_tonen(gemeente, BEHEERDER, perioden)
    kleine_maanden = 0
    for tegel, m, waar, laag, hoog in kleine_maanden_en_wat_ervan_te_zeggen_is(regio, exact):
        kleine_maanden += 1
        assert hoog is None or hoog - laag >= 1, (tegel, m, waar, laag, hoog)
    assert kleine_maanden


def test_others_get_a_split_by_sector_per_year_only(opslag):
    from analytics.filters import Filters
    from analytics.kengetallen import instroom_per_periode
    from toegang.kijker import GeenToegang

    gekozen = Filters(dt.date(2026, 1, 1), dt.date(2026, 10, 31), gemeenten=("GM0225",), kijker=REGIO)
    with pytest.raises(GeenToegang):
        instroom_per_periode(gekozen, "maand", "sector")
    assert not instroom_per_periode(gekozen, "jaar", "sector").empty
    assert not instroom_per_periode(replace(gekozen, kijker=BEHEERDER), "maand", "sector").empty


def test_without_rounding_the_same_view_did_give_small_months_away(opslag):
    """What the check above guards against is real: with the exact totals of the same periods and only 1-4
    hidden (as "<5", 0 shown as 0), integer programming pins small months."""
    exact, _ = wat_de_paginas_tonen("GM0944", BEHEERDER)
    vastgepind = []
    for tegel in TEGELS:
        zonder_afronding = {periode: {"<5" if 1 <= w <= 4 else w for w in waarden}
                            for periode, waarden in exact[tegel].items()}
        waar = {m: next(iter(exact[tegel][(m, m)])) for m in range(AANTAL_MAANDEN) if (m, m) in exact[tegel]}
        vastgepind += [(tegel, m) for m, (laag, hoog) in terug_te_rekenen_uit(zonder_afronding, afgerond=False,
                                                                               klein_vanaf=1).items()
                       if hoog is not None and laag == hoog and 1 <= waar.get(m, 0) <= 4]
    assert vastgepind


@pytest.mark.parametrize("dimensie", ["", "sector", "doelgroep"])
def test_every_drop_of_a_curve_others_see_is_five_people_or_more(opslag, dimensie):
    """Time to uitval for the regio over the whole data: behind each drop of a shown curve lie at least 5 uitvallers
    (counted on the same whole months), so no step says "one person left in month 4"."""
    from analytics.filters import Filters
    from analytics.kengetallen import periode_grenzen
    from analytics.uitval import tijd_tot_uitval, tijd_tot_uitval_gegevens

    eerste, laatste = periode_grenzen()
    gekozen = Filters(eerste, laatste, kijker=REGIO)
    km = tijd_tot_uitval(gekozen, dimensie)
    gegevens = tijd_tot_uitval_gegevens(gekozen, dimensie)
    gegevens["maanden"] = np.ceil(gegevens["maanden"])
    assert not km.curves.empty
    getrapt = 0
    for groep, curve in km.curves.groupby("groep"):
        deel = gegevens[gegevens["groep"] == groep]
        tot_en_met = [int(deel.loc[(deel["maanden"] <= t) & deel["gebeurtenis"], "gebeurtenis"].count())
                      for t in curve["tijd"]]
        stappen = [b - a for a, b in itertools.pairwise([0, *tot_en_met[1:]])]
        assert all(s == 0 or s >= 5 for s in stappen), (groep, list(curve["tijd"]), stappen)
        getrapt += len(curve) < len(np.union1d([0.0], deel["maanden"]))
    assert getrapt  # some curve did lose steps that were fewer than 5 people
    # the share is rounded to 5 percentage points, without band or numbers followed: the exact share and its band
    # gave the number at risk back (n = (1 - S) / (V S)), and the chart sent it along in its hover data
    assert np.allclose(km.curves["overleving"] * 20, (km.curves["overleving"] * 20).round())
    assert km.curves[["onder", "boven", "at_risk"]].isna().all().all()
    from weergave.uitvalgrafieken import overlevingscurves

    grafiek = overlevingscurves(km.curves, km.groepen["groep"].tolist(), {}, titel="t", aantallen=km.aantallen_tonen)
    assert all(len(rij) == 5 for spoor in grafiek.figure.data if spoor.customdata is not None
               for rij in spoor.customdata)  # name, months, share and the two (empty) band ends: no count


def test_the_shares_others_see_beside_the_counts_are_part_of_the_attack(opslag):
    """The attack above also takes the shares shown beside the counts (uitval, lopend and the rest of a cohort's
    instroom; uitstroom naar werk of the beëindigde trajecten), each a range from the exact ratio, with the other
    count as shown: Berg en Dal shows some, so the integer programs there include them."""
    regio, _ = wat_de_paginas_tonen("GM1945", REGIO)
    assert regio["_aandelen"]["instroom"] and regio["_aandelen"]["uitstroom_werk"]
    assert all(laag <= hoog and hoog - laag <= 0.5 for *_, (laag, hoog) in regio["_aandelen"]["instroom"])


def test_an_order_the_rounded_counts_cannot_decide_is_named_as_a_whole_run():
    """The Pareto of redenen the review found: shown 10, 10 and 5 (6-14, 6-14, 5-9) where exactly 6, 7 and 8. Naming
    only neighbours left 'Gezondheid above Werk' standing (twice as long a bar), which is false: the run is named as
    a whole. A count certainly larger than the rest starts no run."""
    from analytics.beschermd import onzekere_groepen

    getoond = [afgerond_aantal(20, 5), afgerond_aantal(10, 5), afgerond_aantal(10, 5), afgerond_aantal(5, 5)]
    namen = ["Anders", "Gezondheid", "Motivatie", "Werk"]
    assert onzekere_groepen(getoond, namen) == [["Gezondheid", "Motivatie", "Werk"]]
    assert onzekere_groepen([30, 20, 10], ["a", "b", "c"]) == []  # exact numbers: the order holds
