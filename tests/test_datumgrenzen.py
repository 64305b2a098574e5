"""Dates within sense (issue 12): impossible dates are refused at the door with a Dutch line, and whatever an
older store holds never crashes a page.

A kandidaten export with peildatum 31-12-9999 used to load and then show an OverflowError on every analysis
page for every role; 'Peildatum: december 9999' was a ValueError on the upload page.
"""

from __future__ import annotations

import datetime as dt
import shutil

import duckdb
import pytest

from basis import datumgrenzen
from tests.conftest import (
    KANDIDATEN_KOP,
    ROOT,
    app_als,
    blokken,
    geweigerd,
    ingest,
    kandidaat,
    rijen,
    schrijf_csv,
    schrijf_xlsx,
    zichtbaar,
)

VANDAAG = dt.date.today()
LAATSTE = VANDAAG + dt.timedelta(days=7)


def buiten_bereik(peildatum: str) -> str:
    return (f"De peildatum {peildatum} kan niet kloppen: een peildatum ligt tussen 01-01-2000 en een week na "
            f"vandaag ({LAATSTE:%d-%m-%Y}). Controleer de peildatum in het uploadformulier, in de regel 'Peildatum: …' "
            "boven de kopregel of in de bestandsnaam.")


def test_a_peildatum_outside_2000_to_a_week_from_now_is_refused_wherever_it_comes_from(db, tmp_path):
    titel_9999 = schrijf_xlsx(tmp_path / "titel_9999.xlsx", [["Peildatum: 31-12-9999"], KANDIDATEN_KOP, kandidaat()])
    titel_woord = schrijf_csv(tmp_path / "titel_woord.csv", [["Peildatum: december 9999"], KANDIDATEN_KOP,
                                                              kandidaat()])
    oud = schrijf_xlsx(tmp_path / "oud.xlsx", [["Peildatum: 31-12-1999"], KANDIDATEN_KOP,
                                                kandidaat(Startdatum=dt.date(1999, 3, 1))])
    resultaat = ingest(db, titel_9999, titel_woord, oud, peildatum=None)
    per_bestand = blokken(resultaat.stdout)
    assert resultaat.returncode == 1
    assert per_bestand["titel_9999.xlsx"] == geweigerd("titel_9999.xlsx", buiten_bereik("31-12-9999"))
    assert per_bestand["titel_woord.csv"] == geweigerd("titel_woord.csv", buiten_bereik("31-12-9999"))
    assert per_bestand["oud.xlsx"] == geweigerd("oud.xlsx", buiten_bereik("31-12-1999"))

    cli = schrijf_xlsx(tmp_path / "cli.xlsx", [KANDIDATEN_KOP, kandidaat()])
    resultaat = ingest(db, cli, peildatum="9999-12-31")
    assert blokken(resultaat.stdout)["cli.xlsx"] == geweigerd("cli.xlsx", buiten_bereik("31-12-9999"))
    assert "Traceback" not in resultaat.stdout + resultaat.stderr
    assert rijen(db, "SELECT count(*) FROM trajecten") == [(0,)]
    assert {s for (s,) in rijen(db, "SELECT status FROM uploads")} == {"geweigerd"}


def test_a_peildatum_a_week_from_now_loads_and_a_day_later_is_refused(db, tmp_path):
    bestand = schrijf_xlsx(tmp_path / "week.xlsx", [KANDIDATEN_KOP, kandidaat()])
    assert ingest(db, bestand, peildatum=LAATSTE.isoformat()).returncode == 0
    volgende = LAATSTE + dt.timedelta(days=1)
    # another traject: the same bytes within one second would be 'al geladen' before anything is checked
    bestand = schrijf_xlsx(tmp_path / "volgende.xlsx", [KANDIDATEN_KOP, kandidaat("T2")])
    resultaat = ingest(db, bestand, peildatum=volgende.isoformat())
    assert blokken(resultaat.stdout)["volgende.xlsx"] == geweigerd(
        "volgende.xlsx", buiten_bereik(volgende.strftime("%d-%m-%Y")))


def test_31_12_9999_on_a_lopend_traject_means_no_einddatum(db, tmp_path):
    """Many source systems write 31-12-9999 for 'no end date': as text, and as a real Excel date cell."""
    bestand = schrijf_xlsx(tmp_path / "negens.xlsx", [
        KANDIDATEN_KOP,
        kandidaat("T1", Einddatum="31-12-9999"),
        kandidaat("T2", Einddatum=dt.date(9999, 12, 31)),
        kandidaat("T3", Einddatum=dt.date(2027, 6, 30)),  # a planned end stays
    ])
    resultaat = ingest(db, bestand)
    assert resultaat.returncode == 0, resultaat.stdout
    assert rijen(db, "SELECT traject_id, einddatum FROM trajecten ORDER BY 1") == [
        ("T1", None), ("T2", None), ("T3", dt.date(2027, 6, 30))]


def test_an_impossible_date_in_a_real_excel_date_cell_is_named_as_the_user_sees_it(db, tmp_path):
    bestand = schrijf_xlsx(tmp_path / "echte_datum.xlsx", [
        KANDIDATEN_KOP, kandidaat("T1", Status="Afgerond", Einddatum=dt.date(9999, 12, 31))])
    resultaat = ingest(db, bestand)
    assert blokken(resultaat.stdout)["echte_datum.xlsx"] == geweigerd(
        "echte_datum.xlsx",
        "Rij 2, kolom Einddatum: '31-12-9999' staat in veel systemen voor 'geen einddatum', maar de status is "
        "afgerond: dat traject is geëindigd. Vul de echte einddatum in.")


# ----- the read side survives whatever the store holds ------------------------------------------

ANALYSEPAGINAS = ("pages/overzicht.py", "pages/instroom.py", "pages/uitval.py", "pages/resultaten.py",
                  "pages/structurele_vraag.py", "pages/sectoren.py", "pages/rapportage.py", "pages/kwaliteit.py",
                  "pages/gegevens.py")


@pytest.fixture(scope="module")
def extreme_opslag(demo_opslag, tmp_path_factory):
    """The demo store as a store from before these checks might be: its newest kandidaten export with peildatum
    31-12-9999, a traject starting 01-01-0001, one ended on 31-12-9999, vraag for December 9999, an afspraak for
    the year 9999 (written straight into the tables, as no load lets them in any more)."""
    bron, _ = demo_opslag
    map_ = tmp_path_factory.mktemp("extreem")
    db = map_ / "extreem.duckdb"
    shutil.copy(bron, db)
    con = duckdb.connect(str(db))
    try:
        laatste = con.execute("SELECT max(upload_id) FROM kandidaten_rij").fetchone()[0]
        con.execute("UPDATE kandidaten_rij SET peildatum = DATE '9999-12-31' WHERE upload_id = ?", [laatste])
        con.execute("UPDATE upload SET peildatum = DATE '9999-12-31' WHERE upload_id = ?", [laatste])
        con.execute("UPDATE kandidaten_rij SET startdatum = DATE '0001-01-01' "
                    "WHERE traject_id = (SELECT min(traject_id) FROM kandidaten_rij)")
        con.execute("UPDATE kandidaten_rij SET einddatum = DATE '9999-12-31', status = 'uitgevallen', "
                    "reden_uitval = 'motivatie' WHERE traject_id = (SELECT max(traject_id) FROM kandidaten_rij)")
        con.execute("UPDATE vraag_rij SET maand = DATE '9999-12-01' WHERE rij = 2")
        con.execute("UPDATE afspraak_rij SET jaar = 9999 WHERE rij = 2")
        con.execute((ROOT / "pipelines" / "sql" / "traject_actueel_herbouwen.sql").read_text())
    finally:
        con.close()
    return db


@pytest.mark.parametrize("rol", ["beheerder", "regio"])
def test_no_page_crashes_on_dates_at_the_edge_of_what_a_store_can_hold(extreme_opslag, monkeypatch, rol):
    monkeypatch.setenv("DASHBOARD_DB", str(extreme_opslag))
    monkeypatch.setenv("DASHBOARD_SLEUTEL", str(extreme_opslag.parent / "sleutel"))
    app = app_als(monkeypatch, extreme_opslag.parent, rol=rol, email=f"{rol}@test.example", timeout=120)
    app.run()
    assert not app.exception, [e.message for e in app.exception]
    for pagina in ANALYSEPAGINAS:
        app.switch_page(pagina).run()
        assert not app.exception, (pagina, [e.message for e in app.exception])
        assert not [e for e in app.error if "Traceback" in e.value or "Error" in e.value], pagina


def test_the_period_a_page_offers_stays_within_2000_and_this_month(extreme_opslag, monkeypatch):
    from analytics import kengetallen, vraag
    from analytics.opslag import cache_legen

    monkeypatch.setenv("DASHBOARD_DB", str(extreme_opslag))
    cache_legen()
    eerste, laatste = kengetallen.periode_grenzen()
    assert eerste == dt.date(2000, 1, 1)
    assert laatste == LAATSTE
    assert vraag.laatste_vraagmaand() == datumgrenzen.laatste_vraagmaand(VANDAAG)
    cache_legen()


def test_the_upload_page_refuses_peildatum_december_9999_in_words(db, tmp_path, monkeypatch):
    """Was a ValueError traceback on the upload page ('december 9999' + one month does not exist)."""
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    bestand = schrijf_csv(tmp_path / "kandidaten.csv", [["Peildatum: december 9999"], KANDIDATEN_KOP, kandidaat()])
    app = app_als(monkeypatch, tmp_path, timeout=90).run()
    app.switch_page("pages/uploaden.py").run()
    app.file_uploader(key="uploaden_bestanden").set_value(
        [(bestand.name, bestand.read_bytes(), "text/csv")]).run()
    assert not app.exception, [e.message for e in app.exception]
    assert any(buiten_bereik("31-12-9999") in zichtbaar(e.value) for e in app.error), [e.value for e in app.error]
