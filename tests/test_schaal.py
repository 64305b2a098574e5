"""Issue 17 point 2: the read side's questions made cheap at national scale give the answers they gave before."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from analytics.filters import Filters
from analytics.opslag import query
from analytics.uitval import kaplan_meier
from tests.conftest import KANDIDATEN_KOP, ingest, kandidaat, schrijf_xlsx

ALLES = {"regio": [], "gemeenten": [], "organisaties": [], "sectoren": [], "doelgroepen": [], "stromen": [],
         "routes": []}


def test_kaplan_meier_from_counts_is_the_estimate_from_one_row_per_traject():
    """The uitval page now gets (maanden, uitval, aantal) from DuckDB instead of a row per traject: same curve."""
    rng = np.random.default_rng(17)
    maanden = rng.integers(0, 30, 2_000) / 2
    uitval = rng.random(2_000) < 0.3
    los = kaplan_meier(maanden, uitval)
    geteld = pd.DataFrame({"maanden": maanden, "uitval": uitval}).value_counts().reset_index(name="aantal")
    samen = kaplan_meier(geteld["maanden"], geteld["uitval"], aantal=geteld["aantal"])
    pd.testing.assert_frame_equal(los, samen)


def test_the_tiles_and_the_table_per_gemeente_come_from_one_question(db, tmp_path, monkeypatch):
    """kengetallen.sql with per = 'beide' holds exactly the rows of per = 'totaal' and per = 'gemeente'."""
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    ingest(db, schrijf_xlsx(tmp_path / "a.xlsx", [
        KANDIDATEN_KOP, kandidaat("T1"), kandidaat("T2", Gemeente="Wijchen"),
        kandidaat("T3", Kandidaatnummer="KT1", Startdatum=dt.date(2025, 2, 1), Status="Afgerond",
                  Einddatum=dt.date(2026, 2, 1), Uitstroom="Betaald werk")]))
    parameters = {**ALLES, "van": dt.date(2026, 1, 1), "tot": dt.date(2026, 10, 31)}
    beide = query("kengetallen", {**parameters, "per": "beide"})
    for per, totaal in (("totaal", True), ("gemeente", False)):
        los = query("kengetallen", {**parameters, "per": per}).drop(columns="is_totaal")
        deel = beide[beide["is_totaal"] == totaal].drop(columns="is_totaal").reset_index(drop=True)
        pd.testing.assert_frame_equal(los.drop(columns="gemeentecode"), deel.drop(columns="gemeentecode"))
    assert beide.loc[beide["is_totaal"], "instroom"].tolist() == [2]
    assert sorted(beide.loc[~beide["is_totaal"], "groep"]) == ["Nijmegen", "Wijchen"]


def test_as_it_stood_on_a_date_reads_each_organisations_latest_export_on_or_before_it(db, tmp_path, monkeypatch):
    """trajecten_op: per organisatie its latest export on or before the date, and only that export's rows; an export
    without a traject in the selection counts 0 there (not an older export that had one)."""
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    ingest(db, schrijf_xlsx(tmp_path / "a.xlsx", [KANDIDATEN_KOP, kandidaat("T1"), kandidaat("T2", Sector="Groen")]),
           peildatum="2026-08-31")
    ingest(db, schrijf_xlsx(tmp_path / "b.xlsx", [KANDIDATEN_KOP, kandidaat("T1"), kandidaat("T3")]),
           peildatum="2026-09-30")

    def lopend(op: str, **selectie) -> int:
        return int(query("lopend_op", {**ALLES, **selectie, "peildatum": dt.date.fromisoformat(op)})["lopend"].iloc[0])

    assert lopend("2026-08-15") == 0  # nothing delivered yet
    assert lopend("2026-09-15") == 2  # the August export: T1 and T2
    assert lopend("2026-10-31") == 2  # the September export: T1 and T3
    assert lopend("2026-09-15", sectoren=["groen"]) == 1
    assert lopend("2026-10-31", sectoren=["groen"]) == 0  # T2 is not in the September export


def test_the_filter_choices_are_the_values_in_the_store(db, tmp_path, monkeypatch):
    """filterkeuzes.sql in one scan: every dimension with the values present, gemeenten by code with their name."""
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    ingest(db, schrijf_xlsx(tmp_path / "a.xlsx", [
        KANDIDATEN_KOP, kandidaat("T1"), kandidaat("T2", Gemeente="Wijchen", Sector="Groen", Stroom=None)]))
    keuzes = {d: list(zip(g["waarde"], g["naam"], strict=True)) for d, g in query("filterkeuzes").groupby("dimensie")}
    assert keuzes["gemeenten"] == [("GM0268", "Nijmegen"), ("GM0296", "Wijchen")]
    assert keuzes["regio"] == [("Rijk van Nijmegen", "Rijk van Nijmegen")]
    assert keuzes["organisaties"] == [("Werkbedrijf Test", "Werkbedrijf Test")]
    assert [w for w, _ in keuzes["sectoren"]] == ["groen", "schoonmaak"]
    assert [w for w, _ in keuzes["stromen"]] == ["langstromer", "onbekend"]
    assert set(keuzes) == {"regio", "gemeenten", "organisaties", "sectoren", "doelgroepen", "stromen", "routes"}


def test_filters_object_still_reaches_the_same_rows(db, tmp_path, monkeypatch):
    """trajecten_in_selectie (the latest peildatum per organisatie from a grouped join): the tiles count as before."""
    from analytics.kengetallen import kengetallen
    from toegang.kijker import Kijker

    monkeypatch.setenv("DASHBOARD_DB", str(db))
    ingest(db, schrijf_xlsx(tmp_path / "a.xlsx", [KANDIDATEN_KOP, kandidaat("T1"), kandidaat("T2")]),
           peildatum="2026-09-30")
    ingest(db, schrijf_xlsx(tmp_path / "b.xlsx", [KANDIDATEN_KOP, kandidaat("T1", Gemeente="Wijchen")]),
           organisatie="Ander Werkbedrijf", peildatum="2026-10-31")
    beheerder = Filters(dt.date(2026, 1, 1), dt.date(2026, 10, 31), kijker=Kijker("beheer@test.example", "beheerder"))
    getallen = kengetallen(beheerder)
    assert (getallen.instroom, getallen.lopend) == (3, 3)  # each organisatie's lopend at its own latest peildatum
