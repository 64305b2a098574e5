"""An Excel copy of a refused file with every wrong cell marked and explained, to fix it at the source.

The copy holds the file's own cells (every sheet, same rows and columns, so 'row 13, column F' in the
error table is cell F13 here too), each wrong cell coloured with a comment saying what is wrong, and a
last sheet 'Fouten' with the whole list. It is rebuilt from the cells as read (for .xlsx, .xls and .csv
alike) rather than edited with openpyxl: that keeps every kind of file the same and takes seconds
instead of minutes for a large export; the price is that the user's formatting is not copied.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import xlsxwriter

from pipelines import meldingen
from pipelines.laden import Controle, Gelezen, kolom_van

FOUTKLEUR = "#FFC000"  # amber: visible on a projector and in print, and not red/green
DATUMTIJD = re.compile(r"^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$")
GETAL = re.compile(r"^-?(0|[1-9]\d{0,14})(\.\d+)?$")  # no leading zeros: those are identifiers


def foutenkopie(bestand: Gelezen, controle: Controle) -> bytes:
    """The .xlsx bytes of the copy; `controle` is the check of `bestand` that found the errors."""
    herkend = controle.herkend
    per_cel: dict[tuple[int, int], list[str]] = {}
    blad = next(b for b in bestand.bladen if b.naam == herkend.blad)
    kolomindex = {letter: i for i, letter in enumerate(blad.kolomletters)}
    for fout in controle.fouten:
        letter = herkend.kolomletters.get(kolom_van(herkend, fout.kolom))
        if letter in kolomindex:
            per_cel.setdefault((fout.rij, kolomindex[letter]), []).append(fout.uitleg)

    uit = io.BytesIO()
    boek = xlsxwriter.Workbook(uit, {"in_memory": True, "strings_to_numbers": False})
    opmaak = {
        "fout": boek.add_format({"bg_color": FOUTKLEUR, "border": 1}),
        "datum": boek.add_format({"num_format": "dd-mm-yyyy"}),
        "datumtijd": boek.add_format({"num_format": "dd-mm-yyyy hh:mm"}),
        "fout_datum": boek.add_format({"bg_color": FOUTKLEUR, "border": 1, "num_format": "dd-mm-yyyy"}),
        "vet": boek.add_format({"bold": True}),
    }
    bezet: set[str] = set()
    for b in bestand.bladen:
        werkblad = boek.add_worksheet(unieke_bladnaam(b.naam, bezet))
        fouten = per_cel if b is blad else {}
        for index, kolom in enumerate(b.tabel.columns):
            # the sheet's column index may skip empty columns: write each into its own letter
            doelkolom = letter_index(b.kolomletters[index])
            for rij_index, waarde in enumerate(kolom.to_pylist()):
                rij = b.eerste_rij + rij_index
                problemen = fouten.get((rij, index))
                if waarde is None and not problemen:
                    continue
                schrijf_cel(werkblad, rij - 1, doelkolom, waarde, problemen, opmaak)
        if b is blad:
            werkblad.activate()
    lijst = boek.add_worksheet(unieke_bladnaam("Fouten", bezet))
    lijst.write_row(0, 0, ["Rij", "Kolom", "Waarde", "Probleem"], opmaak["vet"])
    for i, fout in enumerate(controle.fouten, start=1):
        lijst.write_number(i, 0, fout.rij)
        lijst.write_string(i, 1, fout.kolom)
        lijst.write_string(i, 2, "" if fout.waarde is None else str(fout.waarde))
        lijst.write_string(i, 3, fout.uitleg)
    if controle.aantal_fouten > len(controle.fouten):
        lijst.write_string(len(controle.fouten) + 2, 0, meldingen.KOPIE_INGEKORT.format(
            getoond=meldingen.getal(len(controle.fouten)), aantal=meldingen.getal(controle.aantal_fouten)))
    lijst.set_column(0, 0, 6)
    lijst.set_column(1, 2, 22)
    lijst.set_column(3, 3, 100)
    boek.close()
    return uit.getvalue()


def schrijf_cel(werkblad, rij: int, kolom: int, waarde: str | None, problemen: list[str] | None, opmaak) -> None:
    """One cell as the user had it: real dates as dates, plain numbers as numbers, the rest as text."""
    datum = DATUMTIJD.match(waarde or "")
    if datum:
        moment = dt.datetime(*map(int, datum.groups()))
        soort = "datum" if moment.time() == dt.time(0) else "datumtijd"
        stijl = opmaak["fout_datum"] if problemen else opmaak[soort]
        werkblad.write_datetime(rij, kolom, moment, stijl)
    elif waarde is not None and GETAL.match(waarde):
        werkblad.write_number(rij, kolom, float(waarde), opmaak["fout"] if problemen else None)
    else:
        werkblad.write_string(rij, kolom, waarde or "", opmaak["fout"] if problemen else None)
    if problemen:
        werkblad.write_comment(rij, kolom, "\n".join(problemen), {"author": "Controle", "x_scale": 2.5, "y_scale": 2})


def unieke_bladnaam(naam: str, bezet: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, none of []:*?/\\, unique without regard to case), noted in
    `bezet`: a workbook that already has a sheet 'Fouten' (the copy itself, uploaded again) gets 'Fouten (2)'."""
    basis = re.sub(r"[\[\]:*?/\\]", "_", naam).strip("'") or "Blad"
    kandidaat, volgnummer = basis[:31], 1
    while kandidaat.lower() in bezet:
        volgnummer += 1
        achtervoegsel = f" ({volgnummer})"
        kandidaat = basis[: 31 - len(achtervoegsel)] + achtervoegsel
    bezet.add(kandidaat.lower())
    return kandidaat


def letter_index(letters: str) -> int:
    """'A' -> 0, 'AB' -> 27."""
    index = 0
    for teken in letters:
        index = index * 26 + ord(teken) - 64
    return index - 1
