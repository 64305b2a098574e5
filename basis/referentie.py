"""Reference data: the versioned CSVs under data/reference/ (gemeenten, columns, codes, synonyms).

A beheerder extends synonyms or header spellings by editing these CSVs; no code changes.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "data" / "reference"
SOORTEN = ("kandidaten", "vraag", "afspraken")


def norm_key(text: object) -> str:
    """Matching key: case, accents, spaces and punctuation ignored (same rule as SQL `norm_key`)."""
    decomposed = unicodedata.normalize("NFKD", str(text).lower())
    without_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]", "", without_accents)


@dataclass(frozen=True)
class Kolom:
    soort: str
    kolom: str
    verplicht: str  # "ja", "nee" or a condition in words ("als route extern is")
    type: str
    codelijst: str
    kopjes: tuple[str, ...]
    uitleg: str

    @property
    def altijd_verplicht(self) -> bool:
        return self.verplicht == "ja"

    @property
    def label(self) -> str:
        """The first accepted spelling: what the templates and messages call this column."""
        return self.kopjes[0]


def _rows(name: str) -> list[dict[str, str]]:
    with open(REFERENCE_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def kolommen(soort: str) -> tuple[Kolom, ...]:
    return tuple(
        Kolom(
            soort=row["soort"],
            kolom=row["kolom"],
            verplicht=row["verplicht"],
            type=row["type"],
            codelijst=row["codelijst"],
            kopjes=tuple(k.strip() for k in row["kopjes"].split("|") if k.strip()),
            uitleg=row["uitleg"],
        )
        for row in _rows("kolommen.csv")
        if row["soort"] == soort
    )


@cache
def kopje_naar_kolom(soort: str) -> dict[str, str]:
    """Normalised header spelling -> canonical column, for one kind."""
    return {norm_key(k): kol.kolom for kol in kolommen(soort) for k in (*kol.kopjes, kol.kolom)}


@cache
def persoonskopjes() -> frozenset[str]:
    return frozenset(norm_key(row["kopje"]) for row in _rows("persoonskolommen.csv"))


@cache
def codes() -> tuple[tuple[str, str, str], ...]:
    """(codelijst, code, label) rows."""
    return tuple((r["codelijst"], r["code"], r["label"]) for r in _rows("codes.csv"))


@cache
def synoniemen() -> tuple[tuple[str, str, str], ...]:
    """(codelijst, synoniem, code) rows."""
    return tuple((r["codelijst"], r["synoniem"], r["code"]) for r in _rows("synoniemen.csv"))


def toegestane_codes(codelijst: str) -> list[str]:
    return [code for lijst, code, _ in codes() if lijst == codelijst]


def code_label(codelijst: str, code: str) -> str:
    """The contract's Dutch label of a code (accepted in exports)."""
    return next((label for lijst, c, label in codes() if lijst == codelijst and c == code), code)


@cache
def weergaven() -> dict[tuple[str, str], str]:
    """(codelijst, code) -> the short Dutch name shown on screen and in charts."""
    return {(r["codelijst"], r["code"]): r["weergave"] for r in _rows("codes.csv")}


def code_weergave(codelijst: str, code: str) -> str:
    return weergaven().get((codelijst, code), code)


@cache
def gemeenten() -> tuple[tuple[str, str, str, str], ...]:
    """(gemeentecode, gemeentenaam, arbeidsmarktregio, aliassen) rows."""
    return tuple(
        (r["gemeentecode"], r["gemeentenaam"], r["arbeidsmarktregio"], r["aliassen"])
        for r in _rows(CSV_BESTANDEN["gemeenten"])
    )


CSV_BESTANDEN = {
    "gemeenten": "gemeenten_2026.csv",
    "codes": "codes.csv",
    "synoniemen": "synoniemen.csv",
    "kolommen": "kolommen.csv",
}


def csv_paden(*namen: str) -> dict[str, str]:
    """Paths of reference CSVs by name, as bound parameters for SQL that reads them."""
    return {naam: str(REFERENCE_DIR / CSV_BESTANDEN[naam]) for naam in namen}
