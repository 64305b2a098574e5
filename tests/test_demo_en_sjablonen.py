"""The demo consortium behaves like the field; the templates are what the contract says; XML is safe."""

from __future__ import annotations

import io
import shutil
import zipfile

import openpyxl
import pytest

from basis import referentie
from tests.conftest import ROOT, ingest, rijen


@pytest.fixture(scope="module")
def demo(demo_opslag):
    return demo_opslag


def test_demo_is_loaded_through_the_ingest_with_every_kind_and_nothing_refused(demo):
    db, exports = demo
    snapshots = rijen(
        db,
        "SELECT organisatie, count(DISTINCT peildatum) FROM uploads "
        "WHERE soort = 'kandidaten' AND status = 'geladen' GROUP BY 1",
    )
    assert len(snapshots) >= 3 and all(aantal == 36 for _, aantal in snapshots)
    assert rijen(db, "SELECT count(DISTINCT maand) FROM vraag") == [(36,)]
    assert rijen(db, "SELECT count(*) FROM uploads WHERE status = 'geweigerd'") == [(0,)]
    regio = {naam for _, naam, r, _ in referentie.gemeenten() if r == "Rijk van Nijmegen"}
    assert {r[0] for r in rijen(db, "SELECT DISTINCT gemeente FROM trajecten")} == regio
    assert {r[0] for r in rijen(db, "SELECT DISTINCT arbeidsmarktregio FROM trajecten")} == {"Rijk van Nijmegen"}
    assert rijen(db, "SELECT count(DISTINCT gemeente), min(jaar), max(jaar) FROM afspraken") == [(7, 2024, 2026)]
    bestanden = list(exports.rglob("*.*"))
    assert len(bestanden) == len(rijen(db, "SELECT upload_id FROM uploads")) == 147
    assert {b.suffix for b in bestanden} == {".xlsx", ".csv"}


def test_demo_intake_peaks_after_the_summer(demo):
    db, _ = demo
    per_maand = dict(rijen(db, "SELECT month(startdatum), count(*) FROM trajecten GROUP BY 1"))
    najaar = sum(per_maand[m] for m in (8, 9, 10)) / 3
    rest = sum(v for m, v in per_maand.items() if m not in (8, 9, 10)) / 9
    assert najaar > 1.5 * rest


def test_demo_uitval_is_early_and_differs_by_sector_and_doelgroep(demo):
    db, _ = demo
    [(vroeg,)] = rijen(
        db,
        "SELECT avg((einddatum < startdatum + INTERVAL 3 MONTH)::INT) FROM trajecten "
        "WHERE status = 'uitgevallen' AND reden_uitval <> 'werk'",
    )
    assert vroeg > 0.5
    for dimensie in ("sector", "doelgroep"):
        percentages = [
            p
            for _, p in rijen(
                db,
                f"SELECT {dimensie}, avg((status = 'uitgevallen' AND reden_uitval "
                f"<> 'werk')::INT) FROM trajecten GROUP BY 1 HAVING count(*) >= 30",
            )
        ]
        assert max(percentages) - min(percentages) > 0.08, dimensie


def test_demo_about_a_fifth_of_ended_routes_go_to_paid_work(demo):
    db, _ = demo
    [(aandeel,)] = rijen(
        db,
        "SELECT avg(coalesce(uitstroom = 'betaald_werk' OR reden_uitval = 'werk', false)::INT) "
        "FROM trajecten WHERE status <> 'lopend'",
    )
    assert 0.15 <= aandeel <= 0.30
    [(extern,)] = rijen(db, "SELECT count(*) FROM trajecten WHERE uitstroom = 'betaald_werk' AND route = 'extern'")
    assert extern > 0


def test_demo_structural_and_occasional_demand(demo):
    db, _ = demo
    maanden = dict(rijen(db, "SELECT sector, count(DISTINCT maand) FROM vraag GROUP BY 1"))
    assert all(maanden[s] == 36 for s in ("schoonmaak", "logistiek", "groen"))
    assert min(maanden.values()) < 18


@pytest.mark.parametrize("soort", referentie.SOORTEN)
def test_template_has_the_canonical_headers_an_explanation_and_loads_when_filled(soort, db, tmp_path):
    sjabloon = ROOT / "data" / "sjablonen" / f"{soort}_sjabloon.xlsx"
    boek = openpyxl.load_workbook(sjabloon)
    gegevens, uitleg = boek.worksheets[:2]
    kolommen = referentie.kolommen(soort)
    assert [c.value for c in gegevens[1]] == [k.label for k in kolommen]
    uitlegtekst = " ".join(str(c.value) for rij in uitleg.iter_rows() for c in rij if c.value)
    for kolom in kolommen:
        assert kolom.label in uitlegtekst and kolom.uitleg in uitlegtekst
        for code in referentie.toegestane_codes(kolom.codelijst) if kolom.codelijst else []:
            assert code in uitlegtekst

    voorbeeld = {
        "kandidaten": [
            "T1",
            "K1",
            "Wijchen",
            "wsw",
            "langstromer",
            "intern",
            "groen",
            None,
            None,
            None,
            "01-09-2026",
            None,
            "lopend",
            None,
            None,
            None,
            None,
        ],
        "vraag": ["Hoveniersbedrijf De Linde", "groen", "Hovenier", None, "Wijchen", "2026-10", 2, "leerwerkplek"],
        "afspraken": ["Wijchen", 2026, 40, None, None],
    }[soort]
    gegevens.append(voorbeeld)
    ingevuld = tmp_path / f"{soort}_ingevuld.xlsx"
    boek.save(ingevuld)
    resultaat = ingest(db, ingevuld)
    assert resultaat.returncode == 0, resultaat.stdout
    assert resultaat.stdout.startswith(f"Geladen: {soort}_ingevuld.xlsx als upload 1 ({soort},")


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol4;</t></is></c></row></sheetData></worksheet>"""


def xml_bom(pad):
    """A real workbook whose sheet XML defines entities that expand exponentially."""
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as bron, zipfile.ZipFile(pad, "w") as doel:
        for lid in bron.infolist():
            doel.writestr(lid, BILLION_LAUGHS if lid.filename == "xl/worksheets/sheet1.xml" else bron.read(lid))
    return pad


def test_openpyxl_reads_through_defusedxml_and_refuses_entity_bombs(tmp_path):
    import defusedxml
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML is True
    with pytest.raises(ValueError) as fout:
        openpyxl.load_workbook(xml_bom(tmp_path / "bom.xlsx"))
    assert isinstance(fout.value.__cause__, defusedxml.DefusedXmlException)  # EntitiesForbidden


def test_ingest_refuses_an_entity_bomb_quickly_without_a_traceback(db, tmp_path):
    resultaat = ingest(db, xml_bom(tmp_path / "bom.xlsx"))
    assert resultaat.returncode == 1
    assert "Traceback" not in resultaat.stdout + resultaat.stderr
    assert resultaat.stdout.startswith("Geweigerd: bom.xlsx (1 fout).")


def test_demo_cli_needs_no_network_and_leaves_the_files_as_examples(demo):
    _, exports = demo
    assert shutil.disk_usage(exports).free > 0
    assert (exports / "wsp").is_dir() and any((exports / "wsp").glob("vraag_*.xlsx"))
