"""The dashboard reads while the monthly CLI job loads: neither fails, the store stays whole."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time

import pytest

from basis.fouten import OpslagBezet
from basis.opslag import leesverbinding, schrijfverbinding
from tests.conftest import KANDIDATEN_KOP, ROOT, app_als, ingest, kandidaat, rijen, schrijf_xlsx

pytestmark = pytest.mark.cli_apart  # loads in threads and beside other processes: each its own process

LEZER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from basis.opslag import leesverbinding
    db, tot = Path(sys.argv[1]), time.monotonic() + float(sys.argv[2])
    gelezen, gezien = 0, set()
    while time.monotonic() < tot:
        with leesverbinding(db) as con:   # what the dashboard does for every question
            gezien.add(con.execute("SELECT count(*) FROM trajecten").fetchone()[0])
        gelezen += 1
    print(gelezen, sorted(gezien))
    """
)


def test_cli_loads_while_a_reader_reads_continuously(db, tmp_path):
    bestanden = [
        schrijf_xlsx(tmp_path / f"k{n}.xlsx", [KANDIDATEN_KOP, *[kandidaat(f"T{i}") for i in range(n * 100)]])
        for n in (1, 2, 3)
    ]
    assert ingest(db, bestanden[0], peildatum="2026-08-31").returncode == 0
    lezer = subprocess.Popen(
        [sys.executable, "-c", LEZER, str(db), "6"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    time.sleep(0.5)

    resultaten = [ingest(db, bestanden[1], peildatum="2026-09-30"), ingest(db, bestanden[2], peildatum="2026-10-31")]
    uit, fout = lezer.communicate(timeout=60)

    assert [r.returncode for r in resultaten] == [0, 0], [r.stdout for r in resultaten]
    assert lezer.returncode == 0, fout
    gelezen, gezien = uit.split(" ", 1)
    assert int(gelezen) > 10
    # the reader only ever saw whole loads: 100, 200 or 300 trajecten, never something in between
    assert set(eval(gezien)) <= {100, 200, 300}
    assert rijen(db, "SELECT count(*) FROM trajecten") == [(300,)]


def test_two_loads_at_the_same_time_both_land_one_after_the_other(db, tmp_path):
    a = schrijf_xlsx(tmp_path / "a.xlsx", [KANDIDATEN_KOP, *[kandidaat(f"A{i}") for i in range(300)]])
    b = schrijf_xlsx(tmp_path / "b.xlsx", [KANDIDATEN_KOP, *[kandidaat(f"B{i}") for i in range(300)]])
    ingest(db, schrijf_xlsx(tmp_path / "start.xlsx", [KANDIDATEN_KOP, kandidaat("S")]), organisatie="Start")
    resultaten = {}

    def laad(naam, bestand):
        resultaten[naam] = ingest(db, bestand, organisatie=naam)

    draden = [threading.Thread(target=laad, args=(naam, f)) for naam, f in (("A", a), ("B", b))]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()

    assert {naam: r.returncode for naam, r in resultaten.items()} == {"A": 0, "B": 0}
    assert sorted(rijen(db, "SELECT organisatie, count(*) FROM trajecten GROUP BY 1")) == [
        ("A", 300), ("B", 300), ("Start", 1),
    ]
    assert sorted(r[0] for r in rijen(db, "SELECT upload_id FROM uploads")) == [1, 2, 3]


def test_a_reader_waits_for_a_running_load_and_then_reads(db, tmp_path):
    ingest(db, schrijf_xlsx(tmp_path / "a.xlsx", [KANDIDATEN_KOP, kandidaat("T1")]))
    bezig = threading.Event()

    def lange_load():
        with schrijfverbinding(db):
            bezig.set()
            time.sleep(1.5)

    draad = threading.Thread(target=lange_load)
    draad.start()
    bezig.wait()
    begin = time.monotonic()
    with leesverbinding(db, wachttijd=30) as con:
        aantal = con.execute("SELECT count(*) FROM trajecten").fetchone()[0]
    gewacht = time.monotonic() - begin
    draad.join()

    assert aantal == 1
    assert gewacht > 0.5  # it waited for the load instead of failing


def test_a_reader_that_cannot_wait_gets_a_dutch_message(db, tmp_path):
    ingest(db, schrijf_xlsx(tmp_path / "a.xlsx", [KANDIDATEN_KOP, kandidaat("T1")]))
    bezig, klaar = threading.Event(), threading.Event()

    def lange_load():
        with schrijfverbinding(db):
            bezig.set()
            klaar.wait(10)

    draad = threading.Thread(target=lange_load)
    draad.start()
    bezig.wait()
    try:
        with pytest.raises(OpslagBezet) as fout, leesverbinding(db, wachttijd=0.3):
            pass
    finally:
        klaar.set()
        draad.join()
    assert str(fout.value) == (
        "De gegevens worden op dit moment bijgewerkt door een andere upload. Probeer het over een paar minuten "
        "opnieuw."
    )


def test_dashboard_entrance_renders_while_a_load_holds_the_store(db, tmp_path, monkeypatch):

    ingest(db, schrijf_xlsx(tmp_path / "a.xlsx", [KANDIDATEN_KOP, kandidaat("T1")]))
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    bezig = threading.Event()

    def lange_load():
        with schrijfverbinding(db):
            bezig.set()
            time.sleep(1.0)

    draad = threading.Thread(target=lange_load)
    draad.start()
    bezig.wait()
    app = app_als(monkeypatch, db.parent, timeout=30).run()
    app.switch_page("pages/gegevens.py").run()
    draad.join()

    assert not app.exception
    assert app.dataframe[0].value["Organisatie"].tolist() == ["Werkbedrijf Test"]
