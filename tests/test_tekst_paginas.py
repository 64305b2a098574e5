"""Text from files is text on every page (issue 12, point 4): organisaties, werkgevers, beroepen, praktijkopleiders,
kwalificaties, column headers, sheet and file names from uploads, loaded through the real CLI and the upload page,
reach Streamlit's markdown and plotly's labels only as literal text, for every role."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import (
    KANDIDATEN_KOP,
    TEST_BEHEERDER,
    VRAAG_KOP,
    app_als,
    ingest,
    kandidaat,
    rijen,
    schrijf_xlsx,
    zichtbaar,
)

ORG_LINK = "Werkbedrijf [Sessie verlopen: log opnieuw in](https://evil.example/login)"
ORG_ANKER = '<a href="https://evil.example/">klik</a>'
ORG_SJABLOON = "Werkbedrijf %{y} 100% $x$ & Co"  # a plotly placeholder, LaTeX and an entity-to-be
WERKGEVER = '<a href="https://evil.example/w">Bakkerij</a> :red[nu] :material/lock: www.evil.example'
PRAKTIJKOPLEIDER = "Jan [klik](https://evil.example/p) <b>vet</b>"
KWALIFICATIE = "Schoonmaak $\\alpha$ **vet** https://evil.example/k"
BEROEP = 'Schoonmaker <a href="https://evil.example/b">b</a> [klik](https://evil.example/b) %{x}'
KOLOM = "Opmerking [lees](https://evil.example/kop) <a href=\"https://evil.example/\">x</a>"
VRAAGBESTAND = "vraag [klik](https:evil.example) 2026-03.xlsx"
UPLOADBESTAND = "vraag [klik](https:evil.example) www.evil.example 2026-03.xlsx"
BLAD = "Export <b>$x$ ~~weg~~"  # a sheet title cannot hold [ ] : * ? / \\
PEILDATUM = "2026-03-31"  # more than 1,5 months ago: the freshness warnings name each organisatie too
EIGEN_OPMAAK = re.compile(r"</?b>|<br>|<extra></extra>")  # the markup the chart builders write themselves
EIGEN_PLEK = re.compile(r"customdata\[\d\]|text")  # the placeholders they put in a hovertemplate


def trajecten(voorvoegsel: str, **waarden) -> list[list]:
    """12 trajecten starting in 2026 (a curve and a group need at least 10), 4 of them uitgevallen early."""
    rijen_ = []
    for i in range(12):
        start = dt.date(2026, 1 + i % 3, 2 + i)
        uitval = {"Status": "Uitgevallen", "Einddatum": start + dt.timedelta(days=20),
                  "Reden uitval": "Ziekte"} if i % 3 == 0 else {}
        rijen_.append(kandidaat(f"{voorvoegsel}{i}", Startdatum=start, **waarden, **uitval))
    return rijen_


@pytest.fixture(scope="module")
def map_(tmp_path_factory) -> Path:
    """A store holding hostile text everywhere a file can put it, loaded through the real CLI."""
    map_ = tmp_path_factory.mktemp("tekst")
    db = map_ / "opslag.duckdb"
    env = {"DASHBOARD_SLEUTEL": str(map_ / "sleutel")}
    extern = {"Route": "Extern", "Werkgever": WERKGEVER, "Praktijkopleider": PRAKTIJKOPLEIDER,
              "Kwalificatie": KWALIFICATIE}
    for organisatie, voorvoegsel, waarden in ((ORG_LINK, "L", extern), (ORG_ANKER, "A", {}),
                                              (ORG_SJABLOON, "S", {})):
        bestand = schrijf_xlsx(map_ / f"kandidaten_{voorvoegsel}.xlsx",
                               [KANDIDATEN_KOP, *trajecten(voorvoegsel, **waarden)])
        uitkomst = ingest(db, bestand, organisatie=organisatie, peildatum=PEILDATUM, env=env)
        assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr
    maanden = [dt.date(2025, 4, 1) + dt.timedelta(days=31 * i) for i in range(12)]
    vraag = schrijf_xlsx(map_ / VRAAGBESTAND, [
        [*VRAAG_KOP, KOLOM],
        *[[WERKGEVER, "Schoonmaak", BEROEP, None, "Nijmegen", m.replace(day=1), 2, None, "x"] for m in maanden],
    ])
    uitkomst = ingest(db, vraag, organisatie=ORG_LINK, peildatum=PEILDATUM, env=env)
    assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr
    assert KOLOM in uitkomst.stdout  # the ignored column is named in the warning (the page must show it as text)
    return map_


@pytest.fixture
def opslag(map_, monkeypatch) -> Path:
    monkeypatch.setenv("DASHBOARD_DB", str(map_ / "opslag.duckdb"))
    monkeypatch.setenv("DASHBOARD_SLEUTEL", str(map_ / "sleutel"))
    return map_


def pagina(monkeypatch, map_: Path, pad: str, rol: str = "beheerder", email: str = TEST_BEHEERDER) -> AppTest:
    app = app_als(monkeypatch, map_, rol=rol, email=email, timeout=90).run()
    if pad != "pages/overzicht.py":
        app.switch_page(pad).run()
    assert not app.exception, app.exception
    return app


# --- Streamlit: what it renders as markdown ------------------------------------------------------------------------


def markdown_bronnen(app: AppTest) -> list[str]:
    """Every text on the page (sidebar included) that Streamlit renders as markdown: bodies, headings, and the labels
    of tiles, buttons, expanders, st.status and tabs, and radio options (which elements parse markdown was checked in
    Chromium, see weergave/tekst.py; selectbox and multiselect options do not)."""
    bronnen = [e.value for soort in ("markdown", "caption", "error", "warning", "info", "success", "title", "header",
                                     "subheader") for e in app.get(soort)]
    bronnen += [e.label for soort in ("metric", "button", "expander", "status", "tabs") for e in app.get(soort)]
    return bronnen + [optie for radio in app.radio for optie in radio.options]


ONVEILIG = {  # what Streamlit's markdown would turn into a link, markup, icon, colour or formula
    "link": re.compile(r"(?<!\\)\]\("),
    "html of autolink": re.compile(r"(?<!\\)<[A-Za-z/!]"),
    "kale URL": re.compile(r"https?://|www\.", re.IGNORECASE),
    "e-mailadres": re.compile(r"[\w.+-]@\w"),
    "LaTeX": re.compile(r"(?<!\\)\$"),
    "richtlijn of icoon": re.compile(r"(?<!\\):[A-Za-z][\w/-]*(?<!\\)[:\[]"),
}


def onveilig(bronnen: list[str]) -> list[tuple[str, str]]:
    return [(naam, bron) for bron in bronnen for naam, patroon in ONVEILIG.items() if patroon.search(bron)]


def toont(app: AppTest, tekst: str) -> bool:
    """Is `tekst` shown literally in a markdown text of the page?"""
    return any(tekst in zichtbaar(bron) for bron in markdown_bronnen(app))


# --- plotly: what it draws as HTML ---------------------------------------------------------------------------------


def figuren(app: AppTest) -> list[dict]:
    return [json.loads(grafiek.proto.spec) for grafiek in app.get("plotly_chart")]


def strings(waarde) -> list[str]:
    if isinstance(waarde, str):
        return [waarde]
    if isinstance(waarde, dict):
        return [s for w in waarde.values() for s in strings(w)]
    if isinstance(waarde, list):
        return [s for w in waarde for s in strings(w)]
    return []


def onveilig_in_plotly(figuur: dict) -> list[str]:
    """Texts plotly would draw as markup (a tag other than the builders' own <b>, <br> and <extra>, or $LaTeX$), and
    placeholders in a hovertemplate other than the builders' own %{customdata[i]}."""
    gevonden = [s for s in strings(figuur) if re.sub(EIGEN_OPMAAK, "", s).count("<") or "$" in s]
    for spoor in figuur["data"]:
        for sleutel in ("hovertemplate", "texttemplate"):
            for sjabloon in strings(spoor.get(sleutel, "")):
                gevonden += [p for p in re.findall(r"%\{([^}]*)\}", sjabloon) if not EIGEN_PLEK.fullmatch(p)]
    return gevonden


def getekend(figuur: dict) -> set[str]:
    """Every text of the figure as plotly draws it (entities decoded)."""
    return {html.unescape(s) for s in strings(figuur)}


# --- the pages -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("rol", "email"), [("beheerder", TEST_BEHEERDER), ("regio", "consortium@regio.example")])
def test_sidebar_freshness_names_every_organisatie_as_text_for_every_role(opslag, monkeypatch, rol, email):
    app = pagina(monkeypatch, opslag, "pages/overzicht.py", rol=rol, email=email)
    bronnen = [e.value for e in app.sidebar.caption] + [e.value for e in app.sidebar.warning]
    for organisatie in (ORG_LINK, ORG_ANKER, ORG_SJABLOON):
        assert any(organisatie in zichtbaar(b.value) for b in app.sidebar.caption)  # "tot en met (peildatum)"
        assert any(organisatie in zichtbaar(b.value) for b in app.sidebar.warning)  # its export is old
    assert onveilig(bronnen) == []
    assert onveilig(markdown_bronnen(app)) == []


def test_geladen_exports_and_datakwaliteit_name_organisaties_as_text(opslag, monkeypatch):
    for pad in ("pages/gegevens.py", "pages/kwaliteit.py"):
        app = pagina(monkeypatch, opslag, pad)
        for organisatie in (ORG_LINK, ORG_ANKER, ORG_SJABLOON):
            assert any(organisatie in zichtbaar(w.value) for w in app.main.warning), (pad, organisatie)
        assert onveilig(markdown_bronnen(app)) == []
    raster = figuren(app)[0]  # the delivery grid: one row per organisatie
    assert {ORG_LINK, ORG_ANKER, ORG_SJABLOON} <= getekend(raster)
    assert onveilig_in_plotly(raster) == []


def test_structurele_vraag_heatmap_per_beroep_draws_the_beroep_as_text(opslag, monkeypatch):
    app = pagina(monkeypatch, opslag, "pages/structurele_vraag.py")
    app.radio(key="vraag_heatmap_per").set_value("beroep").run()
    assert not app.exception
    heatmap = figuren(app)[0]
    assert BEROEP in getekend(heatmap)  # the row label, literally
    assert any(BEROEP in tekst for tekst in getekend(heatmap) if tekst != BEROEP)  # and in the hover
    # the row shows it cut to 40 characters, so a pasted vacancy text cannot squeeze the months (review); the row
    # itself (tickvals) and the hover keep the whole name
    assert ingekort(BEROEP) in {html.unescape(t) for t in heatmap["layout"]["yaxis"]["ticktext"]}
    assert onveilig_in_plotly(heatmap) == []
    assert onveilig(markdown_bronnen(app)) == []


def ingekort(naam: str) -> str:
    """A name as a legend or axis shows it: at most 40 characters, a longer one cut with '…'."""
    return naam if len(naam) <= 40 else naam[:39].rstrip() + "…"


def test_instroom_per_organisatie_has_the_organisaties_as_legend_text(opslag, monkeypatch):
    app = pagina(monkeypatch, opslag, "pages/instroom.py")
    app.selectbox(key="instroom_uitsplitsen").set_value("Organisatie").run()
    assert not app.exception
    figuur = figuren(app)[0]
    # legend entries are cut at 40 characters (weergave.tekst.plotly_label), as text
    assert {html.unescape(spoor.get("name", "")) for spoor in figuur["data"]} >= {
        ingekort(n) for n in (ORG_LINK, ORG_ANKER, ORG_SJABLOON)}
    assert onveilig_in_plotly(figuur) == []
    assert onveilig(markdown_bronnen(app)) == []


@pytest.mark.parametrize(("uitsplitsing", "namen"), [("Werkgever", {WERKGEVER}),
                                                     ("Organisatie", {ORG_LINK, ORG_ANKER, ORG_SJABLOON})])
def test_uitval_curves_per_werkgever_or_organisatie_have_the_names_as_text(opslag, monkeypatch, uitsplitsing, namen):
    app = pagina(monkeypatch, opslag, "pages/uitval.py")
    app.selectbox(key="uitval_uitsplitsen").set_value(uitsplitsing).run()
    assert not app.exception
    curves = next(f for f in figuren(app) if any(s.get("line", {}).get("shape") == "hv" for s in f["data"]))
    assert {ingekort(n) for n in namen} <= {html.unescape(spoor.get("name", "")) for spoor in curves["data"]}
    for figuur in figuren(app):
        assert onveilig_in_plotly(figuur) == []
    assert onveilig(markdown_bronnen(app)) == []


def test_upload_page_shows_file_names_sheets_headers_and_history_as_text(map_, monkeypatch, tmp_path):
    opslag = Path(shutil.copytree(map_, tmp_path / "kopie"))  # this test loads a file: the others keep their store
    monkeypatch.setenv("DASHBOARD_DB", str(opslag / "opslag.duckdb"))
    monkeypatch.setenv("DASHBOARD_SLEUTEL", str(opslag / "sleutel"))
    app = pagina(monkeypatch, opslag, "pages/uploaden.py")
    boek = tmp_path / "bestand.xlsx"
    schrijf_xlsx(boek, [["Organisatie:", ORG_LINK], [*VRAAG_KOP, KOLOM],
                        [WERKGEVER, "Schoonmaak", BEROEP, None, "Nijmegen", dt.date(2026, 3, 1), 3, None, "x"]],
                 blad=BLAD)
    app.file_uploader(key="uploaden_bestanden").set_value(
        [(UPLOADBESTAND, boek.read_bytes(), "application/octet-stream")]).run()
    assert not app.exception
    for tekst in (UPLOADBESTAND, BLAD, KOLOM):  # heading, check status and button; sheet; ignored column
        assert toont(app, tekst), tekst
    assert onveilig(markdown_bronnen(app)) == []

    laden = [b for b in app.button if zichtbaar(b.label) == f"{UPLOADBESTAND} laden"]
    assert laden, [b.label for b in app.button]
    laden[0].click().run()
    assert not app.exception
    assert any(KOLOM in zichtbaar(s.value) for s in app.success)  # the outcome repeats the warning
    assert onveilig(markdown_bronnen(app)) == []

    # the history: the warnings stored with the CLI's upload, and the question before rolling it back
    upload_id = rijen(opslag / "opslag.duckdb", "SELECT upload_id FROM uploads WHERE bestandsnaam = ?",
                      [VRAAGBESTAND])[0][0]
    app.selectbox(key="uploaden_gekozen_upload").set_value(upload_id).run()
    assert any(KOLOM in zichtbaar(w.value) for w in app.warning)
    next(b for b in app.button if b.key == "uploaden_terug").click().run()
    assert not app.exception
    assert toont(app, f"{ORG_LINK}, peildatum") and toont(app, f"bestand {VRAAGBESTAND}")
    assert onveilig(markdown_bronnen(app)) == []
