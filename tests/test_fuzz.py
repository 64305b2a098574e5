"""Fuzzing the ingest (issue 12, point 7): valid exports mutated (bytes, cells, headers, dates, encodings, sizes)
must each end in a load or a Dutch refusal, never a traceback, in bounded time and memory, and a refusal leaves
the store as it was.

Each example runs the command line's own `main` in this process (the file itself is read in a child process, as
the CLI does, so a file that aborts the reader cannot take the test down). Quick in `make test`
(FUZZ_VOORBEELDEN, default 12 per property); `make fuzz` runs many more (see the Makefile and the README).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import resource
import time
from pathlib import Path

import duckdb
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.__main__ import main
from tests.conftest import AFSPRAKEN_KOP, KANDIDATEN_KOP, VRAAG_KOP, kandidaat

VOORBEELDEN = int(os.environ.get("FUZZ_VOORBEELDEN", "12"))
pytestmark = pytest.mark.traag  # generated files through the whole ingest, each read in a child process
MAX_SECONDEN = 60  # per file, on a busy 2-core machine: a bound against runaway work, not a speed target
MAX_GEHEUGEN_MB = 1_500  # the reading child and this process, peak resident memory
FUZZ = settings(max_examples=VOORBEELDEN, deadline=None, derandomize=os.environ.get("FUZZ_WILLEKEURIG") is None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])
BEGIN_REGELS = ("Geladen: ", "Geweigerd: ", "Niet geladen: ", "Dit bestand is al geladen")


def piek_mb() -> int:
    """Peak resident memory of this process and of its largest child so far, in MB (Linux reports KB)."""
    return max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) // 1024


def inhoud_zonder_uploads(db: Path) -> dict[str, list]:
    """Every non-empty table of the store but the upload record (a refusal is recorded there, on purpose)."""
    if not db.exists():
        return {}
    con = duckdb.connect(str(db), read_only=True)
    try:
        namen = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
            "AND table_type = 'BASE TABLE' AND table_name NOT IN ('upload', 'audit_log') ORDER BY 1").fetchall()]
        inhoud = {naam: sorted(con.execute(f'SELECT * FROM "{naam}"').fetchall(), key=repr) for naam in namen}
        return {naam: rijen for naam, rijen in inhoud.items() if rijen}  # no store yet = empty tables
    finally:
        con.close()


def statussen(db: Path) -> list[str]:
    if not db.exists():
        return []
    con = duckdb.connect(str(db), read_only=True)
    try:
        return [r[0] for r in con.execute("SELECT status FROM upload ORDER BY upload_id").fetchall()]
    finally:
        con.close()


def ingest_geeft_nederlands_antwoord(db: Path, pad: Path, *opties: str) -> tuple[int, str]:
    """Run `python -m pipelines ingest` in-process on one file and check everything issue 12 asks of it."""
    voor, uploads_voor = inhoud_zonder_uploads(db), statussen(db)
    uit = io.StringIO()
    begin = time.monotonic()
    with contextlib.redirect_stdout(uit):
        code = main(["ingest", "--db", str(db), *opties, str(pad)])
    duur = time.monotonic() - begin
    tekst = uit.getvalue()
    assert code in (0, 1), tekst
    assert tekst.startswith(BEGIN_REGELS), tekst[:500]
    assert "Traceback" not in tekst and "Er ging iets mis" not in tekst, tekst[:2000]
    assert len(tekst) < 200_000, len(tekst)  # a bounded report
    assert duur < MAX_SECONDEN, duur
    assert piek_mb() < MAX_GEHEUGEN_MB, piek_mb()
    if code == 1:
        assert inhoud_zonder_uploads(db) == voor
        assert all(s == "geweigerd" for s in statussen(db)[len(uploads_voor):])
    return code, tekst


# ----- the valid exports the mutations start from ------------------------------------------------

def kandidaten_rijen() -> list[list]:
    return [["Peildatum: 31-10-2026"], [], KANDIDATEN_KOP,
            kandidaat("T1"), kandidaat("T2", Route="Extern", Werkgever="Bakkerij De Korenbloem"),
            kandidaat("T3", Status="Afgerond", Einddatum=dt.date(2026, 9, 30), Praktijkverklaring=dt.date(2026, 9, 30)),
            kandidaat("T4", Status="Uitgevallen", Einddatum=dt.date(2026, 5, 1), **{"Reden uitval": "Ziekte"})]


def xlsx_bytes(rijen: list[list]) -> bytes:
    boek = openpyxl.Workbook()
    for rij in rijen:
        boek.active.append(rij)
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def csv_tekst(rijen: list[list], scheiding: str = ";") -> str:
    def cel(waarde) -> str:
        if isinstance(waarde, dt.date):
            return waarde.strftime("%d-%m-%Y")
        tekst = "" if waarde is None else str(waarde)
        return f'"{tekst}"' if any(t in tekst for t in (scheiding, '"', "\n")) else tekst

    return "".join(scheiding.join(cel(w) for w in rij) + "\r\n" for rij in rijen)


BASISBESTANDEN = {
    "kandidaten.xlsx": xlsx_bytes(kandidaten_rijen()),
    "kandidaten.csv": csv_tekst(kandidaten_rijen()).encode("cp1252"),
    "vraag.xlsx": xlsx_bytes([VRAAG_KOP, ["Glans", "Schoonmaak", "Schoonmaker", None, "Nijmegen", "2026-10", 2, None]]),
    "afspraken.csv": csv_tekst([AFSPRAKEN_KOP, ["Nijmegen", 2026, 10, None, None]]).encode("utf-8-sig"),
}
OPTIES = ("--organisatie", "Fuzz", "--peildatum", "2026-10-31")


@pytest.fixture
def opslag(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("DASHBOARD_SLEUTEL", str(tmp_path / "sleutel"))
    return tmp_path / "fuzz.duckdb"


def schrijf(map_: Path, naam: str, inhoud: bytes) -> Path:
    pad = map_ / naam
    pad.write_bytes(inhoud)
    return pad


# ----- bytes ----------------------------------------------------------------------------------------

@st.composite
def gemuteerde_bytes(draw) -> tuple[str, bytes]:
    """A valid export with bytes flipped, cut, inserted or repeated."""
    naam = draw(st.sampled_from(sorted(BASISBESTANDEN)))
    inhoud = bytearray(BASISBESTANDEN[naam])
    for _ in range(draw(st.integers(1, 6))):
        soort = draw(st.sampled_from(["flip", "knip", "invoegen", "herhaal"]))
        plek = draw(st.integers(0, max(len(inhoud) - 1, 0)))
        if soort == "flip" and inhoud:
            inhoud[plek] ^= draw(st.integers(1, 255))
        elif soort == "knip":
            del inhoud[plek:]
        elif soort == "invoegen":
            inhoud[plek:plek] = draw(st.binary(min_size=1, max_size=64))
        elif inhoud:
            stuk = inhoud[plek:plek + draw(st.integers(1, 512))]
            inhoud[plek:plek] = stuk * draw(st.integers(1, 50))
    return naam, bytes(inhoud)


@FUZZ
@given(gemuteerde_bytes())
def test_mutated_bytes(opslag, tmp_path, bestand):
    naam, inhoud = bestand
    ingest_geeft_nederlands_antwoord(opslag, schrijf(tmp_path, naam, inhoud), *OPTIES)


# ----- cells -------------------------------------------------------------------------------------------

VIJANDIGE_TEKST = [
    "=HYPERLINK(\"https://evil.example\",\"klik\")", "+cmd|' /C calc'!A0", "@SUM(1+1)",
    "Werkbedrijf [Sessie verlopen: log opnieuw in](https://evil.example/login)", '<a href="https://evil.example/">x</a>',
    "<script>alert(1)</script>", ":red[rood] :material/home:", "$x^2$", "x" * 40_000, "\x00\x01\x02", "é" * 500,
    "31-12-9999", "01-01-0001", "99999", "-1", "1e308", "NaN", "    ", "\u202eevil", "😀" * 100, "T1", "Totaal",
]


def celwaarden() -> st.SearchStrategy:
    return st.one_of(
        st.none(),
        st.sampled_from(VIJANDIGE_TEKST),
        st.text(max_size=40),
        st.integers(min_value=-(2**63), max_value=2**63 - 1),
        st.floats(allow_nan=False, allow_infinity=False),
        st.dates(min_value=dt.date(1900, 1, 1)),
    )


def als_cel(waarde):
    """What openpyxl can write: control characters are not allowed in xlsx cells."""
    if isinstance(waarde, str):
        return "".join(t for t in waarde if t >= " " or t in "\t\n\r")[:32_000]
    return waarde


@st.composite
def gemuteerde_cellen(draw) -> tuple[str, bytes]:
    """Kandidaten rows whose cells are replaced by hostile, random or extreme values, as xlsx or csv."""
    rijen = [list(rij) for rij in kandidaten_rijen()]
    data = rijen[3:]
    for _ in range(draw(st.integers(1, 30))):
        rij = draw(st.integers(0, len(data) - 1))
        kolom = draw(st.integers(0, len(KANDIDATEN_KOP) - 1))
        data[rij][kolom] = draw(celwaarden())
    data *= draw(st.integers(1, 40))  # sizes: duplicated rows are errors of their own
    rijen = rijen[:3] + data
    if draw(st.booleans()):
        return "cellen.xlsx", xlsx_bytes([[als_cel(w) for w in rij] for rij in rijen])
    codering = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    return "cellen.csv", csv_tekst(rijen).encode(codering, errors="replace")


@FUZZ
@given(gemuteerde_cellen())
def test_mutated_cells(opslag, tmp_path, bestand):
    naam, inhoud = bestand
    ingest_geeft_nederlands_antwoord(opslag, schrijf(tmp_path, naam, inhoud), *OPTIES)


# ----- headers -----------------------------------------------------------------------------------------

@st.composite
def gemuteerde_kopregels(draw) -> tuple[str, bytes]:
    """The header row reordered, cut, doubled, renamed, or with very many or very long columns."""
    kop = list(KANDIDATEN_KOP)
    data = [list(rij) for rij in kandidaten_rijen()[3:]]
    kolommen = draw(st.permutations(range(len(kop))))
    kolommen = kolommen[: draw(st.integers(1, len(kolommen)))]
    if draw(st.booleans()):
        kolommen = kolommen + [draw(st.sampled_from(kolommen))]  # a doubled column
    kop = [kop[i] for i in kolommen]
    data = [[rij[i] for i in kolommen] for rij in data]
    for i in range(len(kop)):
        if draw(st.integers(0, 4)) == 0:
            kop[i] = draw(st.one_of(st.sampled_from(VIJANDIGE_TEKST), st.text(max_size=30),
                                    st.just(kop[i].upper()), st.just(f"  {kop[i]}.  ")))
    extra = draw(st.sampled_from([0, 0, 5, 300, 1_500]))
    kop += [f"Extra {i}" for i in range(extra)]
    rijen = [kop, *[rij + ["x"] * extra for rij in data]]
    if draw(st.booleans()):
        return "koppen.xlsx", xlsx_bytes([[als_cel(w) for w in rij] for rij in rijen])
    return "koppen.csv", csv_tekst(rijen).encode("utf-8")


@FUZZ
@given(gemuteerde_kopregels())
def test_mutated_headers(opslag, tmp_path, bestand):
    naam, inhoud = bestand
    ingest_geeft_nederlands_antwoord(opslag, schrijf(tmp_path, naam, inhoud), *OPTIES)


# ----- dates and peildatum ------------------------------------------------------------------------------

DATUMTEKST = st.one_of(
    st.from_regex(r"\A[0-9]{1,2}[-/. ][0-9]{1,2}[-/. ][0-9]{1,5}\Z"),
    st.from_regex(r"\A[0-9]{1,5}-[0-9]{1,2}-[0-9]{1,2}\Z"),
    st.from_regex(r"\A[0-9]{1,2} (jan|feb|mrt|okt|december|foo) [0-9]{1,5}\Z"),
    st.from_regex(r"\A[0-9]{5,7}(\.[0-9]+)?\Z"),
    st.sampled_from(["31-12-9999", "01-01-0001", "29-02-2025", "31-02-2026", "00-00-0000"]),
)


@st.composite
def gemuteerde_datums(draw) -> tuple[str, bytes, tuple[str, ...]]:
    """Start, end, praktijkverklaring and peildatum anywhere from year 1 to 9999, as text and as date cells."""
    datum = st.one_of(DATUMTEKST, st.dates())
    rijen = [list(rij) for rij in kandidaten_rijen()]
    titel = draw(st.one_of(DATUMTEKST, st.sampled_from(["december 9999", "januari 0001", "31-10-2026"])))
    rijen[0] = [f"Peildatum: {titel}"]
    for rij in rijen[3:]:
        for kolom in ("Startdatum", "Einddatum", "Praktijkverklaring"):
            if draw(st.booleans()):
                rij[KANDIDATEN_KOP.index(kolom)] = draw(datum)
    opties: tuple[str, ...] = ("--organisatie", "Fuzz")
    if draw(st.booleans()):
        opties += ("--peildatum", draw(st.dates()).isoformat())
    if draw(st.booleans()):
        return "datums.xlsx", xlsx_bytes(rijen), opties
    return "datums.csv", csv_tekst(rijen).encode("cp1252", errors="replace"), opties


@FUZZ
@given(gemuteerde_datums())
def test_mutated_dates(opslag, tmp_path, bestand):
    naam, inhoud, opties = bestand
    code, _ = ingest_geeft_nederlands_antwoord(opslag, schrijf(tmp_path, naam, inhoud), *opties)
    if code == 0:  # whatever loaded lies within the range of basis/datumgrenzen.py
        con = duckdb.connect(str(opslag), read_only=True)
        try:
            eerste, laatste, peil = con.execute(
                "SELECT min(least(startdatum, einddatum, praktijkverklaring_datum)), "
                "max(greatest(startdatum, einddatum, praktijkverklaring_datum)), max(peildatum) FROM trajecten"
            ).fetchone()
        finally:
            con.close()
        assert eerste >= dt.date(2000, 1, 1) and laatste <= dt.date(2099, 12, 31) and peil <= dt.date.today() + \
            dt.timedelta(days=7)


# ----- encodings and separators --------------------------------------------------------------------------

@st.composite
def gemuteerde_codering(draw) -> tuple[str, bytes]:
    rijen = kandidaten_rijen()
    rijen[4] = kandidaat("T2", Route="Extern", Werkgever="Café Sjöberg & Zoon")
    scheiding = draw(st.sampled_from([";", ",", "\t", "|", " "]))
    codering = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-16-le", "utf-16-be",
                                     "utf-32", "cp437", "mac_roman"]))
    inhoud = csv_tekst(rijen, scheiding).encode(codering, errors="replace")
    if draw(st.booleans()):
        inhoud = inhoud.replace(b"\r\n", draw(st.sampled_from([b"\n", b"\r", b"\n\r", b"\r\r\n"])))
    return "codering.csv", inhoud


@FUZZ
@given(gemuteerde_codering())
def test_mutated_encodings(opslag, tmp_path, bestand):
    naam, inhoud = bestand
    ingest_geeft_nederlands_antwoord(opslag, schrijf(tmp_path, naam, inhoud), *OPTIES)
