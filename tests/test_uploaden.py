"""The upload page through the entrance, as a member of staff uses it: drop files, read the check, load,
roll back; every expectation computed here from the analyst views or the file itself, and the store queried
afterwards."""

from __future__ import annotations

import datetime as dt
import fcntl
import io
import subprocess
import sys
import threading
import time
import tomllib

import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from basis import fouten as meldingen_opslag
from basis.opslag import _bestandsslot, schrijfverbinding
from pipelines import meldingen
from pipelines.foutenkopie import FOUTKLEUR, foutenkopie
from pipelines.laden import gelezen, herkend_uit
from tests.conftest import (
    KANDIDATEN_KOP,
    ROOT,
    TEST_BEHEERDER,
    VRAAG_KOP,
    alle_tabellen,
    app_als,
    cli,
    ingest,
    kandidaat,
    rijen,
    schrijf_csv,
    schrijf_xlsx,
    zichtbaar,
)

ORG = "Werkbedrijf Test"


@pytest.fixture
def app(db, monkeypatch) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    test = app_als(monkeypatch, db.parent, timeout=90).run()
    test.switch_page("pages/uploaden.py").run()
    assert not test.exception
    return test


def upload(app: AppTest, *bestanden) -> AppTest:
    """Drop files (paths) on the uploader, as the browser does."""
    app.file_uploader(key="uploaden_bestanden").set_value(
        [(pad.name, pad.read_bytes(), "application/octet-stream") for pad in bestanden]
    ).run()
    assert not app.exception
    return app


def kies_organisatie(app: AppTest, naam: str) -> None:
    next(s for s in app.selectbox if s.label == "Organisatie").set_value(naam).run()


def tegels(app: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def knop(app: AppTest, label: str):
    gevonden = [b for b in app.button if zichtbaar(b.label) == label]
    assert gevonden, [b.label for b in app.button]
    return gevonden[0]


def nl(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def trajecten(db) -> pd.DataFrame:
    return pd.DataFrame(
        rijen(db, "SELECT organisatie, traject_id, status, sector, peildatum, upload_id FROM trajecten"),
        columns=["organisatie", "traject_id", "status", "sector", "peildatum", "upload_id"],
    )


def oktober_en_november(tmp_path):
    oktober = schrijf_xlsx(
        tmp_path / "kandidaten_2026-10.xlsx",
        [KANDIDATEN_KOP, *[kandidaat(f"T{i}") for i in range(1, 7)]],
    )
    november = schrijf_xlsx(
        tmp_path / "kandidaten_2026-11.xlsx",
        [
            ["Organisatie:", ORG],
            KANDIDATEN_KOP,
            kandidaat("T1", Status="Uitgevallen", Einddatum=dt.date(2026, 11, 10), **{"Reden uitval": "Ziekte"}),
            kandidaat("T2", Sector="Groen"),
            kandidaat("T3"),
            kandidaat("T4"),
            kandidaat("T8", Startdatum=dt.date(2026, 11, 2)),
            kandidaat("T9", Startdatum=dt.date(2026, 11, 3)),
            kandidaat("T10", Startdatum=dt.date(2026, 11, 4)),
        ],
    )
    return oktober, november


def test_good_kandidaten_file_previews_what_it_changes_and_loads(app, db, tmp_path):
    oktober, november = oktober_en_november(tmp_path)
    assert ingest(db, oktober, organisatie=ORG, peildatum="2026-10-31").returncode == 0
    voor = trajecten(db)

    upload(app, november)

    # recognised from the file: kind, organisatie (title row) and peildatum (file name), all editable
    assert app.selectbox[0].value == "kandidaten"
    assert [s.value for s in app.selectbox if s.label == "Organisatie"] == [ORG]  # chosen among the known ones
    assert not app.text_input
    assert [d.value for d in app.date_input] == [dt.date(2026, 11, 30)]
    # what it will change, computed independently: the file's trajecten against the current state
    bestand = {f"T{i}" for i in (1, 2, 3, 4, 8, 9, 10)}
    huidig = set(voor["traject_id"])
    gewijzigd = {"T1", "T2"}  # status and sector differ from October
    assert tegels(app) == {
        "Rijen gelezen": nl(len(bestand)),
        "Nieuwe trajecten": nl(len(bestand - huidig)),
        "Gewijzigde trajecten": nl(len(gewijzigd)),
        "Ongewijzigd": nl(len((bestand & huidig) - gewijzigd)),
        "Ontbrekend": nl(len(huidig - bestand)),
    }
    assert [zichtbaar(w.value) for w in app.warning] == [
        meldingen.ONTBREKENDE_TRAJECTEN.format(aantal=len(huidig - bestand))
    ]
    assert [s.value for s in app.success] == ["Geen fouten gevonden: dit bestand kan worden geladen."]
    assert rijen(db, "SELECT count(*) FROM uploads") == [(1,)]  # the check wrote nothing

    knop(app, "kandidaten_2026-11.xlsx laden").click().run()

    assert not app.exception
    assert zichtbaar(app.success[-1].value).startswith(
        "Geladen: kandidaten_2026-11.xlsx als upload 2 (kandidaten, Werkbedrijf Test, peildatum 30-11-2026): "
        "7 rijen; 3 nieuwe trajecten, 2 gewijzigd, 2 ontbreken in deze export."
    )
    assert rijen(db, "SELECT upload_id, status, bestandsnaam FROM uploads ORDER BY 1") == [
        (1, "geladen", oktober.name),
        (2, "geladen", november.name),
    ]
    assert rijen(db, "SELECT geladen_door FROM uploads WHERE upload_id = 2") == [(TEST_BEHEERDER,)]
    na = trajecten(db)
    assert set(na.loc[na["upload_id"] == 2, "traject_id"]) == bestand
    assert na.set_index("traject_id").loc["T1", "status"] == "uitgevallen"
    assert na.set_index("traject_id").loc["T5", "peildatum"] == dt.date(2026, 10, 31)  # missing: last state kept
    # the history tab shows the new upload on top
    geschiedenis = app.dataframe[-1].value
    assert geschiedenis.iloc[0][["Upload", "Door", "Bestand", "Soort", "Organisatie", "Peildatum", "Rijen",
                                 "Uitkomst"]].tolist() == [
        2, TEST_BEHEERDER, november.name, "Kandidaten (trajecten)", ORG, "30-11-2026", 7, "Geladen",
    ]  # fmt: skip
    assert geschiedenis.iloc[0]["Waarschuwingen"] == meldingen.ONTBREKENDE_TRAJECTEN.format(aantal=2)

    # the next rerun shows the outcome, no second load button
    app.run()
    assert [b.label for b in app.button if b.label.endswith("laden")] == []
    assert rijen(db, "SELECT count(*) FROM uploads") == [(2,)]


def test_file_with_errors_shows_the_table_and_cannot_be_loaded(app, db, tmp_path):
    bestand = schrijf_xlsx(
        tmp_path / "fout_2026-10.xlsx",
        [
            ["Peildatum: 31-10-2026"],
            KANDIDATEN_KOP,
            kandidaat("T1", Startdatum="31-02-2026"),
            kandidaat("T2"),
            kandidaat("T3", Gemeente="Atlantis", Route="Extern"),
        ],
    )
    upload(app, bestand)
    app.text_input[0].set_value(ORG).run()

    assert zichtbaar(app.error[0].value) == (
        "3 fouten gevonden: dit bestand kan niet worden geladen. Verbeter de fouten in uw eigen systeem, maak de "
        "export opnieuw en upload die hier."
    )
    assert app.dataframe[0].value.to_dict("records") == [
        {"Rij": 3, "Kolom": "Startdatum", "Waarde": "31-02-2026", "Probleem": "'31-02-2026' is geen bestaande datum."},
        {
            "Rij": 5,
            "Kolom": "Gemeente",
            "Waarde": "Atlantis",
            "Probleem": "'Atlantis' is geen bekende gemeente. Gebruik de naam van de gemeente (zoals het CBS die "
            "schrijft) of de gemeentecode, bijvoorbeeld GM0268.",
        },
        {
            "Rij": 5,
            "Kolom": "Werkgever",
            "Waarde": "",
            "Probleem": "Leeg, maar de route is extern. Vul de werkgever in.",
        },
    ]
    assert [b.label for b in app.button if b.label.endswith("laden")] == []
    assert [k.label for k in app.get("download_button")] == ["Excel-kopie met de fouten gemarkeerd"]
    assert not db.exists()  # nothing written, not even a store


def test_excel_copy_marks_each_wrong_cell_with_its_comment(tmp_path):
    bestand = schrijf_xlsx(
        tmp_path / "fout.xlsx",
        [
            ["Peildatum: 31-10-2026"],
            [],
            KANDIDATEN_KOP,
            kandidaat("T1", Startdatum="31-02-2026"),
            kandidaat("T2", Einddatum=dt.date(2026, 1, 5)),
            kandidaat("T3", Gemeente="Atlantis", Route="Extern"),
        ],
    )
    inhoud = bestand.read_bytes()
    gelezen_bestand = gelezen(inhoud, bestand.name)
    controle = herkend_uit(gelezen_bestand, organisatie=ORG)
    from pipelines.laden import gecontroleerd

    controle = gecontroleerd(controle, tmp_path / "geen.duckdb")
    assert len(controle.fouten) == 4

    kopie = openpyxl.load_workbook(io.BytesIO(foutenkopie(gelezen_bestand, controle)))
    blad = kopie["Export"]
    origineel = openpyxl.load_workbook(bestand)["Export"]
    letters = {kop: openpyxl.utils.get_column_letter(i + 1) for i, kop in enumerate(KANDIDATEN_KOP)}
    gemarkeerd = {
        cel.coordinate: cel.comment.text
        for rij in blad.iter_rows()
        for cel in rij
        if cel.comment is not None
    }
    assert gemarkeerd == {f"{letters[f.kolom]}{f.rij}": f.uitleg for f in controle.fouten}
    for plek in gemarkeerd:
        assert blad[plek].fill.fgColor.rgb.endswith(FOUTKLEUR.lstrip("#"))
    # the user's own cells, in the same places: text, numbers and real dates
    for plek in ("A1", "A3", "Q3", "A4", "K4", "C6", "K5", "L5"):
        assert blad[plek].value == origineel[plek].value, plek
    assert [list(r) for r in kopie["Fouten"].iter_rows(values_only=True)][1:] == [
        [f.rij, f.kolom, f.waarde or "", f.uitleg] for f in controle.fouten
    ]


def test_a_renamed_pdf_is_refused_by_its_content(app, db):
    pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n\x00\x00trailer\n%%EOF\n"
    app.file_uploader(key="uploaden_bestanden").set_value(("kandidaten_2026-10.xlsx", pdf, "application/pdf")).run()

    assert not app.exception
    assert zichtbaar(app.error[0].value) == "\n".join(
        ["Dit bestand kan niet worden gelezen:", meldingen.ONBEKEND_TYPE.format(wat="een PDF-bestand")]
    )
    assert [b.label for b in app.button if b.label.endswith("laden")] == []
    assert not db.exists()


def schrijf_crasher(pad):
    """A 5 kB workbook whose only cell sits at XFD1048576: calamine allocates the whole sheet and aborts."""
    boek = openpyxl.Workbook()
    boek.active.append(KANDIDATEN_KOP)
    boek.active["XFD1048576"] = "x"
    boek.save(pad)
    return pad


def test_a_file_that_crashes_the_excel_reader_is_refused_and_the_page_lives_on(app, db, tmp_path):
    crasher = schrijf_crasher(tmp_path / "kapot.xlsx")
    # the file really kills a process that reads it in-process (what the server would do without the child)
    direct = subprocess.run(
        [sys.executable, "-c", "import sys; from pipelines.lezen import bladen_uit_bytes; "
         "bladen_uit_bytes(open(sys.argv[1], 'rb').read())", str(crasher)],
        cwd=ROOT, capture_output=True, timeout=120,
    )  # fmt: skip
    assert direct.returncode < 0  # killed by a signal (SIGABRT)

    goed = schrijf_xlsx(tmp_path / "kandidaten_2026-10.xlsx", [KANDIDATEN_KOP, kandidaat("T1")])
    upload(app, crasher, goed)

    assert zichtbaar(app.error[0].value) == "\n".join(
        ["Dit bestand kan niet worden gelezen:", meldingen.LEZEN_AFGEBROKEN]
    )
    app.text_input[0].set_value(ORG).run()
    knop(app, "kandidaten_2026-10.xlsx laden").click().run()
    assert not app.exception
    assert rijen(db, "SELECT bestandsnaam, status FROM uploads") == [("kandidaten_2026-10.xlsx", "geladen")]


def test_organisatie_and_peildatum_can_be_filled_in_and_are_used(app, db, tmp_path):
    bestand = schrijf_csv(tmp_path / "export.csv", [KANDIDATEN_KOP, kandidaat("T1"), kandidaat("T2")])
    upload(app, bestand)
    assert zichtbaar(app.error[0].value) == "\n".join(
        ["Dit bestand kan zo niet worden geladen:", f"- {meldingen.GEEN_ORGANISATIE_PAGINA}",
         f"- {meldingen.GEEN_PEILDATUM_PAGINA}"]
    )
    assert "Gelezen als CSV-bestand." in [c.value for c in app.caption]  # a CSV has no werkblad to name

    app.text_input[0].set_value("Werkbedrijf Waalstad").run()
    app.date_input[0].set_value(dt.date(2026, 9, 30)).run()
    assert not app.error
    knop(app, "export.csv laden").click().run()

    assert rijen(db, "SELECT organisatie, peildatum, rijen FROM uploads") == [
        ("Werkbedrijf Waalstad", dt.date(2026, 9, 30), 2)
    ]


def test_the_same_file_again_says_so_and_offers_no_load(app, db, tmp_path):
    bestand = schrijf_xlsx(tmp_path / "kandidaten_2026-10.xlsx", [KANDIDATEN_KOP, kandidaat("T1")])
    ingest(db, bestand, organisatie=ORG)
    upload(app, bestand)
    kies_organisatie(app, ORG)  # known: chosen from the list

    assert [zichtbaar(i.value) for i in app.info] == [
        meldingen.AL_GELADEN.format(upload_id=1, soort="kandidaten", organisatie=ORG, peildatum="31-10-2026")
    ]
    assert [b.label for b in app.button if b.label.endswith("laden")] == []


def test_vraag_preview_counts_new_replaced_and_unchanged_months(app, db, tmp_path):
    eerst = schrijf_xlsx(
        tmp_path / "vraag_2026-09.xlsx",
        [VRAAG_KOP, *[["Glans", "Schoonmaak", "Schoonmaker", None, None, m, 2, None] for m in ("2026-08", "2026-09")]],
    )
    ingest(db, eerst, organisatie="WSP")
    bestand = schrijf_xlsx(
        tmp_path / "vraag_2026-10.xlsx",
        [
            ["Organisatie: WSP"],
            VRAAG_KOP,
            ["Glans", "Schoonmaak", "Schoonmaker", None, None, "2026-08", 2, None],  # as it is
            ["Glans", "Schoonmaak", "Schoonmaker", None, None, "2026-09", 5, None],  # other number
            ["Linde", "Groen", "Hovenier", None, None, "2026-10", 1, None],  # new month
        ],
    )
    nu = {
        maand: sorted(groep[["werkgever", "aantal"]].itertuples(index=False))
        for maand, groep in pd.DataFrame(
            rijen(db, "SELECT strftime(maand, '%Y-%m'), werkgever, aantal FROM vraag WHERE organisatie = 'WSP'"),
            columns=["maand", "werkgever", "aantal"],
        ).groupby("maand")
    }
    straks = {"2026-08": [("Glans", 2)], "2026-09": [("Glans", 5)], "2026-10": [("Linde", 1)]}
    upload(app, bestand)

    assert tegels(app) == {
        "Rijen gelezen": "3",
        "Nieuwe maanden": nl(sum(m not in nu for m in straks)),
        "Vervangen maanden": nl(sum(m in nu and nu[m] != straks[m] for m in straks)),
        "Ongewijzigde maanden": nl(sum(nu.get(m) == straks[m] for m in straks)),
    }
    knop(app, "vraag_2026-10.xlsx laden").click().run()
    assert zichtbaar(app.success[-1].value).startswith(
        "Geladen: vraag_2026-10.xlsx als upload 2 (vraag, WSP, peildatum 31-10-2026): 3 rijen; maanden: 1 nieuw, "
        "1 vervangen, 1 ongewijzigd."
    )
    assert rijen(db, "SELECT strftime(maand, '%Y-%m'), werkgever, aantal FROM vraag ORDER BY 1") == [
        (m, *straks[m][0]) for m in sorted(straks)
    ]


def test_rollback_from_the_history_asks_first_and_says_what_it_undoes(app, db, tmp_path):
    oktober, november = oktober_en_november(tmp_path)
    ingest(db, oktober, organisatie=ORG, peildatum="2026-10-31")
    voor = alle_tabellen(db)
    ingest(db, november, organisatie=ORG, peildatum="2026-11-30")
    geweigerd = schrijf_xlsx(tmp_path / "fout.xlsx", [KANDIDATEN_KOP, kandidaat("T1", Startdatum="gisteren")])
    ingest(db, geweigerd, organisatie=ORG)
    app.run()

    geschiedenis = app.dataframe[0].value
    assert geschiedenis["Upload"].tolist() == [3, 2, 1]
    assert geschiedenis["Uitkomst"].tolist() == ["Geweigerd (1 fout)", "Geladen", "Geladen"]
    assert app.selectbox(key="uploaden_gekozen_upload").value == 3
    assert [zichtbaar(e.value) for e in app.error] == [
        "Rij 2, kolom Startdatum: 'gisteren' is geen datum. Gebruik bijvoorbeeld 31-10-2026."
    ]
    assert [b.label for b in app.button if "terugdraaien" in b.label] == []  # nothing to undo for a refusal

    app.selectbox(key="uploaden_gekozen_upload").set_value(2).run()
    knop(app, "Upload 2 terugdraaien…").click().run()
    # nothing happened yet: first the question, with what will be undone
    assert rijen(db, "SELECT status FROM uploads WHERE upload_id = 2") == [("geladen",)]
    van_deze = rijen(db, "SELECT count(*) FROM trajecten WHERE upload_id = 2")[0][0]
    geladen_op = pd.Timestamp(rijen(db, "SELECT geladen_op FROM uploads WHERE upload_id = 2")[0][0])
    tijd = geladen_op.tz_localize("UTC").tz_convert("Europe/Amsterdam").strftime("%d-%m-%Y %H:%M")
    door = rijen(db, "SELECT geladen_door FROM uploads WHERE upload_id = 2")[0][0]
    assert zichtbaar(app.warning[-1].value) == (
        f"Upload 2 terugdraaien: de kandidatenexport van {ORG}, peildatum 30-11-2026, bestand "
        f"kandidaten_2026-11.xlsx (7 rijen), geladen op {tijd} door {door}. De stand van {van_deze} trajecten komt "
        "nu uit deze upload. Daarna geldt weer de export van peildatum 31-10-2026. De upload blijft in de "
        "geschiedenis staan als teruggedraaid."
    )

    knop(app, "Ja, upload 2 terugdraaien").click().run()

    assert not app.exception
    assert zichtbaar(app.success[0].value) == (
        f"Upload 2 is teruggedraaid (kandidaten, {ORG}, peildatum 30-11-2026). De stand van daarvoor geldt weer."
    )
    na = alle_tabellen(db)
    for naam in ("trajecten", "vraag", "afspraken", "kandidaten_rij"):
        assert na[naam] == voor[naam], naam
    assert rijen(db, "SELECT status, teruggedraaid_door FROM upload WHERE upload_id = 2") == [
        ("teruggedraaid", TEST_BEHEERDER)]
    # still visible, as such
    uitkomst = app.dataframe[0].value.set_index("Upload").loc[2, "Uitkomst"]
    assert uitkomst.startswith("Teruggedraaid op ") and uitkomst.endswith(f" door {TEST_BEHEERDER}")


def test_cancelling_a_rollback_changes_nothing(app, db, tmp_path):
    ingest(db, schrijf_xlsx(tmp_path / "a.xlsx", [KANDIDATEN_KOP, kandidaat("T1")]), organisatie=ORG)
    voor = alle_tabellen(db)
    app.run()
    knop(app, "Upload 1 terugdraaien…").click().run()
    assert zichtbaar(app.warning[-1].value).endswith(
        f"Daarna heeft {ORG} geen kandidatengegevens meer in het dashboard. De upload blijft in de geschiedenis "
        "staan als teruggedraaid."
    )
    knop(app, "Annuleren").click().run()
    assert [b.label for b in app.button if "terugdraaien" in b.label] == ["Upload 1 terugdraaien…"]
    assert alle_tabellen(db) == voor


def test_a_replaced_upload_explains_why_it_cannot_be_rolled_back(app, db, tmp_path):
    ingest(db, schrijf_xlsx(tmp_path / "a.xlsx", [KANDIDATEN_KOP, kandidaat("T1")]), organisatie=ORG)
    ingest(db, schrijf_xlsx(tmp_path / "b.xlsx", [KANDIDATEN_KOP, kandidaat("T2")]), organisatie=ORG)
    app.run()
    app.selectbox(key="uploaden_gekozen_upload").set_value(1).run()
    assert zichtbaar(app.info[-1].value) == meldingen.VERVANGEN_DOOR_LATER.format(upload_id=1, later=2)
    assert [b.label for b in app.button if "terugdraaien" in b.label] == []


def test_a_failure_during_the_load_leaves_the_store_and_the_page_as_they_were(app, db, tmp_path, monkeypatch):
    ingest(db, schrijf_xlsx(tmp_path / "a.xlsx", [KANDIDATEN_KOP, kandidaat("T1")]), organisatie=ORG)
    voor = alle_tabellen(db)
    bestand = schrijf_xlsx(tmp_path / "kandidaten_2026-11.xlsx", [KANDIDATEN_KOP, kandidaat("T1"), kandidaat("T2")])
    upload(app, bestand)
    kies_organisatie(app, ORG)  # known: chosen from the list
    monkeypatch.setenv("PIPELINES_FOUTINJECTIE", "na_invoegen")

    knop(app, "kandidaten_2026-11.xlsx laden").click().run()

    assert not app.exception
    assert zichtbaar(app.error[-1].value) == meldingen.MISLUKT.format(bestand=bestand.name, soort="RuntimeError")
    assert alle_tabellen(db) == voor
    monkeypatch.delenv("PIPELINES_FOUTINJECTIE")
    app.run()  # the check is still there, and the file can be loaded once the cause is gone
    assert tegels(app)["Nieuwe trajecten"] == "1"
    knop(app, "kandidaten_2026-11.xlsx laden").click().run()
    assert rijen(db, "SELECT count(*) FROM trajecten") == [(2,)]


OPGEHOUDEN = 600  # seconds at most: the holder lets go as soon as the page has given up waiting


def test_a_load_while_the_cli_holds_the_store_waits_or_says_busy(db, tmp_path, monkeypatch):
    import basis.opslag

    ingest(db, schrijf_xlsx(tmp_path / "a.xlsx", [KANDIDATEN_KOP, kandidaat("T1")]), organisatie=ORG)
    bestand = schrijf_xlsx(tmp_path / "kandidaten_2026-11.xlsx", [KANDIDATEN_KOP, kandidaat("T1"), kandidaat("T2")])
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    monkeypatch.setenv("DASHBOARD_WACHT_UPLOAD", "1")
    app = app_als(monkeypatch, db.parent, timeout=90).run()
    app.switch_page("pages/uploaden.py").run()
    upload(app, bestand)
    kies_organisatie(app, ORG)  # known: chosen from the list
    voor = alle_tabellen(db)
    bezig, los = threading.Event(), threading.Event()

    class OpgegevenWachten(basis.opslag.OpslagBezet):
        """The store's own 'busy' (caught as such): raised when the page has waited its time, so the holder lets go."""

        def __init__(self, *args) -> None:
            los.set()
            super().__init__(*args)

    monkeypatch.setattr(basis.opslag, "OpslagBezet", OpgegevenWachten)

    def houd_vast(duur: float, slot):
        with slot():
            bezig.set()
            los.wait(duur)

    def druk_tijdens(duur: float, slot) -> float:
        bezig.clear()
        los.clear()
        draad = threading.Thread(target=houd_vast, args=(duur, slot))
        draad.start()
        bezig.wait()
        begin = time.monotonic()
        try:
            knop(app, "kandidaten_2026-11.xlsx laden").click().run()
        finally:
            los.set()
            draad.join()
        return time.monotonic() - begin

    # the CLI loads for longer than the page waits (it holds the store until the page gave up, however slow the
    # machine): the page says so, nothing is written or remembered
    druk_tijdens(OPGEHOUDEN, lambda: schrijfverbinding(db))
    assert [zichtbaar(w.value) for w in app.warning] == [f"Nog niet gecontroleerd. {meldingen_opslag.BEZET}"]
    assert alle_tabellen(db) == voor
    # ... also when the store gets busy between the check and the load (only the lock, the file unchanged)
    app.run()
    druk_tijdens(OPGEHOUDEN, lambda: _bestandsslot(db, fcntl.LOCK_EX, 1))
    assert zichtbaar(app.error[-1].value) == f"Niet geladen: {bestand.name}. {meldingen_opslag.BEZET}"
    assert alle_tabellen(db) == voor
    # a load that takes less than the page waits: the upload waits and then lands
    gewacht = druk_tijdens(0.5, lambda: schrijfverbinding(db))
    assert gewacht > 0.3
    assert not app.exception
    assert rijen(db, "SELECT upload_id, bestandsnaam, status FROM uploads ORDER BY 1") == [
        (1, "a.xlsx", "geladen"),
        (2, bestand.name, "geladen"),
    ]


def test_page_and_cli_loading_at_the_same_time_both_land(app, db, tmp_path):
    groot = schrijf_xlsx(tmp_path / "groot.xlsx", [KANDIDATEN_KOP, *[kandidaat(f"G{i}") for i in range(3000)]])
    klein = schrijf_xlsx(tmp_path / "kandidaten_2026-10.xlsx", [KANDIDATEN_KOP, kandidaat("K1"), kandidaat("K2")])
    upload(app, klein)
    app.text_input[0].set_value("Bedrijf Pagina").run()

    proces = subprocess.Popen(
        [sys.executable, "-m", "pipelines", "ingest", "--db", str(db), "--organisatie", "Bedrijf CLI",
         "--peildatum", "2026-10-31", str(groot)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    knop(app, "kandidaten_2026-10.xlsx laden").click().run()
    uit, _ = proces.communicate(timeout=300)

    assert proces.returncode == 0, uit
    assert not app.exception
    assert sorted(rijen(db, "SELECT organisatie, count(*) FROM trajecten GROUP BY 1")) == [
        ("Bedrijf CLI", 3000),
        ("Bedrijf Pagina", 2),
    ]
    assert sorted(r[0] for r in rijen(db, "SELECT upload_id FROM uploads")) == [1, 2]
    assert cli("terugdraaien", "--db", db, 1).returncode == 0  # and the store is whole


def test_the_upload_limit_is_said_in_dutch_next_to_the_uploader(app):
    grens = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["server"]["maxUploadSize"]
    assert app.caption[1].value == (
        f"Excel (.xlsx, .xls) of CSV, hoogstens {grens} MB per bestand. Een groter bestand weigert het uploadvenster "
        f"zelf, met de Engelse melding 'File must be {grens}.0MB or smaller': splits het dan, bijvoorbeeld per "
        "organisatie of per jaar."
    )


def test_excel_copy_of_a_csv_keeps_what_the_user_typed(tmp_path):
    bestand = schrijf_csv(
        tmp_path / "export.csv",
        [KANDIDATEN_KOP, kandidaat("0012", Startdatum="1-13-2026"), kandidaat("T2", Status="Misschien")],
    )
    gelezen_bestand = gelezen(bestand.read_bytes(), bestand.name)
    from pipelines.laden import gecontroleerd

    controle = gecontroleerd(
        herkend_uit(gelezen_bestand, organisatie=ORG, peildatum=dt.date(2026, 10, 31)), tmp_path / "geen.duckdb"
    )
    blad = openpyxl.load_workbook(io.BytesIO(foutenkopie(gelezen_bestand, controle)))["CSV"]

    assert {c.coordinate: c.comment.text for r in blad.iter_rows() for c in r if c.comment} == {
        "K2": "'1-13-2026' is geen bestaande datum.",
        "M3": controle.fouten[1].uitleg,
    }
    assert controle.fouten[1].uitleg.startswith("'Misschien' is geen bekende waarde.")
    assert [blad["A2"].value, blad["K2"].value, blad["K3"].value] == ["0012", "1-13-2026", "01-03-2026"]
