"""The Sectorvergelijking page, driven through the entrance as a user would, checked column by column against
numbers computed here independently from the analyst views `trajecten` and `vraag` (pandas, per metrics.md)."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from basis.referentie import code_weergave
from tests.conftest import analistenviews, demo_app

TOTAAL = "Hele selectie"
MAANDNAMEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december")  # fmt: skip
AFRONDING = 0.05 + 1e-9  # a value shown with one decimal is at most half a tenth from the exact value


@pytest.fixture(scope="module")
def views(demo_opslag):
    alles = analistenviews(demo_opslag[0])
    return alles["trajecten"], alles["vraag"]


@pytest.fixture
def app(demo_opslag, monkeypatch) -> AppTest:
    return demo_app(demo_opslag, monkeypatch, timeout=90)

# --- the numbers, computed here from the analyst views -----------------------------------------------------


def halfjaar_grenzen(jaar: int, helft: int) -> tuple[pd.Timestamp, pd.Timestamp]:
    return (pd.Timestamp(jaar, 1, 1), pd.Timestamp(jaar, 6, 30)) if helft == 1 else (
        pd.Timestamp(jaar, 7, 1), pd.Timestamp(jaar, 12, 31))


def vorig_halfjaar(jaar: int, helft: int) -> tuple[int, int]:
    return (jaar, 1) if helft == 2 else (jaar - 1, 2)


def halfjaar_naam(jaar: int, helft: int) -> str:
    return f"{helft}e halfjaar {jaar}"


def per_sector(trajecten: pd.DataFrame, vraag: pd.DataFrame, jaar: int, helft: int, k: int = 6) -> pd.DataFrame:
    """Per sector code, and a row TOTAAL over all trajecten (not summed from the sectors), one half year."""
    van, tot = halfjaar_grenzen(jaar, helft)
    t = trajecten.copy()
    # The latest peildatum of each organisatie decides who could be followed 6 months (metrics.md).
    t["laatste"] = t.groupby("organisatie")["peildatum"].transform("max")
    t["gestart"] = t["startdatum"].between(van, tot)
    # Lopend at the end of the half year: started by then and not yet ended. (The demo's exports are consistent
    # snapshots of one history, so this is what the export of that date said.)
    t["lopend_op"] = (t["startdatum"] <= tot) & (t["einddatum"].isna() | (t["einddatum"] > tot))
    pv = t["praktijkverklaring_datum"].fillna(t["einddatum"].where(t["status"] == "afgerond"))
    t["pv"] = pv.between(van, tot)
    t["te_volgen"] = t["gestart"] & (t["startdatum"] + pd.DateOffset(months=6) <= t["laatste"])
    uitval = (t["status"] == "uitgevallen") & (t["reden_uitval"] != "werk")
    t["uitval6"] = t["te_volgen"] & uitval & (t["einddatum"] < t["startdatum"] + pd.DateOffset(months=6))
    t["beeindigd"] = (t["status"] != "lopend") & t["einddatum"].between(van, tot)
    naar_werk = (t["uitstroom"] == "betaald_werk") | ((t["status"] == "uitgevallen") & (t["reden_uitval"] == "werk"))
    t["werk"] = t["beeindigd"] & naar_werk

    laatste_maand = pd.Timestamp(tot.year, tot.month, 1)
    venster = vraag[vraag["maand"].between(laatste_maand - pd.DateOffset(months=11), laatste_maand)]
    per_maand = venster.groupby(["sector", "beroep", "maand"])["aantal"].sum()
    groepen = pd.DataFrame({
        "maanden": (per_maand >= 1).groupby(level=["sector", "beroep"]).sum(),
        "gemiddeld": per_maand.groupby(level=["sector", "beroep"]).sum() / 12,
    })
    structureel = groepen[groepen["maanden"] >= k].groupby(level="sector")["gemiddeld"].sum()

    kolommen = ["gestart", "lopend_op", "pv", "te_volgen", "uitval6", "beeindigd", "werk"]
    sectoren = t.groupby("sector")[kolommen].sum()
    sectoren.loc[TOTAAL] = t[kolommen].sum()
    alle = sectoren.index.union(groepen.index.get_level_values("sector").unique())
    uitkomst = sectoren.reindex(alle, fill_value=0).astype(int)
    uitkomst["structureel"] = structureel.reindex(alle, fill_value=0.0)
    uitkomst.loc[TOTAAL, "structureel"] = structureel.sum()
    noemer = uitkomst["te_volgen"].where(uitkomst["te_volgen"] > 0)
    uitkomst["uitval_aandeel"] = uitkomst["uitval6"] / noemer
    uitkomst["werk_aandeel"] = uitkomst["werk"] / uitkomst["beeindigd"].where(uitkomst["beeindigd"] > 0)
    return uitkomst


def verwachte_tabel(trajecten: pd.DataFrame, vraag: pd.DataFrame, jaar: int, helft: int,
                    met_vorig: bool = True) -> pd.DataFrame:
    """The rows the page must show: Dutch sector name as index, TOTAAL last; '<x>_vorig' for the half year before."""
    nu = per_sector(trajecten, vraag, jaar, helft)
    vorig = per_sector(trajecten, vraag, *vorig_halfjaar(jaar, helft)) if met_vorig else nu * float("nan")
    samen = nu.join(vorig.add_suffix("_vorig"), how="outer")
    getallen = ["gestart", "lopend_op", "pv", "beeindigd", "werk", "structureel"]
    iets = (samen[getallen].fillna(0) != 0).any(axis=1) | (samen[[f"{g}_vorig" for g in getallen]].fillna(0) != 0).any(
        axis=1)
    samen = samen[iets | (samen.index == TOTAAL)]
    samen.index = [i if i == TOTAAL else code_weergave("sector", i) for i in samen.index]
    return samen


def tabel_van(app: AppTest) -> pd.DataFrame:
    """The whole table behind the three parts (each part shows some of its columns), indexed by sector."""
    return app.dataframe[0].value.set_index("Sector")


def gelijk_afgerond(getoond, exact) -> bool:
    if pd.isna(exact):
        return pd.isna(getoond)
    return not pd.isna(getoond) and abs(float(getoond) - float(exact)) <= AFRONDING


def controleer_tabel(app: AppTest, verwacht: pd.DataFrame, einde: pd.Timestamp, met_vorig: bool = True) -> None:
    """Every column of the table against the independent numbers, sector by sector, and the order."""
    tabel = tabel_van(app)
    assert list(tabel.index) == [*[s for s in tabel.index if s != TOTAAL], TOTAAL]
    assert set(tabel.index) == set(verwacht.index)
    instroom = tabel["Instroom"].drop(TOTAAL)
    assert list(instroom) == sorted(instroom, reverse=True), "most instroom first"

    lopend_kop = f"Lopend op {einde.day} {MAANDNAMEN[einde.month - 1]} {einde.year}"
    for sector, v in verwacht.iterrows():
        rij = tabel.loc[sector]
        aantallen = {
            "Instroom": "gestart", lopend_kop: "lopend_op", "Praktijkverklaringen": "pv", "Uitstroom naar werk": "werk",
            "Beëindigde trajecten": "beeindigd", "Uitval: te volgen trajecten": "te_volgen",
        }
        for kolom, naam in aantallen.items():
            assert rij[kolom] == v[naam], (sector, kolom)
        for kolom, naam in {
            "Verschil instroom": "gestart", "Verschil lopend": "lopend_op", "Verschil praktijkverklaringen": "pv",
            "Verschil uitstroom naar werk": "werk",
        }.items():
            if met_vorig:
                assert rij[kolom] == v[naam] - v[f"{naam}_vorig"], (sector, kolom)
            else:
                assert pd.isna(rij[kolom]), (sector, kolom)
        assert gelijk_afgerond(rij["Uitval binnen 6 maanden (%)"], 100 * v["uitval_aandeel"]), sector
        assert gelijk_afgerond(rij["Uitstroom naar werk (%)"], 100 * v["werk_aandeel"]), sector
        assert gelijk_afgerond(rij["Structurele vraag (plekken per maand)"], v["structureel"]), sector
        assert gelijk_afgerond(
            rij["Verschil uitval (procentpunt)"], 100 * (v["uitval_aandeel"] - v["uitval_aandeel_vorig"])
        ), sector
        assert gelijk_afgerond(
            rij["Verschil uitstroom naar werk (procentpunt)"], 100 * (v["werk_aandeel"] - v["werk_aandeel_vorig"])
        ), sector
        assert gelijk_afgerond(rij["Verschil structurele vraag"], v["structureel"] - v["structureel_vorig"]), sector

    # The three parts on screen show every column of the table (and the download holds them all).
    getoond = {kolom for deel in app.dataframe for kolom in deel.proto.column_order}
    assert len(app.dataframe) == 3
    assert getoond == set(app.dataframe[0].value.columns)


def controleer_grafiek(app: AppTest, verwacht: pd.DataFrame, nu: str, vorig: str | None) -> None:
    """The small multiples: one chart per measure, two to a figure (a row prints whole on A4), the sectors in the
    table's order in every chart, the values of this half year and the one before, and the whole selection's share
    as a dotted line; the title on the first figure, the legend (with the dotted line) on each."""
    specs = [json.loads(g.proto.spec) for g in app.get("plotly_chart")[:3]]
    volgorde = [s for s in tabel_van(app).index if s != TOTAAL]
    maten = {
        "Instroom": ("gestart", 1), "Lopend aan het eind": ("lopend_op", 1), "Praktijkverklaringen": ("pv", 1),
        "Uitval binnen 6 maanden": ("uitval_aandeel", 100), "Uitstroom naar werk": ("werk_aandeel", 100),
        "Structurele vraag": ("structureel", 1),
    }
    panelen = []  # (figure, axis) per measure, in order
    for spec in specs:
        titels = [a["text"] for a in spec["layout"]["annotations"]][:2]
        panelen += [(spec, "x" if j == 0 else f"x{j + 1}", titel) for j, titel in enumerate(titels)]
    assert [titel for _, _, titel in panelen] == list(maten)
    assert [spec["layout"]["showlegend"] for spec in specs] == [True, True, True]  # a row may start a sheet
    assert "Sectoren in het" in specs[0]["layout"]["title"]["text"]
    assert all(not spec["layout"].get("title", {}).get("text") for spec in specs[1:])
    for (spec, as_, naam), (kolom_nu, factor) in zip(panelen, maten.values(), strict=True):
        staven = [t for t in spec["data"] if t["type"] == "bar"]
        in_paneel = {t["name"]: t for t in staven if t["xaxis"] == as_}
        assert set(in_paneel) == ({nu, vorig} if vorig else {nu})
        for reeks, kolom in ((nu, kolom_nu), (vorig, f"{kolom_nu}_vorig")):
            if reeks is None:
                continue
            staaf = in_paneel[reeks]
            assert staaf["y"] == volgorde
            verwachte_waarden = [factor * verwacht.loc[s, kolom] for s in volgorde]
            for getekend, exact in zip(staaf["x"], verwachte_waarden, strict=True):
                assert (getekend is None) if pd.isna(exact) else getekend == pytest.approx(exact), (naam, reeks)
    totaal = verwacht.loc[TOTAAL]
    for (spec, as_, _), kolom in ((panelen[3], "uitval_aandeel"), (panelen[4], "werk_aandeel")):
        lijnen = {vorm["xref"]: vorm["x0"] for vorm in spec["layout"].get("shapes", [])}
        if pd.isna(totaal[kolom]):
            assert as_ not in lijnen
        else:
            assert lijnen[as_] == pytest.approx(100 * totaal[kolom])
    for spec in specs:
        lijn_genoemd = any(t.get("mode") == "lines" and t.get("name", "").startswith("Hele selectie")
                           for t in spec["data"])
        assert lijn_genoemd == totaal[["uitval_aandeel", "werk_aandeel"]].notna().any()


def laatste_volledige_halfjaar(peildatum: pd.Timestamp) -> tuple[int, int]:
    jaar, helft = peildatum.year, 1 if peildatum.month <= 6 else 2
    _, einde = halfjaar_grenzen(jaar, helft)
    return (jaar, helft) if peildatum >= einde else vorig_halfjaar(jaar, helft)


def open_pagina(app: AppTest) -> AppTest:
    app.run()
    app.switch_page("pages/sectoren.py").run()
    assert not app.exception
    return app


# --- the tests --------------------------------------------------------------------------------------------


def test_default_half_year_is_the_last_complete_one_and_every_column_matches_the_views(app, views):
    trajecten, vraag = views
    jaar, helft = laatste_volledige_halfjaar(trajecten["peildatum"].max())
    assert (jaar, helft) == (2026, 1)  # the demo's latest peildatum is 31-10-2026
    open_pagina(app)

    assert app.selectbox(key="sectoren_halfjaar").value == f"{jaar}-{helft}"
    assert app.title[0].value == f"Sectorvergelijking {halfjaar_naam(jaar, helft)}"
    assert any("periode uit de filters doet op deze pagina niet mee" in c.value for c in app.caption)
    verwacht = verwachte_tabel(trajecten, vraag, jaar, helft)
    controleer_tabel(app, verwacht, halfjaar_grenzen(jaar, helft)[1])
    controleer_grafiek(app, verwacht, halfjaar_naam(jaar, helft), halfjaar_naam(*vorig_halfjaar(jaar, helft)))


def test_the_demo_story_structural_sectors_and_differing_uitval(app, views):
    open_pagina(app)
    tabel = tabel_van(app).drop(TOTAAL)
    structureel = tabel["Structurele vraag (plekken per maand)"].sort_values(ascending=False)
    assert set(structureel.index[:3]) == {"Schoonmaak", "Logistiek", "Groen"}
    uitval = tabel.loc[tabel["Uitval: te volgen trajecten"] >= 10, "Uitval binnen 6 maanden (%)"]
    assert uitval.max() - uitval.min() >= 20, "sectors differ in uitval"


def test_another_half_year_is_compared_with_the_one_before_it(app, views):
    trajecten, vraag = views
    open_pagina(app)
    opties = app.selectbox(key="sectoren_halfjaar").options
    assert opties[0] == "1e halfjaar 2026" and "2e halfjaar 2026" not in opties  # the running one is not offered
    app.selectbox(key="sectoren_halfjaar").set_value("2025-2").run()
    assert not app.exception
    assert app.title[0].value == "Sectorvergelijking 2e halfjaar 2025"
    verwacht = verwachte_tabel(trajecten, vraag, 2025, 2)
    controleer_tabel(app, verwacht, pd.Timestamp(2025, 12, 31))
    controleer_grafiek(app, verwacht, "2e halfjaar 2025", "1e halfjaar 2025")


def test_a_gemeente_filter_narrows_trajecten_and_vraag(app, views):
    trajecten, vraag = views
    open_pagina(app)
    app.multiselect(key="filter_gemeenten").set_value(["GM0296"]).run()
    assert not app.exception
    wijchen = trajecten[trajecten["gemeentecode"] == "GM0296"]
    # Vraag without a gemeente counts for every gemeente of the region (selectie.sql: vraag_in_selectie).
    vraag_wijchen = vraag[(vraag["gemeentecode"] == "GM0296") | vraag["gemeentecode"].isna()]
    verwacht = verwachte_tabel(wijchen, vraag_wijchen, 2026, 1)
    controleer_tabel(app, verwacht, pd.Timestamp(2026, 6, 30))
    controleer_grafiek(app, verwacht, "1e halfjaar 2026", "2e halfjaar 2025")
    assert tabel_van(app).loc[TOTAAL, "Instroom"] < trajecten["startdatum"].between("2026-01-01", "2026-06-30").sum()


def test_the_first_half_year_has_no_comparison_and_says_it_is_incomplete(app, views):
    trajecten, vraag = views
    open_pagina(app)
    eerste = app.selectbox(key="sectoren_halfjaar").options[-1]
    assert eerste == "2e halfjaar 2023"  # the demo starts in november 2023
    app.selectbox(key="sectoren_halfjaar").set_value("2023-2").run()
    assert not app.exception
    assert any("onvolledig" in w.value for w in app.warning)
    assert any("geen gegevens" in c.value for c in app.caption)
    assert not any("lichtblauw" in c.value for c in app.caption)  # nothing to compare with, so no second bar
    verwacht = verwachte_tabel(trajecten, vraag, 2023, 2, met_vorig=False)
    controleer_tabel(app, verwacht, pd.Timestamp(2023, 12, 31), met_vorig=False)
    controleer_grafiek(app, verwacht, "2e halfjaar 2023", None)


def test_uitval_is_left_empty_where_nobody_could_be_followed_yet(app, views):
    trajecten, _ = views
    open_pagina(app)
    tabel = tabel_van(app)
    leeg = tabel[tabel["Uitval: te volgen trajecten"] == 0]
    assert not leeg.empty and leeg["Uitval binnen 6 maanden (%)"].isna().all()
    assert any("'–' is niet te bepalen" in c.value for c in app.caption)
    # Only trajecten started at least 6 months before the latest peildatum count: fewer than all started.
    assert tabel.loc[TOTAAL, "Uitval: te volgen trajecten"] < tabel.loc[TOTAAL, "Instroom"]


def test_the_download_holds_the_table_with_numbers_as_numbers(app):
    from weergave.downloads import csv_bytes

    open_pagina(app)
    tabel = app.dataframe[0].value
    for kolom in tabel.columns.drop("Sector"):
        assert pd.api.types.is_numeric_dtype(tabel[kolom]), kolom
    regels = csv_bytes(tabel).decode("utf-8-sig").splitlines()
    assert regels[0].split(";")[0] == "Sector" and regels[-1].startswith(f"{TOTAAL};")
    knoppen = [k.label for k in app.get("download_button")]
    assert knoppen == ["Download Excel", "Download CSV"]


@pytest.mark.parametrize(
    ("laatste_peildatum", "nieuwste"),
    [("2026-10-31", (2026, 1)), ("2026-12-31", (2026, 2)), ("2026-06-30", (2026, 1)), ("2026-06-29", (2025, 2))],
)
def test_only_half_years_complete_at_the_latest_peildatum_are_offered(laatste_peildatum, nieuwste):
    from analytics.sectoren import halfjaren

    aangeboden = halfjaren(pd.Timestamp("2024-03-15").date(), pd.Timestamp(laatste_peildatum).date())
    assert (aangeboden[0].jaar, aangeboden[0].helft) == nieuwste
    assert (aangeboden[-1].jaar, aangeboden[-1].helft) == (2024, 1)  # the half year the data starts in
    assert [(h.jaar, h.helft) for h in aangeboden] == sorted(((h.jaar, h.helft) for h in aangeboden), reverse=True)
