"""Local accounts for set-ups without an identity provider: e-mail + password, hashed with scrypt.

The accounts file (DASHBOARD_ACCOUNTS, default data/accounts.json beside the store) holds only the
e-mail address and the scrypt hash with its salt and cost parameters; it is written atomically with
mode 0600 and never goes into git. What someone may see is decided by the roles file, not here: a
local login and an Entra ID login both end in the same identity, the e-mail address.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path

from basis.instellingen import accountsbestand

# scrypt cost: n=2**15, r=8 (32 MiB, ~0,1 s per check on these machines): slow for a guesser, fine for a login.
SCRYPT = {"n": 2**15, "r": 8, "p": 1}
MIN_LENGTE = 12


class AccountFout(Exception):
    """A Dutch message about an account or the accounts file."""


def genormaliseerd(email: str) -> str:
    """E-mail addresses compare without case or surrounding spaces (as identity providers do)."""
    return email.strip().lower()


def _scrypt(wachtwoord: str, zout: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(wachtwoord.encode("utf-8"), salt=zout, n=n, r=r, p=p, maxmem=128 * 1024 * 1024, dklen=32)


def wachtwoord_hash(wachtwoord: str) -> dict[str, object]:
    """A fresh salt and the scrypt hash of the password, with the parameters to check it later."""
    zout = secrets.token_bytes(16)
    return {
        "methode": "scrypt",
        **SCRYPT,
        "zout": base64.b64encode(zout).decode(),
        "hash": base64.b64encode(_scrypt(wachtwoord, zout, **SCRYPT)).decode(),
    }


def wachtwoord_klopt(wachtwoord: str, opgeslagen: dict[str, object]) -> bool:
    try:
        zout = base64.b64decode(str(opgeslagen["zout"]))
        verwacht = base64.b64decode(str(opgeslagen["hash"]))
        n, r, p = int(opgeslagen["n"]), int(opgeslagen["r"]), int(opgeslagen["p"])
    except (KeyError, ValueError, TypeError):
        return False
    return hmac.compare_digest(_scrypt(wachtwoord, zout, n, r, p), verwacht)


def accounts(pad: Path | None = None) -> dict[str, dict[str, object]]:
    """The accounts by e-mail address; an absent file means no local accounts."""
    pad = pad or accountsbestand()
    if not pad.exists():
        return {}
    try:
        inhoud = json.loads(pad.read_text(encoding="utf-8"))
        return {genormaliseerd(email): gegevens for email, gegevens in inhoud["accounts"].items()}
    except (ValueError, KeyError, TypeError, AttributeError):
        raise AccountFout(f"Het accountsbestand {pad} is beschadigd. Herstel het uit de back-up.") from None


def controleer_nieuw_wachtwoord(wachtwoord: str) -> None:
    if len(wachtwoord) < MIN_LENGTE:
        raise AccountFout(f"Het wachtwoord is te kort: gebruik minstens {MIN_LENGTE} tekens.")


def account_toevoegen(email: str, wachtwoord: str, pad: Path | None = None) -> bool:
    """Add the account or set a new password; True when it was new. Written atomically, mode 0600."""
    pad = pad or accountsbestand()
    email = genormaliseerd(email)
    if "@" not in email or " " in email:
        raise AccountFout(f"'{email}' is geen e-mailadres.")
    controleer_nieuw_wachtwoord(wachtwoord)
    alle = accounts(pad)
    nieuw = email not in alle
    alle[email] = wachtwoord_hash(wachtwoord)
    pad.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = pad.with_name(f".{pad.name}.{secrets.token_hex(4)}")
    handle = os.open(tijdelijk, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(handle, "w", encoding="utf-8") as uit:
        json.dump({"accounts": alle}, uit, indent=1, sort_keys=True)
    os.replace(tijdelijk, pad)
    if not nieuw:  # a new password ends the logins made with the old one
        from toegang.sessies import Sessies

        Sessies.naast(pad).alle_beeindigen(email)
    return nieuw


def ingelogd_als(email: str, wachtwoord: str, pad: Path | None = None) -> str | None:
    """The identity (normalised e-mail) when the password is right, else None. Same time for unknown e-mails."""
    email = genormaliseerd(email)
    opgeslagen = accounts(pad).get(email)
    if opgeslagen is None:
        wachtwoord_klopt(wachtwoord, NEP_ACCOUNT)  # no faster answer for an unknown address
        return None
    return email if wachtwoord_klopt(wachtwoord, opgeslagen) else None


NEP_ACCOUNT = {"methode": "scrypt", **SCRYPT, "zout": "AAAAAAAAAAAAAAAAAAAAAA==", "hash": ""}
