"""A store made by an older version (without the tables a newer read side needs) is brought up to date when the
dashboard starts (`python -m kader.start` calls basis.opslag.vorm_bijgewerkt): the tables are made from their
definitions, as a load would; a complete store is not written; a store that cannot be written is named in Dutch
and the dashboard starts on it as it is."""

from __future__ import annotations

import os

import pytest

from basis import fouten
from basis.opslag import vorm_bijgewerkt
from tests.conftest import KANDIDATEN_KOP, ingest, kandidaat, rijen, schrijf_xlsx


@pytest.fixture
def ouder(db, tmp_path):
    """A store as an older version left it: loaded, but without traject_kenmerk and its view."""
    import duckdb

    ingest(db, schrijf_xlsx(tmp_path / "k.xlsx", [KANDIDATEN_KOP, kandidaat("T1"), kandidaat("T2", Status="Afgerond",
                                                                                            Einddatum="2026-09-30")]))
    con = duckdb.connect(str(db))
    con.execute("DROP TABLE traject_kenmerk")
    con.execute("DROP VIEW traject_kenmerk_afgeleid")
    con.close()
    return db


def test_an_older_store_gets_the_tables_it_lacks_filled_from_their_definitions(ouder):
    assert vorm_bijgewerkt(ouder) is None
    assert rijen(ouder, "SELECT count(*) FROM traject_kenmerk") == [(2,)]
    assert rijen(ouder, "SELECT * FROM traject_kenmerk ORDER BY ALL") == rijen(
        ouder, "SELECT * FROM traject_kenmerk_afgeleid ORDER BY ALL")


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
    assert rijen(ouder, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'traject_kenmerk'") == [(0,)]
