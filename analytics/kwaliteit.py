"""Data quality and upload history: whose data to trust, who to chase, what an upload did.

One function per question, each over analytics/sql/kwaliteit_*.sql. No Streamlit here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analytics.opslag import query
from basis import datumgrenzen, referentie

# the optional fields the analyses use: (column prefix in kwaliteit_volledigheid.sql, label, where it matters)
VELDEN = (
    ("reden_uitval", "Reden uitval", "bij uitgevallen trajecten"),
    ("uitstroom", "Uitstroom", "bij beëindigde trajecten"),
    ("werkgever", "Werkgever", "bij externe trajecten"),
    ("stroom", "Stroom", "bij alle trajecten"),
    ("praktijkverklaring", "Datum praktijkverklaring", "bij afgeronde trajecten"),
)


def uploadgeschiedenis(db: Path | None = None) -> pd.DataFrame:
    """Every upload, newest first, with its outcome, warnings, errors and rollback."""
    return query("kwaliteit_geschiedenis", db=db)


@dataclass(frozen=True)
class Terugdraaigevolg:
    """What rolling back one upload undoes (for the confirmation question)."""

    upload_id: int
    soort: str
    organisatie: str
    peildatum: object
    bestandsnaam: str
    rijen: int
    status: str
    geladen_op: object
    geladen_door: str | None
    vervangen_upload: int | None  # kandidaten: the earlier file of the same peildatum that counts again
    vorige_peildatum: object  # kandidaten: the peildatum before this one
    trajecten_nu: int  # kandidaten: trajecten whose current state comes from this upload
    delen_nu: int | None  # vraag: months, afspraken: (gemeente, jaar) pairs counting from this upload
    delen_terug: int | None  # ... of which an earlier upload counts again


def terugdraaigevolg(upload_id: int, db: Path | None = None) -> Terugdraaigevolg | None:
    antwoord = query("kwaliteit_terugdraai_gevolg", {"upload_id": upload_id}, db=db)
    if antwoord.empty:
        return None
    rij = antwoord.iloc[0].to_dict()
    return Terugdraaigevolg(**{k: (None if pd.isna(v) else v) for k, v in rij.items()})


def aanlevering_per_maand(db: Path | None = None) -> pd.DataFrame:
    """Per organisatie, kind and month (from its first month to the region's latest): delivered or not."""
    return query("kwaliteit_aanlevering", datumgrenzen.maandbereik(), db=db)


def aanlevering_per_organisatie(db: Path | None = None) -> pd.DataFrame:
    """Per organisatie and kind: latest peildatum, first month, months delivered, months missing (and which)."""
    maanden = aanlevering_per_maand(db)
    if maanden.empty:
        return pd.DataFrame(
            columns=["organisatie", "soort", "laatste_peildatum", "eerste_maand", "maanden_geleverd",
                     "maanden_ontbrekend", "ontbrekende_maanden"]
        )  # fmt: skip
    groepen = maanden.groupby(["soort", "organisatie"], sort=True)
    return pd.DataFrame(
        {
            "laatste_peildatum": groepen["laatste_peildatum"].max(),
            "eerste_maand": groepen["maand"].min(),
            "maanden_geleverd": groepen["geleverd"].sum().astype(int),
            "maanden_ontbrekend": groepen["geleverd"].apply(lambda g: int((~g).sum())),
            "ontbrekende_maanden": groepen.apply(
                lambda g: list(g.loc[~g["geleverd"], "maand"]), include_groups=False
            ),
        }
    ).reset_index()[["organisatie", "soort", "laatste_peildatum", "eerste_maand", "maanden_geleverd",
                     "maanden_ontbrekend", "ontbrekende_maanden"]]  # fmt: skip


def volledigheid(db: Path | None = None) -> pd.DataFrame:
    """Per organisatie, for each field of VELDEN: `<veld>_noemer` (trajecten where it matters) and
    `<veld>_bekend` (of those, with a known value)."""
    return query("kwaliteit_volledigheid", db=db)


def ontbrekende_trajecten(db: Path | None = None) -> pd.DataFrame:
    """Trajecten missing from their organisation's latest export (their last known state still counts)."""
    return query("kwaliteit_ontbrekend", db=db)


def synoniemen_bijgehouden(db: Path | None = None) -> bool:
    return bool(query("kwaliteit_synoniemen_bijgehouden", db=db)["bijgehouden"].iloc[0])


def synoniemen_in_laatste_export(db: Path | None = None) -> pd.DataFrame:
    """Values that needed a synonym in each organisation's latest export, with the column's Dutch name."""
    antwoord = query("kwaliteit_synoniemen", db=db)
    labels = {(k.soort, k.kolom): k.label for soort in referentie.SOORTEN for k in referentie.kolommen(soort)}
    antwoord["kolom_label"] = [labels.get((s, k), k) for s, k in zip(antwoord["soort"], antwoord["kolom"], strict=True)]
    return antwoord


def ontbrekend_per_organisatie(ontbrekend: pd.DataFrame) -> pd.DataFrame:
    """For others than the beheerder: per organisatie how many trajecten vanished (1-4 as "<5"), no numbers."""
    from analytics.onderdrukking import afgeschermd_getal

    aantallen = ontbrekend.groupby("organisatie").size()
    return pd.DataFrame({"organisatie": aantallen.index,
                         "aantal": [afgeschermd_getal(int(n), False) for n in aantallen]})
