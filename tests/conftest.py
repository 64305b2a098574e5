"""Shared test helpers: real files in a temp dir, the real CLI, a real DuckDB file."""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import openpyxl
import pytest

# the browser tests' rule (skip without Chromium, fail in CI), their one-line summary and their Chromium fixture
from tests.browser import browser, pytest_runtest_setup, pytest_terminal_summary  # noqa: F401
from tools.serverstart import componenten_gezocht, paginas_zoals_de_server

ROOT = Path(__file__).resolve().parent.parent


# Streamlit's look for components, done once per process as a server does at its start (tools/serverstart.py): the
# first of the suite's AppTests pays it, not every one.
componenten_gezocht()
paginas_zoals_de_server()

# DuckDB on one thread per process in the tests (and the servers and CLI children they start, which inherit it): the
# suite already runs two processes on two cores, and DuckDB's own threads on top cost 10% more CPU for the same tests.
os.environ.setdefault("DASHBOARD_DUCKDB_DRADEN", "1")

FIXTURES = Path(__file__).resolve().parent / "fixtures"

KANDIDATEN_KOP = [
    "Trajectnummer",
    "Kandidaatnummer",
    "Gemeente",
    "Doelgroep",
    "Stroom",
    "Route",
    "Sector",
    "Werkgever",
    "Crebo",
    "Kwalificatie",
    "Startdatum",
    "Einddatum",
    "Status",
    "Reden uitval",
    "Uitstroom",
    "Praktijkverklaring",
    "Praktijkopleider",
]
VRAAG_KOP = ["Werkgever", "Sector", "Beroep", "Crebo", "Gemeente", "Maand", "Aantal", "Soort"]
AFSPRAKEN_KOP = ["Gemeente", "Jaar", "Aantal", "Sector", "Doelgroep"]


def kandidaat(traject: str = "T1", **waarden) -> list:
    """One kandidaten row in KANDIDATEN_KOP order; a lopend intern traject unless overridden."""
    rij = {
        "Trajectnummer": traject,
        "Kandidaatnummer": f"K{traject}",
        "Gemeente": "Nijmegen",
        "Doelgroep": "Participatiewet",
        "Stroom": "Langstromer",
        "Route": "Intern",
        "Sector": "Schoonmaak",
        "Werkgever": None,
        "Crebo": None,
        "Kwalificatie": None,
        "Startdatum": dt.date(2026, 3, 1),
        "Einddatum": None,
        "Status": "Lopend",
        "Reden uitval": None,
        "Uitstroom": None,
        "Praktijkverklaring": None,
        "Praktijkopleider": None,
    }
    rij.update(waarden)
    return [rij[k] for k in KANDIDATEN_KOP]


def schrijf_xlsx(pad: Path, rijen: list[list], blad: str = "Export") -> Path:
    """An .xlsx written by openpyxl: rows as given (None = empty cell); dates become real dates."""
    boek = openpyxl.Workbook()
    werkblad = boek.active
    werkblad.title = blad
    for rij in rijen:
        werkblad.append(rij)
    boek.save(pad)
    return pad


def schrijf_csv(pad: Path, rijen: list[list], encoding: str = "cp1252", scheiding: str = ";") -> Path:
    """A CSV as Dutch Excel writes it (';', Windows-1252, dd-mm-jjjj) unless told otherwise."""

    def cel(waarde):
        if isinstance(waarde, dt.date):
            return waarde.strftime("%d-%m-%Y")
        return "" if waarde is None else waarde

    with open(pad, "w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=scheiding, lineterminator="\r\n").writerows([[cel(w) for w in r] for r in rijen])
    return pad


@pytest.fixture(scope="session")
def demo_opslag_bron(tmp_path_factory) -> Path:
    """The folder of the demo store, built once per test run through the real CLI; never handed to a test itself.
    With pytest-xdist the first worker to ask builds it, the others wait on a file lock."""
    import fcntl
    import shutil

    gedeeld = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        gedeeld = gedeeld.parent  # the run's folder, shared by the workers (each has its own under it)
    bron, klaar = gedeeld / "demo-gedeeld", gedeeld / "demo-gedeeld.klaar"
    with open(gedeeld / "demo-gedeeld.slot", "w") as slot:
        fcntl.flock(slot, fcntl.LOCK_EX)
        if not klaar.exists():
            shutil.rmtree(bron, ignore_errors=True)
            bron.mkdir()
            resultaat = cli("demo", "--db", bron / "demo.duckdb", "--map", bron / "exports", "--zonder-verbeteracties",
                            env={"DASHBOARD_SLEUTEL": str(bron / "sleutel")})  # the tests write their own
            assert resultaat.returncode == 0, resultaat.stdout[-2000:]  # verbeteracties
            klaar.touch()
    return bron


@pytest.fixture(scope="module")
def demo_opslag(demo_opslag_bron, tmp_path_factory) -> tuple[Path, Path]:
    """The demo store as built (store, folder of exports), a copy per test module: what one file's tests write (an
    audit line of a login, a verbeteractie) is not seen in another's, whichever xdist worker runs them in what order."""
    import shutil

    map_ = tmp_path_factory.mktemp("demo")
    shutil.copytree(demo_opslag_bron, map_, dirs_exist_ok=True)
    return map_ / "demo.duckdb", map_ / "exports"


@pytest.fixture
def db(tmp_path, monkeypatch) -> Path:
    """A store path in a temp dir, with its own key file."""
    monkeypatch.setenv("DASHBOARD_SLEUTEL", str(tmp_path / "sleutel"))
    return tmp_path / "store.duckdb"


def cli(*args, env: dict | None = None, timeout: float = 120, preexec_fn=None,
        apart: bool | None = None) -> subprocess.CompletedProcess:
    """`python -m pipelines ARGS` as a user runs it, from the project root (`preexec_fn`: see tests/rechten.py).

    In this process by default (`pipelines.__main__.main`, stdout/stderr captured, the same CompletedProcess): a
    new Python costs 1-2 s a call. In a child process (the real entry point) when `apart`, with a `preexec_fn`, with
    a PIPELINES_* variable in `env` (read at import, or a crash on purpose), or in a test marked `cli_apart`
    (locks, signals, a fresh process)."""
    args = [str(a) for a in args]
    if apart is None:
        apart = _cli_apart or preexec_fn is not None or any(k.startswith("PIPELINES_") for k in env or {})
    if not apart:
        return _cli_hier(args, env or {})
    omgeving = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "pipelines", *args],
        cwd=ROOT,
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=preexec_fn,
    )


_cli_apart = False  # set for tests marked cli_apart (autouse fixture below)


# make test-snel runs what is not marked traag, within about 90 s on a quiet 2-core machine, and still every layer:
# the ingest (test_laden, test_waarden, test_spellingen, test_foutmeldingen, test_sleutel), the read side
# (test_leeskant, test_onderdrukking, test_perioden), access (test_toegang, test_sessies), display (test_tekst) and
# pages on small stores (test_dashboard, test_gezamenlijke_peildatum, test_begrensde_rapporten). These files are
# traag: the slowest (seconds summed over the suite's two workers on a busy machine, issue 18), and every one that
# needs the demo store (40 s to build). So is every browser test (marker or file name).
TRAAG = {
    "test_afscherming_paginas.py",  # 290 s: every page for every role
    "test_afronding.py",  # 250 s
    "test_uploaden.py",  # 145 s
    "test_organisatie.py",  # 100 s
    "test_verbeteracties.py",
    "test_beleid_rollen.py",
    "test_weergave.py",
    "test_opslagfouten.py",
    "test_toegang_app.py",
    "test_opvolging.py",
    "test_rapport.py",
    "test_kwaliteit.py",
    "test_tekst_paginas.py",
    "test_vraag.py",
    "test_lezen_grenzen.py",
    "test_bevindingen_review.py",
    "test_uploaden_demo.py",
    "test_presentatiemodus.py",
    "test_links.py",
    "test_datumgrenzen.py",
    "test_gelijktijdig.py",
    "test_bench_afscherming.py",
    "test_uitval_afspraak_vraagjaren.py",
    "test_uitval.py",  # the demo store
    "test_sectoren.py",
    "test_resultaten.py",
    "test_paginas.py",
    "test_begrippen.py",
    "test_demo_en_sjablonen.py",
    "test_schaal.py",  # the demo store (its comparisons of before and after, issue 17)
}


# The longest files first (seconds summed per file in a full run, longest first), so that the two workers end
# together: the workers take whole files in this order (--dist loadfile --no-loadscope-reorder; without that flag
# xdist orders the files by their number of tests instead, and a file of a few long tests came last). The national
# demo second and the fuzz tests third: they need no demo store, so the other workers do not wait for the one the
# first builds.
EERST = ("test_e2e_paginas.py", "test_nationale_demo.py", "test_fuzz.py", "test_afscherming_paginas.py",
         "test_afronding.py", "test_oidc_browser.py", "test_organisatie.py", "test_uploaden.py",
         "test_verbeteracties.py", "test_login_browser.py", "test_beleid_rollen.py", "test_opslagfouten.py",
         "test_toegang_app.py", "test_vraag.py", "test_laden.py", "test_kwaliteit.py", "test_weergave.py",
         "test_gelijktijdig.py", "test_rapport.py", "test_opvolging.py", "test_spellingen.py",
         "test_begrensde_rapporten.py", "test_uitval.py", "test_links.py", "test_bevindingen_review.py",
         "test_lezen_grenzen.py", "test_paginas.py")


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        if item.path.name in TRAAG or "browser" in item.path.name or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.traag)
    volgorde = {naam: i for i, naam in enumerate(EERST)}
    items.sort(key=lambda item: volgorde.get(item.path.name, len(EERST)))  # stable: the rest as collected


@pytest.fixture(autouse=True)
def _cli_proces(request):
    global _cli_apart
    _cli_apart = request.node.get_closest_marker("cli_apart") is not None
    yield
    _cli_apart = False


def _cli_hier(args: list[str], env: dict) -> subprocess.CompletedProcess:
    """`main(args)` in this process as the child would run it: from ROOT, with `env` applied only for the call (the
    settings are read at call time, and a command may set DASHBOARD_DB itself), exit code as `sys.exit` gives it, an
    uncaught exception as a traceback on stderr with exit code 1."""
    import contextlib
    import io
    import traceback

    from pipelines.__main__ import main

    uit, fout = io.StringIO(), io.StringIO()
    bewaard = dict(os.environ)
    os.environ.update({k: str(v) for k, v in env.items()})
    try:
        with contextlib.chdir(ROOT), contextlib.redirect_stdout(uit), contextlib.redirect_stderr(fout):
            try:
                code = main(args)
            except SystemExit as einde:
                code = einde.code if isinstance(einde.code, int) else (0 if einde.code is None else 1)
                if einde.code is not None and not isinstance(einde.code, int):
                    print(einde.code, file=sys.stderr)
            except Exception:
                traceback.print_exc()
                code = 1
    finally:
        os.environ.clear()
        os.environ.update(bewaard)
    return subprocess.CompletedProcess([sys.executable, "-m", "pipelines", *args], code or 0, uit.getvalue(),
                                       fout.getvalue())


def ingest(
    db: Path,
    *bestanden,
    organisatie: str | None = "Werkbedrijf Test",
    peildatum: str | None = "2026-10-31",
    soort: str | None = None,
    env: dict | None = None,
    preexec_fn=None,
) -> subprocess.CompletedProcess:
    args = ["ingest", "--db", db]
    if organisatie:
        args += ["--organisatie", organisatie]
    if peildatum:
        args += ["--peildatum", peildatum]
    if soort:
        args += ["--soort", soort]
    return cli(*args, *bestanden, env=env, preexec_fn=preexec_fn)


def rijen(db: Path, query: str, parameters: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(query, parameters or []).fetchall()
    finally:
        con.close()


# The columns of the analysts' current state (traject_afgeleid), the first of traject_actueel's.
AFGELEID_KOLOMMEN = ("organisatie, traject_id, kandidaat_hash, gemeentecode, doelgroep, stroom, route, sector, "
                     "werkgever, crebo, kwalificatie, startdatum, einddatum, status, reden_uitval, uitstroom, "
                     "praktijkverklaring_datum, praktijkopleider, peildatum, upload_id")


def actueel_naast_definitie(db: Path) -> list[int]:
    """How many rows differ (both ways, EXCEPT ALL) between the kept current state and its definitions: traject_actueel
    against traject_actueel_afgeleid (with what the counts compare), and its own columns against traject_afgeleid
    (the newest current snapshot per traject); [0, 0] when both are equal."""
    def verschil(links: str, rechts: str) -> str:
        return f"SELECT count(*) FROM (({links} EXCEPT ALL {rechts}) UNION ALL ({rechts} EXCEPT ALL {links}))"

    return [rijen(db, verschil("SELECT * FROM traject_actueel", "SELECT * FROM traject_actueel_afgeleid"))[0][0],
            rijen(db, verschil(f"SELECT {AFGELEID_KOLOMMEN} FROM traject_actueel",
                               "SELECT * FROM traject_afgeleid"))[0][0]]


def alle_tabellen(db: Path) -> dict[str, list[tuple]]:
    """Every table and view of the store, sorted, for before/after comparisons."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        namen = [
            r[0]
            for r in con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1"
            ).fetchall()
        ]
        return {naam: sorted(con.execute(f'SELECT * FROM "{naam}"').fetchall(), key=repr) for naam in namen}
    finally:
        con.close()


def blokken(stdout: str) -> dict[str, list[str]]:
    """The CLI's report per file: first line 'Geladen: NAAM ...' / 'Geweigerd: NAAM ...', then its lines."""
    per_bestand: dict[str, list[str]] = {}
    huidig: list[str] = []
    for regel in stdout.splitlines():
        kop = re.match(r"(?:Geladen|Geweigerd): (\S+)", regel)
        if kop:
            huidig = per_bestand.setdefault(kop.group(1), [])
        huidig.append(regel)
    return per_bestand


def zichtbaar(markdown: str) -> str:
    """The text a user reads in a Streamlit markdown body or label whose file text went through
    weergave.tekst.markdown_tekst: its backslash escapes undone, its (invisible) word joiners left out."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace("\u2060", "")


def geweigerd(naam: str, *regels: str) -> list[str]:
    woord = "fout" if len(regels) == 1 else "fouten"
    return [
        f"Geweigerd: {naam} ({len(regels)} {woord}). Er is niets geladen; verbeter het bestand en laad het opnieuw.",
        *[f"  {r}" for r in regels],
    ]


TEST_BEHEERDER = "beheer@test.example"


def rollen_toml(beheerder: str) -> str:
    """The roles file of the access tests: a beheerder, the gemeente Wijchen and the regio consortium."""
    return (f'[[gebruiker]]\nemail = "{beheerder}"\nrol = "beheerder"\n\n'
            '[[gebruiker]]\nemail = "a.jansen@wijchen.example"\nrol = "gemeente"\ngemeenten = ["GM0296"]\n\n'
            '[[gebruiker]]\nemail = "consortium@regio.example"\nrol = "regio"\n')


def app_als(monkeypatch, map_: Path, rol: str = "beheerder", gemeenten: tuple[str, ...] = (),
            email: str = TEST_BEHEERDER, timeout: float = 60, organisaties: tuple[str, ...] = ()):
    """The dashboard as a logged-in user with this role (a roles file in `map_`); for stores with real data."""
    from streamlit.testing.v1 import AppTest

    pad = map_ / "toegang.toml"
    blokken = pad.read_text() if pad.exists() else ""
    if email not in blokken:
        lijst = ", ".join(f'"{g}"' for g in gemeenten)
        namen = ", ".join(f'"{o}"' for o in organisaties)
        blokken += (f'\n[[gebruiker]]\nemail = "{email}"\nrol = "{rol}"\ngemeenten = [{lijst}]\n'
                    f'organisaties = [{namen}]\n')
        pad.write_text(blokken)
    monkeypatch.setenv("DASHBOARD_TOEGANG", str(pad))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=timeout)
    app.user = {"is_logged_in": True, "email": email}
    return app


DATUMKOLOMMEN = {"trajecten": ("startdatum", "einddatum", "peildatum", "praktijkverklaring_datum"),
                 "vraag": ("maand",), "afspraken": ()}


def analistenviews(db: Path) -> dict:
    """The analyst views trajecten, vraag and afspraken as pandas, dates as timestamps: what page tests compute
    their expected numbers from, independently of the read side."""
    import pandas as pd

    con = duckdb.connect(str(db), read_only=True)
    try:
        views = {naam: con.execute(f"SELECT * FROM {naam}").df() for naam in DATUMKOLOMMEN}
    finally:
        con.close()
    for naam, kolommen in DATUMKOLOMMEN.items():
        for kolom in kolommen:
            views[naam][kolom] = pd.to_datetime(views[naam][kolom])
    return views


def gecorrigeerde_lading(db: Path, exports: Path, map_: Path, uitgevallen: int) -> None:
    """A corrected monthly export loaded into `db` (its key file `sleutel` beside it, as the demo's copies have it)
    through the command line: Werkbedrijf Waalstad's demo export of 31-10-2026 again, in which the first `uitgevallen`
    of its lopende trajecten dropped out on 15-10-2026. The numbers change (fewer lopend, more uitval); the peildatum
    of every organisation (and so every default filter, and with them the questions a page asks) stays: as for most
    monthly loads, the ones that do not move the region's joint peildatum. The load is not the demo's, so the store
    is no longer a demo store: look as a logged-in user (app_als)."""
    import datetime as dt

    import openpyxl

    boek = openpyxl.load_workbook(exports / "werkbedrijf-waalstad" / "kandidaten_werkbedrijf-waalstad_2026-10.xlsx")
    blad = boek.active
    kop = next(c.row for rij in blad.iter_rows() for c in rij if c.value == "Startdatum")  # below the title rows
    kolom = {c.value: c.column for c in blad[kop]}
    lopend = [r for r in range(kop + 1, blad.max_row + 1) if blad.cell(r, kolom["Status"]).value == "lopend"]
    assert len(lopend) >= uitgevallen
    for rij in lopend[:uitgevallen]:
        blad.cell(rij, kolom["Status"]).value = "uitgevallen"
        blad.cell(rij, kolom["Einddatum"]).value = dt.datetime(2026, 10, 15)
        blad.cell(rij, kolom["Reden uitval"]).value = "motivatie"
    pad = map_ / f"kandidaten_werkbedrijf-waalstad_2026-10_{uitgevallen}_uitgevallen.xlsx"
    boek.save(pad)
    resultaat = cli("ingest", "--db", db, "--soort", "kandidaten", "--organisatie", "Werkbedrijf Waalstad",
                    "--peildatum", "2026-10-31", pad, env={"DASHBOARD_SLEUTEL": str(db.parent / "sleutel")})
    assert resultaat.returncode == 0, resultaat.stdout
    assert ", 0 gewijzigd" not in resultaat.stdout, resultaat.stdout  # trajecten changed (fewer when loaded before)


def demo_app(demo_opslag, monkeypatch, timeout: float = 60):
    """The dashboard on the demo store (demo mode: beheerder without login)."""
    from streamlit.testing.v1 import AppTest

    db, _ = demo_opslag
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    monkeypatch.setenv("DASHBOARD_SLEUTEL", str(db.parent / "sleutel"))
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=timeout)


def als_getoond(waarde: object) -> object:
    """A value from the read side as the page shows it: the marker ("<5", "x") of a hidden number, the number shown
    (an int or a float) of a rounded one, anything else as it is."""
    from analytics.beschermd import Beschermd

    if isinstance(waarde, Beschermd):
        if waarde.verborgen:
            return waarde.teken
        return int(waarde.getoond) if float(waarde.getoond).is_integer() and not waarde.aandeel else waarde.getoond
    return waarde


def geregistreerde_paginas(app) -> set[str]:
    """The page files st.navigation registered for this user (not the hidden pages that say at another page's
    address that it is not for this role: dashboard.py)."""
    return {Path(str(info["script_path"])).name for info in app._registered_pages.values() if info.get("script_path")}


def demo_kopie_met_rollen(demo_opslag, map_: Path, monkeypatch, rollen: str) -> Path:
    """A copy of the demo store (logins write to its audit log) with this roles file, set up for the dashboard."""
    import shutil

    db, _ = demo_opslag
    kopie = map_ / "opslag.duckdb"
    shutil.copy(db, kopie)
    (map_ / "toegang.toml").write_text(rollen)
    monkeypatch.setenv("DASHBOARD_DB", str(kopie))
    monkeypatch.setenv("DASHBOARD_SLEUTEL", str(db.parent / "sleutel"))
    monkeypatch.setenv("DASHBOARD_TOEGANG", str(map_ / "toegang.toml"))
    monkeypatch.setenv("DASHBOARD_ACCOUNTS", str(map_ / "accounts.json"))
    return kopie
