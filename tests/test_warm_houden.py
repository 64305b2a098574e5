"""The read side's cache across the store's changes (issue 17): a login or a download (a line in the audit log)
leaves every cached answer valid, while the logboek shows the line at once; after a load the server
asks the recent questions again, so the next visitor gets the new numbers from the cache, the numbers a cold run
gives."""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager

import pytest

from analytics import opslag
from basis.audit import vastleggen
from tests.conftest import app_als, gecorrigeerde_lading


@pytest.fixture
def app(demo_opslag, monkeypatch, tmp_path):
    """The dashboard on the demo store as a logged-in beheerder (a corrected load ends the demo: the login page would
    show no numbers) with an empty cache, its Overzicht run once."""
    opslag.cache_legen()
    opslag._gevraagd.clear()  # the questions of the module's earlier tests: on this store copy too, changed since
    db, _ = demo_opslag
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    monkeypatch.setenv("DASHBOARD_SLEUTEL", str(db.parent / "sleutel"))
    app = app_als(monkeypatch, tmp_path)
    app.run()
    assert not app.exception
    assert overzicht(app)
    return app


def overzicht(app) -> bool:
    """The Overzicht with its five tiles is shown (not the login page)."""
    return bool(app.title) and app.title[0].value == "Overzicht" and len(app.metric) == 5


@contextmanager
def zonder_opslag(monkeypatch):
    """Every question that is not answered from the cache fails: what a page then shows came from the cache."""
    def geen_verbinding(*_args, **_kwargs):
        raise AssertionError("de opslag werd gevraagd")

    with monkeypatch.context() as m:
        m.setattr(opslag, "gedeelde_leesverbinding", geen_verbinding)
        yield


def tegels(app) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def gecorrigeerd(demo_opslag, tmp_path, uitgevallen: int) -> None:
    db, exports = demo_opslag
    gecorrigeerde_lading(db, exports, tmp_path, uitgevallen)


def test_a_login_line_leaves_the_cached_answers_valid_and_the_logboek_shows_it(app, demo_opslag, monkeypatch):
    db, _ = demo_opslag
    voor = tegels(app)
    logboek = opslag.query("logboek", {"aantal": 5}, db=db)
    assert "p.de.vries@elders.example" not in set(logboek["wie"])
    bestand = opslag.bestandsversie(db)

    vastleggen(db, "p.de.vries@elders.example", "inloggen", "lokaal account, rol gemeente")

    assert opslag.bestandsversie(db) != bestand  # the file did change
    with zonder_opslag(monkeypatch):
        app.run()
    assert not app.exception, app.exception
    assert overzicht(app) and tegels(app) == voor
    assert list(opslag.query("logboek", {"aantal": 5}, db=db)["wie"])[0] == "p.de.vries@elders.example"


def test_after_a_load_the_recent_questions_are_asked_again_with_the_numbers_of_a_cold_run(app, demo_opslag,
                                                                                          monkeypatch, tmp_path):
    db, _ = demo_opslag
    voor = tegels(app)
    assert opslag.niet_bewaard(db) == []

    gecorrigeerd(demo_opslag, tmp_path, 30)

    nog = opslag.niet_bewaard(db)
    assert nog and {naam for naam, _, _ in nog} >= {"kengetallen", "filterkeuzes"}
    assert opslag.opnieuw_gevraagd(db) == len(nog)
    assert opslag.niet_bewaard(db) == []
    with zonder_opslag(monkeypatch):
        app.run()
    assert not app.exception, app.exception
    assert overzicht(app)
    warm = tegels(app)
    assert int(warm["Lopende trajecten"]) < int(voor["Lopende trajecten"])  # the 30 that dropped out

    opslag.cache_legen()
    app.run()
    assert not app.exception
    assert overzicht(app) and tegels(app) == warm


def test_the_servers_thread_asks_them_again_once_the_store_has_changed(app, demo_opslag, tmp_path):
    db, _ = demo_opslag
    stop = threading.Event()
    draad = opslag.warm_houden(db, elke=0.05, stop=stop)
    try:
        time.sleep(0.2)  # it has seen the store as it is
        assert opslag.niet_bewaard(db) == []
        gecorrigeerd(demo_opslag, tmp_path, 60)
        tot = time.monotonic() + 120  # a bound, not a timing: on a busy machine it takes longer
        while opslag.niet_bewaard(db) and time.monotonic() < tot:
            time.sleep(0.05)
        assert opslag.niet_bewaard(db) == []
    finally:
        stop.set()
        draad.join(timeout=30)
    assert not draad.is_alive()
