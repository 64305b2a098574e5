"""Where the store is and how the read side asks it questions.

Every question runs analytics/sql/<naam>.sql with bound parameters on a read-only connection: the page run's
(basis.opslag.leessessie, opened in dashboard.py) or a short one of its own (see basis.opslag for how that shares the
file with loads). Answers are cached per question and parameters, keyed also by the version of the store's data
(basis.opslag.opslagversie: the DuckDB file's size and modification time, except after an audit line of this
process), so a load by the CLI or the upload page makes every cached answer stale at once, a login or a download does
not. After a load the server asks the recent questions again before a visitor does (warm_houden).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from basis.instellingen import db_pad
from basis.opslag import bestandsversie, gedeelde_leesverbinding, opslagversie

SQL_DIR = Path(__file__).resolve().parent / "sql"
CACHE_GROOTTE = 512
# Counts shown rounded are rounded as running counts from this fixed day (analytics.onderdrukking.afgerond): it must
# never move with the data, or the same period would be rounded differently after a load of older exports.
BEGIN = dt.date(1900, 1, 1)

_cache: OrderedDict[tuple, pd.DataFrame] = OrderedDict()
_cache_slot = threading.Lock()
# The questions asked most recently (store, name, parameters), without their answers: after a load they are asked
# again before a visitor asks them (opnieuw_gevraagd, warm_houden), so a load does not send every page back to a
# cold first run (issue 17).
GEVRAAGD_GROOTTE = 128
_gevraagd: OrderedDict[tuple, dict] = OrderedDict()


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
    vraag = tuple(sorted((k, _hashbaar(v)) for k, v in parameters.items()))
    with _cache_slot:
        _gevraagd[(str(db), naam, vraag)] = dict(parameters)
        _gevraagd.move_to_end((str(db), naam, vraag))
        while len(_gevraagd) > GEVRAAGD_GROOTTE:
            _gevraagd.popitem(last=False)
    return _antwoord(db, naam, parameters, vraag)


@functools.cache
def leest_logboek(naam: str) -> bool:
    """Whether analytics/sql/<naam>.sql reads the audit log, which changes with every login and download."""
    return re.search(r"\baudit(_log)?\b", re.sub(r"--[^\n]*", "", sql(naam))) is not None


def versie_voor(db: Path, naam: str) -> tuple:
    """The version of the store that the answer to this question depends on: of its data (opslagversie), or of the
    whole file for a question on the audit log (the logboek shows a login straight away)."""
    return bestandsversie(db) if leest_logboek(naam) else opslagversie(db)


def _antwoord(db: Path, naam: str, parameters: dict, vraag: tuple) -> pd.DataFrame:
    """A copy of the cached answer, or of the store's answer, then cached."""
    sleutel = (str(db), versie_voor(db, naam), naam, vraag)
    if (bewaard := _uit_cache(sleutel)) is not None:
        return bewaard
    tekst = sql(naam)
    gebruikt = set(re.findall(r"\$([a-z_]+)", re.sub(r"--[^\n]*", "", tekst)))
    with gedeelde_leesverbinding(db, sql("selectie")) as con:
        antwoord = con.execute(tekst, {k: v for k, v in parameters.items() if k in gebruikt}).df()
    _in_cache({sleutel: antwoord})
    return antwoord.copy()


def niet_bewaard(db: Path) -> list[tuple[str, tuple, dict]]:
    """The questions asked most recently of this store (name, key, parameters; the most recent first) whose answer for
    the store as it is now is not cached."""
    with _cache_slot:
        return [(naam, vraag, parameters) for (pad, naam, vraag), parameters in reversed(_gevraagd.items())
                if pad == str(db) and (pad, versie_voor(db, naam), naam, vraag) not in _cache]


def opnieuw_gevraagd(db: Path) -> int:
    """Ask the store again the recent questions whose answer for the store as it is now is not cached (after a load),
    the most recent first; how many were asked. The answers are what a visitor's first run would get: the same
    question on the same store."""
    vragen = niet_bewaard(db)
    for naam, vraag, parameters in vragen:
        _antwoord(db, naam, parameters, vraag)  # not `query`: asking again does not make a question recent
    return len(vragen)


def warm_houden(db: Path, elke: float = 2.0, stop: threading.Event | None = None) -> threading.Thread:
    """A thread of the server that looks every `elke` seconds whether the store changed (a load by the command line
    or the upload page, a rollback) and, once it has stayed the same for a look, asks the recent questions again
    (opnieuw_gevraagd). A question that fails (a store being converted, say) is left to the visitor, who gets the
    page's own message; the thread goes on."""
    stop = stop or threading.Event()

    def kijken() -> None:
        gezien = vorige = None
        while not stop.wait(elke):
            try:
                nu = opslagversie(db)
            except OSError:
                continue
            if gezien is not None and nu != gezien and nu == vorige:
                begin = time.monotonic()
                try:
                    aantal = opnieuw_gevraagd(db)
                except Exception as fout:  # noqa: BLE001 - never the thread's end; no row content in the message
                    print(f"De opslag is veranderd; de recente vragen niet opnieuw gesteld: {type(fout).__name__}",
                          file=sys.stderr, flush=True)
                else:  # for whoever keeps the server: what a load cost it (a count and a time, no data)
                    duur = f"{time.monotonic() - begin:.1f}".replace(".", ",")  # Dutch, as everything the keeper reads
                    print(f"De opslag is veranderd; {aantal} recente vragen opnieuw gesteld in {duur} s.",
                          file=sys.stderr, flush=True)
                gezien = nu
            elif gezien is None:
                gezien = nu
            vorige = nu

    draad = threading.Thread(target=kijken, name="opslag-warm-houden", daemon=True)
    draad.start()
    return draad


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
