"""The uitval page, driven through the entrance as a user would, checked against numbers computed here
independently (pandas on the `trajecten` analyst view), and the Kaplan-Meier estimate of the read side checked
against lifelines' KaplanMeierFitter (test-only reference, see requirements-referentie.txt)."""

from __future__ import annotations

import base64
import datetime as dt
import html
import json

import duckdb
import numpy as np
import pandas as pd
import pytest
from lifelines import KaplanMeierFitter
from scipy.stats import binomtest
from streamlit.testing.v1 import AppTest

from analytics.filters import Filters
from analytics.uitval import MIN_TRAJECTEN, kaplan_meier, tijd_tot_uitval
from basis.referentie import code_weergave
from tests.conftest import KANDIDATEN_KOP, app_als, ingest, kandidaat, schrijf_xlsx
from toegang.kijker import Kijker

DAGEN_PER_MAAND = 365.25 / 12
BEHEERDER = Kijker("beheer@test.example", "beheerder")


# --- independent computations on the analyst view ---------------------------------------------------------


@pytest.fixture(scope="module")
def trajecten(demo_opslag) -> pd.DataFrame:
    db, _ = demo_opslag
    return lees_trajecten(db)


def lees_trajecten(db) -> pd.DataFrame:
    con = duckdb.connect(str(db), read_only=True)
    try:
        df = con.execute("SELECT * FROM trajecten").df()
    finally:
        con.close()
    for kolom in ("startdatum", "einddatum", "peildatum"):
        df[kolom] = pd.to_datetime(df[kolom])
    return df


def is_uitval(df: pd.DataFrame) -> pd.Series:
    """metrics.md: status uitgevallen and reden_uitval not 'werk'."""
    return (df["status"] == "uitgevallen") & (df["reden_uitval"].fillna("") != "werk")


def in_periode(df: pd.DataFrame, van, tot) -> pd.DataFrame:
    return df[df["startdatum"].between(pd.Timestamp(van), pd.Timestamp(tot))]


def uitval_binnen(df: pd.DataFrame, n: int) -> tuple[pd.Series, pd.Series]:
    """(could be followed n months, uitval within n months) per traject."""
    laatste = df.groupby("organisatie")["peildatum"].transform("max")
    grens = df["startdatum"].map(lambda s: s + pd.DateOffset(months=n))
    volgbaar = grens <= laatste
    return volgbaar, volgbaar & is_uitval(df) & (df["einddatum"] < grens)


def duur_en_uitval(df: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Months until uitval, or until last seen without it: peildatum (lopend) or einddatum."""
    einde = df["peildatum"].where(df["status"] == "lopend", df["einddatum"])
    return ((einde - df["startdatum"]).dt.days / DAGEN_PER_MAAND).to_numpy(), is_uitval(df).to_numpy()


def naar_grootte(waarden: pd.Series) -> pd.Series:
    """Counts per value, largest first; equal counts in alphabetical order."""
    tellingen = waarden.value_counts()
    return tellingen.iloc[np.lexsort((tellingen.index.to_numpy(), -tellingen.to_numpy()))]


def pct(teller: int, noemer: int) -> float:
    return round(100 * teller / noemer, 1) if noemer else np.nan


def nl_pct(fractie: float) -> str:
    return f"{100 * fractie:.1f}%".replace(".", ",")


def lifelines_tabel(duur, gebeurtenis) -> pd.DataFrame:
    fitter = KaplanMeierFitter().fit(duur, gebeurtenis)
    tabel = fitter.survival_function_.join(fitter.confidence_interval_)
    tabel.columns = ["overleving", "onder", "boven"]
    return tabel.join(fitter.event_table[["observed", "at_risk"]])


def vergelijk_met_lifelines(km: pd.DataFrame, duur, gebeurtenis, min_gevolgd: int = 0) -> None:
    """Same timeline; same estimate and exponential-Greenwood interval at every time, so at every event time (as far
    as at least `min_gevolgd` trajecten are followed: where the read side stops a curve)."""
    referentie = lifelines_tabel(duur, gebeurtenis)
    referentie = referentie[referentie["at_risk"] >= min_gevolgd]
    np.testing.assert_allclose(km["tijd"], referentie.index, rtol=0, atol=1e-12)
    assert (referentie["observed"] > 0).sum() == (km["gebeurtenissen"] > 0).sum()
    for kolom in ("overleving", "onder", "boven"):
        np.testing.assert_allclose(km[kolom].to_numpy(), referentie[kolom].to_numpy(), rtol=1e-9, atol=1e-12,
                                   err_msg=kolom)


# --- the app -----------------------------------------------------------------------------------------------


def open_app(db, monkeypatch, van: dt.date | None = None, tot: dt.date | None = None) -> AppTest:
    """As the beheerder (a logged-in one for a store with real data; the demo store opens without login)."""
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    monkeypatch.setenv("DASHBOARD_SLEUTEL", str(db.parent / "sleutel"))
    app = app_als(monkeypatch, db.parent, timeout=90)
    if van:
        app.query_params.update({"periode": "Zelf kiezen", "van": van.isoformat(), "tot": tot.isoformat()})
    app.run()
    app.switch_page("pages/uitval.py").run()
    assert not app.exception
    return app


def hele_periode(trajecten: pd.DataFrame) -> tuple[dt.date, dt.date]:
    return trajecten["startdatum"].min().date(), trajecten["peildatum"].max().date()


def tabel_met(app: AppTest, kolom: str) -> pd.DataFrame:
    return next(d.value for d in app.dataframe if kolom in d.value.columns)


def grafiek(app: AppTest, titel_begin: str) -> dict:
    for element in app.get("plotly_chart"):
        spec = json.loads(element.proto.spec)
        if spec["layout"]["title"]["text"].startswith(titel_begin):
            return spec
    raise AssertionError(f"geen grafiek '{titel_begin}'")


def reeks(waarde) -> np.ndarray:
    """A data array of a plotly spec: a list, or plotly's base64 typed array {"dtype", "bdata"}."""
    if isinstance(waarde, dict):
        return np.frombuffer(base64.b64decode(waarde["bdata"]), dtype=waarde["dtype"]).astype(float)
    return np.array([np.nan if w is None else w for w in waarde], dtype=float)


def tegels(app: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def verwachte_cohorten(df: pd.DataFrame, per: str) -> pd.DataFrame:
    sleutel = df["startdatum"].dt.to_period("Q" if per == "kwartaal" else "Y")
    rijen = []
    for periode, groep in df.groupby(sleutel):
        rij = {
            "label": f"{periode.year} K{periode.quarter}" if per == "kwartaal" else str(periode.year),
            "Instroom": len(groep),
            "Nog lopend": int((groep["status"] == "lopend").sum()),
            "Uitgevallen": int(is_uitval(groep).sum()),
        }
        for n in (3, 6, 12):
            volgbaar, uitval = uitval_binnen(groep, n)
            rij[f"Uitval binnen {n} maanden (%)"] = pct(int(uitval.sum()), int(volgbaar.sum()))
            rij[f"heel {n}"] = bool(volgbaar.all())  # every traject of the cohort can be followed n months
        rijen.append(rij)
    return pd.DataFrame(rijen)


# --- 1. uitval per cohort ----------------------------------------------------------------------------------


def test_cohort_table_and_tiles_match_the_views_per_quarter_and_per_year(demo_opslag, monkeypatch, trajecten):
    db, _ = demo_opslag
    van, tot = hele_periode(trajecten)
    app = open_app(db, monkeypatch, van, tot)
    gestart = in_periode(trajecten, van, tot)

    for per, kop in (("kwartaal", "Startkwartaal"), ("jaar", "Startjaar")):
        app.radio(key="uitval_cohort_per").set_value(per).run()
        assert not app.exception
        tabel = tabel_met(app, kop)
        verwacht = verwachte_cohorten(gestart, per)
        assert tabel[kop].tolist() == verwacht["label"].tolist()
        for kolom in ("Instroom", "Nog lopend", "Uitgevallen"):
            assert tabel[kolom].tolist() == verwacht[kolom].tolist(), (per, kolom)
        for n in (3, 6, 12):
            kolom = f"Uitval binnen {n} maanden (%)"
            np.testing.assert_array_equal(tabel[kolom].to_numpy(dtype=float), verwacht[kolom].to_numpy(dtype=float))
            # a cohort no traject of which can be followed n months shows no value and says why, not 0
            te_jong = verwacht[kolom].isna()
            assert all(f"{n}" in t and "te jong" in t.lower() for t in tabel.loc[te_jong, "Toelichting"]), (per, n)
        assert verwacht["Uitval binnen 12 maanden (%)"].isna().any()  # the demo's young cohorts are open

        spec = grafiek(app, "Uitval binnen 3, 6 en 12 maanden")
        bars = {t["name"]: t for t in spec["data"] if t.get("name", "").startswith("Binnen")}
        # a bar only for a cohort that can be followed n months in full ("nog open" otherwise: over part of a cohort,
        # within 12 months could stand below within 6 and read as a fall)
        for n in (3, 6, 12):
            getekend = np.round(100 * reeks(bars[f"Binnen {n} maanden"]["y"]), 1)
            heel = verwacht[f"Uitval binnen {n} maanden (%)"].where(verwacht[f"heel {n}"])
            np.testing.assert_array_equal(getekend, heel.to_numpy(dtype=float))
            bij = [t for t in spec["data"] if t.get("legendgroup") == str(n) and not t.get("showlegend", True)]
            woorden = bij[0]["text"] if bij else [""] * len(verwacht)
            assert all(w == "nog open" for w, h, v in zip(woorden, verwacht[f"heel {n}"], verwacht[
                f"Uitval binnen {n} maanden (%)"], strict=True) if not h and not pd.isna(v))
            binnen_6 = verwacht["Uitval binnen 6 maanden (%)"].where(verwacht["heel 6"])
            if n == 12:  # drawn bars never fall from 6 to 12 months: they are over the same trajecten
                assert (heel.dropna() >= binnen_6[heel.notna()]).all()
        # and the caption says that "nog open" has no percentage yet, not that one is shown that may still rise
        assert any("bij 'nog open' is een deel van het cohort nog niet zo lang te volgen: het percentage kan dan nog "
                   "stijgen en staat er pas als het hele cohort zo lang te volgen is." in c.value for c in app.caption)

    teller, noemer = 0, 0
    for n in (3, 6, 12):
        volgbaar, uitval = uitval_binnen(gestart, n)
        assert tegels(app)[f"Uitval binnen {n} maanden"] == nl_pct(uitval.sum() / volgbaar.sum())
        if n == 12:
            teller = int((volgbaar & uitval_binnen(gestart, 3)[1]).sum())
            noemer = int(uitval.sum())
    assert tegels(app)["Uitgevallen"] == str(int(is_uitval(gestart).sum()))
    # the demo's story: most uitval within a year happens in the first three months
    assert teller / noemer > 0.5
    assert any(f"{round(100 * teller / noemer)}% van de uitval binnen 12 maanden" in m.value for m in app.markdown)


def test_a_sector_filter_changes_every_number_accordingly(demo_opslag, monkeypatch, trajecten):
    db, _ = demo_opslag
    van, tot = hele_periode(trajecten)
    app = open_app(db, monkeypatch, van, tot)
    voor = tabel_met(app, "Startkwartaal")
    app.multiselect(key="filter_sectoren").set_value(["schoonmaak"]).run()
    assert not app.exception

    schoonmaak = in_periode(trajecten[trajecten["sector"] == "schoonmaak"], van, tot)
    tabel = tabel_met(app, "Startkwartaal")
    verwacht = verwachte_cohorten(schoonmaak, "kwartaal")
    assert tabel["Instroom"].tolist() == verwacht["Instroom"].tolist()
    assert tabel["Uitgevallen"].tolist() == verwacht["Uitgevallen"].tolist()
    assert tabel["Instroom"].sum() < voor["Instroom"].sum()
    volgbaar, uitval = uitval_binnen(schoonmaak, 3)
    assert tegels(app)["Uitval binnen 3 maanden"] == nl_pct(uitval.sum() / volgbaar.sum())

    pareto = grafiek(app, "Redenen van uitval")["data"][0]
    verwacht_redenen = schoonmaak[is_uitval(schoonmaak)]["reden_uitval"].fillna("onbekend").value_counts()
    assert reeks(pareto["y"]).sum() == int(verwacht_redenen.sum())


# --- 2. time to uitval -------------------------------------------------------------------------------------


def test_kaplan_meier_by_hand_with_ties_and_censoring_and_against_lifelines():
    # durations in months; 1 = uitval, 0 = censored (still lopend, afgerond or gone to paid work)
    duur = [1, 2, 2, 3, 3, 3, 4, 5, 5, 6]
    gebeurd = [1, 1, 0, 1, 1, 0, 0, 1, 0, 1]
    km = kaplan_meier(duur, gebeurd).set_index("tijd")
    # by hand: at 1, 10 at risk, 1 event -> 9/10; at 2, 9 at risk, 1 event (and 1 censored) -> 9/10 * 8/9;
    # at 3, 7 at risk, 2 events -> 8/10 * 5/7; at 5, 3 at risk, 1 event -> * 2/3; at 6, 1 at risk, 1 event -> 0
    verwacht = {0: 1, 1: 0.9, 2: 0.8, 3: 0.8 * 5 / 7, 4: 0.8 * 5 / 7, 5: 0.8 * 5 / 7 * 2 / 3, 6: 0.0}
    for tijd, s in verwacht.items():
        assert km.loc[tijd, "overleving"] == pytest.approx(s), tijd
    assert km.loc[3, "at_risk"] == 7 and km.loc[3, "gebeurtenissen"] == 2 and km.loc[3, "gecensureerd"] == 1
    # exponential Greenwood at t = 1 by hand: V = 1 / (10 * 9); S ** exp(+-z sqrt(V) / log S)
    v, s, z = 1 / 90, 0.9, 1.959963984540054
    assert km.loc[1, "onder"] == pytest.approx(s ** np.exp(-z * np.sqrt(v) / np.log(s)))
    assert km.loc[1, "boven"] == pytest.approx(s ** np.exp(z * np.sqrt(v) / np.log(s)))
    vergelijk_met_lifelines(km.reset_index(), duur, gebeurd)
    # an event at month 0 and fractional months, all censored at the end
    vergelijk_met_lifelines(kaplan_meier([0, 0, 0.5, 1.25, 1.25, 7], [1, 0, 1, 1, 0, 0]),
                            [0, 0, 0.5, 1.25, 1.25, 7], [1, 0, 1, 1, 0, 0])


def test_kaplan_meier_of_the_read_side_matches_lifelines_on_the_demo_per_sector(demo_opslag, monkeypatch, trajecten):
    db, _ = demo_opslag
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    van, tot = hele_periode(trajecten)
    gestart = in_periode(trajecten, van, tot)
    resultaat = tijd_tot_uitval(Filters(van, tot, kijker=BEHEERDER), "sector")

    grootte = naar_grootte(gestart["sector"])
    assert resultaat.groepen["groep"].tolist() == grootte.index[:6].tolist()
    assert resultaat.groepen["trajecten"].tolist() == grootte.iloc[:6].tolist()
    assert resultaat.weggelaten_groepen == len(grootte) - 6
    assert resultaat.weggelaten_trajecten == int(grootte.iloc[6:].sum())
    for sector in resultaat.groepen["groep"]:
        deel = gestart[gestart["sector"] == sector]
        duur, gebeurd = duur_en_uitval(deel)
        km = resultaat.curves[resultaat.curves["groep"] == sector].reset_index(drop=True)
        vergelijk_met_lifelines(km, duur, gebeurd, MIN_TRAJECTEN)

    alles = tijd_tot_uitval(Filters(van, tot, kijker=BEHEERDER), "")
    vergelijk_met_lifelines(alles.curves, *duur_en_uitval(gestart), MIN_TRAJECTEN)
    # the demo's story: uitval comes early, and differs by sector
    s = alles.curves.set_index("tijd")["overleving"]
    drie, twaalf = 1 - s[s.index <= 3].iloc[-1], 1 - s[s.index <= 12].iloc[-1]
    assert drie / twaalf > 0.5


def test_the_page_draws_a_curve_and_band_per_group_and_says_which_groups_are_left_out(
    demo_opslag, monkeypatch, trajecten
):
    db, _ = demo_opslag
    van, tot = hele_periode(trajecten)
    app = open_app(db, monkeypatch, van, tot)
    assert app.selectbox(key="uitval_uitsplitsen").options == [
        "Niet uitsplitsen", "Sector", "Doelgroep", "Stroom", "Route", "Organisatie", "Werkgever"
    ]
    app.selectbox(key="uitval_uitsplitsen").set_value("Sector").run()
    assert not app.exception
    spec = grafiek(app, "Deel nog niet uitgevallen")
    grootste = naar_grootte(in_periode(trajecten, van, tot)["sector"]).index[:6]
    lijnen = [t for t in spec["data"] if t.get("showlegend") is not False and t.get("name")]
    assert [t["name"] for t in lijnen] == [code_weergave("sector", s) for s in grootste]
    assert sum(1 for t in spec["data"] if t.get("fill") == "tonexty") == 6
    assert spec["layout"]["xaxis"]["title"]["text"] == "Maanden na de start"
    assert any("Alleen de 6 sectoren met de meeste trajecten (minstens 10); 4 andere" in c.value for c in app.caption)

    tabel = tabel_met(app, "Na 3 maanden nog niet uitgevallen")
    groen = in_periode(trajecten[trajecten["sector"] == "groen"], van, tot)
    referentie = lifelines_tabel(*duur_en_uitval(groen))
    op3 = referentie[referentie.index <= 3].iloc[-1]
    rij = tabel[tabel["Sector"] == "Groen"].iloc[0]
    assert rij["Na 3 maanden nog niet uitgevallen"] == (
        f"{nl_pct(op3['overleving'])} ({nl_pct(op3['onder'])} tot {nl_pct(op3['boven'])})"
    )

    app.selectbox(key="filter_periode").set_value("Vorig jaar").run()
    app.selectbox(key="uitval_uitsplitsen").set_value("Werkgever").run()
    assert not app.exception
    assert any("Alleen trajecten bij een werkgever" in c.value for c in app.caption)
    # every werkgever named in the legend has a drawn curve: the groups are those with at least 10 trajecten
    vorig_jaar = trajecten[trajecten["startdatum"].dt.year == trajecten["peildatum"].max().year - 1]
    grootte = naar_grootte(vorig_jaar["werkgever"].dropna())
    verwacht = [w for w, n in grootte.items() if n >= 10][:6]
    lijnen = [t for t in grafiek(app, "Deel nog niet uitgevallen")["data"] if t.get("showlegend") is not False]
    assert [html.unescape(t["name"]) for t in lijnen] == verwacht  # as plotly draws them ("&amp;" is "&")
    assert tabel_met(app, "Werkgever")["Werkgever"].tolist() == verwacht


# --- 3. redenen (Pareto) -----------------------------------------------------------------------------------


def test_pareto_of_the_redenen_matches_the_views(demo_opslag, monkeypatch, trajecten):
    db, _ = demo_opslag
    van, tot = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
    app = open_app(db, monkeypatch, van, tot)
    gestart = in_periode(trajecten, van, tot)
    verwacht = (
        gestart[is_uitval(gestart)]["reden_uitval"].fillna("onbekend").value_counts()
        .rename_axis("reden").reset_index().sort_values(["count", "reden"], ascending=[False, True])
    )
    spec = grafiek(app, "Redenen van uitval")
    staven, lijn = spec["data"]
    assert staven["x"] == [code_weergave("reden_uitval", r) for r in verwacht["reden"]]
    assert reeks(staven["y"]).tolist() == verwacht["count"].tolist()
    np.testing.assert_allclose(reeks(lijn["y"]), verwacht["count"].cumsum() / verwacht["count"].sum())
    assert "Voortijdig naar betaald werk" not in staven["x"]
    naar_werk = int(((gestart["status"] == "uitgevallen") & (gestart["reden_uitval"] == "werk")).sum())
    assert any(f"Niet meegeteld: {naar_werk} trajecten" in c.value for c in app.caption)


def test_a_selection_without_uitval_says_so_instead_of_failing(demo_opslag, monkeypatch, trajecten):
    """Found by the benchmark: a gemeente and sector with no uitval at all (an empty Pareto) broke the page."""
    db, _ = demo_opslag
    van, tot = dt.date(2026, 1, 1), dt.date(2026, 10, 31)
    gestart = in_periode(trajecten, van, tot)
    zonder = gestart.groupby(["gemeentecode", "sector"]).filter(lambda g: not is_uitval(g).any())
    gemeente, sector = zonder[["gemeentecode", "sector"]].iloc[0]
    app = open_app(db, monkeypatch, van, tot)
    app.multiselect(key="filter_gemeenten").set_value([gemeente]).run()
    app.multiselect(key="filter_sectoren").set_value([sector]).run()
    assert not app.exception, app.exception
    assert "Geen uitval in deze periode en selectie." in [i.value for i in app.info]


# --- 4. werkgevers and praktijkopleiders -------------------------------------------------------------------


def verwachte_lijst(df: pd.DataFrame, sleutels: list[str]) -> tuple[pd.DataFrame, float]:
    volgbaar, uitval = uitval_binnen(df, 3)
    te_volgen = df[volgbaar].assign(uitval=uitval[volgbaar])
    gemiddelde = te_volgen["uitval"].mean()
    per = te_volgen.dropna(subset=[sleutels[0]]).groupby(sleutels)["uitval"].agg(["size", "sum"]).reset_index()
    per = per[per["size"] >= 10]
    per = per[per["sum"] / per["size"] > gemiddelde].copy()
    per["aandeel"] = per["sum"] / per["size"]
    per["duidelijk"] = [
        binomtest(int(k), int(n)).proportion_ci(0.95, method="wilson").low > gemiddelde
        for k, n in zip(per["sum"], per["size"], strict=True)
    ]
    return per.sort_values(["aandeel", "size", sleutels[0]], ascending=[False, False, True]), gemiddelde


def test_werkgevers_and_praktijkopleiders_above_average_match_the_views(demo_opslag, monkeypatch, trajecten):
    db, _ = demo_opslag
    van, tot = hele_periode(trajecten)
    app = open_app(db, monkeypatch, van, tot)
    gestart = in_periode(trajecten, van, tot)

    werkgevers = tabel_met(app, "Werkgever")
    verwacht, gemiddelde = verwachte_lijst(gestart, ["werkgever"])
    assert werkgevers["Werkgever"].tolist() == verwacht["werkgever"].tolist()
    assert werkgevers["Trajecten"].tolist() == verwacht["size"].tolist()
    assert werkgevers["Uitgevallen binnen 3 maanden"].tolist() == verwacht["sum"].tolist()
    assert werkgevers["Uitval (%)"].tolist() == [round(100 * a, 1) for a in verwacht["aandeel"]]
    assert werkgevers["Duidelijk hoger"].tolist() == ["ja" if d else "nee" for d in verwacht["duidelijk"]]
    assert any(f"gemiddelde van {nl_pct(gemiddelde)}" in c.value for c in app.caption)
    assert "ja" in werkgevers["Duidelijk hoger"].tolist() and "nee" in werkgevers["Duidelijk hoger"].tolist()

    opleiders = tabel_met(app, "Praktijkopleider")
    verwacht, _ = verwachte_lijst(gestart, ["praktijkopleider", "organisatie"])
    assert list(zip(opleiders["Praktijkopleider"], opleiders["Organisatie"], strict=True)) == list(
        zip(verwacht["praktijkopleider"], verwacht["organisatie"], strict=True)
    )
    assert opleiders["Trajecten"].tolist() == verwacht["size"].tolist()


def test_names_are_shown_only_when_the_access_rule_allows_it(demo_opslag, monkeypatch, trajecten):
    """The access rule (toegang.beleid.mag_namen_zien): not in the presentatiemodus, not for other roles
    (tests/test_afscherming_paginas.py)."""
    db, _ = demo_opslag
    app = open_app(db, monkeypatch, *hele_periode(trajecten))
    assert "Werkgever" in app.selectbox(key="uitval_uitsplitsen").options
    app.sidebar.toggle(key="presentatiemodus").set_value(True).run()
    assert "Werkgever" not in app.selectbox(key="uitval_uitsplitsen").options
    assert not any("Werkgever" in d.value.columns or "Praktijkopleider" in d.value.columns for d in app.dataframe)
    assert any("niet zichtbaar" in c.value for c in app.caption)


# --- early exit to paid work is not uitval -----------------------------------------------------------------


def test_early_exit_to_paid_work_is_not_uitval(db, tmp_path, monkeypatch):
    start = dt.date(2025, 1, 6)
    rijen = [
        KANDIDATEN_KOP,
        kandidaat("W1", Startdatum=start, Status="Gestopt", Einddatum=dt.date(2025, 2, 3), **{
            "Reden uitval": "Naar werk", "Uitstroom": "Regulier werk"}),
        kandidaat("W2", Startdatum=start, Status="Gestopt", Einddatum=dt.date(2025, 2, 17), **{
            "Reden uitval": "Betaald werk", "Uitstroom": "Regulier werk"}),
        kandidaat("U1", Startdatum=start, Status="Gestopt", Einddatum=dt.date(2025, 2, 3), **{
            "Reden uitval": "Motivatie"}),
        *[kandidaat(f"L{i}", Startdatum=start) for i in range(7)],
    ]
    resultaat = ingest(db, schrijf_xlsx(tmp_path / "kandidaten.xlsx", rijen))
    assert resultaat.returncode == 0, resultaat.stdout
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    gezien = lees_trajecten(db)
    assert (gezien["reden_uitval"] == "werk").sum() == 2

    km = tijd_tot_uitval(Filters(dt.date(2025, 1, 1), dt.date(2025, 12, 31), kijker=BEHEERDER))
    assert km.groepen["uitval"].tolist() == [1]
    assert km.curves["gebeurtenissen"].sum() == 1
    assert km.curves["overleving"].iloc[-1] == pytest.approx(0.9)  # 1 of 10, the two to werk censored

    app = open_app(db, monkeypatch, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert tegels(app)["Uitgevallen"] == "1"
    assert tegels(app)["Uitval binnen 3 maanden"] == "10,0%"
    assert tabel_met(app, "Startkwartaal")["Uitgevallen"].tolist() == [1]
    staven = grafiek(app, "Redenen van uitval")["data"][0]
    assert staven["x"] == ["Motivatie"] and reeks(staven["y"]).tolist() == [1]
    assert any("Niet meegeteld: 2 trajecten die voortijdig stopten voor betaald werk" in c.value for c in app.caption)
