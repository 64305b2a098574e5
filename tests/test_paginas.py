"""The pages, driven through the entrance as a user would, checked against counts computed here
independently from the analyst views (pandas on `trajecten` and `afspraken`)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analytics.filters import een_jaar_eerder
from tests.conftest import ROOT, analistenviews, demo_app
from tests.test_uitval_afspraak_vraagjaren import band, seizoensaandelen


def nl(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@pytest.fixture(scope="module")
def views(demo_opslag):
    alles = analistenviews(demo_opslag[0])
    return alles["trajecten"], alles["afspraken"]


@pytest.fixture
def app(demo_opslag, monkeypatch) -> AppTest:
    return demo_app(demo_opslag, monkeypatch)


def verwacht(trajecten: pd.DataFrame, van: dt.date, tot: dt.date) -> dict[str, int]:
    """The overzicht's numbers, computed from the trajecten view per metrics.md."""
    van, tot = pd.Timestamp(van), pd.Timestamp(tot)
    laatste = trajecten.groupby("organisatie")["peildatum"].transform("max")
    gestart = trajecten["startdatum"].between(van, tot)
    pv = trajecten["praktijkverklaring_datum"].fillna(trajecten["einddatum"].where(trajecten["status"] == "afgerond"))
    werk = (trajecten["uitstroom"] == "betaald_werk") | (
        (trajecten["status"] == "uitgevallen") & (trajecten["reden_uitval"] == "werk")
    )
    geeindigd = (trajecten["status"] != "lopend") & trajecten["einddatum"].between(van, tot)
    return {
        "Instroom": int(gestart.sum()),
        "Lopende trajecten": int(((trajecten["status"] == "lopend") & (trajecten["peildatum"] == laatste)).sum()),
        "Praktijkverklaringen": int(pv.between(van, tot).sum()),
        "Uitstroom naar werk": int((geeindigd & werk).sum()),
    }


def tegels(app: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def test_overzicht_tiles_match_the_views_and_follow_the_gemeente_filter(app, views):
    trajecten, _ = views
    app.run()
    assert not app.exception
    peildatum = trajecten["peildatum"].max().date()
    van, tot = dt.date(peildatum.year, 1, 1), peildatum  # default period: this year so far

    assert {k: v for k, v in tegels(app).items() if k != "Uitval binnen 12 maanden"} == {
        k: nl(v) for k, v in verwacht(trajecten, van, tot).items()
    }

    app.multiselect(key="filter_gemeenten").set_value(["GM0268"]).run()
    nijmegen = trajecten[trajecten["gemeentecode"] == "GM0268"]
    assert {k: v for k, v in tegels(app).items() if k != "Uitval binnen 12 maanden"} == {
        k: nl(v) for k, v in verwacht(nijmegen, van, tot).items()
    }
    gemeenten = app.query_params["gemeenten"]
    assert (gemeenten if isinstance(gemeenten, list) else [gemeenten]) == ["GM0268"]


def test_overzicht_uitval_12_for_last_year_and_change_against_the_year_before(app, views):
    trajecten, _ = views
    app.run()
    app.selectbox(key="filter_periode").set_value("Vorig jaar").run()
    assert not app.exception
    peildatum = trajecten["peildatum"].max()
    van, tot = pd.Timestamp(peildatum.year - 1, 1, 1), pd.Timestamp(peildatum.year - 1, 12, 31)
    laatste = trajecten.groupby("organisatie")["peildatum"].transform("max")
    cohort = trajecten[
        trajecten["startdatum"].between(van, tot) & (trajecten["startdatum"] + pd.DateOffset(months=12) <= laatste)
    ]
    uitval = cohort[
        (cohort["status"] == "uitgevallen")
        & (cohort["reden_uitval"] != "werk")
        & (cohort["einddatum"] < cohort["startdatum"] + pd.DateOffset(months=12))
    ]
    verwacht_pct = f"{100 * len(uitval) / len(cohort):.1f}%".replace(".", ",")

    uitval_tegel = next(m for m in app.metric if m.label == "Uitval binnen 12 maanden")
    assert uitval_tegel.value == verwacht_pct
    instroom = next(m for m in app.metric if m.label == "Instroom")
    vorig = (
        trajecten["startdatum"]
        .between(pd.Timestamp(een_jaar_eerder(van.date())), pd.Timestamp(een_jaar_eerder(tot.date())))
        .sum()
    )
    nu = trajecten["startdatum"].between(van, tot).sum()
    assert instroom.delta.startswith(("+" if nu >= vorig else "-") + nl(abs(int(nu - vorig))))


def test_overzicht_table_per_gemeente_matches_the_views(app, views):
    trajecten, _ = views
    app.run()
    tabel = app.dataframe[0].value
    peildatum = trajecten["peildatum"].max()
    gestart = trajecten[trajecten["startdatum"].between(pd.Timestamp(peildatum.year, 1, 1), peildatum)]
    verwacht_per_gemeente = gestart.groupby("gemeente").size()
    assert dict(zip(tabel["Gemeente"], tabel["Instroom"], strict=True)) == {
        g: int(n) for g, n in verwacht_per_gemeente.items()
    }


def test_instroom_page_per_year_by_sector_and_against_the_afspraken(app, views):
    trajecten, afspraken = views
    app.run()
    app.switch_page("pages/instroom.py").run()
    assert not app.exception
    app.selectbox(key="filter_periode").set_value("Afgelopen 12 maanden").run()
    app.radio(key="instroom_per").set_value("jaar").run()
    app.selectbox(key="instroom_uitsplitsen").set_value("Sector").run()

    figuur = app.get("plotly_chart")[0].proto.spec
    assert "Sector" in figuur or "sector" in figuur

    peildatum = trajecten["peildatum"].max().date()
    jaar = peildatum.year
    tabel = app.dataframe[-1].value
    tot_maand = trajecten[
        (trajecten["startdatum"].dt.year == jaar) & (trajecten["startdatum"] <= pd.Timestamp(peildatum))
    ]
    per_gemeente = tot_maand.groupby("gemeente").size()
    afspraak = afspraken[(afspraken["jaar"] == jaar) & afspraken["sector"].isna() & afspraken["doelgroep"].isna()]
    afspraak = afspraak.set_index("gemeente")["aantal"]
    instroom_kolom = next(k for k in tabel.columns if k.startswith("Instroom t/m"))
    # the status by the seasonal pattern of the earlier whole years (2024, 2025: the demo starts in November 2023)
    # the band: the lowest and highest 95% Wilson bound of the shares of those years
    _, onder, boven = band(seizoensaandelen(trajecten, jaar, peildatum.month))
    for rij in tabel.itertuples(index=False):
        gemeente = rij[0]
        assert rij[1] == int(per_gemeente.get(gemeente, 0)), gemeente
        laag, hoog = per_gemeente.get(gemeente, 0) / boven, per_gemeente.get(gemeente, 0) / onder
        assert rij[-1] == ("voor" if laag > afspraak[gemeente] else "achter" if hoog < afspraak[gemeente]
                           else "op koers"), gemeente
    assert instroom_kolom == "Instroom t/m oktober"


def test_definitions_page_shows_every_number_of_metrics_md(app):
    from analytics.kengetallen import KENGETALLEN

    app.run()
    app.switch_page("pages/definities.py").run()
    assert not app.exception
    assert [s.value for s in app.subheader] == [k.label for k in KENGETALLEN.values()]
    assert app.expander[0].label == "Kleine aantallen: <5, x, – en afronding"
    assert "afgerond op 5-tallen" in app.expander[0].markdown[0].value
    # metrics.md is copied into the project (a clean clone has no ../shared); where ../shared is there, the copy
    # must still equal it
    kopie = ROOT / "data" / "reference" / "metrics.md"
    bron = ROOT.parent / "shared" / "metrics.md"
    if bron.exists():
        assert kopie.read_text() == bron.read_text(), "data/reference/metrics.md is ouder dan ../shared/metrics.md"
    labels = {
        regel.split("|")[1].strip()
        for regel in kopie.read_text().splitlines()
        if regel.startswith("| ") and not regel.startswith("| Dutch label") and not regel.startswith("|---")
    }
    assert labels == {k.label for k in KENGETALLEN.values()}


def test_a_link_with_filters_reproduces_the_view(app, views):
    trajecten, _ = views
    app.query_params["gemeenten"] = ["GM0296"]
    app.query_params["periode"] = "Vorig jaar"
    app.run()
    assert app.multiselect(key="filter_gemeenten").value == ["GM0296"]
    assert app.selectbox(key="filter_periode").value == "Vorig jaar"
    assert not app.exception
    peildatum = trajecten["peildatum"].max()
    wijchen = trajecten[trajecten["gemeentecode"] == "GM0296"]
    verwacht_instroom = (
        wijchen["startdatum"]
        .between(pd.Timestamp(peildatum.year - 1, 1, 1), pd.Timestamp(peildatum.year - 1, 12, 31))
        .sum()
    )
    assert tegels(app)["Instroom"] == nl(int(verwacht_instroom))


def test_an_empty_selection_says_so_in_words(app):
    app.run()
    app.selectbox(key="filter_periode").set_value("Laatste volledige maand").run()
    app.multiselect(key="filter_gemeenten").set_value(["GM0944"]).run()
    app.multiselect(key="filter_sectoren").set_value(["administratie_ict"]).run()
    assert not app.exception
    assert any("Geen" in i.value or "geen" in i.value for i in app.info)


def test_filters_survive_switching_pages_back_and_forth(app):
    app.run()
    app.multiselect(key="filter_gemeenten").set_value(["GM0296"]).run()
    app.selectbox(key="filter_periode").set_value("Afgelopen 12 maanden").run()
    for pagina in ("pages/instroom.py", "pages/overzicht.py", "pages/instroom.py", "pages/overzicht.py"):
        app.switch_page(pagina).run()
        assert not app.exception
        assert app.multiselect(key="filter_gemeenten").value == ["GM0296"], pagina
        assert app.selectbox(key="filter_periode").value == "Afgelopen 12 maanden", pagina


def test_a_link_with_dates_outside_the_data_is_limited_to_the_data(app, views):
    trajecten, _ = views
    app.query_params.update({"periode": "Zelf kiezen", "van": "2020-01-01", "tot": "2030-12-31"})
    app.run()
    assert not app.exception
    van, tot = app.date_input(key="filter_van_tot").value
    assert van == trajecten["startdatum"].min().date()
    assert tot == trajecten["peildatum"].max().date()


def test_afspraak_comparison_uses_exactly_the_instroom_each_agreement_is_about(app, views):
    trajecten, afspraken = views
    app.run()
    app.switch_page("pages/instroom.py").run()
    app.multiselect(key="filter_gemeenten").set_value(["GM0296"]).run()
    app.multiselect(key="filter_sectoren").set_value(["logistiek", "groen"]).run()
    app.multiselect(key="filter_organisaties").set_value([trajecten["organisatie"].iloc[0]]).run()
    assert not app.exception
    peildatum = trajecten["peildatum"].max()
    jaar = peildatum.year
    afspraak = afspraken[
        (afspraken["jaar"] == jaar)
        & (afspraken["gemeente"] == "Wijchen")
        & afspraken["sector"].isin(["logistiek", "groen"])
    ]
    assert len(afspraak) == 1  # the demo's Wijchen logistiek agreement
    sector = afspraak["sector"].iloc[0]
    verwacht = trajecten[
        (trajecten["gemeente"] == "Wijchen")
        & (trajecten["sector"] == sector)
        & (trajecten["startdatum"].dt.year == jaar)
        & (trajecten["startdatum"] <= peildatum)
    ]
    rij = app.dataframe[-1].value.iloc[0]
    assert (rij["Gemeente"], rij.iloc[1], rij["Afspraak heel jaar"]) == (
        "Wijchen",
        len(verwacht),
        afspraak["aantal"].iloc[0],
    )


def test_unique_kandidaten_on_the_instroom_page_equal_the_overzicht(app):
    app.run()
    app.selectbox(key="filter_periode").set_value("Vorig jaar").run()
    overzicht = next(c.value for c in app.caption if c.value.endswith("unieke kandidaten"))
    app.switch_page("pages/instroom.py").run()
    uniek = next(m.value for m in app.metric if m.label == "Unieke kandidaten")
    assert overzicht == f"{uniek} unieke kandidaten"
