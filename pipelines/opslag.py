"""The load code's own SQL (pipelines/sql): the statements of checking, loading and rolling back. The store's
connection, lock and shape are in basis.opslag."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import duckdb

from basis.opslag import voer_tekst_uit

SQL_DIR = Path(__file__).resolve().parent / "sql"


@cache  # read once per process: the national demo runs a few statements for each of ~13.000 snapshots
def sql(naam: str) -> str:
    return (SQL_DIR / f"{naam}.sql").read_text(encoding="utf-8")


def voer_uit(con: duckdb.DuckDBPyConnection, naam: str, parameters: dict | None = None) -> None:
    """Run every statement of pipelines/sql/<naam>.sql, each with the bound parameters it names."""
    voer_tekst_uit(con, sql(naam), parameters)
