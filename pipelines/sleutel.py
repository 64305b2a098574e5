"""The secret key for kandidaat_hash, kept outside the database.

Where: the file named by DASHBOARD_SLEUTEL, else `<database>.sleutel` beside the store. Without the same key the
same kandidaat is not recognised across exports: back it up together with the store, but never hand it to analysts
who get a copy of the .duckdb file.

The store keeps a fingerprint of its key (table sleutel_vingerafdruk: an HMAC of a fixed label with the key, which
tells nothing about the key), written in the same transaction as the first kandidaten load. From then on a load
with the key file gone, or with another key, is refused; a new key is made only for a store that holds no
kandidaten and no fingerprint yet (32 random bytes, hex, mode 0600). A store from before the fingerprint gets it
recorded by its next kandidaten load.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

import duckdb

from basis import instellingen
from basis.fouten import SleutelOngeldig
from pipelines import meldingen
from pipelines.opslag import sql, voer_uit

BLOK = 64  # SHA-256 block size, for the HMAC pads
MIN_LENGTE = 32  # bytes
LABEL = b"praktijkleren: vingerafdruk van de sleutel voor kandidaat_hash"


def sleutelpad(db: Path) -> Path:
    return instellingen.sleutel_uit_variabele() or Path(f"{db}.sleutel")


def hmac_pads(con: duckdb.DuckDBPyConnection, db: Path) -> tuple[bytes, bytes]:
    """(inner, outer) HMAC-SHA256 pads of the store's key, so SQL can compute the HMAC itself. The fingerprint of
    the key used is left in the connection (temp table gebruikte_sleutel) for `vastleggen`."""
    waarde = sleutel_van_opslag(con, db)
    voer_uit(con, "sleutel_gebruikt", {"vingerafdruk": vingerafdruk(waarde)})
    key = waarde.ljust(BLOK, b"\0")
    return bytes(b ^ 0x36 for b in key), bytes(b ^ 0x5C for b in key)


def vastleggen(con: duckdb.DuckDBPyConnection) -> None:
    """Inside a kandidaten load's transaction: record the fingerprint of the key its hashes were made with, if the
    store has none yet (a new store, or one from before the fingerprint)."""
    voer_uit(con, "sleutel_vastleggen")


def sleutel_van_opslag(con: duckdb.DuckDBPyConnection, db: Path) -> bytes:
    """The key this store's kandidaten were hashed with; refused (SleutelOngeldig) when it is missing, damaged or
    another one. Made only when the store cannot have used a key yet."""
    pad = sleutelpad(db)
    vastgelegd, kandidaten = opgeslagen_stand(con)
    if not pad.exists():
        if vastgelegd or kandidaten:
            raise weigering(meldingen.SLEUTEL_ONTBREEKT, pad)
        maak_sleutel(pad)
    waarde = gelezen_sleutel(pad)
    if vastgelegd and not hmac.compare_digest(vastgelegd, vingerafdruk(waarde)):
        raise weigering(meldingen.SLEUTEL_ANDERS, pad)
    return waarde


def opgeslagen_stand(con: duckdb.DuckDBPyConnection) -> tuple[str | None, bool]:
    """(the fingerprint the store holds or None, whether it holds kandidaten). A store from before the fingerprint
    table, opened read-only, simply has none."""
    tabellen = {rij[0] for rij in con.execute(sql("sleutel_tabellen")).fetchall()}
    vastgelegd = None
    if "sleutel_vingerafdruk" in tabellen:
        rij = con.execute(sql("sleutel_vingerafdruk")).fetchone()
        vastgelegd = rij[0] if rij else None
    kandidaten = "kandidaten_rij" in tabellen and con.execute(sql("sleutel_kandidaten")).fetchone()[0]
    return vastgelegd, bool(kandidaten)


def vingerafdruk(waarde: bytes) -> str:
    """HMAC of a fixed label with the key: the same key gives the same fingerprint, and it tells nothing of the key."""
    return hmac.new(waarde, LABEL, hashlib.sha256).hexdigest()


def gelezen_sleutel(pad: Path) -> bytes:
    """The key in the file; a damaged key file stops the load instead of weakening the hash."""
    try:
        waarde = bytes.fromhex(pad.read_text().strip())
    except (ValueError, OSError):
        waarde = b""
    if len(waarde) < MIN_LENGTE:
        raise weigering(meldingen.SLEUTEL_ONGELDIG, pad)
    return waarde


def weigering(sjabloon: str, pad: Path) -> SleutelOngeldig:
    """The refusal, with the full path for the operator and, for a page, only the file's name and where it sits."""
    plek = meldingen.SLEUTEL_UIT_VARIABELE if instellingen.sleutel_uit_variabele() else meldingen.SLEUTEL_NAAST_OPSLAG
    return SleutelOngeldig(sjabloon.format(waar=pad), sjabloon.format(waar=plek.format(naam=pad.name)))


def maak_sleutel(pad: Path) -> None:
    """Write a new key atomically: a process that races us sees either no file or the whole key."""
    pad.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = pad.with_name(f".{pad.name}.{os.getpid()}.nieuw")
    handle = os.open(tijdelijk, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(handle, "w") as bestand:
        bestand.write(secrets.token_hex(32) + "\n")
    try:
        os.link(tijdelijk, pad)  # fails if another process made it first: then theirs counts
    except FileExistsError:
        pass
    finally:
        tijdelijk.unlink()
