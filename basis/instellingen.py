"""Settings from the environment, read at call time (a test or a server restart with other values sees them at once).

DASHBOARD_DB        the store (default: the demo store data/demo.duckdb)
DASHBOARD_TOEGANG   the roles file (none: only the demo store is open, without login)
DASHBOARD_ACCOUNTS  the local accounts (default: data/accounts.json)
DASHBOARD_WACHT_LEZEN / DASHBOARD_WACHT_SCHRIJVEN  seconds a reader / a load waits for the store (60 / 300)
DASHBOARD_WACHT_UPLOAD  seconds the upload page waits for another load before it says the store is busy (60)
DASHBOARD_DREMPEL   the small-number threshold of metrics.md (5)
DASHBOARD_SLEUTEL   the key file for kandidaat hashes (default: beside the store, <store>.sleutel)
"""

from __future__ import annotations

import os
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
DEMO_DB = DATA / "demo.duckdb"
# Who loaded the demo's exports (upload.geladen_door): a store holding only such uploads is the demo store.
DEMO_DOOR = "demo"


def db_pad() -> Path:
    """The store: DASHBOARD_DB, else the demo store."""
    return Path(os.environ.get("DASHBOARD_DB") or DEMO_DB)


def toegangsbestand() -> Path | None:
    pad = os.environ.get("DASHBOARD_TOEGANG")
    return Path(pad) if pad else None


def accountsbestand() -> Path:
    return Path(os.environ.get("DASHBOARD_ACCOUNTS") or DATA / "accounts.json")


def wacht_lezen() -> float:
    return float(os.environ.get("DASHBOARD_WACHT_LEZEN", "60"))


def wacht_schrijven() -> float:
    return float(os.environ.get("DASHBOARD_WACHT_SCHRIJVEN", "300"))


def wacht_upload() -> float:
    return float(os.environ.get("DASHBOARD_WACHT_UPLOAD", "60"))


def duckdb_draden() -> int | None:
    """DASHBOARD_DUCKDB_DRADEN: the threads DuckDB may use for a question; unset: DuckDB's own choice (every core).
    The tests set 1: they already run two processes on two cores."""
    waarde = os.environ.get("DASHBOARD_DUCKDB_DRADEN")
    return int(waarde) if waarde else None


def drempel() -> int:
    return int(os.environ.get("DASHBOARD_DREMPEL", "5"))


def sleutel_uit_variabele() -> Path | None:
    pad = os.environ.get("DASHBOARD_SLEUTEL")
    return Path(pad) if pad else None
