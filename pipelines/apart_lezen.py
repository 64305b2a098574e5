"""Reading an untrusted file in a child process with a memory and time limit.

The Excel reader (calamine, in Rust) aborts the whole process on some crafted files (a zip whose
directory lies about sizes, a 5 kB workbook with one cell in XFD1048576), and a hostile file can make
any reader eat memory. On the upload page that process would be the web server, shared by every user;
in the CLI it would end the whole `ingest` call, files after it unread. So both read every file in a
child process: a crash, a kill or a limit there becomes a Dutch refusal of that one file.

The limits are chosen against the largest honest files (README, Snelheid): a 50 MB workbook of
695.000 rows, or of 120.000 rows with 100 extra columns, peaks at about 950 MB resident and needs
between 1.400 and 1.500 MB of address space, and reads in 6-19 s on a busy 2-core machine.

The child runs `bladen_uit_bytes` (the same reading as in-process) and sends the sheets back as Arrow
IPC streams on stdout, framed as: 8-byte length + JSON description, then per sheet 8-byte length +
stream. A refusal comes back as JSON with the Dutch messages.
"""

from __future__ import annotations

import json
import os
import resource
import struct
import subprocess
import sys
from pathlib import Path

import pyarrow as pa

from pipelines import meldingen
from pipelines.lezen import Blad, bladen_uit_bytes, controleer_grootte
from pipelines.meldingen import Geweigerd

ROOT = Path(__file__).resolve().parent.parent
MAX_GEHEUGEN = int(os.environ.get("PIPELINES_MAX_GEHEUGEN_MB", "2000")) * 1024 * 1024  # address space
MAX_SECONDEN = float(os.environ.get("PIPELINES_MAX_LEESTIJD_S", "60"))
# Address space is also what allocators reserve per thread (glibc: 64 MB an arena, up to 8 per core): with
# one arena pair and one Arrow thread the limit means the same on a 2-core laptop and a 32-core server.
KIND_OMGEVING = {"MALLOC_ARENA_MAX": "2"}
LENGTE = struct.Struct("<Q")


def bladen_apart(inhoud: bytes) -> tuple[str, list[Blad]]:
    """What `bladen_uit_bytes` returns, computed in a child process; any crash there is a refusal."""
    if not inhoud:
        raise Geweigerd(meldingen.LEEG_BESTAND)
    controleer_grootte(len(inhoud))  # the cheap checks need no child
    try:
        proces = subprocess.run(
            [sys.executable, "-m", "pipelines.apart_lezen"],
            input=inhoud,
            capture_output=True,
            cwd=ROOT,
            env={**os.environ, **KIND_OMGEVING},
            timeout=MAX_SECONDEN,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise Geweigerd(meldingen.LEZEN_TE_LANG.format(seconden=int(MAX_SECONDEN))) from None
    if proces.returncode != 0 or len(proces.stdout) < LENGTE.size:
        # killed by a signal (negative code), out of memory, or a Python error: the file is the cause
        raise Geweigerd(meldingen.LEZEN_AFGEBROKEN)
    return uitgepakt(proces.stdout)


def uitgepakt(uitvoer: bytes) -> tuple[str, list[Blad]]:
    buffer = pa.py_buffer(uitvoer)
    (lengte,) = LENGTE.unpack_from(uitvoer, 0)
    positie = LENGTE.size + lengte
    beschrijving = json.loads(uitvoer[LENGTE.size : positie])
    if "geweigerd" in beschrijving:
        raise Geweigerd(*beschrijving["geweigerd"])
    bladen = []
    for blad in beschrijving["bladen"]:
        (lengte,) = LENGTE.unpack_from(uitvoer, positie)
        positie += LENGTE.size
        tabel = pa.ipc.open_stream(buffer.slice(positie, lengte)).read_all()
        positie += lengte
        bladen.append(Blad(blad["naam"], tabel, tuple(blad["kolomletters"]), blad["eerste_rij"]))
    return beschrijving["bestandstype"], bladen


def _schrijf(uit, stuk: bytes) -> None:
    uit.write(LENGTE.pack(len(stuk)))
    uit.write(stuk)


def _ipc(tabel: pa.Table, uit) -> None:
    with pa.ipc.new_stream(uit, tabel.schema) as schrijver:
        schrijver.write_table(tabel)


def ipc_grootte(tabel: pa.Table) -> int:
    """The length of a table's IPC stream, counted without writing it anywhere."""
    teller = pa.MockOutputStream()
    _ipc(tabel, teller)
    return teller.size()


def _kind() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MAX_GEHEUGEN, MAX_GEHEUGEN))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # no core dump of someone's data on a crash
    pa.set_cpu_count(1)
    pa.set_io_thread_count(1)
    uit = sys.stdout.buffer
    try:
        bestandstype, bladen = bladen_uit_bytes(sys.stdin.buffer.read())  # the bytes go as soon as they are read
    except Geweigerd as fout:
        _schrijf(uit, json.dumps({"geweigerd": fout.meldingen}).encode())
        uit.flush()
        return
    beschrijving = {
        "bestandstype": bestandstype,
        "bladen": [{"naam": b.naam, "kolomletters": list(b.kolomletters), "eerste_rij": b.eerste_rij} for b in bladen],
    }
    _schrijf(uit, json.dumps(beschrijving).encode())
    for blad in bladen:  # straight into the pipe: no second copy of the sheet in memory
        uit.write(LENGTE.pack(ipc_grootte(blad.tabel)))
        uit.flush()
        _ipc(blad.tabel, pa.PythonFile(uit, mode="w"))
    uit.flush()


if __name__ == "__main__":
    _kind()
