"""The entrance page: per organisation, which exports are loaded up to which peildatum."""

from __future__ import annotations

import datetime as dt

from streamlit.testing.v1 import AppTest

from tests.conftest import KANDIDATEN_KOP, VRAAG_KOP, app_als, ingest, kandidaat, rijen, schrijf_xlsx


def entree(db, monkeypatch) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    app = app_als(monkeypatch, db.parent).run()
    return app.switch_page("pages/gegevens.py").run()


def test_entrance_lists_each_organisation_and_kind_with_its_latest_peildatum(db, tmp_path, monkeypatch):
    vandaag = dt.date.today()
    recent = (vandaag.replace(day=1) - dt.timedelta(days=1)).isoformat()
    ingest(
        db,
        schrijf_xlsx(tmp_path / "a1.xlsx", [KANDIDATEN_KOP, kandidaat("T1", Startdatum=dt.date(2024, 1, 1))]),
        organisatie="Werkbedrijf A",
        peildatum="2024-01-31",
    )
    ingest(
        db,
        schrijf_xlsx(tmp_path / "b.xlsx", [KANDIDATEN_KOP, kandidaat("T1", Startdatum=dt.date(2024, 1, 1))]),
        organisatie="Werkbedrijf B",
        peildatum=recent,
    )
    vraag = [VRAAG_KOP, ["Glans", "Schoonmaak", "Schoonmaker", None, None, "2024-01", 2, None]]
    ingest(db, schrijf_xlsx(tmp_path / "v.xlsx", vraag), organisatie="WSP", peildatum="2024-01-31")

    assert rijen(db, "SELECT count(*) FROM uploads WHERE status = 'geweigerd'") == [(0,)]

    app = entree(db, monkeypatch)

    assert not app.exception
    tabel = app.dataframe[0].value
    verwacht = rijen(
        db,
        "SELECT organisatie, soort, strftime(max(peildatum), '%d-%m-%Y') FROM uploads "
        "WHERE status = 'geladen' GROUP BY ALL ORDER BY 1, 2",
    )
    assert list(
        zip(tabel["Organisatie"], tabel["Soort export"], tabel["Geladen tot en met peildatum"], strict=True)
    ) == [
        (org, {"kandidaten": "Kandidaten (trajecten)", "vraag": "Werkgeversvraag"}[soort], datum)
        for org, soort, datum in verwacht
    ]
    assert [w.value for w in app.warning] == [
        "De laatste kandidatenexport van Werkbedrijf A is van 31-01-2024: ouder dan anderhalve maand."
    ]


def test_entrance_without_a_store_says_what_to_do(tmp_path, monkeypatch):
    app = entree(tmp_path / "bestaat_niet.duckdb", monkeypatch)
    assert not app.exception
    assert app.info[0].value.startswith("Er zijn nog geen")
    assert not app.dataframe
