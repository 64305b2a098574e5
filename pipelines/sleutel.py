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

BLOK = 64  # SHA-256 block size, for the HMAC pads


def sleutelpad(db: Path) -> Path:
    return Path(os.environ.get("DASHBOARD_SLEUTEL") or f"{db}.sleutel")


def sleutel(db: Path) -> bytes:
    """The key, created on first use."""
    pad = sleutelpad(db)
    if not pad.exists():
        pad.parent.mkdir(parents=True, exist_ok=True)
        try:
            handle = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it first: use theirs
            pass
        else:
            with os.fdopen(handle, "w") as bestand:
                bestand.write(secrets.token_hex(32) + "\n")
    return bytes.fromhex(pad.read_text().strip())


def hmac_pads(db: Path) -> tuple[bytes, bytes]:
    """(inner, outer) HMAC-SHA256 pads of the key, so SQL can compute the HMAC itself."""
    key = sleutel(db).ljust(BLOK, b"\0")
    return bytes(b ^ 0x36 for b in key), bytes(b ^ 0x5C for b in key)
