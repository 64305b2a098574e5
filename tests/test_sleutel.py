"""The key for kandidaat_hash (issue 12, point 5): a store that holds kandidaten is never loaded into with its key
missing or another key, so the same candidates never silently get new hashes; restoring the key from the backup
makes everything work as before. Through the real CLI and the upload page."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil

import duckdb

from tests.conftest import (
    KANDIDATEN_KOP,
    VRAAG_KOP,
    alle_tabellen,
    app_als,
    ingest,
    kandidaat,
    rijen,
    schrijf_xlsx,
    zichtbaar,
)


def oktober_en_november(tmp_path):
    """Three trajecten in October; in November T1 has dropped out, T2 is the same and T4 (a new candidate) starts."""
    oktober = schrijf_xlsx(tmp_path / "okt.xlsx", [KANDIDATEN_KOP, kandidaat("T1"), kandidaat("T2"), kandidaat("T3")])
    november = schrijf_xlsx(
        tmp_path / "nov.xlsx",
        [
            KANDIDATEN_KOP,
            kandidaat("T1", Status="Uitgevallen", Einddatum=dt.date(2026, 11, 10), **{"Reden uitval": "Ziekte"}),
            kandidaat("T2"),
            kandidaat("T3"),
            kandidaat("T4", Startdatum=dt.date(2026, 11, 2)),
        ],
    )
    return oktober, november


def ontbreekt(naam, pad) -> str:
    return (
        f"Niet geladen: {naam}. Het sleutelbestand {pad} bestaat niet, maar deze opslag bevat al kandidaten. Er is "
        "niets geladen en er is geen nieuwe sleutel gemaakt: met een nieuwe sleutel worden dezelfde kandidaten niet "
        "meer herkend. Zet het sleutelbestand uit de back-up van de opslag terug op die plek en laad het bestand "
        "opnieuw."
    )


def anders(naam, pad) -> str:
    return (
        f"Niet geladen: {naam}. Het sleutelbestand {pad} hoort niet bij deze opslag: de kandidaten in de opslag zijn "
        "met een andere sleutel vastgelegd. Er is niets geladen: met deze sleutel worden dezelfde kandidaten niet "
        "meer herkend. Zet het sleutelbestand uit de back-up van deze opslag terug op die plek en laad het bestand "
        "opnieuw."
    )


def test_a_lost_key_stops_the_load_until_it_is_restored_and_then_the_same_candidates_are_recognised(db, tmp_path):
    sleutel = tmp_path / "sleutel"
    oktober, november = oktober_en_november(tmp_path)
    assert ingest(db, oktober, peildatum="2026-10-31").returncode == 0
    back_up = tmp_path / "back-up.sleutel"
    shutil.copy2(sleutel, back_up)
    sleutel.unlink()
    voor = alle_tabellen(db)

    resultaat = ingest(db, november, peildatum="2026-11-30")

    assert resultaat.returncode == 1
    assert resultaat.stdout.strip() == ontbreekt("nov.xlsx", sleutel)
    assert alle_tabellen(db) == voor
    assert not sleutel.exists()  # no new key made behind the operator's back

    shutil.copy2(back_up, sleutel)
    resultaat = ingest(db, november, peildatum="2026-11-30")

    assert resultaat.returncode == 0, resultaat.stdout
    assert resultaat.stdout.splitlines()[0] == (
        "Geladen: nov.xlsx als upload 2 (kandidaten, Werkbedrijf Test, peildatum 30-11-2026): 4 rijen; 1 nieuwe "
        "trajecten, 1 gewijzigd, 0 ontbreken in deze export."
    )
    # four candidates, each with one hash in both months: October's T1..T3 are November's T1..T3
    assert rijen(db, "SELECT count(DISTINCT kandidaat_hash) FROM kandidaten_rij") == [(4,)]
    assert rijen(db, "SELECT count(DISTINCT kandidaat_hash) FROM trajecten") == [(4,)]


def test_another_key_is_refused_and_neither_the_store_nor_the_key_file_changes(db, tmp_path):
    sleutel = tmp_path / "sleutel"
    oktober, november = oktober_en_november(tmp_path)
    assert ingest(db, oktober, peildatum="2026-10-31").returncode == 0
    eigen = sleutel.read_text()
    sleutel.write_text("ab" * 32 + "\n")  # a valid key, but not this store's
    voor = alle_tabellen(db)

    resultaat = ingest(db, november, peildatum="2026-11-30")

    assert resultaat.returncode == 1
    assert resultaat.stdout.strip() == anders("nov.xlsx", sleutel)
    assert alle_tabellen(db) == voor
    assert sleutel.read_text() == "ab" * 32 + "\n"

    sleutel.write_text(eigen)
    assert ingest(db, november, peildatum="2026-11-30").returncode == 0
    assert rijen(db, "SELECT count(DISTINCT kandidaat_hash) FROM trajecten") == [(4,)]


def test_the_store_keeps_a_fingerprint_of_its_key_that_is_neither_the_key_nor_its_plain_hash(db, tmp_path):
    assert ingest(db, schrijf_xlsx(tmp_path / "k.xlsx", [KANDIDATEN_KOP, kandidaat("T1")])).returncode == 0
    sleutel = (tmp_path / "sleutel").read_text().strip()

    [(vingerafdruk,)] = rijen(db, "SELECT vingerafdruk FROM sleutel_vingerafdruk")

    assert len(vingerafdruk) == 64
    assert sleutel not in vingerafdruk
    assert vingerafdruk not in (hashlib.sha256(bytes.fromhex(sleutel)).hexdigest(), hashlib.sha256(sleutel.encode())
                                .hexdigest())
    assert (tmp_path / "sleutel").read_text().strip() not in str(alle_tabellen(db))


def test_a_store_from_before_the_fingerprint_records_it_on_its_next_load_and_is_protected_from_then_on(db, tmp_path):
    sleutel = tmp_path / "sleutel"
    oktober, november = oktober_en_november(tmp_path)
    assert ingest(db, oktober, peildatum="2026-10-31").returncode == 0
    con = duckdb.connect(str(db))
    con.execute("DROP TABLE sleutel_vingerafdruk")  # as a store made before this change
    con.close()

    assert ingest(db, november, peildatum="2026-11-30").returncode == 0

    assert len(rijen(db, "SELECT vingerafdruk FROM sleutel_vingerafdruk")) == 1
    sleutel.write_text("cd" * 32 + "\n")
    december = schrijf_xlsx(tmp_path / "dec.xlsx", [KANDIDATEN_KOP, kandidaat("T2")])
    resultaat = ingest(db, december, peildatum="2026-12-01")
    assert resultaat.returncode == 1
    assert resultaat.stdout.strip() == anders("dec.xlsx", sleutel)


def test_a_store_from_before_the_fingerprint_with_its_key_gone_is_refused_too(db, tmp_path):
    sleutel = tmp_path / "sleutel"
    oktober, november = oktober_en_november(tmp_path)
    assert ingest(db, oktober, peildatum="2026-10-31").returncode == 0
    con = duckdb.connect(str(db))
    con.execute("DROP TABLE sleutel_vingerafdruk")
    con.close()
    sleutel.unlink()
    voor = alle_tabellen(db)

    resultaat = ingest(db, november, peildatum="2026-11-30")

    assert resultaat.stdout.strip() == ontbreekt("nov.xlsx", sleutel)
    assert alle_tabellen(db) == {**voor, "sleutel_vingerafdruk": []}  # only the schema brought up to date
    assert not sleutel.exists()


def test_the_key_next_to_the_store_is_named_by_its_own_path_and_a_new_store_still_makes_its_key(tmp_path):
    db = tmp_path / "regio.duckdb"
    sleutel = tmp_path / "regio.duckdb.sleutel"
    oktober, november = oktober_en_november(tmp_path)
    zonder = {"DASHBOARD_SLEUTEL": ""}
    assert ingest(db, oktober, peildatum="2026-10-31", env=zonder).returncode == 0
    assert sleutel.exists()
    sleutel.unlink()

    resultaat = ingest(db, november, peildatum="2026-11-30", env=zonder)

    assert resultaat.stdout.strip() == ontbreekt("nov.xlsx", sleutel)


def test_demand_and_agreements_need_no_key_and_do_not_make_one(db, tmp_path):
    sleutel = tmp_path / "sleutel"
    oktober, _ = oktober_en_november(tmp_path)
    assert ingest(db, oktober, peildatum="2026-10-31").returncode == 0
    sleutel.unlink()
    vraag = schrijf_xlsx(
        tmp_path / "vraag.xlsx", [VRAAG_KOP, ["Albert Heijn", "Detailhandel", "Vakkenvuller", None, None, "2026-10", 2,
                                              None]]
    )

    resultaat = ingest(db, vraag, organisatie="WSP")

    assert resultaat.returncode == 0, resultaat.stdout
    assert not sleutel.exists()  # the next kandidaten load still finds the key missing, and says so
    assert rijen(db, "SELECT werkgever, aantal FROM vraag") == [("Albert Heijn", 2)]


def test_the_upload_page_refuses_to_check_without_the_key_and_says_where_it_belongs_without_a_path(
    db, tmp_path, monkeypatch
):
    sleutel = tmp_path / "sleutel"
    oktober, november = oktober_en_november(tmp_path)
    assert ingest(db, oktober, peildatum="2026-10-31").returncode == 0
    sleutel.unlink()
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    app = app_als(monkeypatch, tmp_path, timeout=90).run()
    app.switch_page("pages/uploaden.py").run()
    voor = alle_tabellen(db)  # after the login, which the audit log records

    app.file_uploader(key="uploaden_bestanden").set_value(
        [("kandidaten_2026-11.xlsx", november.read_bytes(), "application/octet-stream")]
    ).run()
    next(s for s in app.selectbox if s.label == "Organisatie").set_value("Werkbedrijf Test").run()  # a known one

    assert not app.exception
    assert [zichtbaar(e.value) for e in app.error] == [
        "Niet gecontroleerd: kandidaten_2026-11.xlsx. Het sleutelbestand sleutel (op de server, op de plek die "
        "DASHBOARD_SLEUTEL aangeeft) bestaat niet, maar deze opslag bevat al kandidaten. Er is niets geladen en er "
        "is geen nieuwe sleutel gemaakt: met een nieuwe sleutel worden dezelfde kandidaten niet meer herkend. Zet "
        "het sleutelbestand uit de back-up van de opslag terug op die plek en laad het bestand opnieuw."
    ]
    assert [b.label for b in app.button if zichtbaar(b.label).endswith("laden")] == []
    assert not sleutel.exists()  # the check (read-only) made no key either
    assert alle_tabellen(db) == voor
