"""Verbeteracties, read side: what the half-yearly evaluation agreed, whether it was done, and how its number moved.

An action names one number (`VOLGBAAR`: the kengetallen that are computed per half year per sector, gemeente or the
whole selection, by the Sectorvergelijking) and a scope. Its number per half year is the Sectorvergelijking's: the
sector's row (within the gemeente, when the action names one too) or the row of the whole selection, as the viewer
may see it. So the same protection holds here as there, and the two pages can never disagree.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from analytics.beschermd import Beschermd, klein
from analytics.filters import Filters
from analytics.kengetallen import KENGETALLEN, periode_grenzen
from analytics.onderdrukking import drempel
from analytics.opslag import query
from analytics.sectoren import UITVAL_MAANDEN, Halfjaar, halfjaar_naam, halfjaren, sectorvergelijking
from basis.referentie import code_weergave, gemeenten
from toegang.kijker import Kijker

# kengetal (a key of KENGETALLEN) -> its column in the Sectorvergelijking
VOLGBAAR: dict[str, str] = {
    "instroom": "instroom",
    "lopend": "lopend",
    "praktijkverklaringen": "praktijkverklaringen",
    "uitval_binnen": "uitval6",
    "uitstroom_werk": "uitstroom_werk",
    "structurele_vraag": "structurele_vraag",
}
AANDELEN = frozenset({"uitval_binnen"})  # shares (0 to 1); the others are counts
NIET_VAN_MENSEN = frozenset({"structurele_vraag"})  # places of employers: never protected
STATUSSEN = ("open", "bezig", "gereed", "vervallen")
LOPEND = ("open", "bezig")  # still to be done: these can be late
HELE_SELECTIE = "Hele selectie"
LIJST_KOLOMMEN = ["id", "halfjaar", "sector", "gemeentecode", "kengetal", "bevinding", "actie", "eigenaar",
                  "deadline", "status", "aangemaakt_op", "laatste_update", "laatste_toelichting"]

assert set(VOLGBAAR) <= set(KENGETALLEN)


def kengetal_label(kengetal: str) -> str:
    """The Dutch label of a followable kengetal ("Uitval binnen 6 maanden": the Sectorvergelijking's N)."""
    if kengetal == "uitval_binnen":
        return f"Uitval binnen {UITVAL_MAANDEN} maanden"
    return KENGETALLEN[kengetal].label


def gemeentenaam(code: str) -> str:
    return next((naam for c, naam, *_ in gemeenten() if c == code), code)


def voor(sector: str | None, gemeentecode: str | None) -> str:
    """Whom the action is for, in words: "Schoonmaak", "Wijchen", "Schoonmaak in Wijchen" or "Hele selectie"."""
    if sector and gemeentecode:
        return f"{code_weergave('sector', sector)} in {gemeentenaam(gemeentecode)}"
    if sector:
        return code_weergave("sector", sector)
    if gemeentecode:
        return gemeentenaam(gemeentecode)
    return HELE_SELECTIE


def is_te_laat(deadline: dt.date, status: str, vandaag: dt.date | None = None) -> bool:
    """Past its deadline and not gereed or vervallen."""
    return status in LOPEND and deadline < (vandaag or dt.date.today())


def verbeteracties(vandaag: dt.date | None = None) -> pd.DataFrame:
    """Every action, oldest first, with its last update, `voor`, `kengetal_label` and `te_laat`. Free text
    (bevinding, actie, eigenaar, toelichting) is as typed: a page shows it as text."""
    if not bool(query("verbeteracties_bestaan").iloc[0, 0]):  # a store no write has touched since they came
        tabel = pd.DataFrame(columns=LIJST_KOLOMMEN)
    else:
        tabel = query("verbeteracties_lijst")
    tabel["deadline"] = [pd.Timestamp(d).date() for d in tabel["deadline"]]
    tabel["sector"] = tabel["sector"].astype(object).where(tabel["sector"].notna(), None)
    tabel["gemeentecode"] = tabel["gemeentecode"].astype(object).where(tabel["gemeentecode"].notna(), None)
    tabel["voor"] = [voor(s, g) for s, g in zip(tabel["sector"], tabel["gemeentecode"], strict=True)]
    tabel["kengetal_label"] = [kengetal_label(k) for k in tabel["kengetal"]]
    tabel["te_laat"] = [is_te_laat(d, s, vandaag) for d, s in zip(tabel["deadline"], tabel["status"], strict=True)]
    return tabel


def updates(actie_id: int) -> pd.DataFrame:
    """The dated updates of one action, oldest first: tijdstip (UTC), door, status, toelichting."""
    if not bool(query("verbeteracties_bestaan").iloc[0, 0]):
        return pd.DataFrame(columns=["tijdstip", "door", "status", "toelichting"])
    return query("verbeteractie_updates", {"id": int(actie_id)})


def laatste_volledige_halfjaar() -> Halfjaar | None:
    """The newest half year that is complete at the latest peildatum; None without trajecten."""
    grenzen = periode_grenzen()
    if grenzen is None:
        return None
    opties = halfjaren(*grenzen)
    return opties[0] if opties else None


def waarde(
    halfjaar: Halfjaar, sector: str | None, gemeentecode: str | None, kengetal: str, wie: Kijker
) -> int | float | Beschermd | None:
    """The action's number in one half year, as `wie` may see it: the Sectorvergelijking's value for the sector (within
    the gemeente, if named) or the whole selection. A sector that had nothing in the half year or the one before is not
    in that comparison: 0 (for others "<5", as any 0 is); a share without trajecten to compute it from is None."""
    eerste_start = periode_grenzen()[0]
    filters = Filters(halfjaar.van, halfjaar.tot, gemeenten=(gemeentecode,) if gemeentecode else (), kijker=wie)
    tabel = sectorvergelijking(filters, halfjaar, eerste_start)
    rij = tabel[tabel["totaal"]] if sector is None else tabel[~tabel["totaal"] & (tabel["sector"] == sector)]
    if rij.empty:
        if kengetal in AANDELEN:
            return None
        return 0 if filters.exact or kengetal in NIET_VAN_MENSEN else klein(drempel())
    return _als_getal(rij.iloc[0][VOLGBAAR[kengetal]])


def _als_getal(waarde: object) -> int | float | Beschermd | None:
    if isinstance(waarde, Beschermd) or waarde is None:
        return waarde
    if pd.isna(waarde):
        return None
    getal = float(waarde)
    return int(getal) if getal.is_integer() and not isinstance(waarde, float) else getal


def waarden_per_halfjaar(actie: pd.Series, wie: Kijker, tot: Halfjaar | None = None) -> dict[Halfjaar, object]:
    """The action's number in every complete half year from the one it was agreed in up to `tot` (default: the latest
    complete one), oldest first; empty when none is complete yet."""
    tot = tot or laatste_volledige_halfjaar()
    if tot is None:
        return {}
    halfjaar = Halfjaar.uit_sleutel(actie["halfjaar"])
    uit = {}
    while halfjaar <= tot:
        uit[halfjaar] = waarde(halfjaar, actie["sector"], actie["gemeentecode"], actie["kengetal"], wie)
        halfjaar = _volgende(halfjaar)
    return uit


def _volgende(halfjaar: Halfjaar) -> Halfjaar:
    return Halfjaar(halfjaar.jaar, 2) if halfjaar.helft == 1 else Halfjaar(halfjaar.jaar + 1, 1)


def in_rapport(acties: pd.DataFrame, halfjaar: Halfjaar) -> pd.Series:
    """Which actions a report on `halfjaar` takes up: those agreed in it, and those agreed before it that are still
    open or bezig, or were updated on or after its first day."""
    vanaf = pd.Timestamp(halfjaar.van)
    bijgewerkt = pd.to_datetime(acties["laatste_update"]) >= vanaf
    eerder = [Halfjaar.uit_sleutel(s) < halfjaar for s in acties["halfjaar"]]
    return (acties["halfjaar"] == halfjaar.sleutel) | (pd.Series(eerder, index=acties.index, dtype=bool) & (
        acties["status"].isin(LOPEND) | bijgewerkt.fillna(False)))


def rapport_tabel(halfjaar: Halfjaar, wie: Kijker) -> pd.DataFrame:
    """The actions of `in_rapport`, one row per action (index: its number, "Nummer"), with the columns "Voor",
    "Kengetal", "Bevinding", "Actie", "Eigenaar", "Deadline" (a date), "Status", "Te laat" (bool) and one column per
    complete half year ("1e halfjaar 2026") from the earliest agreed one up to the latest complete one, holding the
    action's number as `wie` may see it (exact: a plain number; else a `Beschermd`; None before the action's own half
    year, or where there is no number)."""
    acties = verbeteracties()
    acties = acties[in_rapport(acties, halfjaar)]
    tabel = pd.DataFrame({
        "Voor": acties["voor"], "Kengetal": acties["kengetal_label"], "Bevinding": acties["bevinding"],
        "Actie": acties["actie"], "Eigenaar": acties["eigenaar"], "Deadline": acties["deadline"],
        "Status": acties["status"], "Te laat": acties["te_laat"].astype(bool),
    })
    tabel.index = pd.Index(acties["id"].astype(int), name="Nummer")
    laatste = laatste_volledige_halfjaar()
    if acties.empty or laatste is None:
        return tabel
    per_actie = {int(rij["id"]): waarden_per_halfjaar(rij, wie, laatste) for _, rij in acties.iterrows()}
    eerste = min(Halfjaar.uit_sleutel(s) for s in acties["halfjaar"])
    kolom = eerste
    while kolom <= laatste:
        tabel[halfjaar_naam(kolom)] = pd.Series([per_actie[i].get(kolom) for i in tabel.index], index=tabel.index,
                                                dtype=object)
        kolom = _volgende(kolom)
    return tabel


def gefilterd(acties: pd.DataFrame, halfjaar: str | None = None, sector: str | None = None,
              status: str | None = None, alleen_te_laat: bool = False) -> pd.DataFrame:
    """The page's filters: a half year ('JJJJ-H'), a sector code, a status, or only the late ones (None: all)."""
    houden = pd.Series(True, index=acties.index)
    if halfjaar:
        houden &= acties["halfjaar"] == halfjaar
    if sector:
        houden &= acties["sector"] == sector
    if status:
        houden &= acties["status"] == status
    if alleen_te_laat:
        houden &= acties["te_laat"].astype(bool)
    return acties[houden]
