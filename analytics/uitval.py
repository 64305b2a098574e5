"""The questions of the uitval page: uitval per start cohort, time to uitval (Kaplan-Meier), the redenen, and
werkgevers and praktijkopleiders with more early uitval than the selection's average.

Every number comes from one function here (so small-number suppression can later be added in one place); the
definitions are metrics.md's, through the macros of selectie.sql. The Kaplan-Meier estimate is computed here
(about twenty lines of numpy) rather than with a survival library at runtime: lifelines would bring scipy,
matplotlib, autograd and formulaic (over 200 MB) into the app, and it declares pandas<3. The tests check this
function against lifelines' KaplanMeierFitter (estimate and its default exponential-Greenwood interval).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analytics.beschermd import Beschermd, afgeschermd_teken, getoond, getoonde_reeks, onzekere_groepen
from analytics.filters import Filters
from analytics.onderdrukking import (
    MIN_NOEMER,
    aandeel_getoond,
    afgeschermd,
    afgeschermd_getal,
    afgeschermd_met_totaalrij,
    afgeschermde_curve,
    eerder_per_rij,
    is_afgeschermd,
    met_lege_perioden,
)
from analytics.opslag import query, query_ervoor
from analytics.statistiek import Z_95, wilson_ondergrens
from toegang import beleid
from toegang.kijker import GeenToegang

UITVAL_MAANDEN = (3, 6, 12)
MAX_GROEPEN = 6  # curves in one Kaplan-Meier chart: more bands on top of each other cannot be read
MIN_TRAJECTEN = 10  # a group (curve, werkgever, praktijkopleider) is shown only with at least this many trajecten
VROEG = 3  # "early" uitval: within this many months of the start


# --- uitval per start cohort ---------------------------------------------------------------------------


def _aandeel(teller: pd.Series, noemer: pd.Series) -> pd.Series:
    """teller / noemer, NaN where the noemer is 0 (no value, rather than 0%)."""
    return (teller / noemer.where(noemer > 0)).astype(float)


def uitval_per_cohort(filters: Filters, per: str = "kwartaal") -> pd.DataFrame:
    """Per start cohort (`per` = 'kwartaal' | 'jaar'), and in the last row (is_totaal) for the whole selection:
    instroom, uitval, lopend, the shares uitval and lopend of the instroom, whether the period holds the whole
    cohort (hele_cohort_in_periode; a period that starts or ends mid-quarter cuts one), and per N in UITVAL_MAANDEN the
    trajecten that could be followed N months (te_volgen_N), their uitval within N months (uitval_N) and its share
    (aandeel_uitval_N: NaN when no traject of the cohort could be followed N months yet)."""
    parameters = {**filters.parameters(), "per": per}
    df = query("uitval_per_cohort", parameters)
    if not filters.exact and not df.empty:  # a missing cohort would say 0, which others see as "<5"
        is_totaal = df["is_totaal"].astype(bool)
        df = pd.concat([met_lege_perioden(df[~is_totaal], "cohort", filters.van, filters.tot,
                                          "Y" if per == "jaar" else "Q", {"is_totaal": [False]}), df[is_totaal]],
                       ignore_index=True)
    if df.empty or int(df["instroom"].sum()) == 0:
        return df.iloc[0:0]
    df["cohort"] = pd.to_datetime(df["cohort"])
    einde = df["cohort"] + pd.DateOffset(years=1 if per == "jaar" else 0, months=0 if per == "jaar" else 3)
    df["hele_cohort_in_periode"] = (df["cohort"] >= pd.Timestamp(filters.van)) & (
        einde - pd.Timedelta(days=1) <= pd.Timestamp(filters.tot)
    )
    df = _met_rest(df)
    df["aandeel_uitval"] = _aandeel(df["uitval"], df["instroom"])
    df["aandeel_lopend"] = _aandeel(df["lopend"], df["instroom"])
    df["aandeel_rest"] = _aandeel(df["rest"], df["instroom"])
    for n in UITVAL_MAANDEN:
        df[f"aandeel_uitval_{n}"] = _aandeel(df[f"uitval_{n}"], df[f"te_volgen_{n}"])
        # the whole cohort can be followed N months: only then is uitval within N comparable with a shorter N (over
        # part of a cohort, within 12 can lie below within 6, which would read as a fall); for the owner from the
        # counts
        df[f"heel_te_volgen_{n}"] = df[f"te_volgen_{n}"] >= df["instroom"]
        df[f"te_jong_{n}"] = df[f"te_volgen_{n}"] == 0  # nobody of the cohort can be followed N months yet
    if not filters.exact:  # for others from the calendar alone: whether nobody started in the cohort's last weeks
        df = _volgbaar_volgens_kalender(df, einde)  # is a count of 0, which they see as "<5"
    df["aandeel_vroeg_van_12"] = _aandeel(df["uitval_3_van_te_volgen_12"], df["uitval_12"])
    df = df.reset_index(drop=True)
    tellingen = ("instroom", "uitval", "lopend", "rest",
                 *(f"{soort}_{n}" for n in UITVAL_MAANDEN for soort in ("te_volgen", "uitval")),
                 "uitval_3_van_te_volgen_12")
    zichtbaar = afgeschermd_met_totaalrij(
        df, filters.kijker, "is_totaal", exact=filters.exact, tellingen=tellingen, selectie=(),
        eerder=None if filters.exact else _eerder_per_cohort(df, tellingen, query_ervoor("uitval_per_cohort",
                                                                                           parameters)),
        aandelen={"aandeel_uitval": ("uitval", "instroom"), "aandeel_lopend": ("lopend", "instroom"),
                  "aandeel_rest": ("rest", "instroom"),
                  **{f"aandeel_uitval_{n}": (f"uitval_{n}", f"te_volgen_{n}") for n in UITVAL_MAANDEN},
                  "aandeel_vroeg_van_12": ("uitval_3_van_te_volgen_12", "uitval_12")},
    )
    # instroom = uitval + lopend + rest: with instroom shown, one hidden part of the three would follow from
    # the other two (25 started, 24 lopend, 0 rest: uitval is 1). So hide at least two, or none.
    for i in zichtbaar.index:
        delen = ["uitval", "lopend", "rest"]
        verborgen = [d for d in delen if is_afgeschermd(zichtbaar.at[i, d])]
        if len(verborgen) == 1:
            zichtbaar_deel = sorted((d for d in delen if d not in verborgen), key=lambda d: getoond(zichtbaar.at[i, d]))
            zichtbaar.at[i, zichtbaar_deel[0]] = afgeschermd_teken()
    for teller, aandeel in (("uitval", "aandeel_uitval"), ("lopend", "aandeel_lopend"), ("rest", "aandeel_rest")):
        verborgen = zichtbaar[teller].map(is_afgeschermd)
        zichtbaar[aandeel] = zichtbaar[aandeel].astype(object).where(~verborgen, None)
    # uitval within N months cannot exceed uitval: next to a hidden uitval its shares would bound it
    verborgen = zichtbaar["uitval"].map(is_afgeschermd)
    for n in UITVAL_MAANDEN:
        zichtbaar[f"aandeel_uitval_{n}"] = zichtbaar[f"aandeel_uitval_{n}"].astype(object).where(~verborgen, None)
    return zichtbaar


def _volgbaar_volgens_kalender(df: pd.DataFrame, einde: pd.Series) -> pd.DataFrame:
    """Whole (`heel_te_volgen_N`) and too young (`te_jong_N`) from the dates only, for a viewer without exact numbers:
    the whole cohort can be followed N months when its last day lies N months before the latest peildatum, nobody
    when its first day does not. From the counts it would say, for a cohort that straddles that moment, that nobody
    started in its first or its last weeks: a 0, which others see as "<5"."""
    from analytics.kengetallen import periode_grenzen

    grenzen = periode_grenzen()
    peildatum = pd.Timestamp(grenzen[1]) if grenzen else pd.Timestamp.max.normalize()
    for n in UITVAL_MAANDEN:
        df[f"heel_te_volgen_{n}"] = (einde - pd.Timedelta(days=1) + pd.DateOffset(months=n)) <= peildatum
        df[f"te_jong_{n}"] = (df["cohort"] + pd.DateOffset(months=n)) > peildatum
    return df


def _met_rest(df: pd.DataFrame) -> pd.DataFrame:
    """With `rest`: the trajecten that are neither uitgevallen nor lopend (afgerond, or gone to paid work)."""
    return df.assign(rest=df["instroom"] - df["uitval"] - df["lopend"])


def _eerder_per_cohort(df: pd.DataFrame, tellingen, ervoor: pd.DataFrame) -> pd.DataFrame:
    """Per row of `uitval_per_cohort`: what the selection counted before that cohort (all of it before the period,
    `ervoor`, plus the cohorts above it); for the total row, what it counted before the period."""
    voor = _met_rest(ervoor[ervoor["is_totaal"]])
    is_totaal = df["is_totaal"].astype(bool)
    cohorten = eerder_per_rij(df[~is_totaal], tellingen, voor=voor)
    totaal = eerder_per_rij(df[is_totaal], tellingen, voor=voor)
    return pd.concat([cohorten, totaal]).loc[df.index]


# --- Kaplan-Meier ------------------------------------------------------------------------------------------


def kaplan_meier(maanden, gebeurtenis, z: float = Z_95, aantal=None) -> pd.DataFrame:
    """The Kaplan-Meier estimate of the share without the event, with its pointwise confidence interval.

    One row per time on the timeline: 0 and every distinct duration (as lifelines). Columns: tijd, at_risk
    (still followed just before `tijd`), gebeurtenissen, gecensureerd, overleving, onder, boven. The interval is
    the exponential Greenwood interval (log(-log) transform, lifelines' default): with V = sum d / (n (n - d)),
    S ** exp(+-z sqrt(V) / log S); 1 while S = 1 and 0 once S = 0. `aantal`: how many trajecten each row stands
    for (counted in DuckDB, uitval_duur_verdeling.sql); one each when not given."""
    duur = np.asarray(maanden, dtype=float)
    gebeurd = np.asarray(gebeurtenis, dtype=bool)
    gewicht = np.ones(duur.size, dtype=np.int64) if aantal is None else np.asarray(aantal, dtype=np.int64)
    kolommen = ["tijd", "at_risk", "gebeurtenissen", "gecensureerd", "overleving", "onder", "boven"]
    if duur.size == 0:
        return pd.DataFrame(columns=kolommen)
    tijden = np.union1d([0.0], duur)
    plek = np.searchsorted(tijden, duur)  # each duration's own time on the timeline
    totaal = np.bincount(plek, weights=gewicht, minlength=tijden.size).astype(np.int64)
    d = np.bincount(plek, weights=gewicht * gebeurd, minlength=tijden.size).astype(np.int64)
    at_risk = int(gewicht.sum()) - np.concatenate([[0], np.cumsum(totaal)[:-1]])  # not yet ended before `tijd`
    with np.errstate(divide="ignore", invalid="ignore"):
        overleving = np.cumprod(np.where(at_risk > 0, 1 - d / np.maximum(at_risk, 1), 1.0))
        greenwood = np.cumsum(np.where(at_risk > d, d / (at_risk * (at_risk - d)), 0.0))
        log_s = np.log(overleving)
        marge = z * np.sqrt(greenwood) / log_s  # negative where 0 < S < 1
        onder = np.exp(-np.exp(np.log(-log_s) - marge))
        boven = np.exp(-np.exp(np.log(-log_s) + marge))
    een, nul = overleving >= 1.0, overleving <= 0.0
    onder = np.where(een, 1.0, np.where(nul, 0.0, onder))
    boven = np.where(een, 1.0, np.where(nul, 0.0, boven))
    return pd.DataFrame({
        "tijd": tijden, "at_risk": at_risk, "gebeurtenissen": d, "gecensureerd": totaal - d,
        "overleving": overleving, "onder": onder, "boven": boven,
    })[kolommen]


def overleving_op(km: pd.DataFrame, tijd: float) -> tuple[float, float, float] | None:
    """(estimate, lower, upper) at `tijd` months: the step in force then; None when no traject of the group was
    followed that long (the curve says nothing about that moment)."""
    if km.empty or km["tijd"].max() < tijd:
        return None
    rij = km[km["tijd"] <= tijd].iloc[-1]
    return float(rij["overleving"]), float(rij["onder"]), float(rij["boven"])


@dataclass(frozen=True)
class TijdTotUitval:
    """Kaplan-Meier curves per group (the largest MAX_GROEPEN) and what was left out."""

    curves: pd.DataFrame  # groep, tijd, at_risk, gebeurtenissen, gecensureerd, overleving, onder, boven
    groepen: pd.DataFrame  # groep, trajecten, uitval; the groups drawn, largest first
    weggelaten_groepen: int
    weggelaten_trajecten: int | str
    aantallen_tonen: bool = True  # numbers followed per step: only for whoever sees the numbers exactly
    gevolgd_tot: dict | None = None  # per group: months followed by at least min_trajecten (also where the curve
    # shown to others stops earlier, at its last step of 5 or more uitvallers)

    def afgekapt(self) -> dict[str, tuple[float, float]]:
        """Per group whose curve shown to others stops before its trajecten stop being followed: (months where the
        curve stops, months followed). In between fewer than the threshold dropped out: said in words, not drawn
        (a step of 1 to 4 would point to persons; a flat line would claim none)."""
        if self.aantallen_tonen or self.curves.empty:
            return {}
        einde = self.curves.groupby("groep")["tijd"].max()
        return {groep: (float(t), float((self.gevolgd_tot or {}).get(groep, t))) for groep, t in einde.items()
                if (self.gevolgd_tot or {}).get(groep, t) > t}


def tijd_tot_uitval_gegevens(filters: Filters, dimensie: str = "") -> pd.DataFrame:
    """Per traject started in the period: groep, maanden (until uitval or censoring), gebeurtenis (uitval)."""
    return query("uitval_duur", {**filters.parameters(), "dimensie": dimensie})


def tijd_tot_uitval(
    filters: Filters, dimensie: str = "", max_groepen: int = MAX_GROEPEN, min_trajecten: int = MIN_TRAJECTEN
) -> TijdTotUitval:
    """Kaplan-Meier estimate of the share not yet uitgevallen by months since the start, per value of `dimensie`:
    the `max_groepen` groups with the most trajecten, of those with at least `min_trajecten` (a curve of fewer
    says nothing)."""
    gegevens = query("uitval_duur_verdeling", {**filters.parameters(), "dimensie": dimensie})
    if not filters.exact:  # for others than the owner: whole months, so no step is one person's exact day
        gegevens["maanden"] = np.ceil(gegevens["maanden"])
        gegevens = gegevens.groupby(["groep", "maanden", "gebeurtenis"], as_index=False)["aantal"].sum()
    grootte = _per_groep(gegevens).sort_values(["trajecten", "groep"], ascending=[False, True], kind="stable")
    getoond = grootte[grootte["trajecten"] >= min_trajecten].head(max_groepen).reset_index(drop=True)
    curves = [
        kaplan_meier(deel["maanden"], deel["gebeurtenis"], aantal=deel["aantal"]).assign(groep=groep)
        for groep in getoond["groep"]
        for deel in [gegevens[gegevens["groep"] == groep]]
    ]
    kolommen = ["groep", "tijd", "at_risk", "gebeurtenissen", "gecensureerd", "overleving", "onder", "boven"]
    ervoor = None if filters.exact else _per_groep(
        query_ervoor("uitval_duur_verdeling", {**filters.parameters(), "dimensie": dimensie}))
    groepen = afgeschermd(getoond.astype({"trajecten": int, "uitval": int}), filters.kijker,
                          tellingen=("trajecten", "uitval"), exact=filters.exact,
                          eerder=None if ervoor is None else eerder_per_rij(getoond, ("trajecten", "uitval"),
                                                                            ("groep",), ervoor))
    curves = pd.concat(curves, ignore_index=True)[kolommen] if curves else pd.DataFrame(columns=kolommen)
    gevolgd = curves[curves["at_risk"] >= min_trajecten].groupby("groep")["tijd"].max().to_dict()
    curves = curves[curves["at_risk"] >= min_trajecten]  # for everyone: a curve stops where fewer are followed
    if not filters.exact:  # a curve of a group whose uitval is hidden would give it back (1 of 13 = 92,3%)
        verborgen = groepen.loc[groepen["uitval"].map(is_afgeschermd), "groep"]
        curves = curves[~curves["groep"].isin(verborgen)]
        curves = pd.concat([afgeschermde_curve(deel, filters.exact) for _, deel in curves.groupby("groep", sort=False)]
                           or [curves], ignore_index=True)
    return TijdTotUitval(
        curves=curves,
        groepen=groepen,
        aantallen_tonen=filters.exact,
        gevolgd_tot=gevolgd,
        weggelaten_groepen=len(grootte) - len(getoond),
        weggelaten_trajecten=afgeschermd_getal(
            int(grootte["trajecten"].sum() - getoond["trajecten"].sum()), filters.exact,
            eerder=0 if ervoor is None else int(ervoor.loc[~ervoor["groep"].isin(getoond["groep"]),
                                                           "trajecten"].sum())),
    )


def _per_groep(verdeling: pd.DataFrame) -> pd.DataFrame:
    """Per groep of uitval_duur_verdeling.sql: its trajecten and their uitval."""
    return (verdeling.assign(uitval=verdeling["aantal"] * verdeling["gebeurtenis"].astype(bool))
            .groupby("groep").agg(trajecten=("aantal", "sum"), uitval=("uitval", "sum")).reset_index()
            .astype({"trajecten": np.int64, "uitval": np.int64}))


# --- redenen -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RedenenUitval:
    pareto: pd.DataFrame  # reden, aantal, aandeel, cumulatief (shares of all uitval), largest first
    naar_werk: int | Beschermd  # stopped early for paid work: not uitval, so not in the pareto
    totaal: int | Beschermd = 0  # all uitval (the shares' denominator)
    volgorde_onzeker: list[list[str]] = field(default_factory=list)  # runs of redenen whose order is not certain


def redenen_uitval(filters: Filters) -> RedenenUitval:
    """Uitval of the trajecten started in the period, per reden_uitval, sorted descending with the cumulative
    share (for a Pareto chart); early exits to paid work are counted apart."""
    df = query("uitval_redenen", filters.parameters())
    uitval = df[df["telt_als_uitval"]].groupby("reden", as_index=False)["aantal"].sum()
    uitval = uitval.sort_values(["aantal", "reden"], ascending=[False, True], kind="stable").reset_index(drop=True)
    uitval["aantal"] = uitval["aantal"].astype(int)
    ervoor = pd.DataFrame(columns=["telt_als_uitval", "reden", "aantal"]) if filters.exact else query_ervoor(
        "uitval_redenen", filters.parameters())
    eerder = eerder_per_rij(uitval, ("aantal",), ("reden",), ervoor[ervoor["telt_als_uitval"].astype(bool)])
    totaal = int(uitval["aantal"].sum())
    uitval["aandeel"] = uitval["aantal"] / totaal if totaal else np.nan
    uitval["totaal"] = totaal
    zichtbaar = afgeschermd(uitval, filters.kijker, tellingen=("aantal",), exact=filters.exact, eerder=eerder)
    verborgen = zichtbaar["aantal"].map(is_afgeschermd).astype(bool)  # bool also when empty: a mask, not columns
    # the order as shown (for others: rounded counts, hidden ones last by name: a hidden reason's place between the
    # others would give it away; where rounded counts cannot decide an order, `volgorde_onzeker` says so)
    zichtbaar["getoond"] = getoonde_reeks(zichtbaar["aantal"])
    zichtbaar = pd.concat([zichtbaar[~verborgen].sort_values(["getoond", "reden"], ascending=[False, True]),
                           zichtbaar[verborgen].sort_values("reden")], ignore_index=True)
    zichtbaar.pop("getoond")
    noemer = afgeschermd_getal(totaal, filters.exact, eerder=_ervoor_som(ervoor, True))
    # shares of all uitval from the exact ratio (rounded for others, never from rounded counts); with a hidden reason
    # others get none: the shares of the rest would bound what the hidden ones add up to
    if filters.exact:
        zichtbaar["cumulatief"] = zichtbaar["aandeel"].cumsum()
    elif verborgen.any() or is_afgeschermd(noemer) or totaal < MIN_NOEMER:
        zichtbaar["aandeel"] = None
        zichtbaar["cumulatief"] = None
    else:
        zichtbaar["aandeel"] = [aandeel_getoond(a, t, noemer) for a, t in zip(zichtbaar["aandeel"], zichtbaar["aantal"],
                                                                               strict=True)]
        zichtbaar["cumulatief"] = None  # an order that may not hold for the true counts has no running share
    zichtbaar = zichtbaar.drop(columns="totaal")
    naar_werk = int(df.loc[~df["telt_als_uitval"], "aantal"].sum())
    return RedenenUitval(zichtbaar, afgeschermd_getal(naar_werk, filters.exact, eerder=_ervoor_som(ervoor, False)),
                         noemer, onzekere_groepen(list(zichtbaar["aantal"]), list(zichtbaar["reden"])))


def _ervoor_som(ervoor: pd.DataFrame, telt_als_uitval: bool) -> int:
    """All uitval (or all early exits to paid work) of the selection before the period."""
    return int(ervoor.loc[ervoor["telt_als_uitval"].astype(bool) == telt_als_uitval, "aantal"].sum())


# --- werkgevers and praktijkopleiders with above-average early uitval -------------------------------------


@dataclass(frozen=True)
class VroegeUitval:
    """Early uitval (within VROEG months) per werkgever or praktijkopleider, against the selection's average."""

    boven_gemiddeld: pd.DataFrame  # naam, organisatie, trajecten, uitval, aandeel, ondergrens, duidelijk_hoger
    gemiddelde: float  # NaN when no traject of the selection could be followed VROEG months
    trajecten_selectie: int
    beoordeeld: int  # names with at least MIN_TRAJECTEN trajecten


def vroege_uitval_per(filters: Filters, per: str, min_trajecten: int = MIN_TRAJECTEN) -> VroegeUitval:
    """`per` = 'werkgever' | 'praktijkopleider': those with at least `min_trajecten` trajecten that could be
    followed VROEG months and whose uitval within VROEG months lies above the selection's average, highest
    first; `duidelijk_hoger` when the Wilson 95% lower bound of their share lies above that average too."""
    if not beleid.mag_namen_zien(filters.kijker):
        raise GeenToegang("Namen van werkgevers en praktijkopleiders met hun uitval zijn alleen voor de beheerder.")
    return vroege_uitval_regel(filters, per, min_trajecten)


def vroege_uitval_regel(filters: Filters, per: str, min_trajecten: int = MIN_TRAJECTEN) -> VroegeUitval:
    """The rule of `vroege_uitval_per` without its access check: every name with its exact counts. Only for a caller
    that decides itself what of it its viewer may see (the follow-up list: an organisatie's own trajecten only)."""
    df = query("uitval_vroeg_per", {**filters.parameters(), "per": per, "maanden": VROEG})
    totaal = df[df["is_totaal"]]
    n_totaal = int(totaal["trajecten"].sum())
    gemiddelde = int(totaal["uitval"].sum()) / n_totaal if n_totaal else math.nan
    namen = df[~df["is_totaal"] & df["naam"].notna() & (df["trajecten"] >= min_trajecten)].copy()
    namen["aandeel"] = namen["uitval"] / namen["trajecten"]
    namen["ondergrens"] = [wilson_ondergrens(int(u), int(n)) for u, n in zip(namen["uitval"], namen["trajecten"],
                                                                             strict=True)]
    namen["duidelijk_hoger"] = namen["ondergrens"] > gemiddelde
    boven = namen[namen["aandeel"] > gemiddelde].sort_values(
        ["aandeel", "trajecten", "naam"], ascending=[False, False, True], kind="stable"
    )
    kolommen = ["naam", "organisatie", "trajecten", "uitval", "aandeel", "ondergrens", "duidelijk_hoger"]
    return VroegeUitval(
        boven[kolommen].astype({"trajecten": int, "uitval": int}).reset_index(drop=True),
        gemiddelde,
        n_totaal,
        len(namen),
    )
