"""The roles file (DASHBOARD_TOEGANG): who may see what. Deny by default.

    [[gebruiker]]
    email = "a.jansen@wijchen.example"
    rol = "gemeente"            # beheerder | organisatie | gemeente | regio
    gemeenten = ["GM0296"]

    [[gebruiker]]
    email = "p.devries@waalstad.example"
    rol = "organisatie"
    organisaties = ["Werkbedrijf Waalstad"]

beheerder: everything, uploads, rollback, exact numbers. organisatie (an SW-bedrijf or the
werkgeversservicepunt): uploads and rolls back exports of its own organisaties, exact numbers for their
trajecten, the rest only in suppressed aggregates. gemeente: exact numbers for its own gemeenten, the
rest of the region only in suppressed aggregates, no uploads. regio: the region in suppressed
aggregates only. An e-mail address that is not in the file has no access at all.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from basis.referentie import gemeenten as alle_gemeenten
from toegang.accounts import genormaliseerd

ROLLEN = ("beheerder", "organisatie", "gemeente", "regio")


class ToegangFout(Exception):
    """The roles file cannot be used; the message says in Dutch what to fix."""


@dataclass(frozen=True)
class Rol:
    """What one person may: their role and, for a gemeente, which gemeenten are their own."""

    email: str
    rol: str
    gemeenten: tuple[str, ...] = ()
    organisaties: tuple[str, ...] = ()  # an organisatie's own organisaties, as named in its exports

    @property
    def is_beheerder(self) -> bool:
        return self.rol == "beheerder"


def rollen(pad: Path) -> dict[str, Rol]:
    """Every person in the roles file by normalised e-mail; a file with any mistake is refused whole."""
    try:
        inhoud = tomllib.loads(pad.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ToegangFout(f"Het toegangsbestand {pad} bestaat niet (DASHBOARD_TOEGANG).") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as fout:
        raise ToegangFout(f"Het toegangsbestand {pad} is geen geldige TOML: {fout}.") from None
    gebruikers = inhoud.get("gebruiker", [])
    if not isinstance(gebruikers, list):
        raise ToegangFout(f"In {pad} hoort elke gebruiker in een eigen blok [[gebruiker]] te staan.")
    bekend = {code for code, *_ in alle_gemeenten()}
    resultaat: dict[str, Rol] = {}
    for nummer, gebruiker in enumerate(gebruikers, start=1):
        rol = rol_uit(gebruiker, f"{pad}, gebruiker {nummer}", bekend)
        if rol.email in resultaat:
            raise ToegangFout(f"{pad}, gebruiker {nummer}: {rol.email} staat er al eerder in. Laat één blok staan.")
        resultaat[rol.email] = rol
    return resultaat


def rol_uit(gebruiker: object, waar: str, bekende_gemeenten: set[str]) -> Rol:
    if not isinstance(gebruiker, dict):
        raise ToegangFout(f"{waar}: verwacht email, rol en gemeenten.")
    email = genormaliseerd(str(gebruiker.get("email", "")))
    if "@" not in email:
        raise ToegangFout(f"{waar}: 'email' ontbreekt of is geen e-mailadres.")
    rol = str(gebruiker.get("rol", "")).strip().lower()
    if rol not in ROLLEN:
        raise ToegangFout(f"{waar} ({email}): rol '{gebruiker.get('rol', '')}' bestaat niet. Kies beheerder, "
                          "organisatie, gemeente of regio.")
    gemeenten = gebruiker.get("gemeenten", [])
    if not isinstance(gemeenten, list):
        raise ToegangFout(f"{waar} ({email}): 'gemeenten' hoort een lijst te zijn, zoals [\"GM0296\"].")
    codes = tuple(str(g).strip().upper() for g in gemeenten)
    onbekend = [c for c in codes if c not in bekende_gemeenten]
    if onbekend:
        raise ToegangFout(f"{waar} ({email}): onbekende gemeentecode {', '.join(onbekend)}. Gebruik de CBS-code, "
                          "zoals GM0296.")
    if rol == "gemeente" and not codes:
        raise ToegangFout(f"{waar} ({email}): een gemeente-rol heeft minstens één gemeente nodig.")
    organisaties = gebruiker.get("organisaties", [])
    if not isinstance(organisaties, list) or not all(isinstance(o, str) and o.strip() for o in organisaties):
        raise ToegangFout(f"{waar} ({email}): 'organisaties' hoort een lijst van namen te zijn, zoals "
                          "[\"Werkbedrijf Waalstad\"].")
    namen = tuple(" ".join(o.split()) for o in organisaties)
    if rol == "organisatie" and not namen:
        raise ToegangFout(f"{waar} ({email}): een organisatie-rol heeft minstens één organisatie nodig, zoals "
                          "organisaties = [\"Werkbedrijf Waalstad\"].")
    return Rol(email, rol, codes if rol == "gemeente" else (), namen if rol == "organisatie" else ())


def rol_van(email: str | None, pad: Path | None) -> Rol | None:
    """The person's role, or None: no access (unknown address, or no roles file configured)."""
    if not email or pad is None:
        return None
    try:
        versie = pad.stat().st_mtime_ns
    except FileNotFoundError:
        versie = None
    return _rollen_bewaard(pad, versie).get(genormaliseerd(email))


@lru_cache(maxsize=8)
def _rollen_bewaard(pad: Path, versie: int | None) -> dict[str, Rol]:
    """The roles file as read at this version (modification time): read again as soon as it changes."""
    return rollen(pad)
