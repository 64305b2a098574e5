"""Logins that last: the session store and the signed cookie (toegang.sessies), and where the route sends a browser."""

from __future__ import annotations

import json
import stat
import time

import pytest

from kader.sessie import startadres, veilig_doel
from toegang.sessies import TOKEN_SECONDEN, SessieFout, Sessies, sessieduur

EMAIL = "a.jansen@wijchen.example"
UUR = 3600


@pytest.fixture
def sessies(tmp_path) -> Sessies:
    return Sessies.naast(tmp_path / "accounts.json")


BROWSER = "browser-van-a-jansen"


def ingelogd(sessies: Sessies, nu: float | None = None, duur: int = 8 * UUR) -> str:
    cookie, _ = sessies.inwisselen(sessies.starttoken(EMAIL, BROWSER, nu), duur, BROWSER, nu)
    return cookie


def test_a_start_token_becomes_a_cookie_that_names_the_user_only_through_the_store(sessies, tmp_path):
    cookie = ingelogd(sessies)
    assert sessies.identiteit(cookie) == EMAIL
    assert "jansen" not in cookie and "wijchen" not in cookie and "@" not in cookie
    sessie_id, tot, handtekening = cookie.split(".")
    assert len(sessie_id) >= 40 and int(tot) > time.time() + 8 * UUR - 60 and len(handtekening) == 64
    opgeslagen = (tmp_path / "accounts.sessies.json").read_text()
    assert sessie_id not in opgeslagen  # the store keeps a hash of the id: a copy of it is no cookie
    assert EMAIL in opgeslagen
    for bestand in ("accounts.sessies.json", "accounts.sessiesleutel"):
        assert stat.S_IMODE((tmp_path / bestand).stat().st_mode) == 0o600


def test_a_start_token_works_once_and_only_for_a_minute(sessies):
    token = sessies.starttoken(EMAIL, BROWSER)
    assert sessies.inwisselen(token, UUR, BROWSER) is not None
    assert sessies.inwisselen(token, UUR, BROWSER) is None
    oud = sessies.starttoken(EMAIL, BROWSER, nu=time.time() - TOKEN_SECONDEN - 1)
    assert sessies.inwisselen(oud, UUR, BROWSER) is None
    assert sessies.inwisselen("verzonnen", UUR, BROWSER) is None and sessies.inwisselen(None, UUR, BROWSER) is None


def test_a_start_token_works_only_in_the_browser_that_logged_in(sessies):
    """Login CSRF: a link with my token, opened by someone else, must not log them in as me."""
    token = sessies.starttoken(EMAIL, BROWSER)
    assert sessies.inwisselen(token, UUR, "een andere browser") is None
    assert sessies.inwisselen(token, UUR, BROWSER) is None  # and it is used up
    assert sessies.inwisselen(sessies.starttoken(EMAIL, BROWSER), UUR, None) is None


@pytest.mark.parametrize("knoeien", [
    lambda c: c[:-1] + ("0" if c[-1] != "0" else "1"),  # signature changed
    lambda c: ".".join([c.split(".")[0], str(int(c.split(".")[1]) + 10 * UUR), c.split(".")[2]]),  # expiry extended
    lambda c: "A" + c[1:] if c[0] != "A" else "B" + c[1:],  # another session id
    lambda c: c + ".x",
    lambda c: "",
    lambda c: "x" * 300,
])
def test_a_tampered_cookie_is_nobody(sessies, knoeien):
    cookie = ingelogd(sessies)
    assert sessies.identiteit(knoeien(cookie)) is None


def test_a_cookie_signed_with_another_servers_key_is_nobody(sessies, tmp_path):
    cookie = ingelogd(sessies)
    andere = Sessies.naast(tmp_path / "elders" / "accounts.json")
    andere.pad.parent.mkdir()
    andere.pad.write_text(sessies.pad.read_text())  # even with the same store
    assert andere.identiteit(cookie) is None


def test_an_expired_session_is_nobody_and_leaves_the_store(sessies):
    cookie = ingelogd(sessies, duur=60)
    assert sessies.identiteit(cookie) == EMAIL
    assert sessies.identiteit(cookie, nu=time.time() + 61) is None
    oud, _ = sessies.inwisselen(sessies.starttoken(EMAIL, BROWSER), UUR, BROWSER, nu=time.time() - 2 * UUR)
    assert sessies.identiteit(oud) is None
    assert len(json.loads(sessies.pad.read_text())["sessies"]) == 1  # every write drops what has expired


def test_logout_ends_the_session_for_every_tab_but_not_another_login(sessies, tmp_path):
    cookie = ingelogd(sessies)
    ander = ingelogd(sessies)  # the same person in another browser
    sessies.beeindigen(cookie)
    assert sessies.identiteit(cookie) is None
    assert Sessies.naast(tmp_path / "accounts.json").identiteit(cookie) is None  # a fresh reader too
    assert sessies.identiteit(ander) == EMAIL
    sessies.beeindigen(cookie)  # twice, or a cookie that means nothing: no error
    sessies.beeindigen("onzin")


def test_a_new_password_ends_every_login_of_that_address_only(tmp_path):
    from toegang.accounts import account_toevoegen

    accounts = tmp_path / "accounts.json"
    account_toevoegen(EMAIL, "een lang wachtwoord", accounts)
    sessies = Sessies.naast(accounts)
    cookie, ander = ingelogd(sessies), ingelogd(sessies)
    token = sessies.starttoken(EMAIL, BROWSER)
    collega, _ = sessies.inwisselen(sessies.starttoken("consortium@regio.example", "b2"), UUR, "b2")
    account_toevoegen(EMAIL, "een nieuw lang wachtwoord", accounts)
    assert sessies.identiteit(cookie) is None and sessies.identiteit(ander) is None
    assert sessies.inwisselen(token, UUR, BROWSER) is None
    assert sessies.identiteit(collega) == "consortium@regio.example"


def test_a_damaged_store_means_nobody_is_logged_in_and_a_new_login_repairs_it(sessies):
    cookie = ingelogd(sessies)
    sessies.pad.write_text("{kapot")
    assert sessies.identiteit(cookie) is None
    assert sessies.identiteit(ingelogd(sessies)) == EMAIL


def test_the_key_is_made_once_and_kept(sessies):
    cookie = ingelogd(sessies)
    sleutel = sessies.sleutelpad.read_text()
    assert len(bytes.fromhex(sleutel)) == 32
    assert Sessies.naast(sessies.pad.with_name("accounts.json")).identiteit(cookie) == EMAIL
    assert sessies.sleutelpad.read_text() == sleutel


@pytest.mark.parametrize(("waarde", "seconden"), [(None, 8 * UUR), ("", 8 * UUR), ("2", 2 * UUR), ("0,5", UUR // 2),
                                                  ("12.5", 45000)])
def test_the_session_lasts_dashboard_sessieduur_hours(monkeypatch, waarde, seconden):
    if waarde is None:
        monkeypatch.delenv("DASHBOARD_SESSIEDUUR", raising=False)
    else:
        monkeypatch.setenv("DASHBOARD_SESSIEDUUR", waarde)
    assert sessieduur() == seconden


@pytest.mark.parametrize("waarde", ["acht", "0", "-1", "10000"])
def test_a_wrong_dashboard_sessieduur_is_refused_in_dutch(monkeypatch, waarde):
    monkeypatch.setenv("DASHBOARD_SESSIEDUUR", waarde)
    with pytest.raises(SessieFout) as fout:
        sessieduur()
    assert str(fout.value) == (f"DASHBOARD_SESSIEDUUR moet een aantal uren zijn tussen 0 en 744 (bijvoorbeeld 8), "
                               f"niet '{waarde}'.")


@pytest.mark.parametrize(("naar", "doel"), [
    ("/instroom?gemeenten=GM0296&gemeenten=GM0268", "/instroom?gemeenten=GM0296&gemeenten=GM0268"),
    ("/", "/"),
    ("/uitval#boven", "/uitval"),
    ("//evil.example/x", "/"),
    ("https://evil.example/", "/"),
    ("/\\evil.example", "/"),
    ("javascript:alert(1)", "/"),
    ("instroom", "/"),
    ("/instroom\r\nSet-Cookie: x=1", "/"),
    (None, "/"),
])
def test_after_login_the_browser_goes_only_to_a_page_of_this_server(naar, doel):
    assert veilig_doel(naar) == doel


def test_the_start_address_carries_the_token_and_the_deep_link_encoded():
    assert startadres("abc-_", "/instroom?gemeenten=GM0296") == (
        "/_sessie/start?token=abc-_&naar=%2Finstroom%3Fgemeenten%3DGM0296")
