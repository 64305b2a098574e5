"""Opvolging (issue 15, point 5): lopende trajecten in their first 3 months at a werkgever or praktijkopleider with
clearly more early uitval; an organisatie sees only its own, the beheerder all, others nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from scipy.stats import binomtest
from streamlit.testing.v1 import AppTest

from analytics.filters import Filters
from analytics.opvolging import opvolglijst, volle_maanden
from analytics.uitval import vroege_uitval_per
from tests.conftest import (
    KANDIDATEN_KOP,
    ROOT,
    analistenviews,
    geregistreerde_paginas,
    ingest,
    kandidaat,
    schrijf_xlsx,
    zichtbaar,
)
from toegang.kijker import GeenToegang, Kijker
from weergave.downloads import csv_bytes
from weergave.opvolging import opvolgtabel, redenen_per_naam

WAALSTAD = "Werkbedrijf Waalstad"
MAAS_EN_WAAL = "Sociaal Ontwikkelbedrijf Maas en Waal"
GROEN = "Groen Werkt Rijk"
BEHEERDER = Kijker("beheer@test.example", "beheerder")
PERIODE = (dt.date(2026, 1, 1), dt.date(2026, 10, 31))  # the default "Dit jaar tot nu": the list ignores it


def organisatie(*namen: str) -> Kijker:
    return Kijker("opvolging@organisatie.example", "organisatie", organisaties=namen)


def lijst_van(kijker: Kijker, **selectie) -> pd.DataFrame:
    return opvolgtabel(opvolglijst(Filters(*PERIODE, kijker=kijker, **selectie)))


# --- the demo store: an independent computation on the analyst view ----------------------------------------


@pytest.fixture
def demo(demo_opslag, monkeypatch) -> pd.DataFrame:
    db, _ = demo_opslag
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    monkeypatch.setenv("DASHBOARD_SLEUTEL", str(db.parent / "sleutel"))
    return analistenviews(db)["trajecten"]


def duidelijk_hoger(trajecten: pd.DataFrame, sleutels: list[str]) -> set:
    """Names (with their organisatie for a praktijkopleider) with at least 10 trajecten followed 3 months, whose
    Wilson 95% lower bound of early uitval lies above the average of all of them (every start: no period)."""
    peil = trajecten.groupby("organisatie")["peildatum"].transform("max")
    volgbaar = trajecten["startdatum"] + pd.DateOffset(months=3) <= peil
    uitval = ((trajecten["status"] == "uitgevallen") & (trajecten["reden_uitval"].fillna("") != "werk")
              & (trajecten["einddatum"] < trajecten["startdatum"] + pd.DateOffset(months=3)))
    te_volgen = trajecten[volgbaar].assign(uitval=uitval[volgbaar])
    gemiddelde = te_volgen["uitval"].mean()
    per = te_volgen.dropna(subset=[sleutels[0]]).groupby(sleutels)["uitval"].agg(["size", "sum"]).reset_index()
    per = per[per["size"] >= 10]
    hoger = [binomtest(int(k), int(n)).proportion_ci(0.95, method="wilson").low > gemiddelde
             for k, n in zip(per["sum"], per["size"], strict=True)]
    return {tuple(r) if len(sleutels) > 1 else r[0] for r in per[hoger][sleutels].itertuples(index=False)}


def verwacht_op_lijst(trajecten: pd.DataFrame) -> set[str]:
    werkgevers = duidelijk_hoger(trajecten, ["werkgever"])
    opleiders = duidelijk_hoger(trajecten, ["praktijkopleider", "organisatie"])
    peil = trajecten.groupby("organisatie")["peildatum"].transform("max")
    nieuw = trajecten[(trajecten["status"] == "lopend") & (trajecten["peildatum"] == peil)
                      & (trajecten["startdatum"] <= peil) & (trajecten["startdatum"] + pd.DateOffset(months=3) > peil)]
    return {r.traject_id for r in nieuw.itertuples()
            if r.werkgever in werkgevers or (r.praktijkopleider, r.organisatie) in opleiders}


def test_the_beheerder_gets_every_lopend_traject_in_its_first_months_at_a_flagged_name(demo):
    verwacht = verwacht_op_lijst(demo)
    lijst = opvolglijst(Filters(*PERIODE, kijker=BEHEERDER))
    assert set(lijst.trajecten["traject_id"]) == verwacht
    # the demo shows something to follow up for two of its three organisaties
    assert verwacht == {"200261", "200265", "WB-2026-0343", "WB-2026-0347"}
    rijen = demo.set_index(["organisatie", "traject_id"])
    for rij in lijst.trajecten.itertuples():
        bron = rijen.loc[(rij.organisatie, rij.traject_id)]
        assert bron["status"] == "lopend"
        assert rij.startdatum == bron["startdatum"].date() > dt.date(2026, 7, 31)  # peildatum 31-10-2026 minus 3 mnd
        assert rij.maanden == volle_maanden(rij.startdatum, dt.date(2026, 10, 31)) in (0, 1, 2)
    assert redenen_per_naam(lijst) == [
        "Werkgever Kunststoffen Beuningen: 5 van 12 trajecten vielen in de eerste 3 maanden uit (41,7%; gemiddeld "
        "15,3%)",
        "Werkgever Schoonmaakbedrijf Van Gelder: 7 van 19 trajecten vielen in de eerste 3 maanden uit (36,8%; "
        "gemiddeld 15,3%)",
    ]


@pytest.mark.parametrize("naam", [WAALSTAD, MAAS_EN_WAAL, GROEN])
def test_an_organisatie_gets_only_its_own_trajecten_and_no_counts_that_include_others(demo, naam):
    beheerder = lijst_van(BEHEERDER)
    eigen = lijst_van(organisatie(naam))
    assert eigen.drop(columns="Reden").equals(
        beheerder[beheerder["Organisatie"] == naam].drop(columns="Reden").reset_index(drop=True))
    anderen = {WAALSTAD, MAAS_EN_WAAL, GROEN} - {naam}
    tekst = eigen.to_string()
    assert not any(ander in tekst for ander in anderen)
    # both flagged werkgevers also have other organisations' trajecten: their 5 of 12 and 7 of 19 stay out
    assert "van 12" not in tekst and "van 19" not in tekst


def test_waalstad_reads_its_own_counts_and_the_rounded_average(demo):
    tabel = lijst_van(organisatie(WAALSTAD))
    assert tabel["Trajectnummer"].tolist() == ["WB-2026-0343", "WB-2026-0347"]
    assert tabel["Reden"].tolist() == [
        "Werkgever Kunststoffen Beuningen: duidelijk meer uitval in de eerste 3 maanden dan gemiddeld (ongeveer 15%), "
        "over de trajecten van alle organisaties; van uw eigen 7 trajecten daar vielen er 5 in de eerste 3 maanden "
        "uit (71,4%)",
        "Werkgever Schoonmaakbedrijf Van Gelder: duidelijk meer uitval in de eerste 3 maanden dan gemiddeld "
        "(ongeveer 15%), over de trajecten van alle organisaties; van uw eigen 11 trajecten daar vielen er 4 in de "
        "eerste 3 maanden uit (36,4%)",
    ]


def test_groen_werkt_rijk_has_nothing_to_follow_up_in_the_demo(demo):
    lijst = opvolglijst(Filters(*PERIODE, kijker=organisatie(GROEN)))
    assert lijst.trajecten.empty and lijst.duidelijk_hoger == 2 and lijst.in_eerste_maanden > 0


@pytest.mark.parametrize("kijker", [
    Kijker("a.jansen@wijchen.example", "gemeente", gemeenten=("GM0296",)),
    Kijker("consortium@regio.example", "regio"),
    BEHEERDER.in_presentatiemodus(),
    organisatie(WAALSTAD).in_presentatiemodus(),
    None,
], ids=["gemeente", "regio", "beheerder-presentatie", "organisatie-presentatie", "niemand"])
def test_others_are_refused(demo, kijker):
    with pytest.raises(GeenToegang):
        opvolglijst(Filters(*PERIODE, kijker=kijker))


def test_the_names_of_the_uitval_page_stay_the_beheerders(demo):
    with pytest.raises(GeenToegang):
        vroege_uitval_per(Filters(*PERIODE, kijker=organisatie(WAALSTAD)), "werkgever")


# --- a small hand-made store: two organisaties sharing a werkgever ---------------------------------------


PEIL = dt.date(2026, 10, 31)
OUD = dt.date(2025, 3, 3)


def stopt(traject: str, **waarden) -> list:
    """Uitgevallen within the first month (of a start in March 2025, unless told otherwise)."""
    return kandidaat(traject, **{"Status": "Gestopt", "Einddatum": dt.date(2025, 4, 1), "Reden uitval": "Motivatie",
                                 **waarden})


def extern(traject: str, werkgever: str = "Bouwbedrijf Rood", start: dt.date = OUD, **waarden) -> dict:
    return {"traject": traject, "Route": "Extern", "Werkgever": werkgever, "Startdatum": start, **waarden}


@pytest.fixture
def twee(db, tmp_path, monkeypatch) -> Path:
    a = [
        *[stopt(**extern(f"A-R{i}")) for i in range(4)],  # Bouwbedrijf Rood at A: 4 of 6 early uitval
        *[kandidaat(**extern(f"A-R{i}")) for i in range(4, 6)],
        kandidaat(**extern("A-OUD", start=dt.date(2026, 7, 1))),  # 4 months: followed, no longer in the first 3
        *[stopt(f"A-P{i}", Praktijkopleider="P. Rood", Startdatum=OUD) for i in range(6)],  # P. Rood: 6 of 10
        *[kandidaat(f"A-P{i}", Praktijkopleider="P. Rood", Startdatum=OUD) for i in range(6, 10)],
        *[kandidaat(f"A-V{i}", Startdatum=OUD) for i in range(30)],
        kandidaat(**extern("A-NIEUW-1", start=dt.date(2026, 9, 1))),  # listed: werkgever
        kandidaat("A-NIEUW-2", Praktijkopleider="P. Rood", Startdatum=dt.date(2026, 10, 15)),  # listed: opleider
        stopt(**extern("A-WEG", start=dt.date(2026, 9, 1), Einddatum=dt.date(2026, 10, 1))),  # not lopend
        kandidaat(**extern("A-ANDER", werkgever="Bakkerij Blauw", start=dt.date(2026, 9, 1))),  # not flagged
    ]
    b = [
        *[stopt(**extern(f"B-R{i}")) for i in range(2)],  # Bouwbedrijf Rood at B: 2 of 4
        *[kandidaat(**extern(f"B-R{i}")) for i in range(2, 4)],
        *[kandidaat(f"B-V{i}", Startdatum=OUD) for i in range(30)],
        kandidaat(**extern("B-NIEUW-1", start=dt.date(2026, 9, 15))),  # listed for B, never for A
        kandidaat("B-NIEUW-2", Praktijkopleider="P. Rood", Startdatum=dt.date(2026, 9, 1)),  # B's own P. Rood: no
    ]
    for naam, rijen in (("Werkbedrijf A", a), ("Werkbedrijf B", b)):
        resultaat = ingest(db, schrijf_xlsx(tmp_path / f"{naam}.xlsx", [KANDIDATEN_KOP, *rijen]), organisatie=naam,
                           peildatum=PEIL.isoformat())
        assert resultaat.returncode == 0, resultaat.stdout
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    return db


RODE_WERKGEVER = "Werkgever Bouwbedrijf Rood: 6 van 11 trajecten vielen in de eerste 3 maanden uit (54,5%; gemiddeld "
RODE_OPLEIDER = "Praktijkopleider P. Rood: 6 van 10 trajecten vielen in de eerste 3 maanden uit (60,0%; gemiddeld "


def test_the_beheerder_sees_both_organisaties_with_exact_reasons(twee):
    tabel = lijst_van(BEHEERDER)
    assert tabel[["Trajectnummer", "Organisatie", "Startdatum", "Maanden sinds start"]].values.tolist() == [
        ["A-NIEUW-1", "Werkbedrijf A", dt.date(2026, 9, 1), 1],
        ["A-NIEUW-2", "Werkbedrijf A", dt.date(2026, 10, 15), 0],
        ["B-NIEUW-1", "Werkbedrijf B", dt.date(2026, 9, 15), 1],
    ]
    gemiddeld = "14,8%)"  # 12 of 81 trajecten followed 3 months
    assert tabel["Reden"].tolist() == [RODE_WERKGEVER + gemiddeld, RODE_OPLEIDER + gemiddeld,
                                       RODE_WERKGEVER + gemiddeld]


def test_an_organisatie_sees_its_own_count_at_a_shared_werkgever_and_its_own_praktijkopleider_exactly(twee):
    tabel = lijst_van(organisatie("Werkbedrijf A"))
    assert tabel["Trajectnummer"].tolist() == ["A-NIEUW-1", "A-NIEUW-2"]
    assert tabel["Reden"].tolist() == [
        "Werkgever Bouwbedrijf Rood: duidelijk meer uitval in de eerste 3 maanden dan gemiddeld (ongeveer 15%), over "
        "de trajecten van alle organisaties; van uw eigen 7 trajecten daar vielen er 4 in de eerste 3 maanden uit "
        "(57,1%)",
        RODE_OPLEIDER + "ongeveer 15%)",
    ]
    assert lijst_van(organisatie("Werkbedrijf B"))["Trajectnummer"].tolist() == ["B-NIEUW-1"]


def test_filtered_on_its_own_organisatie_it_compares_within_it_exactly(twee):
    tabel = lijst_van(organisatie("Werkbedrijf A"), organisaties=("Werkbedrijf A",))
    # within A: 10 of 47 (21,3%); Bouwbedrijf Rood has only 7 of A's trajecten to compare, fewer than 10
    assert tabel["Trajectnummer"].tolist() == ["A-NIEUW-2"]
    assert tabel["Reden"].tolist() == [RODE_OPLEIDER + "21,3%)"]


# --- the page ---------------------------------------------------------------------------------------------


def rollen(map_: Path) -> Path:
    pad = map_ / "toegang.toml"
    pad.write_text(
        '[[gebruiker]]\nemail = "beheer@test.example"\nrol = "beheerder"\n\n'
        f'[[gebruiker]]\nemail = "p.devries@waalstad.example"\nrol = "organisatie"\norganisaties = ["{WAALSTAD}"]\n\n'
        '[[gebruiker]]\nemail = "a.jansen@wijchen.example"\nrol = "gemeente"\ngemeenten = ["GM0296"]\n\n'
        '[[gebruiker]]\nemail = "consortium@regio.example"\nrol = "regio"\n')
    return pad


@pytest.fixture
def ingelogd(demo, tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_TOEGANG", str(rollen(tmp_path)))

    def als(email: str, presentatie: bool = False) -> AppTest:
        from kader.toegang import PRESENTATIE

        app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
        app.user = {"is_logged_in": True, "email": email}
        app.session_state[PRESENTATIE] = presentatie
        app.run()
        assert not app.exception
        return app

    return als


GEMAAKT_VOOR = "_gemaakt_voor"  # the Excel file's "Gemaakt voor", kept beside the table for the tests


@pytest.fixture
def downloads(monkeypatch) -> list[tuple[str, pd.DataFrame]]:
    import kader.downloads

    gezien: list[tuple[str, pd.DataFrame]] = []
    echt = kader.downloads.download_knoppen

    def vastleggen(df, naam, sleutel, **opties):
        gezien.append((naam, df.assign(**{GEMAAKT_VOOR: dict(opties["toelichting"]).get("Gemaakt voor")})))
        echt(df, naam, sleutel, **opties)

    monkeypatch.setattr(kader.downloads, "download_knoppen", vastleggen)
    return gezien


def opvolgbestanden(downloads: list[tuple[str, pd.DataFrame]]) -> list[pd.DataFrame]:
    """The tables handed to this page's download buttons (the Overzicht, opened first, has its own)."""
    return [df.drop(columns=GEMAAKT_VOOR) for naam, df in downloads if naam == "opvolging"]




def test_the_page_as_an_organisatie_shows_its_own_list_and_exports_only_that(ingelogd, downloads):
    app = ingelogd("p.devries@waalstad.example")
    assert "opvolging.py" in geregistreerde_paginas(app)
    app.switch_page("pages/opvolging.py").run()
    assert not app.exception
    assert app.title[0].value == "Opvolging"
    tabel = app.dataframe[0].value
    assert list(tabel.columns) == ["Trajectnummer", "Startdatum", "Maanden sinds start", "Werkgever",
                                   "Praktijkopleider", "Vanwege"]  # its own organisatie in every row: no column
    assert tabel["Trajectnummer"].tolist() == ["WB-2026-0343", "WB-2026-0347"]
    assert tabel["Vanwege"].tolist() == ["werkgever", "werkgever"]
    tekst = [zichtbaar(m.value) for m in app.markdown]
    assert "**2 trajecten om nu nauw op te volgen**, van de 36 lopende trajecten in hun eerste 3 maanden." in tekst
    assert any(t.startswith("- Werkgever Kunststoffen Beuningen: duidelijk meer uitval in de eerste 3 maanden dan "
                            "gemiddeld (ongeveer 15%), over de trajecten van alle organisaties; van uw eigen 7 "
                            "trajecten daar vielen er 5") for t in tekst)
    assert any(c.value.endswith("U ziet alleen de trajecten van uw eigen organisatie.") for c in app.caption)
    [bestand] = opvolgbestanden(downloads)
    assert set(bestand["Organisatie"]) == {WAALSTAD}
    assert [df[GEMAAKT_VOOR].iloc[0] for naam, df in downloads if naam == "opvolging"] == [f"organisatie {WAALSTAD}"]
    csv = csv_bytes(bestand).decode("utf-8-sig")
    assert "WB-2026-0343" in csv and "WB-2026-0347" in csv
    assert MAAS_EN_WAAL not in csv and "200261" not in csv and GROEN not in csv


def test_the_page_as_the_beheerder_lists_every_organisatie(ingelogd, downloads):
    app = ingelogd("beheer@test.example")
    app.switch_page("pages/opvolging.py").run()
    assert not app.exception
    tabel = app.dataframe[0].value
    assert tabel["Trajectnummer"].tolist() == ["200261", "200265", "WB-2026-0343", "WB-2026-0347"]
    assert tabel["Organisatie"].tolist() == [MAAS_EN_WAAL, MAAS_EN_WAAL, WAALSTAD, WAALSTAD]
    assert "- Werkgever Kunststoffen Beuningen: 5 van 12 trajecten vielen in de eerste 3 maanden uit (41,7%; " \
           "gemiddeld 15,3%)" in [zichtbaar(m.value) for m in app.markdown][-1].split("\n")
    [bestand] = opvolgbestanden(downloads)
    assert len(bestand) == 4 and bestand["Reden"].str.startswith("Werkgever ").all()


@pytest.mark.parametrize("email", ["a.jansen@wijchen.example", "consortium@regio.example"])
def test_a_gemeente_or_the_regio_gets_no_page_and_no_list(ingelogd, downloads, email):
    app = ingelogd(email)
    assert "opvolging.py" not in geregistreerde_paginas(app)  # not on the page list: st.navigation does not open it
    pagina = AppTest.from_file(str(ROOT / "pages" / "opvolging.py"), default_timeout=90)  # the page itself refuses too
    pagina.user = {"is_logged_in": True, "email": email}
    pagina.run()
    assert not pagina.exception
    assert [e.value for e in pagina.error] == ["U heeft geen toegang tot deze pagina."]
    assert not pagina.dataframe and not opvolgbestanden(downloads)


@pytest.mark.parametrize("email", ["beheer@test.example", "p.devries@waalstad.example"])
def test_in_the_presentatiemodus_the_page_is_off_the_list_and_shows_nothing(ingelogd, downloads, email):
    assert "opvolging.py" not in geregistreerde_paginas(ingelogd(email, presentatie=True))
    app = ingelogd(email)
    app.switch_page("pages/opvolging.py").run()
    assert app.dataframe
    downloads.clear()
    app.sidebar.toggle(key="presentatiemodus").set_value(True).run()  # switched on while the list is open
    assert not app.exception
    assert not app.dataframe and not opvolgbestanden(downloads)
    assert app.info[-1].value.startswith("Deze pagina is verborgen in de presentatiemodus.")


def test_an_organisatie_with_nothing_to_follow_up_is_told_so(demo, tmp_path, monkeypatch):
    pad = tmp_path / "toegang.toml"
    pad.write_text(f'[[gebruiker]]\nemail = "team@groen.example"\nrol = "organisatie"\norganisaties = ["{GROEN}"]\n')
    monkeypatch.setenv("DASHBOARD_TOEGANG", str(pad))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    app.user = {"is_logged_in": True, "email": "team@groen.example"}
    app.run()
    app.switch_page("pages/opvolging.py").run()
    assert not app.exception and not app.dataframe
    lopend = opvolglijst(Filters(*PERIODE, kijker=organisatie(GROEN))).in_eerste_maanden
    assert [s.value for s in app.success] == [
        f"Geen van uw {lopend} lopende trajecten in hun eerste 3 maanden zit bij een werkgever of praktijkopleider "
        "met duidelijk meer vroege uitval dan gemiddeld (ongeveer 15%). Er is nu niets extra op te volgen."]


WSP = "WSP Rijk van Nijmegen"  # an organisatie that uploads vraag only: no trajecten of its own


def test_an_organisatie_without_trajecten_gets_an_empty_list(demo):
    lijst = opvolglijst(Filters(*PERIODE, kijker=organisatie(WSP)))
    assert lijst.trajecten.empty and lijst.in_eerste_maanden == 0
    assert list(lijst.trajecten.columns) == ["traject_id", "organisatie", "startdatum", "peildatum", "maanden",
                                             "werkgever", "praktijkopleider", "redenen"]


def test_the_page_for_the_wsp_says_there_is_nothing_to_follow_up(demo, tmp_path, monkeypatch):
    pad = tmp_path / "toegang.toml"
    pad.write_text(
        f'[[gebruiker]]\nemail = "m.bakker@wsp-rijk.example"\nrol = "organisatie"\norganisaties = ["{WSP}"]\n')
    monkeypatch.setenv("DASHBOARD_TOEGANG", str(pad))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    app.user = {"is_logged_in": True, "email": "m.bakker@wsp-rijk.example"}
    app.run()
    app.switch_page("pages/opvolging.py").run()
    assert not app.exception and not app.dataframe
    assert [s.value for s in app.success] == [
        "Uw organisatie heeft nu geen lopend traject in zijn eerste 3 maanden. Er is niets op te volgen."]
