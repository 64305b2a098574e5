"""Benchmark: what the protection of small numbers costs, and whether it ever misleads (issue 13, point 2).

On the demo store, for a viewer who does not own the numbers (the regio, and the beheerder in the
presentatiemodus), against the beheerder's exact numbers, over the figures the meeting pages show (overzicht,
per gemeente, instroom t.o.v. afspraak, sectorvergelijking, uitval per cohort, redenen van uitval, vraag en
aanbod), these designs are measured on the same cells:

- huidig: the read side as it is (`analytics.beschermd.Beschermd`: counts rounded cumulatively, shares from the
  exact ratio, conclusions decided from the ranges);
- celsleutel: the cell key method (`analytics.celsleutel`), computed here from the records of the store, with 0
  shown as 0 (as ABS does); celsleutel_nul: the same with 0 hidden as "<5" too (as the read side does);
- oud: the design before: the same counts, shares as the ratio of two shown counts and conclusions drawn from the
  shown numbers as if they were exact.

Per figure: the cells that hold a number for the beheerder, how many of them the viewer sees as a number, the
mean and largest error of the shown counts and percentages, and the conclusions (op koers/achter, gedekt, an
order, the direction of a change): how many are wrong for the exact numbers (must be 0), and how many say
"niet te bepalen" (the price of honesty). `verschuiving` measures what differencing across periods gives away.

    .venv/bin/python -m bench.bench_afscherming --db data/demo.duckdb [--uit bench/out/afscherming.md]
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
SQL_DIR = Path(__file__).resolve().parent / "sql"
ZOUT = "bench-afscherming"  # the salt of the record keys (a real deployment keeps its own secret)
ONTWERPEN = ("huidig", "celsleutel", "celsleutel_nul", "oud")
TOTAAL = "(totaal)"
NAAR_WERK = "(naar werk)"


# --- the figures: exact, as shown now, and counted from the records with their cell keys -----------------------


@dataclass
class Figuur:
    """One table a meeting page shows, for one viewer: the beheerder's numbers (`exact`), the viewer's as the read
    side returns them (`beschermd`), and per count cell its key under the cell key method (`sleutels`), one row per
    row key. `tellingen`: count columns (also helpers such as a total); `aandelen`: share -> (teller, noemer);
    `procenten`: a percentage derived from one count -> (count, divisor column); `gemeten`: the columns whose
    cells the page shows (helpers and last year's numbers behind a change are not counted); `richtingen`: pairs
    (now, before) whose change the page shows with an arrow."""

    naam: str
    exact: pd.DataFrame
    beschermd: pd.DataFrame
    sleutels: pd.DataFrame
    tellingen: tuple[str, ...]
    gemeten: tuple[str, ...]
    aandelen: dict[str, tuple[str, str]] = field(default_factory=dict)
    procenten: dict[str, tuple[str, str]] = field(default_factory=dict)
    richtingen: tuple[tuple[str, str], ...] = ()
    stand: bool = False  # instroom t.o.v. afspraak: op koers / achter per row
    gedekt: bool = False  # vraag en aanbod: gedekt per row
    volgorde: str = ""  # the column whose order the page states (the Pareto of redenen)
    huidig_verschil: dict[str, pd.Series] = field(default_factory=dict)  # the read side's own changes


def bench_sql(naam: str) -> str:
    return (SQL_DIR / f"{naam}.sql").read_text(encoding="utf-8")


def records(sqlnaam: str, **parameters) -> pd.DataFrame:
    """The rows of bench/sql/<sqlnaam>.sql on the store (DASHBOARD_DB), with the read side's macros."""
    from analytics.opslag import db_pad, sql
    from basis.opslag import leesverbinding

    with leesverbinding(db_pad()) as con:
        con.execute(sql("selectie"))
        uit = con.execute(bench_sql(sqlnaam), {"zout": ZOUT, **parameters}).df()
    for kolom in ("startdatum", "einddatum", "praktijkverklaring_op"):
        if kolom in uit:
            uit[kolom] = pd.to_datetime(uit[kolom])
    return uit


def tussen(datums: pd.Series, van: dt.date, tot: dt.date) -> pd.Series:
    return (datums >= pd.Timestamp(van)) & (datums <= pd.Timestamp(tot))


def geteld(rec: pd.DataFrame, groep: pd.Series, maskers: dict[str, pd.Series], index: pd.Index,
           personen: dict[str, pd.Series] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per row key (`groep` per record; the row TOTAAL counts every record) and count: the count and its cell key
    (the sum of its records' keys modulo 1). `personen`: counts of distinct kandidaten (their own keys)."""
    aantallen, sleutels = {}, {}
    soorten = [(naam, masker, False) for naam, masker in maskers.items()]
    soorten += [(naam, masker, True) for naam, masker in (personen or {}).items()]
    for naam, masker, per_persoon in soorten:
        deel = rec[masker.to_numpy(bool)].assign(_groep=groep[masker.to_numpy(bool)].to_numpy())
        deel = pd.concat([deel[deel["_groep"] != TOTAAL], deel.assign(_groep=TOTAAL)])
        kolom = "persoon" if per_persoon else "sleutel"
        if per_persoon:
            deel = deel.drop_duplicates(["_groep", "organisatie", "persoon"])
        per_groep = deel.groupby("_groep")[kolom]
        aantallen[naam] = per_groep.size().reindex(index, fill_value=0)
        sleutels[naam] = (per_groep.sum() % 1.0).reindex(index, fill_value=0.0)
    return pd.DataFrame(aantallen, index=index), pd.DataFrame(sleutels, index=index)


def controleer(naam: str, exact: pd.DataFrame, aantallen: pd.DataFrame) -> None:
    """The counts from the records must be the beheerder's: else the cell keys belong to other cells."""
    for kolom in aantallen.columns:
        verschil = exact[kolom].astype(float) != aantallen[kolom].astype(float)
        if verschil.any():
            raise AssertionError(f"{naam}, {kolom}: uit de records {aantallen.loc[verschil, kolom].to_dict()}, "
                                 f"de leeskant {exact.loc[verschil, kolom].to_dict()}")


def met_vorig(frame: pd.DataFrame, vorig: pd.DataFrame) -> pd.DataFrame:
    return pd.concat([frame, vorig.add_suffix("_vorig")], axis=1)


KENGETAL_TELLINGEN = ("instroom", "unieke_kandidaten", "lopend", "uitval12_teller", "uitval12_noemer",
                      "praktijkverklaringen", "uitstroom_werk", "beeindigd")
KENGETAL_AANDELEN = {"uitval_12": ("uitval12_teller", "uitval12_noemer"), "aandeel_werk": ("uitstroom_werk",
                                                                                            "beeindigd")}


def kengetal_maskers(rec: pd.DataFrame, van: dt.date, tot: dt.date) -> tuple[dict, dict]:
    """The records each count of kengetallen.sql counts over a period (and the kandidaten of unieke_kandidaten)."""
    gestart = tussen(rec["startdatum"], van, tot)
    volgbaar = gestart & rec["volgbaar_12"]
    geeindigd = tussen(rec["einddatum"], van, tot)
    return {
        "instroom": gestart,
        "lopend": rec["lopend"],
        "uitval12_noemer": volgbaar,
        "uitval12_teller": volgbaar & rec["uitval_binnen_12"],
        "praktijkverklaringen": tussen(rec["praktijkverklaring_op"], van, tot),
        "beeindigd": rec["geeindigd"] & geeindigd,
        "uitstroom_werk": geeindigd & rec["uitstroom_werk"],
    }, {"unieke_kandidaten": gestart}


def als_rij(kengetallen) -> pd.DataFrame:
    """The overzicht's numbers (a `Kengetallen`) as a table of one row."""
    return pd.DataFrame([vars(kengetallen)], index=[TOTAAL], dtype=object)


def kengetallen_figuur(naam: str, van: dt.date, tot: dt.date, kijker, rec: pd.DataFrame) -> Figuur:
    """The overzicht's tiles, with the change against the same period a year earlier."""
    from analytics.filters import Filters
    from analytics.kengetallen import kengetallen
    from toegang.kijker import Kijker

    exact_f = Filters(van, tot, kijker=Kijker("beheer@x.nl", "beheerder"))
    beschermd_f = Filters(van, tot, kijker=kijker)
    exact = met_vorig(als_rij(kengetallen(exact_f)), als_rij(kengetallen(exact_f.jaar_eerder())))
    beschermd = met_vorig(als_rij(kengetallen(beschermd_f)), als_rij(kengetallen(beschermd_f.jaar_eerder())))
    index = exact.index
    groep = pd.Series(TOTAAL, index=rec.index)
    delen = [geteld(rec, groep, *kengetal_maskers(rec, f.van, f.tot)[:1], index,
                    kengetal_maskers(rec, f.van, f.tot)[1]) for f in (exact_f, exact_f.jaar_eerder())]
    aantallen = met_vorig(delen[0][0], delen[1][0])
    controleer(naam, exact, aantallen)
    vorig = {f"{a}_vorig": (f"{t}_vorig", f"{n}_vorig") for a, (t, n) in KENGETAL_AANDELEN.items()}
    return Figuur(naam, exact, beschermd, met_vorig(delen[0][1], delen[1][1]),
                  tellingen=(*KENGETAL_TELLINGEN, *(f"{t}_vorig" for t in KENGETAL_TELLINGEN)),
                  gemeten=(*KENGETAL_TELLINGEN, *KENGETAL_AANDELEN), aandelen={**KENGETAL_AANDELEN, **vorig},
                  richtingen=tuple((k, f"{k}_vorig") for k in ("instroom", "praktijkverklaringen", "uitstroom_werk",
                                                               "uitval_12")))


def per_gemeente_figuur(naam: str, van: dt.date, tot: dt.date, kijker, rec: pd.DataFrame) -> Figuur:
    from analytics.filters import Filters
    from analytics.kengetallen import kengetallen_per_gemeente
    from toegang.kijker import Kijker

    exact = kengetallen_per_gemeente(Filters(van, tot, kijker=Kijker("beheer@x.nl", "beheerder")))
    exact = exact.set_index("gemeentecode")
    beschermd = kengetallen_per_gemeente(Filters(van, tot, kijker=kijker)).set_index("gemeentecode")
    maskers, personen = kengetal_maskers(rec, van, tot)
    aantallen, sleutels = geteld(rec, rec["gemeentecode"], maskers, exact.index, personen)
    controleer(naam, exact, aantallen)
    return Figuur(naam, exact, beschermd.reindex(exact.index), sleutels, tellingen=KENGETAL_TELLINGEN,
                  gemeten=(*KENGETAL_TELLINGEN, *KENGETAL_AANDELEN), aandelen=KENGETAL_AANDELEN)


def afspraak_figuur(naam: str, jaar: int, peildatum: dt.date, kijker, rec: pd.DataFrame) -> Figuur:
    """Instroom t.o.v. afspraak (without sector or doelgroep filter: the general agreements, the whole gemeente)."""
    from analytics.filters import Filters
    from analytics.kengetallen import instroom_tegen_afspraak
    from analytics.perioden import laatste_volledige_maand
    from toegang.kijker import Kijker

    van = dt.date(jaar, 1, 1)
    tot = min(laatste_volledige_maand(peildatum), dt.date(jaar, 12, 31))
    exact = instroom_tegen_afspraak(Filters(van, tot, kijker=Kijker("beheer@x.nl", "beheerder")), jaar, peildatum)
    beschermd = instroom_tegen_afspraak(Filters(van, tot, kijker=kijker), jaar, peildatum)
    exact, beschermd = exact.set_index("gemeentecode"), beschermd.set_index("gemeentecode")
    gestart = tussen(rec["startdatum"], van, tot)
    aantallen, sleutels = geteld(rec, rec["gemeentecode"], {"instroom": gestart}, exact.index,
                                 {"unieke_kandidaten": gestart})
    controleer(naam, exact, aantallen)
    return Figuur(naam, exact, beschermd.reindex(exact.index), sleutels, tellingen=("instroom", "unieke_kandidaten"),
                  gemeten=("instroom", "unieke_kandidaten", "van_afspraak_naar_rato"),
                  procenten={"van_afspraak_naar_rato": ("instroom", "afspraak_pro_rata")}, stand=True)


SECTOR_TELLINGEN = ("instroom", "lopend", "praktijkverklaringen", "uitstroom_werk", "uitval6_teller",
                    "uitval6_noemer", "beeindigd")
SECTOR_AANDELEN = {"uitval6": ("uitval6_teller", "uitval6_noemer"), "aandeel_werk": ("uitstroom_werk", "beeindigd")}


def sector_maskers(rec: pd.DataFrame, van: dt.date, tot: dt.date) -> dict[str, pd.Series]:
    gestart = tussen(rec["startdatum"], van, tot)
    volgbaar = gestart & rec["volgbaar_6"]
    geeindigd = tussen(rec["einddatum"], van, tot)
    return {"instroom": gestart, "uitval6_noemer": volgbaar, "uitval6_teller": volgbaar & rec["uitval_binnen_6"],
            "praktijkverklaringen": tussen(rec["praktijkverklaring_op"], van, tot),
            "beeindigd": rec["geeindigd"] & geeindigd, "uitstroom_werk": geeindigd & rec["uitstroom_werk"]}


def sector_figuur(naam: str, halfjaar, eerste_start: dt.date, kijker, rec: pd.DataFrame) -> Figuur:
    """The sectorvergelijking of a half year against the one before, with its changes."""
    from analytics.filters import Filters
    from analytics.sectoren import sectorvergelijking
    from toegang.kijker import Kijker

    def opgezocht(kijker_) -> pd.DataFrame:
        tabel = sectorvergelijking(Filters(halfjaar.van, halfjaar.tot, kijker=kijker_), halfjaar, eerste_start)
        return tabel.set_index(tabel["sector"].where(~tabel["totaal"].astype(bool), TOTAAL).rename("rij"))

    exact, beschermd = opgezocht(Kijker("beheer@x.nl", "beheerder")), opgezocht(kijker)
    delen = []
    for deel in (halfjaar, halfjaar.vorige()):
        aantallen, sleutels = geteld(rec, rec["sector"], sector_maskers(rec, deel.van, deel.tot), exact.index)
        lopend = records("lopend_op_records", op_datum=deel.tot)
        la, ls = geteld(lopend, lopend["sector"], {"lopend": pd.Series(True, index=lopend.index)}, exact.index)
        delen.append((pd.concat([aantallen, la], axis=1), pd.concat([sleutels, ls], axis=1)))
    aantallen = met_vorig(delen[0][0], delen[1][0])
    controleer(naam, exact, aantallen)
    vorig = {f"{a}_vorig": (f"{t}_vorig", f"{n}_vorig") for a, (t, n) in SECTOR_AANDELEN.items()}
    namen = ("instroom", "lopend", "praktijkverklaringen", "uitstroom_werk", "uitval6", "aandeel_werk")
    return Figuur(naam, exact, beschermd.reindex(exact.index), met_vorig(delen[0][1], delen[1][1]),
                  tellingen=(*SECTOR_TELLINGEN, *(f"{t}_vorig" for t in SECTOR_TELLINGEN)),
                  gemeten=(*SECTOR_TELLINGEN, *(f"{t}_vorig" for t in SECTOR_TELLINGEN), *SECTOR_AANDELEN, *vorig),
                  aandelen={**SECTOR_AANDELEN, **vorig}, richtingen=tuple((n, f"{n}_vorig") for n in namen),
                  huidig_verschil={n: beschermd[f"{n}_verschil"].reindex(exact.index) for n in namen})


COHORT_TELLINGEN = ("instroom", "uitval", "lopend", "rest", "te_volgen_3", "uitval_3", "te_volgen_6", "uitval_6",
                    "te_volgen_12", "uitval_12", "uitval_3_van_te_volgen_12")
COHORT_AANDELEN = {"aandeel_uitval": ("uitval", "instroom"), "aandeel_lopend": ("lopend", "instroom"),
                   **{f"aandeel_uitval_{n}": (f"uitval_{n}", f"te_volgen_{n}") for n in (3, 6, 12)},
                   "aandeel_vroeg_van_12": ("uitval_3_van_te_volgen_12", "uitval_12")}


def cohort_figuur(naam: str, van: dt.date, tot: dt.date, per: str, kijker, rec: pd.DataFrame) -> Figuur:
    from analytics.filters import Filters
    from analytics.uitval import uitval_per_cohort
    from toegang.kijker import Kijker

    def opgezocht(kijker_) -> pd.DataFrame:
        tabel = uitval_per_cohort(Filters(van, tot, kijker=kijker_), per)
        rij = tabel["cohort"].dt.strftime("%Y-%m-%d").where(~tabel["is_totaal"].astype(bool), TOTAAL)
        return tabel.set_index(rij.rename("rij"))

    exact, beschermd = opgezocht(Kijker("beheer@x.nl", "beheerder")), opgezocht(kijker)
    gestart = tussen(rec["startdatum"], van, tot)
    cohort = rec["startdatum"].dt.to_period("Y" if per == "jaar" else "Q").dt.start_time.dt.strftime("%Y-%m-%d")
    maskers = {"instroom": gestart, "uitval": gestart & rec["uitval"], "lopend": gestart & rec["status_lopend"],
               "rest": gestart & ~rec["uitval"] & ~rec["status_lopend"]}
    for n in (3, 6, 12):
        maskers[f"te_volgen_{n}"] = gestart & rec[f"volgbaar_{n}"]
        maskers[f"uitval_{n}"] = maskers[f"te_volgen_{n}"] & rec[f"uitval_binnen_{n}"]
    maskers["uitval_3_van_te_volgen_12"] = maskers["te_volgen_12"] & rec["uitval_binnen_3"]
    aantallen, sleutels = geteld(rec, cohort, maskers, exact.index)
    controleer(naam, exact, aantallen)
    return Figuur(naam, exact, beschermd.reindex(exact.index), sleutels, tellingen=COHORT_TELLINGEN,
                  gemeten=(*COHORT_TELLINGEN, *COHORT_AANDELEN), aandelen=COHORT_AANDELEN)


def redenen_figuur(naam: str, van: dt.date, tot: dt.date, kijker, rec: pd.DataFrame) -> Figuur:
    """The Pareto of redenen: per reden its uitval and share of all uitval, the total and the early exits to paid
    work as rows of their own; `totaal` (the shares' noemer) as a helper column on every row."""
    from analytics.filters import Filters
    from analytics.uitval import redenen_uitval
    from toegang.kijker import Kijker

    def opgezocht(kijker_) -> pd.DataFrame:
        r = redenen_uitval(Filters(van, tot, kijker=kijker_))
        tabel = r.pareto.set_index("reden")[["aantal", "aandeel"]]
        extra = pd.DataFrame({"aantal": [r.totaal, r.naar_werk], "aandeel": [None, None]}, index=[TOTAAL, NAAR_WERK])
        tabel = pd.concat([tabel.astype(object), extra.astype(object)])
        tabel["totaal"] = [r.totaal] * len(tabel)
        return tabel

    exact, beschermd = opgezocht(Kijker("beheer@x.nl", "beheerder")), opgezocht(kijker)
    exact["aandeel"] = exact["aandeel"].astype(float)
    uitgevallen = tussen(rec["startdatum"], van, tot) & rec["uitgevallen"]
    groep = rec["reden"].where(rec["uitval"], NAAR_WERK)
    aantallen, sleutels = geteld(rec, groep, {"aantal": uitgevallen}, exact.index)
    # the total is all uitval, without the early exits to paid work
    totaal_aantal, totaal_sleutel = geteld(rec, groep, {"aantal": uitgevallen & rec["uitval"]}, pd.Index([TOTAAL]))
    aantallen.loc[TOTAAL], sleutels.loc[TOTAAL] = totaal_aantal.loc[TOTAAL], totaal_sleutel.loc[TOTAAL]
    sleutels["totaal"] = totaal_sleutel.at[TOTAAL, "aantal"]
    controleer(naam, exact[["aantal"]], aantallen)
    return Figuur(naam, exact, beschermd.reindex(exact.index), sleutels, tellingen=("aantal", "totaal"),
                  gemeten=("aantal", "aandeel"), aandelen={"aandeel": ("aantal", "totaal")}, volgorde="aantal")


def vraag_figuur(naam: str, van: dt.date, tot: dt.date, kijker, rec: pd.DataFrame) -> Figuur:
    from analytics.filters import Filters
    from analytics.vraag import vraag_en_aanbod, vraagvenster
    from toegang.kijker import Kijker

    venster = vraagvenster(Filters(van, tot, kijker=kijker))

    def opgezocht(kijker_) -> pd.DataFrame:
        tabel = vraag_en_aanbod(Filters(van, tot, kijker=kijker_), venster)
        return tabel.set_index(tabel["sector"].fillna("").rename("rij"))

    exact, beschermd = opgezocht(Kijker("beheer@x.nl", "beheerder")), opgezocht(kijker)
    gestart = tussen(rec["startdatum"], venster.eerste, venster.einde)
    aantallen, sleutels = geteld(rec, rec["sector"], {"instroom": gestart}, exact.index)
    controleer(naam, exact, aantallen)
    return Figuur(f"{naam} ({venster.eerste:%m-%Y} t/m {venster.laatste:%m-%Y})", exact,
                  beschermd.reindex(exact.index), sleutels, tellingen=("instroom",), gemeten=("instroom",),
                  gedekt=True)


def figuren(kijker) -> list[Figuur]:
    """Every figure of the meeting pages for this viewer, on the store DASHBOARD_DB: the default period (dit jaar
    tot nu) and vorig jaar where the page has a period, the last complete half year for the sectoren."""
    from analytics.kengetallen import periode_grenzen
    from analytics.perioden import periode_van
    from analytics.sectoren import halfjaren

    eerste, peildatum = periode_grenzen()
    rec = records("trajecten_records")
    perioden = {naam: periode_van(keuze, peildatum) for naam, keuze in
                (("dit jaar tot nu", "Dit jaar tot nu"), ("vorig jaar", "Vorig jaar"))}
    uit = []
    for naam, (van, tot) in perioden.items():
        uit.append(kengetallen_figuur(f"Kengetallen, {naam}", van, tot, kijker, rec))
        uit.append(per_gemeente_figuur(f"Per gemeente, {naam}", van, tot, kijker, rec))
    for jaar in (peildatum.year, peildatum.year - 1):
        uit.append(afspraak_figuur(f"Instroom t.o.v. afspraak {jaar}", jaar, peildatum, kijker, rec))
    halfjaar = halfjaren(eerste, peildatum)[0]
    uit.append(sector_figuur(f"Sectorvergelijking {halfjaar.jaar}-{halfjaar.helft}", halfjaar, eerste, kijker, rec))
    for naam, (van, tot) in perioden.items():
        for per in ("kwartaal", "jaar"):
            uit.append(cohort_figuur(f"Uitval per cohort ({per}), {naam}", van, tot, per, kijker, rec))
        uit.append(redenen_figuur(f"Redenen van uitval, {naam}", van, tot, kijker, rec))
    for naam, (van, tot) in perioden.items():
        uit.append(vraag_figuur(f"Vraag en aanbod, {naam}", van, tot, kijker, rec))
    return uit


# --- the designs: what each shows for every cell ---------------------------------------------------------------


def verborgen(waarde: object) -> bool:
    from analytics.beschermd import getoond

    return getoond(waarde) is None


def exact_getal(waarde: object) -> float:
    return math.nan if waarde is None or pd.isna(waarde) else float(waarde)


def huidig(fig: Figuur) -> pd.DataFrame:
    """The read side as it is."""
    return fig.beschermd


def oud(fig: Figuur) -> pd.DataFrame:
    """The design before: the counts as shown now, taken as exact numbers; a share is the ratio of the two shown
    counts (shown when both are and its noemer is at least 10); a derived percentage the shown count over its
    divisor."""
    from analytics.beschermd import getoond
    from analytics.onderdrukking import percentage_zichtbaar

    uit = fig.beschermd.copy()
    for kolom in fig.tellingen:
        uit[kolom] = [w if verborgen(w) else getoond(w) for w in fig.beschermd[kolom]]
    for kolom, (teller, noemer) in fig.aandelen.items():
        uit[kolom] = [None if verborgen(t) or verborgen(n) or not getoond(n) or pd.isna(e)
                      or not percentage_zichtbaar(exact_getal(et), exact_getal(en), False) else getoond(t) / getoond(n)
                      for t, n, e, et, en in zip(uit[teller], uit[noemer], fig.exact[kolom], fig.exact[teller],
                                                 fig.exact[noemer], strict=True)]
    for kolom, (teller, deler) in fig.procenten.items():
        uit[kolom] = [None if verborgen(t) or pd.isna(d) or not d else getoond(t) / d
                      for t, d in zip(uit[teller], fig.exact[deler], strict=True)]
    return uit


def celsleutel(fig: Figuur, nul_tonen: bool = True) -> pd.DataFrame:
    """The cell key method: every count perturbed by its cell's noise ("<5" for 1 to 4, and for 0 unless
    `nul_tonen`); a share the ratio of the two perturbed counts (shown under the read side's rule: noemer at least
    10, teller not hidden); a derived percentage the perturbed count over its divisor."""
    from analytics import celsleutel as ck
    from analytics.beschermd import geschaald
    from analytics.onderdrukking import drempel, percentage_zichtbaar

    uit = fig.beschermd.copy()
    for kolom in fig.tellingen:
        uit[kolom] = [None if pd.isna(e) else ck.verstoord(int(e), float(s), drempel(), nul_tonen)
                      for e, s in zip(fig.exact[kolom], fig.sleutels[kolom], strict=True)]
    for kolom, (teller, noemer) in fig.aandelen.items():
        uit[kolom] = [None if pd.isna(e) or not percentage_zichtbaar(exact_getal(et), exact_getal(en), False)
                      else ck.aandeel_verstoord(t, n)
                      for t, n, e, et, en in zip(uit[teller], uit[noemer], fig.exact[kolom], fig.exact[teller],
                                                 fig.exact[noemer], strict=True)]
    for kolom, (teller, deler) in fig.procenten.items():
        uit[kolom] = [None if t is None or t.verborgen or pd.isna(d) or not d else geschaald(t, 1 / d, aandeel=True)
                      for t, d in zip(uit[teller], fig.exact[deler], strict=True)]
    return uit


TONEN: dict[str, Callable[[Figuur], pd.DataFrame]] = {
    "huidig": huidig, "celsleutel": celsleutel, "celsleutel_nul": lambda fig: celsleutel(fig, nul_tonen=False),
    "oud": oud}


# --- the measures --------------------------------------------------------------------------------------------


@dataclass
class Meting:
    """One figure under one design."""

    figuur: str
    cellen: int = 0
    getoond: int = 0
    fouten_aantal: list[float] = field(default_factory=list)
    fouten_procent: list[float] = field(default_factory=list)  # in percentage points
    conclusies: int = 0
    fout: int = 0
    niet_te_bepalen: int = 0
    verborgen: int = 0
    foute: list[str] = field(default_factory=list)  # what was concluded wrongly, for the report

    def plus(self, ander: Meting) -> Meting:
        return Meting(self.figuur, self.cellen + ander.cellen, self.getoond + ander.getoond,
                      self.fouten_aantal + ander.fouten_aantal, self.fouten_procent + ander.fouten_procent,
                      self.conclusies + ander.conclusies, self.fout + ander.fout,
                      self.niet_te_bepalen + ander.niet_te_bepalen, self.verborgen + ander.verborgen,
                      self.foute + ander.foute)


def cellen_gemeten(fig: Figuur, getoond_: pd.DataFrame, meting: Meting) -> None:
    """(1) cells with a number for the beheerder and how many are shown; (2) the errors of the shown ones."""
    from analytics.beschermd import getoond

    procenten = set(fig.aandelen) | set(fig.procenten)
    for kolom in fig.gemeten:
        for rij in fig.exact.index:
            exact = exact_getal(fig.exact.at[rij, kolom])
            if math.isnan(exact):
                continue
            meting.cellen += 1
            waarde = getoond(getoond_.at[rij, kolom])
            if waarde is None:
                continue
            meting.getoond += 1
            if kolom in procenten:
                meting.fouten_procent.append(abs(waarde - exact) * 100)
            else:
                meting.fouten_aantal.append(abs(waarde - exact))


def beoordeeld(meting: Meting, getoonde: object, exact: object, wat: str) -> None:
    """One conclusion: `getoonde` None = niet te bepalen, "verborgen" = not shown (its number is hidden)."""
    meting.conclusies += 1
    if isinstance(getoonde, str) and getoonde == "verborgen":
        meting.verborgen += 1
    elif getoonde is None:
        meting.niet_te_bepalen += 1
    elif getoonde != exact:
        meting.fout += 1
        meting.foute.append(f"{meting.figuur}: {wat}: getoond {getoonde}, exact {exact}")


def conclusies_gemeten(fig: Figuur, ontwerp: str, getoond_: pd.DataFrame, meting: Meting) -> None:
    """(3) every conclusion the page draws, as this design draws it, against the exact numbers."""
    from analytics.beschermd import geschaald, getoond, minstens, richting, verschil
    from analytics.kengetallen import NIET_TE_BEPALEN, stand

    for rij in fig.exact.index if fig.stand else ():
        exact = stand(int(fig.exact.at[rij, "instroom"]), fig.exact.at[rij, "afspraak"],
                      fig.exact.at[rij, "afspraak_pro_rata"])
        if exact == "geen afspraak":
            continue
        if ontwerp == "huidig":  # the read side's own conclusion
            getoonde = fig.beschermd.at[rij, "stand"]
        else:
            getoonde = stand(getoond_.at[rij, "instroom"], fig.exact.at[rij, "afspraak"],
                             fig.exact.at[rij, "afspraak_pro_rata"])
        getoonde = {"afgeschermd": "verborgen", NIET_TE_BEPALEN: None}.get(getoonde, getoonde)
        beoordeeld(meting, getoonde, exact, f"stand {rij}")
    for rij in fig.exact.index if fig.gedekt else ():
        vraag = float(fig.exact.at[rij, "vraag_per_maand"])
        exact = bool(fig.exact.at[rij, "instroom"] / 12 >= vraag)
        instroom = getoond_.at[rij, "instroom"]
        if verborgen(instroom):
            getoonde = "verborgen"
        elif ontwerp == "huidig":
            getoonde = fig.beschermd.at[rij, "gedekt"]
        else:
            per_maand = geschaald(instroom, 1 / 12) if hasattr(instroom, "laag") else getoond(instroom) / 12
            getoonde = minstens(per_maand, vraag)
        beoordeeld(meting, getoonde, exact, f"gedekt {rij}")
    if fig.volgorde:
        rijen = [r for r in fig.exact.index
                 if not str(r).startswith("(") and not verborgen(getoond_.at[r, fig.volgorde])]
        rijen.sort(key=lambda r: (-getoond(getoond_.at[r, fig.volgorde]), str(r)))
        for a, b in zip(rijen, rijen[1:], strict=False):
            zeker = minstens(getoond_.at[a, fig.volgorde], getoond_.at[b, fig.volgorde]) is True
            omgekeerd = fig.exact.at[a, fig.volgorde] < fig.exact.at[b, fig.volgorde]
            beoordeeld(meting, "a >= b" if zeker else None, "a < b" if omgekeerd else "a >= b", f"volgorde {a} > {b}")
    for nu, vorig in fig.richtingen:
        for rij in fig.exact.index:
            e_nu, e_vorig = exact_getal(fig.exact.at[rij, nu]), exact_getal(fig.exact.at[rij, vorig])
            if math.isnan(e_nu) or math.isnan(e_vorig):
                continue
            exact = int(np.sign(round(e_nu - e_vorig, 12)))
            a, b = getoond_.at[rij, nu], getoond_.at[rij, vorig]
            if verborgen(a) or verborgen(b):
                getoonde = "verborgen"
            elif ontwerp == "huidig" and nu in fig.huidig_verschil:
                getoonde = richting(fig.huidig_verschil[nu].at[rij])
            else:
                getoonde = richting(verschil(a, b))
            beoordeeld(meting, getoonde, exact, f"richting {nu} {rij}")


def gemeten(figuren_: list[Figuur], ontwerp: str) -> list[Meting]:
    """Per figure the measures of one design, and a last one for all figures together ("Totaal")."""
    uit = []
    for fig in figuren_:
        getoond_ = TONEN[ontwerp](fig)
        meting = Meting(fig.naam)
        cellen_gemeten(fig, getoond_, meting)
        conclusies_gemeten(fig, ontwerp, getoond_, meting)
        uit.append(meting)
    totaal = Meting("Totaal")
    for meting in uit:
        totaal = totaal.plus(meting)
    return [*uit, totaal]


# --- differencing across periods: what the totals of overlapping periods give away --------------------------


@dataclass(frozen=True)
class Verschuiving:
    """Per design: of the months with a small instroom (1 to 4), over the selections a viewer may choose (the
    region and each gemeente), how many an attacker pins to one value from every period total the pages published
    at each of the last `peilmomenten` month ends, and the mean width of what remains possible."""

    maanden: int
    vastgepind: int
    gemiddelde_breedte: float


PEILMOMENTEN = (1, 12, 24)  # the totals are written down month after month: those of the last 1, 12, 24 peildata


def verschuiving(ontwerp: str, rec: pd.DataFrame, peildatum: dt.date, nul_verborgen: bool = False,
                 peilmomenten: int = 12) -> Verschuiving:
    """The attack: months as unknowns (whole numbers 0 and up), and for every published period total what it says
    about their sum (cell key: within D of the shown total, at least 5, or 1 to 4 for "<5", or 0; huidig: every total
    is the difference of two running counts rounded to 5, so each running count at a period boundary is known
    within 2, which is all an attacker can learn from them). Per small month the least and most it can be, by
    linear programming. `nul_verborgen`: the cell key method with 0 shown as "<5" too (as the read side does)."""
    from analytics.perioden import gepubliceerde_perioden

    peildata = [(pd.Timestamp(peildatum) - pd.offsets.MonthEnd(k)).date() if k else peildatum
                for k in range(peilmomenten)]
    # whole months only (the attack's unknowns are months): after a leap year, 'Afgelopen 12 maanden' up to
    # 28 February starts on 29 February, and such a period is left out
    perioden = sorted({p for d in peildata for p in gepubliceerde_perioden(d)
                       if p[1] <= d and p[0].day == 1 and (p[1] + dt.timedelta(days=1)).day == 1})
    begin = min(van for van, _ in perioden)
    maanden = pd.period_range(pd.Timestamp(begin), pd.Timestamp(peildatum), freq="M")
    perioden += [(m.start_time.date(), m.end_time.date()) for m in maanden[-24:]]  # the overzicht's months
    selecties = [("regio", pd.Series(True, index=rec.index))]
    selecties += [(code, rec["gemeentecode"] == code) for code in sorted(rec["gemeentecode"].dropna().unique())]
    aantal, vast, breedtes = 0, 0, []
    for _, masker in selecties:
        deel = rec[masker.to_numpy(bool)]
        per_maand = deel.groupby(deel["startdatum"].dt.to_period("M")).size().reindex(maanden, fill_value=0)
        klein = [i for i, w in enumerate(per_maand) if 1 <= w <= 4]
        if not klein:
            continue
        grenzen = None if ontwerp == "huidig" else _grenzen_celsleutel(deel, maanden, perioden, nul_verborgen)
        for i in klein:
            laag, hoog = (_bereik_lp(per_maand.to_numpy(), grenzen, i) if grenzen is not None else
                          _bereik_afgerond(deel, maanden, perioden, i))
            if not laag - 1e-6 <= per_maand.iat[i] <= hoog + 1e-6:
                raise AssertionError(f"{ontwerp}: de ware waarde {per_maand.iat[i]} valt buiten [{laag}, {hoog}]")
            aantal += 1
            vast += hoog - laag < 1 - 1e-9
            breedtes.append(hoog - laag)
    return Verschuiving(aantal, vast, float(np.mean(breedtes)) if breedtes else math.nan)


def _maand_van(maanden: pd.PeriodIndex, datum: dt.date) -> int:
    return int(maanden.get_loc(pd.Period(datum, freq="M")))


def _grenzen_celsleutel(deel: pd.DataFrame, maanden, perioden,
                        nul_verborgen: bool = False) -> list[tuple[int, int, float, float]]:
    """Per published period (first month, last month) and the range its perturbed total says for the sum."""
    from analytics import celsleutel as ck
    from analytics.onderdrukking import drempel

    uit = []
    for van, tot in set(perioden):
        binnen = tussen(deel["startdatum"], van, tot).to_numpy(bool)
        getoond = ck.verstoord(int(binnen.sum()), ck.celsleutel(deel.loc[binnen, "sleutel"]), drempel())
        if getoond.verborgen or (nul_verborgen and getoond.hoog == 0):
            laag, hoog = (0.0 if nul_verborgen else 1.0), drempel() - 1.0
        else:
            laag, hoog = getoond.laag, getoond.hoog
        uit.append((_maand_van(maanden, van), _maand_van(maanden, tot), laag, hoog))
    return uit


def _bereik_lp(per_maand: np.ndarray, grenzen, i: int) -> tuple[float, float]:
    from scipy.optimize import linprog

    n = len(per_maand)
    a = np.zeros((len(grenzen), n))
    for j, (eerste, laatste, _, _) in enumerate(grenzen):
        a[j, eerste:laatste + 1] = 1
    laag = np.array([g[2] for g in grenzen])
    hoog = np.array([g[3] for g in grenzen])
    doel = np.zeros(n)
    doel[i] = 1
    uitkomst = []
    for teken in (1, -1):
        r = linprog(teken * doel, A_ub=np.vstack([a, -a]), b_ub=np.concatenate([hoog, -laag]),
                    bounds=[(0, None)] * n, method="highs")
        uitkomst.append(teken * r.fun)
    return uitkomst[0], uitkomst[1]


def _bereik_afgerond(deel: pd.DataFrame, maanden, perioden, i: int) -> tuple[float, float]:
    """huidig: the running count R at every period boundary is known within 2 of its rounding (halves up: R in
    [r - 2, r + 2]); months are differences of running counts, so at least 0; a month in a "<5" total: 0 to 4.
    The attacker is given the rounded running counts themselves, which is more than the shown differences say."""
    from scipy.optimize import linprog

    from analytics.onderdrukking import drempel

    grens = drempel()
    voor = int((deel["startdatum"] < maanden[0].start_time).sum())
    per_maand = deel.groupby(deel["startdatum"].dt.to_period("M")).size().reindex(maanden, fill_value=0).to_numpy()
    lopend = voor + np.concatenate([[0], np.cumsum(per_maand)])  # R at the start of month k, k = 0..n
    n = len(maanden)
    randen = sorted({_maand_van(maanden, van) for van, _ in perioden} | {_maand_van(maanden, tot) + 1
                                                                         for _, tot in perioden})
    banden = [(None, None)] * (n + 1)
    for k in randen:  # what the rounded running count says: r - grens/2 <= R < r + grens/2
        r = math.floor(lopend[k] / grens + 0.5) * grens
        banden[k] = (math.ceil(r - grens / 2), math.ceil(r + grens / 2) - 1)
    a_ub, b_ub = [], []
    for k in range(n):  # months are at least 0: R does not go down
        rij = np.zeros(n + 1)
        rij[k], rij[k + 1] = 1, -1
        a_ub.append(rij)
        b_ub.append(0)
    for van, tot in perioden:  # a small total ("<5"): its sum is 0 to 4
        eerste, laatste = _maand_van(maanden, van), _maand_van(maanden, tot) + 1
        rij = np.zeros(n + 1)
        rij[laatste], rij[eerste] = 1, -1
        klein = lopend[laatste] - lopend[eerste] < grens
        a_ub.append(rij if klein else -rij)  # "<5": at most 4; a number shown: at least 5
        b_ub.append(grens - 1 if klein else -grens)
    doel = np.zeros(n + 1)
    doel[i + 1], doel[i] = 1, -1
    uitkomst = []
    for teken in (1, -1):
        r = linprog(teken * doel, A_ub=np.array(a_ub), b_ub=np.array(b_ub), bounds=banden, method="highs")
        uitkomst.append(teken * r.fun)
    return uitkomst[0], uitkomst[1]


# --- the report ----------------------------------------------------------------------------------------------


def nl(waarde: float, decimalen: int = 1) -> str:
    from weergave.formaat import getal

    return "–" if waarde is None or (isinstance(waarde, float) and math.isnan(waarde)) else getal(waarde, decimalen)


def gemiddeld(fouten: list[float]) -> float:
    return float(np.mean(fouten)) if fouten else math.nan


def markdown_tabel(metingen: list[Meting]) -> str:
    kop = ("Figuur", "Cellen", "Getoond", "Getoond (%)", "Fout aantal gem.", "Fout aantal max.", "Fout % gem. (pp)",
           "Fout % max. (pp)", "Conclusies", "Fout", "Niet te bepalen", "Verborgen")
    regels = ["| " + " | ".join(kop) + " |", "|" + "|".join(["---"] + ["---:"] * (len(kop) - 1)) + "|"]
    for m in metingen:
        naam = f"**{m.figuur}**" if m.figuur == "Totaal" else m.figuur
        waarden = (naam, nl(m.cellen, 0), nl(m.getoond, 0), nl(100 * m.getoond / m.cellen if m.cellen else math.nan),
                   nl(gemiddeld(m.fouten_aantal), 2), nl(max(m.fouten_aantal, default=math.nan), 0),
                   nl(gemiddeld(m.fouten_procent), 2), nl(max(m.fouten_procent, default=math.nan), 1),
                   nl(m.conclusies, 0), nl(m.fout, 0), nl(m.niet_te_bepalen, 0), nl(m.verborgen, 0))
        regels.append("| " + " | ".join(waarden) + " |")
    return "\n".join(regels)


KIJKERS = {"regio": ("regio@x.nl", "regio", False), "presentatiemodus": ("beheer@x.nl", "beheerder", True)}
ONTWERP_NAMEN = {"huidig": "Huidig ontwerp (cumulatief afgerond, bereiken)",
                 "celsleutel": "Celsleutelmethode (ABS, ruis ±2, 0 getoond)",
                 "celsleutel_nul": "Celsleutelmethode (ABS, ruis ±2, ook 0 als <5)",
                 "oud": "Oud ontwerp (aandeel uit afgeronde aantallen, conclusies zonder bereik)"}


def kijker_van(naam: str):
    from toegang.kijker import Kijker

    email, rol, presentatie = KIJKERS[naam]
    return Kijker(email, rol).in_presentatiemodus(presentatie)


def rapport() -> str:
    from analytics.kengetallen import periode_grenzen

    delen = [f"Demo-opslag, peildatum {periode_grenzen()[1]:%d-%m-%Y}. Cellen: met een getal voor de beheerder. "
             "Fout: een getoonde conclusie die voor de exacte getallen niet klopt (moet 0 zijn)."]
    foute: list[str] = []
    for kijker in KIJKERS:
        figuren_ = figuren(kijker_van(kijker))
        for ontwerp in ONTWERPEN:
            metingen = gemeten(figuren_, ontwerp)
            delen.append(f"### {ONTWERP_NAMEN[ontwerp]}, {kijker}\n\n{markdown_tabel(metingen)}")
            foute += [f"- {ontwerp}, {kijker}: {f}" for f in metingen[-1].foute]
    rec = records("trajecten_records")
    peildatum = periode_grenzen()[1]
    kop = " | ".join(f"Vastgepind, {n} peildata | Gem. breedte, {n} peildata" for n in PEILMOMENTEN)
    regels = [f"| Ontwerp | Kleine maanden | {kop} |", "|---|" + "---:|" * (1 + 2 * len(PEILMOMENTEN))]
    for ontwerp, nul_verborgen in (("huidig", False), ("celsleutel", False), ("celsleutel_nul", True)):
        metingen = [verschuiving(ontwerp, rec, peildatum, nul_verborgen, n) for n in PEILMOMENTEN]
        cellen = " | ".join(f"{nl(v.vastgepind, 0)} | {nl(v.gemiddelde_breedte, 2)}" for v in metingen)
        regels.append(f"| {ONTWERP_NAMEN[ontwerp]} | {nl(metingen[0].maanden, 0)} | {cellen} |")
    delen.append("### Verschillen over perioden\n\nKleine maanden (instroom 1 tot 4) van de regio en van elke "
                 "gemeente; per ontwerp hoeveel een aanvaller met lineair programmeren op één waarde vastpint uit "
                 "alle periodetotalen die de pagina's op de laatste 1, 12 of 24 peildata publiceerden, en de "
                 "gemiddelde breedte van wat mogelijk blijft.\n\n" + "\n".join(regels))
    if foute:
        delen.append("### Foute conclusies\n\n" + "\n".join(foute))
    return "\n\n".join(delen) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "demo.duckdb")
    parser.add_argument("--uit", type=Path, help="schrijf de tabel ook naar dit bestand (Markdown)")
    args = parser.parse_args(argv)
    from bench.bench_pagina import demo_store

    demo_store(args.db)
    os.environ["DASHBOARD_DB"] = str(args.db)
    tekst = rapport()
    print(tekst)
    if args.uit:
        args.uit.parent.mkdir(parents=True, exist_ok=True)
        args.uit.write_text(tekst, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
