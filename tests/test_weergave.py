"""weergave: Dutch number and date text, the charts' Dutch labels and hover texts, and the download files."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys

import numpy as np
import openpyxl
import pandas as pd
import pytest
from streamlit.proto.Metric_pb2 import Metric as MetricProto
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from weergave import downloads, formaat
from weergave.downloads import csv_bytes, excel_bytes
from weergave.grafieken import (
    PALET,
    PLOTLY_CONFIG,
    Grafiek,
    lijn_per_maand,
    maand_ticks,
    staaf_horizontaal,
    staaf_per_periode,
    voortgang_tegen_doel,
)

ENGELSE_MAANDEN = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b"
)

# --- formaat -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [
        (0, "0"),
        (7, "7"),
        (1234, "1.234"),
        (12345678, "12.345.678"),
        (-1234, "-1.234"),
        (np.int64(1000), "1.000"),
        (2.5, "3"),  # half up, not half-even
        (None, "–"),
        (float("nan"), "–"),
        (pd.NA, "–"),
    ],
)
def test_getal(waarde, verwacht):
    assert formaat.getal(waarde) == verwacht


def test_getal_with_decimals():
    assert formaat.getal(100.8333, 1) == "100,8"
    assert formaat.getal(1234.5, 1) == "1.234,5"
    assert formaat.getal(-0.01, 1) == "0,0"


@pytest.mark.parametrize(
    ("fractie", "decimalen", "verwacht"),
    [
        (0.125, 1, "12,5%"),
        (0.145, 1, "14,5%"),  # 0.145 * 100 is 14.4999... in floats; rounded on the decimal value
        (1, 1, "100,0%"),
        (0.5, 0, "50%"),
        (0.12345, 2, "12,35%"),
        (None, 1, "–"),
    ],
)
def test_percentage(fractie, decimalen, verwacht):
    assert formaat.percentage(fractie, decimalen) == verwacht


@pytest.mark.parametrize(
    ("waarde", "verwacht"), [(12, "+12"), (-3, "-3"), (0, "0"), (1234, "+1.234"), (-0.2, "0"), (None, "–")]
)
def test_verschil_getal(waarde, verwacht):
    assert formaat.verschil_getal(waarde) == verwacht


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [(0.012, "+1,2 procentpunt"), (-0.0149, "-1,5 procentpunt"), (0, "0,0 procentpunt"), (None, "–")],
)
def test_verschil_procentpunt(waarde, verwacht):
    assert formaat.verschil_procentpunt(waarde) == verwacht


def test_maandnaam():
    assert [formaat.maandnaam(m) for m in (1, 3, 5, 10)] == ["januari", "maart", "mei", "oktober"]
    assert [formaat.maandnaam(m, kort=True) for m in range(1, 13)] == [
        "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"
    ]
    with pytest.raises(ValueError, match="Een maand is 1 tot en met 12, niet 13."):
        formaat.maandnaam(13)


@pytest.mark.parametrize(
    "waarde", [dt.date(2026, 10, 31), dt.datetime(2026, 10, 31, 12), pd.Timestamp("2026-10-31"),
               np.datetime64("2026-10-31"), "2026-10-31"]
)
def test_date_labels_accept_every_kind_of_date(waarde):
    assert formaat.maand_label(waarde) == "okt 2026"
    assert formaat.datum(waarde) == "31-10-2026"
    assert formaat.kwartaal_label(waarde) == "2026 K4"
    assert formaat.halfjaar_label(waarde) == "2026 H2"


def test_date_labels():
    assert formaat.datum(dt.date(2026, 1, 2)) == "02-01-2026"
    assert formaat.kwartaal_label(dt.date(2026, 8, 15)) == "2026 K3"
    assert formaat.kwartaal_label(dt.date(2026, 1, 1)) == "2026 K1"
    assert formaat.halfjaar_label(dt.date(2026, 6, 30)) == "2026 H1"
    assert formaat.halfjaar_label(dt.date(2026, 7, 1)) == "2026 H2"
    assert formaat.maand_label(dt.date(2026, 3, 1)) == "mrt 2026"
    assert formaat.maand_label(None) == formaat.datum(pd.NaT) == "–"


def test_tabel_nl_shows_dutch_values_and_keeps_the_numbers():
    df = pd.DataFrame({
        "Gemeente": ["Nijmegen", "Wijchen"],
        "Instroom": [1234, 5],
        "Naar rato": [100.8333, None],
        "Afspraak": [121.0, None],
        "Peildatum": pd.to_datetime(["2026-10-31", None]),
    })
    stijl = formaat.tabel_nl(df)
    assert stijl.to_string(delimiter=";").splitlines() == [
        ";Gemeente;Instroom;Naar rato;Afspraak;Peildatum",
        "0;Nijmegen;1.234;100,8;121;31-10-2026",
        "1;Wijchen;5;–;–;–",
    ]
    assert stijl.data["Instroom"].tolist() == [1234, 5]  # st.dataframe still sorts by value


def test_a_negative_change_gets_a_down_arrow_in_st_metric():
    """st.metric reads the sign from the first character: it must be '-', not the typographic minus."""

    def pagina():
        import streamlit as st

        from weergave import formaat

        st.metric("Instroom", "5", f"{formaat.verschil_getal(-3)} t.o.v. vorig jaar")
        st.metric("Uitval", "12,5%", f"{formaat.verschil_procentpunt(0.012)} t.o.v. vorig jaar", delta_color="inverse")

    app = AppTest.from_function(pagina).run()
    assert not app.exception
    omlaag, omhoog = app.metric
    assert (omlaag.proto.delta, omlaag.proto.direction, omlaag.proto.color) == (
        "-3 t.o.v. vorig jaar", MetricProto.MetricDirection.DOWN, MetricProto.MetricColor.RED
    )
    assert (omhoog.proto.delta, omhoog.proto.direction, omhoog.proto.color) == (
        "+1,2 procentpunt t.o.v. vorig jaar", MetricProto.MetricDirection.UP, MetricProto.MetricColor.RED
    )


def test_formaat_and_grafieken_do_not_import_streamlit():
    code = "import sys, weergave.formaat, weergave.grafieken, weergave.downloads; print('streamlit' in sys.modules)"
    uit = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert uit.stdout.strip() == "False"


# --- grafieken ---------------------------------------------------------------------------------------


def instroom_per_maand() -> pd.DataFrame:
    """Nov 2025 to Oct 2026 for two sectors; Groen has no row in March (no instroom that month)."""
    maanden = pd.date_range("2025-11-01", "2026-10-01", freq="MS")
    rijen = [{"periode": m, "groep": "Logistiek", "instroom": 10 + i} for i, m in enumerate(maanden)]
    rijen += [{"periode": m, "groep": "Groen", "instroom": 1000 + i} for i, m in enumerate(maanden) if m.month != 3]
    return pd.DataFrame(rijen)


def teksten(waarde) -> list[str]:
    """Every string anywhere in a (nested) plotly JSON structure."""
    if isinstance(waarde, str):
        return [waarde]
    if isinstance(waarde, dict):
        return [t for k, v in waarde.items() for t in [str(k), *teksten(v)]]
    if isinstance(waarde, list | tuple | np.ndarray):
        return [t for v in waarde for t in teksten(v)]
    return []


def alle_grafieken() -> list[Grafiek]:
    per_maand = instroom_per_maand()
    totaal = per_maand.groupby("periode", as_index=False)["instroom"].sum()
    afspraak = pd.DataFrame({"gemeente": ["Nijmegen", "Wijchen"], "instroom": [80, 70], "pro_rata": [100.8333, 66.6667],
                             "afspraak": [121, 80]})
    return [
        lijn_per_maand(totaal, "periode", "instroom", y_titel="Trajecten gestart", titel="Instroom per maand"),
        lijn_per_maand(per_maand, "periode", "instroom", "groep", y_titel="Trajecten gestart", titel="Per sector"),
        staaf_per_periode(per_maand, "periode", "instroom", "groep", y_titel="Trajecten gestart", titel="Gestapeld"),
        staaf_per_periode(per_maand, "periode", "instroom", "groep", gestapeld=False, y_titel="Trajecten gestart"),
        staaf_per_periode(pd.DataFrame({"jaar": [2025, 2026], "n": [1234, 567]}), "jaar", "n", y_titel="Instroom"),
        staaf_horizontaal(per_maand.groupby("groep", as_index=False)["instroom"].sum(), "groep", "instroom",
                          x_titel="Trajecten gestart"),
        voortgang_tegen_doel(afspraak, "gemeente", "instroom", "pro_rata", "afspraak", x_titel="Trajecten gestart"),
    ]


def test_every_chart_is_dutch_readable_and_has_a_description():
    for grafiek in alle_grafieken():
        assert isinstance(grafiek, Grafiek)
        spec = grafiek.figure.to_plotly_json()
        layout = spec["layout"]
        assert layout["separators"] == ",."
        assert layout["font"]["size"] >= 16
        for as_ in ("xaxis", "yaxis"):
            assert layout[as_]["tickfont"]["size"] >= 16
        alles = teksten(spec)
        assert not [t for t in alles if ENGELSE_MAANDEN.search(t) or "%b" in t or "%B" in t]
        for spoor in spec["data"]:
            if spoor.get("hoverinfo") == "skip":
                continue
            # every hover text is written here; plotly is never asked to format an x value (a date)
            assert spoor["hovertemplate"].endswith("<extra></extra>")
            assert "%{x" not in spoor["hovertemplate"] and "%{y" not in spoor["hovertemplate"]
        assert grafiek.alt.endswith(".") and not ENGELSE_MAANDEN.search(grafiek.alt)


def test_month_axis_has_dutch_ticks_and_hover_texts():
    grafiek = lijn_per_maand(instroom_per_maand(), "periode", "instroom", "groep", y_titel="Trajecten gestart")
    xaxis = grafiek.figure.to_plotly_json()["layout"]["xaxis"]
    assert xaxis["type"] == "date"
    assert list(xaxis["ticktext"]) == ["nov 2025", "jan 2026", "mrt 2026", "mei 2026", "jul 2026", "sep 2026"]
    assert [pd.Timestamp(v) for v in xaxis["tickvals"]] == list(pd.date_range("2025-11-01", periods=6, freq="2MS"))
    groen = next(s for s in grafiek.figure.data if s.name == "Groen")
    assert [list(c) for c in groen.customdata[3:6]] == [["feb 2026", "1.003"], ["mrt 2026", "0"], ["apr 2026", "1.005"]]
    assert groen.hovertemplate == "<b>%{customdata[0]}</b><br>Groen: %{customdata[1]}<extra></extra>"


def test_month_ticks_thin_out_to_quarters_for_two_years():
    posities, labels = maand_ticks(list(pd.date_range("2024-11-01", "2026-10-01", freq="MS")))
    assert labels == ["jan 2025", "apr 2025", "jul 2025", "okt 2025", "jan 2026", "apr 2026", "jul 2026", "okt 2026"]


def test_the_same_category_order_gives_the_same_colours_on_every_chart():
    volgorde = ["Administratie", "Groen", "Logistiek"]
    per_maand = instroom_per_maand()  # no Administratie here
    lijn = lijn_per_maand(per_maand, "periode", "instroom", "groep", volgorde=volgorde)
    staaf = staaf_per_periode(per_maand, "periode", "instroom", "groep", volgorde=volgorde)
    assert {s.name: s.line.color for s in lijn.figure.data} == {"Groen": PALET[1], "Logistiek": PALET[2]}
    assert {s.name: s.marker.color for s in staaf.figure.data if s.type == "bar"} == {
        "Groen": PALET[1], "Logistiek": PALET[2]
    }


def test_more_than_eight_categories_repeat_colours_with_a_hatch():
    df = pd.DataFrame({"periode": pd.Timestamp("2026-01-01"), "groep": [f"S{i:02d}" for i in range(10)], "n": 1})
    staven = [s for s in staaf_per_periode(df, "periode", "n", "groep").figure.data if s.type == "bar"]
    assert [(s.marker.color, s.marker.pattern.shape) for s in staven[7:]] == [
        (PALET[7], ""), (PALET[0], "/"), (PALET[1], "/")
    ]


def test_stacked_bars_show_totals_and_describe_them():
    grafiek = staaf_per_periode(instroom_per_maand(), "periode", "instroom", "groep", y_titel="Trajecten gestart",
                                titel="Instroom per maand naar sector")
    totalen = next(s for s in grafiek.figure.data if s.type == "scatter")
    assert list(totalen.text[:5]) == ["1.010", "1.012", "1.014", "1.016", "14"]  # March: no Groen row, counts as 0
    logistiek = next(s for s in grafiek.figure.data if s.name == "Logistiek")
    assert list(logistiek.customdata[4]) == ["mrt 2026", "14", "14"]
    assert "Totaal: %{customdata[2]}" in logistiek.hovertemplate
    assert grafiek.figure.layout.barmode == "stack"
    assert grafiek.alt == (
        "Staafgrafiek ‘Instroom per maand naar sector’: Trajecten gestart per maand van nov 2025 tot en met "
        "okt 2026, in 2 reeksen: in okt 2026 samen 1.032, het meest bij Groen (1.011) en Logistiek (21)."
    )


def test_years_are_categories_not_numbers_with_a_thousands_dot():
    grafiek = staaf_per_periode(pd.DataFrame({"jaar": [2026, 2025], "n": [567, 1234]}), "jaar", "n",
                                y_titel="Instroom", titel="Instroom per jaar")
    spec = grafiek.figure.to_plotly_json()
    assert spec["layout"]["xaxis"]["type"] == "category"
    assert list(spec["data"][0]["x"]) == ["2025", "2026"]
    assert list(spec["data"][1]["text"]) == ["1.234", "567"]  # the number above each bar
    assert grafiek.alt == (
        "Staafgrafiek ‘Instroom per jaar’: Instroom per jaar van 2025 tot en met 2026: 1.234 in 2025 en 567 in 2026."
    )


def test_year_of_a_date_column_with_per_jaar():
    df = pd.DataFrame({"periode": pd.to_datetime(["2025-01-01", "2026-01-01"]), "n": [3, 4]})
    grafiek = staaf_per_periode(df, "periode", "n", per_jaar=True)
    assert list(grafiek.figure.data[0].x) == ["2025", "2026"]


def test_quarters():
    df = pd.DataFrame({"periode": pd.to_datetime(["2026-02-01", "2026-03-01", "2026-08-01"]), "n": [3, 4, 5]})
    grafiek = staaf_per_periode(df, "periode", "n", per="kwartaal", y_titel="Uitval")
    assert list(grafiek.figure.data[0].x) == ["2026 K1", "2026 K3"]
    assert list(grafiek.figure.data[0].y) == [7, 5]


def test_horizontal_bars_largest_on_top_with_dutch_numbers():
    df = pd.DataFrame({"sector": ["Groen", "Logistiek", "Zorg"], "n": [5, 1234, 40]})
    grafiek = staaf_horizontaal(df, "sector", "n", x_titel="Trajecten gestart", titel="Per sector")
    staaf = grafiek.figure.data[0]
    assert list(staaf.y) == ["Logistiek", "Zorg", "Groen"]
    assert list(staaf.text) == ["1.234", "40", "5"]
    assert grafiek.figure.layout.yaxis.autorange == "reversed"
    assert grafiek.alt == "Staafgrafiek ‘Per sector’: Trajecten gestart: Logistiek (1.234), Zorg (40) en Groen (5)."


def test_progress_against_target():
    df = pd.DataFrame({"gemeente": ["Nijmegen", "Wijchen"], "instroom": [80, 70], "pro_rata": [100.8333, 66.6667],
                       "afspraak": [121, 80]})
    grafiek = voortgang_tegen_doel(df, "gemeente", "instroom", "pro_rata", "afspraak", x_titel="Trajecten gestart",
                                   titel="Instroom 2026 tegen de afspraak")
    doel, werkelijk, pro_rata, labels = grafiek.figure.data
    assert (doel.name, werkelijk.name, pro_rata.name) == ("Afspraak heel jaar", "Instroom tot nu",
                                                          "Afspraak naar rato tot nu")
    assert list(labels.text) == ["  80 van 121", "  70 van 80"]
    assert list(werkelijk.customdata[0]) == ["Nijmegen", "80", "100,8", "121", "79%"]
    assert "Afspraak naar rato tot nu: %{customdata[2]}" in werkelijk.hovertemplate
    assert pro_rata.marker.symbol == "line-ns"
    assert grafiek.alt == (
        "Voortgangsgrafiek ‘Instroom 2026 tegen de afspraak’: per gemeente instroom tot nu (blauwe balk), afspraak "
        "naar rato tot nu (zwarte streep) en afspraak heel jaar (grijze balk); 1 van de 2 gemeenten zitten op of "
        "boven de afspraak naar rato tot nu; samen 150 tegen 167,5 naar rato en 201 voor het hele jaar."
    )


def test_missing_values_are_not_drawn_and_are_mentioned():
    df = instroom_per_maand()
    df.loc[0, "instroom"] = np.nan  # e.g. suppressed
    grafiek = staaf_per_periode(df, "periode", "instroom", "groep")
    assert grafiek.alt.endswith(" 1 waarde is niet getoond (afgeschermd of onbekend).")
    noot = "1 waarde is niet getoond (afgeschermd of onbekend)."
    assert [a.text for a in grafiek.figure.layout.annotations] == [noot]


def test_a_hidden_segment_does_not_break_the_stack():
    """Plotly starts the segments after a NaN from 0 again: a hidden segment is drawn as 0, its hover says '–'."""
    df = instroom_per_maand()
    df["instroom"] = df["instroom"].astype(object)
    df.loc[df["groep"] == "Logistiek", "instroom"] = "<5"
    grafiek = staaf_per_periode(df, "periode", "instroom", "groep")
    staven = [spoor for spoor in grafiek.figure.data if spoor.type == "bar"]
    assert all(not np.isnan(y) for spoor in staven for y in spoor.y)
    logistiek = next(spoor for spoor in staven if spoor.name == "Logistiek")
    assert set(logistiek.y) == {0} and {rij[1] for rij in logistiek.customdata} == {"–"}


def test_a_series_with_every_month_hidden_is_drawn_empty_and_says_so():
    """Found by make bench: a small gemeente and sector for the regio, all twelve months '<5', broke the page."""
    df = instroom_per_maand()
    df = df[df["groep"] == "Logistiek"].assign(instroom="<5")
    grafiek = staaf_per_periode(df, "periode", "instroom")
    assert "alle waarden afgeschermd" in grafiek.alt
    assert [a.text for a in grafiek.figure.layout.annotations] == ["12 waarden zijn niet getoond (afgeschermd of "
                                                                   "onbekend)."]


def test_several_series_all_hidden_in_the_last_month_say_so():
    """Found in review: the regio, a small gemeente split by sector, every sector '<5' in the last year, broke the
    instroom page (an empty list for 'het meest bij ...')."""
    df = instroom_per_maand()
    df["instroom"] = df["instroom"].astype(object)
    df.loc[df["periode"] == df["periode"].max(), "instroom"] = "<5"
    grafiek = staaf_per_periode(df, "periode", "instroom", "groep")
    assert "alle waarden afgeschermd" in grafiek.alt


@pytest.mark.parametrize(
    "bouw",
    [
        lambda df: lijn_per_maand(df, "periode", "instroom", "groep"),
        lambda df: lijn_per_maand(df, "periode", "instroom"),
        lambda df: staaf_per_periode(df, "periode", "instroom", "groep"),
        lambda df: staaf_horizontaal(df, "groep", "instroom"),
        lambda df: voortgang_tegen_doel(df.assign(a=df["instroom"], p=df["instroom"]), "groep", "instroom", "p", "a"),
    ],
)
def test_nothing_to_draw_gives_none(bouw):
    leeg = instroom_per_maand().iloc[:0]
    assert bouw(leeg) is None
    assert bouw(instroom_per_maand().assign(instroom=np.nan)) is None


def test_plotly_config_is_dutch_without_a_download():
    assert PLOTLY_CONFIG["displaylogo"] is False
    assert PLOTLY_CONFIG["locale"] == "nl"
    nl = PLOTLY_CONFIG["locales"]["nl"]
    assert nl["format"]["shortMonths"][9] == "okt" and nl["format"]["months"][2] == "maart"
    assert nl["dictionary"]["Download plot as a PNG"] == "Grafiek downloaden als PNG"
    assert {"zoom2d", "pan2d", "lasso2d", "select2d"} <= set(PLOTLY_CONFIG["modeBarButtonsToRemove"])


def test_a_chart_reaches_the_browser_with_separators_config_and_alt():
    def pagina():
        import pandas as pd
        import streamlit as st

        from weergave.grafieken import PLOTLY_CONFIG, lijn_per_maand

        df = pd.DataFrame({"periode": pd.date_range("2026-01-01", periods=3, freq="MS"), "n": [1200, 1300, 1250]})
        grafiek = lijn_per_maand(df, "periode", "n", y_titel="Trajecten gestart")
        st.plotly_chart(grafiek.figure, config=PLOTLY_CONFIG, alt=grafiek.alt)

    app = AppTest.from_function(pagina).run()
    assert not app.exception
    proto = app.get("plotly_chart")[0].proto
    assert '"separators":",."' in proto.spec and '"ticktext":["jan 2026","feb 2026","mrt 2026"]' in proto.spec
    assert '"locale": "nl"' in proto.config and '"displaylogo": false' in proto.config
    assert proto.alt == (
        "Lijngrafiek: Trajecten gestart per maand van jan 2026 tot en met mrt 2026: 1.200 in jan 2026, 1.300 in "
        "feb 2026 en 1.250 in mrt 2026."
    )


# --- downloads ---------------------------------------------------------------------------------------


def tabel() -> pd.DataFrame:
    return pd.DataFrame({
        "Gemeente": ["Berg en Dal", "’s-Hertogenbosch", "=SOM(1)"],
        "Instroom": [1234, 5, 0],
        "Afspraak naar rato": [26.7, 100.8, np.nan],
        "Afspraak heel jaar": [121.0, np.nan, 3.0],
        "Peildatum": pd.to_datetime(["2026-10-31", "2026-01-02", None]),
        "Stand": ["op koers", "achter", "geen afspraak"],
    })


def test_excel_opens_with_bold_headers_real_numbers_and_dates():
    boek = openpyxl.load_workbook(io.BytesIO(excel_bytes(tabel(), blad="Instroom 2026")))
    blad = boek["Instroom 2026"]
    assert [c.value for c in blad[1]] == list(tabel().columns)
    assert all(c.font.b for c in blad[1])
    assert [[c.value for c in rij] for rij in blad.iter_rows(min_row=2)] == [
        ["Berg en Dal", 1234, 26.7, 121, dt.datetime(2026, 10, 31), "op koers"],
        ["’s-Hertogenbosch", 5, 100.8, None, dt.datetime(2026, 1, 2), "achter"],
        ["=SOM(1)", 0, None, 3, None, "geen afspraak"],
    ]
    assert blad["A4"].data_type == "s"  # text, not a formula
    assert blad["E2"].number_format == "dd-mm-yyyy"
    assert blad["B2"].number_format == "#,##0"
    assert blad.freeze_panes == "A2"
    assert blad.column_dimensions["A"].width >= len("’s-Hertogenbosch")
    assert blad.column_dimensions["C"].width >= len("Afspraak naar rato")


def test_excel_sheet_name_is_made_valid():
    boek = openpyxl.load_workbook(io.BytesIO(excel_bytes(tabel(), blad="Instroom t/m oktober: per gemeente 2026")))
    assert boek.sheetnames == ["Instroom t-m oktober- per gemee"]


def test_csv_is_dutch_excel_csv_and_round_trips():
    ruw = csv_bytes(tabel())
    assert ruw.startswith(b"\xef\xbb\xbf")
    regels = ruw.decode("utf-8-sig").split("\r\n")
    assert regels[:4] == [
        "Gemeente;Instroom;Afspraak naar rato;Afspraak heel jaar;Peildatum;Stand",
        "Berg en Dal;1234;26,7;121;31-10-2026;op koers",
        "’s-Hertogenbosch;5;100,8;;02-01-2026;achter",
        "'=SOM(1);0;;3;;geen afspraak",
    ]
    terug = pd.read_csv(io.BytesIO(ruw), sep=";", decimal=",", encoding="utf-8-sig")
    assert terug["Instroom"].tolist() == [1234, 5, 0]
    assert terug["Afspraak naar rato"].tolist()[:2] == [26.7, 100.8]
    assert terug["Gemeente"].tolist()[:2] == ["Berg en Dal", "’s-Hertogenbosch"]
    assert pd.to_datetime(terug["Peildatum"], format="%d-%m-%Y").tolist()[:2] == tabel()["Peildatum"].tolist()[:2]


def aandelen() -> pd.DataFrame:
    """Shares as the read side gives them: exact fractions, protected ones (rounded to 5 points, hidden, a range)."""
    from analytics.beschermd import Beschermd, afgerond_aandeel

    return pd.DataFrame({
        "Gemeente": ["Berg en Dal", "Wijchen", "Heumen", "Druten", "=SOM(A1:A9)"],
        "Uitval (%)": [0.1255, afgerond_aandeel(0.4123), Beschermd(None, 0.0, 1.0, "<5", aandeel=True),
                       Beschermd(1.0, 0.7, 1.3, aandeel=True), None],
        "Van de afspraak": [1.0625, np.nan, afgerond_aandeel(0.5499), 0.0, "=1+1"],
    })


TOELICHTING = [("Pagina", "Overzicht"), ("Tabel", "Per gemeente"), ("Organisatie", "=HYPERLINK(\"x\")"),
               ("Gegevens tot en met", "31-10-2026 (laatste peildatum)"),
               ("Afscherming", "aantallen afgerond op 5-tallen, minder dan 5 als <5; percentages afgerond op 5 "
                               "procentpunten")]


def test_excel_starts_with_a_sheet_that_says_what_the_table_is_all_as_text():
    ruw = excel_bytes(tabel(), toelichting=TOELICHTING, gemaakt_op=dt.datetime(2026, 11, 3, 14, 5))
    boek = openpyxl.load_workbook(io.BytesIO(ruw))
    assert boek.sheetnames == ["Toelichting", "Gegevens"]
    uitleg = boek["Toelichting"]
    assert [[c.value for c in rij] for rij in uitleg.iter_rows()] == [
        *[list(paar) for paar in TOELICHTING], ["Gemaakt op", "03-11-2026 14:05"]]
    assert all(c.data_type == "s" for rij in uitleg.iter_rows() for c in rij)  # a name like a formula stays text
    assert all(rij[0].font.b for rij in uitleg.iter_rows())
    assert boek["Gegevens"]["A4"].value == "=SOM(1)" and boek["Gegevens"]["A4"].data_type == "s"
    # without a toelichting (a plain table) there is only the data sheet
    assert openpyxl.load_workbook(io.BytesIO(excel_bytes(tabel()))).sheetnames == ["Gegevens"]


def test_excel_writes_shares_as_numbers_with_a_percent_format_rounded_as_on_screen():
    boek = openpyxl.load_workbook(io.BytesIO(excel_bytes(aandelen(), procenten=["Uitval (%)", "Van de afspraak"])))
    blad = boek["Gegevens"]
    uitval = [blad.cell(r, 2) for r in range(2, 7)]
    assert [c.value for c in uitval[:2]] == [0.126, 0.4]  # 12,6% and 40%, exactly as formaat shows them
    assert [formaat.percentage(w) for w in aandelen()["Uitval (%)"][:2]] == ["12,6%", "40%"]
    assert [c.number_format for c in uitval[:2]] == ["0.0%", "0%"]  # a protected share has no decimal it lacks
    assert all(c.data_type == "n" for c in uitval[:2])
    assert [(c.value, c.data_type) for c in uitval[2:4]] == [("–", "s"), ("70–130%", "s")]  # hidden, a range: text
    assert uitval[4].value is None
    afspraak = [blad.cell(r, 3) for r in range(2, 7)]
    assert [(c.value, c.number_format) for c in afspraak[:4]] == [
        (1.063, "0.0%"), (None, "General"), (0.55, "0%"), (0, "0.0%")]
    assert (afspraak[4].value, afspraak[4].data_type) == ("=1+1", "s")  # formula-like text stays text
    assert (blad["A6"].value, blad["A6"].data_type) == ("=SOM(A1:A9)", "s")


def test_other_numbers_are_rounded_as_the_screen_rounds_them():
    """tabel_nl shows a column of whole numbers without decimals and any other with one (half-up): so do the files."""
    from analytics.beschermd import Beschermd, afgerond_aantal, geschaald

    df = pd.DataFrame({"Per maand": [29 / 12, 3.0, 2.45], "Aantal": [12.0, np.nan, 3.0],
                       "Instroom per maand": [geschaald(afgerond_aantal(35, 5), 1 / 12),
                                              Beschermd(2.0, 1.5, 2.5), 0.25]})
    blad = openpyxl.load_workbook(io.BytesIO(excel_bytes(df)))["Gegevens"]
    assert [c.value for c in blad["A"][1:]] == [2.4, 3, 2.5]
    assert [c.number_format for c in blad["A"][1:]] == ["#,##0.0"] * 3  # 3,0 as on screen
    assert [c.value for c in blad["B"][1:]] == [12, None, 3] and blad["B2"].number_format == "#,##0"
    assert [c.value for c in blad["C"][1:]] == [2.9, 2, 0.3]  # 35/12 shown as 2,9; a whole protected one as 2
    assert [c.number_format for c in blad["C"][1:]] == ["#,##0.0", "#,##0", "#,##0.0"]
    assert [formaat.getal(w, 1) for w in df["Instroom per maand"]] == ["2,9", "2", "0,3"]
    regels = csv_bytes(df).decode("utf-8-sig").split("\r\n")
    assert regels[1:4] == ["2,4;12;2,9", "3,0;;2,0", "2,5;3;0,3"]


def test_excel_refuses_a_share_column_that_is_not_there():
    with pytest.raises(ValueError, match="Deze percentagekolommen staan niet in de tabel: Uitval 12 mnd"):
        excel_bytes(aandelen(), procenten=["Uitval 12 mnd"])


def test_csv_keeps_shares_as_they_were_numbers_of_percents_under_a_percent_header():
    regels = csv_bytes(aandelen(), procenten=["Uitval (%)", "Van de afspraak"]).decode("utf-8-sig").split("\r\n")
    assert regels[:6] == [
        "Gemeente;Uitval (%);Van de afspraak",
        "Berg en Dal;12,6;106,3%",
        "Wijchen;40;–",
        "Heumen;;55%",
        "Druten;70–130%;0,0%",
        "'=SOM(A1:A9);;'=1+1",
    ]


def test_download_buttons_side_by_side(demo_opslag, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DB", str(demo_opslag[0]))  # someone must be looking: the demo's beheerder
    monkeypatch.delenv("DASHBOARD_TOEGANG", raising=False)

    def pagina():
        import pandas as pd

        from kader.downloads import download_knoppen

        download_knoppen(pd.DataFrame({"Gemeente": ["Nijmegen"], "Instroom": [5]}), "instroom 2026", sleutel="t",
                         toelichting=[("Tabel", "Instroom per gemeente")])

    app = AppTest.from_function(pagina).run()
    assert not app.exception
    knoppen = app.get("download_button")
    assert [k.proto.label for k in knoppen] == ["Download Excel", "Download CSV"]
    assert [k.proto.id.rsplit("-", 1)[-1] for k in knoppen] == ["t_excel", "t_csv"]
    assert all(k.proto.ignore_rerun for k in knoppen)


def test_csv_writes_protected_counts_beside_markers_as_dutch_numbers():
    """Review: a column with "<5" beside rounded counts was written as 20.0 (a Dutch Excel reads 200 or text)."""
    from analytics.onderdrukking import afgeschermd_getal

    df = pd.DataFrame({"Gemeente": ["A", "B", "C"],
                       "Praktijkverkl.": [afgeschermd_getal(21, False), afgeschermd_getal(3, False),
                                          afgeschermd_getal(1234, False)]})
    assert csv_bytes(df).decode("utf-8-sig").split("\r\n")[1:4] == ["A;20", "B;<5", "C;1235"]


def test_excel_keeps_the_brackets_of_a_change_whose_direction_is_not_certain():
    """Review: the Sectorvergelijking shows "(+5)" and "(0)" where rounding leaves open whether it went up or down;
    the Excel file had a plain 5 and 0. Still numbers, with a format that shows the brackets."""
    from analytics.beschermd import Beschermd

    df = pd.DataFrame({"Verschil": [Beschermd(5, -2, 12), Beschermd(0, -4, 4), Beschermd(-5, -9, 1),
                                    Beschermd(-25, -29, -21)], "Instroom": [Beschermd(5, 3, 7)] * 4})
    blad = openpyxl.load_workbook(io.BytesIO(excel_bytes(df)))["Gegevens"]
    assert [c.value for c in blad["A"][1:]] == [5, 0, -5, -25]
    assert [c.number_format for c in blad["A"][1:]] == [downloads.ONZEKER] * 3 + ["#,##0"]
    assert blad["B2"].number_format == "#,##0"  # a count is never a change
    assert [formaat.verschil_getal(w) for w in df["Verschil"]] == ["(+5)", "(0)", "(-5)", "-25"]


def test_a_pareto_whose_cumulative_shares_are_all_hidden_draws_no_empty_line_or_right_axis():
    """Review: the regio's report showed the legend entry and a right axis for a line that was not there, its axis
    title over its tick labels (100% read as "10")."""
    from analytics.beschermd import Beschermd
    from weergave.uitvalgrafieken import pareto

    verborgen = Beschermd(None, 0.0, 1.0, "–", aandeel=True)
    df = pd.DataFrame({"naam": ["Motivatie", "Gezondheid"], "aantal": [Beschermd(5, 5, 7), Beschermd(None, 0, 4, "<5")],
                       "aandeel": [verborgen] * 2, "cumulatief": [verborgen] * 2})
    figuur = pareto(df, titel="Redenen van uitval").figure
    assert [t.name for t in figuur.data] == ["Aantal uitgevallen"]
    assert "yaxis2" not in figuur.layout.to_plotly_json()
    zichtbaar = pareto(df.assign(cumulatief=[0.6, 1.0]), titel="Redenen van uitval").figure
    assert [t.name for t in zichtbaar.data] == ["Aantal uitgevallen", "Cumulatief deel van de uitval"]
    assert zichtbaar.layout.yaxis2.automargin is True


def test_nobody_gets_download_buttons(tmp_path, monkeypatch):
    """Without a viewer (no demo store, no login) the access policy gives no downloads: nothing is drawn."""
    monkeypatch.setenv("DASHBOARD_DB", str(tmp_path / "geen.duckdb"))
    monkeypatch.delenv("DASHBOARD_TOEGANG", raising=False)

    def pagina():
        import pandas as pd

        from kader.downloads import download_knoppen

        download_knoppen(pd.DataFrame({"Gemeente": ["Nijmegen"], "Instroom": [5]}), "instroom 2026", sleutel="t",
                         toelichting=[("Tabel", "Instroom per gemeente")])

    app = AppTest.from_function(pagina).run()
    assert not app.exception
    assert not app.get("download_button")


def test_a_column_of_dates_reads_as_each_date_does():
    """formaat.datums (a list of 185.000 trajecten at once, Datakwaliteit nationally) says what formaat.datum says of
    each: also a missing value, a Timestamp, the first and the last day a store can hold."""
    import datetime as dt

    kolommen = [pd.Series([dt.date(2026, 10, 31), None, dt.date(1, 1, 1), dt.date(9999, 12, 31), float("nan")],
                          dtype=object),
                pd.Series(pd.to_datetime(["2026-01-05", None])), pd.Series([], dtype=object)]
    for kolom in kolommen:
        assert formaat.datums(kolom).tolist() == [formaat.datum(d) for d in kolom]
    assert formaat.datums(kolommen[0]).tolist() == ["31-10-2026", "–", "01-01-1", "31-12-9999", "–"]
