"""Who gets in, and which pages they get: demo mode, login (identity provider and local), no access."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import (
    KANDIDATEN_KOP,
    ROOT,
    cli,
    geregistreerde_paginas,
    ingest,
    kandidaat,
    rijen,
    rollen_toml,
    schrijf_xlsx,
    zichtbaar,
)
from toegang.accounts import account_toevoegen

ROLLEN = rollen_toml("beheer@werkbedrijf.example")




@pytest.fixture
def echte_opslag(tmp_path, monkeypatch) -> Path:
    """A store with data loaded by someone (not the demo)."""
    db = tmp_path / "opslag.duckdb"
    monkeypatch.setenv("DASHBOARD_SLEUTEL", str(tmp_path / "sleutel"))
    bestand = schrijf_xlsx(tmp_path / "k.xlsx", [KANDIDATEN_KOP, kandidaat("T1", Gemeente="Wijchen")])
    assert ingest(db, bestand).returncode == 0
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    monkeypatch.setenv("DASHBOARD_ACCOUNTS", str(tmp_path / "accounts.json"))
    monkeypatch.delenv("DASHBOARD_TOEGANG", raising=False)
    return db


@pytest.fixture
def toegang(tmp_path, monkeypatch) -> Path:
    pad = tmp_path / "toegang.toml"
    pad.write_text(ROLLEN)
    monkeypatch.setenv("DASHBOARD_TOEGANG", str(pad))
    return pad


def nieuwe_app(user: dict | None = None) -> AppTest:
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.user = user if user is not None else {"is_logged_in": False}
    return app


def test_the_demo_store_without_a_roles_file_opens_as_beheerder_with_a_banner(demo_opslag, monkeypatch, tmp_path):
    db, _ = demo_opslag
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    monkeypatch.setenv("DASHBOARD_SLEUTEL", str(db.parent / "sleutel"))
    monkeypatch.delenv("DASHBOARD_TOEGANG", raising=False)
    app = nieuwe_app().run()
    assert not app.exception
    assert app.title[0].value == "Overzicht" and len(app.metric) == 5
    assert app.sidebar.warning[0].value.startswith("**Demo: fictieve gegevens.**")
    assert "logboek.py" in geregistreerde_paginas(app)


def test_real_data_without_a_roles_file_asks_to_set_up_access_and_shows_no_numbers(echte_opslag):
    app = nieuwe_app().run()
    assert not app.exception
    assert app.title[0].value == "Inloggen"
    assert not app.metric and not app.dataframe
    assert app.warning[0].value.startswith("Dit dashboard is nog niet ingericht: er is geen toegangsbestand")
    assert geregistreerde_paginas(app) == {"inloggen.py"}


def test_a_logged_out_user_sees_only_the_login_page(echte_opslag, toegang):
    app = nieuwe_app({"is_logged_in": False}).run()
    assert app.title[0].value == "Inloggen" and not app.metric and geregistreerde_paginas(app) == {"inloggen.py"}


def test_logged_out_every_page_address_shows_the_login_so_a_deep_link_gets_no_page_not_found(echte_opslag, toegang):
    app = nieuwe_app({"is_logged_in": False}).run()
    adressen = {str(info.get("url_pathname")) for info in app._registered_pages.values()}
    assert {"", "overzicht", "instroom", "uitval", "sectoren", "rapportage", "uploaden", "logboek"} <= adressen
    assert geregistreerde_paginas(app) == {"inloggen.py"}  # every one of them runs the login page and nothing else


def test_an_unknown_address_gets_the_no_access_page_and_nothing_else(echte_opslag, toegang):
    app = nieuwe_app({"is_logged_in": True, "email": "onbekend@elders.example"}).run()
    assert not app.exception
    assert app.title[0].value == "Geen toegang"
    assert zichtbaar(app.error[0].value).startswith("U bent ingelogd als onbekend@elders.example, maar dit adres heeft "
                                                    "geen toegang tot dit dashboard.")
    assert not app.metric and not app.dataframe and not app.sidebar.multiselect
    assert geregistreerde_paginas(app) == {"geen_toegang.py"}


@pytest.mark.parametrize(("email", "logboek"), [
    ("beheer@werkbedrijf.example", True),
    ("A.Jansen@wijchen.example", False),
    ("consortium@regio.example", False),
])
def test_a_known_address_from_the_identity_provider_gets_the_pages_of_its_role(echte_opslag, toegang, email, logboek):
    app = nieuwe_app({"is_logged_in": True, "email": email}).run()
    assert not app.exception
    assert app.title[0].value == "Overzicht"
    assert zichtbaar(app.sidebar.caption[0].value).startswith(f"Ingelogd als {email.lower()}")
    assert ("logboek.py" in geregistreerde_paginas(app)) is logboek
    assert rijen(echte_opslag, "SELECT wie, actie FROM audit WHERE actie = 'inloggen'") == [
        (email.lower(), "inloggen")]


def test_in_the_presentatiemodus_the_sidebar_shows_the_role_not_the_email_address(echte_opslag, toegang):
    """Review: the beamer in a consortium meeting showed "Ingelogd als beheer@... (beheerder)" on every page."""
    from kader.toegang import PRESENTATIE

    app = nieuwe_app({"is_logged_in": True, "email": "consortium@regio.example"})
    app.session_state[PRESENTATIE] = True
    app.run()
    assert not app.exception
    teksten = [zichtbaar(c.value) for c in app.sidebar.caption]
    assert "Ingelogd (regio)" in teksten
    assert not any("@" in t for t in teksten)


def test_a_local_account_logs_in_with_its_password_and_a_wrong_one_is_refused(echte_opslag, toegang, tmp_path):
    account_toevoegen("beheer@werkbedrijf.example", "een lang wachtwoord", tmp_path / "accounts.json")
    app = nieuwe_app().run()
    app.text_input(key="inloggen_email").set_value("beheer@werkbedrijf.example")
    app.text_input(key="inloggen_wachtwoord").set_value("fout wachtwoord!")
    app.button[0].click().run()
    assert app.error[0].value == "Dit e-mailadres of wachtwoord klopt niet."
    assert not app.metric
    assert geregistreerde_paginas(app) == {"inloggen.py"}  # logged out, every address is the login and nothing else
    app.text_input(key="inloggen_email").set_value("beheer@werkbedrijf.example")
    app.text_input(key="inloggen_wachtwoord").set_value("een lang wachtwoord")
    app.button[0].click().run()
    assert not app.exception
    assert app.title[0].value == "Overzicht" and len(app.metric) == 5
    assert rijen(echte_opslag, "SELECT wie, wat FROM audit WHERE actie = 'inloggen'") == [
        ("beheer@werkbedrijf.example", "lokaal account, rol beheerder")]
    app.sidebar.button(key="uitloggen").click().run()
    assert not app.metric and geregistreerde_paginas(app) == {"inloggen.py"}
    assert app.text_input(key="inloggen_email").value == ""


def test_a_broken_roles_file_lets_nobody_in_and_says_what_is_wrong(echte_opslag, toegang):
    toegang.write_text('[[gebruiker]]\nemail = "beheer@werkbedrijf.example"\nrol = "baas"\n')
    app = nieuwe_app({"is_logged_in": True, "email": "beheer@werkbedrijf.example"}).run()
    assert not app.metric
    assert geregistreerde_paginas(app) == {"geen_toegang.py"}


def test_demo_mode_ends_when_real_data_is_loaded(demo_opslag, tmp_path, monkeypatch):
    db, _ = demo_opslag
    kopie = tmp_path / "demo.duckdb"
    shutil.copy(db, kopie)
    monkeypatch.setenv("DASHBOARD_DB", str(kopie))
    monkeypatch.setenv("DASHBOARD_SLEUTEL", str(db.parent / "sleutel"))
    monkeypatch.delenv("DASHBOARD_TOEGANG", raising=False)
    bestand = schrijf_xlsx(tmp_path / "echt.xlsx", [KANDIDATEN_KOP, kandidaat("X1")])
    geladen = cli("ingest", "--db", kopie, "--organisatie", "Echt Bedrijf", "--peildatum", "2026-10-31", bestand,
                  env={"DASHBOARD_SLEUTEL": str(db.parent / "sleutel")})
    assert geladen.returncode == 0
    upload_id = int(re.search(r"als upload (\d+)", geladen.stdout).group(1))
    # the load says so, and how to undo it (without a roles file nobody could log in now)
    assert geladen.stdout.strip().splitlines()[-1] == (
        "Let op: deze opslag bevatte alleen de verzonnen demogegevens; nu staan er andere gegevens in. Het dashboard "
        "opent hem daarom niet meer als demo zonder inloggen: iedereen moet inloggen, en dat kan pas met een "
        "toegangsbestand (DASHBOARD_TOEGANG; de README zegt hoe). Was dit een proef? Draai de upload terug met "
        f"`python -m pipelines terugdraaien --db {kopie} {upload_id}`; dan is het weer de demo.")
    app = nieuwe_app().run()
    assert app.title[0].value == "Inloggen" and not app.metric

    # a second load says nothing of the demo any more; the rollback it named brings the demo back
    volgende = schrijf_xlsx(tmp_path / "echt_november.xlsx", [KANDIDATEN_KOP, kandidaat("X1"), kandidaat("X2")])
    tweede = cli("ingest", "--db", kopie, "--organisatie", "Echt Bedrijf", "--peildatum", "2026-11-30", volgende,
                 env={"DASHBOARD_SLEUTEL": str(db.parent / "sleutel")})
    assert tweede.returncode == 0 and "demogegevens" not in tweede.stdout
    for upload in (int(re.search(r"als upload (\d+)", tweede.stdout).group(1)), upload_id):
        teruggedraaid = cli("terugdraaien", "--db", kopie, str(upload))
        assert teruggedraaid.returncode == 0, (tweede.stdout, teruggedraaid.stdout)
    app = nieuwe_app().run()
    assert app.title[0].value == "Overzicht" and len(app.metric) == 5


def _download_maken() -> None:
    """A script for AppTest: what a download button does when clicked (the file is made, the log written)."""
    import streamlit as st

    from kader.downloads import download_logger

    inhoud = download_logger()("overzicht_per_gemeente.xlsx", b"bestand")
    st.write(f"{len(inhoud)} bytes")


def test_a_download_is_written_to_the_audit_log_with_who_and_which_file(echte_opslag, toegang):
    app = AppTest.from_function(_download_maken, default_timeout=60)
    app.user = {"is_logged_in": True, "email": "consortium@regio.example"}
    app.run()
    assert not app.exception
    assert app.markdown[0].value == "7 bytes"
    assert rijen(echte_opslag, "SELECT wie, actie, wat FROM audit WHERE actie = 'download'") == [
        ("consortium@regio.example", "download", "overzicht_per_gemeente.xlsx")]


def test_five_wrong_passwords_lock_the_address_also_for_a_new_session(echte_opslag, toegang, tmp_path):
    account_toevoegen("consortium@regio.example", "een lang wachtwoord", tmp_path / "accounts.json")

    def poging(wachtwoord: str) -> AppTest:
        app = nieuwe_app().run()  # a new browser session each time
        app.text_input(key="inloggen_email").set_value("consortium@regio.example")
        app.text_input(key="inloggen_wachtwoord").set_value(wachtwoord)
        return app.button[0].click().run()

    for _ in range(5):
        assert poging("geraden wachtwoord").error[0].value == "Dit e-mailadres of wachtwoord klopt niet."
    assert poging("een lang wachtwoord").error[0].value == (
        "Te vaak een verkeerd wachtwoord. Probeer het over 60 seconden opnieuw.")


@pytest.mark.parametrize("email", ["a.jansen@wijchen.example", "consortium@regio.example"])
def test_gemeente_and_regio_get_no_upload_or_log_pages(echte_opslag, toegang, email):
    app = nieuwe_app({"is_logged_in": True, "email": email}).run()
    assert geregistreerde_paginas(app) == {
        "overzicht.py", "instroom.py", "uitval.py", "resultaten.py", "structurele_vraag.py", "sectoren.py",
        "rapportage.py", "verbeteracties.py", "gegevens.py", "kwaliteit.py", "definities.py"}


def test_the_beheerder_gets_upload_quality_and_log_pages(echte_opslag, toegang):
    app = nieuwe_app({"is_logged_in": True, "email": "beheer@werkbedrijf.example"}).run()
    assert {"uploaden.py", "kwaliteit.py", "logboek.py"} <= geregistreerde_paginas(app)


def test_with_an_identity_provider_configured_the_login_page_offers_it(echte_opslag, toegang):
    app = nieuwe_app()
    app.secrets["auth"] = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
                           "microsoft": {"client_id": "id", "client_secret": "geheim",
                                         "server_metadata_url": "https://login.example/.well-known/openid"}}
    app.run()
    assert not app.exception
    assert [b.label for b in app.button] == ["Inloggen met uw organisatie-account"]
    assert not app.metric


def test_one_click_shows_a_gemeente_its_own_numbers_exactly(demo_opslag, tmp_path, monkeypatch):
    """Tried as a new user: a civil servant of Wijchen started on the whole region, rounded; the hint to choose the
    own gemeente was below the first screen. A button at the top of the filters does it."""
    import datetime as dt

    from tests.conftest import analistenviews, demo_kopie_met_rollen

    demo_kopie_met_rollen(demo_opslag, tmp_path, monkeypatch, ROLLEN)
    regio = nieuwe_app({"is_logged_in": True, "email": "consortium@regio.example"}).run()
    assert not regio.exception
    assert not [b for b in regio.button if b.key == "filter_eigen"]

    app = nieuwe_app({"is_logged_in": True, "email": "a.jansen@wijchen.example"}).run()
    assert not app.exception
    knop = next(b for b in app.main.button if b.key == "filter_eigen")
    assert knop.label == "Alleen Wijchen tonen (exact)"
    knop.click().run()
    assert not app.exception
    assert app.multiselect(key="filter_gemeenten").value == ["GM0296"]
    assert not [b for b in app.button if b.key == "filter_eigen"]  # done: the button goes
    periode = next(c.value for c in app.main.caption if c.value.startswith("Periode 01-01-2026"))
    assert periode.endswith("vergeleken met dezelfde periode een jaar eerder. Gemeente: Wijchen.")
    trajecten = analistenviews(demo_opslag[0])["trajecten"]
    assert app.session_state["_filter_periode"] == "Dit jaar tot nu"
    tot = dt.date(2026, 10, 31)  # the demo's last delivered month
    start = trajecten["startdatum"].dt.date
    verwacht = int(((trajecten["gemeente"] == "Wijchen") & (start >= dt.date(2026, 1, 1)) & (start <= tot)).sum())
    assert next(m.value for m in app.metric if m.label == "Instroom") == str(verwacht)
    assert verwacht % 5 != 0  # exact, not a rounded count that happens to match
