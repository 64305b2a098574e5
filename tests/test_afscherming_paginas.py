"""What each role sees: exact numbers only where the viewer owns them, no count 0-4 of anyone else on any
page or in any table (downloads are built from the same tables), no hidden cell recoverable from the tiles."""

from __future__ import annotations

import datetime as dt
import json
import re

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analytics.onderdrukking import is_afgeschermd
from tests.conftest import ROOT, als_getoond, demo_kopie_met_rollen, rollen_toml
from tests.test_onderdrukking import bereik

ROLLEN = rollen_toml("beheer@regio.example")
BEHEERDER, WIJCHEN, REGIO = "beheer@regio.example", "a.jansen@wijchen.example", "consortium@regio.example"
PAGINAS = ["pages/overzicht.py", "pages/instroom.py", "pages/uitval.py", "pages/resultaten.py",
           "pages/structurele_vraag.py", "pages/sectoren.py"]
MENSEN = ("Instroom", "Unieke kandidaten", "Lopend", "Lopende trajecten", "Praktijkverklaringen",
          "Uitstroom naar werk", "Beëindigde trajecten", "Uitval: te volgen trajecten", "Trajecten", "Uitval",
          "Uitgevallen", "Nog lopend", "Gestart", "Praktijkverkl", "→ ", "Vroeg werk", "Werk na PV",
          "Met praktijkverklaring", "Werk na praktijkverklaring")
TEGELS = {"Instroom", "Lopende trajecten", "Praktijkverklaringen", "Uitstroom naar werk", "Instroom (trajecten)",
          "Unieke kandidaten", "Uitgevallen"}


@pytest.fixture
def opslag(demo_opslag, tmp_path, monkeypatch):
    return demo_kopie_met_rollen(demo_opslag, tmp_path, monkeypatch, ROLLEN)


def als(email: str, pagina: str = "pages/overzicht.py", periode: str = "Laatste volledige maand",
        presentatie: bool = False) -> AppTest:
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    app.user = {"is_logged_in": True, "email": email}
    app.run()
    if presentatie:
        app.sidebar.toggle(key="presentatiemodus").set_value(True).run()
    app.selectbox(key="filter_periode").set_value(periode).run()
    if pagina != "pages/overzicht.py":
        app.switch_page(pagina).run()
    assert not app.exception, app.exception
    return app


def mensenkolommen(tabel: pd.DataFrame) -> list[str]:
    """Columns that count people (not shares, changes, places asked by employers or agreements)."""
    return [k for k in tabel.columns if str(k).startswith(MENSEN) and not any(
        woord in str(k) for woord in ("%", "procentpunt", "per maand", "Verschil", "afspraak"))]


KLEIN = {"0", "1", "2", "3", "4"}
EIGEN = {WIJCHEN: {"Wijchen"}}  # rows a gemeente may see exactly: its own


def zonder_eigen(tabel: pd.DataFrame, eigen: set[str]) -> pd.DataFrame:
    return tabel[~tabel["Gemeente"].isin(eigen)] if "Gemeente" in tabel.columns else tabel


def kleine_aantallen(app: AppTest, eigen: set[str] = frozenset()) -> list[tuple[str, object]]:
    """Every count 0-4 the user can read of others than their own gemeente (0 is "<5" too: an exact 0 beside totals
    of other periods says which months had someone): in tiles and in the people columns of every table."""
    gevonden = [(m.label, m.value) for m in app.metric if m.label in TEGELS and m.value in KLEIN]
    for tabel in (zonder_eigen(d.value, eigen) for d in app.dataframe):
        for kolom in mensenkolommen(tabel):
            for waarde in tabel[kolom]:  # a number, or its Dutch text where the column also holds "<5"
                if isinstance(waarde, int | np.integer | float) and not pd.isna(waarde) and 0 <= waarde <= 4 or (
                        isinstance(waarde, str) and waarde in KLEIN):
                    gevonden.append((kolom, waarde))
    return gevonden


@pytest.fixture
def downloads(monkeypatch) -> list[tuple[str, pd.DataFrame]]:
    """Every table a page hands to its download buttons (what the Excel and CSV files are made of), without its share
    columns (shares, not counts of people: their protection is to 5 percentage points, see test_downloads_*)."""
    import kader.downloads

    gezien: list[tuple[str, pd.DataFrame]] = []
    echt = kader.downloads.download_knoppen

    def vastleggen(df, naam, sleutel, **opties):
        gezien.append((naam, df.drop(columns=list(opties.get("procenten", ())))))
        echt(df, naam, sleutel, **opties)

    monkeypatch.setattr(kader.downloads, "download_knoppen", vastleggen)
    return gezien


def kleine_aantallen_in(tabellen: list[pd.DataFrame]) -> list[tuple[str, object]]:
    return [(kolom, w) for tabel in tabellen for kolom in mensenkolommen(tabel) for w in tabel[kolom]
            if str(als_getoond(w)) in KLEIN]


def als_getal(waarde: object) -> float | None:
    """A count as a number, also from its Dutch text ("1.234"); None for markers and empty cells."""
    waarde = als_getoond(waarde)
    if isinstance(waarde, str):
        tekst = waarde.replace(".", "")
        return float(tekst) if tekst.isdigit() else None
    return None if waarde is None or pd.isna(waarde) else float(waarde)


def niet_afgerond(tabellen: list[pd.DataFrame], tegels: list[tuple[str, str]] = ()) -> list[tuple[str, object]]:
    """Counts of people shown to someone who does not own them that are not a multiple of 5."""
    gevonden = [(label, w) for label, w in tegels if label in TEGELS and (g := als_getal(w)) is not None and g % 5]
    return gevonden + [(kolom, w) for tabel in tabellen for kolom in mensenkolommen(tabel) for w in tabel[kolom]
                       if (g := als_getal(w)) is not None and g % 5]


@pytest.mark.parametrize("email", [REGIO, WIJCHEN])
@pytest.mark.parametrize("pagina", PAGINAS)
def test_others_see_no_small_count_where_the_beheerder_sees_them(opslag, pagina, email, downloads):
    beheerder = als(BEHEERDER, pagina)
    downloads.clear()
    regio = als(email, pagina)
    eigen = EIGEN.get(email, set())
    assert kleine_aantallen(regio, eigen) == []
    assert downloads and kleine_aantallen_in([zonder_eigen(df, eigen) for _, df in downloads]) == []  # files too
    # and every other count of people is rounded to 5, on screen and in the files (where the beheerder's is not)
    scherm = [zonder_eigen(d.value, eigen) for d in regio.dataframe]
    tegels = [(m.label, m.value) for m in regio.metric]
    assert niet_afgerond(scherm, tegels) == []
    assert niet_afgerond([zonder_eigen(df, eigen) for _, df in downloads]) == []
    beheerder = kleine_aantallen(beheerder)
    if beheerder:  # the page had small numbers to hide: the regio sees the marker instead
        teksten = [str(w) for d in regio.dataframe for k in mensenkolommen(d.value) for w in d.value[k]]
        teksten += [m.value for m in regio.metric]
        assert "<5" in teksten


def test_overzicht_has_small_numbers_in_the_last_month_for_the_beheerder(opslag):
    """The view the other tests use really holds counts of 1-4 and counts that are no multiple of 5 (so their
    absence for others means something)."""
    beheerder = als(BEHEERDER)
    assert kleine_aantallen(beheerder)
    assert niet_afgerond([d.value for d in beheerder.dataframe], [(m.label, m.value) for m in beheerder.metric])


def per_gemeente(app: AppTest) -> pd.DataFrame:
    return next(d.value for d in app.dataframe if "Gemeente" in d.value.columns).set_index("Gemeente")


def test_a_gemeente_sees_its_own_row_exactly_and_the_others_suppressed(opslag):
    exact = per_gemeente(als(BEHEERDER))
    wijchen = per_gemeente(als(WIJCHEN))
    assert wijchen.loc["Wijchen"].astype(str).tolist() == exact.loc["Wijchen"].astype(str).tolist()
    anderen = wijchen.drop(index="Wijchen")
    for kolom in mensenkolommen(anderen):
        assert not any(str(w) in {"1", "2", "3", "4"} for w in anderen[kolom]), kolom
    # and they do differ from the exact table where something was small
    assert (anderen.astype(str) != exact.drop(index="Wijchen").astype(str)).any().any()


def test_a_gemeente_looking_at_its_own_gemeente_gets_exact_tiles(opslag):
    app = als(WIJCHEN)
    app.multiselect(key="filter_gemeenten").set_value(["GM0296"]).run()
    beheerder = als(BEHEERDER)
    beheerder.multiselect(key="filter_gemeenten").set_value(["GM0296"]).run()
    assert [m.value for m in app.metric] == [m.value for m in beheerder.metric]


def test_no_hidden_cell_of_the_gemeente_table_can_be_worked_out_from_the_tiles(opslag):
    exact = per_gemeente(als(BEHEERDER))
    app = als(REGIO)
    zichtbaar = per_gemeente(app)
    tegels = {m.label: m.value for m in app.metric}
    for kolom in ("Instroom", "Lopende trajecten", "Praktijkverklaringen", "Uitstroom naar werk"):
        waarden = exact[kolom].astype(int).tolist()
        cellen = [str(w) if str(w) in {"<5", "x"} else "" for w in zichtbaar[kolom]]
        tegel = tegels[kolom]  # as shown: rounded (a range of sums), "<5" (0 to 4) or "x" (nothing)
        getoond = [int(tegel.replace(".", ""))] if tegel not in {"x", "<5"} else [None]
        for cel, (laag, hoog) in bereik(waarden, [list(range(len(waarden)))], cellen, [False] * len(waarden),
                                        [tegel == "x"], 5, [tegel == "<5"], getoond=getoond).items():
            assert hoog - laag >= 1, (kolom, zichtbaar.index[cel], laag, hoog)


def test_the_presentatiemodus_suppresses_for_the_beheerder_too(opslag):
    assert kleine_aantallen(als(BEHEERDER))
    assert kleine_aantallen(als(BEHEERDER, presentatie=True)) == []


def test_the_cache_does_not_give_the_beheerders_numbers_to_the_regio(opslag):
    """Same process, same questions: the beheerder first fills the cache, the regio still sees suppressed numbers."""
    exact = per_gemeente(als(BEHEERDER))
    regio = per_gemeente(als(REGIO))
    assert kleine_aantallen(als(REGIO)) == []
    assert not exact.astype(str).equals(regio.astype(str))


# --- the ways back to a small number that a review found, each closed ------------------------------------


KOLOMMEN = {"instroom": "Instroom", "lopend": "Lopende trajecten", "praktijkverklaringen": "Praktijkverklaringen",
            "uitstroom_werk": "Uitstroom naar werk"}


def niets_terug_te_rekenen(filters, kijker, eigen: set[str] = frozenset()) -> None:
    """The read side's table per gemeente and its tiles for `kijker`: per count column, what an attacker can
    conclude about each hidden cell (linear programming over the tile total as shown, the shown cells taken as
    exactly known, the own rows the viewer knows, '<5' = 1-4) leaves at least two values. Asked of the read side
    directly, so also for selections the filter bar no longer offers to these viewers (defence in depth)."""
    from dataclasses import replace

    from analytics.kengetallen import kengetallen, kengetallen_per_gemeente
    from toegang.kijker import Kijker

    exact = kengetallen_per_gemeente(replace(filters, kijker=Kijker(BEHEERDER, "beheerder")))
    zichtbaar = kengetallen_per_gemeente(replace(filters, kijker=kijker))
    tegels = kengetallen(replace(filters, kijker=kijker))
    for kolom in KOLOMMEN:
        cellen = [als_getoond(w) if is_afgeschermd(w) else "" for w in zichtbaar[kolom]]
        bekend = [g in eigen for g in zichtbaar["groep"]]
        tegel = als_getoond(getattr(tegels, kolom))
        # the tile as shown: rounded (a range of sums), "<5" (1 to 4) or "x" (nothing)
        for cel, (laag, hoog) in bereik(exact[kolom].astype(int).tolist(), [list(range(len(cellen)))], cellen,
                                        bekend, [tegel == "x"], 5, [tegel == "<5"], getoond=[tegel]).items():
            assert hoog - laag >= 1, (kolom, zichtbaar["groep"][cel], laag, hoog, tegel)


def test_two_small_gemeenten_with_their_total_do_not_give_each_other_away(opslag):
    """Regio, September 2026, Beuningen + Heumen: both '<5' next to a tile of 8 would make both 4."""
    from analytics.filters import Filters
    from toegang.kijker import Kijker

    niets_terug_te_rekenen(Filters(dt.date(2026, 9, 1), dt.date(2026, 9, 30), gemeenten=("GM0209", "GM0252")),
                           Kijker(REGIO, "regio"))


@pytest.mark.parametrize("buur", ["GM1945", "GM0209", "GM0252", "GM0225", "GM0944"])
def test_a_gemeente_with_a_neighbour_cannot_subtract_its_own_row_from_the_tile(opslag, buur):
    from analytics.filters import Filters
    from toegang.kijker import Kijker

    niets_terug_te_rekenen(Filters(dt.date(2026, 10, 1), dt.date(2026, 10, 31), gemeenten=("GM0296", buur)),
                           Kijker(WIJCHEN, "gemeente", ("GM0296",)), eigen={"Wijchen"})


def test_others_choose_one_value_per_filter_and_only_the_fixed_periods(opslag):
    """No small group as the difference of two selections: one value per filter, and no period of their own (with
    every run of months on offer, rounded totals together would pin small months: tests/test_afronding.py)."""
    app = als(REGIO)
    assert app.multiselect(key="filter_gemeenten").proto.max_selections == 1
    assert app.multiselect(key="filter_sectoren").proto.max_selections == 1
    assert app.selectbox(key="filter_periode").options == ["Dit jaar tot nu", "Afgelopen 12 maanden", "Vorig jaar",
                                                           "Laatste volledige maand"]
    assert any("afgerond op 5-tallen" in c.value for c in app.sidebar.caption)
    beheerder = als(BEHEERDER)
    assert beheerder.multiselect(key="filter_gemeenten").proto.max_selections == 0  # no limit
    assert "Zelf kiezen" in beheerder.selectbox(key="filter_periode").options
    assert not any("afgerond op 5-tallen" in c.value for c in beheerder.sidebar.caption)


def test_a_link_with_a_period_of_their_own_falls_back_to_a_fixed_one(opslag):
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    app.user = {"is_logged_in": True, "email": REGIO}
    app.query_params["periode"] = "Zelf kiezen"
    app.query_params["van"], app.query_params["tot"] = "2026-09-08", "2026-09-09"
    app.run()
    assert not app.exception
    assert app.selectbox(key="filter_periode").value == "Dit jaar tot nu"


def test_no_curve_or_share_for_a_group_whose_uitval_is_hidden(opslag):
    """Regio, last year, Nijmegen, split by stroom: 1 of 13 would read as 92,3% not uitgevallen."""
    app = als(REGIO, "pages/uitval.py", periode="Vorig jaar")
    app.multiselect(key="filter_gemeenten").set_value(["GM0268"]).run()
    app.selectbox(key="uitval_uitsplitsen").set_value("Stroom").run()
    assert not app.exception
    tabel = next(d.value for d in app.dataframe if "Trajecten" in d.value.columns and "Uitgevallen" in d.value.columns
                 and any(str(k).startswith("Na ") for k in d.value.columns))
    verborgen = tabel[tabel["Uitgevallen"].astype(str).isin({"<5", "x"})]
    assert not verborgen.empty  # the view really has such a group
    for kolom in [k for k in tabel.columns if str(k).startswith("Na ")]:
        assert set(verborgen[kolom]) == {"afgeschermd (kleine aantallen)"}
    spec = json.loads(next(g for g in app.get("plotly_chart") if "Deel nog niet" in g.proto.spec).proto.spec)
    getekend = {t.get("name") for t in spec["data"]}
    assert not getekend & set(verborgen.iloc[:, 0])
    assert all("Nog gevolgd" not in t.get("hovertemplate", "") for t in spec["data"])


def test_a_cohort_never_has_exactly_one_hidden_part_of_its_instroom(opslag):
    """Asked of the read side over the whole data (every cohort), also beyond the periods the filter bar offers."""
    from analytics.filters import Filters
    from analytics.uitval import uitval_per_cohort
    from toegang.kijker import Kijker

    cohorten = uitval_per_cohort(Filters(dt.date(2023, 11, 1), dt.date(2026, 10, 31),
                                         kijker=Kijker(REGIO, "regio")), "kwartaal")
    for _, rij in cohorten.iterrows():
        delen = [is_afgeschermd(rij[d]) for d in ("uitval", "lopend", "rest")]
        assert sum(delen) != 1, rij[["cohort", "instroom", "uitval", "lopend", "rest"]].tolist()
        if is_afgeschermd(rij["uitval"]):
            assert all(rij[f"aandeel_uitval_{n}"] is None for n in (3, 6, 12))


def test_the_consortium_sees_data_quality_without_trajectnummers_or_counts(opslag):
    app = als(REGIO, "pages/kwaliteit.py")
    assert not app.exception
    assert app.title[0].value == "Datakwaliteit"
    kolommen = {k for d in app.dataframe for k in d.value.columns}
    assert "Trajectnummer" not in kolommen and "Rijen" not in kolommen
    volledig = next(d.value for d in app.dataframe if "Reden uitval" in d.value.columns or len(d.value.columns) > 3
                    and "Organisatie" in d.value.columns and "Soort export" not in d.value.columns)
    assert not any(" van " in str(w) for k in volledig.columns[1:] for w in volledig[k])
    beheerder = als(BEHEERDER, "pages/kwaliteit.py")
    assert any(" van " in str(w) for d in beheerder.dataframe for k in d.value.columns for w in d.value[k])


def test_a_hidden_share_of_a_cohort_is_called_afgeschermd_not_too_young(opslag):
    """Regio, this year per quarter: cohorts that could be followed 3 months but whose share is hidden are labelled
    'afgeschermd' in the chart; 'te jong' only where nobody could be followed yet, which for others follows from the
    calendar (the quarter begins less than 3 months before the peildatum), never from a count of 0 they see as '<5'."""
    from analytics.filters import Filters
    from analytics.kengetallen import periode_grenzen
    from analytics.uitval import uitval_per_cohort
    from toegang.kijker import Kijker
    from weergave.uitvalgrafieken import uitval_binnen_per_cohort

    cohorten = uitval_per_cohort(Filters(dt.date(2026, 1, 1), dt.date(2026, 10, 31), kijker=Kijker(REGIO, "regio")))
    cohorten = cohorten[~cohorten["is_totaal"]]
    grafiek = uitval_binnen_per_cohort(cohorten, "kwartaal", (3,), titel="t")
    teksten = [t for spoor in grafiek.figure.data if spoor.text is not None for t in spoor.text if t in
               {"te jong", "afgeschermd"}]
    peildatum = pd.Timestamp(periode_grenzen()[1])
    verwacht = ["te jong" if c + pd.DateOffset(months=3) > peildatum else "afgeschermd"
                for c, a in zip(cohorten["cohort"], cohorten["aandeel_uitval_3"], strict=True)
                if a is None or (isinstance(a, float) and np.isnan(a))]
    assert "afgeschermd" in verwacht and "te jong" in verwacht and teksten == verwacht


def test_others_see_a_split_per_year_with_the_reason(opslag):
    app = als(REGIO, "pages/instroom.py")
    app.selectbox(key="instroom_uitsplitsen").set_value("Sector").run()
    assert not app.exception, app.exception
    assert any("alleen per jaar te zien" in c.value for c in app.caption)
    tabel = next(d.value for d in app.dataframe if "Sector" in d.value.columns)
    assert set(tabel["Periode"]) == {"2026"}  # 'Laatste volledige maand' (oktober 2026), as a year
    beheerder = als(BEHEERDER, "pages/instroom.py")
    beheerder.selectbox(key="instroom_uitsplitsen").set_value("Sector").run()
    assert not any("alleen per jaar te zien" in c.value for c in beheerder.caption)


def test_others_get_no_unieke_kandidaten_and_are_told_why(opslag):
    """Distinct people do not add up over periods, so they cannot be rounded as a running count: for others the
    tile says why, and the tables leave the column out (a column of x says nothing)."""
    from kader import UNIEK_AFGESCHERMD

    regio = als(REGIO, "pages/instroom.py", periode="Dit jaar tot nu")
    assert "Unieke kandidaten" not in [m.label for m in regio.metric]
    assert UNIEK_AFGESCHERMD in [c.value for c in regio.caption]
    assert all("Unieke kandidaten" not in d.value.columns for d in regio.dataframe)
    overzicht = als(REGIO, periode="Dit jaar tot nu")
    assert not any("unieke kandidaten" in c.value for c in overzicht.caption)
    assert all("Unieke kandidaten" not in d.value.columns for d in overzicht.dataframe)
    beheerder = als(BEHEERDER, "pages/instroom.py", periode="Dit jaar tot nu")
    assert "Unieke kandidaten" in [m.label for m in beheerder.metric]
    assert any("Unieke kandidaten" in d.value.columns for d in beheerder.dataframe)


def test_a_small_gemeente_shows_others_no_zero_and_its_split_does_not_break(opslag):
    """Found in review: for the regio, months and cohorts without anyone were missing rows (charts drew them as 0,
    tables left them out) and the empty page said "geen enkel traject"; and a split by sector with every sector
    '<5' in the last year broke the instroom page. Now every month and cohort is there, as '<5', and a chart with
    nothing to draw is a sentence."""
    app = als(REGIO, "pages/instroom.py", periode="Afgelopen 12 maanden")
    app.multiselect(key="filter_gemeenten").set_value(["GM0944"]).run()
    assert not app.exception
    from kader import ALLES_AFGESCHERMD

    maanden = next(d.value for d in app.dataframe if "Periode" in d.value.columns)
    assert len(maanden) == 12 and set(maanden["Instroom"]) == {"<5"}  # every month, none of them 0
    assert ALLES_AFGESCHERMD.format(d=5) in [i.value for i in app.info]  # not an empty chart frame
    app.selectbox(key="instroom_uitsplitsen").set_value("Sector").run()
    assert not app.exception, app.exception
    uitval = als(REGIO, "pages/uitval.py", periode="Afgelopen 12 maanden")
    uitval.multiselect(key="filter_gemeenten").set_value(["GM0944"]).run()
    uitval.radio(key="uitval_cohort_per").set_value("kwartaal").run()  # others start per year, where 2026 shows 5
    assert not uitval.exception
    assert not any("geen enkel traject" in i.value for i in uitval.info)
    assert ALLES_AFGESCHERMD.format(d=5) in [i.value for i in uitval.info]  # every cohort "<5": no empty charts


def test_a_curve_that_ends_early_for_others_says_why(opslag):
    """Dit jaar tot nu, regio: the curve of all trajecten stops at its last drop of 5 or more uitvallers, months before
    its trajecten stop being followed. The page says so, instead of leaving the stop unexplained (a review read it as
    'uitval stops after 3 months')."""
    import re

    app = als(REGIO, "pages/uitval.py", periode="Dit jaar tot nu")
    zin = next(c.value for c in app.caption if "De lijn stopt na" in c.value)
    stopt, gevolgd = map(int, re.search(r"stopt na (\d+) maanden \(te volgen tot (\d+) maanden\)", zin).groups())
    assert stopt < gevolgd and "minder dan 5 trajecten uit" in zin
    beheerder = als(BEHEERDER, "pages/uitval.py", periode="Dit jaar tot nu")
    assert not any("De lijn stopt na" in c.value for c in beheerder.caption)  # the owner sees the whole curve


def test_a_hidden_number_of_followable_trajecten_is_not_called_none(opslag):
    """Administratie en ICT, Vorig jaar: 4 trajecten could be followed 3 months, shown as "<5"; the tile may not say
    that none could (review)."""
    app = als(REGIO, "pages/uitval.py", periode="Vorig jaar")
    app.multiselect(key="filter_sectoren").set_value(["administratie_ict"]).run()
    assert not app.exception, app.exception
    teksten = [c.value for c in app.caption]
    assert not any(t.startswith("Nog geen traject uit deze periode is 3 maanden") for t in teksten), teksten
    assert any(t.startswith("Te weinig trajecten die al 3 maanden te volgen zijn") for t in teksten), teksten


def test_vraag_gedekt_everywhere_is_not_said_where_the_rounded_instroom_cannot_tell(opslag):
    """Logistiek: vraag 4,75 per maand, instroom shown as 60 in 12 months (56 to 64): gedekt is not to decide, so the
    page may not say that the instroom is at least the vraag in every sector (review)."""
    app = als(REGIO, "pages/structurele_vraag.py", periode="Dit jaar tot nu")
    teksten = [c.value for c in app.caption]
    assert not any(t.startswith("In elke sector") for t in teksten), teksten
    assert any("niet te bepalen in: " in t and "Logistiek" in t for t in teksten), teksten
    beheerder = als(BEHEERDER, "pages/structurele_vraag.py", periode="Dit jaar tot nu")
    assert any(c.value.startswith("In elke sector") for c in beheerder.caption)


def getoonde_tekst(app: AppTest, index: int) -> pd.DataFrame:
    """What a table shows, cell by cell, as the user reads it (the formatted text, not the values underneath)."""
    from streamlit import dataframe_util
    styler = app.dataframe[index].proto.arrow_data.styler
    return dataframe_util.convert_arrow_bytes_to_pandas_df(styler.display_values)


def test_a_rounded_share_is_not_shown_with_a_decimal_it_does_not_have(opslag):
    """Rounded to 5 percentage points, Schoonmaak's uitstroom naar werk is "40" for the regio, not "40,0", which would
    claim a precision of a tenth (review); the beheerder keeps the exact share with its decimal."""
    def aandelen(app: AppTest) -> list[str]:
        for i in range(len(app.dataframe)):
            tekst = getoonde_tekst(app, i)
            for kolom in tekst.columns:
                if "werk" in str(kolom).lower() and "%" in str(kolom):
                    return [w for w in tekst[kolom] if w not in ("–", "")]
        return []

    regio = aandelen(als(REGIO, "pages/sectoren.py"))
    assert regio and all("," not in w for w in regio), regio
    beheerder = aandelen(als(BEHEERDER, "pages/sectoren.py"))
    assert any("," in w for w in beheerder), beheerder


# --- the Excel download explains itself ----------------------------------------------------------------------


@pytest.fixture
def knoppen(monkeypatch) -> dict[str, object]:
    """Per file name, what a click on a download button the page drew would produce (its data callable)."""
    import streamlit as st

    gezien: dict[str, object] = {}
    echt = st.download_button

    def vastleggen(label, **opties):
        gezien[opties["file_name"]] = opties["data"]
        return echt(label, **opties)

    monkeypatch.setattr(st, "download_button", vastleggen)
    return gezien


def excel_van(knoppen: dict[str, object], bestand: str):
    """The workbook a click on the button would download: the real bytes, opened as Excel opens them."""
    import io

    import openpyxl

    return openpyxl.load_workbook(io.BytesIO(knoppen[bestand]()))


def als_tekst(fractie: float, decimalen: int) -> str:
    """A percent cell as a Dutch Excel shows it with the format "0%" or "0.0%"."""
    return f"{fractie * 100:.{decimalen}f}".replace(".", ",") + "%"


@pytest.mark.parametrize("email", [REGIO, BEHEERDER])
def test_the_excel_download_of_a_page_says_what_it_is_and_holds_shares_as_numbers(opslag, knoppen, email):
    from analytics.kengetallen import periode_grenzen

    app = als(email, periode="Vorig jaar")
    boek = excel_van(knoppen, "overzicht_per_gemeente.xlsx")
    assert boek.sheetnames == ["Toelichting", "Gegevens"]
    regels = [[c.value for c in rij] for rij in boek["Toelichting"].iter_rows()]
    uitleg = dict(regels)
    periode = next(c.value for c in app.sidebar.caption if " tot en met " in c.value and ":" not in c.value)
    assert uitleg["Pagina"] == "Overzicht" and uitleg["Tabel"] == "Per gemeente"
    assert uitleg["Periode"] == f"Vorig jaar ({periode})"
    assert uitleg["Alle"] == "arbeidsmarktregio, gemeente, organisatie, sector, doelgroep, stroom, route"
    assert uitleg["Gegevens tot en met"] == f"{periode_grenzen()[1]:%d-%m-%Y} (laatste peildatum)"
    assert re.fullmatch(r"\d\d-\d\d-\d{4} \d\d:\d\d", uitleg["Gemaakt op"])
    assert not any("@" in str(w) for regel in regels for w in regel)  # the role, never the e-mail address
    regio = email == REGIO
    if regio:
        assert uitleg["Afscherming"] == ("aantallen afgerond op 5-tallen, minder dan 5 als <5; percentages afgerond "
                                         "op 5 procentpunten")
        assert uitleg["Gemaakt voor"] == "regio" and uitleg["Tekens"].startswith("<5: minder dan 5 trajecten")
    else:
        assert uitleg["Afscherming"] == "geen: alle aantallen zijn exact"
        assert uitleg["Gemaakt voor"] == "beheerder" and "Tekens" not in uitleg
    # the data sheet: the table on screen, a share as a number with a percent format showing what the screen shows
    scherm = per_gemeente(app)
    blad = boek["Gegevens"]
    kop = [c.value for c in blad[1]]
    assert kop == ["Gemeente", *scherm.columns]
    rijen = {rij[0].value: dict(zip(kop, rij, strict=True)) for rij in blad.iter_rows(min_row=2)}
    assert set(rijen) == set(scherm.index)
    getallen = 0
    for gemeente, op_scherm in scherm["Uitval binnen 12 maanden"].items():
        cel = rijen[gemeente]["Uitval binnen 12 maanden"]
        if op_scherm == "–":  # not to determine (empty) or hidden (its marker, as text): never a number
            assert cel.value is None or (cel.value, cel.data_type) == ("–", "s")
            continue
        getallen += 1
        assert cel.data_type == "n" and cel.number_format == ("0%" if regio else "0.0%")
        assert als_tekst(cel.value, 0 if regio else 1) == op_scherm.split(" (van ")[0]
    assert getallen
    # a protected count stays its marker, as text
    verborgen = [(gemeente, kolom) for kolom in mensenkolommen(scherm) for gemeente, w in scherm[kolom].items()
                 if w in {"<5", "x"}]
    assert bool(verborgen) == regio
    for gemeente, kolom in verborgen:
        cel = rijen[gemeente][kolom]
        assert (cel.value, cel.data_type) == (scherm.loc[gemeente, kolom], "s")


@pytest.mark.parametrize("email", [REGIO, BEHEERDER])
def test_the_time_to_uitval_download_holds_each_share_and_its_band_as_numbers(opslag, knoppen, email):
    """On screen one cell says "85,0% (80,0% tot 90,0%)" (others: "ongeveer 85%"); the file has the share and the
    bounds each as a number, and the words where the screen has words."""
    app = als(email, "pages/uitval.py", periode="Vorig jaar")
    scherm = next(d.value for d in app.dataframe if "Na 3 maanden nog niet uitgevallen" in d.value.columns)
    blad = excel_van(knoppen, "tijd_tot_uitval.xlsx")["Gegevens"]
    kop = [c.value for c in blad[1]]
    rijen = [dict(zip(kop, rij, strict=True)) for rij in blad.iter_rows(min_row=2)]
    exact = email == BEHEERDER
    assert ("Na 3 maanden: ondergrens 95%-interval" in kop) == exact
    getallen = 0
    for n in (3, 6, 12):
        kolom = f"Na {n} maanden nog niet uitgevallen"
        for op_scherm, rij in zip(scherm[kolom], rijen, strict=True):
            cel = rij[kolom]
            if not op_scherm[0].isdigit() and not op_scherm.startswith("ongeveer"):
                assert (cel.value, cel.data_type) == (op_scherm, "s")  # "afgeschermd (...)", "nog niet te zeggen"
                continue
            getallen += 1
            assert cel.data_type == "n" and cel.number_format == ("0.0%" if exact else "0%")
            if exact:
                onder, boven = (rij[f"Na {n} maanden: {g} 95%-interval"].value for g in ("ondergrens", "bovengrens"))
                assert op_scherm == (f"{als_tekst(cel.value, 1)} ({als_tekst(onder, 1)} tot {als_tekst(boven, 1)})")
            else:
                assert op_scherm == f"ongeveer {als_tekst(cel.value, 0)}"
    assert getallen


def test_the_first_sheet_names_the_role_and_the_protection_that_applies_to_it(opslag):
    """A page without the filters (Datakwaliteit) explains its file with everything loaded; a gemeente is named by its
    gemeente, and told which of its numbers are exact; the presentatiemodus says so; no e-mail address anywhere."""

    def pagina():
        import streamlit as st

        from kader import alle_gegevens, toelichting
        from toegang.kijker import Kijker

        for wie in (Kijker("beheer@regio.example", "beheerder"), Kijker("a.jansen@wijchen.example", "gemeente",
                                                                        ("GM0296",)),
                    Kijker("beheer@regio.example", "beheerder", presentatie=True)):
            regels = toelichting("Datakwaliteit", "Trajecten die ontbreken in de laatste export", alle_gegevens(wie),
                                 periode_telt=False, extra=(("Periode", "alle geladen exports"),))
            st.json(dict(regels))

    app = AppTest.from_function(pagina, default_timeout=60).run()
    assert not app.exception, app.exception
    beheerder, gemeente, presentatie = (json.loads(j.proto.body) for j in app.json)
    for uitleg in (beheerder, gemeente, presentatie):
        assert uitleg["Periode"] == "alle geladen exports"
        assert uitleg["Alle"] == "arbeidsmarktregio, gemeente, organisatie, sector, doelgroep, stroom, route"
        assert not any("@" in w for w in uitleg.values())
    assert beheerder["Afscherming"] == "geen: alle aantallen zijn exact" and beheerder["Gemaakt voor"] == "beheerder"
    assert "Tekens" not in beheerder
    assert gemeente["Gemaakt voor"] == "gemeente Wijchen"
    assert gemeente["Afscherming"].endswith("; exact alleen uw eigen gemeente, in een rij per gemeente of als u alleen "
                                            "die kiest") and "Tekens" in gemeente
    assert presentatie["Gemaakt voor"] == "beheerder, in de presentatiemodus"
    assert presentatie["Afscherming"].endswith("afgerond op 5 procentpunten (presentatiemodus)")


# --- the organisatie role: exact for its own organisatie, protected for everyone else's -------------------------

WAALSTAD = "p.devries@waalstad.example"
EIGEN_ORGANISATIE = "Werkbedrijf Waalstad"


def _organisatie():
    from toegang.kijker import Kijker

    return Kijker(WAALSTAD, "organisatie", organisaties=(EIGEN_ORGANISATIE,))


def test_an_organisatie_sees_its_own_organisatie_exactly_and_the_rest_protected(opslag):
    from dataclasses import replace

    from analytics.filters import Filters
    from analytics.kengetallen import kengetallen_per_gemeente
    from toegang.kijker import Kijker

    oktober = Filters(dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    eigen = replace(oktober, organisaties=(EIGEN_ORGANISATIE,))
    assert replace(eigen, kijker=_organisatie()).exact and not replace(oktober, kijker=_organisatie()).exact
    assert not replace(oktober, organisaties=("Groen Werkt Rijk",), kijker=_organisatie()).exact
    assert not replace(eigen, kijker=_organisatie().in_presentatiemodus()).exact
    als_organisatie = kengetallen_per_gemeente(replace(eigen, kijker=_organisatie()))
    als_beheerder = kengetallen_per_gemeente(replace(eigen, kijker=Kijker(BEHEERDER, "beheerder")))
    assert als_organisatie.astype(str).equals(als_beheerder.astype(str))
    assert not any(is_afgeschermd(w) for kolom in KOLOMMEN for w in als_organisatie[kolom])


def test_an_organisatie_cannot_subtract_its_own_exact_counts_from_another_organisations_small_ones(opslag):
    """October 2026 in the demo: in Beuningen, Wijchen and Berg en Dal the other organisaties have 2 to 4 trajecten
    beside Werkbedrijf Waalstad's one. What Waalstad sees of all organisaties together (rounded, '<5', hidden) minus
    its own exact row must leave every such small count of the others at least two values, and no hidden cell
    may follow from the tiles."""
    from dataclasses import replace

    from analytics.beschermd import bereik as getoond_bereik
    from analytics.filters import Filters
    from analytics.kengetallen import kengetallen_per_gemeente
    from toegang.kijker import Kijker

    oktober = Filters(dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    beheerder = Kijker(BEHEERDER, "beheerder")
    alles = kengetallen_per_gemeente(replace(oktober, kijker=beheerder)).set_index("groep")
    eigen = kengetallen_per_gemeente(replace(oktober, organisaties=(EIGEN_ORGANISATIE,), kijker=_organisatie()))
    eigen = eigen.set_index("groep")
    gezien = kengetallen_per_gemeente(replace(oktober, kijker=_organisatie())).set_index("groep")
    klein = 0
    for kolom in KOLOMMEN:
        for groep in alles.index:
            if groep not in gezien.index or groep == "Totaal":
                continue
            van_zelf = int(eigen[kolom].get(groep, 0) or 0)
            anderen = int(alles.at[groep, kolom]) - van_zelf
            if not 1 <= anderen <= 4:
                continue
            klein += 1
            cel = gezien.at[groep, kolom]
            laag, hoog = getoond_bereik(cel)
            if str(getattr(cel, "teken", "")) == "<5":
                laag, hoog = 1, 4
            mogelijk = [w - van_zelf for w in range(int(laag), int(min(hoog, laag + 20)) + 1) if w >= van_zelf]
            assert len(mogelijk) >= 2, (kolom, groep, anderen, cel, van_zelf)
    assert klein  # the demo has such small counts of other organisaties beside Waalstad's own
    niets_terug_te_rekenen(oktober, _organisatie())
