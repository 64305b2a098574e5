"""Sharing the DuckDB file between the dashboard, the upload page and the CLI.

DuckDB lets one process write, or several read, never both. So every user of the store takes a
lock on `<database>.lock` first: readers a shared lock, writers an exclusive one, and each holds
its connection only as long as one query or one load takes. A reader waits while a load runs (a
load takes seconds), a load waits for running queries (milliseconds). A DuckDB lock held by
someone who does not use our lock file (an analyst's tool) is waited out the same way.

One page run is one reader (`leessessie`): its questions share one read-only connection, opened at the first
question that is not answered from the cache and closed when the run ends. Opening the file and loading the
selection macros cost 30-90 ms a question; the page also sees one state of the store, never a load between two of
its questions; a load waits at most one page run. A write in the same run (an audit line, the upload page) closes
the run's connection first.

A reader that can neither open nor create the lock file (a store folder the dashboard may only read) reads
without it: DuckDB's own lock on the store file still keeps it from reading while a load writes, and `_verbind`
waits that out; the lock file only makes the waiting orderly. A store that cannot be written (a read-only file
or folder, a full disk) is named in Dutch (OpslagNietSchrijfbaar), and nothing is changed.
"""

from __future__ import annotations

import errno
import fcntl
import os
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import duckdb

from basis import fouten
from basis.fouten import OpslagBezet, OpslagNietSchrijfbaar, OpslagOnleesbaar
from basis.instellingen import duckdb_draden, wacht_lezen, wacht_schrijven

SQL_DIR = Path(__file__).resolve().parent / "sql"  # the store's shape (schema, macros) and the audit line
GEEN_RECHT = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})
SCHIJF_VOL = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT})  # EFBIG: a file size limit, as full as a full disk


def sql(naam: str) -> str:
    return (SQL_DIR / f"{naam}.sql").read_text(encoding="utf-8")


def schema_aanleggen(con: duckdb.DuckDBPyConnection) -> None:
    """The store's tables and views (created when absent, views brought up to date) and the macros. A store from
    before traject_actueel or its kenmerk columns gets the table made and filled from its definition, in one
    transaction, so a crash leaves the old shape (made again on the next opening), never half of the new."""
    vorm = traject_actueel_vorm(con)
    if vorm == "actueel":
        con.execute(sql("schema"))
    else:
        with transactie(con):
            if vorm == "zonder_kenmerk":
                voer_uit(con, "traject_actueel_oude_vorm_weg")
            con.execute(sql("schema"))
            voer_uit(con, "traject_actueel_vullen")
    macros_laden(con)


@contextmanager
def transactie(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """One transaction around the block: committed when it ends, rolled back when anything is raised in it (also
    by the COMMIT itself, a full disk), and the error raised on."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def traject_actueel_vorm(con: duckdb.DuckDBPyConnection) -> str:
    """'geen', 'zonder_kenmerk' or 'actueel' (basis/sql/traject_actueel_vorm.sql)."""
    return con.execute(sql("traject_actueel_vorm")).fetchone()[0]


def macros_laden(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(sql("macros"))


def voer_uit(con: duckdb.DuckDBPyConnection, naam: str, parameters: dict | None = None) -> None:
    """Run every statement of one of the store's own SQL files (basis/sql) with its bound parameters."""
    voer_tekst_uit(con, sql(naam), parameters)


def voer_tekst_uit(con: duckdb.DuckDBPyConnection, tekst: str, parameters: dict | None = None) -> None:
    """Run every statement of an SQL text, each with the bound parameters it names."""
    parameters = parameters or {}
    zonder_commentaar = re.sub(r"--[^\n]*", "", tekst)
    for statement in re.split(r";\s*(?:\n|$)", zonder_commentaar):
        if not statement.strip():
            continue
        namen = set(re.findall(r"\$([a-z_]+)", statement))
        con.execute(statement, {k: v for k, v in parameters.items() if k in namen})


@contextmanager
def _bestandsslot(db: Path, soort: int, wachttijd: float) -> Iterator[None]:
    handle = _slotbestand(db, lezer=soort == fcntl.LOCK_SH)
    if handle is None:  # a reader in a folder it may not write: DuckDB's own lock protects it (module docstring)
        yield
        return
    try:
        tot = time.monotonic() + wachttijd
        while True:
            try:
                fcntl.flock(handle, soort | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > tot:
                    raise OpslagBezet(fouten.BEZET) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(handle)  # closing releases the lock


def _slotbestand(db: Path, lezer: bool) -> int | None:
    """The lock file, opened for flock (which needs no write access; 0644 so readers running as another user can
    open it too); None for a reader that may neither open nor create it."""
    pad = Path(f"{db}.lock")
    pad.parent.mkdir(parents=True, exist_ok=True)
    try:
        return os.open(pad, os.O_RDONLY | os.O_CREAT, 0o644)
    except OSError as fout:
        if lezer and fout.errno in GEEN_RECHT:
            return None
        raise


def _verbind(db: Path, read_only: bool, wachttijd: float) -> duckdb.DuckDBPyConnection:
    tot = time.monotonic() + wachttijd
    while True:
        try:
            con = duckdb.connect(str(db), read_only=read_only)
        except duckdb.IOException as fout:
            if "could not set lock" not in str(fout).lower():
                raise
            if time.monotonic() > tot:
                raise OpslagBezet(fouten.BEZET) from fout
            time.sleep(0.1)
            continue
        if (draden := duckdb_draden()) is not None:
            voer_uit(con, "draden", {"draden": draden})
        return con


@contextmanager
def schrijfverbinding(
    db: Path, wachttijd: float | None = None, schema: bool = True, gegevens: bool = True
) -> Iterator[duckdb.DuckDBPyConnection]:
    """The one writer: exclusive lock, schema up to date, macros loaded (`schema=False`: neither, for a
    small write such as an audit line that must not change the store's shape). `gegevens=False`: the write changes
    nothing the read side asks (an audit line), so the store's version stays what it was (opslagversie). A store
    that cannot be written raises OpslagNietSchrijfbaar, also when that shows only inside the caller's load (a full
    disk at COMMIT)."""
    wachttijd = wacht_schrijven() if wachttijd is None else wachttijd
    _leessessie_los(db)
    try:
        with _bestandsslot(db, fcntl.LOCK_EX, wachttijd):
            con = _verbind(db, read_only=False, wachttijd=wachttijd)
            # taken with DuckDB's own lock held too: no writer without our lock file (an analyst's tool) can come
            # between this version and the line
            voor = None if gegevens else opslagversie(db)
            try:
                if schema:
                    schema_aanleggen(con)
                yield con
            finally:
                con.close()
                if voor is not None:  # still under the lock: no load can have come between
                    _zelfde_gegevens_als(db, voor)
    except (OSError, duckdb.Error) as fout:
        oorzaak = niet_schrijfbaar(db, fout)
        if oorzaak is None:
            raise
        raise oorzaak from fout


# Per store file version (see bestandsversie) written by this process without changing its data (an audit line: a
# login, a download), the version it had before. Without it every login would make every cached answer of every page
# stale (issue 17).
_ZELFDE_GEGEVENS_MAX = 1024
_zelfde_gegevens: OrderedDict[tuple, tuple] = OrderedDict()
_zelfde_slot = threading.Lock()


def bestandsversie(db: Path) -> tuple[int, int, int]:
    """Changes with every write to the store (DuckDB checkpoints into the file when a writer closes)."""
    stat = Path(db).stat()
    wal = Path(f"{db}.wal")
    return stat.st_mtime_ns, stat.st_size, wal.stat().st_mtime_ns if wal.exists() else 0


def opslagversie(db: Path) -> tuple[int, int, int]:
    """The version of what the store holds: changes with every load, rollback, verbeteractie or conversion, by any
    process; not with an audit line this process wrote (schrijfverbinding with gegevens=False)."""
    versie = bestandsversie(db)
    with _zelfde_slot:
        return _zelfde_gegevens.get((str(db), versie), versie)


def _zelfde_gegevens_als(db: Path, voor: tuple) -> None:
    """The store's file version now holds the same data as version `voor` (already resolved by opslagversie)."""
    with _zelfde_slot:
        _zelfde_gegevens[(str(db), bestandsversie(db))] = voor
        while len(_zelfde_gegevens) > _ZELFDE_GEGEVENS_MAX:
            _zelfde_gegevens.popitem(last=False)


@contextmanager
def leesverbinding(db: Path, wachttijd: float | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short read-only connection; waits while a load is running."""
    wachttijd = wacht_lezen() if wachttijd is None else wachttijd
    if not Path(db).exists():
        raise FileNotFoundError(db)
    with _bestandsslot(db, fcntl.LOCK_SH, wachttijd):
        try:
            con = _verbind(db, read_only=True, wachttijd=wachttijd)
        except duckdb.IOException as fout:
            if not foutnummers(fout) & GEEN_RECHT:
                raise
            sjabloon = fouten.OPSLAG_ONLEESBAAR
            raise OpslagOnleesbaar(sjabloon.format(waar=f" ({db})"), sjabloon.format(waar="")) from fout
        try:
            yield con
        finally:
            con.close()


class _Leessessie:
    """The read connection of one page run (in its thread), opened when first needed."""

    def __init__(self, db: Path) -> None:
        self.db = Path(db)
        self.con: duckdb.DuckDBPyConnection | None = None
        self.voorbereid: set[str] = set()
        self._open = ExitStack()

    def verbinding(self) -> duckdb.DuckDBPyConnection:
        if self.con is None:
            self.con = self._open.enter_context(leesverbinding(self.db))
        return self.con

    def sluiten(self) -> None:
        self.con, self.voorbereid = None, set()
        self._open.close()


_run = threading.local()  # the page run's _Leessessie, per thread (Streamlit runs each session's script in its own)


@contextmanager
def leessessie(db: Path) -> Iterator[None]:
    """One page run as one reader of `db` (module docstring): `gedeelde_leesverbinding` in this thread shares one
    connection until the end of the block."""
    vorige = getattr(_run, "sessie", None)
    _run.sessie = sessie = _Leessessie(db)
    try:
        yield
    finally:
        _run.sessie = vorige
        sessie.sluiten()


@contextmanager
def gedeelde_leesverbinding(db: Path, voorbereiding: str = "") -> Iterator[duckdb.DuckDBPyConnection]:
    """The page run's connection to `db` when one is running (`leessessie`), else a short one of its own; on it
    `voorbereiding` (SQL that defines macros) has been run, once per connection."""
    sessie = getattr(_run, "sessie", None)
    if sessie is None or sessie.db != Path(db):
        with leesverbinding(db) as con:
            if voorbereiding:
                con.execute(voorbereiding)
            yield con
        return
    con = sessie.verbinding()
    if voorbereiding and voorbereiding not in sessie.voorbereid:
        con.execute(voorbereiding)
        sessie.voorbereid.add(voorbereiding)
    yield con


def _leessessie_los(db: Path) -> None:
    """Before a write in this thread: the page run lets go of its read connection to `db` (reopened when needed)."""
    sessie = getattr(_run, "sessie", None)
    if sessie is not None and sessie.db == Path(db):
        sessie.sluiten()


def vorm_bijgewerkt(db: Path, wachttijd: float = 5) -> str | None:
    """An existing store made by an older version brought up to date before the dashboard starts: the tables and
    views of basis/sql/schema.sql that it lacks, and traject_actueel in its current shape (filled from its
    definition, as a load would). Nothing is written when nothing lacks. None when the store is (now) complete or
    absent; else the Dutch reason it could not be written (busy, read-only), and the dashboard starts on it as it is."""
    if not Path(db).exists():
        return None
    nodig = set(re.findall(r"CREATE (?:TABLE IF NOT EXISTS|OR REPLACE VIEW) (\w+)", sql("schema")))
    with leesverbinding(db, wachttijd) as con:
        aanwezig = {naam for (naam,) in con.execute(sql("tabellen")).fetchall()}
        vorm = traject_actueel_vorm(con)
    if nodig <= aanwezig and vorm == "actueel":
        return None
    try:
        with schrijfverbinding(db, wachttijd):
            pass  # the schema, brought up to date on opening
    except (OpslagBezet, OpslagNietSchrijfbaar) as fout:
        return str(fout)
    return None


def niet_schrijfbaar(db: Path, fout: BaseException) -> OpslagNietSchrijfbaar | None:
    """The Dutch cause of a failed write, when it is the store's: a full disk, a read-only store file or a store
    folder in which no file may be made; None for anything else."""
    nummers = foutnummers(fout)
    if nummers & SCHIJF_VOL:
        sjabloon, waar = fouten.OPSLAG_VOL, db.parent
    elif nummers & GEEN_RECHT and db.exists() and not os.access(db, os.W_OK, effective_ids=True):
        sjabloon, waar = fouten.OPSLAG_ALLEEN_LEZEN, db
    elif nummers & GEEN_RECHT and not os.access(db.parent, os.W_OK | os.X_OK, effective_ids=True):
        sjabloon, waar = fouten.OPSLAG_MAP_ALLEEN_LEZEN, db.parent
    else:
        return None
    return OpslagNietSchrijfbaar(sjabloon.format(waar=f" ({waar})"), sjabloon.format(waar=""))


def foutnummers(fout: BaseException) -> set[int]:
    """The errno values behind an error and what it was raised from or during (a failed COMMIT is followed by a
    failed ROLLBACK): an OSError's own, or the one whose text (strerror) a DuckDB error carries."""
    nummers: set[int] = set()
    gezien: set[int] = set()
    while fout is not None and id(fout) not in gezien:
        gezien.add(id(fout))
        if isinstance(fout, OSError) and fout.errno:
            nummers.add(fout.errno)
        elif isinstance(fout, duckdb.Error):
            nummers |= {n for n in GEEN_RECHT | SCHIJF_VOL if os.strerror(n) in str(fout)}
        fout = fout.__cause__ or fout.__context__
    return nummers
