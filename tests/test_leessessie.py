"""One page run is one reader of the store (basis.opslag.leessessie, opened in dashboard.py): the questions of a run
that are not answered from the cache share one read-only connection, instead of opening the file and loading the
selection macros for each (30-90 ms a question); a write in the same run closes it first, and the questions after
the write see what it wrote."""

from __future__ import annotations

from pathlib import Path

import duckdb

import analytics.opslag
from analytics.opslag import query
from basis.opslag import leessessie, schrijfverbinding
from tests.conftest import KANDIDATEN_KOP, app_als, ingest, kandidaat, schrijf_xlsx


def tellers(monkeypatch, db: Path) -> dict[str, int]:
    """How often, from now on, the store is opened read-only, and how many questions ask it (cache misses)."""
    geteld = {"geopend": 0, "vragen": 0}
    echt_connect, echt_verbinding = duckdb.connect, analytics.opslag.gedeelde_leesverbinding

    def connect(pad, *args, read_only: bool = False, **opties):
        geteld["geopend"] += Path(pad) == db and read_only
        return echt_connect(pad, *args, read_only=read_only, **opties)

    def verbinding(*args, **opties):
        geteld["vragen"] += 1
        return echt_verbinding(*args, **opties)

    monkeypatch.setattr(duckdb, "connect", connect)
    monkeypatch.setattr(analytics.opslag, "gedeelde_leesverbinding", verbinding)
    return geteld


def organisaties(db: Path) -> list[str]:
    return query("laatste_peildatum_per_organisatie", db=db)["organisatie"].tolist()


def test_questions_in_one_run_share_a_connection_and_a_write_closes_it(db, tmp_path, monkeypatch):
    ingest(db, schrijf_xlsx(tmp_path / "k.xlsx", [KANDIDATEN_KOP, kandidaat("T1")]))
    geteld = tellers(monkeypatch, db)
    with leessessie(db):
        assert organisaties(db) == ["Werkbedrijf Test"]
        assert query("alleen_demo", {"demo": "demo"}, db=db)["alleen_demo"].tolist() == [False]
        assert geteld == {"geopend": 1, "vragen": 2}
        with schrijfverbinding(db) as con:  # a write in the run: the run's read connection is closed first
            con.execute("UPDATE traject_actueel SET organisatie = 'Werkbedrijf Nieuw'")
            con.execute("UPDATE kandidaten_rij SET organisatie = 'Werkbedrijf Nieuw'")
        assert organisaties(db) == ["Werkbedrijf Nieuw"]  # opened again, and it sees the write
        assert geteld == {"geopend": 2, "vragen": 3}
    assert organisaties(db) == ["Werkbedrijf Nieuw"]  # cached
    assert query("alleen_demo", {"demo": "iemand"}, db=db)["alleen_demo"].tolist() == [False]  # after the run: its own
    assert geteld == {"geopend": 3, "vragen": 4}


def test_without_a_run_every_question_has_a_short_connection_of_its_own(db, tmp_path, monkeypatch):
    """A page file run by itself, a tool: as before, each question opens and closes the store."""
    ingest(db, schrijf_xlsx(tmp_path / "k.xlsx", [KANDIDATEN_KOP, kandidaat("T1")]))
    geteld = tellers(monkeypatch, db)
    assert organisaties(db) == ["Werkbedrijf Test"]
    assert query("alleen_demo", {"demo": "demo"}, db=db)["alleen_demo"].tolist() == [False]
    assert geteld == {"geopend": 2, "vragen": 2}


def test_the_dashboard_s_first_run_opens_the_store_for_reading_once(db, tmp_path, monkeypatch):
    ingest(db, schrijf_xlsx(tmp_path / "k.xlsx", [KANDIDATEN_KOP, *[kandidaat(f"T{i}") for i in range(12)]]))
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    app_als(monkeypatch, tmp_path).run()  # the login's audit line; the questions of the Overzicht now cached
    ander = db.with_name("ander.duckdb")
    ander.write_bytes(db.read_bytes())  # the same store under another name: nothing of it cached
    monkeypatch.setenv("DASHBOARD_DB", str(ander))
    geteld = tellers(monkeypatch, ander)
    app = app_als(monkeypatch, tmp_path).run()
    assert not app.exception
    assert [m.label for m in app.metric][:1] == ["Instroom"]
    assert geteld["vragen"] >= 5
    assert geteld["geopend"] == 1


def test_duckdb_uses_the_threads_the_setting_gives(db, tmp_path, monkeypatch):
    """DASHBOARD_DUCKDB_DRADEN (the tests run with 1: two processes on two cores already); unset, DuckDB's own."""
    from basis.opslag import leesverbinding

    ingest(db, schrijf_xlsx(tmp_path / "k.xlsx", [KANDIDATEN_KOP, kandidaat("T1")]))
    for draden in ("2", "1"):
        monkeypatch.setenv("DASHBOARD_DUCKDB_DRADEN", draden)
        with leesverbinding(db) as con:
            assert con.execute("SELECT current_setting('threads')").fetchone() == (int(draden),)
