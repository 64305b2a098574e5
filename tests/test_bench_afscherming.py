"""The measure of issue 13, point 2 on the demo store: the current design never shows a wrong conclusion, and the
checker that says so does find the wrong conclusions of the old design (Heumen 'achter' while exactly op koers,
the Pareto of redenen in the wrong order), so a 0 for the current design means something."""

from __future__ import annotations

import pytest

from analytics import celsleutel as ck
from bench import bench_afscherming as bench
from toegang.kijker import Kijker


def figuren_voor(demo_opslag, kijker: Kijker):
    db, _ = demo_opslag
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DASHBOARD_DB", str(db))
        mp.setenv("DASHBOARD_SLEUTEL", str(db.parent / "sleutel"))
        return bench.figuren(kijker)


@pytest.fixture(scope="module")
def figuren_regio(demo_opslag):
    return figuren_voor(demo_opslag, Kijker("regio@x.nl", "regio"))


@pytest.fixture(scope="module")
def figuren_presentatie(demo_opslag):
    return figuren_voor(demo_opslag, Kijker("beheer@x.nl", "beheerder").in_presentatiemodus())


def totaal(figuren, ontwerp: str) -> bench.Meting:
    return bench.gemeten(figuren, ontwerp)[-1]


def test_current_design_has_no_wrong_conclusion(figuren_regio):
    meting = totaal(figuren_regio, "huidig")
    assert meting.conclusies > 50
    assert meting.fout == 0, meting.foute
    assert meting.niet_te_bepalen > 0  # the price: some conclusions the ranges cannot decide


def test_the_presentatiemodus_draws_no_wrong_conclusion_either(figuren_presentatie):
    """The beheerder on the projector sees protected numbers: every conclusion there holds for the exact ones too."""
    meting = totaal(figuren_presentatie, "huidig")
    assert meting.conclusies > 50
    assert meting.fout == 0, meting.foute


def test_the_checker_finds_the_old_designs_wrong_conclusions(figuren_regio):
    meting = totaal(figuren_regio, "oud")
    assert meting.fout > 0
    assert any("stand GM0252" in f and "getoond achter, exact op koers" in f for f in meting.foute), meting.foute
    assert any("volgorde" in f for f in meting.foute), meting.foute


def test_cell_key_conclusions_are_decided_from_its_bounds(figuren_regio):
    for ontwerp in ("celsleutel", "celsleutel_nul"):
        assert totaal(figuren_regio, ontwerp).fout == 0


def test_cells_and_errors_are_measured_within_the_designs_bounds(figuren_regio):
    huidig, celsleutel = totaal(figuren_regio, "huidig"), totaal(figuren_regio, "celsleutel")
    assert 0 < huidig.getoond < huidig.cellen == celsleutel.cellen
    assert max(huidig.fouten_aantal) <= 4  # cumulative rounding: within the threshold minus one
    assert max(celsleutel.fouten_aantal) <= ck.D


def test_cell_key_noise_is_fixed_per_cell_and_bounded():
    for aantal in range(5, 40):
        for sleutel in (0.0, 0.05, 0.31, 0.5, 0.77, 0.999):
            getoond = ck.verstoord(aantal, sleutel)
            assert getoond == ck.verstoord(aantal, sleutel)
            assert getoond.getoond >= 5 and getoond.laag <= aantal <= getoond.hoog
    assert ck.verstoord(3, 0.4) == "<5" and ck.verstoord(0, 0.4).getoond == 0
    assert ck.verstoord(0, 0.4, nul_tonen=False) == "<5"
    assert ck.celsleutel([0.75, 0.5]) == pytest.approx(0.25)
