"""The national demo (issue 17, point 1): `python -m pipelines demo --db PATH --schaal N` builds, straight into a new
store through the load code's own merge, about N trajecten in all 35 arbeidsmarktregio's over ten years of monthly
snapshots, with vraag and afspraken; the current state kept per traject equals its definition."""

from __future__ import annotations

import datetime as dt

import pytest

from basis import referentie
from tests.conftest import cli, rijen

SCHAAL = 2000
pytestmark = pytest.mark.traag  # minutes: a national store of SCHAAL trajecten over ten years
# The CLI in a child process (apart=True): demodata.nationaal binds sys.stderr as a default argument at import.


@pytest.fixture(scope="module")
def nationaal(tmp_path_factory):
    map_ = tmp_path_factory.mktemp("nationaal")
    db = map_ / "nationaal.duckdb"
    uitvoer = cli("demo", "--db", db, "--schaal", SCHAAL, env={"DASHBOARD_SLEUTEL": str(map_ / "sleutel")}, apart=True,
                  timeout=900)
    return db, uitvoer, map_


def test_the_national_demo_builds_with_a_progress_indicator(nationaal):
    _, uitvoer, _ = nationaal
    assert uitvoer.returncode == 0, uitvoer.stderr
    assert "Nationale demo: ongeveer 2.000 trajecten, 35 arbeidsmarktregio's" in uitvoer.stderr
    assert "Kandidaten laden: 100% (" in uitvoer.stderr
    assert " maandsnapshots, " in uitvoer.stderr
    assert "Klaar in " in uitvoer.stderr


def test_every_arbeidsmarktregio_with_its_real_gemeenten_and_about_n_trajecten(nationaal):
    db, _, _ = nationaal
    regio_s = {regio for _, _, regio, _ in referentie.gemeenten()}
    assert len(regio_s) == 35
    assert {r[0] for r in rijen(db, "SELECT DISTINCT arbeidsmarktregio FROM trajecten")} == regio_s
    assert rijen(db, "SELECT count(*) FROM trajecten WHERE gemeente IS NULL") == [(0,)]
    [(aantal,)] = rijen(db, "SELECT count(*) FROM trajecten")
    assert 0.85 * SCHAAL <= aantal <= 1.15 * SCHAAL
    [(organisaties,)] = rijen(db, "SELECT count(DISTINCT organisatie) FROM trajecten")
    assert 90 <= organisaties <= 110


def test_ten_years_of_monthly_snapshots_loaded_as_uploads(nationaal):
    db, _, _ = nationaal
    assert rijen(db, "SELECT count(DISTINCT peildatum), min(peildatum), max(peildatum) FROM uploads "
                     "WHERE soort = 'kandidaten'") == [(120, dt.date(2016, 11, 30), dt.date(2026, 10, 31))]
    # every organisatie a snapshot each month from its first traject to the last month, one upload each
    per_organisatie = rijen(db, "SELECT organisatie, count(*), count(DISTINCT peildatum), "
                                "datediff('month', min(peildatum), max(peildatum)) + 1, max(peildatum) FROM uploads "
                                "WHERE soort = 'kandidaten' GROUP BY 1")
    assert all(aantal == verschillend == maanden and laatste == dt.date(2026, 10, 31)
               for _, aantal, verschillend, maanden, laatste in per_organisatie)
    assert sum(aantal for _, aantal, *_ in per_organisatie) > 100 * len(per_organisatie)
    assert rijen(db, "SELECT DISTINCT status, geladen_door FROM uploads") == [("geladen", "demo")]
    [(organisaties,)] = rijen(db, "SELECT count(DISTINCT organisatie) FROM uploads")
    assert organisaties > 35 * 2


def test_vraag_and_afspraken_in_every_regio(nationaal):
    db, _, _ = nationaal
    assert rijen(db, "SELECT count(DISTINCT arbeidsmarktregio), count(DISTINCT maand) FROM vraag") == [(35, 120)]
    assert rijen(db, "SELECT count(DISTINCT organisatie) FROM uploads WHERE soort = 'vraag'") == [(35,)]
    alle = len(referentie.gemeenten())
    assert rijen(db, "SELECT count(DISTINCT gemeentecode), min(jaar), max(jaar) FROM afspraken") == [(alle, 2017, 2026)]
    assert rijen(db, "SELECT count(*) FROM afspraken WHERE aantal < 1") == [(0,)]


def test_the_kept_current_state_equals_its_definition(nationaal):
    db, _, _ = nationaal
    verschil = ("SELECT count(*) FROM ((SELECT * FROM traject_actueel EXCEPT ALL SELECT * FROM traject_afgeleid) "
                "UNION ALL (SELECT * FROM traject_afgeleid EXCEPT ALL SELECT * FROM traject_actueel))")
    assert rijen(db, verschil) == [(0,)]
    assert rijen(db, "SELECT count(*) FROM trajecten_ontbrekend") == [(0,)]


def test_the_regional_demo_s_patterns(nationaal):
    db, _, _ = nationaal
    per_maand = dict(rijen(db, "SELECT month(startdatum), count(*) FROM trajecten GROUP BY 1"))
    assert per_maand[9] > 1.5 * per_maand[7] and per_maand[9] > per_maand[12]
    [(vroeg, laat)] = rijen(db, "SELECT count(*) FILTER (einddatum - startdatum <= 91), count(*) FILTER "
                                "(einddatum - startdatum > 182) FROM trajecten WHERE status = 'uitgevallen'")
    assert vroeg > 2 * laat
    uitval = dict(rijen(db, "SELECT sector, avg((status = 'uitgevallen')::INT) FROM trajecten "
                            "WHERE status <> 'lopend' GROUP BY 1"))
    assert uitval["schoonmaak"] > uitval["groen"]
    assert rijen(db, "SELECT count(DISTINCT kandidaat_hash) < count(*) FROM trajecten") == [(True,)]


def test_the_national_demo_makes_a_new_store_only(nationaal):
    db, _, map_ = nationaal
    uitvoer = cli("demo", "--db", db, "--schaal", SCHAAL, env={"DASHBOARD_SLEUTEL": str(map_ / "sleutel")}, apart=True)
    assert uitvoer.returncode == 1
    assert uitvoer.stderr.strip() == (f"De opslag {db} bestaat al. De nationale demo maakt een nieuwe opslag: geef een "
                                      "nieuw pad of verwijder het bestand eerst.")
