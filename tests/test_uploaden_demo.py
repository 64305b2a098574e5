"""The upload page with the demo's own exports: the organisatie is recognised where the file names it (a column, a
title row, a sheet 'Toelichting'), the beheerder chooses among the known organisations instead of typing, and no
message on the page speaks of command-line flags."""

from __future__ import annotations

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from pipelines import meldingen
from tests.conftest import KANDIDATEN_KOP, app_als, kandidaat, rijen, schrijf_csv, zichtbaar

ORGANISATIES = ["Groen Werkt Rijk", "Regio Rijk van Nijmegen", "Sociaal Ontwikkelbedrijf Maas en Waal",
                "Werkbedrijf Waalstad", "WSP Rijk van Nijmegen"]  # as the list shows them: case ignored


@pytest.fixture
def demo(demo_opslag, tmp_path, monkeypatch):
    db, exports = demo_opslag
    kopie = tmp_path / "demo.duckdb"
    shutil.copy(db, kopie)
    monkeypatch.setenv("DASHBOARD_DB", str(kopie))
    monkeypatch.setenv("DASHBOARD_SLEUTEL", str(db.parent / "sleutel"))
    app = app_als(monkeypatch, tmp_path, timeout=120).run()  # a logged-in beheerder: the demo itself uploads nothing
    app.switch_page("pages/uploaden.py").run()
    assert not app.exception
    return app, kopie, exports


def upload(app: AppTest, pad) -> AppTest:
    app.file_uploader(key="uploaden_bestanden").set_value([(pad.name, pad.read_bytes(), "text/plain")]).run()
    assert not app.exception
    return app


def organisatiekeuze(app: AppTest):
    return next(s for s in app.selectbox if s.label == "Organisatie")


@pytest.mark.parametrize(("bestand", "organisatie", "soort"), [
    ("werkbedrijf-waalstad/kandidaten_werkbedrijf-waalstad_2026-10.xlsx", "Werkbedrijf Waalstad", "kandidaten"),
    ("maas-en-waal/kandidaten_maas-en-waal_2026-10.csv", "Sociaal Ontwikkelbedrijf Maas en Waal", "kandidaten"),
    ("groen-werkt-rijk/kandidaten_groen-werkt-rijk_2026-10.xlsx", "Groen Werkt Rijk", "kandidaten"),
    ("afspraken/afspraken_2026.xlsx", "Regio Rijk van Nijmegen", "afspraken"),
])  # fmt: skip
def test_each_demo_export_that_names_its_organisatie_is_recognised_without_typing(demo, bestand, organisatie, soort):
    app, db, exports = demo
    upload(app, exports / bestand)
    keuze = organisatiekeuze(app)
    assert keuze.options == [*ORGANISATIES, "Andere organisatie…"]  # the known ones, from the store's uploads
    assert keuze.value == organisatie
    assert not app.text_input  # nothing to type
    assert not app.error
    upload_id, peildatum = rijen(db, "SELECT upload_id, peildatum FROM uploads WHERE bestandsnaam = ?",
                                 [exports.joinpath(bestand).name])[0]
    # checked against the store: the same file is already there, under the same organisatie
    assert [zichtbaar(i.value) for i in app.info] == [meldingen.AL_GELADEN.format(
        upload_id=upload_id, soort=soort, organisatie=organisatie, peildatum=f"{peildatum:%d-%m-%Y}")]


def test_a_vraag_export_names_no_organisatie_so_the_page_asks_to_choose_it(demo):
    app, db, exports = demo
    upload(app, exports / "wsp" / "vraag_2026-10.xlsx")
    assert organisatiekeuze(app).value is None
    assert [zichtbaar(e.value) for e in app.error] == [
        f"Dit bestand kan zo niet worden geladen:\n- {meldingen.GEEN_ORGANISATIE_PAGINA}"]
    assert "--" not in meldingen.GEEN_ORGANISATIE_PAGINA + meldingen.GEEN_PEILDATUM_PAGINA

    organisatiekeuze(app).set_value("WSP Rijk van Nijmegen").run()
    assert not app.error
    assert len(app.info) == 1 and "WSP Rijk van Nijmegen" in zichtbaar(app.info[0].value)


def test_another_organisatie_is_typed_in_a_field_of_its_own_and_loaded_under_that_name(demo, tmp_path):
    app, db, _ = demo
    bestand = schrijf_csv(tmp_path / "kandidaten_2026-10.csv", [KANDIDATEN_KOP, kandidaat("N1")])
    upload(app, bestand)
    organisatiekeuze(app).set_value("Andere organisatie…").run()
    assert [t.label for t in app.text_input] == ["Naam van de andere organisatie"]
    app.text_input[0].set_value("Werkbedrijf Nieuw").run()
    assert not app.error
    next(b for b in app.button if zichtbaar(b.label) == "kandidaten_2026-10.csv laden").click().run()
    assert not app.exception
    assert rijen(db, "SELECT organisatie, rijen FROM uploads WHERE bestandsnaam = ?", [bestand.name]) == [
        ("Werkbedrijf Nieuw", 1)]
