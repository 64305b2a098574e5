"""Reading an uploaded file into sheets of text cells, by content, never by name.

Every sheet comes back as an Arrow table of strings whose row i is Excel row i + 1 (for CSV: the
record number as Excel would show it), so every later message can name the row the user sees.
Dangerous or broken files are refused here, quickly, with a Dutch message.
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from dataclasses import dataclass

import fastexcel
import pyarrow as pa

from pipelines import meldingen
from pipelines.meldingen import Geweigerd

MAX_BESTAND = int(os.environ.get("PIPELINES_MAX_BESTAND_MB", "50")) * 1_000_000
MAX_UITGEPAKT = int(os.environ.get("PIPELINES_MAX_UITGEPAKT_MB", "400")) * 1_000_000
MAX_VERHOUDING = 200  # honest xlsx sheets compress about 10-30x; zip bombs far more

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
        return [excel_blad(lezer, naam) for naam in lezer.sheet_names]
    except Geweigerd:
        raise
    except Exception as fout:  # calamine reports many kinds of damage; all mean the same to a user
        if "password" in str(fout).lower() or "encrypt" in str(fout).lower():
            raise Geweigerd(meldingen.WACHTWOORD) from fout
        raise Geweigerd(meldingen.KAPOT.format(soort=soort)) from fout


def excel_blad(lezer: fastexcel.ExcelReader, naam: str) -> Blad:
    blad = lezer.load_sheet(naam, header_row=None, dtypes="string", skip_rows=0, whitespace_as_null=True)
    letters = tuple(excel_letter(kolom.absolute_index) for kolom in blad.available_columns())
    tabel = pa.Table.from_batches([blad.to_arrow()]) if blad.width else pa.table({})
    return Blad(naam=naam, tabel=tabel, kolomletters=letters)


def tekst_uit_bytes(inhoud: bytes) -> str:
    if b"\x00" in inhoud[:4096]:
        raise Geweigerd(meldingen.ONBEKEND_TYPE.format(wat=binair_soort(inhoud)))
    if inhoud.startswith(b"\xef\xbb\xbf"):
        return inhoud[3:].decode("utf-8", errors="replace")
    try:
        return inhoud.decode("utf-8")
    except UnicodeDecodeError:
        return inhoud.decode("cp1252", errors="replace")


def binair_soort(inhoud: bytes) -> str:
    if inhoud.startswith(b"%PDF"):
        return "een PDF-bestand"
    if inhoud[:8] in (b"\x89PNG\r\n\x1a\n",) or inhoud[:3] == b"\xff\xd8\xff":
        return "een afbeelding"
    return "een onbekend bestandstype"


def csv_blad(tekst: str) -> Blad:
    if tekst.startswith("%PDF"):
        raise Geweigerd(meldingen.ONBEKEND_TYPE.format(wat="een PDF-bestand"))
    scheiding = csv_scheidingsteken(tekst)
    rijen = list(csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding))
    breedte = max((len(rij) for rij in rijen), default=0)
    kolommen = {
        f"c{i}": pa.array([rij[i] if i < len(rij) and rij[i].strip() else None for rij in rijen], pa.string())
        for i in range(breedte)
    }
    letters = tuple(excel_letter(i) for i in range(breedte))
    return Blad(naam="CSV", tabel=pa.table(kolommen), kolomletters=letters)


def csv_scheidingsteken(tekst: str) -> str:
    """The separator that splits the first lines into the most equally wide rows."""
    regels = [r for r in tekst.splitlines()[:40] if r.strip()]

    def score(teken: str) -> int:
        breedtes = [len(rij) for rij in csv.reader(regels, delimiter=teken)]
        meest = max(set(breedtes), key=breedtes.count, default=1)
        return breedtes.count(meest) * (meest - 1) if meest > 1 else 0

    return max(CSV_SEPARATORS, key=score)
