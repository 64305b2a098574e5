"""The audit log: who logged in, who downloaded what, who changed which verbeteractie (uploads and rollbacks are in
`upload`)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from basis.opslag import schrijfverbinding, voer_uit


def vastleggen(db: Path, wie: str, actie: str, wat: str = "") -> None:
    """Write one audit line; takes the store's write lock for the few milliseconds it needs. Without a
    store there is nothing to log into (and a login must not create an empty store). The line changes no number:
    the cached answers of the pages stay valid (gegevens=False)."""
    if not Path(db).exists():
        return
    with schrijfverbinding(db, schema=False, gegevens=False) as con:
        vastleggen_in(con, wie, actie, wat)


def vastleggen_in(con: duckdb.DuckDBPyConnection, wie: str, actie: str, wat: str = "") -> None:
    """The same line on a write connection already open: inside the caller's transaction, so the change and its
    line are stored together or not at all (verbeteracties)."""
    voer_uit(con, "audit_vastleggen", {"wie": wie, "actie": actie, "wat": wat})
