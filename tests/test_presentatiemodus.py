"""The presentatiemodus (a projector in a consortium meeting): only the analysis pages, a banner on every page that
says numbers are protected, and no page that speaks of "uw rol" while the toggle is on. And numbers in tables stand
on the right, also where they are text ("<5", "x", "12,5%")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from kader import VERBORGEN_IN_PRESENTATIEMODUS
from kader.opmaak import PRESENTATIEMODUS
from kader.toegang import PRESENTATIE
from tests.conftest import ROOT, rollen_toml
from weergave import formaat, kolommen

BEHEERDER = "beheer@regio.example"
VERBORGEN = {"uploaden.py", "logboek.py", "kwaliteit.py", "opvolging.py"}
ZICHTBAAR = {"overzicht.py", "instroom.py", "uitval.py", "resultaten.py", "structurele_vraag.py", "sectoren.py",
             "rapportage.py", "verbeteracties.py", "gegevens.py", "definities.py"}


@pytest.fixture
def opslag(demo_opslag, tmp_path, monkeypatch):
    """A copy of the demo store with a roles file: the beheerder logs in (so Uploaden is on the list)."""
    db, _ = demo_opslag
    kopie = tmp_path / "opslag.duckdb"
    shutil.copy(db, kopie)
    (tmp_path / "toegang.toml").write_text(rollen_toml(BEHEERDER))
    monkeypatch.setenv("DASHBOARD_DB", str(kopie))
    monkeypatch.setenv("DASHBOARD_SLEUTEL", str(db.parent / "sleutel"))
    monkeypatch.setenv("DASHBOARD_TOEGANG", str(tmp_path / "toegang.toml"))
    monkeypatch.setenv("DASHBOARD_ACCOUNTS", str(tmp_path / "accounts.json"))
    return kopie


def paginas(app: AppTest) -> set[str]:
    return {Path(str(info["script_path"])).name for info in app._registered_pages.values()
            if info.get("script_path")}  # not the hidden pages that say a page is not for this role (dashboard.py)


def beheerder() -> AppTest:
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    app.user = {"is_logged_in": True, "email": BEHEERDER}
    return app.run()


def presentatie_aan(app: AppTest) -> AppTest:
    app.sidebar.toggle(key="presentatiemodus").set_value(True).run()
    assert not app.exception, app.exception
    return app


def teksten(app: AppTest) -> list[str]:
    """Everything the page writes in words, main area and sidebar."""
    soorten = ("markdown", "caption", "info", "warning", "error", "success", "title", "header", "subheader")
    return [str(element.value) for soort in soorten for element in app.get(soort)] + [
        str(element.proto.help) for element in app.get("metric") if element.proto.help
    ]


def test_the_presentatiemodus_shows_only_the_analysis_pages(opslag):
    assert paginas(beheerder()) >= VERBORGEN
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)  # a fresh app: AppTest keeps old pages
    app.user = {"is_logged_in": True, "email": BEHEERDER}
    app.session_state[PRESENTATIE] = True  # what the toggle keeps
    app.run()
    assert not app.exception
    assert app.sidebar.toggle(key="presentatiemodus").value
    assert paginas(app) == ZICHTBAAR


def test_switching_it_on_while_on_a_hidden_page_hides_that_page(opslag):
    app = beheerder().switch_page("pages/logboek.py").run()
    assert app.dataframe
    presentatie_aan(app)
    assert not app.dataframe
    assert [i.value for i in app.info][-1] == VERBORGEN_IN_PRESENTATIEMODUS


def test_every_page_shows_the_banner_and_never_speaks_of_uw_rol(opslag):
    app = presentatie_aan(beheerder())
    for pagina in sorted(ZICHTBAAR):
        app.switch_page(f"pages/{pagina}").run()
        assert not app.exception, (pagina, app.exception)
        assert any(PRESENTATIEMODUS in i.value for i in app.info), pagina
        assert not [t for t in teksten(app) if "uw rol" in t.lower()], pagina


def test_the_banner_is_not_shown_with_the_toggle_off(opslag):
    app = beheerder()
    assert not any(PRESENTATIEMODUS in i.value for i in app.info)


def test_the_uitval_page_says_names_are_hidden_because_of_the_presentatiemodus(opslag):
    app = presentatie_aan(beheerder()).switch_page("pages/uitval.py").run()
    assert any("In de presentatiemodus zijn namen" in c.value for c in app.caption)


def test_counts_with_hidden_values_and_shares_as_text_are_right_aligned():
    tabel = pd.DataFrame({
        "Gemeente": ["Wijchen", "Heumen", "Druten"],
        "Instroom": [12, "<5", "x"],
        "Uitval": ["12,5%", "–", "8,0%"],
        "Afspraak": [10, 20, 30],
        "Stand": ["op koers", "achter", "–"],
    })
    instellingen = kolommen.instellingen(formaat.tabel_nl(tabel), {"Instroom": {"help": "Trajecten gestart."}})
    assert instellingen["Instroom"] == {"help": "Trajecten gestart.", "alignment": "right"}
    assert instellingen["Uitval"]["alignment"] == "right"
    assert instellingen["Afspraak"]["alignment"] == "right"
    assert "Gemeente" not in instellingen and "Stand" not in instellingen


def test_protected_numbers_as_the_pages_write_them_are_right_aligned_too():
    """A rounded count (a Beschermd from the read side), a share's range, a change whose direction is not certain,
    a small group's share with its size: numbers to the reader, so on the right."""
    from analytics.beschermd import afgerond_aantal, klein

    tabel = pd.DataFrame({
        "Gemeente": ["Wijchen", "Heumen"],
        "Instroom": [afgerond_aantal(55, 5), klein(5)],
        "Van de afspraak": ["77–89%", "51–120%"],
        "Verschil": ["(+5)", "-25"],
        "Verschil (procentpunt)": ["(+5 procentpunt)", "–"],
        "Uitval": ["100,0% (van 1)", "12,5%"],
    })
    instellingen = kolommen.instellingen(formaat.tabel_nl(tabel))
    assert set(instellingen) == {"Instroom", "Van de afspraak", "Verschil", "Verschil (procentpunt)", "Uitval"}


def test_the_alignment_reaches_the_dataframe_on_the_overzicht_page(opslag):
    """As the regio: counts hold '<5' and 'x' (text), and still stand on the right."""
    import json

    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    app.user = {"is_logged_in": True, "email": "consortium@regio.example"}
    app.run()
    tabel = app.dataframe[0]
    kolommen_config = json.loads(tabel.proto.columns)
    assert kolommen_config["Instroom"]["alignment"] == "right"
    assert "alignment" not in kolommen_config.get("Gemeente", {})
