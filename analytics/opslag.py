"""Where the store is and how the read side asks it questions.

Every question runs analytics/sql/<naam>.sql with bound parameters on a read-only connection: the page run's
(basis.opslag.leessessie, opened in dashboard.py) or a short one of its own (see basis.opslag for how that shares the
file with loads). Answers are cached per question and
parameters, keyed also by the store's version (size and modification time of the DuckDB file), so
a load by the CLI or the upload page makes every cached answer stale at once.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from basis.instellingen import db_pad
from basis.opslag import gedeelde_leesverbinding

SQL_DIR = Path(__file__).resolve().parent / "sql"
CACHE_GROOTTE = 512
# Counts shown rounded are rounded as running counts from this fixed day (analytics.onderdrukking.afgerond): it must
# never move with the data, or the same period would be rounded differently after a load of older exports.
BEGIN = dt.date(1900, 1, 1)

_cache: OrderedDict[tuple, pd.DataFrame] = OrderedDict()
_cache_slot = threading.Lock()


def opslagversie(db: Path) -> tuple[int, int, int]:
    """Changes with every load or rollback (DuckDB checkpoints into the file when a load closes)."""
    stat = db.stat()
    wal = Path(f"{db}.wal")
    return stat.st_mtime_ns, stat.st_size, wal.stat().st_mtime_ns if wal.exists() else 0


def sql(naam: str) -> str:
    return (SQL_DIR / f"{naam}.sql").read_text(encoding="utf-8")


def _uit_cache(sleutel: tuple) -> pd.DataFrame | None:
    """A copy of the cached answer under `sleutel`, or None."""
    with _cache_slot:
        if sleutel not in _cache:
            return None
        _cache.move_to_end(sleutel)
        return _cache[sleutel].copy()


def _in_cache(antwoorden: dict[tuple, pd.DataFrame]) -> None:
    """Keep these answers; the oldest go when the cache is full."""
    with _cache_slot:
        _cache.update(antwoorden)
        while len(_cache) > CACHE_GROOTTE:
            _cache.popitem(last=False)


def cache_legen() -> None:
    """After a load in this process (the upload page): drop every cached answer."""
    with _cache_slot:
        _cache.clear()


def query(naam: str, parameters: dict | None = None, db: Path | None = None) -> pd.DataFrame:
    """The answer of analytics/sql/<naam>.sql for these parameters (cached; a copy is returned)."""
    db = db or db_pad()
    parameters = parameters or {}
    sleutel = (str(db), opslagversie(db), naam, tuple(sorted((k, _hashbaar(v)) for k, v in parameters.items())))
    if (bewaard := _uit_cache(sleutel)) is not None:
        return bewaard
    tekst = sql(naam)
    gebruikt = set(re.findall(r"\$([a-z_]+)", re.sub(r"--[^\n]*", "", tekst)))
    with gedeelde_leesverbinding(db, sql("selectie")) as con:
        antwoord = con.execute(tekst, {k: v for k, v in parameters.items() if k in gebruikt}).df()
    _in_cache({sleutel: antwoord})
    return antwoord.copy()


def query_perioden(naam: str, parameters: dict, perioden: list[tuple[dt.date, dt.date]]) -> pd.DataFrame:
    """The rows of the first of `perioden` in the answer of analytics/sql/<naam>.sql, a question over a list of
    periods (`$perioden`, answer columns `van` and `tot`). Each period's rows are cached on their own, as if asked
    alone; when the first is not cached yet, every period of the list not cached yet is asked in that one question
    (one scan instead of one per period: the overzicht asks the same selection now and one and two years earlier,
    issue 17). The rows come without `van` and `tot`, as a copy."""
    db = db_pad()
    versie = opslagversie(db)
    vast = tuple(sorted((k, _hashbaar(v)) for k, v in parameters.items()))

    def sleutel(periode: tuple[dt.date, dt.date]) -> tuple:
        return (str(db), versie, naam, vast, ("periode", periode))

    if (bewaard := _uit_cache(sleutel(perioden[0]))) is not None:
        return bewaard
    with _cache_slot:
        ontbreekt = [p for p in dict.fromkeys(perioden) if sleutel(p) not in _cache]
    antwoord = query(naam, {**parameters, "perioden": [{"van": van, "tot": tot} for van, tot in ontbreekt]}, db=db)
    van, tot = pd.to_datetime(antwoord["van"]).dt.date, pd.to_datetime(antwoord["tot"]).dt.date
    delen = {p: antwoord[(van == p[0]) & (tot == p[1])].drop(columns=["van", "tot"]).reset_index(drop=True)
             for p in ontbreekt}
    _in_cache({sleutel(periode): deel for periode, deel in delen.items()})
    return delen[perioden[0]].copy()


def afgeleid(naam: str, sleutel: object, maak: Callable[[], pd.DataFrame], db: Path | None = None) -> pd.DataFrame:
    """A table the read side derives from its questions (a table after suppression, say), cached like the answers
    themselves: per store version, so a load makes it stale with them. `sleutel` says what it was made for (hashable);
    `maak` makes it (from the store `db`, default the dashboard's). A copy is returned (with its attrs)."""
    db = db or db_pad()
    volledig = (str(db), opslagversie(db), "afgeleid", naam, sleutel)
    if (bewaard := _uit_cache(volledig)) is not None:
        return bewaard
    tabel = maak()
    _in_cache({volledig: tabel})
    return tabel.copy()


def _hashbaar(waarde: object) -> object:
    if isinstance(waarde, dict):
        return tuple(sorted((k, _hashbaar(v)) for k, v in waarde.items()))
    return tuple(_hashbaar(v) for v in waarde) if isinstance(waarde, list) else waarde


def query_ervoor(naam: str, parameters: dict, van: str = "van", tot: str = "tot") -> pd.DataFrame:
    """The same question over everything before its period (from BEGIN up to the day before `van`): what the
    selection counted before the period, for the rounding of what it counts in it."""
    return query(naam, {**parameters, van: BEGIN, tot: parameters[van] - dt.timedelta(days=1)})
