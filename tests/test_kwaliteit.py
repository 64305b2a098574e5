"""The data-quality page, against a store built through the real CLI, checked against pandas on the analyst
views (and, for synonyms, against the values written into the files)."""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from basis import referentie
from tests.conftest import (
    KANDIDATEN_KOP,
    ROOT,
    VRAAG_KOP,
    alle_tabellen,
    app_als,
    cli,
    ingest,
    kandidaat,
    rijen,
    schrijf_xlsx,
)

A, B, WSP = "Werkbedrijf Aa", "Werkbedrijf Bee", "WSP Regio"
MAANDEN = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def maand(d) -> str:
    d = pd.Timestamp(d)
    return f"{MAANDEN[d.month - 1]} {d.year}"


def pct(teller: int, noemer: int) -> str:
    return "–" if not noemer else f"{teller / noemer * 100:.1f}%".replace(".", ",") + f" ({teller} van {noemer})"


@pytest.fixture
def opslag(db, tmp_path):
    """A: August and October (September missing), two trajecten gone in October, synonyms in October.
    B: only October, with unknown reasons and outflow. WSP: vraag for August and October."""
    aug = schrijf_xlsx(tmp_path / "a_aug.xlsx", [KANDIDATEN_KOP, *[kandidaat(f"T{i}") for i in range(1, 6)]])
    okt = schrijf_xlsx(
        tmp_path / "a_okt.xlsx",
        [
            KANDIDATEN_KOP,
            kandidaat("T1", Doelgroep="Bijstand", Status="Actief"),
            kandidaat("T2", Doelgroep="bijstand"),
            kandidaat("T3", Gemeente="Den Bosch", Route="Extern", Werkgever="Bakkerij Jansen"),
            kandidaat("T6", Stroom=None),
        ],
    )
    b_okt = schrijf_xlsx(
        tmp_path / "b_okt.xlsx",
        [
            KANDIDATEN_KOP,
            kandidaat("U1", Status="Uitgevallen", Einddatum=dt.date(2026, 9, 1), **{"Reden uitval": "Onbekend"}),
            kandidaat("U2", Status="Uitgevallen", Einddatum=dt.date(2026, 9, 1), **{"Reden uitval": "Gezondheid"},
                      Uitstroom="Geen"),
            kandidaat("U3", Status="Afgerond", Einddatum=dt.date(2026, 9, 1), Uitstroom="Betaald werk",
                      Praktijkverklaring=dt.date(2026, 9, 1)),
            kandidaat("U4", Status="Afgerond", Einddatum=dt.date(2026, 9, 1)),
        ],
    )  # fmt: skip
    vraag = [["Glans", "Schoonmaak", "Schoonmaker", None, None, m, 2, None] for m in ("2026-08", "2026-10")]
    stappen = [
        ingest(db, aug, organisatie=A, peildatum="2026-08-31"),
        ingest(db, okt, organisatie=A, peildatum="2026-10-31"),
        ingest(db, b_okt, organisatie=B, peildatum="2026-10-31"),
        ingest(db, schrijf_xlsx(tmp_path / "v.xlsx", [VRAAG_KOP, *vraag]), organisatie=WSP, peildatum="2026-10-31"),
    ]
    assert [s.returncode for s in stappen] == [0, 0, 0, 0], [s.stdout for s in stappen]
    return db


@pytest.fixture
def app(opslag, monkeypatch) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DB", str(opslag))
    test = app_als(monkeypatch, opslag.parent).run()
    test.switch_page("pages/kwaliteit.py").run()
    assert not test.exception
    return test


def views(db) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return (
            con.execute("SELECT * FROM trajecten").df(),
            con.execute("SELECT * FROM uploads").df(),
            con.execute("SELECT * FROM vraag").df(),
        )
    finally:
        con.close()


def test_months_delivered_and_missing_per_organisation(app, opslag):
    _, uploads, vraag = views(opslag)
    geleverd = {
        ("kandidaten", org): set(groep["peildatum"].dt.to_period("M"))
        for org, groep in uploads[(uploads["soort"] == "kandidaten") & uploads["status"].isin(["geladen", "vervangen"])]
        .assign(peildatum=lambda d: pd.to_datetime(d["peildatum"]))
        .groupby("organisatie")
    } | {("vraag", org): set(pd.to_datetime(g["maand"]).dt.to_period("M")) for org, g in vraag.groupby("organisatie")}
    tot = {soort: max(max(m) for (s, _), m in geleverd.items() if s == soort) for soort in ("kandidaten", "vraag")}
    verwacht = []
    for (soort, org), maanden in sorted(geleverd.items()):
        reeks = pd.period_range(min(maanden), tot[soort], freq="M")
        ontbreekt = [p for p in reeks if p not in maanden]
        laatste = uploads[(uploads["organisatie"] == org) & (uploads["soort"] == soort)]["peildatum"].max()
        verwacht.append(
            [org, {"kandidaten": "Kandidaten (trajecten)", "vraag": "Werkgeversvraag"}[soort],
             pd.Timestamp(laatste).strftime("%d-%m-%Y"), maand(min(maanden).to_timestamp()), len(maanden),
             len(ontbreekt), ", ".join(maand(p.to_timestamp()) for p in ontbreekt)]
        )  # fmt: skip

    tabel = app.dataframe[0].value
    assert tabel.values.tolist() == verwacht
    assert tabel.columns.tolist() == [
        "Organisatie", "Soort export", "Laatste peildatum", "Eerste maand", "Geleverd", "Ontbreekt",
        "Ontbrekende maanden",
    ]  # fmt: skip
    assert tabel.set_index("Organisatie").loc[A, "Ontbrekende maanden"] == "sep 2026"  # the story of the data
    # the grid shows the same: one row per organisation, missing months as 0
    rasters = [json.loads(g.proto.spec) for g in app.get("plotly_chart")]
    kandidaten = rasters[0]["data"][0]
    per_org = dict(zip(kandidaten["y"], kandidaten["z"], strict=True))
    assert per_org == {
        org: [1 if p in geleverd[("kandidaten", org)] else 0
              for p in pd.period_range(min(geleverd[("kandidaten", org)]), tot["kandidaten"], freq="M")]
        for (s, org) in geleverd if s == "kandidaten"
    } | {B: [None, None, 1]}  # fmt: skip


def test_completeness_of_the_fields_the_analyses_use(app, opslag):
    trajecten, _, _ = views(opslag)

    def bekend(reeks: pd.Series) -> pd.Series:
        return reeks.notna() & (reeks != "onbekend")

    verwacht = []
    for org, t in trajecten.groupby("organisatie"):
        uit, geeindigd, extern, af = (
            t["status"] == "uitgevallen", t["status"] != "lopend", t["route"] == "extern", t["status"] == "afgerond"
        )
        verwacht.append([
            org,
            pct(int((uit & bekend(t["reden_uitval"])).sum()), int(uit.sum())),
            pct(int((geeindigd & bekend(t["uitstroom"])).sum()), int(geeindigd.sum())),
            pct(int((extern & t["werkgever"].notna()).sum()), int(extern.sum())),
            pct(int(bekend(t["stroom"]).sum()), len(t)),
            pct(int((af & t["praktijkverklaring_datum"].notna()).sum()), int(af.sum())),
        ])

    tabel = app.dataframe[1].value
    assert tabel.values.tolist() == verwacht
    assert tabel.columns.tolist() == [
        "Organisatie", "Reden uitval", "Uitstroom", "Werkgever", "Stroom", "Datum praktijkverklaring",
    ]  # fmt: skip
    assert tabel.set_index("Organisatie").loc[B, "Reden uitval"] == "50,0% (1 van 2)"


def test_trajecten_missing_from_the_latest_export(app, opslag):
    trajecten, _, _ = views(opslag)
    laatste = trajecten.groupby("organisatie")["peildatum"].transform("max")
    weg = trajecten[trajecten["peildatum"] < laatste].sort_values(["organisatie", "peildatum", "traject_id"])

    tabel = app.dataframe[2].value
    assert tabel.values.tolist() == [
        [r.organisatie, r.traject_id, r.status.capitalize(), pd.Timestamp(r.peildatum).strftime("%d-%m-%Y"),
         pd.Timestamp(lt).strftime("%d-%m-%Y")]
        for r, lt in zip(weg.itertuples(), laatste[weg.index], strict=True)
    ]  # fmt: skip
    assert sorted(tabel["Trajectnummer"]) == ["T4", "T5"]


def test_values_that_needed_a_synonym_in_the_latest_export(app, opslag):
    tabel = app.dataframe[3].value
    # what the October file of A holds (see the fixture): the synonyms and the alias, nothing else
    verwacht = {
        ("Doelgroep", "Bijstand", referentie.code_weergave("doelgroep", "participatiewet"), 1),
        ("Doelgroep", "bijstand", referentie.code_weergave("doelgroep", "participatiewet"), 1),
        ("Status", "Actief", referentie.code_weergave("status", "lopend"), 1),
        ("Gemeente", "Den Bosch", "'s-Hertogenbosch", 1),
    }
    assert set(tabel["Organisatie"]) == {A}
    assert {tuple(r) for r in tabel[["Kolom", "Waarde in het bestand", "Herkend als", "Rijen"]].values} == verwacht
    assert set(tabel["Peildatum"]) == {"31-10-2026"}


def test_synonym_counts_are_written_with_the_load_and_go_with_a_rollback(db, tmp_path):
    bestand = schrijf_xlsx(tmp_path / "k.xlsx", [KANDIDATEN_KOP, kandidaat("T1", Sector="Hoveniers"),
                                                 kandidaat("T2", Sector="Hoveniers"), kandidaat("T3")])  # fmt: skip
    ingest(db, schrijf_xlsx(tmp_path / "start.xlsx", [KANDIDATEN_KOP, kandidaat("S")]))
    voor = alle_tabellen(db)
    mislukt = ingest(db, bestand, env={"PIPELINES_FOUTINJECTIE": "na_invoegen"})
    assert mislukt.returncode == 1
    assert alle_tabellen(db) == voor  # nothing of it, also no counts

    assert ingest(db, bestand).returncode == 0
    assert rijen(db, "SELECT upload_id, kolom, waarde, code, aantal FROM synoniem_gebruik") == [
        (2, "sector", "Hoveniers", "groen", 2)
    ]
    assert cli("terugdraaien", "--db", db, 2).returncode == 0
    assert rijen(db, "SELECT count(*) FROM synoniem_gebruik") == [(0,)]


def test_a_store_from_before_synonym_counting_says_so(opslag, monkeypatch):
    con = duckdb.connect(str(opslag))
    con.execute("DROP TABLE synoniem_gebruik")
    con.close()
    monkeypatch.setenv("DASHBOARD_DB", str(opslag))
    app = app_als(monkeypatch, opslag.parent).run()
    app.switch_page("pages/kwaliteit.py").run()
    assert not app.exception
    assert app.info[-1].value == (
        "Deze opslag houdt dat nog niet bij: het wordt vastgelegd vanaf de eerstvolgende upload van elke organisatie."
    )


def test_the_demo_store_renders_with_its_three_organisations(demo_opslag, monkeypatch):
    db, _ = demo_opslag
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    monkeypatch.setenv("DASHBOARD_SLEUTEL", str(db.parent / "sleutel"))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    app.switch_page("pages/kwaliteit.py").run()
    assert not app.exception
    organisaties = {r[0] for r in rijen(db, "SELECT DISTINCT organisatie FROM trajecten")}
    assert set(app.dataframe[1].value["Organisatie"]) == organisaties
    assert len(app.get("plotly_chart")) == 2
