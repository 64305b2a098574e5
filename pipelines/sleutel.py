"""The secret key for kandidaat_hash, kept outside the database.

Where: the file named by DASHBOARD_SLEUTEL, else `<database>.sleutel` beside the store. Created on
first use (32 random bytes, hex, mode 0600). Without the same key the same kandidaat is not
recognised across exports: back it up together with the store, but never hand it to analysts
who get a copy of the .duckdb file.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from pipelines import meldingen
from pipelines.meldingen import SleutelOngeldig

BLOK = 64  # SHA-256 block size, for the HMAC pads
MIN_LENGTE = 32  # bytes


def sleutelpad(db: Path) -> Path:
    return Path(os.environ.get("DASHBOARD_SLEUTEL") or f"{db}.sleutel")


def sleutel(db: Path) -> bytes:
    """The key, created on first use; a damaged key file stops the load instead of weakening the hash."""
    pad = sleutelpad(db)
    if not pad.exists():
        maak_sleutel(pad)
    try:
        waarde = bytes.fromhex(pad.read_text().strip())
    except (ValueError, OSError):
        waarde = b""
    if len(waarde) < MIN_LENGTE:
        raise SleutelOngeldig(meldingen.SLEUTEL_ONGELDIG.format(pad=pad))
    return waarde


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


def hmac_pads(db: Path) -> tuple[bytes, bytes]:
    """(inner, outer) HMAC-SHA256 pads of the key, so SQL can compute the HMAC itself."""
    key = sleutel(db).ljust(BLOK, b"\0")
    return bytes(b ^ 0x36 for b in key), bytes(b ^ 0x5C for b in key)
