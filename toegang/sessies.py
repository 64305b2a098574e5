"""Logins that last: a server-side store of local-account sessions and the signed cookie that points to one.

After a local login the browser gets a cookie that lasts DASHBOARD_SESSIEDUUR hours (default 8), so a reload or a
new tab stays logged in, and logout ends it server-side (every tab ends at its next interaction). The cookie holds
only a random session id, its expiry and an HMAC over both (a server secret): no e-mail address, no password. The
store maps a hash of the session id to the e-mail address and the expiry, so neither a copy of the store nor a
copy of the cookie alone tells who is logged in where.

A Streamlit script cannot set a cookie (it talks over a websocket), so a login goes in two steps: the script asks
for a one-time start token (valid TOKEN_SECONDEN, bound to the browser's own random cookie), the browser is sent to
a route of the server that trades it for the cookie (kader.sessie). Both files live beside the accounts file, mode
0600, written atomically: `<accounts>.sessies.json` and `<accounts>.sessiesleutel`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import secrets
import threading
import time
from pathlib import Path

COOKIE = "dashboard_sessie"
STANDAARD_UREN = 8.0
TOKEN_SECONDEN = 60
_SLEUTEL_BYTES = 32

_slot = threading.Lock()  # one writer at a time in this server process (scripts run in threads, routes too)


class SessieFout(Exception):
    """A Dutch message about the session settings."""


def sessieduur() -> int:
    """How long a local login lasts, in seconds: DASHBOARD_SESSIEDUUR in hours (default 8, fractions allowed)."""
    waarde = os.environ.get("DASHBOARD_SESSIEDUUR", "").strip()
    if not waarde:
        return int(STANDAARD_UREN * 3600)
    try:
        uren = float(waarde.replace(",", "."))
    except ValueError:
        uren = -1.0
    if not 0 < uren <= 24 * 31:
        raise SessieFout(f"DASHBOARD_SESSIEDUUR moet een aantal uren zijn tussen 0 en 744 (bijvoorbeeld 8), niet "
                         f"'{waarde}'.")
    return max(60, int(uren * 3600))


def _hash(geheim: str) -> str:
    return hashlib.sha256(geheim.encode("utf-8")).hexdigest()


def _schrijf_atomair(pad: Path, inhoud: bytes) -> None:
    pad.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = pad.with_name(f".{pad.name}.{secrets.token_hex(4)}")
    handle = os.open(tijdelijk, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(handle, "wb") as uit:
        uit.write(inhoud)
    os.replace(tijdelijk, pad)


class Sessies:
    """The session store and its signing key, two files beside the accounts file."""

    def __init__(self, pad: Path, sleutelpad: Path) -> None:
        self.pad = pad
        self.sleutelpad = sleutelpad
        self._gelezen: tuple[tuple[int, int, int], dict] | None = None
        self._sleutel_gelezen: bytes | None = None

    @classmethod
    def naast(cls, accounts: Path) -> Sessies:
        """The store of the accounts file `accounts` (data/accounts.json -> data/accounts.sessies.json)."""
        return cls(accounts.with_name(f"{accounts.stem}.sessies.json"),
                   accounts.with_name(f"{accounts.stem}.sessiesleutel"))

    # -- the key ---------------------------------------------------------------------------------------------------
    def _sleutel(self) -> bytes:
        """The server secret, made on first use (0600); a damaged key file is replaced (everyone logs in again)."""
        if self._sleutel_gelezen is None:
            self._sleutel_gelezen = self._lees_of_maak_sleutel()
        return self._sleutel_gelezen

    def _lees_of_maak_sleutel(self) -> bytes:
        try:
            sleutel = bytes.fromhex(self.sleutelpad.read_text(encoding="ascii").strip())
            if len(sleutel) == _SLEUTEL_BYTES:
                return sleutel
            logging.getLogger(__name__).warning("Sessiesleutel %s onbruikbaar: een nieuwe gemaakt", self.sleutelpad)
        except FileNotFoundError:
            pass
        except ValueError:
            logging.getLogger(__name__).warning("Sessiesleutel %s onbruikbaar: een nieuwe gemaakt", self.sleutelpad)
        with _slot:
            if self.sleutelpad.exists():  # another thread made it meanwhile
                try:
                    sleutel = bytes.fromhex(self.sleutelpad.read_text(encoding="ascii").strip())
                    if len(sleutel) == _SLEUTEL_BYTES:
                        return sleutel
                except ValueError:
                    pass
            sleutel = secrets.token_bytes(_SLEUTEL_BYTES)
            _schrijf_atomair(self.sleutelpad, sleutel.hex().encode("ascii"))
            return sleutel

    def _handtekening(self, sessie_id: str, tot: int) -> str:
        return hmac.new(self._sleutel(), f"{sessie_id}.{tot}".encode(), hashlib.sha256).hexdigest()

    # -- the store -------------------------------------------------------------------------------------------------
    def _lees(self) -> dict:
        """The store as {"sessies": {hash: {email, tot}}, "tokens": {hash: {email, tot}}}; read again only when the
        file changed. A damaged file counts as empty: nobody is logged in (deny by default)."""
        try:
            stat = self.pad.stat()
        except FileNotFoundError:
            return {"sessies": {}, "tokens": {}}
        kenmerk = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        if self._gelezen and self._gelezen[0] == kenmerk:
            return self._gelezen[1]
        try:
            inhoud = json.loads(self.pad.read_text(encoding="utf-8"))
            inhoud = {"sessies": dict(inhoud["sessies"]), "tokens": dict(inhoud["tokens"])}
        except (OSError, ValueError, KeyError, TypeError):
            logging.getLogger(__name__).error("Sessiebestand %s beschadigd: niemand is nu ingelogd", self.pad)
            inhoud = {"sessies": {}, "tokens": {}}
        self._gelezen = (kenmerk, inhoud)
        return inhoud

    def _wijzig(self, wijziging) -> object:
        """Read, change (the function gets the store and returns what this call answers), drop what has expired,
        write atomically (0600). Under the lock, so two logins at once both end up in the file."""
        with _slot:
            self._gelezen = None
            inhoud = self._lees()
            inhoud = {"sessies": dict(inhoud["sessies"]), "tokens": dict(inhoud["tokens"])}
            antwoord = wijziging(inhoud)
            nu = time.time()
            for soort in ("sessies", "tokens"):
                inhoud[soort] = {k: v for k, v in inhoud[soort].items() if _geldig(v, nu)}
            _schrijf_atomair(self.pad, json.dumps(inhoud, indent=1, sort_keys=True).encode("utf-8"))
            self._gelezen = None
            return antwoord

    # -- the interface ---------------------------------------------------------------------------------------------
    def starttoken(self, email: str, browser: str, nu: float | None = None) -> str:
        """After a successful login: a one-time token (valid TOKEN_SECONDEN) that the route trades for the cookie,
        only in the same browser (`browser`: the value of its browser cookie), so nobody can send someone else a
        link that logs them in under his own account."""
        token = secrets.token_urlsafe(32)
        tot = int((time.time() if nu is None else nu) + TOKEN_SECONDEN)

        def zet(inhoud: dict) -> None:
            inhoud["tokens"][_hash(token)] = {"email": email, "tot": tot, "browser": _hash(browser)}

        self._wijzig(zet)
        return token

    def inwisselen(self, token: str | None, duur: int, browser: str | None,
                   nu: float | None = None) -> tuple[str, int] | None:
        """The token for a new session: (cookie value, expiry as a Unix time), or None for an unknown, used or
        expired token or another browser than the one that logged in. The token is gone afterwards in every case."""
        if not token or not browser:
            return None
        nu = time.time() if nu is None else nu
        sessie_id = secrets.token_urlsafe(32)
        tot = int(nu + duur)

        def wissel(inhoud: dict) -> bool:
            gegevens = inhoud["tokens"].pop(_hash(token), None)
            if not _geldig(gegevens, nu) or not hmac.compare_digest(str(gegevens.get("browser")), _hash(browser)):
                return False
            inhoud["sessies"][_hash(sessie_id)] = {"email": gegevens["email"], "tot": tot}
            return True

        if not self._wijzig(wissel):
            return None
        return f"{sessie_id}.{tot}.{self._handtekening(sessie_id, tot)}", tot

    def identiteit(self, cookie: str | None, nu: float | None = None) -> str | None:
        """The e-mail address of a valid cookie: signature right, not expired, session still in the store."""
        onderdelen = _ontleed(cookie)
        if onderdelen is None:
            return None
        sessie_id, tot, handtekening = onderdelen
        nu = time.time() if nu is None else nu
        if tot <= nu or not hmac.compare_digest(handtekening, self._handtekening(sessie_id, tot)):
            return None
        gegevens = self._lees()["sessies"].get(_hash(sessie_id))
        if not _geldig(gegevens, nu) or gegevens["tot"] != tot:
            return None
        return str(gegevens["email"])

    def beeindigen(self, cookie: str | None) -> None:
        """Logout: the session is removed from the store, so every tab that carries this cookie is logged out."""
        onderdelen = _ontleed(cookie)
        if onderdelen is None:
            return
        sessie_id = onderdelen[0]
        if _hash(sessie_id) in self._lees()["sessies"]:
            self._wijzig(lambda inhoud: inhoud["sessies"].pop(_hash(sessie_id), None))

    def alle_beeindigen(self, email: str) -> None:
        """A new password: every session and start token of this address ends (a leaked password is useless
        from now on, also in a browser that was logged in with it)."""
        if not self.pad.exists():
            return

        def weg(inhoud: dict) -> None:
            for soort in ("sessies", "tokens"):
                inhoud[soort] = {k: v for k, v in inhoud[soort].items() if v.get("email") != email}

        self._wijzig(weg)


def _geldig(gegevens: object, nu: float) -> bool:
    return (isinstance(gegevens, dict) and isinstance(gegevens.get("email"), str)
            and isinstance(gegevens.get("tot"), int) and gegevens["tot"] > nu)


def _ontleed(cookie: str | None) -> tuple[str, int, str] | None:
    if not cookie or len(cookie) > 256:
        return None
    onderdelen = cookie.split(".")
    if len(onderdelen) != 3 or not onderdelen[0] or not onderdelen[1].isdigit():
        return None
    return onderdelen[0], int(onderdelen[1]), onderdelen[2]
