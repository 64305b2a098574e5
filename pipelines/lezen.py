"""Reading an uploaded file into sheets of text cells, by content, never by name.

Every sheet comes back as an Arrow table of strings whose row i is Excel row i + 1 (for CSV: the
record number as Excel would show it), so every later message can name the row the user sees.
Dangerous or broken files are refused here, quickly, with a Dutch message.
"""

from __future__ import annotations

import contextlib
import csv
import gc
import io
import itertools
import os
import re
import zipfile
from dataclasses import dataclass

import fastexcel
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipelines import meldingen
from pipelines.meldingen import Geweigerd

MAX_BESTAND = int(os.environ.get("PIPELINES_MAX_BESTAND_MB", "50")) * 1_000_000
MAX_UITGEPAKT = int(os.environ.get("PIPELINES_MAX_UITGEPAKT_MB", "400")) * 1_000_000
MAX_VERHOUDING = 200  # honest xlsx sheets compress about 10-30x; zip bombs far more
# The contract has 17 columns; real exports carry up to about 100 more. Beyond these a file is not an
# export but an accident or an attack, and refusing it early keeps reading fast and small (README).
MAX_KOLOMMEN = 1_000
MAX_BLADEN = 100
MAX_CEL_TEKENS = 32_767  # what Excel itself fits in one cell
MAX_BLADNAAM_TEKENS = 31  # what Excel allows; a crafted workbook's longer name is cut in messages
CSV_CELLEN_PER_STUK = 1_000_000  # CSV cells turned into Arrow at a time: bounds the Python strings alive at once

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
CSV_SEPARATORS = (";", ",", "\t", "|")


@dataclass(frozen=True)
class Blad:
    """One worksheet: text cells (blank ones null), row i = Excel row eerste_rij + i; Excel column letters."""

    naam: str
    tabel: pa.Table
    kolomletters: tuple[str, ...]
    eerste_rij: int = 1


def excel_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def bladen_uit_bytes(inhoud: bytes) -> tuple[str, list[Blad]]:
    """(bestandstype, sheets) of a file's bytes; refuses what is not a readable export."""
    if not inhoud:
        raise Geweigerd(meldingen.LEEG_BESTAND)
    controleer_grootte(len(inhoud))
    if inhoud.startswith(ZIP_MAGIC):
        controleer_zip(inhoud)
        return "xlsx", excel_bladen(inhoud, "Excel-bestand (.xlsx)")
    if inhoud.startswith(OLE_MAGIC):
        if ENCRYPTED_STREAM in inhoud:
            raise Geweigerd(meldingen.WACHTWOORD)
        return "xls", excel_bladen(inhoud, "Excel-bestand (.xls)")
    return "csv", [csv_blad(tekst_uit_bytes(inhoud))]


def controleer_breedte(breedte: int, waar: str) -> None:
    if breedte > MAX_KOLOMMEN:
        aantal, grens = meldingen.getal(breedte), meldingen.getal(MAX_KOLOMMEN)
        raise Geweigerd(meldingen.TE_VEEL_KOLOMMEN.format(waar=waar, aantal=aantal, grens=grens))


def cel_te_lang(rij: int) -> Geweigerd:
    grens = meldingen.getal(MAX_CEL_TEKENS)
    return Geweigerd(meldingen.CEL_TE_LANG.format(rij=rij, grens=grens))  # the row as Excel numbers it: 2403


def controleer_cellen(blad: Blad) -> Blad:
    """Refuses a sheet with a cell longer than Excel allows; cheap: byte lengths come from the offsets."""
    for kolom in blad.tabel.columns:
        if (pc.max(pc.binary_length(kolom)).as_py() or 0) <= MAX_CEL_TEKENS:
            continue  # no cell has more bytes, so none has more characters
        te_lang = pc.greater(pc.utf8_length(kolom), MAX_CEL_TEKENS)
        if pc.any(te_lang).as_py():
            raise cel_te_lang(blad.eerste_rij + pc.index(te_lang, True).as_py())
    return blad


def controleer_grootte(aantal_bytes: int) -> None:
    if aantal_bytes > MAX_BESTAND:
        grootte, grens = meldingen.mb(aantal_bytes), meldingen.mb(MAX_BESTAND)
        raise Geweigerd(meldingen.TE_GROOT.format(grootte=grootte, grens=grens))


def controleer_zip(inhoud: bytes) -> None:
    try:
        archief = zipfile.ZipFile(io.BytesIO(inhoud))
        leden = archief.infolist()
    except zipfile.BadZipFile as fout:
        raise Geweigerd(meldingen.KAPOT.format(soort="Excel-bestand (.xlsx)")) from fout
    namen = {lid.filename for lid in leden}
    if "xl/workbook.xml" not in namen and "xl/workbook.bin" not in namen:
        raise Geweigerd(meldingen.ONBEKEND_TYPE.format(wat=zip_soort(namen)))
    uitgepakt = sum(lid.file_size for lid in leden)
    if uitgepakt > MAX_UITGEPAKT:
        grootte, grens = meldingen.mb(uitgepakt), meldingen.mb(MAX_UITGEPAKT)
        raise Geweigerd(meldingen.TE_GROOT_UITGEPAKT.format(grootte=grootte, grens=grens))
    if any(lid.file_size > MAX_VERHOUDING * max(lid.compress_size, 1) for lid in leden):
        raise Geweigerd(meldingen.TE_STERK_GECOMPRIMEERD.format(verhouding=MAX_VERHOUDING))


def zip_soort(namen: set[str]) -> str:
    if "word/document.xml" in namen:
        return "een Word-document"
    if "ppt/presentation.xml" in namen:
        return "een PowerPoint-presentatie"
    if "content.xml" in namen:
        return "een OpenDocument-bestand (.ods of .odt)"
    return "een zip-bestand"


def excel_bladen(inhoud: bytes, soort: str) -> list[Blad]:
    try:
        lezer = fastexcel.read_excel(inhoud)
        if len(lezer.sheet_names) > MAX_BLADEN:
            aantal, grens = meldingen.getal(len(lezer.sheet_names)), meldingen.getal(MAX_BLADEN)
            raise Geweigerd(meldingen.TE_VEEL_BLADEN.format(aantal=aantal, grens=grens))
        return [controleer_cellen(excel_blad(lezer, naam)) for naam in lezer.sheet_names]
    except Geweigerd:
        raise
    except Exception as fout:  # calamine reports many kinds of damage; all mean the same to a user
        if "password" in str(fout).lower() or "encrypt" in str(fout).lower():
            raise Geweigerd(meldingen.WACHTWOORD) from fout
        raise Geweigerd(meldingen.KAPOT.format(soort=soort)) from fout


def excel_blad(lezer: fastexcel.ExcelReader, naam: str) -> Blad:
    """The sheet read straight into Arrow (`eager`: about 0,3 s less on 200.000 rows than fastexcel's own
    intermediate sheet, issue 17). Every column is counted as fastexcel offers it, so a wider sheet is refused with
    its true width, yet at most MAX_KOLOMMEN columns become Arrow."""
    kolommen: list[int] = []  # the absolute index of every column the sheet has

    def binnen_grens(kolom: fastexcel.ColumnInfoNoDtype) -> bool:
        kolommen.append(kolom.absolute_index)
        return len(kolommen) <= MAX_KOLOMMEN

    batch = lezer.load_sheet(naam, header_row=None, dtypes="string", skip_rows=0, whitespace_as_null=True,
                             eager=True, use_columns=binnen_grens)
    waar = meldingen.IN_WERKBLAD.format(blad=meldingen.ingekort(naam, MAX_BLADNAAM_TEKENS))
    controleer_breedte(len(kolommen), waar)
    letters = tuple(excel_letter(index) for index in kolommen)
    tabel = pa.Table.from_batches([batch]) if kolommen else pa.table({})
    return Blad(naam=naam, tabel=tabel, kolomletters=letters)


def tekst_uit_bytes(inhoud: bytes) -> str:
    if codering := utf16_codering(inhoud):
        tekst = inhoud.decode(codering, errors="replace").removeprefix("\ufeff")
        if "\x00" in tekst[:2048]:
            raise Geweigerd(meldingen.ONBEKEND_TYPE.format(wat=binair_soort(inhoud)))
        return tekst
    if b"\x00" in inhoud[:4096]:
        raise Geweigerd(meldingen.ONBEKEND_TYPE.format(wat=binair_soort(inhoud)))
    if inhoud.startswith(b"\xef\xbb\xbf"):
        return inhoud[3:].decode("utf-8", errors="replace")
    try:
        return inhoud.decode("utf-8")
    except UnicodeDecodeError:
        return inhoud.decode("cp1252", errors="replace")


def utf16_codering(inhoud: bytes) -> str | None:
    """Excel's "Unicode-tekst" is UTF-16 LE with a byte order mark; without one, text in UTF-16 has a zero
    byte beside nearly every character of the first lines (an ASCII header), on one side only."""
    if inhoud.startswith(b"\xff\xfe"):
        return "utf-16-le"
    if inhoud.startswith(b"\xfe\xff"):
        return "utf-16-be"
    begin = inhoud[:4096]
    paren = len(begin) // 2
    if paren < 8:
        return None
    even, oneven = begin[0 : 2 * paren : 2].count(0), begin[1 : 2 * paren : 2].count(0)
    if oneven >= 0.9 * paren and even == 0:
        return "utf-16-le"
    if even >= 0.9 * paren and oneven == 0:
        return "utf-16-be"
    return None


def binair_soort(inhoud: bytes) -> str:
    if inhoud.startswith(b"%PDF"):
        return "een PDF-bestand"
    if inhoud[:8] in (b"\x89PNG\r\n\x1a\n",) or inhoud[:3] == b"\xff\xd8\xff":
        return "een afbeelding"
    return "een onbekend bestandstype"


def csv_blad(tekst: str) -> Blad:
    """The CSV as one sheet, built in pieces of about CSV_CELLEN_PER_STUK cells: only one piece at a time lives as
    Python strings, and a record wider than MAX_KOLOMMEN is refused before its piece becomes Arrow."""
    if tekst.startswith("%PDF"):
        raise Geweigerd(meldingen.ONBEKEND_TYPE.format(wat="een PDF-bestand"))
    scheiding = csv_scheidingsteken(tekst)
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding)
    stukken: list[tuple[int, list[pa.Array]]] = []  # (records, columns): a blank line is a record without fields
    records = 1_000
    while True:
        try:
            with zonder_gc():
                rijen = list(itertools.islice(lezer, records))  # csv parses in C; no Python code per record
        except csv.Error as fout:  # the only one csv.reader raises in its default dialect: a field too long
            raise cel_te_lang(foute_record(tekst, scheiding)) from fout
        if not rijen:
            break
        breedte = max(map(len, rijen))
        controleer_breedte(breedte, meldingen.IN_CSV)
        stukken.append((len(rijen), kolommen_van(rijen, breedte)))
        records = max(1_000, CSV_CELLEN_PER_STUK // max(breedte, 1))
    breedte = max((len(kolommen) for _, kolommen in stukken), default=0)
    kolommen = {
        f"c{i}": pa.chunked_array(
            [stuk[i] if i < len(stuk) else pa.nulls(aantal, pa.string()) for aantal, stuk in stukken], pa.string()
        )
        for i in range(breedte)
    }
    letters = tuple(excel_letter(i) for i in range(breedte))
    tabel = pa.table(kolommen)
    controleer_open_aanhalingsteken(tabel, scheiding)
    return controleer_cellen(Blad(naam="CSV", tabel=tabel, kolomletters=letters))


def controleer_open_aanhalingsteken(tabel: pa.Table, scheiding: str) -> None:
    """Refuse a CSV in which a quote that is never closed swallowed the lines after it into one cell: the csv
    reader takes '"zie dossier' up to the next quote, so the records in between vanished without a word (a file
    of 30 trajecten loaded as 5). A cell may hold a line break (Excel quotes those); a line in it that holds at
    least half a record's separators is a record, not text."""
    drempel = max(2, (tabel.num_columns - 1) // 2)
    patroon = rf"[\r\n][^\r\n]*(?:{re.escape(scheiding)}[^\r\n]*){{{drempel}}}"
    for kolom in tabel.columns:
        if not pc.any(pc.match_substring(kolom, "\n")).as_py() and not pc.any(pc.match_substring(kolom, "\r")).as_py():
            continue  # the cheap test first: most files have no line break in any cell
        geslikt = pc.fill_null(pc.match_substring_regex(kolom, patroon), False)
        if pc.any(geslikt).as_py():
            rij = pc.index(geslikt, True).as_py() + 1
            raise Geweigerd(meldingen.OPEN_AANHALINGSTEKEN.format(rij=meldingen.getal(rij)))


@contextlib.contextmanager
def zonder_gc():
    """The cyclic garbage collector paused: it would walk all the records parsed so far again and again (a list
    is a container it tracks), which made 24 million blank lines take three times as long."""
    aan = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aan:
            gc.enable()


def foute_record(tekst: str, scheiding: str) -> int:
    """The number of the record at which the csv reader gives up (read again, one record at a time)."""
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding)
    for nummer in itertools.count(1):
        try:
            next(lezer)
        except (csv.Error, StopIteration):
            return nummer
    raise AssertionError  # unreachable: count() never ends


def kolommen_van(rijen: list[list[str]], breedte: int) -> list[pa.Array]:
    """The columns of a piece of records; a rectangular piece (the usual: Excel writes every separator) goes to
    Arrow in one call and is taken apart there, three times as fast as transposing it in Python."""
    if not breedte:
        return []
    if min(map(len, rijen)) == breedte:
        cellen = tekstkolom(list(itertools.chain.from_iterable(rijen)))
        begin = np.arange(0, len(rijen) * breedte, breedte)
        return [cellen.take(begin + i) for i in range(breedte)]
    return [tekstkolom(list(kolom)) for kolom in itertools.zip_longest(*rijen)]


def tekstkolom(cellen: list[str | None]) -> pa.Array:
    """Cells as Arrow strings, blank (empty, only spaces, or past the end of a short row) as null."""
    kolom = pa.array(cellen, pa.string())  # from a list: ten times as fast as from a tuple
    leeg = pc.or_(pc.equal(pc.binary_length(kolom), 0), pc.utf8_is_space(kolom))
    return pc.if_else(leeg, pa.scalar(None, pa.string()), kolom)


def csv_scheidingsteken(tekst: str) -> str:
    """The separator that splits the first lines into the most equally wide rows."""
    regels = [r for r in tekst[:1_000_000].splitlines()[:40] if r.strip()]

    def score(teken: str) -> int:
        try:
            breedtes = [len(rij) for rij in csv.reader(regels, delimiter=teken)]
        except csv.Error:  # a field past csv's limit: not this separator (csv_records says so if none fits)
            return -1
        meest = max(set(breedtes), key=breedtes.count, default=1)
        return breedtes.count(meest) * (meest - 1) if meest > 1 else 0

    return max(CSV_SEPARATORS, key=score)
