"""Van instroom naar werk (issue 16, points 2 and 3): per start cohort where the trajecten stand now up to werk na
praktijkverklaring, and the strooms side by side. The numbers are checked against pandas on the `trajecten` analyst
view; the page is driven as a beheerder (exact) and as the regio (protected: no count 1-4, shares only where
allowed, the parts of a row never leaving one hidden part to work out); and the chart's data against the table."""

from __future__ import annotations

import datetime as dt
import json
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analytics.beschermd import Beschermd
from analytics.filters import Filters
from analytics.onderdrukking import is_afgeschermd
from analytics.resultaten import (
    AANDELEN,
    DELEN_INSTROOM,
    DELEN_PRAKTIJKVERKLARING,
    STAPPEN,
    STROOM_UITLEG,
    TELLINGEN,
    per_stroom,
    van_instroom_naar_werk,
)
from tests.conftest import analistenviews, demo_app
from tests.test_afscherming_paginas import REGIO, als, opslag  # noqa: F401 (opslag: the fixture als needs)
from toegang.kijker import Kijker

BEHEERDER = Kijker("beheer@test.example", "beheerder")
REGIOKIJKER = Kijker("consortium@regio.example", "regio")
PAGINA = "pages/resultaten.py"


@pytest.fixture(scope="module")
def trajecten(demo_opslag) -> pd.DataFrame:
    return analistenviews(demo_opslag[0])["trajecten"]


@pytest.fixture
def demo_db(demo_opslag, monkeypatch):
    db, _ = demo_opslag
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    return db


def verwacht(trajecten: pd.DataFrame, van: dt.date, tot: dt.date, per: str | None = None) -> pd.DataFrame:
    """Independently of the read side: per start year (and `per`) the counts of metrics.md's definitions."""
    t = trajecten[trajecten["startdatum"].between(pd.Timestamp(van), pd.Timestamp(tot))].copy()
    afgerond = t["status"] == "afgerond"
    naar_werk_gestopt = (t["status"] == "uitgevallen") & (t["reden_uitval"] == "werk")
    t = t.assign(
        instroom=1,
        lopend=t["status"] == "lopend",
        uitval=(t["status"] == "uitgevallen") & ~naar_werk_gestopt,
        voortijdig_werk=naar_werk_gestopt,
        praktijkverklaring=afgerond,
        pv_betaald_werk=afgerond & (t["uitstroom"] == "betaald_werk"),
        pv_werk_sw=afgerond & (t["uitstroom"] == "werk_sw"),
        pv_vervolgopleiding=afgerond & (t["uitstroom"] == "vervolgopleiding"),
        pv_geen_of_onbekend=afgerond & ~t["uitstroom"].isin(["betaald_werk", "werk_sw", "vervolgopleiding"]),
        jaar=t["startdatum"].dt.year,
        stroom=t["stroom"].fillna("onbekend"),
    )
    sleutels = ["jaar"] if per is None else [per] if per == "stroom" else ["jaar", per]
    return t.groupby(sleutels)[list(TELLINGEN)].sum().astype(int)


def test_counts_per_cohort_and_per_stroom_match_the_analyst_view(demo_db, trajecten):
    van, tot = dt.date(2024, 1, 1), trajecten["peildatum"].max().date()
    gekozen = Filters(van=van, tot=tot, kijker=BEHEERDER)
    tabel = van_instroom_naar_werk(gekozen)
    rijen = tabel[~tabel["is_totaal"]].set_index(tabel["cohort"].dt.year[~tabel["is_totaal"]])
    assert rijen[list(TELLINGEN)].astype(int).to_dict() == verwacht(trajecten, van, tot)[list(TELLINGEN)].to_dict()
    totaal = tabel[tabel["is_totaal"]].iloc[0]
    assert totaal["instroom"] == trajecten["startdatum"].between(pd.Timestamp(van), pd.Timestamp(tot)).sum()
    # each traject counts once: the parts add up to the whole
    assert totaal["instroom"] == sum(totaal[d] for d in DELEN_INSTROOM)
    assert totaal["praktijkverklaring"] == sum(totaal[d] for d in DELEN_PRAKTIJKVERKLARING)
    assert totaal["aandeel_werk_na_praktijkverklaring"] == pytest.approx(
        totaal["pv_betaald_werk"] / totaal["praktijkverklaring"])

    per_sector = van_instroom_naar_werk(gekozen, "sector")
    per_sector = per_sector[~per_sector["is_totaal"]]
    per_sector = per_sector.set_index([per_sector["cohort"].dt.year, per_sector["groep"]])
    assert per_sector[list(TELLINGEN)].astype(int).to_dict() == verwacht(trajecten, van, tot, "sector").to_dict()

    stromen = per_stroom(gekozen)
    assert list(stromen["groepnaam"]) == ["Langstromer", "Doorstromer", "Eigen medewerker", "Onbekend",
                                          "Hele selectie"]
    verwacht_stroom = verwacht(trajecten, van, tot, "stroom")
    for rij in stromen[~stromen["is_totaal"]].itertuples():
        assert {k: getattr(rij, k) for k in TELLINGEN} == verwacht_stroom.loc[rij.groep].to_dict(), rij.groep
        assert rij.aandeel_uitval == pytest.approx(rij.uitval / rij.instroom)


def test_regio_sees_no_small_count_and_no_part_to_work_out(demo_db, trajecten):
    van, tot = dt.date(2024, 1, 1), trajecten["peildatum"].max().date()
    exact = van_instroom_naar_werk(Filters(van=van, tot=tot, kijker=BEHEERDER), "route")
    getoond = van_instroom_naar_werk(Filters(van=van, tot=tot, kijker=REGIOKIJKER), "route")
    assert len(exact) == len(getoond)
    for (_, e), (_, g) in zip(exact.iterrows(), getoond.iterrows(), strict=True):
        for kolom in TELLINGEN:
            waarde = g[kolom]
            assert isinstance(waarde, Beschermd), kolom
            if not waarde.verborgen:
                assert waarde.getoond % 5 == 0 and waarde.getoond >= 5, (kolom, waarde)
                assert waarde.laag <= e[kolom] <= waarde.hoog, (kolom, waarde, e[kolom])
            else:
                assert waarde.teken in ("<5", "x")
        for geheel, delen in (("instroom", DELEN_INSTROOM), ("praktijkverklaring", DELEN_PRAKTIJKVERKLARING)):
            if not is_afgeschermd(g[geheel]):
                assert sum(is_afgeschermd(g[d]) for d in delen) != 1, (geheel, g[list(delen)].to_dict())
        for aandeel, (teller, noemer) in AANDELEN.items():
            if g[aandeel] is not None:
                assert e[teller] >= 5 and e[noemer] >= 10, aandeel
                assert g[aandeel].laag <= e[aandeel] <= g[aandeel].hoog, aandeel


def tabel_met(app: AppTest, kolom: str) -> pd.DataFrame:
    return next(d.value for d in app.dataframe if kolom in d.value.columns)


def sankey(app: AppTest) -> dict:
    for element in app.get("plotly_chart"):
        spec = json.loads(element.proto.spec)
        if spec["data"] and spec["data"][0]["type"] == "sankey":
            return spec["data"][0]
    raise AssertionError("geen stroomdiagram")


def test_page_as_beheerder_answers_werk_na_praktijkverklaring(demo_opslag, monkeypatch, trajecten):
    app = demo_app(demo_opslag, monkeypatch, timeout=120)
    app.run()
    # the Overzicht points to the page where its two tiles come together
    assert any("Van instroom naar werk" in link.label for link in app.get("page_link"))
    app.switch_page(PAGINA).run()
    assert not app.exception, app.exception
    eerste, peildatum = trajecten["startdatum"].min(), trajecten["peildatum"].max()
    alle = verwacht(trajecten, dt.date(eerste.year, 1, 1), peildatum.date())  # every start year, whatever the period
    jaren = list(range(eerste.year, peildatum.year + 1))

    tabel = tabel_met(app, "Startjaar")
    assert list(tabel["Startjaar"]) == [*map(str, jaren), "Totaal"]
    assert list(tabel["Gestart"]) == [*alle["instroom"], alle["instroom"].sum()]
    assert list(tabel["→ Betaald werk"]) == [*alle["pv_betaald_werk"], alle["pv_betaald_werk"].sum()]
    assert list(tabel["Lopend"]) == [*alle["lopend"], alle["lopend"].sum()]

    jaar = peildatum.year - 1
    app.selectbox(key="resultaten_jaar").set_value(jaar).run()
    assert not app.exception
    rij = alle.loc[jaar]
    tegels = {m.label: m.value for m in app.metric}
    assert tegels == {"Gestart": str(rij["instroom"]), "Met praktijkverklaring": str(rij["praktijkverklaring"]),
                      "Werk na praktijkverklaring": str(rij["pv_betaald_werk"])}
    pct = f"{rij['pv_betaald_werk'] / rij['praktijkverklaring'] * 100:.1f}".replace(".", ",")
    assert any(c.value == f"{pct}% van wie een praktijkverklaring haalde" for c in app.caption)
    assert tabel_met(app, "Startjaar").set_index("Startjaar").loc[str(jaar), "Werk na PV"] == f"{pct}%"

    # the chart: a link per step of that start year, the same numbers as the table
    stroom = sankey(app)
    labels = stroom["node"]["label"]
    assert labels[0] == f"Gestart: {rij['instroom']}"
    links = {labels[d].split(":")[0]: w for d, w in zip(stroom["link"]["target"], stroom["link"]["value"],
                                                          strict=True)}
    assert links == {STAPPEN[k]: rij[k] for k in (*DELEN_INSTROOM, *DELEN_PRAKTIJKVERKLARING) if rij[k] > 0}

    # point 3: the strooms side by side for that year, with one sentence on what a stroom is
    assert any(m.value == STROOM_UITLEG for m in app.markdown)
    stromen = tabel_met(app, "Stroom")
    per = verwacht(trajecten, dt.date(jaar, 1, 1), dt.date(jaar, 12, 31), "stroom")
    drie = ("langstromer", "doorstromer", "medewerker")
    assert list(stromen["Stroom"])[:3] == ["Langstromer", "Doorstromer", "Eigen medewerker"]
    assert list(stromen["Gestart"])[:3] == [per.loc[s, "instroom"] for s in drie]
    assert list(stromen["Aantal werk na PV"])[:3] == [per.loc[s, "pv_betaald_werk"] for s in drie]
    assert list(stromen["Uitval %"])[:3] == [
        f"{per.loc[s, 'uitval'] / per.loc[s, 'instroom'] * 100:.1f}%".replace(".", ",") for s in drie]
    assert len(app.get("plotly_chart")) == 2  # the flow chart and the small multiples per stroom

    app.selectbox(key="resultaten_per").set_value("doelgroep").run()
    assert not app.exception
    per_doelgroep = tabel_met(app, "Doelgroep")
    assert per_doelgroep["Gestart"].iloc[:-1].sum() == alle["instroom"].sum()


KLEIN = re.compile(r"^[1-4]$")


def test_page_as_regio_shows_no_count_1_to_4_and_only_rounded_numbers(opslag, trajecten):  # noqa: F811
    app = als(REGIO, PAGINA)
    assert not app.exception, app.exception
    for tegel in app.metric:
        assert tegel.value == "<5" or int(tegel.value.replace(".", "")) % 5 == 0, (tegel.label, tegel.value)
    for tabel in (tabel_met(app, "Startjaar"), tabel_met(app, "Stroom")):
        for kolom in tabel.columns.drop(["Startjaar", "Stroom"], errors="ignore"):
            for waarde in tabel[kolom]:
                tekst = str(waarde)
                assert not KLEIN.match(tekst), (kolom, tekst)
                if isinstance(waarde, int | float) or re.fullmatch(r"\d+", tekst):
                    assert int(float(tekst)) % 5 == 0, (kolom, tekst)
                if tekst.endswith("%"):  # shares to 5 percentage points, or coarser as a range ("15–25%")
                    assert all(int(d) % 5 == 0 for d in tekst.rstrip("%").split("–")), (kolom, tekst)
    # the chart draws only shown numbers, each a multiple of 5
    assert all(w % 5 == 0 for w in sankey(app)["link"]["value"])
    # a narrower selection: the small parts are hidden and not drawn, and the page says so
    app.selectbox(key="resultaten_per").set_value("route").run()
    assert not app.exception
    app.sidebar.multiselect(key="filter_gemeenten").set_value(["GM0296"]).run()
    assert not app.exception
    tabel = tabel_met(app, "Startjaar")
    assert any(str(w) in ("<5", "x") for k in tabel.columns for w in tabel[k])
    assert any(c.value.startswith("<5: minder dan 5 trajecten") for c in app.caption)
