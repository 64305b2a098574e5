"""The Halfjaarrapportage, made through the real CLI on the demo store: every number in the HTML and the Excel equals
the read side (and, for the beheerder, the analyst views); protected numbers stay protected; the HTML draws every
chart in Chromium with the network blocked; text from files is escaped; bad input gets its Dutch message."""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from tests.conftest import (
    KANDIDATEN_KOP,
    TEST_BEHEERDER,
    analistenviews,
    cli,
    ingest,
    kandidaat,
    rollen_toml,
    schrijf_xlsx,
)
from tests.test_sectoren import TOTAAL, per_sector

CHROMIUM = Path("/usr/bin/chromium")


class Tabellen(HTMLParser):
    """The tables of a report's HTML by the title (h3) above them: lists of rows of cell texts, header first."""

    def __init__(self):
        super().__init__()
        self.tabellen: dict[str, list[list[str]]] = {}
        self._titel, self._in, self._rij, self._cel = "", None, None, None

    def handle_starttag(self, tag, attrs):
        if tag == "h3":
            self._in = "h3"
            self._titel = ""
        elif tag == "table":
            self.tabellen[self._titel] = []
        elif tag == "tr":
            self._rij = []
        elif tag in ("td", "th"):
            self._cel = ""

    def handle_endtag(self, tag):
        if tag == "h3":
            self._in = None
        elif tag in ("td", "th"):
            self._rij.append(self._cel)
            self._cel = None
        elif tag == "tr":
            self.tabellen[self._titel].append(self._rij)

    def handle_data(self, data):
        if self._in == "h3":
            self._titel += data
        elif self._cel is not None:
            self._cel += data


def html_tabellen(html: str) -> dict[str, pd.DataFrame]:
    lezer = Tabellen()
    lezer.feed(html)
    return {titel: pd.DataFrame(rijen[1:], columns=rijen[0]) for titel, rijen in lezer.tabellen.items()}


def excel_tabellen(pad: Path, blad: str) -> dict[str, pd.DataFrame]:
    """The tables of one sheet by their title row (a bold title, then the header, then rows until an empty row)."""
    werkblad = openpyxl.load_workbook(pad)[blad]
    rijen = [list(r) for r in werkblad.iter_rows(values_only=True)]
    tabellen, i = {}, 0
    while i < len(rijen) - 1:
        eerste = rijen[i][0]
        kop = [k for k in rijen[i + 1] if k is not None]
        if isinstance(eerste, str) and all(v is None for v in rijen[i][1:]) and len(kop) >= 2:
            j = i + 2
            while j < len(rijen) and any(v is not None for v in rijen[j]):
                j += 1
            tabellen[eerste] = pd.DataFrame([r[:len(kop)] for r in rijen[i + 2:j]], columns=kop)
            i = j
        else:
            i += 1
    return tabellen


def maak(demo_opslag, uit: Path, *extra, env: dict | None = None):
    db, _ = demo_opslag
    return cli("rapport", "--db", db, "--halfjaar", HALFJAAR, "--uit", uit, *extra,
               env={"DASHBOARD_SLEUTEL": str(db.parent / "sleutel"), **(env or {})}, timeout=300)


HALFJAAR = "2026-1"  # the demo's last complete half year (its exports run to 31 October 2026); checked below


@pytest.fixture(scope="module")
def leeskant(demo_opslag):
    """The read side on the demo store, as the CLI asks it."""
    import os

    from analytics.opslag import cache_legen

    oud = os.environ.get("DASHBOARD_DB")
    os.environ["DASHBOARD_DB"] = str(demo_opslag[0])
    cache_legen()
    yield
    cache_legen()
    if oud is None:
        os.environ.pop("DASHBOARD_DB", None)
    else:
        os.environ["DASHBOARD_DB"] = oud


@pytest.fixture(scope="module")
def regio_rapport(demo_opslag, tmp_path_factory):
    map_ = tmp_path_factory.mktemp("rapport")
    for soort in ("html", "xlsx"):
        uitkomst = maak(demo_opslag, map_ / f"rapport.{soort}")
        assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr
    return map_ / "rapport.html", map_ / "rapport.xlsx"


def regio_vergelijking():
    from analytics.kengetallen import periode_grenzen
    from analytics.sectoren import Halfjaar, sectorvergelijking
    from rapportage.maken import REGIO
    from rapportage.model import rapport_filters, sectornaam

    halfjaar = Halfjaar.uit_sleutel(HALFJAAR)
    vergelijking = sectorvergelijking(rapport_filters(halfjaar, REGIO), halfjaar, periode_grenzen()[0])
    return vergelijking.assign(naam=vergelijking["sector"].map(sectornaam))


def test_het_laatste_volledige_halfjaar_van_de_demo(leeskant):
    from rapportage.model import beschikbare_halfjaren

    assert beschikbare_halfjaren()[0].sleutel == HALFJAAR


def test_excel_heeft_de_getallen_van_de_leeskant(leeskant, regio_rapport):
    from tests.conftest import als_getoond

    _, xlsx = regio_rapport
    vergelijking = regio_vergelijking()
    tabel = excel_tabellen(xlsx, "Sectoren")["Instroom, lopende trajecten en praktijkverklaringen"]
    assert list(tabel["Sector"]) == list(vergelijking["naam"])
    for kolom, naam in (("Instroom", "instroom"), ("Praktijkverklaringen", "praktijkverklaringen"),
                        ("Lopend op 30 juni 2026", "lopend")):
        assert list(tabel[kolom]) == [als_getoond(w) for w in vergelijking[naam]], kolom
    werk = excel_tabellen(xlsx, "Sectoren")["Uitstroom naar werk"]
    for gezien, verwacht in zip(werk["Naar werk (%)"], vergelijking["aandeel_werk"], strict=True):
        if verwacht is None or (isinstance(verwacht, float) and pd.isna(verwacht)):
            assert pd.isna(gezien)
        else:
            assert gezien == pytest.approx(als_getoond(verwacht))
    voorblad = openpyxl.load_workbook(xlsx)["Rapport"]
    tekst = [c for r in voorblad.iter_rows(values_only=True) for c in r if isinstance(c, str)]
    assert "1e halfjaar 2026 (1 januari 2026 tot en met 30 juni 2026)" in tekst
    assert any(t.startswith("aantallen over mensen afgerond op 5-tallen") for t in tekst)
    assert "Peildatum per organisatie" in tekst and "Werkbedrijf Waalstad" in tekst


def test_html_heeft_dezelfde_getallen_als_excel(regio_rapport):
    html, xlsx = regio_rapport
    tabellen = html_tabellen(html.read_text(encoding="utf-8"))
    for blad, titel in (("Sectoren", "Instroom, lopende trajecten en praktijkverklaringen"),
                        ("Afspraken", "Instroom per gemeente"), ("Uitval", "Redenen van uitval"),
                        ("Vraag", "Vraag en aanbod per sector")):
        excel = excel_tabellen(xlsx, blad)[titel]
        scherm = tabellen[titel]
        assert list(scherm.columns) == list(excel.columns), titel
        assert len(scherm) == len(excel), titel
        for kolom in excel.columns:
            for h, e in zip(scherm[kolom], excel[kolom], strict=True):
                gezien, bewaard = getal_uit_html(h), getal_uit_excel(e)
                if isinstance(gezien, float) and isinstance(bewaard, float):  # Excel keeps the decimals it hides
                    decimalen = len(h.rstrip("%").partition(",")[2]) + (2 if h.endswith("%") else 0)
                    assert abs(gezien - bewaard) <= 0.5 * 10 ** -decimalen + 1e-9, (titel, kolom, h, e)
                else:
                    assert gezien == bewaard, (titel, kolom, h, e)


def getal_uit_html(tekst: str):
    """'1.234' -> 1234.0, '12,5%' -> 0.125, '(+5)' and '<5' stay text, '–' -> None."""
    if tekst == "–":
        return None
    if re.fullmatch(r"[+-]?[\d.]+(,\d+)?%?", tekst):
        waarde = float(tekst.rstrip("%").replace(".", "").replace(",", "."))
        return round(waarde / 100 if tekst.endswith("%") else waarde, 6)
    return tekst


def getal_uit_excel(waarde):
    """An empty cell is "–" on screen."""
    if waarde is None or (isinstance(waarde, float) and pd.isna(waarde)):
        return None
    if isinstance(waarde, int | float):
        return round(float(waarde), 6)
    return waarde


def test_afgeschermde_cellen_blijven_afgeschermd(regio_rapport):
    """For the regio: every count of people is a multiple of 5 or a marker, in HTML and Excel alike."""
    html, xlsx = regio_rapport
    tabellen = html_tabellen(html.read_text(encoding="utf-8"))
    aantallen = {"Instroom, lopende trajecten en praktijkverklaringen": ["Instroom", "Praktijkverklaringen"],
                 "Uitstroom naar werk": ["Uitstroom naar werk", "Beëindigde trajecten"],
                 "Redenen van uitval": ["Uitgevallen"], "Instroom per gemeente": ["Instroom jan t/m juni"]}
    excel = {**excel_tabellen(xlsx, "Sectoren"), **excel_tabellen(xlsx, "Uitval"), **excel_tabellen(xlsx, "Afspraken")}
    gezien = 0
    for titel, kolommen in aantallen.items():
        for kolom in kolommen:
            for waarde in [*tabellen[titel][kolom], *excel[titel][kolom]]:
                assert waarde in ("<5", "x", "–") or int(str(waarde).replace(".", "")) % 5 == 0, (titel, kolom, waarde)
                gezien += waarde == "<5"
    assert gezien > 0  # the demo has small cells: the check looked at some


@pytest.fixture(scope="module")
def beheer_rapport(demo_opslag, tmp_path_factory) -> Path:
    """The report as the beheerder gets it, in Excel (exact numbers)."""
    map_ = tmp_path_factory.mktemp("beheer")
    (map_ / "toegang.toml").write_text(rollen_toml(TEST_BEHEERDER))
    uit = map_ / "beheer.xlsx"
    uitkomst = maak(demo_opslag, uit, "--als", TEST_BEHEERDER, env={"DASHBOARD_TOEGANG": str(map_ / "toegang.toml")})
    assert uitkomst.returncode == 0, uitkomst.stdout
    return uit


def test_beheerder_ziet_exact_wat_de_analistenviews_zeggen(demo_opslag, beheer_rapport):
    uit = beheer_rapport
    views = analistenviews(demo_opslag[0])
    verwacht = per_sector(views["trajecten"], views["vraag"], 2026, 1)
    from basis.referentie import code_weergave

    tabel = excel_tabellen(uit, "Sectoren")["Instroom, lopende trajecten en praktijkverklaringen"]
    for _, rij in tabel.iterrows():
        code = TOTAAL if rij["Sector"] == TOTAAL else next(c for c in verwacht.index
                                                           if code_weergave("sector", c) == rij["Sector"])
        assert rij["Instroom"] == verwacht.loc[code, "gestart"], rij["Sector"]
        assert rij["Praktijkverklaringen"] == verwacht.loc[code, "pv"], rij["Sector"]
    voorblad = [c for r in openpyxl.load_workbook(uit)["Rapport"].iter_rows(values_only=True) for c in r]
    assert "beheerder" in voorblad
    # the sector named as the one whose instroom changed most is that sector in the exact numbers
    vorig = per_sector(views["trajecten"], views["vraag"], 2025, 2)
    verandering = (verwacht["gestart"] - vorig["gestart"].reindex(verwacht.index, fill_value=0)).drop(TOTAAL)
    grootste = verandering.abs().idxmax()
    assert (verandering.abs() == verandering.abs().max()).sum() == 1  # the demo has no tie
    woord = "steeg" if verandering[grootste] > 0 else "daalde"
    assert (f"De instroom veranderde het meest in de sector {code_weergave('sector', grootste)}: hij {woord} met "
            f"{abs(verandering[grootste])} trajecten.") in voorblad


def test_samenvatting_klopt_met_de_exacte_aantallen(demo_opslag, regio_rapport):
    """The regio sees rounded numbers; its sentence about the change of instroom must hold for the exact ones."""
    html, _ = regio_rapport
    tekst = html.read_text(encoding="utf-8")
    zin = re.search(r"In het 1e halfjaar 2026 begonnen ongeveer [\d.]+ trajecten[^<]*", tekst).group(0)
    views = analistenviews(demo_opslag[0])
    nu = per_sector(views["trajecten"], views["vraag"], 2026, 1).loc[TOTAAL, "gestart"]
    vorig = per_sector(views["trajecten"], views["vraag"], 2025, 2).loc[TOTAAL, "gestart"]
    if "meer dan" in zin:
        assert nu > vorig
    elif "minder dan" in zin:
        assert nu < vorig
        assert re.search(r", ongeveer \d+ minder dan in het 2e halfjaar 2025\.$", zin), zin  # no "(-70)": brackets
    else:
        assert "niet te zeggen" in zin
    assert "Achter op de afspraak, ook volgens de ruimste verwachting" in tekst or "op koers" in tekst


def test_html_staat_op_zichzelf_en_tekent_elke_grafiek_offline(regio_rapport):
    from playwright.sync_api import sync_playwright

    html, _ = regio_rapport
    tekst = html.read_text(encoding="utf-8")
    buiten_scripts = re.sub(r"<script\b.*?</script>", "", tekst, flags=re.S)
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", buiten_scripts)
    assert tekst.count('<script type="text/javascript">') == 1  # plotly.js once
    gevraagd = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        pagina = browser.new_page()

        def afhandelen(route):
            if route.request.url == html.as_uri():
                route.continue_()
            else:
                gevraagd.append(route.request.url)
                route.abort()

        pagina.route("**/*", afhandelen)
        pagina.goto(html.as_uri())
        pagina.wait_for_timeout(1500)
        grafieken = pagina.locator(".grafiek").count()
        getekend = pagina.locator(".grafiek .main-svg").count()
        zonder = pagina.evaluate("[...document.querySelectorAll('.grafiek')].filter(g => !g.querySelector("
                                 "'.main-svg')).length")
        browser.close()
    assert grafieken >= 6
    assert getekend >= grafieken and zonder == 0
    assert gevraagd == []


def test_pdf_of_de_nederlandse_melding(demo_opslag, tmp_path):
    uit = tmp_path / "rapport.pdf"
    if CHROMIUM.exists():
        uitkomst = maak(demo_opslag, uit)
        assert uitkomst.returncode == 0, uitkomst.stdout
        inhoud = uit.read_bytes()
        assert inhoud.startswith(b"%PDF") and len(inhoud) > 50_000
        assert "PDF maken met Chromium" in uitkomst.stderr
    # without Chromium on PATH: the Dutch message, no file, exit 1
    zonder = tmp_path / "zonder.pdf"
    uitkomst = maak(demo_opslag, zonder, env={"PATH": str(tmp_path)})
    assert uitkomst.returncode == 1
    assert uitkomst.stdout.strip() == ("Chromium ontbreekt: installeer het pakket chromium (apt-get install chromium) "
                                       "om een PDF te maken; HTML en Excel werken zonder.")
    assert not zonder.exists()


@pytest.mark.parametrize(("argumenten", "code", "melding"), [
    (["--halfjaar", "2026-1", "--uit", "{map}/r.docx"], 2,
     "Het rapport kan een .html-, .pdf- of .xlsx-bestand zijn, niet 'r.docx'. Laat --uit eindigen op .html, .pdf of "
     ".xlsx."),
    (["--halfjaar", "2026-7", "--uit", "{map}/r.html"], 1,
     "'2026-7' is geen halfjaar. Schrijf het als JAAR-1 of JAAR-2, bijvoorbeeld 2026-1."),
    (["--halfjaar", "2026-2", "--uit", "{map}/r.html"], 1,
     "Over het 2e halfjaar 2026 zijn geen volledige gegevens. Kies een van: 2026-1, 2025-2, 2025-1, 2024-2, 2024-1, "
     "2023-2."),
    (["--halfjaar", "2026-1", "--sector", "vis", "--uit", "{map}/r.html"], 1,
     "De sector 'vis' komt in de gegevens niet voor. Kies een van: administratie_ict, bouw_infra, detailhandel, "
     "facilitair_horeca, groen, logistiek, overig, productie_techniek, schoonmaak, zorg_welzijn."),
    (["--halfjaar", "2026-1", "--gemeente", "GM9999", "--uit", "{map}/r.html"], 1,
     "De gemeente 'GM9999' komt in de gegevens niet voor. Geef de CBS-code van een gemeente met trajecten, zoals "
     "GM0268."),
    (["--halfjaar", "2026-1", "--als", "onbekend@nergens.example", "--uit", "{map}/r.html"], 1,
     "onbekend@nergens.example staat niet in het toegangsbestand {map}/toegang.toml: kies een e-mailadres met een "
     "rol, of laat --als weg voor het rapport van de regio."),
])
def test_foute_invoer_krijgt_een_nederlandse_melding(demo_opslag, tmp_path, argumenten, code, melding):
    (tmp_path / "toegang.toml").write_text(rollen_toml(TEST_BEHEERDER))
    db, _ = demo_opslag
    uitkomst = cli("rapport", "--db", db, *[a.format(map=tmp_path) for a in argumenten],
                   env={"DASHBOARD_TOEGANG": str(tmp_path / "toegang.toml")})
    assert (uitkomst.returncode, uitkomst.stdout.strip()) == (code, melding.format(map=tmp_path))
    assert not list(tmp_path.glob("r.*"))


def test_tekst_uit_bestanden_staat_er_geescaped(db, tmp_path):
    """An organisatie named with markup (from the upload form or the file name) is text in the report."""
    naam = "<script>alert(1)</script> Werk & Co"
    rijen = [kandidaat(f"T{i}", Startdatum=pd.Timestamp(2026, 2, 1 + i).date()) for i in range(8)]
    export = schrijf_xlsx(tmp_path / "kandidaten.xlsx", [KANDIDATEN_KOP, *rijen])
    assert ingest(db, export, organisatie=naam, peildatum="2026-07-31").returncode == 0
    uit = tmp_path / "rapport.html"
    uitkomst = cli("rapport", "--db", db, "--halfjaar", "2026-1", "--uit", uit)
    assert uitkomst.returncode == 0, uitkomst.stdout
    tekst = uit.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Werk &amp; Co" in tekst
    assert "<script>alert(1)" not in tekst
    xlsx = tmp_path / "rapport.xlsx"
    assert cli("rapport", "--db", db, "--halfjaar", "2026-1", "--uit", xlsx).returncode == 0
    cellen = [c for r in openpyxl.load_workbook(xlsx)["Rapport"].iter_rows(values_only=True) for c in r]
    assert naam in cellen


def test_verbeteracties_en_de_lege_tabel_voor_nieuwe(leeskant, tmp_path):
    """The verbeteracties come from analytics.verbeteracties (built apart): the report renders the DataFrame it
    gets, with the movement of each kengetal, and an empty table for the new ones."""
    import datetime as dt

    from analytics.beschermd import afgerond_aantal
    from rapportage.excel import rapport_excel
    from rapportage.html import rapport_html
    from rapportage.maken import REGIO
    from rapportage.model import gekozen_halfjaar, rapport, rapport_filters

    acties = pd.DataFrame({
        "Voor": ["Regio", "Wijchen"], "Kengetal": ["Uitval", "Instroom"],
        "Bevinding": ["Veel uitval in de eerste maand", "Instroom <achter>"],
        "Actie": ["Intake aanscherpen", "Werving bij de bibliotheek"], "Eigenaar": ["J. de Vries", "A. Jansen"],
        "Deadline": [dt.date(2026, 3, 1), dt.date(2026, 12, 1)], "Status": ["loopt", "afgerond"],
        "Te laat": [True, False],
        "2e halfjaar 2025": [0.25, afgerond_aantal(20, 5)], "1e halfjaar 2026": [0.15, afgerond_aantal(20, 5)],
    })
    halfjaar = gekozen_halfjaar(HALFJAAR)
    model = rapport(rapport_filters(halfjaar, REGIO), halfjaar, acties)
    html = rapport_html(model)
    tabel = html_tabellen(html)["Verbeteracties"]
    assert list(tabel["Actie"]) == ["Intake aanscherpen", "Werving bij de bibliotheek"]
    assert list(tabel["Te laat"]) == ["ja", "nee"] and list(tabel["Deadline"]) == ["01-03-2026", "01-12-2026"]
    assert list(tabel["Beweging"]) == ["gedaald", "niet te bepalen"]  # 20 and 20, both rounded: either way
    assert "Instroom &lt;achter&gt;" in html
    assert "1 van de 2 verbeteracties is over de deadline: Intake aanscherpen (J. de Vries)." in model.samenvatting
    nieuw = html_tabellen(html)["Nieuwe verbeteracties"]
    assert list(nieuw.columns) == ["Kengetal", "Bevinding", "Actie", "Eigenaar", "Deadline"]
    assert len(nieuw) == 6 and (nieuw == "").all().all()
    pad = tmp_path / "r.xlsx"
    pad.write_bytes(rapport_excel(model))
    excel = excel_tabellen(pad, "Verbeteracties")["Verbeteracties"]
    assert list(excel["1e halfjaar 2026"]) == [0.15, 20] and list(excel["Te laat"]) == ["ja", "nee"]


def test_pagina_toont_de_samenvatting_en_de_knoppen(demo_opslag, monkeypatch):
    """Every role has the page; the demo's beheerder sees exact numbers, in the presentatiemodus the regio's."""
    from tests.conftest import demo_app

    app = demo_app(demo_opslag, monkeypatch, timeout=120)
    app.run()
    app.switch_page("pages/rapportage.py").run()
    assert not app.exception and app.title[0].value == "Halfjaarrapportage"
    assert app.selectbox(key="rapport_halfjaar").value.sleutel == HALFJAAR
    samenvatting = app.markdown[0].value
    assert samenvatting.startswith("- In het 1e halfjaar 2026 begonnen ") and "ongeveer" not in samenvatting
    assert [b.label for b in app.button] == ["PDF maken"]
    app.sidebar.toggle(key="presentatiemodus").set_value(True).run()
    assert not app.exception and app.title[0].value == "Halfjaarrapportage"
    assert app.markdown[0].value.startswith("- In het 1e halfjaar 2026 begonnen ongeveer ")


def test_gemeente_ziet_eigen_gemeente_exact_en_de_regio_afgeschermd(demo_opslag, tmp_path):
    """--als a gemeente: its own gemeente exactly (as its screen shows it), the whole region protected."""
    (tmp_path / "toegang.toml").write_text(rollen_toml(TEST_BEHEERDER))
    omgeving = {"DASHBOARD_TOEGANG": str(tmp_path / "toegang.toml")}
    eigen, regio = tmp_path / "eigen.xlsx", tmp_path / "regio.xlsx"
    assert maak(demo_opslag, eigen, "--als", "a.jansen@wijchen.example", "--gemeente", "GM0296",
                env=omgeving).returncode == 0
    assert maak(demo_opslag, regio, "--als", "a.jansen@wijchen.example", env=omgeving).returncode == 0
    views = analistenviews(demo_opslag[0])
    trajecten = views["trajecten"][views["trajecten"]["gemeentecode"] == "GM0296"]
    verwacht = per_sector(trajecten, views["vraag"], 2026, 1)
    tabel = excel_tabellen(eigen, "Sectoren")["Instroom, lopende trajecten en praktijkverklaringen"]
    assert tabel.set_index("Sector").loc[TOTAAL, "Instroom"] == verwacht.loc[TOTAAL, "gestart"]
    assert any(0 < w < 5 for w in tabel["Instroom"] if isinstance(w, int))  # exact: small counts as they are
    gemeente = [c for r in openpyxl.load_workbook(eigen)["Rapport"].iter_rows(values_only=True) for c in r]
    assert "Wijchen" in gemeente and "gemeente Wijchen" in gemeente  # review: a name, not "gemeente (GM0296)"
    assert gemeente[gemeente.index("Afscherming") + 1].startswith("geen: exacte aantallen")
    blad = [c for r in openpyxl.load_workbook(regio)["Rapport"].iter_rows(values_only=True) for c in r]
    assert blad[blad.index("Afscherming") + 1].endswith(  # the 26 for Wijchen among fives is explained
        "; exact alleen Wijchen, in een rij per gemeente of als alleen die is gekozen")
    afgeschermd = excel_tabellen(regio, "Sectoren")["Instroom, lopende trajecten en praktijkverklaringen"]["Instroom"]
    assert all(w in ("<5", "x") or w % 5 == 0 for w in afgeschermd) and "<5" in list(afgeschermd)


def test_de_pdf_heeft_dezelfde_getallen_als_de_html(demo_opslag, regio_rapport, tmp_path):
    """The PDF is the HTML printed by Chromium: every row of every table of the regio's report is in its text, in
    the same order (a cell that wraps onto a second line still reads in order), so its numbers are the HTML's, which
    the tests above hold against the read side and keep protected. Without Chromium: the Dutch message (above)."""
    from pypdf import PdfReader

    if not CHROMIUM.exists():
        assert maak(demo_opslag, tmp_path / "r.pdf", env={"PATH": str(tmp_path)}).returncode == 1
        return
    pdf = tmp_path / "rapport.pdf"
    uitkomst = maak(demo_opslag, pdf)
    assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr
    tekst = " ".join(blad.extract_text() for blad in PdfReader(pdf).pages)
    woorden = unicodedata.normalize("NFKC", tekst).split()  # the font's ligatures ("ﬀ") as letters
    tabellen = html_tabellen(regio_rapport[0].read_text())
    assert len(tabellen) >= 8, list(tabellen)
    plek, rijen = 0, 0
    for titel, tabel in tabellen.items():
        for rij in tabel.itertuples(index=False):
            for woord in " ".join(str(c) for c in rij).split():
                assert woord in woorden[plek:], (titel, rij, woord)
                plek += woorden[plek:].index(woord) + 1
            rijen += 1
    assert rijen > 40


def test_de_afspraken_van_het_eerste_halfjaar_volgen_het_seizoenspatroon(demo_opslag, beheer_rapport):
    """In June pro rata (6/12) calls a gemeente 'achter' whose instroom peaks after the summer; the report judges the
    first half year by the seasonal pattern of earlier years, as the Instroom page does, computed here from the
    analyst views."""
    from tests.test_uitval_afspraak_vraagjaren import algemene_afspraken, seizoensaandelen, verwachte_stand

    uit = beheer_rapport
    views = analistenviews(demo_opslag[0])
    trajecten = views["trajecten"]
    aandelen = seizoensaandelen(trajecten, 2026, 6)
    juni = trajecten[(trajecten["startdatum"].dt.year == 2026) & (trajecten["startdatum"].dt.month <= 6)]
    instroom = juni.groupby("gemeente").size()
    afspraak = algemene_afspraken(views["afspraken"], 2026)
    tabel = excel_tabellen(uit, "Afspraken")["Instroom per gemeente"].set_index("Gemeente")
    assert "Afspraak naar rato" not in tabel.columns
    standen = {}
    for gemeente, rij in tabel.iterrows():
        i = int(instroom.get(gemeente, 0))
        assert rij["Instroom jan t/m juni"] == i, gemeente
        standen[gemeente] = verwachte_stand(i, afspraak[gemeente], aandelen)
        assert rij["Stand"] == standen[gemeente], gemeente
    pro_rata_achter = {g for g in standen if instroom.get(g, 0) < afspraak[g] * 6 / 12}
    assert pro_rata_achter - {g for g, s in standen.items() if s == "achter"}  # the demo has such a gemeente
    voorblad = [c for r in openpyxl.load_workbook(uit)["Rapport"].iter_rows(values_only=True) for c in r
                if isinstance(c, str)]
    achter = sorted(g for g, s in standen.items() if s == "achter")
    zinnen = [z for z in voorblad if z.startswith("Achter op de afspraak")]
    assert bool(zinnen) == bool(achter)
    for gemeente in achter:
        assert gemeente in zinnen[0]
