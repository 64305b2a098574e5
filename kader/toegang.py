"""Who is looking (Streamlit side): login through st.login (OpenID Connect, e.g. Microsoft Entra ID)
or a local account, the role from the roles file, the demo mode, and the pages a role may open.

A local login lasts DASHBOARD_SESSIEDUUR hours through a signed cookie (toegang.sessies, kader.sessie) when the
server has the cookie routes (`make run`); without them (AppTest) it lasts as long as the tab, in session state.

Deny by default: without a Kijker there is no Filters (kader.filters stops the page), and without
Filters the read side answers nothing.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from urllib.parse import urlencode, urlsplit

import streamlit as st

from analytics.opslag import query
from basis.fouten import OpslagNietSchrijfbaar, OpslagOnleesbaar
from basis.instellingen import DEMO_DOOR, accountsbestand, db_pad, toegangsbestand
from kader import sessie
from toegang.accounts import AccountFout, genormaliseerd, ingelogd_als
from toegang.kijker import Kijker
from toegang.rollen import ToegangFout, rol_van
from toegang.sessies import COOKIE

LOKAAL = "_identiteit_lokaal"  # session_state: the e-mail address of a local login
PRESENTATIE = "_presentatiemodus"
LOGBOEK_PROBLEEM = "_logboek_probleem"  # session_state: why the login could not be written to the audit log
MAX_POGINGEN = 5
WACHTTIJD = 60  # seconds after MAX_POGINGEN wrong passwords


def oidc_ingesteld() -> bool:
    """Is an identity provider configured ([auth] in .streamlit/secrets.toml)?"""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all  # noqa: BLE001
        return False


def oidc_aanbieder() -> str | None:
    """The named provider ([auth.microsoft]) if there is one; None for a provider in [auth] itself."""
    try:
        instellingen = st.secrets["auth"]
    except Exception:  # noqa: BLE001
        return None
    namen = [naam for naam, waarde in instellingen.items() if hasattr(waarde, "items")]
    return namen[0] if namen else None


def ingelogd_email() -> str | None:
    """The identity: the e-mail address from the identity provider or from a local login (this tab's, or the
    browser's login cookie while its session is still in the store)."""
    if st.user.get("is_logged_in") and st.user.get("email"):
        return str(st.user.get("email"))
    return st.session_state.get(LOKAAL) or sessie_email()


def sessie_email() -> str | None:
    """The e-mail address of the browser's login cookie: signed by us, not expired, not logged out."""
    cookie = st.context.cookies.get(COOKIE)
    return sessie.sessies().identiteit(cookie) if cookie else None


def alleen_demogegevens() -> bool:
    try:
        return bool(query("alleen_demo", {"demo": DEMO_DOOR}).iloc[0, 0])
    except (FileNotFoundError, OpslagOnleesbaar):  # unknown: not the demo (deny by default); the pages say why
        return False


def kijker() -> Kijker | None:
    """Who is looking and what they may see; None: no access (show the login or no-access page)."""
    presentatie = bool(st.session_state.get(PRESENTATIE, False))
    bestand = toegangsbestand()
    if bestand is None and alleen_demogegevens():
        return Kijker("demo", "beheerder", demo=True, presentatie=presentatie)
    try:
        rol = rol_van(ingelogd_email(), bestand)
    except ToegangFout:
        return None
    return Kijker.uit_rol(rol).in_presentatiemodus(presentatie) if rol else None


def toegangsprobleem() -> str | None:
    """Why nobody can log in, in Dutch, for the login page; None when access is configured."""
    bestand = toegangsbestand()
    if bestand is None:
        return (f"Dit dashboard is nog niet ingericht: er is geen toegangsbestand (DASHBOARD_TOEGANG) en de "
                f"opslag {db_pad().name} bevat niet alleen demogegevens. De beheerder vindt in de README hoe "
                "toegang wordt ingesteld.")
    try:
        rol_van("controle@voorbeeld.nl", bestand)
    except ToegangFout as fout:  # the details (addresses, paths) are for the beheerder's log, not this page
        logging.getLogger(__name__).error("Toegangsbestand onbruikbaar: %s", fout)
        return ("Het toegangsbestand kan niet worden gebruikt, dus niemand kan nu inloggen. De beheerder vindt in "
                "de log van het dashboard wat eraan moet worden verbeterd.")
    return None


# Wrong passwords per e-mail address, for every session of this server: a new browser tab does not reset it.
_mislukt_per_adres: dict[str, tuple[int, float]] = {}
_mislukt_slot = threading.Lock()


def lokaal_inloggen(email: str, wachtwoord: str) -> str | None:
    """Check a local login; returns a Dutch message when it fails, None when it worked. Every attempt is
    counted before the password is checked, so parallel attempts cannot slip past the limit."""
    adres = genormaliseerd(email)
    with _mislukt_slot:
        pogingen, sinds = _mislukt_per_adres.get(adres, (0, 0.0))
        if pogingen >= MAX_POGINGEN and time.monotonic() - sinds < WACHTTIJD:
            return f"Te vaak een verkeerd wachtwoord. Probeer het over {WACHTTIJD} seconden opnieuw."
        if pogingen >= MAX_POGINGEN:  # the wait is over: a fresh count
            pogingen = 0
        _mislukt_per_adres[adres] = (pogingen + 1, time.monotonic())
    try:
        identiteit = ingelogd_als(email, wachtwoord)
    except AccountFout as fout:
        return str(fout)
    if identiteit is None:
        return "Dit e-mailadres of wachtwoord klopt niet."
    with _mislukt_slot:
        _mislukt_per_adres.pop(adres, None)
    browser = st.context.cookies.get(sessie.BROWSER)
    if sessie.actief() and browser:  # the browser gets a cookie through our route, then opens this page again
        doorsturen(sessie.startadres(sessie.sessies().starttoken(identiteit, browser), huidig_adres()))
    st.session_state[LOKAAL] = identiteit
    return None


def huidig_adres() -> str:
    """The path and query of the page the browser shows now (a deep link opened while logged out)."""
    pad = urlsplit(st.context.url or "").path or "/"
    paren = [(sleutel, waarde) for sleutel in st.query_params for waarde in st.query_params.get_all(sleutel)]
    return f"{pad}?{urlencode(paren)}" if paren else pad


def doorsturen(adres: str) -> None:
    """Send the browser to one of our routes (a static script with a percent-encoded address) and end this run."""
    st.caption("Een moment…")
    st.html(sessie.doorsturen_script(adres), unsafe_allow_javascript=True)
    st.stop()


def lokale_accounts_bestaan() -> bool:
    return accountsbestand().exists()


def uitloggen() -> None:
    """End the login and this run: the identity provider's (st.logout sends the browser on; a rerun would drop
    that), the login cookie's (its session leaves the store, so every tab is logged out at its next step, and the
    browser drops the cookie), or this tab's."""
    st.session_state.pop(LOKAAL, None)
    st.session_state.pop(PRESENTATIE, None)
    if st.user.get("is_logged_in"):
        st.logout()
        st.stop()
    cookie = st.context.cookies.get(COOKIE)
    if cookie:
        sessie.sessies().beeindigen(cookie)
        if sessie.actief():
            doorsturen(sessie.eindadres())
    st.rerun()


# The login cookies whose login is in the audit log (a hash): a reload or a new tab is no new login.
_vastgelegde_sessies: set[str] = set()


def inlog_vastleggen(wie: Kijker) -> None:
    """Write a login to the audit log once per session, for a login cookie once per cookie (not for the demo)."""
    if wie.demo or st.session_state.get("_inlog_vastgelegd") == wie.email:
        return
    cookie = None if st.user.get("is_logged_in") else st.context.cookies.get(COOKIE)
    sessiesleutel = hashlib.sha256(f"{wie.email} {cookie}".encode()).hexdigest() if cookie else None
    if sessiesleutel in _vastgelegde_sessies:
        st.session_state["_inlog_vastgelegd"] = wie.email
        return
    from basis.audit import vastleggen

    manier = "identity provider" if st.user.get("is_logged_in") else "lokaal account"
    try:
        vastleggen(db_pad(), wie.email, "inloggen", f"{manier}, rol {wie.rol}")
    except OpslagNietSchrijfbaar as fout:  # the pages still read; the line goes to the server log, and is tried again
        logging.getLogger(__name__).error("Inloggen van %s (%s, rol %s) niet in het logboek van de opslag: %s",
                                          wie.email, manier, wie.rol, fout)
        st.session_state[LOGBOEK_PROBLEEM] = fout.voor_pagina
        return
    st.session_state.pop(LOGBOEK_PROBLEEM, None)
    st.session_state["_inlog_vastgelegd"] = wie.email
    if sessiesleutel:
        _vastgelegde_sessies.add(sessiesleutel)


def logboek_probleem() -> str | None:
    """For the beheerder: why logins are not reaching the audit log now (Dutch, no paths), or None."""
    probleem = st.session_state.get(LOGBOEK_PROBLEEM)
    return (f"Inloggen en downloads worden nu niet in het logboek van de opslag vastgelegd, alleen in de log van de "
            f"server. {probleem}") if probleem else None
