"""Sharing the DuckDB file between the dashboard, the upload page and the CLI.

DuckDB lets one process write, or several read, never both. So every user of the store takes a
lock on `<database>.lock` first: readers a shared lock, writers an exclusive one, and each holds
its connection only as long as one query or one load takes. A reader waits while a load runs (a
load takes seconds), a load waits for running queries (milliseconds). A DuckDB lock held by
someone who does not use our lock file (an analyst's tool) is waited out the same way.
"""

from __future__ import annotations

import fcntl
import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from pipelines import meldingen
from pipelines.meldingen import OpslagBezet

SQL_DIR = Path(__file__).resolve().parent / "sql"
WACHT_LEZEN = float(os.environ.get("DASHBOARD_WACHT_LEZEN", "60"))
WACHT_SCHRIJVEN = float(os.environ.get("DASHBOARD_WACHT_SCHRIJVEN", "300"))


def sql(naam: str) -> str:
    return (SQL_DIR / f"{naam}.sql").read_text(encoding="utf-8")


def voer_uit(con: duckdb.DuckDBPyConnection, naam: str, parameters: dict | None = None) -> None:
    """Run every statement of an SQL file, each with the bound parameters it names."""
    parameters = parameters or {}
    zonder_commentaar = re.sub(r"--[^\n]*", "", sql(naam))
    for statement in re.split(r";\s*(?:\n|$)", zonder_commentaar):
        if not statement.strip():
            continue
        namen = set(re.findall(r"\$([a-z_]+)", statement))
        con.execute(statement, {k: v for k, v in parameters.items() if k in namen})


@contextmanager
def _bestandsslot(db: Path, soort: int, wachttijd: float) -> Iterator[None]:
    pad = Path(f"{db}.lock")
    pad.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(pad, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        tot = time.monotonic() + wachttijd
        while True:
            try:
                fcntl.flock(handle, soort | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > tot:
                    raise OpslagBezet(meldingen.BEZET) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(handle)  # closing releases the lock


def _verbind(db: Path, read_only: bool, wachttijd: float) -> duckdb.DuckDBPyConnection:
    tot = time.monotonic() + wachttijd
    while True:
        try:
            return duckdb.connect(str(db), read_only=read_only)
        except duckdb.IOException as fout:
            if "lock" not in str(fout).lower():
                raise
            if time.monotonic() > tot:
                raise OpslagBezet(meldingen.BEZET) from fout
            time.sleep(0.1)


@contextmanager
def schrijfverbinding(
    db: Path, wachttijd: float = WACHT_SCHRIJVEN, schema: bool = True
) -> Iterator[duckdb.DuckDBPyConnection]:
    """The one writer: exclusive lock, schema up to date, macros loaded (`schema=False`: neither, for a
    small write such as an audit line that must not change the store's shape)."""
    with _bestandsslot(db, fcntl.LOCK_EX, wachttijd):
        con = _verbind(db, read_only=False, wachttijd=wachttijd)
        try:
            if schema:
                con.execute(sql("schema"))
                con.execute(sql("macros"))
            yield con
        finally:
            con.close()


@contextmanager
def leesverbinding(db: Path, wachttijd: float = WACHT_LEZEN) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short read-only connection; waits while a load is running."""
    if not Path(db).exists():
        raise FileNotFoundError(db)
    with _bestandsslot(db, fcntl.LOCK_SH, wachttijd):
        con = _verbind(db, read_only=True, wachttijd=wachttijd)
        try:
            yield con
        finally:
            con.close()
