"""Check a file, then load it in one transaction; roll an upload back.

`controleer` reads, recognises, stages and validates a file and says what loading it would change,
without writing anything (the store is only read, under the shared lock). `laad` merges a checked file
into the store under the write lock, in one transaction. The CLI does both through `laad_bestand`; the
upload page calls `gelezen` (in a separate process), `herkend_uit`, `gecontroleerd` and `laad` one by
one, so it can show each step and let the user correct the kind, organisatie and peildatum.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from importlib.resources import files
from pathlib import Path

import duckdb

from basis import datumgrenzen, referentie
from basis.instellingen import DEMO_DOOR
from basis.opslag import leesverbinding, macros_laden, schema_aanleggen, schrijfverbinding, transactie
from basis.referentie import norm_key
from pipelines import meldingen, sleutel
from pipelines.apart_lezen import bladen_apart
from pipelines.herkennen import Herkend, datum_uit_tekst, genoemde_organisatie, herken, peildatum_uit_bestandsnaam
from pipelines.lezen import Blad, bladen_uit_bytes, controleer_grootte
from pipelines.meldingen import Fout, Geweigerd, UploadNietTerugTeDraaien
from pipelines.opslag import sql, voer_uit

MAX_OPGESLAGEN_FOUTEN = 100  # lines of a refusal kept in the upload record (the history shows them)
MAX_GETOONDE_FOUTEN = 100  # lines of a refusal the CLI prints
MAX_FOUTEN = 10_000  # problems listed one by one (upload page table, Excel copy); all are counted per column


@dataclass
class Gelezen:
    """A file read once (its sheets as text cells), or why it could not be read."""

    bestandsnaam: str
    sha256: str
    bestandstype: str | None = None  # xlsx | xls | csv
    bladen: list[Blad] = field(default_factory=list)
    bestandsfouten: list[str] = field(default_factory=list)


@dataclass
class Voorbeeld:
    """What loading a checked file would do to the store now (the upload page's preview)."""

    verschil: dict[str, int] = field(default_factory=dict)
    waarschuwingen: list[str] = field(default_factory=list)
    al_geladen: str | None = None  # the AL_GELADEN message when these exact bytes already count
    al_geladen_als: str | None = None  # then: the organisatie they were loaded as (the policy asks whose file it is)
    trajecten_van: str | None = None  # kandidaten: another organisatie that already holds most of its trajecten
    organisatie: str | None = None  # the spelling the store already uses for this organisation


@dataclass
class Controle:
    """The outcome of checking one file, before anything is written."""

    bestandsnaam: str
    sha256: str
    soort: str | None = None
    organisatie: str | None = None
    peildatum: dt.date | None = None
    rijen: int = 0
    fouten: list[Fout] = field(default_factory=list)  # the first MAX_FOUTEN, by row
    fouten_per_kolom: dict[str, int] = field(default_factory=dict)  # every problem counted, per column header
    bestandsfouten: list[str] = field(default_factory=list)
    waarschuwingen: list[str] = field(default_factory=list)
    herkend: Herkend | None = None
    voorbeeld: Voorbeeld | None = None

    @property
    def organisaties_in_bestand(self) -> list[str]:
        """Every organisatie the file names or shows to be its own: its Organisatie column and title row, and after the
        check against the store the organisatie these bytes were loaded as, or whose trajectnummers it holds."""
        if self.herkend is None:
            return []
        uit_opslag = [self.voorbeeld.al_geladen_als, self.voorbeeld.trajecten_van] if self.voorbeeld else []
        return [*self.herkend.organisaties_in_kolom, *filter(None, [self.herkend.organisatie_in_titel, *uit_opslag])]

    @property
    def aantal_fouten(self) -> int:
        return len(self.bestandsfouten) + max(sum(self.fouten_per_kolom.values()), len(self.fouten))

    @property
    def goed(self) -> bool:
        return not self.fouten and not self.bestandsfouten

    @property
    def foutregels(self) -> list[str]:
        return self.bestandsfouten + [f.tekst for f in self.fouten]

    def foutregels_beperkt(self, maximum: int) -> list[str]:
        """At most `maximum` lines of the report, then one line saying how many more and in which columns: a file
        with 200.000 wrong cells must not become a report of 200.000 lines in the CLI, on the page or in the store.
        The Excel copy on the upload page marks the first MAX_FOUTEN of them."""
        bestand = self.bestandsfouten[:maximum]
        cellen = self.fouten[: maximum - len(bestand)]
        regels = bestand + [f.tekst for f in cellen]
        getoond = Counter(f.kolom for f in cellen)
        rest = {kolom: aantal - getoond[kolom] for kolom, aantal in self.fouten_per_kolom.items()
                if aantal > getoond[kolom]}
        if not rest:
            return regels
        volgorde = self.herkend.volgorde if self.herkend else {}
        per_kolom = sorted(rest.items(), key=lambda paar: (-paar[1], volgorde.get(paar[0], 0)))
        kolommen = meldingen.opsomming([f"{kolom} {meldingen.getal(aantal)}" for kolom, aantal in per_kolom], 5,
                                       andere=("andere kolom", "andere kolommen"))
        aantal = meldingen.getal(sum(rest.values()))
        return regels + [meldingen.NOG_MEER_FOUTEN.format(aantal=aantal, kolommen=kolommen)]


@dataclass
class Uitkomst:
    """What a load did, for the CLI and the upload page."""

    controle: Controle
    status: str  # geladen | al_geladen | geweigerd
    upload_id: int | None = None
    verschil: dict[str, int] = field(default_factory=dict)
    melding: str = ""
    demo_beeindigd: bool = False  # the store held only the generated demo data until this load (kader.toegang)


def _testpunt(naam: str) -> None:
    """Lets the atomicity tests make a load fail or crash at a chosen point."""
    if os.environ.get("PIPELINES_FOUTINJECTIE") == naam:
        if naam.endswith("crash"):
            os._exit(137)
        raise RuntimeError(f"foutinjectie: {naam}")


def controleer(
    inhoud: bytes,
    bestandsnaam: str,
    db: Path,
    *,
    soort: str | None = None,
    organisatie: str | None = None,
    peildatum: dt.date | None = None,
    apart_proces: bool = False,
) -> Controle:
    """Read, recognise and validate a file and say what loading it would change; writes nothing."""
    controle = voorbereid(
        inhoud, bestandsnaam, soort=soort, organisatie=organisatie, peildatum=peildatum, apart_proces=apart_proces
    )
    return gecontroleerd(controle, db)


def voorbereid(
    inhoud: bytes,
    bestandsnaam: str,
    *,
    soort: str | None = None,
    organisatie: str | None = None,
    peildatum: dt.date | None = None,
    apart_proces: bool = False,
) -> Controle:
    """Read and recognise a file: its kind, columns, organisatie and peildatum (or why not)."""
    return herkend_uit(
        gelezen(inhoud, bestandsnaam, apart_proces=apart_proces),
        soort=soort,
        organisatie=organisatie,
        peildatum=peildatum,
    )


def gelezen(inhoud: bytes, bestandsnaam: str, *, apart_proces: bool = False) -> Gelezen:
    """The file's sheets, read by content; `apart_proces` reads in a child process that may crash safely."""
    resultaat = Gelezen(bestandsnaam=bestandsnaam, sha256=hashlib.sha256(inhoud).hexdigest())
    try:
        resultaat.bestandstype, resultaat.bladen = (bladen_apart if apart_proces else bladen_uit_bytes)(inhoud)
    except Geweigerd as fout:
        resultaat.bestandsfouten = fout.meldingen
    return resultaat


def herkend_uit(
    bestand: Gelezen,
    *,
    soort: str | None = None,
    organisatie: str | None = None,
    peildatum: dt.date | None = None,
    bekende_organisaties: Sequence[str] = (),
) -> Controle:
    """Recognise a read file; what the form or CLI states wins over what the file says. `bekende_organisaties`:
    the names already in the store, recognised where the file's title rows or other sheets name one of them."""
    controle = Controle(bestandsnaam=bestand.bestandsnaam, sha256=bestand.sha256)
    if bestand.bestandsfouten:
        controle.bestandsfouten = list(bestand.bestandsfouten)
        return controle
    try:
        herkend = herken(bestand.bladen, soort)
        controle.herkend = herkend
        controle.soort = herkend.soort
        controle.rijen = herkend.tabel.num_rows
        controle.waarschuwingen = list(herkend.waarschuwingen)
    except Geweigerd as fout:
        controle.bestandsfouten = fout.meldingen
        return controle
    # a missing organisatie and a missing peildatum are reported together
    try:
        controle.organisatie = gekozen_organisatie(organisatie, herkend, controle.waarschuwingen,
                                                   bekende_organisaties)
    except Geweigerd as fout:
        controle.bestandsfouten += fout.meldingen
    try:
        controle.peildatum = gekozen_peildatum(peildatum, herkend, bestand.bestandsnaam)
    except Geweigerd as fout:
        controle.bestandsfouten += fout.meldingen
    return controle


def gecontroleerd(controle: Controle, db: Path, *, wachttijd: float | None = None) -> Controle:
    """Validate a recognised file and preview what loading it would change, reading the store (if there
    is one yet) under the shared lock, exactly as `laad` will do under the exclusive one."""
    if controle.herkend is None or controle.bestandsfouten:
        return controle
    if Path(db).exists():
        with leesverbinding(db, wachttijd) as con:
            macros_laden(con)  # a writer's connection has them from schema_aanleggen
            _gecontroleerd_in(con, controle, db)
    else:  # no store yet: an empty one in memory gives the same answers
        con = duckdb.connect()
        try:
            schema_aanleggen(con)
            _gecontroleerd_in(con, controle, db)
        finally:
            con.close()
    return controle


def _gecontroleerd_in(con: duckdb.DuckDBPyConnection, controle: Controle, db: Path) -> None:
    controle.fouten, controle.fouten_per_kolom = gevalideerd(con, controle, db)
    voorbeeld = Voorbeeld(organisatie=bekende_spelling(con, controle.organisatie))
    bestaand = con.execute(sql("upload_al_geladen"), {"sha256": controle.sha256}).fetchone()
    if bestaand:
        voorbeeld.al_geladen = al_geladen_melding(*bestaand)
        voorbeeld.al_geladen_als = bestaand[2]
    elif controle.goed:
        voorbeeld.verschil, voorbeeld.waarschuwingen = verschil(con, controle, voorbeeld.organisatie)
        if controle.soort == "kandidaten":
            voorbeeld.trajecten_van = eigenaar_van_trajecten(con, voorbeeld.organisatie)
    controle.voorbeeld = voorbeeld


MIN_GEDEELD = 5  # trajectnummers are an organisation's own: a few shared by chance (T1, 2026-001) say nothing


def eigenaar_van_trajecten(con: duckdb.DuckDBPyConnection, organisatie: str | None) -> str | None:
    """Another organisatie that already holds at least half (and MIN_GEDEELD) of this file's trajectnummers: then
    the file is most likely its export, whatever the form says (the access policy asks whose file it is)."""
    rij = con.execute(sql("trajecten_van_andere"), {"organisatie": organisatie or ""}).fetchone()
    if rij is None:
        return None
    naam, gedeeld, in_bestand = rij
    return naam if gedeeld >= MIN_GEDEELD and 2 * gedeeld >= in_bestand else None


def gekozen_organisatie(opgegeven: str | None, herkend: Herkend, waarschuwingen: list[str],
                        bekende: Sequence[str] = ()) -> str:
    """The form or CLI first, else the file's Organisatie column (one name), else a title row 'Organisatie: …',
    else the one known organisation the title rows or other sheets name ('Trajectoverzicht Werkbedrijf Waalstad')."""
    in_kolom = herkend.organisaties_in_kolom
    if opgegeven:
        naam = geldige_organisatienaam(opgegeven)
        anders = [n for n in in_kolom if norm_key(n) != norm_key(naam)]
        if anders:
            namen = meldingen.opsomming([meldingen.ingekort(n) for n in anders])  # bounded, as column lists
            waarschuwingen.append(meldingen.ANDERE_ORGANISATIE.format(namen=namen, naam=naam))
        return naam
    if len(in_kolom) > 1:
        raise Geweigerd(meldingen.MEER_ORGANISATIES.format(
            namen=meldingen.opsomming([meldingen.ingekort(n) for n in in_kolom], zichtbaar=5)))
    naam = geldige_organisatienaam((in_kolom[0] if in_kolom else herkend.organisatie_in_titel)
                                   or genoemde_organisatie(herkend.titeltekst, list(bekende)) or "")
    if not naam:
        raise Geweigerd(meldingen.GEEN_ORGANISATIE)
    return naam


MAX_ORGANISATIENAAM = 100  # characters: 'Werkbedrijf Rijk van Nijmegen' is 29


def geldige_organisatienaam(tekst: str) -> str:
    """The name with its white space tidied; refused when longer than any organisation's name is: it is stored
    with every row and shown in the sidebar of every page."""
    naam = re.sub(r"\s+", " ", tekst).strip()
    if len(naam) > MAX_ORGANISATIENAAM:
        raise Geweigerd(meldingen.ORGANISATIENAAM_TE_LANG.format(
            naam=meldingen.ingekort(naam, 40), lengte=meldingen.getal(len(naam)), grens=MAX_ORGANISATIENAAM))
    return naam


def gekozen_peildatum(opgegeven: dt.date | None, herkend: Herkend, bestandsnaam: str) -> dt.date:
    """The form or CLI first, else a title row, else the file name; refused outside the range of datumgrenzen."""
    datum = peildatum_uit(opgegeven, herkend, bestandsnaam)
    laatste = datumgrenzen.laatste_peildatum()
    if not datumgrenzen.VROEGSTE_DATUM <= datum <= laatste:
        raise Geweigerd(meldingen.PEILDATUM_BUITEN_BEREIK.format(
            peildatum=datum_nl(datum), vroegste=datum_nl(datumgrenzen.VROEGSTE_DATUM), laatste=datum_nl(laatste)))
    return datum


def peildatum_uit(opgegeven: dt.date | None, herkend: Herkend, bestandsnaam: str) -> dt.date:
    if opgegeven:
        return opgegeven
    if herkend.peildatum_in_bestand:
        datum = datum_uit_tekst(herkend.peildatum_in_bestand)
        if datum is None:
            waarde = meldingen.ingekort(herkend.peildatum_in_bestand)
            raise Geweigerd(meldingen.ONGELDIGE_PEILDATUM.format(waarde=waarde))
        return datum
    datum = peildatum_uit_bestandsnaam(Path(bestandsnaam).name)
    if datum is None:
        raise Geweigerd(meldingen.GEEN_PEILDATUM)
    return datum


def gevalideerd(con: duckdb.DuckDBPyConnection, controle: Controle, db: Path) -> tuple[list[Fout], dict[str, int]]:
    """The first MAX_FOUTEN problems, per cell, and the count of all of them per column header; leaves the
    normalised rows in the connection's temp table `norm`. The connection has the macros (basis/sql/macros.sql)."""
    herkend = controle.herkend
    parameters = {}
    if herkend.soort == "kandidaten":  # only kandidaten are hashed: the key is checked (or made) for them alone
        ipad, opad = sleutel.hmac_pads(con, db)
        parameters = {
            "peildatum": controle.peildatum,
            "ipad": ipad,
            "opad": opad,
            "organisatie_sleutel": norm_key(controle.organisatie),
        }
    parameters |= datumgrenzen.sql_parameters(herkend.soort)
    con.execute(sql("referentie_sleutels"), referentie.csv_paden("codes", "synoniemen", "gemeenten"))
    con.register("stg_ruw", herkend.tabel)
    con.execute(sql("staging"))
    con.execute(sql(f"{herkend.soort}_normaal"), parameters)
    fouten = [
        Fout(
            rij=rij,
            kolom=herkend.kopjes[kolom],
            waarde=None if waarde is None else meldingen.ingekort(waarde),  # a 32.767-character cell stays a cell
            probleem=probleem,
            extra=toegestaan(extra) if probleem == "code_onbekend" else extra,
        )
        for rij, kolom, probleem, waarde, extra in con.execute(sql("fouten"), {"max_fouten": MAX_FOUTEN}).fetchall()
    ]
    fouten.sort(key=lambda f: (f.rij, herkend.volgorde[f.kolom]))
    per_kolom = {herkend.kopjes[kolom]: aantal for kolom, aantal in con.execute(sql("fouten_per_kolom")).fetchall()}
    return fouten, per_kolom


def kolom_van(herkend: Herkend, kopje: str) -> str:
    return next(k for k, v in herkend.kopjes.items() if v == kopje)


def toegestaan(codelijst: str) -> str:
    """The allowed values as users know them: the Dutch names (codes and synonyms are accepted too)."""
    return ", ".join(referentie.code_weergave(codelijst, code) for code in referentie.toegestane_codes(codelijst))


def laad_bestand(
    db: Path,
    pad: Path,
    *,
    soort: str | None = None,
    organisatie: str | None = None,
    peildatum: dt.date | None = None,
    geladen_door: str | None = None,
    apart_proces: bool = True,
) -> Uitkomst:
    """Check and load one file from disk, as the CLI does: read in a child process (a file that crashes the
    reader is one refusal, not the end of the call); `apart_proces=False` only for files we made ourselves."""
    try:
        controleer_grootte(Path(pad).stat().st_size)  # before reading: a 2 GB file is refused at once
    except Geweigerd as fout:
        controle = Controle(bestandsnaam=Path(pad).name, sha256="", bestandsfouten=fout.meldingen)
    else:
        controle = voorbereid(
            Path(pad).read_bytes(),
            Path(pad).name,
            soort=soort,
            organisatie=organisatie,
            peildatum=peildatum,
            apart_proces=apart_proces,
        )
    return laad(db, controle, geladen_door=geladen_door)


def laad(
    db: Path, controle: Controle, *, geladen_door: str | None = None, wachttijd: float | None = None
) -> Uitkomst:
    """Validate and merge a recognised file into the store in one transaction, or record its refusal.

    Validation runs (again) inside the store's connection, so the normalised rows go from a temp table
    straight into the store, without a round trip through Python. The caller's Controle is not changed
    (the upload page keeps it; a failed load must leave it as it was): the outcome holds a copy.
    """
    door = geladen_door or f"cli:{getpass.getuser()}"
    controle = replace(
        controle, fouten=[], fouten_per_kolom={}, waarschuwingen=list(controle.waarschuwingen), voorbeeld=None
    )
    with schrijfverbinding(db, wachttijd) as con:
        bestaand = con.execute(sql("upload_al_geladen"), {"sha256": controle.sha256}).fetchone()
        if bestaand:
            return Uitkomst(controle, "al_geladen", bestaand[0], melding=al_geladen_melding(*bestaand))
        if controle.herkend is not None and not controle.bestandsfouten:
            controle.fouten, controle.fouten_per_kolom = gevalideerd(con, controle, db)
        if not controle.goed:
            upload_id = nieuwe_upload(con, controle, "geweigerd", door)
            return Uitkomst(controle, "geweigerd", upload_id, melding=weigering(controle))
        with transactie(con):
            uitkomst = samengevoegd(con, controle, door)
            _testpunt("voor_commit")
            _testpunt("voor_commit_crash")
    return uitkomst


def samengevoegd(con: duckdb.DuckDBPyConnection, controle: Controle, door: str) -> Uitkomst:
    voer_uit(con, "referentie_vernieuwen", referentie.csv_paden("gemeenten", "codes"))
    controle.organisatie = bekende_spelling(con, controle.organisatie)
    veranderd, extra = verschil(con, controle, controle.organisatie)
    controle.waarschuwingen += extra
    demo_beeindigd = door != DEMO_DOOR and alleen_demogegevens(con)
    upload_id = ingevoegd(con, controle, door)
    synoniemen_vastleggen(con, controle.soort, upload_id)
    _testpunt("na_invoegen")
    melding = geladen_melding(controle, upload_id, veranderd)
    return Uitkomst(controle, "geladen", upload_id, verschil=veranderd, melding=melding, demo_beeindigd=demo_beeindigd)


def alleen_demogegevens(con: duckdb.DuckDBPyConnection) -> bool:
    """Holds the store only the demo's generated data (the dashboard then opens it without a login)? The read side's
    own question (analytics/sql/alleen_demo.sql), asked on the load's connection."""
    vraag = files("analytics").joinpath("sql", "alleen_demo.sql").read_text(encoding="utf-8")
    return bool(con.execute(vraag, {"demo": DEMO_DOOR}).fetchone()[0])


def ingevoegd(con: duckdb.DuckDBPyConnection, controle: Controle, door: str) -> int:
    """The merge itself, inside the caller's transaction: record the upload and insert the normalised rows of the
    connection's temp table `norm` (as `gevalideerd` leaves them) as its rows; its id. For kandidaten also the key's
    fingerprint and the current state of the organisatie's trajecten."""
    upload_id = nieuwe_upload(con, controle, "geladen", door)
    parameters = {"upload_id": upload_id, "organisatie": controle.organisatie}
    if controle.soort == "kandidaten":
        parameters["peildatum"] = controle.peildatum
    con.execute(sql(f"{controle.soort}_invoegen"), parameters)
    if controle.soort == "kandidaten":
        sleutel.vastleggen(con)  # the key's fingerprint, in the same transaction as the first kandidaten
        actueel_bijgewerkt(con, controle.organisatie, controle.peildatum, upload_id)
    return upload_id


def actueel_bijgewerkt(con: duckdb.DuckDBPyConnection, organisatie: str, peildatum: dt.date, upload_id: int) -> None:
    """The current state of the organisatie's trajecten after inserting upload `upload_id`: the monthly load (a
    peildatum later than every loaded one) replaces only the rows of the trajecten it holds, which costs the same in
    an empty store as in one with ten years of snapshots; any other load derives the organisatie's state again from
    all its snapshots (an earlier or the same peildatum can bring older rows back)."""
    parameters = {"organisatie": organisatie, "peildatum": peildatum, "upload_id": upload_id}
    (nieuwste,) = con.execute(sql("traject_actueel_nieuwste"), parameters).fetchone()
    if nieuwste:
        voer_uit(con, "traject_actueel_bijwerken", parameters)
    else:
        voer_uit(con, "traject_actueel_vernieuwen", parameters)


def synoniemen_vastleggen(con: duckdb.DuckDBPyConnection, soort: str, upload_id: int) -> None:
    """Count the values of this upload that were recognised only through a synonym (quality page)."""
    gecodeerd = {
        k.kolom: k.codelijst or "gemeente" for k in referentie.kolommen(soort) if k.codelijst or k.type == "gemeente"
    }
    con.execute(
        sql("synoniemen_gebruikt"),
        {"upload_id": upload_id, "kolommen": list(gecodeerd), "lijsten": list(gecodeerd.values())},
    )


def bekende_spelling(con: duckdb.DuckDBPyConnection, organisatie: str) -> str:
    """The spelling already in the store for the same organisation ('werkbedrijf x' = 'Werkbedrijf X')."""
    bekend = [rij[0] for rij in con.execute(sql("organisaties")).fetchall()]
    return next((naam for naam in bekend if norm_key(naam) == norm_key(organisatie)), organisatie)


def verschil(con: duckdb.DuckDBPyConnection, controle: Controle, organisatie: str) -> tuple[dict[str, int], list[str]]:
    """What the checked rows (temp table `norm`) change in the store, and the warnings that come with it.

    kandidaten: trajecten nieuw / gewijzigd / ongewijzigd / ontbrekend (missing from this export);
    vraag: months nieuw / gewijzigd / ongewijzigd; afspraken: (gemeente, jaar) pairs likewise.
    """
    if controle.soort == "kandidaten":
        return kandidaten_verschil(con, controle, organisatie)
    if controle.soort == "vraag":
        nieuw, gewijzigd, ongewijzigd, _, _ = con.execute(
            sql("vraag_verschil"), {"organisatie": organisatie}
        ).fetchone()
    else:
        nieuw, gewijzigd, ongewijzigd = con.execute(sql("afspraken_verschil")).fetchone()
    return {"nieuw": nieuw, "gewijzigd": gewijzigd, "ongewijzigd": ongewijzigd}, []


def kandidaten_verschil(
    con: duckdb.DuckDBPyConnection, controle: Controle, organisatie: str
) -> tuple[dict[str, int], list[str]]:
    rij = con.execute(
        sql("kandidaten_verschil"), {"organisatie": organisatie, "peildatum": controle.peildatum}
    ).fetchone()
    nieuw, gewijzigd, lopend, ontbrekend, laatste = rij
    waarschuwingen = []
    if laatste and laatste > controle.peildatum:  # kept, but the current state does not change
        waarschuwingen.append(meldingen.OUDERE_PEILDATUM.format(laatste=datum_nl(laatste)))
        geen = {"nieuw": 0, "gewijzigd": 0, "ongewijzigd": controle.rijen, "ontbrekend": 0, "lopend": lopend}
        return geen, waarschuwingen
    if ontbrekend:
        waarschuwingen.append(meldingen.ONTBREKENDE_TRAJECTEN.format(aantal=ontbrekend))
    veranderd = {
        "nieuw": nieuw,
        "gewijzigd": gewijzigd,
        "ongewijzigd": controle.rijen - nieuw - gewijzigd,
        "ontbrekend": ontbrekend,
        "lopend": lopend,
    }
    return veranderd, waarschuwingen


def upload_meldingen(controle: Controle) -> str:
    """What the upload record keeps of the check (JSON): the first errors, their number, the warnings."""
    inhoud = {
        "fouten": controle.foutregels[:MAX_OPGESLAGEN_FOUTEN],
        "aantal_fouten": controle.aantal_fouten,
        "waarschuwingen": controle.waarschuwingen,
    }
    return json.dumps(inhoud, ensure_ascii=False)


def nieuwe_upload(con: duckdb.DuckDBPyConnection, controle: Controle, status: str, door: str) -> int:
    return con.execute(
        sql("upload_nieuw"),
        {
            "soort": controle.soort,
            "organisatie": controle.organisatie,
            "peildatum": controle.peildatum,
            "bestandsnaam": controle.bestandsnaam,
            "sha256": controle.sha256,
            "rijen": controle.rijen,
            "status": status,
            "geladen_door": door,
            "meldingen": upload_meldingen(controle),
        },
    ).fetchone()[0]


def al_geladen_melding(upload_id: int, soort: str, organisatie: str, peildatum: dt.date) -> str:
    return meldingen.AL_GELADEN.format(
        upload_id=upload_id, soort=soort, organisatie=organisatie, peildatum=datum_nl(peildatum)
    )


def datum_nl(datum: dt.date | None) -> str:
    """31-10-2026; also 01-01-0001 (strftime writes the year 1 as '1')."""
    return f"{datum.day:02d}-{datum.month:02d}-{datum.year:04d}" if datum else "onbekend"


def rijen_nl(aantal: int) -> str:
    return f"{meldingen.getal(aantal)} {'rij' if aantal == 1 else 'rijen'}"


def weigering(controle: Controle) -> str:
    aantal = controle.aantal_fouten
    woord = "fout" if aantal == 1 else "fouten"
    return (
        f"Geweigerd: {controle.bestandsnaam} ({meldingen.getal(aantal)} {woord}). Er is niets geladen; "
        "verbeter het bestand en laad het opnieuw."
    )


def geladen_melding(controle: Controle, upload_id: int, verschil: dict[str, int]) -> str:
    tekst = (
        f"Geladen: {controle.bestandsnaam} als upload {upload_id} ({controle.soort}, "
        f"{controle.organisatie}, peildatum {datum_nl(controle.peildatum)}): {rijen_nl(controle.rijen)}"
    )
    if controle.soort == "kandidaten":
        tekst += (
            f"; {meldingen.getal(verschil['nieuw'])} nieuwe trajecten, "
            f"{meldingen.getal(verschil['gewijzigd'])} gewijzigd, "
            f"{meldingen.getal(verschil['ontbrekend'])} ontbreken in deze export"
        )
    elif verschil:
        eenheid = "maanden" if controle.soort == "vraag" else "afspraken (gemeente en jaar)"
        tekst += (
            f"; {eenheid}: {meldingen.getal(verschil['nieuw'])} nieuw, "
            f"{meldingen.getal(verschil['gewijzigd'])} vervangen, "
            f"{meldingen.getal(verschil['ongewijzigd'])} ongewijzigd"
        )
    return tekst + "."


def terugdraai_bezwaar(con: duckdb.DuckDBPyConnection, upload_id: int) -> str | None:
    """Why this upload cannot be rolled back (Dutch), or None when it can."""
    rij = con.execute(sql("upload_status"), {"upload_id": upload_id}).fetchone()
    if rij is None:
        return meldingen.GEEN_UPLOAD.format(upload_id=upload_id)
    status, afgeleid, later, soort, _, _ = rij
    if status == "teruggedraaid":
        return meldingen.AL_TERUGGEDRAAID.format(upload_id=upload_id)
    if status == "geweigerd":
        return meldingen.NIET_GELADEN.format(upload_id=upload_id)
    if soort == "kandidaten" and afgeleid == "vervangen" and later:
        return meldingen.VERVANGEN_DOOR_LATER.format(upload_id=upload_id, later=later)
    return None


def terugdraaien_mogelijk(db: Path, upload_id: int) -> str | None:
    """For the upload page, before it asks for confirmation: why not (Dutch), or None. Reads only."""
    with leesverbinding(db) as con:
        return terugdraai_bezwaar(con, upload_id)


def terugdraaien(db: Path, upload_id: int, *, door: str | None = None, wachttijd: float | None = None) -> str:
    """Undo one loaded upload: its rows go, what it replaced counts again. Returns a Dutch summary."""
    door = door or f"cli:{getpass.getuser()}"
    with schrijfverbinding(db, wachttijd) as con:
        bezwaar = terugdraai_bezwaar(con, upload_id)
        if bezwaar:
            raise UploadNietTerugTeDraaien(bezwaar)
        _, _, _, soort, organisatie, peildatum = con.execute(sql("upload_status"), {"upload_id": upload_id}).fetchone()
        with transactie(con):
            voer_uit(con, "terugdraaien", {"upload_id": upload_id, "door": door})
            if soort == "kandidaten":
                voer_uit(con, "traject_actueel_vernieuwen", {"organisatie": organisatie})
            _testpunt("terugdraaien")
    return (
        f"Upload {upload_id} is teruggedraaid ({soort}, {organisatie}, peildatum {datum_nl(peildatum)}). "
        "De stand van daarvoor geldt weer."
    )


def upload_organisatie(db: Path, upload_id: int) -> str | None:
    """The organisatie an upload was loaded for (None: unknown upload, or none named): whose it is to roll back."""
    if not Path(db).exists():
        return None
    with leesverbinding(db) as con:
        rij = con.execute(sql("upload_organisatie"), {"upload_id": upload_id}).fetchone()
    return rij[0] if rij else None
