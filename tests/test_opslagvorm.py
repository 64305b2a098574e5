"""A store made by an older version (without the tables a newer read side needs) is brought up to date when the
dashboard starts (`python -m kader.start` calls basis.opslag.vorm_bijgewerkt): the tables are made from their
definitions, as a load would; a complete store is not written; a store that cannot be written is named in Dutch
and the dashboard starts on it as it is."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from basis import fouten
from basis.opslag import vorm_bijgewerkt
from tests.conftest import (
    AFGELEID_KOLOMMEN,
    KANDIDATEN_KOP,
    ROOT,
    actueel_naast_definitie,
    ingest,
    kandidaat,
    rijen,
    schrijf_xlsx,
)

# How older versions left the store: the current state without its kenmerk columns, beside it (traject_kenmerk as a
# table of its own) or not (before traject_kenmerk), or no kept current state at all (before traject_actueel).
OUDERE_VORMEN = {
    "kenmerk_als_tabel": [
        f"CREATE TABLE oud AS SELECT {AFGELEID_KOLOMMEN} FROM traject_actueel",
        "CREATE TABLE kenmerk_oud AS SELECT * FROM traject_kenmerk",
        "DROP VIEW traject_kenmerk", "DROP VIEW traject_actueel_afgeleid", "DROP VIEW kandidaat_kenmerk",
        "DROP TABLE traject_actueel", "ALTER TABLE oud RENAME TO traject_actueel",
        "ALTER TABLE kenmerk_oud RENAME TO traject_kenmerk",
        "CREATE VIEW traject_kenmerk_afgeleid AS SELECT * FROM traject_kenmerk",
    ],
    "zonder_kenmerk": [
        f"CREATE TABLE oud AS SELECT {AFGELEID_KOLOMMEN} FROM traject_actueel",
        "DROP VIEW traject_kenmerk", "DROP VIEW traject_actueel_afgeleid", "DROP VIEW kandidaat_kenmerk",
        "DROP TABLE traject_actueel", "ALTER TABLE oud RENAME TO traject_actueel",
    ],
    "zonder_actueel": [
        "DROP VIEW traject_kenmerk", "DROP VIEW traject_actueel_afgeleid", "DROP VIEW kandidaat_kenmerk",
        "DROP VIEW trajecten_ontbrekend", "DROP VIEW trajecten", "DROP TABLE traject_actueel",
    ],
}


@pytest.fixture(params=sorted(OUDERE_VORMEN))
def ouder(db, tmp_path, request):
    """A store as an older version left it: loaded, in one of the older shapes."""
    import duckdb

    ingest(db, schrijf_xlsx(tmp_path / "k.xlsx", [KANDIDATEN_KOP, kandidaat("T1"), kandidaat("T2", Status="Afgerond",
                                                                                            Einddatum="2026-09-30")]))
    con = duckdb.connect(str(db))
    for statement in OUDERE_VORMEN[request.param]:
        con.execute(statement)
    con.close()
    return db


def vorm(db) -> str:
    return rijen(db, (ROOT / "basis" / "sql" / "traject_actueel_vorm.sql").read_text())[0][0]


def test_an_older_store_gets_the_tables_it_lacks_filled_from_their_definitions(ouder):
    assert vorm(ouder) != "actueel"
    assert vorm_bijgewerkt(ouder) is None
    assert vorm(ouder) == "actueel"
    assert rijen(ouder, "SELECT count(*) FROM traject_actueel") == [(2,)]
    assert actueel_naast_definitie(ouder) == [0, 0]
    assert rijen(ouder, "SELECT traject_id, is_lopend, beeindigd_op FROM traject_kenmerk ORDER BY ALL") == [
        ("T1", True, None), ("T2", False, dt.date(2026, 9, 30))]
    assert rijen(ouder, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'traject_kenmerk_afgeleid'"
                 ) == [(0,)]


def test_a_complete_store_is_not_written(ouder):
    vorm_bijgewerkt(ouder)
    voor = os.stat(ouder).st_mtime_ns
    assert vorm_bijgewerkt(ouder) is None
    assert os.stat(ouder).st_mtime_ns == voor
    assert vorm_bijgewerkt(ouder.with_name("bestaat_niet.duckdb")) is None


def test_a_read_only_older_store_is_named_and_left_as_it_is(ouder):
    from tests.rechten import geen_rootrechten

    os.chmod(ouder, 0o444)
    try:
        with geen_rootrechten():  # held to the mode bits also as root (CI)
            reden = vorm_bijgewerkt(ouder)
    finally:
        os.chmod(ouder, 0o644)
    assert reden == fouten.OPSLAG_ALLEEN_LEZEN.format(waar=f" ({ouder})")
    assert vorm(ouder) != "actueel"
