"""The default periods end at the last month every organisation has delivered: one SW-bedrijf's November does not
make November a month without instroom for the others; the sidebar says who holds the periods back."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import KANDIDATEN_KOP, app_als, ingest, kandidaat, schrijf_xlsx, zichtbaar


@pytest.fixture
def opslag(db, tmp_path, monkeypatch):
    """Werkbedrijf A delivered October and November, B only October, C last delivered in July (stale)."""
    def bestand(naam, *trajecten):
        return schrijf_xlsx(tmp_path / naam, [KANDIDATEN_KOP, *[kandidaat(t, Startdatum=s) for t, s in trajecten]])

    oktober = [("T1", dt.date(2026, 2, 3)), ("T2", dt.date(2026, 10, 5))]
    assert ingest(db, bestand("a10.xlsx", *oktober), organisatie="Werkbedrijf A").returncode == 0
    assert ingest(db, bestand("a11.xlsx", *oktober, ("T3", dt.date(2026, 11, 9))), organisatie="Werkbedrijf A",
                  peildatum="2026-11-30").returncode == 0
    assert ingest(db, bestand("b10.xlsx", ("B1", dt.date(2026, 4, 1))), organisatie="Werkbedrijf B").returncode == 0
    assert ingest(db, bestand("c07.xlsx", ("C1", dt.date(2026, 5, 1))), organisatie="Werkbedrijf C",
                  peildatum="2026-07-31").returncode == 0
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    return db


def test_the_periods_end_at_the_last_month_every_delivering_organisation_has_delivered(opslag):
    from analytics.kengetallen import nog_niet_geleverd, periode_grenzen
    from analytics.opslag import cache_legen

    cache_legen()
    # C is more than 45 days behind the newest export: it does not hold the periods back (its export is 'old')
    assert periode_grenzen() == (dt.date(2026, 2, 3), dt.date(2026, 10, 31))
    assert nog_niet_geleverd() == (dt.date(2026, 10, 31), ["Werkbedrijf B"])


def test_the_page_says_who_lags_and_dit_jaar_tot_nu_ends_there(opslag, monkeypatch):
    app = app_als(monkeypatch, opslag.parent, timeout=90).run()
    assert not app.exception
    assert app.selectbox(key="filter_periode").value == "Dit jaar tot nu"
    assert "01-01-2026 tot en met 31-10-2026" in [c.value for c in app.sidebar.caption]
    assert [zichtbaar(i.value) for i in app.sidebar.info] == [
        "Werkbedrijf B heeft november nog niet geleverd; de perioden (zoals 'Dit jaar tot nu') lopen daarom voor "
        "iedereen tot en met 31-10-2026."
    ]
    # the instroom of 'Dit jaar tot nu' counts up to 31-10: T1, T2, B1 and C1, not A's November start T3
    assert {m.label: m.value for m in app.metric}["Instroom"] == "4"
