"""Verbeteracties: written through the write module and the real CLI into a copy of the demo store, exported to and
imported from real .xlsx files, shown on the page to each role, and their numbers per half year checked against the
Sectorvergelijking's, computed here independently from the analyst views."""

from __future__ import annotations

import datetime as dt
import re
import shutil

import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analytics.beschermd import Beschermd, bereik
from analytics.sectoren import Halfjaar
from kader.toegang import PRESENTATIE
from tests.conftest import (
    ROOT,
    TEST_BEHEERDER,
    alle_tabellen,
    analistenviews,
    cli,
    rijen,
    rollen_toml,
    schrijf_xlsx,
    zichtbaar,
)
from tests.test_sectoren import per_sector
from toegang.kijker import Kijker

REGIO = "consortium@regio.example"
GEMEENTE = "a.jansen@wijchen.example"
KOPPEN = ["Nummer", "Halfjaar", "Sector", "Gemeente", "Kengetal", "Bevinding", "Actie", "Eigenaar", "Deadline",
          "Status", "Te laat", "Laatste update", "Toelichting"]
TE_LAAT_KLEUR = "background-color: #FBE3E4"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def opslag(demo_opslag, tmp_path, monkeypatch):
    """A copy of the demo store with the roles file of the access tests (beheerder, gemeente Wijchen, regio)."""
    db, _ = demo_opslag
    kopie = tmp_path / "opslag.duckdb"
    shutil.copy(db, kopie)
    (tmp_path / "toegang.toml").write_text(rollen_toml(TEST_BEHEERDER))
    monkeypatch.setenv("DASHBOARD_DB", str(kopie))
    monkeypatch.setenv("DASHBOARD_SLEUTEL", str(db.parent / "sleutel"))
    monkeypatch.setenv("DASHBOARD_TOEGANG", str(tmp_path / "toegang.toml"))
    monkeypatch.setenv("DASHBOARD_ACCOUNTS", str(tmp_path / "accounts.json"))
    return kopie


@pytest.fixture(scope="module")
def views(demo_opslag):
    alles = analistenviews(demo_opslag[0])
    return alles["trajecten"], alles["vraag"]


def regio() -> Kijker:
    return Kijker(REGIO, "regio")


def voeg_toe(db, wie: Kijker | None = None, **velden) -> int:
    from pipelines.verbeteracties import gecontroleerd, toevoegen

    waarden = {"halfjaar": "2025-2", "sector": "Schoonmaak", "gemeente": "", "kengetal": "Instroom",
               "bevinding": "Minder instroom dan afgesproken", "actie": "Voorlichting bij UWV-klantmanagers",
               "eigenaar": "UWV", "deadline": "31-03-2026"} | velden
    actie, fouten = gecontroleerd(**waarden)
    assert not fouten
    return toevoegen(db, actie, wie or regio())


def cli_import(db, pad, als: str = REGIO):
    return cli("verbeteracties", "importeren", "--db", db, "--als", als, pad)


def blad(pad) -> list[tuple]:
    boek = openpyxl.load_workbook(pad)
    return [tuple(c.value for c in rij) for rij in boek.active.iter_rows()]


def audit_regels(db) -> list[tuple]:
    return rijen(db, "SELECT wie, actie, wat FROM audit_log WHERE actie LIKE 'verbeteractie%' ORDER BY moment")


# --- write module, CLI, Excel -------------------------------------------------------------------------------------


def test_made_updated_closed_exported_and_imported_back_without_duplicates(opslag, tmp_path):
    from pipelines.verbeteracties import bijwerken

    eerste = voeg_toe(opslag)
    voeg_toe(opslag, halfjaar="2026-1", sector="", gemeente="GM0296", kengetal="Uitval binnen 6 maanden",
             actie="Startgesprek met praktijkopleider", eigenaar="Gemeente Wijchen", deadline="2099-12-31")
    bijwerken(opslag, eerste, "bezig", "Twee bijeenkomsten gepland", regio())
    bijwerken(opslag, eerste, "gereed", "Gehouden in maart", regio())
    assert rijen(opslag, "SELECT id, status FROM verbeteractie ORDER BY id") == [(1, "gereed"), (2, "open")]
    assert rijen(opslag, "SELECT actie_id, door, status, toelichting FROM verbeteractie_update ORDER BY tijdstip") == [
        (1, REGIO, "bezig", "Twee bijeenkomsten gepland"), (1, REGIO, "gereed", "Gehouden in maart")]

    uit = tmp_path / "lijst.xlsx"
    resultaat = cli("verbeteracties", "exporteren", "--db", opslag, "--uit", uit)
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr
    assert resultaat.stdout == f"Verbeteracties geschreven: {uit}\n"
    inhoud = blad(uit)
    vandaag = dt.date.today()
    assert inhoud[0] == tuple(KOPPEN)
    assert inhoud[1][:11] == (1, "2025-2", "Schoonmaak", None, "Instroom", "Minder instroom dan afgesproken",
                              "Voorlichting bij UWV-klantmanagers", "UWV", dt.datetime(2026, 3, 31), "gereed", "nee")
    assert inhoud[1][11].date() == vandaag and inhoud[1][12] == "Gehouden in maart"
    assert inhoud[2] == (2, "2026-1", None, "Wijchen", "Uitval binnen 6 maanden", "Minder instroom dan afgesproken",
                         "Startgesprek met praktijkopleider", "Gemeente Wijchen", dt.datetime(2099, 12, 31), "open",
                         "nee", None, None)

    voor = alle_tabellen(opslag)
    resultaat = cli_import(opslag, uit)
    assert (resultaat.returncode, resultaat.stdout) == (
        0, "Geladen: 0 nieuwe verbeteracties, 0 bijgewerkt, 2 ongewijzigd. (lijst.xlsx)\n")
    na = alle_tabellen(opslag)
    assert {t: na[t] for t in na if t != "audit_log"} == {t: voor[t] for t in voor if t != "audit_log"}

    # the same list edited in Excel: the second closed with a toelichting, and a new row without Nummer
    boek = openpyxl.load_workbook(uit)
    werkblad = boek.active
    werkblad["J3"] = "Vervallen"
    werkblad["M3"] = "Wijchen doet mee aan het regionale plan"
    werkblad.append([None, "2e halfjaar 2026", "groen", "Nijmegen", "praktijkverklaringen", "", "Examens plannen",
                     "ROC Nijmegen", dt.datetime(2027, 6, 30), "open"])
    boek.save(uit)
    resultaat = cli_import(opslag, uit)
    assert (resultaat.returncode, resultaat.stdout) == (
        0, "Geladen: 1 nieuwe verbeteractie, 1 bijgewerkt, 1 ongewijzigd. (lijst.xlsx)\n")
    # a list kept without numbers: a row with the halfjaar, scope, kengetal and actie of a stored action is that action
    zonder = schrijf_xlsx(tmp_path / "zonder.xlsx", [
        ["Halfjaar", "Sector", "Kengetal", "Bevinding", "Actie", "Eigenaar", "Deadline", "Status"],
        ["2025-2", "Schoonmaak", "Instroom", "Minder instroom dan afgesproken", "Voorlichting bij UWV-klantmanagers",
         "UWV", dt.date(2026, 3, 31), "gereed"]])
    resultaat = cli_import(opslag, zonder)
    assert (resultaat.returncode, resultaat.stdout) == (
        0, "Geladen: 0 nieuwe verbeteracties, 0 bijgewerkt, 1 ongewijzigd. (zonder.xlsx)\n")
    assert rijen(opslag, "SELECT id, halfjaar, sector, gemeentecode, kengetal, bevinding, status FROM verbeteractie "
                         "ORDER BY id") == [
        (1, "2025-2", "schoonmaak", None, "instroom", "Minder instroom dan afgesproken", "gereed"),
        (2, "2026-1", None, "GM0296", "uitval_binnen", "Minder instroom dan afgesproken", "vervallen"),
        (3, "2026-2", "groen", "GM0268", "praktijkverklaringen", None, "open"),
    ]
    assert rijen(opslag, "SELECT actie_id, status, toelichting FROM verbeteractie_update WHERE actie_id = 2") == [
        (2, "vervallen", "Wijchen doet mee aan het regionale plan")]


def test_every_change_is_in_the_audit_log_without_its_free_text(opslag, tmp_path):
    from pipelines.verbeteracties import bijwerken

    nummer = voeg_toe(opslag, bevinding="Geheime bevinding", actie="Geheime actie")
    bijwerken(opslag, nummer, "gereed", "Geheime toelichting", regio())
    uit = tmp_path / "lijst.xlsx"
    assert cli("verbeteracties", "exporteren", "--db", opslag, "--uit", uit).returncode == 0
    boek = openpyxl.load_workbook(uit)
    boek.active["H2"] = "Werkgeversservicepunt"
    boek.save(uit)
    assert cli_import(opslag, uit).returncode == 0
    assert audit_regels(opslag) == [
        (REGIO, "verbeteractie toegevoegd", "verbeteractie 1 (2025-2, kengetal instroom, sector schoonmaak, status "
                                            "open)"),
        (REGIO, "verbeteractie bijgewerkt", "verbeteractie 1: status open -> gereed"),
        (REGIO, "verbeteractie gewijzigd", "verbeteractie 1: eigenaar (Excel-import)"),
    ]
    assert rijen(opslag, "SELECT wie, wat FROM audit_log WHERE actie = 'download'") == [
        ("opdrachtregel", "verbeteracties lijst.xlsx")]
    alles = " ".join(str(r) for r in rijen(opslag, "SELECT * FROM audit"))
    assert "Geheim" not in alles and "Werkgeversservicepunt" not in alles


def test_a_bad_file_is_refused_whole_with_every_row_named(opslag, tmp_path):
    voeg_toe(opslag)
    pad = schrijf_xlsx(tmp_path / "fout.xlsx", [
        ["Verbeterlijst consortium"],  # a title above the header, and header spellings of other lists
        ["Nr", "Half jaar", "Sector", "Gemeente", "Indicator", "Constatering", "Maatregel", "Trekker", "Uiterste datum",
         "Status"],
        [None, "2026-1", "Groen", None, "Instroom", None, "Goed: zou geladen worden", "UWV", dt.date(2026, 9, 30),
         "open"],
        [None, "2026-3", "Bakkerij", "Atlantis", "Vraag", None, "Iets", "UWV", "morgen", "klaar"],
        [None, "2026-1", None, None, "Instroom", "Alleen een bevinding", None, None, None, None],
        [None, None, None, None, None, None, None, None, None, None],  # an empty row is no row
        [7, "2026-1", None, None, "Instroom", None, "Bestaat niet", "UWV", "30-09-2026", "bezig"],
        [1, "2025-2", None, None, "Instroom", None, "Nummer 1", "UWV", "30-09-2026", "bezig"],
        [1, "2025-2", None, None, "Instroom", None, "Nummer 1 nog eens", "UWV", "30-09-2026", "bezig"],
    ])
    voor = alle_tabellen(opslag)
    resultaat = cli_import(opslag, pad)
    assert resultaat.returncode == 1
    assert resultaat.stdout.splitlines() == [
        "Geweigerd: fout.xlsx.",
        "  Rij 4: Halfjaar '2026-3' is onbekend. Schrijf het als 2026-1 (januari tot en met juni) of 2026-2 (juli tot "
        "en met december).",
        "  Rij 4: Sector 'Bakkerij' is onbekend. Kies een sector zoals Schoonmaak of Groen, of laat het leeg voor alle "
        "sectoren.",
        "  Rij 4: Gemeente 'Atlantis' is onbekend. Gebruik de naam of de CBS-code (zoals GM0296), of laat het leeg "
        "voor de hele selectie.",
        "  Rij 4: Kengetal 'Vraag' is onbekend of niet per halfjaar te volgen. Kies uit: Instroom, Lopende trajecten, "
        "Praktijkverklaringen, Uitval binnen 6 maanden, Uitstroom naar werk, Structurele vraag.",
        "  Rij 4: Deadline 'morgen' is geen datum. Schrijf bijvoorbeeld 31-12-2026.",
        "  Rij 4: Status 'klaar' is onbekend. Kies open, bezig, gereed of vervallen.",
        "  Rij 5: Actie is leeg. Beschrijf wat er gaat gebeuren.",
        "  Rij 5: Eigenaar is leeg. Vul de organisatie in die de actie trekt (een gemeente, UWV, het WSP, een "
        "SW-bedrijf of een mbo-school).",
        "  Rij 5: Deadline is leeg. Vul de datum in waarop de actie klaar moet zijn, zoals 31-12-2026.",
        "  Rij 7: Nummer 7 bestaat niet in deze opslag. Laat het leeg voor een nieuwe verbeteractie.",
        "  Rij 9: verbeteractie 1 staat ook in rij 8. Laat één rij staan.",
        "  Er is niets geladen; verbeter het bestand en laad het opnieuw.",
    ]
    assert alle_tabellen(opslag) == voor


def test_a_file_without_the_columns_is_refused(opslag, tmp_path):
    pad = schrijf_xlsx(tmp_path / "anders.xlsx", [["Halfjaar", "Kengetal", "Actie"], ["2026-1", "Instroom", "Iets"]])
    resultaat = cli_import(opslag, pad)
    assert (resultaat.returncode, resultaat.stdout.splitlines()) == (1, [
        "Geweigerd: anders.xlsx.",
        "  Kolom 'Eigenaar', 'Deadline' ontbreekt. Gebruik de kolommen van de export: Nummer, Halfjaar, Sector, "
        "Gemeente, Kengetal, Bevinding, Actie, Eigenaar, Deadline, Status, Laatste update, Toelichting. Er is niets "
        "geladen; verbeter het bestand en laad het opnieuw.",
    ])


def test_text_that_looks_like_a_formula_stays_text(opslag, tmp_path):
    formule = '=HYPERLINK("http://example.com","klik")'
    voeg_toe(opslag, bevinding=formule, eigenaar="@UWV")
    uit = tmp_path / "lijst.xlsx"
    assert cli("verbeteracties", "exporteren", "--db", opslag, "--uit", uit).returncode == 0
    cellen = openpyxl.load_workbook(uit).active
    assert (cellen["F2"].value, cellen["F2"].data_type) == (formule, "s")
    assert (cellen["H2"].value, cellen["H2"].data_type) == ("@UWV", "s")
    assert cli_import(opslag, uit).stdout.startswith("Geladen: 0 nieuwe verbeteracties, 0 bijgewerkt, 1 ongewijzigd.")
    assert rijen(opslag, "SELECT bevinding FROM verbeteractie") == [(formule,)]


@pytest.mark.parametrize(("als", "melding"), [
    (GEMEENTE, f"{GEMEENTE} (gemeente) mag verbeteracties lezen, niet schrijven: dat doen de beheerder en de regio. "
               "Er is niets veranderd."),
    ("onbekend@elders.example", None),
])
def test_a_gemeente_or_a_stranger_may_not_import(opslag, tmp_path, als, melding):
    pad = schrijf_xlsx(tmp_path / "lijst.xlsx", [
        ["Halfjaar", "Kengetal", "Actie", "Eigenaar", "Deadline"], ["2026-1", "Instroom", "Iets", "UWV", "30-09-2026"]])
    voor = alle_tabellen(opslag)
    resultaat = cli_import(opslag, pad, als=als)
    toegang = str(opslag.parent / "toegang.toml")
    verwacht = melding or f"{als} staat niet in het toegangsbestand ({toegang}). Er is niets veranderd."
    assert (resultaat.returncode, resultaat.stdout) == (1, verwacht + "\n")
    assert alle_tabellen(opslag) == voor


def test_the_regio_writes_and_the_gemeente_and_the_projector_do_not(opslag):
    from pipelines.verbeteracties import VerbeteractieFout, bijwerken

    nummer = voeg_toe(opslag, wie=regio())
    gemeente = Kijker(GEMEENTE, "gemeente", ("GM0296",))
    with pytest.raises(VerbeteractieFout) as fout:
        bijwerken(opslag, nummer, "gereed", "", gemeente)
    assert str(fout.value) == (f"{GEMEENTE} (gemeente) mag verbeteracties lezen, niet schrijven: dat doen de beheerder "
                               "en de regio. Er is niets veranderd.")
    with pytest.raises(VerbeteractieFout) as fout:
        bijwerken(opslag, nummer, "gereed", "", regio().in_presentatiemodus())
    assert str(fout.value) == ("In de presentatiemodus worden geen verbeteracties geschreven. Zet de presentatiemodus "
                               "uit. Er is niets veranderd.")
    with pytest.raises(VerbeteractieFout) as fout:
        bijwerken(opslag, 99, "gereed", "", regio())
    assert str(fout.value) == "Verbeteractie 99 bestaat niet. Er is niets veranderd."
    assert rijen(opslag, "SELECT status FROM verbeteractie_update") == []


def test_without_a_roles_file_the_cli_cannot_tell_who_may_write(opslag, tmp_path):
    pad = schrijf_xlsx(tmp_path / "lijst.xlsx", [["Halfjaar", "Kengetal", "Actie", "Eigenaar", "Deadline"]])
    resultaat = cli("verbeteracties", "importeren", "--db", opslag, "--als", REGIO, pad, env={"DASHBOARD_TOEGANG": ""})
    assert (resultaat.returncode, resultaat.stdout) == (1, (
        f"Er is geen toegangsbestand (DASHBOARD_TOEGANG), dus niet na te gaan wat {REGIO} mag. Er is niets "
        "veranderd.\n"))


def test_a_store_from_before_the_verbeteracties_reads_as_empty_and_gets_the_tables_on_the_first_write(opslag):
    import duckdb

    from analytics.verbeteracties import verbeteracties

    con = duckdb.connect(str(opslag))
    con.execute("DROP TABLE verbeteractie")
    con.execute("DROP TABLE verbeteractie_update")
    con.close()
    assert verbeteracties().empty
    voeg_toe(opslag)
    assert list(verbeteracties()["actie"]) == ["Voorlichting bij UWV-klantmanagers"]


# --- read side: the report's table -------------------------------------------------------------------------------


def test_the_report_shows_an_action_made_updated_and_closed_with_its_number_per_half_year(opslag, views):
    from analytics.verbeteracties import rapport_tabel
    from pipelines.verbeteracties import bijwerken

    trajecten, vraag = views
    nummer = voeg_toe(opslag)  # 2e halfjaar 2025, Schoonmaak, instroom
    uitval = voeg_toe(opslag, halfjaar="2025-2", sector="Logistiek", kengetal="Uitval binnen 6 maanden",
                      deadline="2099-01-31")
    bijwerken(opslag, nummer, "bezig", "", regio())
    bijwerken(opslag, nummer, "gereed", "", regio())
    beheerder = rapport_tabel(Halfjaar(2026, 1), Kijker(TEST_BEHEERDER, "beheerder"))
    assert list(beheerder.columns) == ["Voor", "Kengetal", "Bevinding", "Actie", "Eigenaar", "Deadline", "Status",
                                       "Te laat", "2e halfjaar 2025", "1e halfjaar 2026"]
    assert list(beheerder.index) == [nummer, uitval]
    rij = beheerder.loc[nummer]
    assert (rij["Voor"], rij["Kengetal"], rij["Deadline"], rij["Status"], rij["Te laat"]) == (
        "Schoonmaak", "Instroom", dt.date(2026, 3, 31), "gereed", False)
    for jaar, helft in ((2025, 2), (2026, 1)):
        verwacht = per_sector(trajecten, vraag, jaar, helft)
        naam = f"{helft}e halfjaar {jaar}"
        assert beheerder.at[nummer, naam] == verwacht.at["schoonmaak", "gestart"]
        assert beheerder.at[uitval, naam] == pytest.approx(verwacht.at["logistiek", "uitval_aandeel"])

    regio_tabel = rapport_tabel(Halfjaar(2026, 1), regio())
    for jaar, helft in ((2025, 2), (2026, 1)):
        naam = f"{helft}e halfjaar {jaar}"
        waarde = regio_tabel.at[nummer, naam]
        assert isinstance(waarde, Beschermd)
        laag, hoog = bereik(waarde)
        assert laag <= per_sector(trajecten, vraag, jaar, helft).at["schoonmaak", "gestart"] <= hoog
        if not waarde.verborgen:
            assert waarde.getoond % 5 == 0


def test_a_gemeente_action_holds_the_numbers_of_that_gemeente_exact_for_its_own_viewer_only(opslag, views):
    from analytics.verbeteracties import rapport_tabel

    trajecten, vraag = views
    nummer = voeg_toe(opslag, sector="", gemeente="Wijchen", kengetal="Lopende trajecten")
    wijchen = trajecten[trajecten["gemeentecode"] == "GM0296"]
    verwacht = {f"{h}e halfjaar {j}": per_sector(wijchen, vraag, j, h).at["Hele selectie", "lopend_op"]
                for j, h in ((2025, 2), (2026, 1))}
    eigen = rapport_tabel(Halfjaar(2025, 2), Kijker(GEMEENTE, "gemeente", ("GM0296",)))
    assert eigen.at[nummer, "Voor"] == "Wijchen"
    assert {naam: eigen.at[nummer, naam] for naam in verwacht} == verwacht
    for naam, exact in verwacht.items():
        waarde = rapport_tabel(Halfjaar(2025, 2), regio()).at[nummer, naam]
        assert isinstance(waarde, Beschermd) and bereik(waarde)[0] <= exact <= bereik(waarde)[1]


def test_the_report_leaves_out_what_was_closed_before_its_half_year(opslag):
    from analytics.verbeteracties import rapport_tabel, verbeteracties

    voeg_toe(opslag, halfjaar="2024-2")
    assert list(rapport_tabel(Halfjaar(2024, 2), regio()).index) == [1]
    assert list(rapport_tabel(Halfjaar(2026, 1), regio()).index) == [1]  # still open: carried on
    alle = verbeteracties()
    from analytics.verbeteracties import in_rapport

    gesloten = alle.assign(status="gereed", laatste_update=pd.Timestamp(2025, 1, 15))
    assert not in_rapport(gesloten, Halfjaar(2026, 1)).any()
    assert in_rapport(gesloten, Halfjaar(2024, 2)).all()


# --- the page -----------------------------------------------------------------------------------------------------


def pagina(email: str, presentatie: bool = False) -> AppTest:
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    app.user = {"is_logged_in": True, "email": email}
    if presentatie:
        app.session_state[PRESENTATIE] = True
    app.run()
    app.switch_page("pages/verbeteracties.py").run()
    assert not app.exception, app.exception
    return app


def met_acties(db) -> tuple[int, int]:
    te_laat = voeg_toe(db, deadline="31-01-2026", bevinding="**vet** [link](http://example.com)")
    op_tijd = voeg_toe(db, halfjaar="2026-1", sector="", gemeente="Wijchen", kengetal="Lopende trajecten",
                       deadline="31-12-2099", eigenaar="Gemeente Wijchen")
    from pipelines.verbeteracties import bijwerken

    bijwerken(db, te_laat, "bezig", "<b>gestart</b>", regio())
    return te_laat, op_tijd


def tabel_met(app: AppTest, kolom: str) -> pd.DataFrame:
    """The first table on the page with this column (AppTest does not know a dataframe's key)."""
    return next(d.value for d in app.dataframe if kolom in d.value.columns)


def tabel(app: AppTest) -> pd.DataFrame:
    return tabel_met(app, "Te laat")


@pytest.mark.parametrize(("email", "presentatie", "schrijft"), [
    (TEST_BEHEERDER, False, True), (REGIO, False, True), (GEMEENTE, False, False), (TEST_BEHEERDER, True, False)])
def test_every_role_reads_the_list_with_the_late_action_marked_and_only_writers_get_the_forms(
        opslag, email, presentatie, schrijft):
    from pipelines.verbeteracties import GEEN_PERSONEN

    met_acties(opslag)
    app = pagina(email, presentatie)
    lijst = tabel(app)
    assert list(lijst["Nr"]) == [1, 2]
    assert list(lijst["Te laat"]) == ["te laat", ""]
    assert list(lijst["Voor"]) == ["Schoonmaak", "Wijchen"]
    assert list(lijst["Bevinding"]) == ["**vet** [link](http://example.com)", "Minder instroom dan afgesproken"]
    stijlen = next(d for d in app.dataframe if "Te laat" in d.value.columns).proto.arrow_data.styler.styles
    assert re.search(r"_row0_col0\b[^{]*\{ " + re.escape(TE_LAAT_KLEUR), stijlen)
    assert "_row1_" not in stijlen
    assert app.warning[0].value.startswith("1 verbeteractie is te laat")
    assert bool(app.get("form")) is schrijft
    assert (GEEN_PERSONEN in [w.value for w in app.warning]) is schrijft
    assert bool(app.get("file_uploader")) is schrijft
    assert [t.value for t in app.text][:2] == ["**vet** [link](http://example.com)",
                                               "Voorlichting bij UWV-klantmanagers"]
    historie = tabel_met(app, "Wanneer")
    assert list(historie.columns) == ["Wanneer", "Status", "Toelichting"] + (["Door"] if schrijft else [])  # e-mail
    assert list(historie["Toelichting"]) == ["<b>gestart</b>"]


def test_the_numbers_per_half_year_are_protected_for_the_regio_and_exact_for_the_beheerder(opslag, views):
    trajecten, vraag = views
    met_acties(opslag)
    verwacht = [per_sector(trajecten, vraag, 2025, 2).at["schoonmaak", "gestart"],
                per_sector(trajecten, vraag, 2026, 1).at["schoonmaak", "gestart"]]
    beheerder = tabel_met(pagina(TEST_BEHEERDER), "Instroom")
    assert list(beheerder["Halfjaar"]) == ["2e halfjaar 2025", "1e halfjaar 2026"]
    assert list(beheerder["Instroom"]) == [str(v) for v in verwacht]
    app = pagina(REGIO)
    for getoond, exact in zip(tabel_met(app, "Instroom")["Instroom"], verwacht, strict=True):
        assert getoond == "<5" if exact < 5 else int(getoond) % 5 == 0 and abs(int(getoond) - exact) < 5
    assert any("afgerond of afgeschermd zoals daar" in c.value for c in app.caption)


def test_the_regio_adds_and_closes_an_action_through_the_forms(opslag):
    app = pagina(REGIO)
    assert [i.value for i in app.info][-1].startswith("Er zijn nog geen verbeteracties.")
    velden = {s.label: s for s in app.selectbox}
    velden["Sector"].set_value("schoonmaak")
    velden["Kengetal dat de actie moet verbeteren"].set_value("praktijkverklaringen")
    velden["Eigenaar (organisatie)"].set_value("UWV")
    app.text_area[0].set_value("Te weinig praktijkverklaringen")
    app.text_area[1].set_value("Examenplanning met het mbo")
    app.date_input[0].set_value(dt.date(2027, 1, 31))
    next(b for b in app.button if b.label == "Opslaan").click().run()
    assert not app.exception, app.exception
    assert [s.value for s in app.success] == ["Verbeteractie 1 is opgeslagen."]
    assert list(tabel(app)["Actie"]) == ["Examenplanning met het mbo"]
    app.selectbox(key="va_bij_actie").set_value(1)
    next(s for s in app.selectbox if s.label == "Nieuwe status").set_value("gereed")
    app.text_area[-1].set_value("Planning staat")
    next(b for b in app.button if b.label == "Bijwerken").click().run()
    assert [s.value for s in app.success] == ["Verbeteractie 1 is bijgewerkt: gereed."]
    assert list(tabel(app)["Status"]) == ["gereed"]
    assert rijen(opslag, "SELECT wie, actie FROM audit_log WHERE actie LIKE 'verbeteractie%' ORDER BY moment") == [
        (REGIO, "verbeteractie toegevoegd"), (REGIO, "verbeteractie bijgewerkt")]


def test_the_form_names_what_is_missing(opslag):
    app = pagina(REGIO)
    next(b for b in app.button if b.label == "Opslaan").click().run()
    assert [zichtbaar(e.value) for e in app.error] == [
        "Actie is leeg. Beschrijf wat er gaat gebeuren.",
        "Eigenaar is leeg. Vul de organisatie in die de actie trekt (een gemeente, UWV, het WSP, een SW-bedrijf of "
        "een mbo-school).",
        "Deadline is leeg. Vul de datum in waarop de actie klaar moet zijn, zoals 31-12-2026.",
    ]
    assert rijen(opslag, "SELECT count(*) FROM verbeteractie") == [(0,)]


def test_the_regio_imports_an_excel_list_on_the_page_and_a_wrong_one_is_refused_whole(opslag, tmp_path):
    kop = ["Halfjaar", "Sector", "Kengetal", "Actie", "Eigenaar", "Deadline", "Status"]
    fout = schrijf_xlsx(tmp_path / "fout.xlsx", [
        kop, ["2026-1", "Groen", "Instroom", "Goed", "UWV", dt.date(2026, 9, 30), "open"],
        ["2026-1", "Groen", "Instroom", "Fout", "UWV", "ooit", "open"]])
    app = pagina(REGIO)
    app.file_uploader(key="va_import").set_value([(fout.name, fout.read_bytes(), XLSX)]).run()
    app.button(key="va_importeren").click().run()
    assert not app.exception, app.exception
    assert [zichtbaar(e.value) for e in app.error] == [
        "Niet geladen: 1 fout in het bestand. Verbeter het bestand en importeer het opnieuw."]
    assert list(tabel_met(app, "Melding")["Melding"]) == [
        "Rij 3: Deadline 'ooit' is geen datum. Schrijf bijvoorbeeld 31-12-2026."]  # "niets geladen": the box above
    assert rijen(opslag, "SELECT count(*) FROM verbeteractie") == [(0,)]
    goed = schrijf_xlsx(tmp_path / "goed.xlsx", [
        kop, ["2026-1", "Groen", "Instroom", "Goed", "UWV", dt.date(2026, 9, 30), "bezig"]])
    app.file_uploader(key="va_import").set_value([(goed.name, goed.read_bytes(), XLSX)]).run()
    app.button(key="va_importeren").click().run()
    assert [s.value for s in app.success] == ["Geladen: 1 nieuwe verbeteractie, 0 bijgewerkt, 0 ongewijzigd."]
    assert list(tabel(app)["Status"]) == ["bezig"]


def test_an_action_made_updated_and_closed_is_in_the_next_half_years_report_with_its_movement(opslag, views, tmp_path):
    """The issue's 'done when': agreed in the 2nd half of 2025, then bezig, then gereed; the report on the 1st half of
    2026, made through the real CLI, lists it as gereed with its instroom in both half years (the beheerder's exact
    numbers, as the analyst views count them) and the movement between them; in the HTML as well as in Excel."""
    from pipelines.verbeteracties import bijwerken
    from tests.test_rapport import excel_tabellen, html_tabellen

    trajecten, vraag = views
    nummer = voeg_toe(opslag, actie="Voorlichting bij UWV-klantmanagers", bevinding="Minder instroom")
    bijwerken(opslag, nummer, "bezig", "Eerste bijeenkomst gehouden", regio())
    bijwerken(opslag, nummer, "gereed", "Alle klantmanagers bereikt", regio())
    verwacht = [per_sector(trajecten, vraag, jaar, helft).at["schoonmaak", "gestart"] for jaar, helft in
                ((2025, 2), (2026, 1))]
    beweging = "gestegen" if verwacht[1] > verwacht[0] else "gedaald" if verwacht[1] < verwacht[0] else "gelijk"

    for uit in (tmp_path / "rapport.xlsx", tmp_path / "rapport.html"):
        resultaat = cli("rapport", "--db", opslag, "--halfjaar", "2026-1", "--als", TEST_BEHEERDER, "--uit", uit,
                        timeout=300)
        assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr
    excel = excel_tabellen(tmp_path / "rapport.xlsx", "Verbeteracties")["Verbeteracties"]
    html = html_tabellen((tmp_path / "rapport.html").read_text())["Verbeteracties"]
    for tabel in (excel, html):
        rij = tabel[tabel["Actie"] == "Voorlichting bij UWV-klantmanagers"].iloc[0]
        assert (rij["Voor"], rij["Kengetal"], rij["Status"], rij["Beweging"]) == (
            "Schoonmaak", "Instroom", "gereed", beweging)
        assert [int(str(rij[k]).replace(".", "")) for k in ("2e halfjaar 2025", "1e halfjaar 2026")] == verwacht


def test_the_demo_has_three_actions_one_done_one_under_way_one_overdue(opslag):
    """`make demo` writes three fictional actions agreed in the 2nd half of 2025 (the tests' own demo store is built
    without them), so a newcomer sees the page and the report's section filled."""
    from analytics.verbeteracties import verbeteracties
    from demodata.laden import demo_verbeteracties

    assert demo_verbeteracties(opslag) == 3
    acties = verbeteracties(vandaag=dt.date(2026, 12, 4))
    assert list(acties["status"]) == ["gereed", "bezig", "open"]
    assert list(acties["te_laat"]) == [False, False, True]  # the open one was due on 30-06-2026
    assert set(acties["halfjaar"]) == {"2025-2"}


def test_updating_another_action_than_the_one_shown_saves_the_chosen_status(opslag):
    """Review: in the form, choosing another action made the status field a new widget on submit (its default
    followed the action), so "gereed" was saved as that action's current status without a word."""
    te_laat, op_tijd = met_acties(opslag)
    app = pagina(REGIO)
    assert app.selectbox(key="va_actie").value == te_laat  # the page shows the first action, which is bezig
    app.selectbox(key="va_bij_actie").set_value(op_tijd).run()
    status = next(s for s in app.selectbox if s.label == "Nieuwe status")
    assert status.value == "open"  # the chosen action's own status, offered as the start
    status.set_value("gereed")
    app.text_area[-1].set_value("Klaar")
    next(b for b in app.button if b.label == "Bijwerken").click().run()
    assert [s.value for s in app.success] == [f"Verbeteractie {op_tijd} is bijgewerkt: gereed."]
    assert rijen(opslag, f"SELECT status FROM verbeteractie WHERE id = {op_tijd}") == [("gereed",)]
