"""Verbeteracties, write side: adding, updating and closing them, and their Excel list in and out.

Who may write is the Kijker's to say (`mag_verbeteracties_schrijven`: the beheerder and the regio, not on a
projector). Every change holds the store's write lock and is stored in one transaction with its audit line, which
names the action's number and what changed, never the free text (it may say more than it should).

Excel: `excel_export` writes the list with Dutch headers and a column "Nummer"; `importeren` reads that layout (header
spellings forgiven) and loads nothing when any row is wrong. Re-importing does not duplicate: a row with a Nummer is
that action (its changes are applied); a row without one that has the same halfjaar, scope, kengetal and actie as an
action in the store is that action too; any other row is a new action.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import astuple, dataclass, fields
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
from openpyxl.styles import Font

from analytics.sectoren import Halfjaar
from analytics.verbeteracties import STATUSSEN, VOLGBAAR, gemeentenaam, kengetal_label, verbeteracties
from basis.audit import vastleggen_in
from basis.opslag import schrijfverbinding
from basis.referentie import code_weergave, codes, gemeenten, norm_key, synoniemen
from pipelines.opslag import sql, voer_uit
from toegang import beleid
from toegang.kijker import Kijker

MAX_TEKENS = 1000  # a free-text field: a finding or an action in a few sentences
ZOEK_KOPREGEL_IN = 10
KOPJES: dict[str, tuple[str, ...]] = {  # field -> accepted header spellings (the first is the export's)
    "nummer": ("Nummer", "Nr", "Id", "Actienummer"),
    "halfjaar": ("Halfjaar", "Half jaar", "Periode"),
    "sector": ("Sector",),
    "gemeente": ("Gemeente", "Gemeentecode"),
    "kengetal": ("Kengetal", "Indicator", "Cijfer"),
    "bevinding": ("Bevinding", "Bevindingen", "Constatering"),
    "actie": ("Actie", "Verbeteractie", "Maatregel"),
    "eigenaar": ("Eigenaar", "Trekker", "Actiehouder", "Verantwoordelijke", "Verantwoordelijk"),
    "deadline": ("Deadline", "Uiterste datum", "Datum gereed", "Gereed op"),
    "status": ("Status",),
    "laatste_update": ("Laatste update", "Bijgewerkt op"),
    "toelichting": ("Toelichting", "Toelichting laatste update", "Opmerking", "Opmerkingen"),
}
VERPLICHT = ("halfjaar", "kengetal", "actie", "eigenaar", "deadline")
KOPJE_NAAR_VELD = {norm_key(k): veld for veld, kopjes in KOPJES.items() for k in kopjes}
GEEN_PERSONEN = ("Schrijf niet over personen: geen namen, geen kandidaten, geen gezondheid of gedrag. Beschrijf wat de "
                 "keten anders gaat doen en welke organisatie het trekt.")
NIET_GELADEN = "Er is niets geladen; verbeter het bestand en laad het opnieuw."


class VerbeteractieFout(Exception):
    """A change that cannot be made, with every reason in Dutch (a file: one line per wrong row)."""

    def __init__(self, *meldingen: str):
        super().__init__(*meldingen)
        self.meldingen = list(meldingen)

    def __str__(self) -> str:
        return "\n".join(self.meldingen)


@dataclass(frozen=True)
class Verbeteractie:
    """One action as stored (validated: known codes, a real date)."""

    halfjaar: str  # 'JJJJ-H'
    sector: str | None
    gemeentecode: str | None
    kengetal: str
    bevinding: str
    actie: str
    eigenaar: str
    deadline: dt.date
    status: str = "open"


@dataclass(frozen=True)
class Importuitkomst:
    nieuw: int
    gewijzigd: int
    ongewijzigd: int

    @property
    def melding(self) -> str:
        return (f"Geladen: {self.nieuw} nieuwe verbeteractie{'s' if self.nieuw != 1 else ''}, {self.gewijzigd} "
                f"bijgewerkt, {self.ongewijzigd} ongewijzigd.")


# --- who may write ------------------------------------------------------------------------------------------------


def schrijfrecht_fout(wie: Kijker | None) -> str | None:
    """Why `wie` may not write verbeteracties (Dutch), or None when they may."""
    if wie is None:
        return "Alleen wie toegang heeft, kan verbeteracties schrijven. Er is niets veranderd."
    if wie.presentatie and wie.rol in ("beheerder", "regio"):
        return ("In de presentatiemodus worden geen verbeteracties geschreven. Zet de presentatiemodus uit. Er is "
                "niets veranderd.")
    if not beleid.mag_verbeteracties_schrijven(wie):
        return (f"{wie.email} ({wie.rol}) mag verbeteracties lezen, niet schrijven: dat doen de beheerder en de regio. "
                "Er is niets veranderd.")
    return None


def _schrijfrecht(wie: Kijker | None) -> None:
    if (fout := schrijfrecht_fout(wie)) is not None:
        raise VerbeteractieFout(fout)


# --- validation -----------------------------------------------------------------------------------------------------


def _tekst(waarde: object) -> str:
    if waarde is None or (isinstance(waarde, float) and pd.isna(waarde)):
        return ""
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde).strip()


def halfjaar_uit(waarde: object) -> str | None:
    """'JJJJ-H' from "2026-1", "2026-H1", "2026 H2", "H1 2026" or "1e halfjaar 2026"; None when it is none of them."""
    tekst = _tekst(waarde).lower()
    for patroon, jaar_eerst in ((r"(\d{4})\s*[-/ ]\s*h?([12])", True), (r"h([12])\s*[-/ ]?\s*(\d{4})", False),
                                (r"([12])e\s+halfjaar\s+(\d{4})", False)):
        if m := re.fullmatch(patroon, tekst):
            jaar, helft = (m.group(1), m.group(2)) if jaar_eerst else (m.group(2), m.group(1))
            if 2000 <= int(jaar) <= 2100:
                return Halfjaar(int(jaar), int(helft)).sleutel
    return None


def sector_uit(waarde: object) -> str | None:
    """A sector code from its code, label, short name or a synonym (case, accents and spaces ignored)."""
    sleutel = norm_key(waarde)
    for lijst, code, label in codes():
        if lijst == "sector" and sleutel in {norm_key(code), norm_key(label), norm_key(code_weergave(lijst, code))}:
            return code
    return next((code for lijst, synoniem, code in synoniemen() if lijst == "sector" and norm_key(synoniem) == sleutel),
                None)


def gemeente_uit(waarde: object) -> str | None:
    """A gemeentecode from the CBS code (GM0296, 0296, 296), the name or an alias."""
    tekst = _tekst(waarde)
    if re.fullmatch(r"(?i)(gm)?\d{1,4}", tekst):
        code = "GM" + re.sub(r"(?i)^gm", "", tekst).zfill(4)
        return code if any(c == code for c, *_ in gemeenten()) else None
    sleutel = norm_key(tekst)
    for code, naam, _, aliassen in gemeenten():
        if sleutel == norm_key(naam) or sleutel in {norm_key(a) for a in aliassen.split("|") if a.strip()}:
            return code
    return None


def kengetal_uit(waarde: object) -> str | None:
    sleutel = norm_key(waarde)
    for kengetal, kolom in VOLGBAAR.items():
        if sleutel in {norm_key(kengetal), norm_key(kolom), norm_key(kengetal_label(kengetal))}:
            return kengetal
    return None


def datum_uit(waarde: object) -> dt.date | None:
    """A date from a date cell, "31-12-2026", "31/12/2026" or "2026-12-31"; None when it is not one."""
    if isinstance(waarde, dt.datetime):
        return waarde.date()
    if isinstance(waarde, dt.date):
        return waarde
    tekst = _tekst(waarde)
    for vorm in ("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d", "%d-%m-%y"):
        try:
            return dt.datetime.strptime(tekst, vorm).date()
        except ValueError:
            continue
    return None


def te_lang(naam: str, tekst: str) -> str:
    return f"{naam} is {len(tekst)} tekens lang; het mag er hoogstens {MAX_TEKENS} zijn. Maak het korter."


def gecontroleerd(halfjaar: object, sector: object, gemeente: object, kengetal: object, bevinding: object,
                  actie: object, eigenaar: object, deadline: object, status: object = "open",
                  ) -> tuple[Verbeteractie | None, list[str]]:
    """An action from what someone typed (a form, a row of Excel): the action, or None with every problem in Dutch."""
    fouten = []
    halfjaar_sleutel = halfjaar_uit(halfjaar)
    if not _tekst(halfjaar):
        fouten.append("Halfjaar is leeg. Vul het halfjaar in waarin de actie is afgesproken, zoals 2026-1.")
    elif halfjaar_sleutel is None:
        fouten.append(f"Halfjaar '{_tekst(halfjaar)}' is onbekend. Schrijf het als 2026-1 (januari tot en met juni) "
                      "of 2026-2 (juli tot en met december).")
    sector_code = sector_uit(sector) if _tekst(sector) else None
    if _tekst(sector) and sector_code is None:
        fouten.append(f"Sector '{_tekst(sector)}' is onbekend. Kies een sector zoals Schoonmaak of Groen, of laat "
                      "het leeg voor alle sectoren.")
    gemeentecode = gemeente_uit(gemeente) if _tekst(gemeente) else None
    if _tekst(gemeente) and gemeentecode is None:
        fouten.append(f"Gemeente '{_tekst(gemeente)}' is onbekend. Gebruik de naam of de CBS-code (zoals GM0296), of "
                      "laat het leeg voor de hele selectie.")
    kengetal_sleutel = kengetal_uit(kengetal)
    if kengetal_sleutel is None:
        keuzes = ", ".join(kengetal_label(k) for k in VOLGBAAR)
        fouten.append(f"Kengetal '{_tekst(kengetal)}' is onbekend of niet per halfjaar te volgen. Kies uit: {keuzes}."
                      if _tekst(kengetal) else f"Kengetal is leeg. Kies uit: {keuzes}.")
    for waarde, naam, leeg in ((bevinding, "Bevinding", None),
                               (actie, "Actie", "Actie is leeg. Beschrijf wat er gaat gebeuren."),
                               (eigenaar, "Eigenaar", "Eigenaar is leeg. Vul de organisatie in die de actie trekt "
                                "(een gemeente, UWV, het WSP, een SW-bedrijf of een mbo-school).")):
        tekst = _tekst(waarde)
        if not tekst and leeg:
            fouten.append(leeg)
        elif len(tekst) > MAX_TEKENS:
            fouten.append(te_lang(naam, tekst))
    datum = datum_uit(deadline)
    if not _tekst(deadline) and not isinstance(deadline, dt.date):
        fouten.append("Deadline is leeg. Vul de datum in waarop de actie klaar moet zijn, zoals 31-12-2026.")
    elif datum is None:
        fouten.append(f"Deadline '{_tekst(deadline)}' is geen datum. Schrijf bijvoorbeeld 31-12-2026.")
    status_tekst = _tekst(status).lower() or "open"
    if status_tekst not in STATUSSEN:
        fouten.append(f"Status '{_tekst(status)}' is onbekend. Kies open, bezig, gereed of vervallen.")
    if fouten:
        return None, fouten
    return Verbeteractie(halfjaar_sleutel, sector_code, gemeentecode, kengetal_sleutel, _tekst(bevinding),
                         _tekst(actie), _tekst(eigenaar), datum, status_tekst), []


# --- writing --------------------------------------------------------------------------------------------------------


def _parameters(actie: Verbeteractie) -> dict:
    return {veld.name: waarde for veld, waarde in zip(fields(actie), astuple(actie), strict=True)}


def _scope(actie: Verbeteractie) -> str:
    """The audit's description of an action: codes only, no free text."""
    delen = [actie.halfjaar, f"kengetal {actie.kengetal}"]
    if actie.sector:
        delen.append(f"sector {actie.sector}")
    if actie.gemeentecode:
        delen.append(f"gemeente {actie.gemeentecode}")
    return ", ".join(delen)


def _invoegen(con: duckdb.DuckDBPyConnection, actie: Verbeteractie, door: str) -> int:
    nieuw = con.execute(sql("verbeteractie_invoegen"), {**_parameters(actie), "door": door}).fetchone()[0]
    vastleggen_in(con, door, "verbeteractie toegevoegd", f"verbeteractie {nieuw} ({_scope(actie)}, status "
                                                             f"{actie.status})")
    return int(nieuw)


def _update(con: duckdb.DuckDBPyConnection, actie_id: int, oud: str, status: str, toelichting: str, door: str) -> None:
    voer_uit(con, "verbeteractie_update", {"id": actie_id, "status": status, "toelichting": toelichting or None,
                                           "door": door})
    wat = f"verbeteractie {actie_id}: status {oud} -> {status}" if oud != status else \
        f"verbeteractie {actie_id}: toelichting bij status {status}"
    vastleggen_in(con, door, "verbeteractie bijgewerkt", wat)


def toevoegen(db: Path, actie: Verbeteractie, wie: Kijker) -> int:
    """Store a new action; returns its number."""
    _schrijfrecht(wie)
    with schrijfverbinding(db) as con:
        con.execute("BEGIN TRANSACTION")
        nummer = _invoegen(con, actie, wie.email)
        con.execute("COMMIT")
    return nummer


def bijwerken(db: Path, actie_id: int, status: str, toelichting: str, wie: Kijker) -> None:
    """A dated update: the status now (closing is gereed or vervallen) and what happened."""
    _schrijfrecht(wie)
    status = _tekst(status).lower()
    if status not in STATUSSEN:
        raise VerbeteractieFout(f"Status '{status}' is onbekend. Kies open, bezig, gereed of vervallen.")
    if len(_tekst(toelichting)) > MAX_TEKENS:
        raise VerbeteractieFout(te_lang("Toelichting", _tekst(toelichting)))
    with schrijfverbinding(db) as con:
        con.execute("BEGIN TRANSACTION")
        oud = con.execute(sql("verbeteractie_status"), {"id": int(actie_id)}).fetchone()
        if oud is None:
            con.execute("ROLLBACK")
            raise VerbeteractieFout(f"Verbeteractie {actie_id} bestaat niet. Er is niets veranderd.")
        _update(con, int(actie_id), oud[0], status, _tekst(toelichting), wie.email)
        con.execute("COMMIT")


# --- Excel --------------------------------------------------------------------------------------------------------


def export_tabel() -> pd.DataFrame:
    """The list as the Excel file holds it: Dutch headers, names rather than codes, dates as dates."""
    acties = verbeteracties()
    return pd.DataFrame({
        "Nummer": acties["id"].astype(int),
        "Halfjaar": acties["halfjaar"],
        "Sector": [code_weergave("sector", s) if s else None for s in acties["sector"]],
        "Gemeente": [gemeentenaam(g) if g else None for g in acties["gemeentecode"]],
        "Kengetal": acties["kengetal_label"],
        "Bevinding": acties["bevinding"],
        "Actie": acties["actie"],
        "Eigenaar": acties["eigenaar"],
        "Deadline": acties["deadline"],
        "Status": acties["status"],
        "Te laat": ["ja" if t else "nee" for t in acties["te_laat"]],
        "Laatste update": [None if pd.isna(t) else pd.Timestamp(t).date() for t in acties["laatste_update"]],
        "Toelichting": acties["laatste_toelichting"],
    })


def excel_export(tabel: pd.DataFrame | None = None) -> bytes:
    """One sheet "Verbeteracties": bold frozen headers, dates as dates, and text always as text (a finding that starts
    with "=" stays that text, never a formula)."""
    tabel = export_tabel() if tabel is None else tabel
    boek = openpyxl.Workbook()
    blad = boek.active
    blad.title = "Verbeteracties"
    blad.append(list(tabel.columns))
    for cel in blad[1]:
        cel.font = Font(bold=True)
    for r, rij in enumerate(tabel.itertuples(index=False), start=2):
        for k, waarde in enumerate(rij, start=1):
            cel = blad.cell(row=r, column=k)
            if waarde is None or (isinstance(waarde, float) and pd.isna(waarde)):
                continue
            if isinstance(waarde, dt.date):
                cel.value = waarde
                cel.number_format = "dd-mm-yyyy"
            elif isinstance(waarde, int | float) and not isinstance(waarde, bool):
                cel.value = waarde
            else:
                cel.value = str(waarde)
                cel.data_type = "s"  # openpyxl would make text starting with "=" a formula
    for k, naam in enumerate(tabel.columns, start=1):
        breed = max([len(str(naam)), *(len(str(w)) for w in tabel[naam] if w is not None)], default=10)
        blad.column_dimensions[openpyxl.utils.get_column_letter(k)].width = min(60, breed + 2)
    blad.freeze_panes = "A2"
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def _excel_rijen(inhoud: bytes) -> list[tuple[int, dict[str, object]]]:
    """(Excel row number, field -> value) for every non-empty row under the header row of the first sheet."""
    try:
        boek = openpyxl.load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001  not an xlsx (or a damaged one): said in Dutch, whatever the reason
        raise VerbeteractieFout(f"Dit is geen leesbaar Excel-bestand (.xlsx). {NIET_GELADEN}") from None
    try:
        rijen = list(boek.worksheets[0].iter_rows(values_only=True))
    finally:
        boek.close()
    kop_index = next((i for i, rij in enumerate(rijen[:ZOEK_KOPREGEL_IN])
                      if sum(norm_key(c) in KOPJE_NAAR_VELD for c in rij if c is not None) >= 3), None)
    if kop_index is None:
        raise VerbeteractieFout(f"Geen kopregel gevonden met kolommen als Halfjaar, Kengetal, Actie, Eigenaar en "
                                f"Deadline (in de eerste {ZOEK_KOPREGEL_IN} rijen van het eerste blad). {NIET_GELADEN}")
    kolommen = {i: KOPJE_NAAR_VELD[norm_key(c)] for i, c in enumerate(rijen[kop_index])
                if c is not None and norm_key(c) in KOPJE_NAAR_VELD}
    ontbreekt = [KOPJES[v][0] for v in VERPLICHT if v not in kolommen.values()]
    if ontbreekt:
        raise VerbeteractieFout(f"Kolom {', '.join(repr(k) for k in ontbreekt)} ontbreekt. Gebruik de kolommen van de "
                                f"export: {', '.join(KOPJES[v][0] for v in KOPJES)}. {NIET_GELADEN}")
    uit = []
    for nummer, rij in enumerate(rijen[kop_index + 1:], start=kop_index + 2):
        waarden = {veld: rij[i] if i < len(rij) else None for i, veld in kolommen.items()}
        if any(_tekst(w) for w in waarden.values()):
            uit.append((nummer, waarden))
    return uit


def _sleutel(actie: Verbeteractie) -> tuple:
    """What makes a row without a Nummer the same action as one in the store."""
    return actie.halfjaar, actie.sector, actie.gemeentecode, actie.kengetal, actie.actie


def importeren(db: Path, inhoud: bytes, wie: Kijker) -> Importuitkomst:
    """Load an Excel list: every row checked first; one wrong row and nothing is loaded (VerbeteractieFout with a
    line per problem: "Rij 3: ..."). Then, in one transaction: new rows added, changed rows updated (a new status
    or toelichting as a dated update), unchanged ones left alone."""
    _schrijfrecht(wie)
    rijen = _excel_rijen(inhoud)
    gelezen: list[tuple[int, int | None, Verbeteractie, str]] = []
    fouten = []
    for nummer, w in rijen:
        actie, problemen = gecontroleerd(w.get("halfjaar"), w.get("sector"), w.get("gemeente"), w.get("kengetal"),
                                         w.get("bevinding"), w.get("actie"), w.get("eigenaar"), w.get("deadline"),
                                         w.get("status") or "open")
        actie_id = None
        if _tekst(w.get("nummer")):
            try:
                actie_id = int(_tekst(w.get("nummer")))
            except ValueError:
                problemen.append(f"Nummer '{_tekst(w.get('nummer'))}' is geen getal. Laat het leeg voor een nieuwe "
                                 "verbeteractie.")
        fouten += [f"Rij {nummer}: {p}" for p in problemen]
        if actie is not None:
            gelezen.append((nummer, actie_id, actie, _tekst(w.get("toelichting"))))
    if not rijen:
        raise VerbeteractieFout(f"Het bestand heeft geen verbeteracties onder de kopregel. {NIET_GELADEN}")
    with schrijfverbinding(db) as con:
        bestaand = {int(r[0]): r for r in con.execute(sql("verbeteracties_bestaand")).fetchall()}
        laatste_toelichting = dict(con.execute(sql("verbeteractie_laatste_toelichting")).fetchall())
        op_sleutel = {(r[1], r[2], r[3], r[4], r[6]): i for i, r in bestaand.items()}
        gezien: dict[int, int] = {}
        plan = []
        for nummer, actie_id, actie, toelichting in gelezen:
            if actie_id is None:
                actie_id = op_sleutel.get(_sleutel(actie))
            elif actie_id not in bestaand:
                fouten.append(f"Rij {nummer}: Nummer {actie_id} bestaat niet in deze opslag. Laat het leeg voor een "
                              "nieuwe verbeteractie.")
                continue
            if actie_id is not None and actie_id in gezien:
                fouten.append(f"Rij {nummer}: verbeteractie {actie_id} staat ook in rij {gezien[actie_id]}. Laat één "
                              "rij staan.")
                continue
            if actie_id is not None:
                gezien[actie_id] = nummer
            plan.append((actie_id, actie, toelichting))
        if fouten:
            raise VerbeteractieFout(*sorted(fouten, key=_rijnummer), NIET_GELADEN)
        nieuw = gewijzigd = ongewijzigd = 0
        con.execute("BEGIN TRANSACTION")
        for actie_id, actie, toelichting in plan:
            if actie_id is None:
                nieuw_id = _invoegen(con, Verbeteractie(**{**_parameters(actie), "status": "open"}), wie.email)
                if actie.status != "open" or toelichting:
                    _update(con, nieuw_id, "open", actie.status, toelichting, wie.email)
                nieuw += 1
                continue
            oud = bestaand[actie_id]
            velden = [naam for naam, a, b in zip(
                ("halfjaar", "sector", "gemeentecode", "kengetal", "bevinding", "actie", "eigenaar", "deadline"),
                oud[1:9], astuple(actie)[:8], strict=True) if (a or None) != (b or None)]
            if velden:
                voer_uit(con, "verbeteractie_wijzigen", {**_parameters(actie), "id": actie_id})
                vastleggen_in(con, wie.email, "verbeteractie gewijzigd",
                              f"verbeteractie {actie_id}: {', '.join(velden)} (Excel-import)")
            nieuwe_toelichting = bool(toelichting) and toelichting != (laatste_toelichting.get(actie_id) or "")
            if actie.status != oud[9] or nieuwe_toelichting:
                _update(con, actie_id, oud[9], actie.status, toelichting, wie.email)
            if velden or actie.status != oud[9] or nieuwe_toelichting:
                gewijzigd += 1
            else:
                ongewijzigd += 1
        con.execute("COMMIT")
    return Importuitkomst(nieuw, gewijzigd, ongewijzigd)


def _rijnummer(melding: str) -> int:
    m = re.match(r"Rij (\d+):", melding)
    return int(m.group(1)) if m else 0
