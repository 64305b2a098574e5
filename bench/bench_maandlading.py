"""Benchmark: one organisation's monthly kandidaten load into the national store against the same into an empty one.

Target (issue 17): a monthly load of one organisation's 10,000-row export into the national store (about a million
trajecten, ten years of monthly snapshots) within 2x the same load into an empty store. Measured as the command
line loads (`python -m pipelines ingest ...`, a fresh process each time, wall time of the whole process), in
alternating pairs (a fresh copy of the national store, then a fresh empty store), median of the runs.

    .venv/bin/python -m bench.bench_maandlading --nationaal /tmp/nationaal.duckdb [--runs 3]

The national store is never written: each run copies it into --werkmap (about 2 GB, written through to disk before
the clock starts) and loads into the copy. The
export is made once from that copy: the organisation's current trajecten (the one with the number of trajecten
closest above --rijen), as its next monthly export (peildatum: the end of the month after the store's last
peildatum); kandidaatnummers are not in the store (only their keyed hash), so the file carries stand-ins. The key
is --sleutel (default: DASHBOARD_SLEUTEL, else `<store>.sleutel` beside it, as pipelines/sleutel.py), the store's own.
The report goes to stdout as Markdown; exit status 0 when the target is met.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_ingest import _nl, belasting, machine_lines

ROOT = Path(__file__).resolve().parent.parent
DOEL = 2.0
KOLOMMEN = (  # store column -> the export's header (the contract's labels)
    ("traject_id", "Trajectnummer"), ("kandidaat_id", "Kandidaatnummer"), ("gemeentecode", "Gemeente"),
    ("doelgroep", "Doelgroep"), ("stroom", "Stroom"), ("route", "Route"), ("sector", "Sector"),
    ("werkgever", "Werkgever"), ("crebo", "Crebo"), ("kwalificatie", "Kwalificatie"), ("startdatum", "Startdatum"),
    ("einddatum", "Einddatum"), ("status", "Status"), ("reden_uitval", "Reden uitval"), ("uitstroom", "Uitstroom"),
    ("praktijkverklaring_datum", "Praktijkverklaring"), ("praktijkopleider", "Praktijkopleider"),
)


def _progress(tekst: str) -> None:
    print(tekst, file=sys.stderr, flush=True)


def maandeinde_na(datum: dt.date) -> dt.date:
    volgende = (datum.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return (volgende + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)


def export_maken(store: Path, map_: Path, rijen: int) -> tuple[Path, str, dt.date, int]:
    """The monthly export of one organisation, from a copy of the national store (read only)."""
    import duckdb
    import xlsxwriter

    with duckdb.connect(str(store), read_only=True) as con:
        (laatste,) = con.execute("SELECT max(peildatum) FROM traject_actueel").fetchone()
        organisatie = con.execute(
            "SELECT organisatie FROM traject_actueel GROUP BY organisatie HAVING count(*) >= ? "
            "ORDER BY count(*), organisatie LIMIT 1",
            [rijen],
        ).fetchone()
        if organisatie is None:
            raise SystemExit(f"geen organisatie met minstens {rijen} trajecten in {store}")
        organisatie = organisatie[0]
        kolommen = ", ".join(
            "'K' || substr(kandidaat_hash, 1, 12)" if kolom == "kandidaat_id" else kolom for kolom, _ in KOLOMMEN
        )
        data = con.execute(
            f"SELECT {kolommen} FROM traject_actueel WHERE organisatie = ? ORDER BY traject_id LIMIT ?",
            [organisatie, rijen],
        ).fetchall()
    peildatum = maandeinde_na(laatste)
    pad = map_ / f"maandexport_{len(data)}r_{peildatum:%Y%m%d}.xlsx"
    boek = xlsxwriter.Workbook(str(pad), {"constant_memory": True})
    blad = boek.add_worksheet("Kandidaten")
    datum = boek.add_format({"num_format": "dd-mm-yyyy"})
    for kolom, (_, kopje) in enumerate(KOLOMMEN):
        blad.write_string(0, kolom, kopje)
    for r, rij in enumerate(data, start=1):
        for kolom, waarde in enumerate(rij):
            if waarde is None:
                continue
            if isinstance(waarde, dt.date):
                blad.write_datetime(r, kolom, dt.datetime.combine(waarde, dt.time()), datum)
            else:
                blad.write_string(r, kolom, str(waarde))
    boek.close()
    return pad, organisatie, peildatum, len(data)


def laden(db: Path, export: Path, organisatie: str, peildatum: dt.date, sleutel: Path, code: Path = ROOT
          ) -> tuple[float, str]:
    """One load through the command line of the project at `code` in a fresh process: (wall seconds, its output)."""
    env = dict(os.environ, DASHBOARD_SLEUTEL=str(sleutel))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(code), env.get("PYTHONPATH", "")) if p)
    opdracht = [sys.executable, "-m", "pipelines", "ingest", "--db", str(db), "--soort", "kandidaten",
                "--organisatie", organisatie, "--peildatum", peildatum.isoformat(), str(export)]
    begin = time.perf_counter()
    proces = subprocess.run(opdracht, cwd=code, env=env, capture_output=True, text=True, check=False)
    seconden = time.perf_counter() - begin
    uitvoer = " ".join((proces.stdout + proces.stderr).split())
    if proces.returncode != 0 or "Geladen:" not in uitvoer:
        raise SystemExit(f"laden in {db} mislukt (code {proces.returncode}): {uitvoer[:600]}")
    return seconden, uitvoer


def op_schijf(pad: Path) -> None:
    """Write a fresh copy through to disk before the clock starts: otherwise the load's first checkpoint (DuckDB's
    fsync) pays for writing the whole 2 GB copy, 0,5-0,6 s here, which a store in use never pays."""
    fd = os.open(pad, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def verwijderd(db: Path) -> None:
    for pad in (db, db.with_name(db.name + ".wal"), db.with_name(db.name + ".lock")):
        pad.unlink(missing_ok=True)


def pagina_na_lading(db: Path, export: Path, organisatie: str, peildatum: dt.date, sleutel: Path,
                     pagina: str = "pages/overzicht.py", rol: str = "regio") -> dict:
    """In this (fresh) process, as the server lives through a monthly load: the page's first run, the load (the
    command line, another process), then the page's next run once the recent questions were asked again
    (analytics.opslag.opnieuw_gevraagd, as the server's thread does), and the same run with the cache emptied (what
    every visitor paid after a load before). Seconds; no target of the issue, information beside the load."""
    from analytics import opslag
    from bench.bench_pagina import pagina_zoals_de_server

    app, _ = pagina_zoals_de_server(db, rol, pagina)

    def run() -> float:
        begin = time.perf_counter()
        app.run()
        assert not app.exception, app.exception
        return time.perf_counter() - begin

    eerste = run()
    laden(db, export, organisatie, peildatum, sleutel)
    begin = time.perf_counter()
    gevraagd = opslag.opnieuw_gevraagd(db)
    vragen = time.perf_counter() - begin
    warm = run()
    opslag.cache_legen()
    koud = run()
    return {"pagina": pagina, "rol": rol, "eerste": eerste, "vragen": vragen, "gevraagd": gevraagd, "warm": warm,
            "koud": koud}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nationaal", type=Path, required=True, help="de nationale opslag (wordt alleen gekopieerd)")
    parser.add_argument("--sleutel", type=Path, help="sleutelbestand van die opslag")
    parser.add_argument("--runs", type=int, default=3, help="paren (nationaal, leeg), afwisselend")
    parser.add_argument("--rijen", type=int, default=10_000, help="rijen in de maandexport")
    parser.add_argument("--code", type=Path, default=ROOT,
                        help="de projectmap waarvan de command line laadt (om een oudere versie te meten)")
    parser.add_argument("--werkmap", type=Path, default=Path(tempfile.gettempdir()) / "bench_maandlading",
                        help="map voor de kopieën (ruim 2 GB vrij)")
    parser.add_argument("--pagina-na-lading", nargs=4, metavar=("DB", "EXPORT", "ORGANISATIE", "PEILDATUM"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.pagina_na_lading:
        db, export, organisatie, peildatum = args.pagina_na_lading
        print(json.dumps(pagina_na_lading(Path(db), Path(export), organisatie, dt.date.fromisoformat(peildatum),
                                          args.sleutel)))
        return 0
    if not args.nationaal.is_file():
        parser.error(f"{args.nationaal} bestaat niet")
    sleutel = args.sleutel or Path(
        os.environ.get("DASHBOARD_SLEUTEL") or args.nationaal.with_name(args.nationaal.name + ".sleutel")
    )
    args.werkmap.mkdir(parents=True, exist_ok=True)
    kopie, leeg = args.werkmap / "nationaal.duckdb", args.werkmap / "leeg.duckdb"

    def gekopieerd() -> None:
        verwijderd(kopie)
        begin = time.perf_counter()
        shutil.copyfile(args.nationaal, kopie)
        op_schijf(kopie)
        _progress(f"  kopie van de nationale opslag in {time.perf_counter() - begin:.1f} s")

    gekopieerd()
    export, organisatie, peildatum, aantal = export_maken(kopie, args.werkmap, args.rijen)
    _progress(f"export: {export} ({aantal} rijen, {organisatie}, peildatum {peildatum})")
    tijden: dict[str, list[float]] = {"nationaal": [], "leeg": []}
    meldingen: dict[str, str] = {}
    for ronde in range(1, args.runs + 1):
        if ronde > 1:
            gekopieerd()
        for soort, db in (("nationaal", kopie), ("leeg", leeg)):
            if soort == "leeg":
                verwijderd(leeg)
            seconden, melding = laden(db, export, organisatie, peildatum, sleutel, args.code)
            tijden[soort].append(seconden)
            meldingen.setdefault(soort, melding)
            _progress(f"[{ronde}/{args.runs}] {soort}: {seconden:.2f} s")
    gekopieerd()
    _progress("een pagina na de lading, in één proces ...")
    proces = subprocess.run(
        [sys.executable, "-m", "bench.bench_maandlading", "--nationaal", str(args.nationaal), "--sleutel", str(sleutel),
         "--pagina-na-lading", str(kopie), str(export), organisatie, peildatum.isoformat()],
        cwd=ROOT, capture_output=True, text=True, check=False)
    if proces.returncode:
        raise SystemExit(f"de pagina na de lading mislukte:\n{proces.stderr[-3000:]}")
    na = json.loads(proces.stdout.strip().splitlines()[-1])
    verwijderd(kopie)
    verwijderd(leeg)

    nationaal, leeg_mediaan = statistics.median(tijden["nationaal"]), statistics.median(tijden["leeg"])
    verhouding = nationaal / leeg_mediaan
    uitslag = "PASS" if verhouding <= DOEL else "FAIL"
    regels = [
        f"### Maandlading van één organisatie ({_nl(aantal)} rijen) in de nationale opslag",
        "",
        f"- Nationale opslag: `{args.nationaal}` ({_nl(args.nationaal.stat().st_size / 2**20)} MB), per run "
        "gekopieerd; laden zoals de command line (`python -m pipelines ingest`, vers proces, hele proces gemeten)",
        *([f"- Code: `{args.code}`"] if args.code != ROOT else []),
        f"- Export: {organisatie}, peildatum {peildatum:%d-%m-%Y} (de maand na de laatste in de opslag)",
        *machine_lines(),
        f"- Belasting van de machine (na de metingen): {belasting()}",
        "",
        "| Laden in | runs (s) | mediaan (s) |",
        "|---|---|--:|",
        f"| kopie van de nationale opslag | {', '.join(_nl(t, 2) for t in tijden['nationaal'])} "
        f"| {_nl(nationaal, 2)} |",
        f"| lege opslag | {', '.join(_nl(t, 2) for t in tijden['leeg'])} | {_nl(leeg_mediaan, 2)} |",
        "",
        "| Doel | gemeten | grens | uitslag |",
        "|---|--:|--:|---|",
        f"| nationaal / leeg | {_nl(verhouding, 2)}× | ≤ {_nl(DOEL, 1)}× | {uitslag} |",
        "",
        f"Ter informatie, in één proces zoals de server een lading meemaakt: {na['pagina']} als {na['rol']}, eerste "
        f"run {_nl(na['eerste'], 2)} s; na de lading {na['gevraagd']} recente vragen opnieuw gesteld in "
        f"{_nl(na['vragen'], 2)} s (de draad van de server doet dat binnen enkele seconden na de lading), daarna de "
        f"pagina in {_nl(na['warm'], 2)} s; met een lege cache, zoals elke bezoeker na een lading voorheen: "
        f"{_nl(na['koud'], 2)} s.",
        "",
        f"- Nationaal: `{meldingen['nationaal'][:300]}`",
        f"- Leeg: `{meldingen['leeg'][:300]}`",
    ]
    print("\n".join(regels))
    return 0 if uitslag == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
