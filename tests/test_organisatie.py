"""The organisatie role: an SW-bedrijf or the werkgeversservicepunt uploads and rolls back exports of its own
organisatie only, through the page and through the CLI; another organisation's files and uploads are refused with a
Dutch message, and the beheerder keeps everything."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import (
    AFSPRAKEN_KOP,
    KANDIDATEN_KOP,
    VRAAG_KOP,
    app_als,
    cli,
    geregistreerde_paginas,
    ingest,
    kandidaat,
    rijen,
    schrijf_xlsx,
    zichtbaar,
)

EIGEN, ANDER = "Werkbedrijf Test", "Ander Bedrijf"
ORGANISATIE = "p.devries@werkbedrijf-test.example"
BEHEERDER = "beheer@regio.example"
WSP = "m.bakker@wsp-rijk.example"
EIGEN_ONLY = (f"U uploadt voor {EIGEN}: de kandidatenexport en de export van de werkgeversvraag van uw eigen "
              "organisatie. U ziet hier ook alleen de uploads van uw organisatie.")


def andere_organisatie(naam: str) -> str:
    return (f"Dit bestand is van {naam}, niet van {EIGEN}. U kunt alleen exports van uw eigen organisatie uploaden; er "
            f"is niets geladen. Is dit toch uw export, vraag dan de beheerder van het dashboard om {naam} aan uw "
            "account toe te voegen.")


@pytest.fixture
def opslag(db, tmp_path, monkeypatch):
    """A store with one kandidaten upload of the organisatie's own and one of another organisation."""
    eigen = schrijf_xlsx(tmp_path / "eigen_2026-09.xlsx", [KANDIDATEN_KOP, kandidaat("E1"), kandidaat("E2")])
    ander = schrijf_xlsx(tmp_path / "ander_2026-09.xlsx", [KANDIDATEN_KOP, kandidaat("A1")])
    assert ingest(db, eigen, organisatie=EIGEN, peildatum="2026-09-30").returncode == 0
    assert ingest(db, ander, organisatie=ANDER, peildatum="2026-09-30").returncode == 0
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    toegang = tmp_path / "toegang.toml"
    toegang.write_text(f'[[gebruiker]]\nemail = "{BEHEERDER}"\nrol = "beheerder"\n\n'
                       f'[[gebruiker]]\nemail = "{ORGANISATIE}"\nrol = "organisatie"\norganisaties = ["{EIGEN}"]\n\n'
                       '[[gebruiker]]\nemail = "a.jansen@wijchen.example"\nrol = "gemeente"\ngemeenten = ["GM0296"]\n\n'
                       '[[gebruiker]]\nemail = "consortium@regio.example"\nrol = "regio"\n\n'
                       f'[[gebruiker]]\nemail = "{WSP}"\nrol = "organisatie"\norganisaties = ["WSP Rijk"]\n')
    monkeypatch.setenv("DASHBOARD_TOEGANG", str(toegang))
    return db


def uploadpagina(monkeypatch, db, email: str = ORGANISATIE) -> AppTest:
    app = app_als(monkeypatch, db.parent, email=email, timeout=90).run()
    app.switch_page("pages/uploaden.py").run()
    assert not app.exception
    return app


def upload(app: AppTest, pad) -> AppTest:
    app.file_uploader(key="uploaden_bestanden").set_value([(pad.name, pad.read_bytes(), "application/octet-stream")])
    app.run()
    assert not app.exception
    return app


def uploads(db) -> list[tuple]:
    return rijen(db, "SELECT upload_id, organisatie, geladen_door, status FROM upload ORDER BY upload_id")




def test_an_organisatie_gets_the_upload_page_but_not_the_log(opslag, monkeypatch):
    app = app_als(monkeypatch, opslag.parent, email=ORGANISATIE).run()
    assert not app.exception
    gekregen = geregistreerde_paginas(app)
    assert {"uploaden.py", "kwaliteit.py"} <= gekregen and "logboek.py" not in gekregen
    assert zichtbaar(app.sidebar.caption[0].value) == f"Ingelogd als {ORGANISATIE} (organisatie)"


def test_its_own_export_is_loaded_with_the_organisatie_filled_in_and_fixed(opslag, monkeypatch, tmp_path):
    app = uploadpagina(monkeypatch, opslag)
    assert zichtbaar(app.info[0].value) == EIGEN_ONLY
    bestand = schrijf_xlsx(tmp_path / "kandidaten_2026-10.xlsx", [KANDIDATEN_KOP, kandidaat("E1"), kandidaat("E3")])
    upload(app, bestand)
    veld = next(t for t in app.text_input if t.label == "Organisatie")
    assert (veld.value, veld.disabled) == (EIGEN, True)
    next(b for b in app.button if zichtbaar(b.label).endswith("laden")).click().run()
    assert not app.exception
    assert uploads(opslag)[-1][1:] == (EIGEN, ORGANISATIE, "geladen")


def test_a_file_that_names_another_organisatie_is_refused_and_nothing_is_loaded(opslag, monkeypatch, tmp_path):
    voor = uploads(opslag)
    app = uploadpagina(monkeypatch, opslag)
    bestand = schrijf_xlsx(tmp_path / "kandidaten_2026-10.xlsx",
                           [["Organisatie:", ANDER], KANDIDATEN_KOP, kandidaat("A1"), kandidaat("A2")])
    upload(app, bestand)
    assert [zichtbaar(e.value) for e in app.error] == [andere_organisatie(ANDER)]
    assert not [b for b in app.button if zichtbaar(b.label).endswith("laden")]
    assert uploads(opslag) == voor


def test_another_organisations_file_that_names_nobody_but_is_loaded_already_is_refused_as_theirs(
        opslag, monkeypatch, tmp_path):
    """The demo's Groen Werkt Rijk export names no organisatie inside: the same bytes, loaded before as another
    organisation's, are refused as that organisation's file, not shown as "already loaded as upload N" (another
    organisation's upload, whose rollback the page would advise)."""
    voor = uploads(opslag)
    app = uploadpagina(monkeypatch, opslag)
    upload(app, tmp_path / "ander_2026-09.xlsx")
    assert [zichtbaar(e.value) for e in app.error] == [andere_organisatie(ANDER)]
    assert not app.info[1:] and not [b for b in app.button if zichtbaar(b.label).endswith("laden")]
    assert uploads(opslag) == voor


def test_afspraken_are_the_beheerders_to_load(opslag, monkeypatch, tmp_path):
    app = uploadpagina(monkeypatch, opslag)
    bestand = schrijf_xlsx(tmp_path / "afspraken_2026.xlsx", [AFSPRAKEN_KOP, ["Wijchen", 2026, 10, None, None]])
    upload(app, bestand)
    assert [zichtbaar(e.value) for e in app.error] == [
        f"Instroomafspraken laadt de beheerder van het dashboard. U kunt de kandidatenexport en de export van de "
        f"werkgeversvraag van {EIGEN} uploaden. Er is niets geladen."]


def test_the_history_shows_its_own_uploads_and_it_rolls_back_its_own(opslag, monkeypatch):
    app = uploadpagina(monkeypatch, opslag)
    tabel = next(d.value for d in app.dataframe if "Upload" in d.value.columns)
    assert set(tabel["Organisatie"]) == {EIGEN}
    eigen_upload = int(tabel["Upload"].iloc[0])
    assert app.selectbox(key="uploaden_gekozen_upload").options == [f"Upload {eigen_upload}: eigen_2026-09.xlsx "
                                                                     "(geladen)"]
    next(b for b in app.button if zichtbaar(b.label) == f"Upload {eigen_upload} terugdraaien…").click().run()
    next(b for b in app.button if zichtbaar(b.label) == f"Ja, upload {eigen_upload} terugdraaien").click().run()
    assert not app.exception
    assert [u for u in uploads(opslag) if u[0] == eigen_upload][0][3] == "teruggedraaid"
    assert [u[3] for u in uploads(opslag) if u[1] == ANDER] == ["geladen"]


def test_the_beheerder_sees_and_may_roll_back_every_organisations_uploads(opslag, monkeypatch):
    app = uploadpagina(monkeypatch, opslag, email=BEHEERDER)
    tabel = next(d.value for d in app.dataframe if "Upload" in d.value.columns)
    assert set(tabel["Organisatie"]) == {EIGEN, ANDER}
    assert not app.info  # no "U uploadt voor ..." line: the beheerder types any organisatie
    assert any(zichtbaar(b.label).endswith("terugdraaien…") for b in app.button)


@pytest.mark.parametrize("email", ["a.jansen@wijchen.example", "consortium@regio.example"])
def test_gemeente_and_regio_get_no_upload_page(opslag, monkeypatch, email):
    app = app_als(monkeypatch, opslag.parent, email=email).run()
    assert "uploaden.py" not in geregistreerde_paginas(app)


def test_the_cli_loads_for_an_organisatie_only_its_own_files(opslag, tmp_path):
    eigen = schrijf_xlsx(tmp_path / "kandidaten_2026-10.xlsx", [KANDIDATEN_KOP, kandidaat("E1")])
    ander = schrijf_xlsx(tmp_path / "ander_2026-10.xlsx", [["Organisatie:", ANDER], KANDIDATEN_KOP, kandidaat("A1")])
    voor = uploads(opslag)
    geweigerd = cli("ingest", "--db", opslag, "--als", ORGANISATIE, "--peildatum", "2026-10-31", ander)
    assert (geweigerd.returncode, geweigerd.stdout) == (1, f"Geweigerd: {ander.name}. {andere_organisatie(ANDER)}\n")
    assert uploads(opslag) == voor
    geladen = cli("ingest", "--db", opslag, "--als", ORGANISATIE, "--peildatum", "2026-10-31", eigen)
    assert geladen.returncode == 0, geladen.stdout
    assert uploads(opslag)[-1][1:] == (EIGEN, ORGANISATIE, "geladen")


def test_the_cli_refuses_an_organisatie_the_rollback_of_another_organisations_upload(opslag):
    andere = next(u[0] for u in uploads(opslag) if u[1] == ANDER)
    resultaat = cli("terugdraaien", "--db", opslag, "--als", ORGANISATIE, andere)
    assert (resultaat.returncode, resultaat.stdout) == (1, (
        f"{ORGANISATIE} mag upload {andere} niet terugdraaien: een organisatie draait alleen uploads van haar eigen "
        "organisatie terug. Er is niets veranderd.\n"))
    assert [u[3] for u in uploads(opslag) if u[0] == andere] == ["geladen"]
    eigen = next(u[0] for u in uploads(opslag) if u[1] == EIGEN)
    assert cli("terugdraaien", "--db", opslag, "--als", ORGANISATIE, eigen).returncode == 0
    assert [u[3] for u in uploads(opslag) if u[0] == eigen] == ["teruggedraaid"]


def test_the_werkgeversservicepunt_uploads_its_vraag_as_an_organisatie(opslag, tmp_path):
    vraag = schrijf_xlsx(tmp_path / "vraag_2026-10.xlsx", [
        ["Organisatie:", "WSP Rijk"], VRAAG_KOP,
        *[["Glans", "Schoonmaak", "Schoonmaker", None, "Wijchen", m, 2, None] for m in ("2026-09", "2026-10")]])
    resultaat = cli("ingest", "--db", opslag, "--als", WSP, "--peildatum", "2026-10-31", vraag)
    assert resultaat.returncode == 0, resultaat.stdout
    assert uploads(opslag)[-1][1:] == ("WSP Rijk", WSP, "geladen")
    kandidaten = schrijf_xlsx(tmp_path / "k.xlsx", [KANDIDATEN_KOP, kandidaat("W1")])
    geweigerd = cli("ingest", "--db", opslag, "--als", WSP, "--organisatie", EIGEN, "--peildatum", "2026-10-31",
                    kandidaten)
    assert geweigerd.returncode == 1 and "niet van WSP Rijk" in geweigerd.stdout


def test_a_file_that_names_nobody_but_holds_another_organisations_trajecten_is_refused(opslag, monkeypatch, tmp_path):
    """Review: another organisation's export with one byte changed (its own name nowhere in the file) passed the check
    as the organisatie's own. Its trajectnummers say whose it is."""
    theirs = [kandidaat(f"A{i}") for i in range(1, 9)]
    assert ingest(opslag, schrijf_xlsx(tmp_path / "a.xlsx", [KANDIDATEN_KOP, *theirs]), organisatie=ANDER,
                  peildatum="2026-10-31").returncode == 0
    kopie = schrijf_xlsx(tmp_path / "kandidaten_2026-11.xlsx", [KANDIDATEN_KOP, *theirs, kandidaat("E9")])
    voor = uploads(opslag)
    app = upload(uploadpagina(monkeypatch, opslag), kopie)
    assert [zichtbaar(e.value) for e in app.error] == [andere_organisatie(ANDER)]
    assert not [b for b in app.button if zichtbaar(b.label).endswith("laden")]
    resultaat = cli("ingest", "--db", opslag, "--als", ORGANISATIE, "--peildatum", "2026-11-30", kopie)
    assert (resultaat.returncode, resultaat.stdout) == (1, f"Geweigerd: {kopie.name}. {andere_organisatie(ANDER)}\n")
    assert uploads(opslag) == voor
    beheerder = upload(uploadpagina(monkeypatch, opslag, email=BEHEERDER), kopie)  # the beheerder decides himself
    assert not [e for e in beheerder.error if "niet van" in zichtbaar(e.value)]
