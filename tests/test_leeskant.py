"""The read side: cached per question and filters, and never stale after a load or rollback."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from analytics.filters import Filters
from analytics.kengetallen import kengetallen
from tests.conftest import KANDIDATEN_KOP, cli, ingest, kandidaat, schrijf_xlsx
from toegang.kijker import GeenToegang, Kijker

BEHEERDER = Kijker("beheer@test.example", "beheerder")
JAAR = Filters(kijker=BEHEERDER, van=dt.date(2026, 1, 1), tot=dt.date(2026, 10, 31))


def test_answers_follow_every_load_and_rollback_made_by_another_process(db, tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    ingest(db, schrijf_xlsx(tmp_path / "a.xlsx", [KANDIDATEN_KOP, kandidaat("T1")]))
    assert kengetallen(JAAR).instroom == 1
    assert kengetallen(JAAR).instroom == 1  # from the cache

    ingest(db, schrijf_xlsx(tmp_path / "b.xlsx", [KANDIDATEN_KOP, kandidaat("T1"), kandidaat("T2")]))
    assert kengetallen(JAAR).instroom == 2

    assert cli("terugdraaien", "--db", db, 2).returncode == 0
    assert kengetallen(JAAR).instroom == 1


def test_the_gemeente_filter_changes_the_answer(db, tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    ingest(
        db, schrijf_xlsx(tmp_path / "a.xlsx", [KANDIDATEN_KOP, kandidaat("T1"), kandidaat("T2", Gemeente="Wijchen")])
    )
    assert kengetallen(JAAR).instroom == 2
    assert kengetallen(replace(JAAR, gemeenten=("GM0296",))).instroom == 1
    assert kengetallen(replace(JAAR, regio=("Rijk van Nijmegen",))).instroom == 2
    assert kengetallen(replace(JAAR, regio=("Twente",))).instroom == 0


def test_the_read_side_gives_no_numbers_without_a_viewer(db, tmp_path, monkeypatch):
    """Deny by default: a question asked without knowing who looks gets no answer."""
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    ingest(db, schrijf_xlsx(tmp_path / "k.xlsx", [KANDIDATEN_KOP, kandidaat("T1")]))
    with pytest.raises(GeenToegang):
        kengetallen(Filters(van=JAAR.van, tot=JAAR.tot))
