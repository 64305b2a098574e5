"""The audit log: who logged in and who downloaded what (uploads and rollbacks are in `upload`)."""

from __future__ import annotations

from pathlib import Path

from pipelines.opslag import schrijfverbinding, voer_uit


def vastleggen(db: Path, wie: str, actie: str, wat: str = "") -> None:
    """Write one audit line; takes the store's write lock for the few milliseconds it needs. Without a
    store there is nothing to log into (and a login must not create an empty store)."""
    if not Path(db).exists():
        return
    with schrijfverbinding(db, schema=False) as con:
        voer_uit(con, "audit_vastleggen", {"wie": wie, "actie": actie, "wat": wat})
