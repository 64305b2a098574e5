"""Data quality and upload history: whose data to trust, who to chase, what an upload did.

One function per question, each over analytics/sql/kwaliteit_*.sql. No Streamlit here. Every question about
uploads or trajecten is asked for a viewer (`wie`) and answers only what toegang.beleid lets that viewer see:
nobody (None) gets GeenToegang, so a page that forgets to ask shows nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from analytics.onderdrukking import MIN_NOEMER, afgeschermd_getal
from analytics.opslag import afgeleid, query
from basis import datumgrenzen, referentie
from toegang import beleid
from toegang.kijker import GeenToegang, Kijker

# the optional fields the analyses use: (column prefix in kwaliteit_volledigheid.sql, label, where it matters)
VELDEN = (
    ("reden_uitval", "Reden uitval", "bij uitgevallen trajecten"),
    ("uitstroom", "Uitstroom", "bij beëindigde trajecten"),
    ("werkgever", "Werkgever", "bij externe trajecten"),
    ("stroom", "Stroom", "bij alle trajecten"),
    ("praktijkverklaring", "Datum praktijkverklaring", "bij afgeronde trajecten"),
)


def ingelogd(wie: Kijker | None) -> Kijker:
    """The viewer, or GeenToegang for nobody (deny by default)."""
    if wie is None:
        raise GeenToegang("Geen gegevens over uploads of trajecten zonder ingelogde gebruiker.")
    return wie


def _per_organisatie(wie: Kijker, organisaties: pd.Series, regel) -> pd.Series:
    """The access rule `regel(wie, organisatie)` for every row, as a boolean mask (also for no rows): asked once per
    organisatie (a national list has 185.000 rows of some hundred organisaties)."""
    antwoord = {o: bool(regel(wie, None if pd.isna(o) else o)) for o in organisaties.unique()}
    return organisaties.map(antwoord).astype(bool)


def uploadgeschiedenis(wie: Kijker | None, db: Path | None = None) -> pd.DataFrame:
    """The uploads this viewer may see (beleid.ziet_upload: the beheerder all, an organisatie its own, others none),
    newest first, with their outcome, warnings, errors and rollback."""
    wie = ingelogd(wie)
    alles = query("kwaliteit_geschiedenis", db=db)
    return alles[_per_organisatie(wie, alles["organisatie"], beleid.ziet_upload)].reset_index(drop=True)


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


def terugdraaigevolg(upload_id: int, wie: Kijker | None, db: Path | None = None) -> Terugdraaigevolg | None:
    """What rolling back this upload undoes; None when there is no such upload or the viewer may not see it."""
    wie = ingelogd(wie)
    antwoord = query("kwaliteit_terugdraai_gevolg", {"upload_id": upload_id}, db=db)
    if antwoord.empty or not beleid.ziet_upload(wie, antwoord["organisatie"].iloc[0]):
        return None
    rij = antwoord.iloc[0].to_dict()
    return Terugdraaigevolg(**{k: (None if pd.isna(v) else v) for k, v in rij.items()})


def aanlevering_per_maand(wie: Kijker | None, db: Path | None = None) -> pd.DataFrame:
    """Per organisatie, kind and month (from its first month to the region's latest): delivered or not. For
    everyone who may open Datakwaliteit: it says who delivers, nothing about trajecten."""
    if not beleid.mag_pagina(ingelogd(wie), "kwaliteit"):
        raise GeenToegang("Datakwaliteit is niet voor deze gebruiker.")
    return query("kwaliteit_aanlevering", datumgrenzen.maandbereik(), db=db)


def aanlevering_per_organisatie(wie: Kijker | None, db: Path | None = None) -> pd.DataFrame:
    """Per organisatie and kind: latest peildatum, first month, months delivered, months missing (and which)."""
    maanden = aanlevering_per_maand(wie, db)
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


def volledigheid(wie: Kijker | None, db: Path | None = None) -> pd.DataFrame:
    """Per organisatie, for each field of VELDEN: `<veld>_noemer` (trajecten where it matters), `<veld>_bekend`
    (of those, with a known value) and `<veld>_aandeel` (bekend / noemer), with `exact`
    (beleid.kwaliteit_exact). Rows that are not exact for this viewer hold no counts (NA): only the share,
    rounded to whole percents and None below MIN_NOEMER trajecten (the counts would say how many trajecten an
    organisation has of a kind)."""
    wie = ingelogd(wie)
    velden = query("kwaliteit_volledigheid", db=db)
    velden["exact"] = _per_organisatie(wie, velden["organisatie"], beleid.kwaliteit_exact)
    for prefix, _, _ in VELDEN:
        noemer, bekend = velden[f"{prefix}_noemer"], velden[f"{prefix}_bekend"]
        velden[f"{prefix}_aandeel"] = [
            None if not n or (not exact and n < MIN_NOEMER) else (b / n if exact else round(b / n, 2))
            for n, b, exact in zip(noemer, bekend, velden["exact"], strict=True)
        ]
        velden[f"{prefix}_noemer"] = noemer.astype("Int64").where(velden["exact"])
        velden[f"{prefix}_bekend"] = bekend.astype("Int64").where(velden["exact"])
    return velden


def ontbrekende_trajecten(wie: Kijker | None, db: Path | None = None) -> pd.DataFrame:
    """Trajecten missing from their organisation's latest export (their last known state still counts), of the
    organisaties whose trajectnummers this viewer may see (beleid.trajectnummers_zichtbaar)."""
    wie = ingelogd(wie)
    alles = query("kwaliteit_ontbrekend", db=db)
    return alles[_per_organisatie(wie, alles["organisatie"], beleid.trajectnummers_zichtbaar)].reset_index(drop=True)


def ontbrekend_per_organisatie(wie: Kijker | None, db: Path | None = None) -> pd.DataFrame:
    """For the other organisaties (whose trajectnummers this viewer may not see): per organisatie how many
    trajecten vanished, protected (1-4 as "<5", more rounded), no numbers."""
    wie = ingelogd(wie)
    alles = query("kwaliteit_ontbrekend", db=db)
    anderen = alles[~_per_organisatie(wie, alles["organisatie"], beleid.trajectnummers_zichtbaar)]
    aantallen = anderen.groupby("organisatie").size()
    return pd.DataFrame({"organisatie": list(aantallen.index),
                         "aantal": [afgeschermd_getal(int(n), False) for n in aantallen]})


def ontbrekende_velden(wie: Kijker | None, db: Path | None = None) -> pd.DataFrame:
    """Per traject of the organisaties whose trajectnummers this viewer may see: the fields of VELDEN that are
    missing where they matter (the rules of kwaliteit_volledigheid.sql). Columns: organisatie, traject_id, status,
    startdatum, ontbrekend (the fields' Dutch labels, comma-separated). Kept per store version and viewer: nationally
    a list of some 185.000 trajecten, made row by row (issue 17: a rerun of Datakwaliteit took 1,3 s for it)."""
    wie = ingelogd(wie)
    return afgeleid("ontbrekende_velden", wie, lambda: _ontbrekende_velden(wie, db), db)


def _ontbrekende_velden(wie: Kijker, db: Path | None) -> pd.DataFrame:
    # the names as the store spells them, each asked of the policy (which compares names as the load does)
    namen = list(query("kwaliteit_volledigheid", db=db)["organisatie"])
    zichtbaar = [o for o in namen if beleid.trajectnummers_zichtbaar(wie, o)]
    antwoord = query("kwaliteit_ontbrekende_velden", {"alle": bool(namen) and zichtbaar == namen,
                                                      "organisaties": zichtbaar}, db=db)
    # asked again per row: an organisatie loaded between the two questions is not in `zichtbaar`, but `alle` is
    antwoord = antwoord[_per_organisatie(wie, antwoord["organisatie"], beleid.trajectnummers_zichtbaar)].reset_index(
        drop=True)
    # the labels per combination of missing fields (at most 2^5), not per row: a national list has 185.000 rows
    vlaggen = antwoord[[f"{prefix}_ontbreekt" for prefix, _, _ in VELDEN]].to_numpy(dtype=bool)
    codes = pd.Series(vlaggen.dot(1 << np.arange(len(VELDEN))), index=antwoord.index)
    antwoord["ontbrekend"] = codes.map({
        code: ", ".join(label for i, (_, label, _) in enumerate(VELDEN) if code >> i & 1) for code in codes.unique()})
    return antwoord[["organisatie", "traject_id", "status", "startdatum", "ontbrekend"]]


def synoniemen_bijgehouden(db: Path | None = None) -> bool:
    return bool(query("kwaliteit_synoniemen_bijgehouden", db=db)["bijgehouden"].iloc[0])


def synoniemen_in_laatste_export(wie: Kijker | None, db: Path | None = None) -> pd.DataFrame:
    """Values that needed a synonym in each organisation's latest export, with the column's Dutch name and `exact`
    (beleid.kwaliteit_exact): the number of rows (`aantal`) only where exact, else None."""
    wie = ingelogd(wie)
    antwoord = query("kwaliteit_synoniemen", db=db)
    labels = {(k.soort, k.kolom): k.label for soort in referentie.SOORTEN for k in referentie.kolommen(soort)}
    antwoord["kolom_label"] = [labels.get((s, k), k) for s, k in zip(antwoord["soort"], antwoord["kolom"], strict=True)]
    antwoord["exact"] = _per_organisatie(wie, antwoord["organisatie"], beleid.kwaliteit_exact)
    antwoord["aantal"] = antwoord["aantal"].astype("Int64").where(antwoord["exact"])
    return antwoord
