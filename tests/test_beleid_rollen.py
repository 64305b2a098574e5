"""One access policy, seen per role on the demo's data: which pages each role gets, that every page it gets renders
for it without an error and offers its downloads, and that a page or question that does not ask still shows nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, demo_kopie_met_rollen, geregistreerde_paginas, zichtbaar

BEHEERDER, ORGANISATIE = "beheer@regio.example", "p.devries@waalstad.example"
GEMEENTE, REGIO = "a.jansen@wijchen.example", "consortium@regio.example"
ROLLEN = (f'[[gebruiker]]\nemail = "{BEHEERDER}"\nrol = "beheerder"\n\n'
          f'[[gebruiker]]\nemail = "{ORGANISATIE}"\nrol = "organisatie"\norganisaties = ["Werkbedrijf Waalstad"]\n\n'
          f'[[gebruiker]]\nemail = "{GEMEENTE}"\nrol = "gemeente"\ngemeenten = ["GM0296"]\n\n'
          f'[[gebruiker]]\nemail = "{REGIO}"\nrol = "regio"\n')
ANALYSE = {"overzicht.py", "instroom.py", "uitval.py", "resultaten.py", "structurele_vraag.py", "sectoren.py",
           "verbeteracties.py", "rapportage.py", "gegevens.py", "kwaliteit.py", "definities.py"}
PAGINAS = {
    BEHEERDER: ANALYSE | {"uploaden.py", "logboek.py", "opvolging.py"},
    ORGANISATIE: ANALYSE | {"uploaden.py", "opvolging.py"},
    GEMEENTE: ANALYSE,
    REGIO: ANALYSE,
}
MET_DOWNLOADS = {"overzicht.py", "instroom.py", "uitval.py", "structurele_vraag.py", "sectoren.py"}


@pytest.fixture
def opslag(demo_opslag, tmp_path, monkeypatch) -> Path:
    return demo_kopie_met_rollen(demo_opslag, tmp_path, monkeypatch, ROLLEN)


def als(email: str | None) -> AppTest:
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    app.user = {"is_logged_in": True, "email": email} if email else {"is_logged_in": False}
    return app.run()




def downloads(app: AppTest) -> list[str]:
    return [k.proto.label for k in app.get("download_button")]


def test_the_sidebar_shows_every_page_of_the_beheerder_without_folding_them(opslag, monkeypatch):
    """14 pages: a collapsed navigation shows 10 and Streamlit's English "View 4 more" (seen in the browser)."""
    import streamlit

    gevraagd = []
    echt = streamlit.navigation

    def navigatie(pages, **opties):
        gevraagd.append(opties)
        return echt(pages, **opties)

    monkeypatch.setattr(streamlit, "navigation", navigatie)
    app = als(BEHEERDER)
    assert not app.exception
    assert geregistreerde_paginas(app) == PAGINAS[BEHEERDER] and len(PAGINAS[BEHEERDER]) > 10
    assert gevraagd[-1].get("expanded") is True


@pytest.mark.parametrize("email", [BEHEERDER, ORGANISATIE, GEMEENTE, REGIO])
def test_each_role_gets_its_pages_and_each_renders_for_it_with_its_downloads(opslag, email):
    app = als(email)
    assert not app.exception
    assert geregistreerde_paginas(app) == PAGINAS[email]
    for pagina in sorted(PAGINAS[email]):
        app.switch_page(f"pages/{pagina}").run()
        assert not app.exception, (email, pagina, app.exception)
        assert not [e for e in app.error if "geen toegang" in zichtbaar(e.value)], (email, pagina)
        if pagina in MET_DOWNLOADS:
            assert "Download Excel" in downloads(app), (email, pagina)


@pytest.mark.parametrize("email", [None, "onbekend@elders.example"])
def test_logged_out_and_unknown_get_one_page_and_nothing_to_download(opslag, email):
    app = als(email)
    assert not app.exception
    assert geregistreerde_paginas(app) == {"inloggen.py" if email is None else "geen_toegang.py"}
    assert not app.metric and not app.dataframe and not downloads(app)


@pytest.mark.parametrize(("email", "pagina"), [(GEMEENTE, "uploaden.py"), (REGIO, "logboek.py"),
                                               (ORGANISATIE, "logboek.py")])
def test_a_page_the_policy_does_not_give_shows_nothing_even_when_run(opslag, email, pagina):
    """Streamlit does not even register it; run on its own (as if a page list forgot it), the page stops itself."""
    from streamlit.testing.v1 import AppTest as Los

    app = Los.from_file(str(ROOT / "pages" / pagina), default_timeout=60)
    app.user = {"is_logged_in": True, "email": email}
    app.run()
    assert not app.exception
    assert [zichtbaar(e.value) for e in app.error] == ["U heeft geen toegang tot deze pagina."]
    assert not app.dataframe and not app.metric and not app.get("file_uploader")


def test_the_read_side_answers_nobody_who_was_not_asked_about(opslag):
    from analytics.filters import Filters
    from analytics.kengetallen import kengetallen, kengetallen_per_gemeente
    from toegang.kijker import GeenToegang

    zonder_kijker = Filters(dt.date(2026, 1, 1), dt.date(2026, 10, 31))
    for vraag in (kengetallen, kengetallen_per_gemeente):
        with pytest.raises(GeenToegang):
            vraag(zonder_kijker)
