"""The follow-up list as a user reads it: one row per traject, the reason in words."""

from __future__ import annotations

import pandas as pd

from analytics.beschermd import Beschermd
from analytics.opvolging import Opvolglijst, Reden
from analytics.uitval import VROEG
from weergave import formaat

KOLOMMEN = {
    "traject_id": "Trajectnummer",
    "organisatie": "Organisatie",
    "startdatum": "Startdatum",
    "maanden": "Maanden sinds start",
    "werkgever": "Werkgever",
    "praktijkopleider": "Praktijkopleider",
}
KOP = {"werkgever": "Werkgever", "praktijkopleider": "Praktijkopleider"}


def trajecten_tekst(n: int) -> str:
    return f"{formaat.getal(n)} {'traject' if n == 1 else 'trajecten'}"


def reden_tekst(reden: Reden, gemiddelde) -> str:
    """"Werkgever X: 5 van 12 trajecten vielen in de eerste 3 maanden uit (41,7%; gemiddeld 15,3%)"; for a werkgever
    whose trajecten are partly another organisation's: without its counts, with the viewer's own there."""
    kop = f"{KOP[reden.soort]} {reden.naam}"
    if reden.trajecten is not None:
        return (f"{kop}: {formaat.getal(reden.uitval)} van {trajecten_tekst(reden.trajecten)} {vielen(reden.uitval)} "
                f"in de eerste {VROEG} maanden uit ({formaat.percentage(reden.aandeel)}; gemiddeld "
                f"{gemiddelde_tekst(gemiddelde)})")
    eigen = (f"van uw eigen {trajecten_tekst(reden.eigen_trajecten)} daar {vielen(reden.eigen_uitval)} er "
             f"{formaat.getal(reden.eigen_uitval)} in de eerste {VROEG} maanden uit "
             f"({formaat.percentage(reden.eigen_aandeel)})" if reden.eigen_trajecten else
             f"van uw eigen trajecten daar is er nog geen {VROEG} maanden te volgen")
    return (f"{kop}: duidelijk meer uitval in de eerste {VROEG} maanden dan gemiddeld "
            f"({gemiddelde_tekst(gemiddelde)}), over de trajecten van alle organisaties; {eigen}")


def gemiddelde_tekst(gemiddelde) -> str:
    """"15,3%" exactly; "ongeveer 15%" as shown to others (rounded to 5 percentage points)."""
    return f"{'ongeveer ' if isinstance(gemiddelde, Beschermd) else ''}{formaat.percentage(gemiddelde)}"


def vielen(n: int) -> str:
    return "viel" if n == 1 else "vielen"


def vanwege(redenen: list[Reden]) -> str:
    """The short reason for the table on screen: "werkgever", "praktijkopleider" or both."""
    return " en ".join(r.soort for r in redenen)


def opvolgtabel(lijst: Opvolglijst, volledig: bool = True) -> pd.DataFrame:
    """The table: the columns of KOLOMMEN and, for the downloads (`volledig`), Reden (the reasons in words, joined by
    '; '); on screen (not `volledig`) Vanwege (werkgever, praktijkopleider or both: the words are under the table,
    once per name, rather than cut off in a cell)."""
    df = lijst.trajecten
    tabel = df[list(KOLOMMEN)].rename(columns=KOLOMMEN).astype({"Werkgever": object, "Praktijkopleider": object})
    for kolom in ("Werkgever", "Praktijkopleider"):  # no name: an empty cell ("–"), not NaN
        tabel[kolom] = tabel[kolom].where(tabel[kolom].notna(), None)
    tabel["Maanden sinds start"] = tabel["Maanden sinds start"].astype(int)
    if volledig:
        tabel["Reden"] = ["; ".join(reden_tekst(r, lijst.gemiddelde) for r in redenen) for redenen in df["redenen"]]
    else:
        tabel["Vanwege"] = [vanwege(redenen) for redenen in df["redenen"]]
    return tabel.reset_index(drop=True)


def redenen_per_naam(lijst: Opvolglijst) -> list[str]:
    """Each werkgever and praktijkopleider on the list once, its reason in words: werkgevers first, then by name."""
    gezien: dict[tuple[str, str, str], str] = {}
    for redenen, organisatie in zip(lijst.trajecten["redenen"], lijst.trajecten["organisatie"], strict=True):
        for r in redenen:
            sleutel = (r.soort, r.naam, organisatie if r.soort == "praktijkopleider" else "")
            gezien.setdefault(sleutel, reden_tekst(r, lijst.gemiddelde))
    return [gezien[k] for k in sorted(gezien, key=lambda k: (k[0] != "werkgever", k[1].casefold(), k[2]))]
