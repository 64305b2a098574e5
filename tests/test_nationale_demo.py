"""The national demo (issue 17, point 1): `python -m pipelines demo --db PATH --schaal N` builds, straight into a new
store through the load code's own merge, about N trajecten in all 35 arbeidsmarktregio's over ten years of monthly
snapshots, with vraag and afspraken; the current state kept per traject equals its definition."""

from __future__ import annotations

import datetime as dt

import pytest

from basis import referentie
from tests.conftest import actueel_naast_definitie, cli, rijen

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
    assert actueel_naast_definitie(db) == [0, 0]
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


# --- point 4: a region against the country and against regions of similar size -----------------------------------

REGIO = "Rijk van Nijmegen"


def verwachte_aandelen(trajecten, uitval_van, uitval_tot, van, tot, maanden: int = 12, sleutel: str | None = None):
    """Per arbeidsmarktregio (and sector): instroom, uitval binnen `maanden` and uitstroom naar werk as counts, from
    the analyst view trajecten with pandas, as metrics.md defines them."""
    import pandas as pd

    t = trajecten.copy()
    t["laatste"] = t.groupby("organisatie")["peildatum"].transform("max")
    start, eind = t["startdatum"], t["einddatum"]
    grens = start + pd.DateOffset(months=maanden)
    cohort = start.between(pd.Timestamp(uitval_van), pd.Timestamp(uitval_tot)) & (grens <= t["laatste"])
    uitval = t["status"].eq("uitgevallen") & t["reden_uitval"].ne("werk") & (eind < grens)
    beeindigd = t["status"].ne("lopend") & eind.between(pd.Timestamp(van), pd.Timestamp(tot))
    naar_werk = t["uitstroom"].eq("betaald_werk") | (t["status"].eq("uitgevallen") & t["reden_uitval"].eq("werk"))
    werk = beeindigd & naar_werk
    tellingen = pd.DataFrame({
        "regio": t["arbeidsmarktregio"], "sleutel": t["sector"] if sleutel else "",
        "instroom": start.between(pd.Timestamp(van), pd.Timestamp(tot)), "noemer": cohort,
        "teller": cohort & uitval, "beeindigd": beeindigd, "werk": werk})
    return tellingen.groupby(["regio", "sleutel"]).sum()


def pooled(tellingen, regio_s, met_n: bool = False):
    som = tellingen[tellingen.index.get_level_values("regio").isin(regio_s)].sum()
    aandelen = (som["teller"] / som["noemer"] if som["noemer"] else float("nan"),
                som["werk"] / som["beeindigd"] if som["beeindigd"] else float("nan"))
    return (*aandelen, int(som["noemer"]), int(som["beeindigd"])) if met_n else aandelen


def nationale_app(nationaal, monkeypatch, rol: str, email: str):
    from tests.conftest import app_als

    db, _, map_ = nationaal
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    monkeypatch.setenv("DASHBOARD_SLEUTEL", str(map_ / "sleutel"))
    monkeypatch.setenv("DASHBOARD_ACCOUNTS", str(map_ / "accounts.json"))
    return app_als(monkeypatch, map_, rol=rol, email=email, timeout=300)


def percentages(app, titel: str) -> dict[str, float]:
    import json

    from tests.test_uitval import reeks

    for grafiek in app.get("plotly_chart"):
        spec = json.loads(grafiek.proto.spec)
        if spec["layout"]["title"]["text"] == titel:
            staaf = spec["data"][0]
            return dict(zip(staaf["y"], reeks(staaf["x"]), strict=True))
    raise AssertionError(f"geen grafiek {titel}")


def test_the_overzicht_compares_one_region_with_similar_regions_and_the_country(nationaal, monkeypatch):
    import datetime as dt_

    from analytics.kengetallen import uitvalvenster
    from tests.conftest import analistenviews

    app = nationale_app(nationaal, monkeypatch, "beheerder", "beheer@land.example")
    app.run()
    assert not app.exception
    assert "Vergeleken met het land" not in [s.value for s in app.subheader]  # all 35 regions chosen: no one region
    # a hundred organisations are counted in the sidebar, not listed one by one
    [(organisaties,)] = rijen(nationaal[0], "SELECT count(DISTINCT organisatie) FROM uploads "
                                            "WHERE soort = 'kandidaten'")
    peildata = next(c.value for c in app.sidebar.caption if c.value.startswith("Gegevens tot en met"))
    assert peildata == f"Gegevens tot en met (laatste peildatum):  \n31-10-2026: {organisaties} organisaties"

    app.selectbox(key="filter_periode").set_value("Afgelopen 12 maanden").run()
    app.multiselect(key="filter_regio").set_value([REGIO]).run()
    assert not app.exception
    assert "Vergeleken met het land" in [s.value for s in app.subheader]
    views = analistenviews(nationaal[0])
    tot = dt_.date(2026, 10, 31)
    van = dt_.date(2025, 11, 1)
    venster = uitvalvenster(van, tot, tot)
    tellingen = verwachte_aandelen(views["trajecten"], venster.van, venster.tot, van, tot)
    instroom = tellingen.droplevel("sleutel")["instroom"]
    eigen = instroom[REGIO]
    anderen = instroom.drop(REGIO)
    vergelijkbaar = sorted(anderen.index, key=lambda r: (abs(anderen[r] - eigen), r))[:5]
    verwacht = {REGIO: pooled(tellingen, [REGIO]),
                "5 regio's van vergelijkbare omvang": pooled(tellingen, vergelijkbaar),
                "Landelijk": pooled(tellingen, list(instroom.index))}
    uitval = percentages(app, "Uitval binnen 12 maanden")
    werk = percentages(app, "Uitstroom naar werk")
    assert list(uitval) == list(verwacht)
    for groep, (u, w) in verwacht.items():
        assert uitval[groep] == pytest.approx(u * 100), groep
        assert werk[groep] == pytest.approx(w * 100), groep
    bijschrift = next(c.value for c in app.caption if c.value.startswith(f"{REGIO} naast alle arbeidsmarktregio's"))
    assert bijschrift.endswith(f"Vergelijkbare omvang: {', '.join(vergelijkbaar[:-1])} en {vergelijkbaar[-1]}.")


def test_the_regio_sees_the_comparison_protected_and_without_the_choice_of_regions(nationaal, monkeypatch):
    app = nationale_app(nationaal, monkeypatch, "regio", "consortium@land.example")
    app.run()
    app.multiselect(key="filter_regio").set_value([REGIO]).run()
    assert not app.exception
    for titel in ("Uitval binnen 12 maanden", "Uitstroom naar werk"):
        getoond = percentages(app, titel)
        assert getoond["Landelijk"] == getoond["Landelijk"], titel  # the country is large enough to be shown
        for groep, waarde in getoond.items():
            assert waarde != waarde or round(waarde, 6) % 5 == 0, (titel, groep, waarde)  # NaN or 5 procentpunt steps
    bijschrift = next(c.value for c in app.caption if c.value.startswith(f"{REGIO} naast alle arbeidsmarktregio's"))
    assert "Vergelijkbare omvang:" not in bijschrift


def test_the_sectorvergelijking_compares_each_sector_with_the_country(nationaal, monkeypatch):
    import datetime as dt_

    from tests.conftest import analistenviews

    app = nationale_app(nationaal, monkeypatch, "beheerder", "beheer@land.example")
    app.run()
    app.switch_page("pages/sectoren.py").run()
    app.multiselect(key="filter_regio").set_value([REGIO]).run()
    assert not app.exception
    assert "Per sector vergeleken met het land, 1e halfjaar 2026" in [s.value for s in app.subheader]
    van, tot = dt_.date(2026, 1, 1), dt_.date(2026, 6, 30)
    views = analistenviews(nationaal[0])
    tellingen = verwachte_aandelen(views["trajecten"], van, tot, van, tot, maanden=6, sleutel="sector")
    instroom = tellingen.groupby("regio")["instroom"].sum()
    anderen = instroom.drop(REGIO)
    vergelijkbaar = sorted(anderen.index, key=lambda r: (abs(anderen[r] - instroom[REGIO]), r))[:5]
    from basis.referentie import code_weergave
    from weergave import formaat

    uitval, werk = app.dataframe[-2].value.set_index("Sector"), app.dataframe[-1].value.set_index("Sector")
    assert list(uitval.columns) == [REGIO, "Vergelijkbare regio's", "Landelijk"]
    for sector in tellingen.index.get_level_values("sleutel").unique():
        naam = code_weergave("sector", sector)
        if naam not in uitval.index:
            continue
        deel = tellingen.xs(sector, level="sleutel", drop_level=False)
        for kolom, regio_s in ((REGIO, [REGIO]), ("Vergelijkbare regio's", vergelijkbaar),
                               ("Landelijk", list(instroom.index))):
            u, w, n_u, n_w = pooled(deel, regio_s, met_n=True)
            assert uitval.loc[naam, kolom] == formaat.percentage_met_n(u if n_u else None, n_u), (naam, kolom)
            assert werk.loc[naam, kolom] == formaat.percentage_met_n(w if n_w else None, n_w), (naam, kolom)


def test_no_small_month_of_its_gemeenten_follows_on_the_national_store(nationaal, monkeypatch):
    """Done-when of issue 17: the attacker test holds on the national demo, whose gemeenten are all small (a few
    trajecten a year each). For the two gemeenten with the most months of 1-4 starts in the last three years: every
    such month keeps at least two possible values from everything a regio user can ask for (tests/test_afronding.py's
    integer program over every period on offer)."""
    from tests.test_afronding import (
        AANTAL_MAANDEN,
        BEHEERDER,
        REGIO,
        kleine_maanden_en_wat_ervan_te_zeggen_is,
        wat_de_paginas_tonen,
    )

    db, _, map_ = nationaal
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    monkeypatch.setenv("DASHBOARD_SLEUTEL", str(map_ / "sleutel"))
    per_maand = rijen(db, """
        SELECT gemeentecode, count(*) FROM (
            SELECT gemeentecode, date_trunc('month', startdatum) AS maand, count(*) AS n FROM trajecten
            WHERE startdatum > DATE '2026-10-31' - to_months(?) GROUP BY ALL)
        WHERE n BETWEEN 1 AND 4 GROUP BY ALL ORDER BY 2 DESC, 1 LIMIT 2""", [AANTAL_MAANDEN])
    assert len(per_maand) == 2
    for gemeente, _ in per_maand:
        regio, _ = wat_de_paginas_tonen(gemeente, REGIO)
        exact, _ = wat_de_paginas_tonen(gemeente, BEHEERDER)
        kleine = list(kleine_maanden_en_wat_ervan_te_zeggen_is(regio, exact))
        assert kleine, gemeente
        for tegel, m, waar, laag, hoog in kleine:
            assert hoog is None or hoog - laag >= 1, (gemeente, tegel, m, waar, laag, hoog)
