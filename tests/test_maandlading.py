"""The monthly load keeps the current state per traject by replacing only the trajecten in its export (issue 17: a
load into the national store within 2x the same load into an empty one); every other load derives it again."""

from __future__ import annotations

import datetime as dt

import pytest

from pipelines import laden
from tests.conftest import KANDIDATEN_KOP, actueel_naast_definitie, ingest, kandidaat, rijen, schrijf_xlsx


@pytest.fixture
def stappen(monkeypatch) -> list[str]:
    """The names of the load SQL files that brought traject_actueel up to date, in order."""
    gebruikt: list[str] = []
    echte = laden.voer_uit

    def voer_uit(con, naam, parameters=None):
        if naam.startswith("traject_actueel"):
            gebruikt.append(naam)
        return echte(con, naam, parameters)

    monkeypatch.setattr(laden, "voer_uit", voer_uit)
    return gebruikt


def bestand(pad, *data):
    return schrijf_xlsx(pad, [KANDIDATEN_KOP, *data])


def actueel(db) -> list[tuple]:
    return rijen(db, "SELECT traject_id, status, peildatum FROM traject_actueel ORDER BY ALL")


def gelijk_aan_definitie(db) -> None:
    """The kept current state and what the counts compare per traject, each equal to its definition."""
    assert actueel_naast_definitie(db) == [0, 0]


def test_a_later_peildatum_replaces_only_the_trajecten_in_the_export(db, tmp_path, stappen):
    oktober = bestand(tmp_path / "okt.xlsx", kandidaat("T1"), kandidaat("T2"))
    november = bestand(tmp_path / "nov.xlsx", kandidaat("T1", Status="Uitgevallen", Einddatum=dt.date(2026, 11, 5),
                                                       **{"Reden uitval": "Ziekte"}), kandidaat("T3"))
    assert ingest(db, oktober, peildatum="2026-10-31").returncode == 0
    assert ingest(db, bestand(tmp_path / "ander.xlsx", kandidaat("T1")), organisatie="Ander Bedrijf",
                  peildatum="2026-12-01").returncode == 0
    assert ingest(db, november, peildatum="2026-11-30").returncode == 0

    assert stappen == ["traject_actueel_bijwerken"] * 3  # the other organisatie's later peildatum does not count
    assert actueel(db) == [
        ("T1", "lopend", dt.date(2026, 12, 1)),  # Ander Bedrijf's T1
        ("T1", "uitgevallen", dt.date(2026, 11, 30)),
        ("T2", "lopend", dt.date(2026, 10, 31)),  # missing from November: its October state stands
        ("T3", "lopend", dt.date(2026, 11, 30)),
    ]
    gelijk_aan_definitie(db)


@pytest.mark.parametrize("peildatum", ["2026-09-30", "2026-10-31"], ids=["ouder", "dezelfde"])
def test_an_older_or_the_same_peildatum_derives_the_state_again_from_every_snapshot(db, tmp_path, stappen, peildatum):
    assert ingest(db, bestand(tmp_path / "okt.xlsx", kandidaat("T1"), kandidaat("T2")),
                  peildatum="2026-10-31").returncode == 0
    assert ingest(db, bestand(tmp_path / "later.xlsx", kandidaat("T1", Sector="Groen"), kandidaat("T9")),
                  peildatum=peildatum).returncode == 0

    assert stappen == ["traject_actueel_bijwerken", "traject_actueel_vernieuwen"]
    gelijk_aan_definitie(db)
    if peildatum == "2026-10-31":  # the same peildatum replaces the October export: T2 is gone, T9 came
        assert [r[0] for r in actueel(db)] == ["T1", "T9"]
    else:  # an older one is kept but changes nothing current
        assert actueel(db) == [("T1", "lopend", dt.date(2026, 10, 31)), ("T2", "lopend", dt.date(2026, 10, 31))]


def test_after_rolling_back_the_monthly_load_the_previous_month_counts_again(db, tmp_path, stappen):
    assert ingest(db, bestand(tmp_path / "okt.xlsx", kandidaat("T1"), kandidaat("T2")),
                  peildatum="2026-10-31").returncode == 0
    voor = rijen(db, "SELECT * FROM traject_actueel ORDER BY ALL")
    assert ingest(db, bestand(tmp_path / "nov.xlsx", kandidaat("T1", Sector="Groen"), kandidaat("T3")),
                  peildatum="2026-11-30").returncode == 0
    (upload_id,) = rijen(db, "SELECT max(upload_id) FROM upload")[0]

    assert laden.terugdraaien(db, upload_id).startswith(f"Upload {upload_id} is teruggedraaid")
    assert rijen(db, "SELECT * FROM traject_actueel ORDER BY ALL") == voor
    gelijk_aan_definitie(db)
