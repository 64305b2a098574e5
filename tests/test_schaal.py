"""Issue 17 point 2: the read side's questions made cheap at national scale give the answers they gave before."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from analytics.filters import Filters
from analytics.opslag import query, query_perioden, sql
from analytics.uitval import kaplan_meier
from tests.conftest import KANDIDATEN_KOP, ingest, kandidaat, schrijf_xlsx

ALLES = {"regio": [], "gemeenten": [], "organisaties": [], "sectoren": [], "doelgroepen": [], "stromen": [],
         "routes": []}


def test_kaplan_meier_from_counts_is_the_estimate_from_one_row_per_traject():
    """The uitval page now gets (maanden, uitval, aantal) from DuckDB instead of a row per traject: same curve."""
    rng = np.random.default_rng(17)
    maanden = rng.integers(0, 30, 2_000) / 2
    uitval = rng.random(2_000) < 0.3
    los = kaplan_meier(maanden, uitval)
    geteld = pd.DataFrame({"maanden": maanden, "uitval": uitval}).value_counts().reset_index(name="aantal")
    samen = kaplan_meier(geteld["maanden"], geteld["uitval"], aantal=geteld["aantal"])
    pd.testing.assert_frame_equal(los, samen)


def test_the_tiles_and_the_table_per_gemeente_come_from_one_question(db, tmp_path, monkeypatch):
    """kengetallen.sql with per = 'beide' holds exactly the rows of per = 'totaal' and per = 'gemeente'."""
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    ingest(db, schrijf_xlsx(tmp_path / "a.xlsx", [
        KANDIDATEN_KOP, kandidaat("T1"), kandidaat("T2", Gemeente="Wijchen"),
        kandidaat("T3", Kandidaatnummer="KT1", Startdatum=dt.date(2025, 2, 1), Status="Afgerond",
                  Einddatum=dt.date(2026, 2, 1), Uitstroom="Betaald werk")]))
    parameters = {**ALLES, "perioden": [{"van": dt.date(2026, 1, 1), "tot": dt.date(2026, 10, 31)}]}
    beide = query("kengetallen", {**parameters, "per": "beide"})
    for per, totaal in (("totaal", True), ("gemeente", False)):
        los = query("kengetallen", {**parameters, "per": per}).drop(columns="is_totaal")
        deel = beide[beide["is_totaal"] == totaal].drop(columns="is_totaal").reset_index(drop=True)
        pd.testing.assert_frame_equal(los.drop(columns="gemeentecode"), deel.drop(columns="gemeentecode"))
    assert beide.loc[beide["is_totaal"], "instroom"].tolist() == [2]
    assert sorted(beide.loc[~beide["is_totaal"], "groep"]) == ["Nijmegen", "Wijchen"]


def test_as_it_stood_on_a_date_reads_each_organisations_latest_export_on_or_before_it(db, tmp_path, monkeypatch):
    """trajecten_op: per organisatie its latest export on or before the date, and only that export's rows; an export
    without a traject in the selection counts 0 there (not an older export that had one)."""
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    ingest(db, schrijf_xlsx(tmp_path / "a.xlsx", [KANDIDATEN_KOP, kandidaat("T1"), kandidaat("T2", Sector="Groen")]),
           peildatum="2026-08-31")
    ingest(db, schrijf_xlsx(tmp_path / "b.xlsx", [KANDIDATEN_KOP, kandidaat("T1"), kandidaat("T3")]),
           peildatum="2026-09-30")

    def lopend(op: str, **selectie) -> int:
        return int(query("lopend_op", {**ALLES, **selectie, "peildatum": dt.date.fromisoformat(op)})["lopend"].iloc[0])

    assert lopend("2026-08-15") == 0  # nothing delivered yet
    assert lopend("2026-09-15") == 2  # the August export: T1 and T2
    assert lopend("2026-10-31") == 2  # the September export: T1 and T3
    assert lopend("2026-09-15", sectoren=["groen"]) == 1
    assert lopend("2026-10-31", sectoren=["groen"]) == 0  # T2 is not in the September export


def test_the_filter_choices_are_the_values_in_the_store(db, tmp_path, monkeypatch):
    """filterkeuzes.sql in one scan: every dimension with the values present, gemeenten by code with their name."""
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    ingest(db, schrijf_xlsx(tmp_path / "a.xlsx", [
        KANDIDATEN_KOP, kandidaat("T1"), kandidaat("T2", Gemeente="Wijchen", Sector="Groen", Stroom=None)]))
    keuzes = {d: list(zip(g["waarde"], g["naam"], strict=True)) for d, g in query("filterkeuzes").groupby("dimensie")}
    assert keuzes["gemeenten"] == [("GM0268", "Nijmegen"), ("GM0296", "Wijchen")]
    assert keuzes["regio"] == [("Rijk van Nijmegen", "Rijk van Nijmegen")]
    assert keuzes["organisaties"] == [("Werkbedrijf Test", "Werkbedrijf Test")]
    assert [w for w, _ in keuzes["sectoren"]] == ["groen", "schoonmaak"]
    assert [w for w, _ in keuzes["stromen"]] == ["langstromer", "onbekend"]
    assert set(keuzes) == {"regio", "gemeenten", "organisaties", "sectoren", "doelgroepen", "stromen", "routes"}


def test_filters_object_still_reaches_the_same_rows(db, tmp_path, monkeypatch):
    """trajecten_in_selectie (the latest peildatum per organisatie from a grouped join): the tiles count as before."""
    from analytics.kengetallen import kengetallen
    from toegang.kijker import Kijker

    monkeypatch.setenv("DASHBOARD_DB", str(db))
    ingest(db, schrijf_xlsx(tmp_path / "a.xlsx", [KANDIDATEN_KOP, kandidaat("T1"), kandidaat("T2")]),
           peildatum="2026-09-30")
    ingest(db, schrijf_xlsx(tmp_path / "b.xlsx", [KANDIDATEN_KOP, kandidaat("T1", Gemeente="Wijchen")]),
           organisatie="Ander Werkbedrijf", peildatum="2026-10-31")
    beheerder = Filters(dt.date(2026, 1, 1), dt.date(2026, 10, 31), kijker=Kijker("beheer@test.example", "beheerder"))
    getallen = kengetallen(beheerder)
    assert (getallen.instroom, getallen.lopend) == (3, 3)  # each organisatie's lopend at its own latest peildatum


REFERENTIE = Path(__file__).resolve().parent / "sql" / "kengetallen_per_traject.sql"


def kengetallen_vergelijken(db: Path) -> int:
    """kengetallen.sql (from traject_kenmerk, several periods in one question) against the question as it was before
    (tests/sql/kengetallen_per_traject.sql: per traject from the view trajecten with the macros of selectie.sql), per
    period, for selections of every dimension and periods that start and end on any day; the number compared."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        con.execute(sql("selectie"))
        referentie = REFERENTIE.read_text(encoding="utf-8")

        def een(vraag: str) -> str:
            return con.execute(vraag).fetchone()[0]

        regio = een("SELECT arbeidsmarktregio FROM trajecten GROUP BY 1 ORDER BY count(*), 1 LIMIT 1")
        gemeente = een("SELECT gemeentecode FROM trajecten GROUP BY 1 ORDER BY count(*), 1 LIMIT 1")
        organisatie = een("SELECT organisatie FROM trajecten GROUP BY 1 ORDER BY 1 LIMIT 1")
        sector = een("SELECT sector FROM trajecten GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
        selecties = [{}, {"sectoren": [sector]}, {"regio": [regio]}, {"gemeenten": [gemeente]},
                     {"organisaties": [organisatie]}, {"doelgroepen": ["wajong"]}, {"stromen": ["onbekend"]},
                     {"routes": ["bbl"]}, {"regio": [regio], "sectoren": [sector]}, {"sectoren": ["bestaat-niet"]}]
        perioden = [(dt.date(2025, 11, 1), dt.date(2026, 10, 31)), (dt.date(2024, 11, 1), dt.date(2025, 10, 31)),
                    (dt.date(2020, 1, 1), dt.date(2020, 12, 31)), (dt.date(1900, 1, 1), dt.date(2026, 12, 31)),
                    (dt.date(2024, 2, 29), dt.date(2025, 2, 28)), (dt.date(2026, 1, 15), dt.date(2026, 3, 3)),
                    (dt.date(2024, 11, 1), dt.date(2024, 11, 30))]  # two periods from one day: both answered
        vergeleken = 0
        for selectie in selecties:
            for per in ("beide", "totaal", "gemeente"):
                samen = con.execute(sql("kengetallen"), {**ALLES, **selectie, "per": per, "perioden": [
                    {"van": van, "tot": tot} for van, tot in perioden]}).df()
                for van, tot in perioden:
                    los = con.execute(referentie, {**ALLES, **selectie, "per": per, "van": van, "tot": tot}).df()
                    deel = samen[(pd.to_datetime(samen["van"]).dt.date == van)
                                 & (pd.to_datetime(samen["tot"]).dt.date == tot)]
                    deel = deel.drop(columns=["van", "tot"]).reset_index(drop=True)
                    if deel.empty:  # no traject in the selection: the old question gave one total row of zeros
                        assert los["is_totaal"].all() and (los.select_dtypes("number") == 0).all().all(), los
                    else:
                        pd.testing.assert_frame_equal(los, deel)
                    vergeleken += 1
        return vergeleken
    finally:
        con.close()


def test_the_counts_per_traject_worked_out_at_load_time_give_the_answers_of_before(demo_opslag):
    """traject_kenmerk (dates and flags per traject, kept at load time) and several periods in one question: on the
    demo, every count of the overzicht, in total and per gemeente, is what the question per traject gave."""
    db, _ = demo_opslag
    assert kengetallen_vergelijken(db) == 10 * 3 * 7


def test_traject_kenmerk_holds_what_the_macros_say_for_every_traject(demo_opslag):
    """The definitions in basis/sql/schema.sql (plain SQL: a view cannot use temporary macros) are those of the macros
    of analytics/sql/selectie.sql, traject by traject."""
    db, _ = demo_opslag
    con = duckdb.connect(str(db), read_only=True)
    try:
        con.execute(sql("selectie"))
        verschil = con.execute("""
            SELECT count(*) FROM traject_kenmerk k JOIN trajecten t USING (organisatie, traject_id)
            WHERE k.is_lopend IS DISTINCT FROM (t.status = 'lopend')
               OR k.uitval_12 IS DISTINCT FROM uitval_binnen(t.status, t.reden_uitval, t.startdatum, t.einddatum, 12)
               OR k.praktijkverklaring_op IS DISTINCT FROM
                  praktijkverklaring_op(t.praktijkverklaring_datum, t.status, t.einddatum)
               OR k.beeindigd_op IS DISTINCT FROM (CASE WHEN t.status <> 'lopend' THEN t.einddatum END)
               OR k.is_uitstroom_werk IS DISTINCT FROM is_uitstroom_werk(t.status, t.uitstroom, t.reden_uitval)
               OR (k.te_volgen_12_vanaf <= t.peildatum)
                  IS DISTINCT FROM n_maanden_te_volgen(t.startdatum, t.peildatum, 12)
               OR k.uitval_6 IS DISTINCT FROM uitval_binnen(t.status, t.reden_uitval, t.startdatum, t.einddatum, 6)
               OR (k.te_volgen_6_vanaf <= t.peildatum)
                  IS DISTINCT FROM n_maanden_te_volgen(t.startdatum, t.peildatum, 6)
        """).fetchone()[0]
        assert verschil == 0
        assert con.execute("SELECT count(*) FROM traject_kenmerk").fetchone() == con.execute(
            "SELECT count(*) FROM trajecten").fetchone()
    finally:
        con.close()


def test_the_periods_asked_together_are_each_cached_as_if_asked_alone(db, tmp_path, monkeypatch):
    """query_perioden: the first period's rows as kengetallen.sql gives them for that period alone; the other periods
    of the list come from the same question (the year earlier is then not asked again)."""
    from analytics import opslag

    monkeypatch.setenv("DASHBOARD_DB", str(db))
    ingest(db, schrijf_xlsx(tmp_path / "a.xlsx", [
        KANDIDATEN_KOP, kandidaat("T1"), kandidaat("T2", Startdatum=dt.date(2025, 3, 1), Gemeente="Wijchen")]))
    nu, toen = (dt.date(2026, 1, 1), dt.date(2026, 10, 31)), (dt.date(2025, 1, 1), dt.date(2025, 10, 31))
    parameters = {**ALLES, "per": "beide"}
    gevraagd = []
    echte = opslag.query
    monkeypatch.setattr(opslag, "query", lambda naam, p, db=None: gevraagd.append(p["perioden"]) or echte(naam, p, db))
    eerst = query_perioden("kengetallen", parameters, [nu, toen])
    daarna = query_perioden("kengetallen", parameters, [toen, nu])
    assert gevraagd == [[{"van": nu[0], "tot": nu[1]}, {"van": toen[0], "tot": toen[1]}]]  # one question
    for periode, rijen in ((nu, eerst), (toen, daarna)):
        alleen = echte("kengetallen", {**parameters, "perioden": [{"van": periode[0], "tot": periode[1]}]})
        pd.testing.assert_frame_equal(rijen, alleen.drop(columns=["van", "tot"]))
    assert eerst.loc[eerst["is_totaal"], "instroom"].tolist() == [1]
    assert daarna.loc[daarna["is_totaal"], "instroom"].tolist() == [1]


def test_instroom_per_period_counts_unique_kandidaten_as_before(demo_opslag):
    """instroom_per_periode.sql counts unieke kandidaten as (organisatie, kandidaat) groups instead of a
    count(DISTINCT): per month and year, per dimension and selection, the rows of before
    (tests/sql/instroom_per_periode_distinct.sql)."""
    db, _ = demo_opslag
    con = duckdb.connect(str(db), read_only=True)
    try:
        con.execute(sql("selectie"))
        referentie = (Path(__file__).resolve().parent / "sql" / "instroom_per_periode_distinct.sql").read_text()
        vergeleken = 0
        for selectie in ({}, {"sectoren": ["groen"]}, {"stromen": ["onbekend"]}):
            for van in (dt.date(2024, 11, 1), dt.date(1900, 1, 1), dt.date(2026, 12, 1)):
                for periode in ("maand", "jaar"):
                    for dimensie in ("", "gemeente", "stroom", "organisatie", "sector", "doelgroep", "route"):
                        p = {**ALLES, **selectie, "van": van, "tot": dt.date(2026, 10, 31), "periode": periode,
                             "dimensie": dimensie}
                        pd.testing.assert_frame_equal(con.execute(referentie, p).df(),
                                                      con.execute(sql("instroom_per_periode"), p).df())
                        vergeleken += 1
        assert vergeleken == 3 * 3 * 2 * 7
    finally:
        con.close()


def test_the_sectorvergelijking_counts_from_traject_kenmerk_as_before(demo_opslag):
    """sectoren.sql counts the half year from traject_kenmerk: the rows of the question per traject before it
    (tests/sql/sectoren_per_traject.sql), for selections of every kind and half years (and a period from any day)."""
    db, _ = demo_opslag
    con = duckdb.connect(str(db), read_only=True)
    try:
        con.execute(sql("selectie"))
        referentie = (Path(__file__).resolve().parent / "sql" / "sectoren_per_traject.sql").read_text()
        kleinste = "SELECT gemeentecode FROM trajecten GROUP BY 1 ORDER BY count(*), 1 LIMIT 1"
        [(gemeente,)] = con.execute(kleinste).fetchall()
        vergeleken = 0
        for selectie in ({}, {"sectoren": ["groen"]}, {"gemeenten": [gemeente]}, {"stromen": ["onbekend"]},
                         {"sectoren": ["bestaat-niet"]}):
            for van, tot, laatste_maand in ((dt.date(2026, 1, 1), dt.date(2026, 6, 30), dt.date(2026, 6, 1)),
                                            (dt.date(2025, 7, 1), dt.date(2025, 12, 31), dt.date(2025, 12, 1)),
                                            (dt.date(1900, 1, 1), dt.date(2025, 12, 31), dt.date(2025, 12, 1)),
                                            (dt.date(2024, 2, 29), dt.date(2024, 8, 29), dt.date(2024, 8, 1))):
                p = {**ALLES, **selectie, "van": van, "tot": tot, "laatste_maand": laatste_maand, "k": 6}
                pd.testing.assert_frame_equal(con.execute(referentie, p).df(), con.execute(sql("sectoren"), p).df())
                vergeleken += 1
        assert vergeleken == 5 * 4
    finally:
        con.close()
