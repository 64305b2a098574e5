"""A store that cannot be written (issue 12, point 6): a read-only store file, a read-only store folder and a full
disk are named in Dutch, with what to do, in the CLI (ingest and terugdraaien) and on the upload page, and the
store is unchanged; pages still read a store in a folder they may not write, and never show a path or a traceback.
The disk is made to refuse for real (tests/rechten.py), also when the tests run as root."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap

import pytest

from basis.fouten import OpslagBezet
from basis.opslag import leesverbinding
from tests.conftest import (
    KANDIDATEN_KOP,
    ROOT,
    alle_tabellen,
    app_als,
    cli,
    ingest,
    kandidaat,
    rijen,
    schrijf_xlsx,
    zichtbaar,
)
from tests.rechten import geen_rootrechten, schijf_vol, schijf_vol_na, zonder_rootrechten

ORG = "Werkbedrijf Test"
NIETS_VERANDERD_ALLEEN_LEZEN = (
    "is alleen-lezen: er kan niets in worden geladen of teruggedraaid. Er is niets veranderd. Geef schrijfrechten op "
    "het opslagbestand (of vraag dat aan de beheerder van de server) en probeer het opnieuw."
)


def alleen_lezen(db, waar: str) -> str:
    return f"Het opslagbestand{waar} {NIETS_VERANDERD_ALLEEN_LEZEN}"


def map_alleen_lezen(waar: str) -> str:
    return (
        f"De map van de opslag{waar} is alleen-lezen: om te laden of terug te draaien moeten daarin bestanden naast "
        "de opslag worden gemaakt (.wal en .lock). Er is niets veranderd. Geef schrijfrechten op die map (of vraag "
        "dat aan de beheerder van de server) en probeer het opnieuw."
    )


def vol(waar: str) -> str:
    return (
        f"De schijf waarop de opslag staat{waar} is vol: de opslag kan niet groeien. Er is niets veranderd. Maak "
        "ruimte vrij op die schijf (of vraag dat aan de beheerder van de server) en probeer het opnieuw."
    )


@pytest.fixture
def opslag(tmp_path, monkeypatch):
    """A store in its own folder with one kandidaten upload, and the next month's export (2.000 trajecten: a load
    that writes more than the 64 kB the full-disk tests leave)."""
    map_ = tmp_path / "opslag"
    map_.mkdir()
    monkeypatch.setenv("DASHBOARD_SLEUTEL", str(tmp_path / "sleutel"))
    db = map_ / "regio.duckdb"
    oktober = schrijf_xlsx(tmp_path / "okt.xlsx", [KANDIDATEN_KOP, kandidaat("T1"), kandidaat("T2")])
    assert ingest(db, oktober, organisatie=ORG, peildatum="2026-10-31").returncode == 0
    november = schrijf_xlsx(
        tmp_path / "kandidaten_2026-11.xlsx",
        [KANDIDATEN_KOP, *[kandidaat(f"N{i}", Startdatum=dt.date(2026, 11, 2)) for i in range(2000)]],
    )
    yield db, november
    os.chmod(map_, 0o755)  # so pytest can clean up
    if db.exists():
        os.chmod(db, 0o644)


def laden_en_terugdraaien(db, bestand, preexec_fn):
    geladen = ingest(db, bestand, organisatie=ORG, peildatum="2026-11-30", preexec_fn=preexec_fn)
    teruggedraaid = cli("terugdraaien", "--db", db, 1, preexec_fn=preexec_fn)
    return geladen, teruggedraaid


def test_a_read_only_store_file_is_named_by_ingest_and_rollback_and_nothing_changes(opslag):
    db, november = opslag
    os.chmod(db, 0o444)
    voor = alle_tabellen(db)

    geladen, teruggedraaid = laden_en_terugdraaien(db, november, zonder_rootrechten)

    assert geladen.returncode == 1
    assert geladen.stdout.strip() == f"Niet geladen: {november.name}. {alleen_lezen(db, f' ({db})')}"
    assert teruggedraaid.returncode == 1
    assert teruggedraaid.stdout.strip() == alleen_lezen(db, f" ({db})")
    assert "Traceback" not in geladen.stderr + teruggedraaid.stderr
    assert alle_tabellen(db) == voor
    os.chmod(db, 0o644)  # the cause gone, the same file loads
    assert ingest(db, november, organisatie=ORG, peildatum="2026-11-30").returncode == 0


@pytest.mark.parametrize("met_slotbestand", [True, False], ids=["slotbestand er al", "slotbestand nog niet"])
def test_a_read_only_store_folder_is_named_by_ingest_and_rollback_and_nothing_changes(opslag, met_slotbestand):
    db, november = opslag
    if not met_slotbestand:  # then taking the lock already fails, before DuckDB is asked
        os.remove(f"{db}.lock")
    os.chmod(db.parent, 0o555)
    voor = alle_tabellen(db)

    geladen, teruggedraaid = laden_en_terugdraaien(db, november, zonder_rootrechten)

    assert geladen.returncode == 1
    assert geladen.stdout.strip() == f"Niet geladen: {november.name}. {map_alleen_lezen(f' ({db.parent})')}"
    assert teruggedraaid.returncode == 1
    assert teruggedraaid.stdout.strip() == map_alleen_lezen(f" ({db.parent})")
    assert "Traceback" not in geladen.stderr + teruggedraaid.stderr
    assert alle_tabellen(db) == voor
    assert sorted(p.name for p in db.parent.iterdir()) == sorted(["regio.duckdb"] + ["regio.duckdb.lock"]
                                                                  * met_slotbestand)


def test_a_full_disk_is_named_by_ingest_and_rollback_and_nothing_changes(opslag):
    db, november = opslag
    voor = alle_tabellen(db)

    geladen = ingest(db, november, organisatie=ORG, peildatum="2026-11-30", preexec_fn=schijf_vol_na(64_000))
    teruggedraaid = cli("terugdraaien", "--db", db, 1, preexec_fn=schijf_vol_na(4_000))

    assert geladen.returncode == 1
    assert geladen.stdout.strip() == f"Niet geladen: {november.name}. {vol(f' ({db.parent})')}"
    assert teruggedraaid.returncode == 1
    assert teruggedraaid.stdout.strip() == vol(f" ({db.parent})")
    assert "Traceback" not in geladen.stderr + teruggedraaid.stderr
    assert alle_tabellen(db) == voor
    assert ingest(db, november, organisatie=ORG, peildatum="2026-11-30").returncode == 0  # room again: it loads
    assert rijen(db, "SELECT count(*) FROM trajecten") == [(2002,)]


def uploadpagina(db, monkeypatch, november):
    """The upload page as the beheerder, with the November export dropped and checked."""
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    app = app_als(monkeypatch, db.parent.parent, timeout=90).run()
    app.switch_page("pages/uploaden.py").run()
    app.file_uploader(key="uploaden_bestanden").set_value(
        [(november.name, november.read_bytes(), "application/octet-stream")]
    ).run()
    next(s for s in app.selectbox if s.label == "Organisatie").set_value(ORG).run()  # a known one
    assert not app.exception
    assert [s.value for s in app.success] == ["Geen fouten gevonden: dit bestand kan worden geladen."]
    return app


def laadknop(app, naam):
    return next(b for b in app.button if zichtbaar(b.label) == f"{naam} laden")


def test_the_upload_page_names_a_read_only_store_file_without_its_path(opslag, monkeypatch):
    db, november = opslag
    app = uploadpagina(db, monkeypatch, november)
    os.chmod(db, 0o444)
    voor = alle_tabellen(db)

    with geen_rootrechten():
        laadknop(app, november.name).click().run()

    assert not app.exception
    assert zichtbaar(app.error[-1].value) == f"Niet geladen: {november.name}. {alleen_lezen(db, '')}"
    assert alle_tabellen(db) == voor


def test_the_upload_page_names_a_full_disk_without_a_path(opslag, monkeypatch):
    db, november = opslag
    app = uploadpagina(db, monkeypatch, november)
    voor = alle_tabellen(db)

    with schijf_vol(64_000):
        laadknop(app, november.name).click().run()

    assert not app.exception
    assert zichtbaar(app.error[-1].value) == f"Niet geladen: {november.name}. {vol('')}"
    assert alle_tabellen(db) == voor


def test_pages_read_a_store_in_a_folder_they_may_not_write_and_a_load_there_is_named(opslag, monkeypatch):
    db, november = opslag
    os.remove(f"{db}.lock")  # and the readers cannot make one there either
    os.chmod(db.parent, 0o555)
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    with geen_rootrechten():
        app = app_als(monkeypatch, db.parent.parent, timeout=90).run()
        tekst = " ".join(zichtbaar(str(e.value)) for soort in ("error", "warning", "info", "markdown", "caption")
                         for e in getattr(app, soort))

        assert not app.exception
        assert {m.label: m.value for m in app.metric}["Instroom"] == "2"  # the Overzicht, with October's numbers
        assert "PermissionError" not in tekst and str(db.parent) not in tekst
        # the login cannot be written to the audit log there: the beheerder is told, in Dutch and without a path
        assert [w.value for w in app.sidebar.warning] == [
            "Inloggen en downloads worden nu niet in het logboek van de opslag vastgelegd, alleen in de log van de "
            f"server. {map_alleen_lezen('')}"
        ]

        app.switch_page("pages/uploaden.py").run()
        app.file_uploader(key="uploaden_bestanden").set_value(
            [(november.name, november.read_bytes(), "application/octet-stream")]
        ).run()
        next(s for s in app.selectbox if s.label == "Organisatie").set_value(ORG).run()  # a known one
        assert [s.value for s in app.success] == ["Geen fouten gevonden: dit bestand kan worden geladen."]
        laadknop(app, november.name).click().run()

        assert not app.exception
        assert zichtbaar(app.error[-1].value) == f"Niet geladen: {november.name}. {map_alleen_lezen('')}"
    assert sorted(p.name for p in db.parent.iterdir()) == ["regio.duckdb"]


def test_a_store_the_dashboard_may_not_even_read_is_said_in_dutch_without_its_path(opslag, monkeypatch):
    db, _ = opslag
    os.chmod(db, 0o000)
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    with geen_rootrechten():
        app = app_als(monkeypatch, db.parent.parent, timeout=90).run()

    assert not app.exception
    assert [zichtbaar(e.value) for e in app.error] == [
        "De gegevens kunnen niet worden gelezen: het dashboard mag het opslagbestand niet openen. De beheerder van de "
        "server kan dat herstellen (leesrechten op het opslagbestand)."
    ]


SCHRIJVER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from basis.opslag import schrijfverbinding
    with schrijfverbinding(Path(sys.argv[1])) as con:
        con.execute("INSERT INTO audit_log VALUES (now(), 'beheerder', 'test', 'tijdens het lezen')")
        print("bezig", flush=True)
        time.sleep(float(sys.argv[2]))
    """
)


def test_a_reader_that_cannot_use_the_lock_file_is_still_kept_out_while_a_load_writes(opslag):
    db, _ = opslag
    os.chmod(f"{db}.lock", 0o000)  # a lock file the dashboard may not open, in a folder where it may make none
    os.chmod(db.parent, 0o555)
    schrijver = subprocess.Popen(  # another account, that may write there (root with all its rights)
        [sys.executable, "-c", SCHRIJVER, str(db), "2"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert schrijver.stdout.readline().strip() == "bezig"
        with geen_rootrechten():
            with pytest.raises(OpslagBezet), leesverbinding(db, wachttijd=0.3):
                pass  # DuckDB's own lock keeps the reader out while the load holds the store
            with leesverbinding(db, wachttijd=30) as con:  # and it reads once the load is done, all of it
                gelezen = con.execute("SELECT wat FROM audit_log").fetchall()
    finally:
        schrijver.communicate(timeout=30)
        os.chmod(f"{db}.lock", 0o644)
    assert schrijver.returncode == 0
    assert gelezen == [("tijdens het lezen",)]


def test_without_a_store_yet_the_pages_say_so_without_its_path(tmp_path, monkeypatch):
    db = tmp_path / "nog_niet" / "regio.duckdb"
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    app = app_als(monkeypatch, tmp_path, rol="gemeente", gemeenten=("GM0268",), email="a@nijmegen.example").run()

    assert not app.exception
    assert [i.value for i in app.info] == [
        "Er zijn nog geen gegevens geladen (de opslag regio.duckdb bestaat nog niet). Laad exports met `python -m "
        "pipelines ingest --db PAD BESTAND` of start met `make run` voor de demo."
    ]
