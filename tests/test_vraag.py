"""The structurele-vraag page, driven through the entrance as a user would, checked against the rule of
metrics.md computed here independently with pandas on the analyst views `vraag` and `trajecten`; and on a small
hand-made store (real .xlsx files loaded through the real CLI) with the edge cases of the K-of-12 rule."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import (
    KANDIDATEN_KOP,
    ROOT,
    VRAAG_KOP,
    analistenviews,
    app_als,
    demo_app,
    ingest,
    kandidaat,
    schrijf_xlsx,
)

PAGINA = "pages/structurele_vraag.py"
MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")
KORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def sectornamen() -> dict[str, str]:
    """The Dutch sector labels, read from the reference data itself."""
    with open(ROOT / "data" / "reference" / "codes.csv", encoding="utf-8") as handle:
        return {r["code"]: r["weergave"] for r in csv.DictReader(handle) if r["codelijst"] == "sector"}


SECTOR = sectornamen()


# --- the rule of metrics.md, in pandas -----------------------------------------------------------------


def venster(vraag: pd.DataFrame, tot: dt.date, maanden: int = 12) -> list[pd.Timestamp]:
    """The months ending at the last complete month on or before `tot`, not after the last month with vraag."""
    tot = pd.Timestamp(tot)
    laatste_volledig = tot.to_period("M") if (tot + pd.Timedelta(days=1)).day == 1 else tot.to_period("M") - 1
    laatste = min(laatste_volledig, pd.Timestamp(vraag["maand"].max()).to_period("M"))
    return [(laatste - i).to_timestamp() for i in range(maanden - 1, -1, -1)]


def in_selectie(vraag: pd.DataFrame, gemeenten=(), sectoren=()) -> pd.DataFrame:
    """Only regio, gemeente and sector apply to vraag; vraag without a gemeente counts for every gemeente."""
    keep = pd.Series(True, index=vraag.index)
    if gemeenten:
        keep &= vraag["gemeentecode"].isin(gemeenten) | vraag["gemeentecode"].isna()
    if sectoren:
        keep &= vraag["sector"].isin(sectoren)
    return vraag[keep]


def structureel(vraag: pd.DataFrame, maanden: list[pd.Timestamp], k: int, sleutel: list[str]) -> pd.DataFrame:
    """Per group: months with vraag among the 12, the average per month over the 12, the 12 numbers."""
    v = vraag[vraag["maand"].isin(maanden)]
    per_maand = v.groupby([*sleutel, "maand"])["aantal"].sum().unstack("maand").reindex(columns=maanden)
    per_maand = per_maand.fillna(0).astype(int)
    uitkomst = pd.DataFrame({
        "maanden": (per_maand >= 1).sum(axis=1),
        "gemiddeld": per_maand.sum(axis=1) / 12,
        "reeks": [list(r) for r in per_maand.itertuples(index=False)],
    })
    return uitkomst[uitkomst["maanden"] >= k]


def trend(reeks: list[int]) -> str:
    laatste, vorige = sum(reeks[6:]), sum(reeks[:6])
    if laatste > vorige and laatste >= 1.2 * vorige:
        return "↑ stijgend"
    if laatste < vorige and laatste <= 0.8 * vorige:
        return "↓ dalend"
    return "→ gelijk"


# --- reading the page --------------------------------------------------------------------------------


def tabel(app: AppTest, kolom: str) -> pd.DataFrame:
    """The first table on the page that has this column."""
    return next(d.value for d in app.dataframe if kolom in d.value.columns)


def heatmap(app: AppTest) -> dict:
    """The heatmap's months, rows and numbers, its rows of 12 months put side by side again."""
    for grafiek in app.get("plotly_chart"):
        spec = json.loads(grafiek.proto.spec)
        delen = [spoor for spoor in spec["data"] if spoor["type"] == "heatmap"]
        if delen:
            assert all(deel["y"] == delen[0]["y"] for deel in delen)
            return {"x": [m for deel in delen for m in deel["x"]], "y": delen[0]["y"],
                    "z": [[w for deel in delen for w in deel["z"][i]] for i in range(len(delen[0]["y"]))]}
    raise AssertionError("geen heatmap op de pagina")


def staven(app: AppTest) -> dict[str, dict[str, float]]:
    """The vraag-en-aanbod chart (horizontal bars; the bars per year stand upright): per bar series, sector ->
    value."""
    for grafiek in app.get("plotly_chart"):
        spec = json.loads(grafiek.proto.spec)
        if spec["data"][0]["type"] == "bar" and spec["data"][0].get("orientation") == "h":
            return {t["name"]: dict(zip(t["y"], t["x"], strict=True)) for t in spec["data"] if t["type"] == "bar"}
    raise AssertionError("geen staafgrafiek op de pagina")


def naar_pagina(app: AppTest) -> AppTest:
    app.run()
    app.switch_page(PAGINA).run()
    assert not app.exception
    return app


def maanden_tekst(maanden: list[pd.Timestamp]) -> str:
    return f"{MAANDEN[maanden[0].month - 1]} {maanden[0].year} t/m {MAANDEN[maanden[-1].month - 1]} {maanden[-1].year}"


def lijst_verwacht(vraag: pd.DataFrame, maanden: list[pd.Timestamp], k: int) -> list[tuple]:
    s = structureel(vraag, maanden, k, ["sector", "beroep"]).reset_index()
    s = s.sort_values(["maanden", "gemiddeld", "beroep"], ascending=[False, False, True])
    return [(SECTOR[r.sector], r.beroep, r.maanden, round(r.gemiddeld, 9), trend(r.reeks), r.reeks)
            for r in s.itertuples()]


def lijst_getoond(app: AppTest) -> list[tuple]:
    t = tabel(app, "Beroep")
    return [(r["Sector"], r["Beroep"], r["Maanden met vraag (van 12)"], round(r["Gemiddeld per maand"], 9),
             r["Trend"], [int(w) for w in r["Verloop"]]) for _, r in t.iterrows()]


# --- the demo store ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def views(demo_opslag):
    alles = analistenviews(demo_opslag[0])
    return alles["vraag"], alles["trajecten"]


@pytest.fixture
def app(demo_opslag, monkeypatch) -> AppTest:
    return demo_app(demo_opslag, monkeypatch)


def standaard_tot(trajecten: pd.DataFrame) -> dt.date:
    return trajecten["peildatum"].max().date()  # default period: this year up to the latest peildatum


def test_heatmap_shows_24_months_of_vraag_per_sector_with_zeros_and_dutch_labels(app, views):
    vraag, trajecten = views
    naar_pagina(app)
    maanden = venster(vraag, standaard_tot(trajecten), 24)
    v = vraag[vraag["maand"].isin(maanden)]
    verwacht = v.groupby(["sector", "maand"])["aantal"].sum().unstack("maand").reindex(columns=maanden).fillna(0)
    verwacht.index = [SECTOR[s] for s in verwacht.index]

    kaart = heatmap(app)
    assert kaart["x"] == [f"{KORT[m.month - 1]} {m.year}" for m in maanden]
    getoond = pd.DataFrame(kaart["z"], index=kaart["y"], columns=maanden)
    assert sorted(getoond.index) == sorted(verwacht.index)
    pd.testing.assert_frame_equal(getoond.astype(float), verwacht.loc[getoond.index].astype(float),
                                  check_names=False)
    assert (getoond == 0).any().any()  # empty months are there, as 0
    # the demo's story: cleaning, logistics and green ask for people every single month, and lead the chart
    for sector in ("Schoonmaak", "Logistiek", "Groen"):
        assert (getoond.loc[sector] > 0).all(), sector
    assert set(kaart["y"][:3]) == {"Schoonmaak", "Logistiek", "Groen"}
    assert any(maanden_tekst(venster(vraag, standaard_tot(trajecten))) in m.value for m in app.markdown)


def test_heatmap_per_beroep(app, views):
    vraag, trajecten = views
    naar_pagina(app)
    app.radio(key="vraag_heatmap_per").set_value("beroep").run()
    assert not app.exception
    maanden = venster(vraag, standaard_tot(trajecten), 24)
    v = vraag[vraag["maand"].isin(maanden)]
    verwacht = v.groupby("beroep")["aantal"].sum()
    kaart = heatmap(app)
    assert dict(zip(kaart["y"], [sum(r) for r in kaart["z"]], strict=True)) == verwacht.to_dict()
    assert len(kaart["x"]) == 24


def test_structurele_list_for_k_6_and_for_k_set_with_the_slider(app, views):
    vraag, trajecten = views
    naar_pagina(app)
    maanden = venster(vraag, standaard_tot(trajecten))
    assert app.slider(key="vraag_k").value == 6
    verwacht6 = lijst_verwacht(vraag, maanden, 6)
    assert len(verwacht6) >= 3
    assert lijst_getoond(app) == verwacht6

    app.slider(key="vraag_k").set_value(9).run()
    assert not app.exception
    verwacht9 = lijst_verwacht(vraag, maanden, 9)
    assert 0 < len(verwacht9) < len(verwacht6)
    assert lijst_getoond(app) == verwacht9
    # the slider's K is kept when the page reruns
    app.radio(key="vraag_heatmap_per").set_value("beroep").run()
    assert app.slider(key="vraag_k").value == 9
    assert lijst_getoond(app) == verwacht9


def test_vraag_en_aanbod_per_sector_against_the_views(app, views):
    vraag, trajecten = views
    naar_pagina(app)
    maanden = venster(vraag, standaard_tot(trajecten))
    s = structureel(vraag, maanden, 6, ["sector", "beroep"]).reset_index()
    vraag_per_sector = s.groupby("sector")["gemiddeld"].sum()
    van, tot = maanden[0], maanden[-1] + pd.offsets.MonthEnd(0)
    instroom = trajecten[trajecten["startdatum"].between(van, tot)].groupby("sector").size()

    t = tabel(app, "Vraag gedekt")
    sectoren = set(vraag_per_sector.index) | set(instroom.index)
    assert sorted(t["Sector"]) == sorted(SECTOR[c] for c in sectoren)
    for code in sectoren:
        rij = t[t["Sector"] == SECTOR[code]].iloc[0]
        v, i = vraag_per_sector.get(code, 0.0), instroom.get(code, 0) / 12
        assert rij["Structurele vraag per maand"] == pytest.approx(v), code
        assert rij["Instroom per maand"] == pytest.approx(i), code
        assert rij["Verschil per maand"] == pytest.approx(v - i), code
        assert rij["Vraag gedekt"] == ("ja" if v <= i else "nee, tekort"), code
    bars = staven(app)
    assert bars["Structurele vraag per maand"]["Logistiek"] == pytest.approx(vraag_per_sector["logistiek"])
    assert bars["Instroom per maand"]["Groen"] == pytest.approx(instroom["groen"] / 12)

    tegels = {m.label: m.value for m in app.metric}
    assert tegels["Vraag in 12 maanden"] == f"{int(vraag[vraag['maand'].isin(maanden)]['aantal'].sum()):,}".replace(
        ",", ".")
    assert tegels["Structurele beroepen"] == str(len(s))
    assert tegels["Structurele vraag per maand"] == f"{s['gemiddeld'].sum():.1f}".replace(".", ",")
    assert tegels["Instroom per maand"] == f"{instroom.sum() / 12:.1f}".replace(".", ",")


def test_vraag_en_aanbod_marks_a_sector_whose_demand_is_not_met(app, views):
    """With one gemeente, vraag still counts the demand without a gemeente, instroom only that gemeente's."""
    vraag, trajecten = views
    naar_pagina(app)
    app.multiselect(key="filter_gemeenten").set_value(["GM0268"]).run()
    assert not app.exception
    maanden = venster(vraag, standaard_tot(trajecten))
    s = structureel(in_selectie(vraag, gemeenten=["GM0268"]), maanden, 6, ["sector", "beroep"]).reset_index()
    vraag_per_sector = s.groupby("sector")["gemiddeld"].sum()
    van, tot = maanden[0], maanden[-1] + pd.offsets.MonthEnd(0)
    nijmegen = trajecten[(trajecten["gemeentecode"] == "GM0268") & trajecten["startdatum"].between(van, tot)]
    instroom = nijmegen.groupby("sector").size() / 12
    gat = {SECTOR[c]: v - instroom.get(c, 0) for c, v in vraag_per_sector.items() if v > instroom.get(c, 0)}
    assert gat, "the demo should show a sector whose demand is not met in Nijmegen"
    t = tabel(app, "Vraag gedekt")
    # the sectors with a shortage come first, the largest gap on top, and are named above the table
    assert list(t["Sector"][: len(gat)]) == sorted(gat, key=lambda n: -gat[n])
    assert set(t.loc[t["Vraag gedekt"] == "nee, tekort", "Sector"]) == set(gat)
    assert any(all(n in w.value for n in gat) for w in app.warning)


def test_werkgevers_with_recurring_demand(app, views):
    vraag, trajecten = views
    naar_pagina(app)
    maanden = venster(vraag, standaard_tot(trajecten))
    for k in (6, 4):
        app.slider(key="vraag_k").set_value(k).run()
        w = structureel(vraag, maanden, k, ["werkgever"]).reset_index()
        w = w.sort_values(["maanden", "gemiddeld", "werkgever"], ascending=[False, False, True])
        in_venster = vraag[vraag["maand"].isin(maanden)]
        sectoren = in_venster.groupby("werkgever")["sector"].agg(lambda s: sorted(set(s)))
        verwacht = [(r.werkgever, ", ".join(SECTOR[c] for c in sectoren[r.werkgever]), r.maanden,
                     round(r.gemiddeld, 9)) for r in w.itertuples()]
        t = tabel(app, "Werkgever")
        getoond = [(r["Werkgever"], r["Sector"], r["Maanden met vraag (van 12)"], round(r["Gemiddeld per maand"], 9))
                   for _, r in t.iterrows()]
        assert getoond == verwacht, k


def test_the_page_follows_the_end_of_the_period_and_says_which_months(app, views):
    vraag, _ = views
    naar_pagina(app)
    app.selectbox(key="filter_periode").set_value("Vorig jaar").run()
    assert not app.exception
    tot = dt.date(int(vraag["maand"].max().year) - 1, 12, 31)
    maanden = venster(vraag, tot)
    assert maanden[-1] == pd.Timestamp(tot.year, 12, 1)
    assert any(maanden_tekst(maanden) in m.value for m in app.markdown)
    assert lijst_getoond(app) == lijst_verwacht(vraag, maanden, 6)


def test_only_regio_gemeente_and_sector_filter_the_vraag(app, views):
    vraag, trajecten = views
    naar_pagina(app)
    maanden = venster(vraag, standaard_tot(trajecten))
    app.multiselect(key="filter_organisaties").set_value([trajecten["organisatie"].iloc[0]]).run()
    app.multiselect(key="filter_doelgroepen").set_value(["participatiewet"]).run()
    assert lijst_getoond(app) == lijst_verwacht(vraag, maanden, 6)
    app.multiselect(key="filter_sectoren").set_value(["logistiek", "groen"]).run()
    app.multiselect(key="filter_gemeenten").set_value(["GM0296"]).run()
    assert not app.exception
    gekozen = in_selectie(vraag, gemeenten=["GM0296"], sectoren=["logistiek", "groen"])
    assert lijst_getoond(app) == lijst_verwacht(gekozen, maanden, 6)
    assert any("alleen de filters arbeidsmarktregio, gemeente en sector" in c.value for c in app.caption)


def test_an_empty_selection_says_so_in_words(app):
    naar_pagina(app)
    app.multiselect(key="filter_sectoren").set_value(["overig"]).run()
    app.slider(key="vraag_k").set_value(12).run()
    assert not app.exception
    teksten = [i.value for i in app.info]
    assert any("Geen werkgeversvraag" in t for t in teksten)
    assert any("Geen enkel beroep" in t for t in teksten)
    assert any("Geen werkgever" in t for t in teksten)


# --- a small hand-made store ---------------------------------------------------------------------------


def maand(jaar: int, m: int) -> str:
    return f"{jaar}-{m:02d}"


# The window is november 2025 t/m oktober 2026: the trajecten run to 30-11-2026, but the latest vraag month is
# oktober 2026, and the window never runs past the vraag data.
IN_VENSTER = [(2025, 11), (2025, 12), *((2026, m) for m in range(1, 11))]
SCHOONMAAK_MAANDEN = IN_VENSTER[1:12:2]  # exactly 6 months
HOVENIER_MAANDEN = IN_VENSTER[0:10:2]  # 5 months in the window ...
BUITEN_VENSTER = (2025, 10)  # ... and one just before it


@pytest.fixture(scope="module")
def kleine_opslag(tmp_path_factory):
    map_ = tmp_path_factory.mktemp("klein")
    db = map_ / "klein.duckdb"
    env = {"DASHBOARD_SLEUTEL": str(map_ / "sleutel")}
    rijen = []
    for j, m in SCHOONMAAK_MAANDEN:  # (schoonmaak, Schoonmaakmedewerker) in Wijchen: exactly K = 6 months
        rijen.append(["Glans BV", "Schoonmaak", "Schoonmaakmedewerker", None, "Wijchen", maand(j, m), 2, None])
    rijen.append(["Glans BV", "Horeca", "Medewerker keuken", None, "Wijchen", maand(2026, 9), 1, None])
    for j, m in [*HOVENIER_MAANDEN, BUITEN_VENSTER]:  # (groen, Hovenier): K - 1 in the window, one outside
        rijen.append(["Linde Groen", "Groen", "Hovenier", None, "Nijmegen", maand(j, m), 3, None])
    for j, m in IN_VENSTER:  # (logistiek, Orderpicker) without a gemeente: counts for every gemeente
        rijen.append(["DC Noord", "Logistiek", "Orderpicker", None, None, maand(j, m), 1, None])
    for j, m in IN_VENSTER[:8]:  # (logistiek, Heftruckchauffeur) in Nijmegen only
        rijen.append(["Transport Oost", "Logistiek", "Heftruckchauffeur", None, "Nijmegen", maand(j, m), 1, None])
    vraag = schrijf_xlsx(map_ / "vraag.xlsx", [VRAAG_KOP, *rijen])
    kandidaten = schrijf_xlsx(map_ / "kandidaten.xlsx", [
        KANDIDATEN_KOP,
        kandidaat("T1", Gemeente="Wijchen", Sector="Schoonmaak", Startdatum=dt.date(2026, 2, 1)),
        kandidaat("T2", Gemeente="Wijchen", Sector="Schoonmaak", Startdatum=dt.date(2026, 5, 1)),
        kandidaat("T3", Gemeente="Wijchen", Sector="Schoonmaak", Startdatum=dt.date(2025, 10, 31)),  # before
        kandidaat("T4", Gemeente="Nijmegen", Sector="Logistiek", Startdatum=dt.date(2025, 11, 1)),
    ])
    resultaat = ingest(db, kandidaten, organisatie="Werkbedrijf Test", peildatum="2026-11-30", env=env)
    assert resultaat.returncode == 0, resultaat.stdout
    resultaat = ingest(db, vraag, organisatie="WSP Test", peildatum="2026-10-31", env=env)
    assert resultaat.returncode == 0, resultaat.stdout
    return db, env


@pytest.fixture
def klein(kleine_opslag, monkeypatch) -> AppTest:
    db, env = kleine_opslag
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    monkeypatch.setenv("DASHBOARD_SLEUTEL", env["DASHBOARD_SLEUTEL"])
    return app_als(monkeypatch, db.parent)


def beroepen(app: AppTest) -> dict[str, tuple[int, float]]:
    t = tabel(app, "Beroep")
    return {r["Beroep"]: (r["Maanden met vraag (van 12)"], round(r["Gemiddeld per maand"], 9)) for _, r in t.iterrows()}


def test_hand_made_store_exactly_k_months_counts_k_minus_1_does_not(klein):
    naar_pagina(klein)
    assert any("november 2025 t/m oktober 2026" in m.value for m in klein.markdown)
    assert any("de werkgeversvraag loopt tot en met oktober 2026" in c.value for c in klein.caption)
    assert beroepen(klein) == {
        "Schoonmaakmedewerker": (6, round(6 * 2 / 12, 9)),
        "Orderpicker": (12, 1.0),
        "Heftruckchauffeur": (8, round(8 / 12, 9)),
    }
    klein.slider(key="vraag_k").set_value(5).run()
    assert beroepen(klein)["Hovenier"] == (5, round(5 * 3 / 12, 9))  # the month before the window does not count
    klein.slider(key="vraag_k").set_value(7).run()
    assert "Schoonmaakmedewerker" not in beroepen(klein)


def test_hand_made_store_vraag_without_gemeente_counts_for_each_gemeente(klein):
    naar_pagina(klein)
    klein.multiselect(key="filter_gemeenten").set_value(["GM0296"]).run()  # Wijchen
    assert not klein.exception
    assert set(beroepen(klein)) == {"Schoonmaakmedewerker", "Orderpicker"}
    klein.multiselect(key="filter_gemeenten").set_value(["GM0268"]).run()  # Nijmegen
    assert set(beroepen(klein)) == {"Orderpicker", "Heftruckchauffeur"}


def test_hand_made_store_heatmap_werkgevers_and_gap(klein):
    naar_pagina(klein)
    kaart = heatmap(klein)
    rijen = dict(zip(kaart["y"], kaart["z"], strict=True))
    assert len(kaart["x"]) == 24 and kaart["x"][-1] == "okt 2026" and kaart["x"][0] == "nov 2024"
    # oktober 2025 is outside the 12 months but inside the 24: Hovenier's 3 places show there
    assert rijen["Groen"][kaart["x"].index("okt 2025")] == 3
    assert rijen["Groen"][kaart["x"].index("nov 2025")] == 3
    assert rijen["Groen"][kaart["x"].index("dec 2025")] == 0
    assert rijen["Schoonmaak"][kaart["x"].index("dec 2025")] == 2
    assert sum(rijen["Facilitair en horeca"]) == 1

    werkgevers = tabel(klein, "Werkgever")
    glans = werkgevers[werkgevers["Werkgever"] == "Glans BV"].iloc[0]
    assert (glans["Sector"], glans["Maanden met vraag (van 12)"]) == ("Facilitair en horeca, Schoonmaak", 7)
    assert glans["Gemiddeld per maand"] == pytest.approx(13 / 12)
    assert list(werkgevers["Werkgever"]) == ["DC Noord", "Transport Oost", "Glans BV"]

    aanbod = tabel(klein, "Vraag gedekt").set_index("Sector")
    # schoonmaak: 1,0 per month asked against 2 trajecten in the 12 months (the one of 31-10-2025 is before)
    assert aanbod.loc["Schoonmaak", "Structurele vraag per maand"] == pytest.approx(1.0)
    assert aanbod.loc["Schoonmaak", "Instroom per maand"] == pytest.approx(2 / 12)
    assert aanbod.loc["Schoonmaak", "Vraag gedekt"] == "nee, tekort"
    assert aanbod.loc["Logistiek", "Structurele vraag per maand"] == pytest.approx(1 + 8 / 12)
    assert aanbod.loc["Logistiek", "Instroom per maand"] == pytest.approx(1 / 12)
    assert any("Schoonmaak" in w.value and "Logistiek" in w.value for w in klein.warning)


def test_hand_made_store_window_ends_at_the_last_complete_month_of_the_period(klein):
    """A period ending on 15 oktober 2026: oktober is not complete, so the 12 months are oktober 2025 t/m
    september 2026, and the Hovenier's month before the default window now counts: 6 months."""
    naar_pagina(klein)
    klein.selectbox(key="filter_periode").set_value("Zelf kiezen").run()
    klein.date_input(key="filter_van_tot").set_value((dt.date(2026, 1, 1), dt.date(2026, 10, 15))).run()
    assert not klein.exception
    assert any("oktober 2025 t/m september 2026" in m.value for m in klein.markdown)
    assert beroepen(klein)["Hovenier"] == (6, round(6 * 3 / 12, 9))
    assert "Schoonmaakmedewerker" not in beroepen(klein)  # its oktober 2026 month fell out: 5 of 12
    assert heatmap(klein)["x"][-1] == "sep 2026"


def test_heatmap_colour_scale_is_valid_for_every_maximum():
    """plotly replaces an invalid scale (not from exactly 0 to exactly 1, or going back) with its own colours;
    that happened for a maximum of 10 (the scale ended at 0,9999999999999999)."""
    from weergave.grafieken_vraag import GEEN_VRAAG, _kleurschaal

    for maximum in range(1, 501):
        schaal = _kleurschaal(maximum)
        posities = [p for p, _ in schaal]
        assert posities[0] == 0 and posities[-1] == 1, maximum
        assert posities == sorted(posities), maximum
        assert schaal[0][1] == GEEN_VRAAG and all(k != GEEN_VRAAG for p, k in schaal if p * maximum >= 1), maximum
