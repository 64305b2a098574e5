"""Benchmark: the project's kandidaten ingest against a bare fastexcel read of the same file.

Target (issue): ingest of a 200,000-row kandidaten .xlsx (read, validate, normalise, merge) takes
at most 2x the time of a bare `fastexcel` read of that file, with at most 2.5x its peak memory.
The target is judged on the ingest itself, in one process (issue 17: "the ingest itself within 2,0x
..., whatever the page-side child process costs stated next to it"). Beside it the ingest as the
CLI and the upload page run it, the file read in a child process (issue 12), its peak the larger of
parent and child, so the report states what the child costs.

Run from the project root:

    .venv/bin/python -m bench.bench_ingest
    .venv/bin/python -m bench.bench_ingest --help     # fewer rows/runs, skip pandas, regenerate

The input file is generated once with xlsxwriter (constant_memory; `--gedeelde-strings` for a
shared-strings table as Excel writes it) and cached under bench/out/ (git-ignored); its name
carries the generator version, the seed, the row count and a hash of the reference CSVs it draws
values from, so a change to any of those produces a new file.

Every measurement runs in a fresh interpreter, so the peak memory reported is that process's own
`ru_maxrss` (interpreter + imports + the work). Time is measured around the work only (imports
done before the clock starts). Reported: median time and the highest peak over the runs.
The report goes to stdout as Markdown (paste it into the README); progress goes to stderr.
Exit status: 0 when both targets are met, 1 when a target is missed or could not be measured.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from basis.referentie import kolommen

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "bench" / "out"
REFERENCE_DIR = ROOT / "data" / "reference"

GENERATOR_VERSION = 1  # bump whenever the generated content changes
SEED = 20261031
DEFAULT_ROWS = 200_000
PEILDATUM = dt.date(2026, 10, 31)
REGIO = "Rijk van Nijmegen"
ORGANISATIE = "Benchmark"

MAX_TIJD_RATIO = 2.0
MAX_PIEK_RATIO = 2.5
WORKER_TIMEOUT_S = 1800
RESULT_PREFIX = "BENCH-RESULT "

# the canonical spelling of every kandidaten column, as the template writes them
HEADERS = tuple(kolom.label for kolom in kolommen("kandidaten"))
COL = {name: i for i, name in enumerate(HEADERS)}


@dataclass(frozen=True)
class Contender:
    key: str
    label: str
    info: bool  # informational only: not part of a target
    max_runs: int | None = None  # None: as many as --runs


BASELINE = "fastexcel"
INGEST = "ingest"  # as the CLI and the upload page: the file is read in a child process with a memory limit
INGEST_IN_PROCES = "ingest_in_proces"  # the same without the child: what the child costs
INGEST_SOORTEN = (INGEST, INGEST_IN_PROCES)
CONTENDERS = (
    Contender(BASELINE, "fastexcel, standaard (`load_sheet(0).to_arrow()`), basislijn", False),
    Contender(
        "fastexcel_tekst",
        'fastexcel, zoals de ingest (`header_row=None, dtypes="string", skip_rows=0`)',
        True,
    ),
    Contender(
        "fastexcel_getypeerd",
        "fastexcel, kopregel op rij 2 (`header_row=1`), getypeerd",
        True,
    ),
    Contender(
        "pandas_openpyxl",
        'pandas + openpyxl (`read_excel(engine="openpyxl", skiprows=1)`)',
        True,
        1,
    ),
    Contender(
        INGEST,
        "ingest van het project zoals de command line (`laad_bestand`: lezen in een kindproces, valideren, "
        "normaliseren, mergen), ter informatie",
        True,
    ),
    Contender(
        INGEST_IN_PROCES,
        "de ingest zelf, in één proces (`laad_bestand(apart_proces=False)`): hierop geldt het doel",
        False,
    ),
)
BY_KEY = {c.key: c for c in CONTENDERS}


# --------------------------------------------------------------------------------------------
# Generating the input file
# --------------------------------------------------------------------------------------------


def _norm_key(text: str) -> str:
    """Same matching rule as basis.referentie.norm_key (copied: bench must not need it)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in decomposed if not unicodedata.combining(c)))


def _csv_rows(name: str) -> list[dict[str, str]]:
    with open(REFERENCE_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


REFERENCE_FILES = ("gemeenten_2026.csv", "codes.csv", "synoniemen.csv")


def _reference_hash() -> str:
    digest = hashlib.sha256()
    for name in REFERENCE_FILES:
        digest.update(name.encode())
        digest.update((REFERENCE_DIR / name).read_bytes())
    return digest.hexdigest()[:8]


def input_path(rows: int, shared_strings: bool = False) -> Path:
    version = f"v{GENERATOR_VERSION}_s{SEED}_ref{_reference_hash()}"
    return OUT_DIR / f"kandidaten_{rows}r_{version}{'_sst' if shared_strings else ''}.xlsx"


class _Spellings:
    """Per code list: for each canonical code, the spellings a file may carry (code, label, synonyms).

    A spelling whose matching key points at two codes of one list is left out, so every value the
    generator writes is valid and unambiguous under the contract.
    """

    def __init__(self) -> None:
        spellings: dict[tuple[str, str], dict[str, list[str]]] = {}
        for row in _csv_rows("codes.csv"):
            kinds = spellings.setdefault((row["codelijst"], row["code"]), {})
            kinds["code"] = [row["code"]]
            kinds["label"] = [row["label"]]
        for row in _csv_rows("synoniemen.csv"):
            kinds = spellings.setdefault((row["codelijst"], row["code"]), {})
            kinds.setdefault("synoniem", []).append(row["synoniem"])
        owners: dict[tuple[str, str], set[str]] = {}
        for (lijst, code), kinds in spellings.items():
            for values in kinds.values():
                for value in values:
                    owners.setdefault((lijst, _norm_key(value)), set()).add(code)
        self._spellings = {
            key: {
                kind: kept
                for kind, values in kinds.items()
                if (kept := [v for v in values if len(owners[(key[0], _norm_key(v))]) == 1])
            }
            for key, kinds in spellings.items()
        }

    def codes(self, lijst: str) -> list[str]:
        return [code for (name, code) in self._spellings if name == lijst]

    def spell(self, rng: random.Random, lijst: str, code: str) -> str:
        """45% the label, 35% the canonical code, 20% a synonym (when the code has one)."""
        kinds = self._spellings[(lijst, code)]
        x = rng.random()
        if x < 0.20 and "synoniem" in kinds:
            return rng.choice(kinds["synoniem"])
        if x < 0.65 and "label" in kinds:
            return kinds["label"][0]
        return kinds["code"][0]


def _weighted(options: dict[str, float]) -> tuple[list[str], list[float]]:
    values = list(options)
    cumulative, total = [], 0.0
    for value in values:
        total += options[value]
        cumulative.append(total)
    return values, cumulative


def _pick(rng: random.Random, weighted: tuple[list[str], list[float]]) -> str:
    return rng.choices(weighted[0], cum_weights=weighted[1])[0]


GEMEENTE_WEIGHTS = {
    "Nijmegen": 0.50,
    "Wijchen": 0.13,
    "Berg en Dal": 0.10,
    "Beuningen": 0.08,
}
DOELGROEP = {
    "participatiewet": 35, "wsw": 15, "banenafspraak": 15, "beschut_werk": 5, "wajong": 8,
    "vso_pro": 7, "nieuwkomer": 7, "ww": 3, "wia": 2, "overig": 3,
}  # fmt: skip
STROOM = {"langstromer": 45, "doorstromer": 30, "medewerker": 20, "onbekend": 5}
STATUS = {"lopend": 50, "afgerond": 32, "uitgevallen": 18}
UITSTROOM_AFGEROND = {
    "betaald_werk": 50,
    "werk_sw": 20,
    "vervolgopleiding": 10,
    "geen": 10,
    "onbekend": 10,
}
UITSTROOM_UITGEVALLEN = {"geen": 60, "onbekend": 30, "vervolgopleiding": 10}
KWALIFICATIES = {  # sector -> (crebo, kwalificatie); 5-digit numbers, illustrative
    "groen": [
        (25297, "Medewerker groen en natuur"),
        (25298, "Vakbekwaam medewerker groen"),
    ],
    "schoonmaak": [(25405, "Schoonmaker"), (25406, "Allround schoonmaker")],
    "logistiek": [
        (25330, "Logistiek medewerker"),
        (25331, "Chauffeur goederenvervoer"),
    ],
    "productie_techniek": [
        (25256, "Operator A"),
        (25258, "Medewerker productie"),
        (25271, "Lasser"),
    ],
    "facilitair_horeca": [
        (25241, "Medewerker facilitaire dienstverlening"),
        (25250, "Kok"),
    ],
    "zorg_welzijn": [
        (25498, "Helpende zorg en welzijn"),
        (25499, "Facilitair medewerker zorg"),
    ],
    "detailhandel": [
        (25366, "Verkoopmedewerker"),
        (25367, "Medewerker logistiek detailhandel"),
    ],
    "bouw_infra": [(25121, "Medewerker bouw en infra"), (25126, "Timmerman")],
    "administratie_ict": [
        (25138, "Medewerker administratie"),
        (25604, "Medewerker ICT-support"),
    ],
    "overig": [(25700, "Medewerker dienstverlening")],
}
WERKGEVER_NAMEN = (
    "Waalkade", "Dukenburg", "Lindenholt", "Heyendaal", "Brakkenstein", "Hatert", "Lent", "Ooij",
    "Groesbeek", "Malden", "Ewijk", "Batenburg", "Alverna", "Hees", "Bottendaal", "Oosterhout",
    "Weurt", "Winssen", "Overasselt", "Millingen", "Ubbergen", "Leuth", "Heilig Landstichting",
)  # fmt: skip
WERKGEVER_SOORTEN = (
    "Hoveniers B.V.", "Schoonmaakdiensten", "Logistiek B.V.", "Installatietechniek", "Catering",
    "Zorggroep", "Bouw en Onderhoud", "Supermarkt", "Metaalbewerking", "Administratiekantoor",
    "Bakkerij", "Autoservice", "Kinderopvang", "Drukkerij", "Tuincentrum",
)  # fmt: skip


def generate(path: Path, rows: int, shared_strings: bool = False) -> None:
    """Write a valid kandidaten export of `rows` trajecten with xlsxwriter.

    Default: constant_memory mode, which writes every string inline (`<is><t>`). Excel itself
    writes a shared-strings table; `shared_strings=True` does that too (xlsxwriter then holds
    the whole sheet in memory while writing: ~370 MB peak for 200,000 rows).
    """
    import xlsxwriter

    rng = random.Random(SEED)
    spellings = _Spellings()
    gemeenten = [
        (r["gemeentecode"], r["gemeentenaam"])
        for r in _csv_rows("gemeenten_2026.csv")
        if r["arbeidsmarktregio"] == REGIO
    ]
    if not gemeenten:
        raise SystemExit(f"geen gemeenten van regio {REGIO!r} in gemeenten_2026.csv")
    rest = max(0.0, 1 - sum(GEMEENTE_WEIGHTS.get(n, 0) for _, n in gemeenten))
    n_rest = sum(1 for _, n in gemeenten if n not in GEMEENTE_WEIGHTS) or 1
    gemeente_pick = _weighted({f"{c}|{n}": GEMEENTE_WEIGHTS.get(n, rest / n_rest) for c, n in gemeenten})
    doelgroep = _weighted(DOELGROEP)
    stroom = _weighted(STROOM)
    status_pick = _weighted(STATUS)
    uitstroom_afgerond = _weighted(UITSTROOM_AFGEROND)
    uitstroom_uitgevallen = _weighted(UITSTROOM_UITGEVALLEN)
    sectoren = spellings.codes("sector")
    redenen = spellings.codes("reden_uitval")
    werkgevers = [f"{n} {s}" for n in WERKGEVER_NAMEN for s in WERKGEVER_SOORTEN]
    # some candidates have more than one traject
    kandidaten_pool = max(1, int(rows * 0.85))

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    workbook = xlsxwriter.Workbook(str(tmp), {"constant_memory": not shared_strings})
    sheet = workbook.add_worksheet("Kandidaten")
    datum = workbook.add_format({"num_format": "dd-mm-yyyy"})
    vet = workbook.add_format({"bold": True})
    sheet.write_string(0, 0, f"Peildatum: {PEILDATUM:%d-%m-%Y}", vet)
    for col, header in enumerate(HEADERS):
        sheet.write_string(1, col, header, vet)

    for i in range(rows):
        r = i + 2
        status = _pick(rng, status_pick)
        if status == "lopend":
            start = PEILDATUM - dt.timedelta(days=rng.randint(0, 730))
            eind = None
        else:
            start = PEILDATUM - dt.timedelta(days=rng.randint(30, 2500))
            eind = min(start + dt.timedelta(days=rng.randint(30, 900)), PEILDATUM)
        code, naam = _pick(rng, gemeente_pick).split("|")
        sector = rng.choice(sectoren)
        extern = rng.random() < 0.45

        sheet.write_string(r, COL["Trajectnummer"], f"TR-{start.year}-{i + 1:06d}")
        sheet.write_number(r, COL["Kandidaatnummer"], 1_000_000 + rng.randrange(kandidaten_pool))
        sheet.write_string(r, COL["Gemeente"], code if rng.random() < 0.10 else naam)
        sheet.write_string(
            r,
            COL["Doelgroep"],
            spellings.spell(rng, "doelgroep", _pick(rng, doelgroep)),
        )
        if rng.random() < 0.90:
            sheet.write_string(r, COL["Stroom"], spellings.spell(rng, "stroom", _pick(rng, stroom)))
        sheet.write_string(
            r,
            COL["Route"],
            spellings.spell(rng, "route", "extern" if extern else "intern"),
        )
        sheet.write_string(r, COL["Sector"], spellings.spell(rng, "sector", sector))
        if extern:
            sheet.write_string(r, COL["Werkgever"], rng.choice(werkgevers))
        crebo, kwalificatie = rng.choice(KWALIFICATIES.get(sector, KWALIFICATIES["overig"]))
        if rng.random() < 0.75:
            sheet.write_number(r, COL["Crebo"], crebo)
        if rng.random() < 0.85:
            sheet.write_string(r, COL["Kwalificatie"], kwalificatie)
        sheet.write_datetime(r, COL["Startdatum"], start, datum)
        if eind is not None:
            sheet.write_datetime(r, COL["Einddatum"], eind, datum)
        sheet.write_string(r, COL["Status"], spellings.spell(rng, "status", status))
        uitstroom = None
        if status == "uitgevallen":
            reden = rng.choice(redenen)
            sheet.write_string(r, COL["Reden uitval"], spellings.spell(rng, "reden_uitval", reden))
            uitstroom = "betaald_werk" if reden == "werk" else _pick(rng, uitstroom_uitgevallen)
        elif status == "afgerond":
            uitstroom = _pick(rng, uitstroom_afgerond)
            if eind is not None and rng.random() < 0.9:
                verklaring = max(start, eind - dt.timedelta(days=rng.randint(0, 28)))
                sheet.write_datetime(r, COL["Praktijkverklaring"], verklaring, datum)
        if uitstroom is not None and rng.random() < 0.8:
            sheet.write_string(r, COL["Uitstroom"], spellings.spell(rng, "uitstroom", uitstroom))
        if rng.random() < 0.7:
            sheet.write_string(r, COL["Praktijkopleider"], f"PO-{rng.randint(1, 250):03d}")
    workbook.close()
    os.replace(tmp, path)


def ensure_input(rows: int, regenerate: bool, shared_strings: bool) -> Path:
    path = input_path(rows, shared_strings)
    if path.exists() and not regenerate:
        _progress(f"invoer uit cache: {_rel(path)}")
        return path
    _progress(f"invoer genereren: {rows} rijen -> {_rel(path)} ...")
    started = time.perf_counter()
    generate(path, rows, shared_strings)
    _progress(f"  klaar in {time.perf_counter() - started:.1f} s, {path.stat().st_size / 1e6:.1f} MB")
    return path


# --------------------------------------------------------------------------------------------
# Worker: one measurement in this (fresh) process
# --------------------------------------------------------------------------------------------


def _maxrss_bytes() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # Linux reports KiB


def _cpu_seconds() -> float:
    """User + system CPU of this process, all its threads, and its finished children (the reading child)."""
    zelf, kinderen = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return zelf.ru_utime + zelf.ru_stime + kinderen.ru_utime + kinderen.ru_stime


def _error_text(exc: BaseException) -> str:
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    return text if len(text) <= 400 else text[:397] + "..."


def _prepare(key: str, xlsx: Path, db: Path | None) -> Callable[[], dict[str, object]]:
    """Do the imports (outside the clock) and return the work as a zero-argument function."""
    if key in ("fastexcel", "fastexcel_tekst", "fastexcel_getypeerd"):
        import fastexcel
        import pyarrow  # noqa: F401 - to_arrow needs it; import outside the clock

        kwargs: dict[str, object] = {}
        if key == "fastexcel_tekst":
            kwargs = {"header_row": None, "dtypes": "string", "skip_rows": 0}
        elif key == "fastexcel_getypeerd":
            kwargs = {"header_row": 1}

        def work() -> dict[str, object]:
            table = fastexcel.read_excel(str(xlsx)).load_sheet(0, **kwargs).to_arrow()
            return {"rijen_gelezen": table.num_rows}

        return work

    if key == "pandas_openpyxl":
        import openpyxl  # noqa: F401
        import pandas

        def work() -> dict[str, object]:
            frame = pandas.read_excel(xlsx, engine="openpyxl", skiprows=1)
            return {"rijen_gelezen": len(frame)}

        return work

    if key in INGEST_SOORTEN:
        if db is None:
            raise ValueError("--db ontbreekt")
        from pipelines.laden import laad_bestand

        def work() -> dict[str, object]:
            result = laad_bestand(
                db,
                xlsx,
                soort="kandidaten",
                organisatie=ORGANISATIE,
                peildatum=PEILDATUM,
                geladen_door="bench",
                apart_proces=key == INGEST,
            )
            return {"resultaat": _summary_of(result)}

        return work

    raise ValueError(f"onbekende meting: {key}")


def _summary_of(result: object) -> str:
    """Short text for the report: the load's status and message if it has them, else its repr."""
    fields = [
        f"{name}={value}"
        for name in ("status", "upload_id", "melding")
        if (value := getattr(result, name, None)) not in (None, "")
    ]
    text = " ".join((", ".join(fields) if fields else repr(result)).split())
    return text if len(text) <= 300 else text[:297] + "..."


def _check_ingest(db: Path, expected_rows: int) -> str | None:
    """After the clock: the store must hold every traject, else the load was refused or lost rows."""
    try:
        import duckdb

        with duckdb.connect(str(db), read_only=True) as con:
            (stored,) = con.execute("select count(*) from trajecten where organisatie = ?", [ORGANISATIE]).fetchone()
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        return f"controle van de store mislukt: {_error_text(exc)}"
    if stored != expected_rows:
        return f"store bevat {stored} trajecten in view `trajecten`, verwacht {expected_rows}"
    return None


def run_worker(key: str, xlsx: Path, db: Path | None, expected_rows: int) -> dict[str, object]:
    try:
        work = _prepare(key, xlsx, db)
    except Exception as exc:  # noqa: BLE001 - "niet beschikbaar" is a result, not a crash
        return {"status": "niet beschikbaar", "fout": _error_text(exc)}
    rss_after_imports = _maxrss_bytes()
    cpu_started = _cpu_seconds()
    started = time.perf_counter()
    try:
        details = work()
    except Exception as exc:  # noqa: BLE001
        return {"status": "niet beschikbaar", "fout": _error_text(exc)}
    seconds = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_started
    peak = _maxrss_bytes()
    if key == INGEST:  # the child that read the file counts too (it ran before the rest of the load)
        kind = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        peak = max(peak, kind if sys.platform == "darwin" else kind * 1024)
    result: dict[str, object] = {
        "status": "ok",
        "seconden": seconds,
        "cpu_seconden": cpu,
        "piek_bytes": peak,
        "rss_na_imports_bytes": rss_after_imports,
        **details,
    }
    if key in INGEST_SOORTEN and db is not None:
        problem = _check_ingest(db, expected_rows)
        if problem:
            result.update(status="mislukt", fout=problem)
        result["db_bytes"] = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))
    return result


# --------------------------------------------------------------------------------------------
# Parent: run every contender in fresh processes and report
# --------------------------------------------------------------------------------------------


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def measure_once(contender: Contender, xlsx: Path, rows: int) -> dict[str, object]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    command = [
        sys.executable,
        "-m",
        "bench.bench_ingest",
        "--werker",
        contender.key,
        "--xlsx",
        str(xlsx),
    ]
    command += ["--rijen", str(rows)]
    with tempfile.TemporaryDirectory(prefix="bench_ingest_") as tmp:
        if contender.key in INGEST_SOORTEN:
            env["DASHBOARD_SLEUTEL"] = str(Path(tmp) / "sleutel")
            command += ["--db", str(Path(tmp) / "bench.duckdb")]
        try:
            proc = subprocess.run(
                command,
                check=False,
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=WORKER_TIMEOUT_S,
            )
        except subprocess.TimeoutExpired:
            return {
                "status": "mislukt",
                "fout": f"geen resultaat binnen {WORKER_TIMEOUT_S} s",
            }
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith(RESULT_PREFIX):
            return json.loads(line[len(RESULT_PREFIX) :])
    tail = " | ".join((proc.stderr or proc.stdout).strip().splitlines()[-5:])
    return {
        "status": "mislukt",
        "fout": f"werkproces stopte met code {proc.returncode}: {tail}",
    }


def measure_all(xlsx: Path, rows: int, runs: int, keys: list[str]) -> dict[str, list[dict]]:
    """Runs are interleaved (round 1 of every contender, then round 2, ...) to spread drift."""
    results: dict[str, list[dict]] = {key: [] for key in keys}
    for round_no in range(1, runs + 1):
        for key in keys:
            contender = BY_KEY[key]
            done = results[key]
            if contender.max_runs is not None and len(done) >= contender.max_runs:
                continue
            if done and done[-1]["status"] != "ok":
                continue  # no point repeating a failure
            _progress(f"[{round_no}/{runs}] {key} ...")
            result = measure_once(contender, xlsx, rows)
            done.append(result)
            if result["status"] == "ok":
                _progress(f"    {result['seconden']:.2f} s, piek {result['piek_bytes'] / 2**20:.0f} MB")
            else:
                _progress(f"    {result['status']}: {result['fout']}")
    return results


@dataclass(frozen=True)
class Summary:
    runs: int
    seconds: float  # median
    peak: int  # max, bytes
    rss_after_imports: int  # max, bytes


def summarise(measurements: list[dict]) -> Summary | None:
    ok = [m for m in measurements if m["status"] == "ok"]
    if not ok or len(ok) != len(measurements):
        return None
    return Summary(
        runs=len(ok),
        seconds=statistics.median(m["seconden"] for m in ok),
        peak=max(m["piek_bytes"] for m in ok),
        rss_after_imports=max(m["rss_na_imports_bytes"] for m in ok),
    )


def _nl(value: float, decimals: int = 0) -> str:
    """Dutch number format: 1.234,5."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def _mb(n_bytes: int) -> str:
    return _nl(n_bytes / 2**20)


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "niet geïnstalleerd"


def machine_lines() -> list[str]:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    model, memory = platform.processor() or platform.machine(), ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f", {_nl(int(line.split()[1]) / 2**20, 1)} GB RAM"
                break
    except OSError:
        pass
    libs = ", ".join(
        f"{name} {_version(name)}"
        for name in (
            "fastexcel",
            "pandas",
            "openpyxl",
            "xlsxwriter",
            "duckdb",
            "pyarrow",
        )
    )
    return [
        f"- Machine: {platform.system()} {platform.machine()}, {cpus} CPU's (nproc), {model}{memory}",
        f"- Python {platform.python_version()}; {libs}",
    ]


def report(xlsx: Path, rows: int, runs: int, results: dict[str, list[dict]]) -> int:
    summaries = {key: summarise(measurements) for key, measurements in results.items()}
    lines = [
        f"### Benchmark ingest kandidaten ({_nl(rows)} rijen)",
        "",
        (
            f"- Bestand: `{_rel(xlsx)}` ({_nl(xlsx.stat().st_size / 2**20, 1)} MB; 17 kolommen, "
            "titelregel boven de kopregel, echte Excel-datums; "
            + (
                "xlsxwriter met shared strings, zoals Excel)"
                if xlsx.stem.endswith("_sst")
                else "xlsxwriter constant_memory, dus inline strings)"
            )
        ),
        *machine_lines(),
        f"- Belasting van de machine (na de metingen): {belasting()}",
        (
            "- Elke meting in een vers proces; tijd = mediaan over de runs (alleen het werk, "
            "imports niet), piek = hoogste `ru_maxrss` van dat proces (incl. interpreter en "
            f"imports). Runs: {runs} (pandas: 1)."
        ),
        "",
        "| Meting | runs | rijen/s | tijd (s) | piek RSS (MB) | RSS na imports (MB) |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    for key, measurements in results.items():
        label = BY_KEY[key].label
        summary = summaries[key]
        if summary is None:
            failed = next(m for m in measurements if m["status"] != "ok")
            lines.append(f"| {label} | – | {failed['status']}: {failed['fout']} | – | – | – |")
            continue
        lines.append(
            f"| {label} | {summary.runs} | {_nl(rows / summary.seconds)} | {_nl(summary.seconds, 2)} "
            f"| {_mb(summary.peak)} | {_mb(summary.rss_after_imports)} |"
        )

    base, in_proces = summaries.get(BASELINE), summaries.get(INGEST_IN_PROCES)
    lines += ["", "| Doel (de ingest zelf, in één proces) | gemeten | grens | uitslag |", "|---|--:|--:|---|"]
    exit_code = 0
    for name, limit, attribute in (
        ("tijd ingest / tijd fastexcel", MAX_TIJD_RATIO, "seconds"),
        ("piek RSS ingest / piek RSS fastexcel", MAX_PIEK_RATIO, "peak"),
    ):
        if base is None or in_proces is None:
            lines.append(f"| {name} | niet gemeten | ≤ {_nl(limit, 1)}× | FAIL |")
            exit_code = 1
            continue
        ratio = getattr(in_proces, attribute) / getattr(base, attribute)
        verdict = "PASS" if ratio <= limit else "FAIL"
        exit_code |= verdict == "FAIL"
        lines.append(f"| {name} | {_nl(ratio, 2)}× | ≤ {_nl(limit, 1)}× | {verdict} |")

    ingest = summaries.get(INGEST)
    if ingest is not None and in_proces is not None:
        kosten = ingest.seconds - in_proces.seconds
        lines += [
            "",
            f"- Kindproces (zoals command line en uploadpagina) tegen dezelfde ingest in één proces: "
            f"{_nl(ingest.seconds, 2)} s tegen {_nl(in_proces.seconds, 2)} s, **{'+' if kosten >= 0 else ''}"
            f"{_nl(kosten, 2)} s** ({'+' if kosten >= 0 else ''}{_nl(100 * kosten / in_proces.seconds)}%); "
            f"piek {_mb(ingest.peak)} MB tegen {_mb(in_proces.peak)} MB.",
        ]
    if ingest is not None:
        first = results[INGEST][0]
        extra = f"- Ingest: `{first.get('resultaat', '')}`"
        if "db_bytes" in first:
            extra += f"; DuckDB-bestand {_nl(int(first['db_bytes']) / 2**20, 1)} MB"
        lines += ["", extra]
    print("\n".join(lines))
    return exit_code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rijen", type=int, default=DEFAULT_ROWS, help="rijen in het bestand")
    parser.add_argument("--runs", type=int, default=5, help="runs per meting (pandas: altijd 1)")
    parser.add_argument("--zonder-pandas", action="store_true", help="pandas + openpyxl overslaan")
    parser.add_argument("--opnieuw", action="store_true", help="het invoerbestand opnieuw maken")
    parser.add_argument("--alleen-genereren", action="store_true", help="alleen het bestand maken")
    parser.add_argument(
        "--gedeelde-strings",
        action="store_true",
        help="bestand met shared strings (zoals Excel) i.p.v. inline strings (constant_memory)",
    )
    parser.add_argument(
        "--beide",
        action="store_true",
        help="beide bestanden na elkaar meten (inline strings en shared strings), elk met een eigen verhouding",
    )
    parser.add_argument("--werker", choices=sorted(BY_KEY), help=argparse.SUPPRESS)
    parser.add_argument("--xlsx", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.werker:
        result = run_worker(args.werker, args.xlsx, args.db, args.rijen)
        print(RESULT_PREFIX + json.dumps(result), flush=True)
        return 0

    if args.rijen < 1 or args.runs < 1:
        parser.error("--rijen en --runs moeten minstens 1 zijn")
    varianten = [False, True] if args.beide else [args.gedeelde_strings]
    bestanden = [ensure_input(args.rijen, args.opnieuw, gedeeld) for gedeeld in varianten]
    if args.alleen_genereren:
        return 0
    keys = [c.key for c in CONTENDERS if not (args.zonder_pandas and c.key == "pandas_openpyxl")]
    exit_code, uitslagen = 0, []
    for xlsx in bestanden:
        results = measure_all(xlsx, args.rijen, args.runs, keys)
        naam = "resultaat_sst.json" if xlsx.stem.endswith("_sst") else "resultaat.json"
        (OUT_DIR / naam).write_text(
            json.dumps({"bestand": _rel(xlsx), "rijen": args.rijen, "metingen": results}, indent=2)
        )
        exit_code |= report(xlsx, args.rijen, args.runs, results)
        uitslagen.append((xlsx, results))
        print()
    if len(uitslagen) > 1:
        print(overzicht(uitslagen))
    return exit_code


def overzicht(uitslagen: list[tuple[Path, dict[str, list[dict]]]]) -> str:
    """One table over both files: per file and kind of ingest (as the command line, with the reading child; and the
    ingest itself in one process) every run beside the baseline's, the medians, the ratio and the CPU ratio."""
    lines = [
        "| Bestand | ingest | fastexcel, runs (s) | ingest, runs (s) | mediaan fastexcel | mediaan ingest "
        "| verhouding | grens | uitslag | CPU-tijd fastexcel / ingest (s, mediaan) | verhouding CPU |",
        "|---|---|---|---|--:|--:|--:|--:|---|--:|--:|",
    ]
    for xlsx, results in uitslagen:
        soort = "shared strings (zoals Excel)" if xlsx.stem.endswith("_sst") else "inline strings"
        for key, naam in ((INGEST, "met kindproces (command line)"), (INGEST_IN_PROCES, "in één proces")):
            if key not in results:
                continue
            base, ingest = summarise(results.get(BASELINE, [])), summarise(results[key])
            runs = {k: ", ".join(_nl(m["seconden"], 2) for m in results.get(k, []) if m["status"] == "ok")
                    for k in (BASELINE, key)}
            if base is None or ingest is None:
                lines.append(f"| {soort} | {naam} | {runs[BASELINE]} | {runs[key]} | – | – | niet gemeten "
                             f"| ≤ {_nl(MAX_TIJD_RATIO, 1)}× | FAIL | – | – |")
                continue
            ratio = ingest.seconds / base.seconds
            cpu = {k: _cpu_mediaan(results.get(k, [])) for k in (BASELINE, key)}
            cpu_tekst, cpu_ratio = "–", "–"
            if cpu[BASELINE] and cpu[key]:
                cpu_tekst = f"{_nl(cpu[BASELINE], 2)} / {_nl(cpu[key], 2)}"
                cpu_ratio = f"{_nl(cpu[key] / cpu[BASELINE], 2)}×"
            uitslag = "ter informatie" if BY_KEY[key].info else ("PASS" if ratio <= MAX_TIJD_RATIO else "FAIL")
            lines.append(
                f"| {soort} | {naam} | {runs[BASELINE]} | {runs[key]} | {_nl(base.seconds, 2)} "
                f"| {_nl(ingest.seconds, 2)} | {_nl(ratio, 2)}× | ≤ {_nl(MAX_TIJD_RATIO, 1)}× "
                f"| {uitslag} | {cpu_tekst} | {cpu_ratio} |"
            )
    return "\n".join(lines + [
        "",
        f"- Belasting van de machine na de metingen: {belasting()}",
        "- De grens geldt voor de wandkloktijd. De CPU-tijd (proces, zijn threads en het kindproces) hangt minder "
        "af van hoe druk de machine is: op een drukke machine ligt de tijdverhouding dicht bij de "
        "CPU-verhouding, op een rustige lager, omdat DuckDB beide cores gebruikt en fastexcel één.",
    ])


def _cpu_mediaan(measurements: list[dict]) -> float | None:
    waarden = [m["cpu_seconden"] for m in measurements if m.get("status") == "ok" and "cpu_seconden" in m]
    return statistics.median(waarden) if waarden else None


def belasting() -> str:
    """The machine's load average (1, 5, 15 minutes): on a shared machine every number needs it beside it."""
    try:
        een, vijf, vijftien = os.getloadavg()
    except OSError:
        return "onbekend"
    return f"{_nl(een, 2)} / {_nl(vijf, 2)} / {_nl(vijftien, 2)} (1 / 5 / 15 min, {os.cpu_count()} cores)"


if __name__ == "__main__":
    sys.exit(main())
