"""A link reproduces every choice on a page: the shared filters and each page's own choices (the half year, month or
year, the split, K). Each page's choices are changed as a user does, the link is read from the URL, and the link opened
in a new session shows the same choices."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from analytics.sectoren import Halfjaar
from tests.conftest import demo_app

# page -> (widget kind, key, the value chosen (not the default), how the link writes it)
KEUZES = {
    "pages/instroom.py": [("radio", "instroom_per", "jaar", "jaar"),
                          ("selectbox", "instroom_uitsplitsen", "Stroom", "Stroom")],
    "pages/uitval.py": [("radio", "uitval_cohort_per", "jaar", "jaar"),
                        ("selectbox", "uitval_uitsplitsen", "Doelgroep", "Doelgroep")],
    "pages/structurele_vraag.py": [("slider", "vraag_k", 9, "9"), ("radio", "vraag_heatmap_per", "beroep", "beroep")],
    "pages/sectoren.py": [("selectbox", "sectoren_halfjaar", "2025-1", "2025-1")],
    "pages/rapportage.py": [("selectbox", "rapport_halfjaar", Halfjaar.uit_sleutel("2025-1"), "2025-1")],
    "pages/resultaten.py": [("selectbox", "resultaten_jaar", 2025, "2025"),
                            ("selectbox", "resultaten_per", "stroom", "stroom")],
}  # fmt: skip


def widget(app: AppTest, soort: str, key: str):
    return getattr(app, soort)(key=key)


def geopend(demo_opslag, monkeypatch, pagina: str, link: dict | None = None) -> AppTest:
    """The page opened in a new session, directly from a link (as the browser does with /instroom?...)."""
    app = demo_app(demo_opslag, monkeypatch, timeout=120)
    app.query_params.update(link or {})
    app.switch_page(pagina).run()
    assert not app.exception
    return app


@pytest.mark.parametrize("pagina", list(KEUZES))
def test_every_choice_on_the_page_round_trips_through_the_link(demo_opslag, monkeypatch, pagina):
    app = geopend(demo_opslag, monkeypatch, pagina)
    app.selectbox(key="filter_periode").set_value("Vorig jaar").run()
    for soort, key, waarde, _ in KEUZES[pagina]:
        assert widget(app, soort, key).value != waarde  # a real change
        widget(app, soort, key).set_value(waarde).run()
        assert not app.exception
    link = dict(app.query_params)
    assert link["periode"] == "Vorig jaar"
    assert {key: link.get(key) for _, key, _, _ in KEUZES[pagina]} == {key: tekst for _, key, _, tekst in
                                                                      KEUZES[pagina]}

    nieuw = geopend(demo_opslag, monkeypatch, pagina, link)
    assert nieuw.selectbox(key="filter_periode").value == "Vorig jaar"
    for soort, key, waarde, _ in KEUZES[pagina]:
        assert widget(nieuw, soort, key).value == waarde, key
    assert dict(nieuw.query_params) == link  # and the new session's link is the same link
    assert [m.value for m in nieuw.metric] == [m.value for m in app.metric]  # the same view


def test_a_choice_in_a_link_that_no_longer_exists_is_ignored(demo_opslag, monkeypatch):
    app = geopend(demo_opslag, monkeypatch, "pages/instroom.py",
                  {"instroom_per": "eeuw", "instroom_uitsplitsen": "Stroom"})
    assert app.radio(key="instroom_per").value == "maand"
    assert app.selectbox(key="instroom_uitsplitsen").value == "Stroom"
    assert app.query_params["instroom_per"] == "maand"
    assert not [w for w in app.warning if "Session State" in w.value]


def test_the_link_carries_only_the_choices_of_the_page_shown(demo_opslag, monkeypatch):
    app = geopend(demo_opslag, monkeypatch, "pages/instroom.py")
    app.radio(key="instroom_per").set_value("jaar").run()
    app.switch_page("pages/uitval.py").run()
    assert not app.exception
    assert "instroom_per" not in app.query_params
    assert app.query_params["uitval_cohort_per"] == "kwartaal"


def test_the_choices_on_the_verbeteracties_page_round_trip_through_the_link(demo_opslag, tmp_path, monkeypatch):
    import shutil

    from demodata.laden import demo_verbeteracties

    db, _ = demo_opslag
    kopie = tmp_path / "demo.duckdb"
    shutil.copy(db, kopie)
    monkeypatch.setenv("DASHBOARD_SLEUTEL", str(db.parent / "sleutel"))
    assert demo_verbeteracties(kopie) == 3
    monkeypatch.setenv("DASHBOARD_DB", str(kopie))
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    def open_(link: dict) -> AppTest:
        app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        app.query_params.update(link)
        app.switch_page("pages/verbeteracties.py").run()
        assert not app.exception
        return app

    app = open_({})
    app.selectbox(key="va_status").set_value("bezig").run()
    app.checkbox(key="va_te_laat").check().run()
    app.selectbox(key="va_halfjaar").set_value("2025-2").run()
    link = dict(app.query_params)
    assert (link["va_status"], link["va_te_laat"], link["va_halfjaar"]) == ("bezig", "True", "2025-2")

    nieuw = open_(link)
    assert nieuw.selectbox(key="va_status").value == "bezig"
    assert nieuw.checkbox(key="va_te_laat").value is True
    assert nieuw.selectbox(key="va_halfjaar").value == "2025-2"
    assert dict(nieuw.query_params) == link
