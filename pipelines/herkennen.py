"""Recognising an export: which sheet, which header row, which kind, which columns.

Works on whole Arrow columns; the only Python loops are over the first rows and the columns.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from basis import referentie
from basis.datumgrenzen import maand_einde
from basis.referentie import norm_key
from pipelines import meldingen
from pipelines.lezen import Blad
from pipelines.meldingen import Geweigerd

ZOEK_KOPREGEL_IN = 30
MIN_HERKENDE_KOPJES = 2
ORGANISATIE_KOPJES = frozenset({"organisatie", "organisatienaam", "swbedrijf", "naamorganisatie"})
MAX_KOPJE_TEKENS = meldingen.TEKST_IN_MELDING  # a header as messages show it: real ones are short; longer is cut
KOLOMMEN_IN_WAARSCHUWING = 10  # ignored or personal columns named in a warning; the rest counted


@dataclass
class Herkend:
    """What a file turned out to be, ready for staging: canonical text columns plus `_rij`."""

    soort: str
    blad: str
    tabel: pa.Table  # _rij (int32) + one string column per canonical column of the kind, untrimmed
    kopjes: dict[str, str]  # canonical column -> the header as the user wrote it
    kolomletters: dict[str, str]  # canonical column -> Excel column letter
    organisaties_in_kolom: list[str] = field(default_factory=list)
    organisatie_in_titel: str | None = None
    peildatum_in_bestand: str | None = None
    titeltekst: list[str] = field(default_factory=list)  # the text around the data: title rows, other sheets
    waarschuwingen: list[str] = field(default_factory=list)

    @property
    def volgorde(self) -> dict[str, int]:
        """Header -> its place among the kind's columns: the order errors and column counts are reported in."""
        return {kopje: i for i, kopje in enumerate(self.kopjes.values())}


@dataclass(frozen=True)
class Kandidaat:
    blad: Blad
    rij: int  # index in the sheet of the header row
    soort: str
    kolommen: dict[int, str]  # column index -> canonical column
    compleet: bool


def kopregel_kandidaten(blad: Blad, soorten: tuple[str, ...]) -> list[Kandidaat]:
    """Every (row, kind) in the first rows of a sheet that looks like a header."""
    bovenste = blad.tabel.slice(0, ZOEK_KOPREGEL_IN).to_pylist()
    gevonden = []
    for index, rij in enumerate(bovenste):
        sleutels = [norm_key(v) if v is not None else "" for v in rij.values()]
        for soort in soorten:
            spellingen = referentie.kopje_naar_kolom(soort)
            kolommen = {i: spellingen[s] for i, s in enumerate(sleutels) if s in spellingen}
            if len(kolommen) < MIN_HERKENDE_KOPJES:
                continue
            verplicht = {k.kolom for k in referentie.kolommen(soort) if k.altijd_verplicht}
            compleet = verplicht <= set(kolommen.values())
            gevonden.append(Kandidaat(blad, index, soort, kolommen, compleet))
    return gevonden


def beste_kopregel(bladen: list[Blad], soort: str | None) -> Kandidaat:
    soorten = (soort,) if soort else referentie.SOORTEN
    kandidaten = [k for blad in bladen for k in kopregel_kandidaten(blad, soorten)]
    if not kandidaten:
        raise Geweigerd(meldingen.GEEN_KOPREGEL.format(n=ZOEK_KOPREGEL_IN))
    complete = [k for k in kandidaten if k.compleet]
    if not complete:
        beste = max(kandidaten, key=lambda k: len(k.kolommen))
        raise Geweigerd(*ontbrekende_kolommen(beste))
    bladen_met_kop = sorted({k.blad.naam for k in complete})
    if len(bladen_met_kop) > 1:
        raise Geweigerd(meldingen.TWEE_BLADEN.format(bladen=", ".join(f"'{b}'" for b in bladen_met_kop)))
    hoogste = max(len(k.kolommen) for k in complete)
    beste = [k for k in complete if len(k.kolommen) == hoogste]
    if len({k.soort for k in beste}) > 1:
        raise Geweigerd(meldingen.SOORT_ONDUIDELIJK.format(soorten=" of ".join(sorted({k.soort for k in beste}))))
    return min(beste, key=lambda k: k.rij)


def ontbrekende_kolommen(kandidaat: Kandidaat) -> list[str]:
    aanwezig = set(kandidaat.kolommen.values())
    return [
        meldingen.verplichte_kolom_ontbreekt(k.label, list(k.kopjes[1:]))
        for k in referentie.kolommen(kandidaat.soort)
        if k.altijd_verplicht and k.kolom not in aanwezig
    ]


def herken(bladen: list[Blad], soort: str | None = None) -> Herkend:
    if soort is not None and soort not in referentie.SOORTEN:
        raise Geweigerd(meldingen.ONBEKENDE_SOORT.format(soort=soort))
    kop = beste_kopregel(bladen, soort)
    tabel = kop.blad.tabel
    namen = tabel.column_names
    koprij = tabel.slice(kop.rij, 1).to_pylist()[0]
    kopteksten = [str(koprij[n]).strip() if koprij[n] is not None else "" for n in namen]  # whole, for matching
    getoond = [meldingen.ingekort(tekst, MAX_KOPJE_TEKENS) for tekst in kopteksten]  # as messages carry them
    data = [als_array(kolom) for kolom in tabel.slice(kop.rij + 1).columns]
    eerste_datarij = kop.blad.eerste_rij + kop.rij + 1
    rijnummers = oplopend(eerste_datarij, len(data[0]))

    dubbel = dubbele_kolommen(kop, getoond)
    if dubbel:
        raise Geweigerd(*dubbel)

    houden, waarschuwingen = rijen_houden(data), []
    organisatiekolom = None
    personen, genegeerd = [], []
    for i, tekst in enumerate(kopteksten):
        if i in kop.kolommen:
            continue
        sleutel = norm_key(tekst)
        if sleutel in ORGANISATIE_KOPJES:
            organisatiekolom = data[i]
        elif is_persoonskolom(sleutel):
            personen.append(getoond[i])
        elif tekst:
            genegeerd.append(getoond[i])
        elif pc.any(pc.is_valid(data[i])).as_py():
            genegeerd.append(f"kolom {kop.blad.kolomletters[i]} zonder kopje")
    if personen:
        lijst = meldingen.opsomming(personen, KOLOMMEN_IN_WAARSCHUWING)
        waarschuwingen.append(meldingen.PERSOONSKOLOMMEN.format(kolommen=lijst))
    if genegeerd:
        lijst = meldingen.opsomming(genegeerd, KOLOMMEN_IN_WAARSCHUWING)
        waarschuwingen.append(meldingen.GENEGEERDE_KOLOMMEN.format(kolommen=lijst))

    if pc.all(houden).as_py():  # most exports: no blank and no total row, and a filter copies every column
        houden = None
    kolommen = {"_rij": gehouden(rijnummers, houden)}
    kopjes, letters = {}, {}
    index_van = {kolom: i for i, kolom in kop.kolommen.items()}
    for kolom in referentie.kolommen(kop.soort):
        if kolom.kolom in index_van:
            i = index_van[kolom.kolom]
            kolommen[kolom.kolom] = gehouden(data[i], houden)
            kopjes[kolom.kolom] = getoond[i]
            letters[kolom.kolom] = kop.blad.kolomletters[i]
        else:
            kolommen[kolom.kolom] = pa.nulls(len(kolommen["_rij"]), pa.string())
            kopjes[kolom.kolom] = kolom.label
    resultaat = pa.table(kolommen)
    if resultaat.num_rows == 0:
        raise Geweigerd(meldingen.GEEN_GEGEVENS)
    in_kolom = organisatienamen(gehouden(organisatiekolom, houden)) if organisatiekolom is not None else []
    return Herkend(
        soort=kop.soort,
        blad=kop.blad.naam,
        tabel=resultaat,
        kopjes=kopjes,
        kolomletters=letters,
        organisaties_in_kolom=in_kolom,
        organisatie_in_titel=titelwaarde(kop, "organisatie"),
        peildatum_in_bestand=titelwaarde(kop, "peildatum"),
        titeltekst=titelcellen(kop, [b for b in bladen if b is not kop.blad]),
        waarschuwingen=waarschuwingen,
    )


TOTAALREGEL = r"^\s*((eind|sub|groot)?totaal(en)?|\S.* totaal)\s*:?\s*$"  # Totaal, Eindtotaal, Nijmegen Totaal


def rijen_houden(data: list[pa.Array]) -> pa.Array:
    """Mask of data rows: not blank and not a total row (a total label in one of the first cells).

    Only the total rows themselves are skipped: rows below them are data (or errors) like any other,
    so a werkgever called 'Total ...' or an Excel subtotal in the middle never hides data.
    """
    houden = pc.is_valid(pc.coalesce(*data))
    for kolom in data[:3]:
        if not pc.any(pc.match_substring(kolom, "totaal", ignore_case=True)).as_py():
            continue  # the cheap test first: most exports have no total row at all
        label = pc.match_substring_regex(kolom, TOTAALREGEL, ignore_case=True)
        totaal = pc.and_kleene(label, pc.is_valid(label))  # null -> False
        houden = pc.and_(houden, pc.invert(totaal))
    return houden


def gehouden(kolom: pa.Array, houden: pa.Array | None) -> pa.Array:
    """The rows of `kolom` the mask keeps; None: every row, without a copy."""
    return kolom if houden is None else kolom.filter(houden)


def als_array(kolom: pa.ChunkedArray) -> pa.Array:
    """One array without copying when there is one chunk (combine_chunks always copies)."""
    return kolom.chunk(0) if kolom.num_chunks == 1 else kolom.combine_chunks()


def oplopend(start: int, aantal: int) -> pa.Array:
    """start, start + 1, ...: built from a buffer, because pa.array() imports pandas (0.2 s) to inspect input."""
    nummers = np.arange(start, start + aantal, dtype=np.int32)
    return pa.Array.from_buffers(pa.int32(), aantal, [None, pa.py_buffer(nummers)])


def dubbele_kolommen(kop: Kandidaat, kopteksten: list[str]) -> list[str]:
    per_kolom: dict[str, list[str]] = {}
    for i, kolom in kop.kolommen.items():
        per_kolom.setdefault(kolom, []).append(f"'{kopteksten[i]}'")
    return [
        meldingen.DUBBELE_KOLOM.format(kopjes=" en ".join(kopjes), kolom=kolom)
        for kolom, kopjes in per_kolom.items()
        if len(kopjes) > 1
    ]


def is_persoonskolom(sleutel: str) -> bool:
    return any(sleutel == p or sleutel.startswith(p) for p in referentie.persoonskopjes())


def organisatienamen(kolom: pa.Array) -> list[str]:
    """The distinct names in an Organisatie column."""
    return sorted({n.strip() for n in pc.unique(kolom.drop_null()).to_pylist()} - {""})


def titelwaarde(kop: Kandidaat, woord: str) -> str | None:
    """A value like 'Peildatum: 31-10-2026' in the rows above the header (or in the next cell)."""
    # 'Peildatum: 31-10-2026', 'Peildatum export: 31-10-2026', 'Peildatum 31-10-2026'; not 'Organisatieonderdeel: ...'
    patroon = re.compile(rf"^\s*{woord}\b(?:[^:=]*[:=])?\s*(.*)$", re.IGNORECASE)
    for rij in kop.blad.tabel.slice(0, kop.rij).to_pylist():
        cellen = [str(v).strip() for v in rij.values() if v is not None and str(v).strip()]
        for i, cel in enumerate(cellen):
            gevonden = patroon.match(cel)
            if gevonden and gevonden.group(1).strip():
                return gevonden.group(1).strip()
            if gevonden and i + 1 < len(cellen):
                return cellen[i + 1]
    return None


def titelcellen(kop: Kandidaat, andere: list[Blad]) -> list[str]:
    """The text cells above the data on the header's sheet and in the first rows of the other sheets: where an
    export names who made it ('Trajectoverzicht Werkbedrijf Waalstad', a sheet 'Toelichting'). Never data rows: an
    internal trajecten's werkgever may be an organisation's own name."""
    stukken = [kop.blad.tabel.slice(0, kop.rij), *(b.tabel.slice(0, ZOEK_KOPREGEL_IN) for b in andere)]
    return [str(v).strip() for stuk in stukken for rij in stuk.to_pylist() for v in rij.values()
            if isinstance(v, str) and v.strip()]


def genoemde_organisatie(titeltekst: list[str], bekende: list[str]) -> str | None:
    """The one known organisation the text around the data names (spaces, case and punctuation ignored); a name
    inside a longer known name counts for the longer one only. None when it names none, or more than one."""
    teksten = [norm_key(t) for t in titeltekst]
    genoemd = {naam for naam in bekende if norm_key(naam) and any(norm_key(naam) in t for t in teksten)}
    langste = {n for n in genoemd if not any(n != m and norm_key(n) in norm_key(m) for m in genoemd)}
    return next(iter(langste)) if len(langste) == 1 else None


MAANDEN = {
    "jan": 1, "feb": 2, "mrt": 3, "maa": 3, "apr": 4, "mei": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12,
}


def datum_uit_tekst(tekst: str) -> dt.date | None:
    """A peildatum as people write it, also with words around it: 31-10-2026, 2026-10-31,
    31 oktober 2026, 'oktober 2026' (the last day of that month), an Excel date."""
    tekst = tekst.strip().lower()
    if m := re.fullmatch(r"\d{5}(?:\.0+)?", tekst):
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(float(tekst)))
    if m := re.search(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)", tekst):
        jaar, maand, dag = int(m[1]), int(m[2]), int(m[3])
    elif m := re.search(r"(?<!\d)(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})(?!\d)", tekst):
        dag, maand, jaar = int(m[1]), int(m[2]), int(m[3])
    elif m := re.search(r"(?<!\d)(\d{1,2})[ -]([a-z]{3,})\.?[ -](\d{4})(?!\d)", tekst):
        dag, maand, jaar = int(m[1]), MAANDEN.get(m[2][:3], 0), int(m[3])
    elif m := re.search(r"\b([a-z]{3,})\.?[ -](\d{4})(?!\d)", tekst):
        if m[1][:3] not in MAANDEN:
            return None
        return maand_einde(int(m[2]), MAANDEN[m[1][:3]])
    else:
        return None
    try:
        return dt.date(jaar, maand, dag)
    except ValueError:
        return None


def peildatum_uit_bestandsnaam(naam: str) -> dt.date | None:
    """2026-10, 2026_10 or 202610 in a file name: the last day of that month; 20261031: that day."""
    gevonden = re.search(r"(?<!\d)(20\d{2})[-_]?(0[1-9]|1[0-2])(?:[-_]?(0[1-9]|[12]\d|3[01]))?(?!\d)", naam)
    if not gevonden:
        return None
    jaar, maand = int(gevonden[1]), int(gevonden[2])
    if gevonden[3]:  # a whole date in the name: 20261031, 2026-10-31
        try:
            return dt.date(jaar, maand, int(gevonden[3]))
        except ValueError:
            return None
    return maand_einde(jaar, maand)
