"""A local login in a real browser (headless Chromium against `python -m kader.start`): it survives a reload and a
new tab, ends everywhere at logout, and a deep link opened while logged out lands on its page after the login (a
link to a page that is not for the role says so in Dutch). Without Chromium: see tests/browser.py."""

from __future__ import annotations

import re
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser import dashboard
from tests.conftest import gecorrigeerde_lading, rijen, rollen_toml
from toegang.accounts import account_toevoegen
from toegang.sessies import COOKIE

pytestmark = pytest.mark.browser  # tests/browser.py: skipped without Chromium, failed in CI

EMAIL = "a.jansen@wijchen.example"  # gemeente Wijchen (GM0296) in rollen_toml
WACHTWOORD = "een lang wachtwoord"


@pytest.fixture
def server(demo_opslag, tmp_path):
    """The dashboard on a copy of the demo store, with a roles file (so a login is needed) and a local account."""
    account_toevoegen(EMAIL, WACHTWOORD, tmp_path / "accounts.json")
    with dashboard(demo_opslag, tmp_path, rollen_toml("beheer@werkbedrijf.example"),
                   {"DASHBOARD_ACCOUNTS": str(tmp_path / "accounts.json"), "DASHBOARD_SESSIEDUUR": "2"}) as url:
        yield url, tmp_path


def titel(pagina) -> str:
    from tools.screenshot import klaar

    klaar(pagina, voor_ms=500, na_ms=500, max_ms=90_000)
    return pagina.locator("h1").first.inner_text().strip()


def inloggen(pagina, wachtwoord: str = WACHTWOORD) -> None:
    pagina.get_by_label("E-mailadres").fill(EMAIL)
    pagina.get_by_label("Wachtwoord").fill(wachtwoord)
    pagina.get_by_role("button", name="Inloggen").click()


def test_a_local_login_survives_a_reload_and_a_new_tab_and_ends_everywhere_at_logout(server, browser):
    url, map_ = server
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    tab = context.new_page()
    tab.goto(f"{url}/")
    assert titel(tab) == "Inloggen"
    inloggen(tab)
    tab.wait_for_selector("h1:has-text('Overzicht')", timeout=90_000)
    assert titel(tab) == "Overzicht"
    expect(tab.get_by_test_id("stSidebar")).to_contain_text("Ingelogd als", timeout=60_000)  # after the title
    zijbalk = tab.get_by_test_id("stSidebar").inner_text().replace("\u2060", "")  # the word joiner: no autolink
    assert f"Ingelogd als {EMAIL} (gemeente)" in zijbalk

    cookie = next(c for c in context.cookies() if c["name"] == COOKIE)
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax" and cookie["path"] == "/" and not cookie["secure"]
    assert EMAIL not in cookie["value"] and "jansen" not in cookie["value"]
    assert 2 * 3600 - 120 < cookie["expires"] - time.time() <= 2 * 3600  # DASHBOARD_SESSIEDUUR=2

    tab.reload()
    assert titel(tab) == "Overzicht"  # a reload is a new Streamlit session: the cookie carries the login
    tweede = context.new_page()
    tweede.goto(f"{url}/uitval")
    assert titel(tweede) == "Uitval"

    # one login, one line in the audit log: a reload or a new tab is no new login
    assert rijen(map_ / "demo.duckdb", "SELECT wie, wat FROM audit WHERE actie = 'inloggen'") == [
        (EMAIL, "lokaal account, rol gemeente")]

    tab.get_by_test_id("stSidebar").get_by_role("button", name="Uitloggen").click()
    tab.wait_for_selector("h1:has-text('Inloggen')", timeout=60_000)
    assert urlsplit(tab.url).path == "/"
    assert not [c for c in context.cookies() if c["name"] == COOKIE]
    tab.reload()
    assert titel(tab) == "Inloggen"
    tweede.reload()
    assert titel(tweede) == "Inloggen"  # the other tab: its session is gone from the store
    context.close()


def test_a_deep_link_opened_while_logged_out_lands_on_its_page_with_its_filters_after_login(server, browser,
                                                                                          demo_opslag):
    url, map_ = server
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    tab = context.new_page()
    tab.goto(f"{url}/instroom?periode=Vorig+jaar&gemeenten=GM0296")
    assert titel(tab) == "Inloggen"
    assert not tab.get_by_text("Page not found").count()
    inloggen(tab, "fout wachtwoord!")
    tab.get_by_text("Dit e-mailadres of wachtwoord klopt niet.").wait_for(timeout=30_000)
    inloggen(tab)
    tab.wait_for_selector("h1:has-text('Instroom')", timeout=90_000)
    assert titel(tab) == "Instroom"
    adres = urlsplit(tab.url)
    assert adres.path == "/instroom"
    assert parse_qs(adres.query)["gemeenten"] == ["GM0296"] and parse_qs(adres.query)["periode"] == ["Vorig jaar"]
    zijbalk = tab.get_by_test_id("stSidebar")
    expect(zijbalk.get_by_test_id("stMultiSelect").filter(has_text="Wijchen")).to_have_count(1, timeout=60_000)
    assert zijbalk.get_by_test_id("stSelectbox").filter(has_text="Periode").locator("input").input_value() == (
        "Vorig jaar")

    # a corrected export loaded meanwhile by the command line: the server asks the recent questions again by itself
    # (analytics.opslag.warm_houden) and says so in its log; the page then opens as before (that its numbers are those
    # of a cold run: tests/test_warm_houden.py)
    gecorrigeerde_lading(map_ / "demo.duckdb", demo_opslag[1], map_, 40)
    log = map_ / "server.log"
    tot = time.monotonic() + 120  # a bound, not a timing
    while "recente vragen opnieuw gesteld" not in log.read_text() and time.monotonic() < tot:
        tab.wait_for_timeout(200)
    assert re.search(r"De opslag is veranderd; [1-9]\d* recente vragen opnieuw gesteld in \d+,\d s\.",
                     log.read_text()), log.read_text()[-2000:]
    tab.reload()
    assert titel(tab) == "Instroom"
    expect(tab.get_by_test_id("stMetricValue").first).to_be_visible(timeout=60_000)
    assert not tab.get_by_test_id("stException").count()

    tab.goto(f"{url}/logboek")  # a page that is not for a gemeente: said in Dutch, no "Page not found"
    assert titel(tab) == "Geen toegang"
    expect(tab.get_by_text("U heeft geen toegang tot deze pagina.")).to_be_visible(timeout=60_000)
    assert not tab.get_by_text("Page not found").count()
    context.close()


def test_a_start_link_logs_in_only_the_browser_that_logged_in_and_leads_only_to_this_server(server, browser):
    url, _ = server
    mijn = browser.new_context()
    tab = mijn.new_page()
    adressen = []
    tab.route("**/_sessie/start*", lambda route: (adressen.append(route.request.url), route.abort()))
    tab.goto(f"{url}/")
    assert titel(tab) == "Inloggen"
    inloggen(tab)
    tab.wait_for_timeout(3000)
    assert len(set(adressen)) == 1 and not [c for c in mijn.cookies() if c["name"] == COOKIE]

    ander = browser.new_context()  # someone who is sent my link (login CSRF): not logged in as me
    tab2 = ander.new_page()
    tab2.goto(adressen[0])
    assert urlsplit(tab2.url).path == "/" and titel(tab2) == "Inloggen"
    assert not [c for c in ander.cookies() if c["name"] == COOKIE]

    tab2.goto(f"{url}/_sessie/start?token=verzonnen&naar=https://voorbeeld.example/")
    assert urlsplit(tab2.url).netloc == urlsplit(url).netloc and urlsplit(tab2.url).path == "/"
    assert titel(tab2) == "Inloggen" and not [c for c in ander.cookies() if c["name"] == COOKIE]
    mijn.close()
    ander.close()
