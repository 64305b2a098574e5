"""The data-quality page, against a store built through the real CLI, checked against pandas on the analyst
views (and, for synonyms, against the values written into the files)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from basis import referentie
from tests.conftest import (
    KANDIDATEN_KOP,
    ROOT,
    TEST_BEHEERDER,
    VRAAG_KOP,
    alle_tabellen,
    analistenviews,
    app_als,
    cli,
    ingest,
    kandidaat,
    rijen,
    rollen_toml,
    schrijf_xlsx,
    zichtbaar,
)

A, B, WSP = "Werkbedrijf Aa", "Werkbedrijf Bee", "WSP Regio"
MAANDEN = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def maand(d) -> str:
    d = pd.Timestamp(d)
    return f"{MAANDEN[d.month - 1]} {d.year}"


def pct(teller: int, noemer: int) -> str:
    return "–" if not noemer else f"{teller / noemer * 100:.1f}%".replace(".", ",") + f" ({teller} van {noemer})"


@pytest.fixture(scope="module")
def opslag_eenmaal(tmp_path_factory):
    """The store of `opslag`, loaded once for this module."""
    tmp_path = tmp_path_factory.mktemp("kwaliteit")
    db = tmp_path / "store.duckdb"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DASHBOARD_SLEUTEL", str(tmp_path / "sleutel"))
        return _opslag(db, tmp_path)


@pytest.fixture
def opslag(opslag_eenmaal, db, tmp_path):
    """A: August and October (September missing), two trajecten gone in October, synonyms in October.
    B: only October, with unknown reasons and outflow. WSP: vraag for August and October. A copy per test (with its
    key): tests write to it."""
    shutil.copy(opslag_eenmaal, db)
    shutil.copy(opslag_eenmaal.parent / "sleutel", tmp_path / "sleutel")
    return db


def _opslag(db, tmp_path):
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

    tabel = tabel_met(app, "Laatst gezien in de export van")
    assert tabel.values.tolist() == [
        [r.organisatie, r.traject_id, r.status.capitalize(), pd.Timestamp(r.peildatum).strftime("%d-%m-%Y"),
         pd.Timestamp(lt).strftime("%d-%m-%Y")]
        for r, lt in zip(weg.itertuples(), laatste[weg.index], strict=True)
    ]  # fmt: skip
    assert sorted(tabel["Trajectnummer"]) == ["T4", "T5"]


def test_values_that_needed_a_synonym_in_the_latest_export(app, opslag):
    tabel = tabel_met(app, "Herkend als")
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


# --- what each role sees: the demo organisations, one of them logged in as an organisatie ---------------------

WAALSTAD, MAAS = "Werkbedrijf Waalstad", "Sociaal Ontwikkelbedrijf Maas en Waal"
ORGANISATIE = "p.devries@waalstad.example"
GEMEENTE, REGIO = "a.jansen@wijchen.example", "consortium@regio.example"
WEG = {WAALSTAD: 3, MAAS: 2}  # trajecten left out of the organisation's latest export, loaded again


def tabel_met(app: AppTest, kolom: str) -> pd.DataFrame | None:
    """The page's table with this column (None: there is none)."""
    return next((d.value for d in app.dataframe if kolom in d.value.columns), None)


def alle_waarden(app: AppTest) -> set[str]:
    return {str(w) for d in app.dataframe for k in d.value.columns for w in d.value[k]}


def captions(app: AppTest) -> list[str]:
    return [zichtbaar(c.value) for c in app.caption]


@pytest.fixture(scope="module")
def rollenopslag(demo_opslag, tmp_path_factory) -> tuple[Path, Path, dict[str, list[str]]]:
    """A copy of the demo store in which Werkbedrijf Waalstad and Maas en Waal loaded their October export again
    without a few trajecten that were in September's (through the real CLI): those vanished. The demo already has
    missing fields at every organisation. Returns (store, roles file, the vanished trajectnummers per organisatie)."""
    bron, exports = demo_opslag
    map_ = tmp_path_factory.mktemp("rollen")
    db = map_ / "demo.duckdb"
    shutil.copy(bron, db)
    shutil.copy(bron.parent / "sleutel", map_ / "sleutel")
    assert {r[0] for r in rijen(db, "SELECT DISTINCT organisatie FROM trajecten")} >= set(WEG)  # the demo's names
    weg = {}
    for org, aantal in WEG.items():
        weg[org] = [r[0] for r in rijen(db, "SELECT traject_id FROM trajecten WHERE organisatie = ? AND status = "
                                            "'lopend' AND startdatum < DATE '2026-06-01' ORDER BY traject_id LIMIT ?",
                                        [org, aantal])]  # fmt: skip
    waal = exports / "werkbedrijf-waalstad" / "kandidaten_werkbedrijf-waalstad_2026-10.xlsx"
    boek = openpyxl.load_workbook(waal)
    blad = boek.active
    for nummer in range(blad.max_row, 1, -1):
        if any(str(c.value) in weg[WAALSTAD] for c in blad[nummer]):
            blad.delete_rows(nummer)
    boek.save(map_ / waal.name)
    maas = exports / "maas-en-waal" / "kandidaten_maas-en-waal_2026-10.csv"
    regels = maas.read_bytes().split(b"\r\n")
    bewaard = [r for r in regels if not any(f";{t};".encode() in r for t in weg[MAAS])]
    assert len(regels) - len(bewaard) == WEG[MAAS]
    (map_ / maas.name).write_bytes(b"\r\n".join(bewaard))
    for org, naam in ((WAALSTAD, waal.name), (MAAS, maas.name)):
        stap = ingest(db, map_ / naam, organisatie=org, peildatum="2026-10-31",
                      env={"DASHBOARD_SLEUTEL": str(map_ / "sleutel")})
        assert stap.returncode == 0, stap.stdout
    rollen = map_ / "toegang.toml"
    rollen.write_text(f'{rollen_toml(TEST_BEHEERDER)}\n[[gebruiker]]\nemail = "{ORGANISATIE}"\nrol = "organisatie"\n'
                      f'organisaties = ["{WAALSTAD}"]\n')
    return db, rollen, weg


def kwaliteit_als(email: str, rollenopslag, monkeypatch) -> AppTest:
    db, rollen, _ = rollenopslag
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    monkeypatch.setenv("DASHBOARD_SLEUTEL", str(db.parent / "sleutel"))
    monkeypatch.setenv("DASHBOARD_TOEGANG", str(rollen))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.user = {"is_logged_in": True, "email": email}
    app.run()
    app.switch_page("pages/kwaliteit.py").run()
    assert not app.exception, app.exception
    assert app.title[0].value == "Datakwaliteit"
    return app


def ontbrekende_velden_verwacht(db: Path) -> pd.DataFrame:
    """Per traject the missing fields, from the analyst view in pandas (the rules of the completeness table)."""
    t = analistenviews(db)["trajecten"]

    def onbekend(reeks: pd.Series) -> pd.Series:
        return reeks.isna() | (reeks == "onbekend")

    mist = pd.DataFrame({
        "Reden uitval": (t["status"] == "uitgevallen") & onbekend(t["reden_uitval"]),
        "Uitstroom": (t["status"] != "lopend") & onbekend(t["uitstroom"]),
        "Werkgever": (t["route"] == "extern") & t["werkgever"].isna(),
        "Stroom": onbekend(t["stroom"]),
        "Datum praktijkverklaring": (t["status"] == "afgerond") & t["praktijkverklaring_datum"].isna(),
    })
    t = t.assign(ontbrekend=[", ".join(k for k, m in zip(mist.columns, rij, strict=True) if m)
                             for rij in mist.itertuples(index=False)])
    return t[t["ontbrekend"] != ""].sort_values(["organisatie", "startdatum", "traject_id"])


def test_an_organisatie_sees_its_own_trajectnummers_and_of_others_only_counts_and_shares(rollenopslag, monkeypatch):
    db, _, weg = rollenopslag
    app = kwaliteit_als(ORGANISATIE, rollenopslag, monkeypatch)
    trajecten = analistenviews(db)["trajecten"]
    anderen = set(trajecten.loc[trajecten["organisatie"] != WAALSTAD, "traject_id"])

    verwacht = ontbrekende_velden_verwacht(db)
    verwacht = verwacht[verwacht["organisatie"] == WAALSTAD]
    velden = tabel_met(app, "Ontbrekende velden")
    assert len(verwacht) > 0
    assert velden.values.tolist() == [
        [r.organisatie, r.traject_id, r.status.capitalize(), r.startdatum.strftime("%d-%m-%Y"), r.ontbrekend]
        for r in verwacht.itertuples()
    ]
    ontbrekend = tabel_met(app, "Laatst gezien in de export van")
    assert sorted(ontbrekend["Trajectnummer"]) == sorted(weg[WAALSTAD])
    assert set(ontbrekend["Organisatie"]) == {WAALSTAD}
    # the other organisation's vanished trajecten: a protected count, no numbers
    aantallen = tabel_met(app, "Ontbrekende trajecten")
    assert [[o, str(a)] for o, a in aantallen.values] == [[MAAS, "<5"]]
    assert not anderen & alle_waarden(app)
    # completeness: counts for its own row, a share only for the others
    volledig = tabel_met(app, "Reden uitval").set_index("Organisatie")
    assert " van " in volledig.loc[WAALSTAD, "Stroom"]
    assert not any(" van " in w for org, rij in volledig.iterrows() if org != WAALSTAD for w in rij)
    assert all(w.endswith("%") or w == "–" for org, rij in volledig.iterrows() if org != WAALSTAD for w in rij)
    # the sentences above the lists say whose trajecten they are; both lists can be downloaded
    teksten = captions(app)
    assert (f"Alleen trajecten van uw eigen organisatie ({WAALSTAD}) waarbij minstens één van deze velden ontbreekt, "
            "met trajectnummer, zodat u ze in uw eigen systeem kunt aanvullen. Van de andere organisaties ziet u "
            "alleen de percentages hierboven.") in teksten
    assert (f"Alleen trajecten van uw eigen organisatie ({WAALSTAD}), met trajectnummer, zodat u kunt nagaan waarom "
            "ze in uw laatste export ontbraken.") in teksten
    assert ("Van de andere organisaties alleen het aantal, zonder trajectnummers (die ziet alleen de organisatie "
            "zelf); minder dan 5 staat er als <5 en grotere aantallen zijn afgerond.") in teksten
    assert [b.label for b in app.get("download_button")] == ["Download Excel", "Download CSV"] * 2


@pytest.mark.parametrize("email", [GEMEENTE, REGIO])
def test_a_gemeente_and_the_regio_see_no_trajectnummers(rollenopslag, monkeypatch, email):
    db, _, _ = rollenopslag
    app = kwaliteit_als(email, rollenopslag, monkeypatch)
    alle_trajecten = set(analistenviews(db)["trajecten"]["traject_id"])
    assert not alle_trajecten & alle_waarden(app)
    assert tabel_met(app, "Trajectnummer") is None and tabel_met(app, "Ontbrekende velden") is None
    aantallen = tabel_met(app, "Ontbrekende trajecten")
    assert [[o, str(a)] for o, a in aantallen.values] == [[MAAS, "<5"], [WAALSTAD, "<5"]]
    assert ("Welke trajecten het zijn, ziet alleen de organisatie zelf (en de beheerder): hier staan geen "
            "trajectnummers, alleen de percentages hierboven.") in captions(app)
    assert not app.get("download_button")


def test_the_beheerder_sees_the_trajectnummers_of_every_organisation(rollenopslag, monkeypatch):
    db, _, weg = rollenopslag
    app = kwaliteit_als(TEST_BEHEERDER, rollenopslag, monkeypatch)
    verwacht = ontbrekende_velden_verwacht(db)
    velden = tabel_met(app, "Ontbrekende velden")
    assert velden["Trajectnummer"].tolist() == verwacht["traject_id"].tolist()
    assert set(velden["Organisatie"]) == set(analistenviews(db)["trajecten"]["organisatie"])
    assert sorted(tabel_met(app, "Laatst gezien in de export van")["Trajectnummer"]) == sorted(
        weg[WAALSTAD] + weg[MAAS])
    assert tabel_met(app, "Ontbrekende trajecten") is None
    assert "Trajecten van alle organisaties, met trajectnummer." in captions(app)


def test_the_upload_history_and_rollback_are_asked_for_a_viewer(rollenopslag, monkeypatch):
    from analytics import kwaliteit
    from toegang.kijker import Kijker

    db, _, _ = rollenopslag
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    organisatie = Kijker(ORGANISATIE, "organisatie", organisaties=(WAALSTAD.upper(),))  # names compare loosely
    alles = kwaliteit.uploadgeschiedenis(Kijker(TEST_BEHEERDER, "beheerder"))
    eigen = kwaliteit.uploadgeschiedenis(organisatie)
    assert len(alles) == rijen(db, "SELECT count(*) FROM uploads")[0][0]
    assert set(eigen["organisatie"]) == {WAALSTAD}
    assert eigen["upload_id"].tolist() == alles.loc[alles["organisatie"] == WAALSTAD, "upload_id"].tolist()
    gemeente = kwaliteit.uploadgeschiedenis(Kijker(GEMEENTE, "gemeente", gemeenten=("GM0296",)))
    assert gemeente.empty and gemeente.columns.tolist() == alles.columns.tolist()
    van_maas = int(alles.loc[alles["organisatie"] == MAAS, "upload_id"].iloc[0])
    assert kwaliteit.terugdraaigevolg(van_maas, organisatie) is None
    assert kwaliteit.terugdraaigevolg(int(eigen["upload_id"].iloc[0]), organisatie).organisatie == WAALSTAD


@pytest.mark.parametrize("vraag", ["uploadgeschiedenis", "volledigheid", "ontbrekende_trajecten",
                                   "ontbrekend_per_organisatie", "ontbrekende_velden", "synoniemen_in_laatste_export",
                                   "aanlevering_per_maand", "aanlevering_per_organisatie"])
def test_without_a_viewer_the_quality_questions_answer_nothing(opslag, monkeypatch, vraag):
    from analytics import kwaliteit
    from toegang.kijker import GeenToegang

    monkeypatch.setenv("DASHBOARD_DB", str(opslag))
    with pytest.raises(GeenToegang):
        getattr(kwaliteit, vraag)(None)
    with pytest.raises(GeenToegang):
        kwaliteit.terugdraaigevolg(1, None)


@pytest.mark.parametrize("eigen", [A, B])
def test_synonym_row_counts_and_vanished_trajecten_only_for_the_organisations_own(opslag, monkeypatch, eigen):
    """A's latest export needed synonyms and lost two trajecten; B's did neither."""
    (opslag.parent / "toegang.toml").write_text(
        f'[[gebruiker]]\nemail = "{ORGANISATIE}"\nrol = "organisatie"\norganisaties = ["{eigen}"]\n')
    monkeypatch.setenv("DASHBOARD_DB", str(opslag))
    monkeypatch.setenv("DASHBOARD_TOEGANG", str(opslag.parent / "toegang.toml"))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.user = {"is_logged_in": True, "email": ORGANISATIE}
    app.run()
    app.switch_page("pages/kwaliteit.py").run()
    assert not app.exception
    synoniemen = tabel_met(app, "Herkend als")
    if eigen == A:
        assert synoniemen["Rijen"].tolist() == [1, 1, 1, 1]
        assert any(c.endswith("Het aantal rijen staat er alleen bij uw eigen organisatie.") for c in captions(app))
        assert sorted(tabel_met(app, "Laatst gezien in de export van")["Trajectnummer"]) == ["T4", "T5"]
        assert tabel_met(app, "Ontbrekende trajecten") is None
    else:
        assert "Rijen" not in synoniemen.columns
        assert tabel_met(app, "Trajectnummer") is not None  # its own missing fields (U1, U4)
        assert set(tabel_met(app, "Ontbrekende velden")["Trajectnummer"]) == {"U1", "U4"}
        assert tabel_met(app, "Laatst gezien in de export van") is None
        assert [[o, str(n)] for o, n in tabel_met(app, "Ontbrekende trajecten").values] == [[A, "<5"]]
        assert zichtbaar(app.success[0].value) == (f"Geen van uw eigen organisatie ({B}): elk traject uit een eerdere "
                                                   "export staat ook in uw laatste export.")
        assert not {"T4", "T5"} & alle_waarden(app)
