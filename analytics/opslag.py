"""Where the store is and how to read it: short read-only connections (see pipelines.opslag)."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from pipelines.opslag import leesverbinding

SQL_DIR = Path(__file__).resolve().parent / "sql"
DEMO_DB = Path(__file__).resolve().parent.parent / "data" / "demo.duckdb"


def db_pad() -> Path:
    """The store: DASHBOARD_DB, else the demo store."""
    return Path(os.environ.get("DASHBOARD_DB") or DEMO_DB)


def query(naam: str, parameters: dict | None = None, db: Path | None = None) -> pd.DataFrame:
    """Run analytics/sql/<naam>.sql with bound parameters on a short read-only connection."""
    tekst = (SQL_DIR / f"{naam}.sql").read_text(encoding="utf-8")
    with leesverbinding(db or db_pad()) as con:
        return con.execute(tekst, parameters or {}).df()
