"""`python -m pipelines demo --db PATH --schaal N`: a national demo store of about N trajecten.

All 35 arbeidsmarktregio's with their real gemeenten, about 100 invented SW-organisations (two to five per regio,
more in larger regio's), a werkgeversservicepunt and a regio per arbeidsmarktregio for vraag and afspraken, and ten
years of monthly kandidaten snapshots. The trajecten follow the regional demo's patterns (demodata.exports: its
functions draw each traject's start, doelgroep, stroom, route, sector, uitval and uitstroom), so intake peaks after
the summer, uitval comes early and differs by sector and doelgroep.

No Excel files: the rows are generated already normalised and go into the store through the load code's own merge
(pipelines.laden.ingevoegd: the upload record, kandidaten_invoegen.sql and the others, the key's fingerprint,
traject_actueel_vernieuwen), one transaction per organisatie. kandidaat_hash is made in SQL with the store's key,
as the ingest makes it. Deterministic for a given seed and N (the key aside).
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import random
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import numpy as np
import pyarrow as pa

from basis import referentie
from basis.instellingen import DEMO_DOOR
from basis.opslag import schrijfverbinding, transactie
from basis.referentie import norm_key
from demodata import exports as regionaal
from demodata.exports import Kandidaat, Organisatie
from pipelines import laden, sleutel
from pipelines.meldingen import getal
from pipelines.opslag import sql, voer_uit

AANTAL_MAANDEN = 120
LAATSTE_MAAND = regionaal.maand_plus(regionaal.EERSTE_MAAND, regionaal.AANTAL_MAANDEN - 1)  # as the regional demo
EERSTE_MAAND = regionaal.maand_plus(LAATSTE_MAAND, -(AANTAL_MAANDEN - 1))
AANTAL_ORGANISATIES = 100  # SW-organisations; plus a WSP and a regio per arbeidsmarktregio
GROEI_PER_JAAR = 0.05
REGIONAAL_PER_MAAND = 25  # trajecten the regional demo starts a month: its vraag is sized on that

VOORVOEGSELS = ("Werkbedrijf", "Sociaal Ontwikkelbedrijf", "Leerwerkbedrijf", "Groen Werkt", "Werkom",
                "Participatiebedrijf", "Werkgroep")  # fmt: skip


@dataclass(frozen=True)
class Regio:
    naam: str
    gemeenten: tuple[tuple[str, str], ...]  # (gemeentecode, gemeentenaam)
    gewichten: tuple[float, ...]  # residents, roughly: where candidates live
    aandeel: float  # of all trajecten


def regio_s(rng: random.Random) -> list[Regio]:
    """The 35 arbeidsmarktregio's with invented sizes per gemeente (one large city, many small ones)."""
    per_regio: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for code, naam, regio, _ in referentie.gemeenten():
        per_regio[regio].append((code, naam))
    gewogen = []
    for naam in sorted(per_regio):
        gemeenten = tuple(sorted(per_regio[naam]))
        gewichten = tuple(rng.lognormvariate(3.3, 0.8) for _ in gemeenten)
        gewogen.append((naam, gemeenten, gewichten))
    totaal = sum(sum(g) for _, _, g in gewogen)
    return [Regio(naam, gemeenten, gewichten, sum(gewichten) / totaal) for naam, gemeenten, gewichten in gewogen]


def organisaties_per_regio(regio_s: list[Regio], rng: random.Random) -> dict[str, list[tuple[Organisatie, float]]]:
    """About AANTAL_ORGANISATIES SW-organisations, at least two per regio, with their share of the regio's trajecten;
    sectors and preferred gemeenten taken from the regional demo's three organisations in turn."""
    extra = AANTAL_ORGANISATIES - 2 * len(regio_s)
    uitkomst = {}
    volgnummer = 0
    for regio in regio_s:
        aantal = 2 + round(extra * regio.aandeel)
        aandelen = [rng.uniform(0.5, 1.5) for _ in range(aantal)]
        orgs = []
        for i, aandeel in enumerate(aandelen):
            voorbeeld = regionaal.ORGANISATIES[volgnummer % len(regionaal.ORGANISATIES)]
            volgnummer += 1
            naam = f"{VOORVOEGSELS[(volgnummer + i) % len(VOORVOEGSELS)]} {regio.naam}"
            naam = naam if i == 0 else f"{naam} {'ABCDEFGH'[i]}"
            voorkeur = {code: 2.5 for code, _ in rng.sample(regio.gemeenten, max(1, len(regio.gemeenten) // 3))}
            org = Organisatie(
                naam=naam, slug=f"org{volgnummer:03d}", vorm="nationaal", omvang=0, sectoren=voorbeeld.sectoren,
                voorkeur_gemeenten=voorkeur, trajectnummer=f"N{volgnummer:03d}-{{jaar}}-{{nr:06d}}",
                eerste_kandidaatnummer=volgnummer * 10_000_000, crebo_kans=voorbeeld.crebo_kans,
            )
            orgs.append((org, aandeel / sum(aandelen)))
        uitkomst[regio.naam] = orgs
    return uitkomst


def peildata() -> list[dt.date]:
    return [regionaal.maand_einde(regionaal.maand_plus(EERSTE_MAAND, i)) for i in range(AANTAL_MAANDEN)]


def verwacht_per_maand(omvang: float, peildata: list[dt.date]) -> list[float]:
    """Expected starts per month: the regional demo's season and a steady growth, summing to `omvang`."""
    ruw = [regionaal.INSTROOM_PER_MAAND[p.month] * (1 + GROEI_PER_JAAR * (i / 12 - AANTAL_MAANDEN / 24))
           for i, p in enumerate(peildata)]
    return [omvang * r / sum(ruw) for r in ruw]


def opleiders_voor(org: Organisatie, rng: random.Random) -> dict[str, tuple[str, ...]]:
    eigen = {org.naam: tuple(regionaal.persoonsnaam(rng) for _ in range(8))}
    extern = {w: tuple(regionaal.persoonsnaam(rng) for _ in range(rng.randint(1, 2)))
              for namen in regionaal.WERKGEVERS.values() for w in namen}
    return eigen | extern


def trajecten_van(org: Organisatie, regio: Regio, omvang: float, rng: random.Random, nprng: np.random.Generator,
                  data: list[dt.date]) -> list[regionaal.Traject]:
    """All trajecten of one organisatie over the ten years, drawn as the regional demo draws them; returning
    candidates (a second traject) from those whose traject ended at least a month before."""
    codes = [code for code, _ in regio.gemeenten]
    cumulatief = list(np.cumsum([g * org.voorkeur_gemeenten.get(c, 1.0) for c, g in zip(codes, regio.gewichten,
                                                                                          strict=True)]))
    opleiders = opleiders_voor(org, rng)
    trajecten: list[regionaal.Traject] = []
    beeindigd: list[tuple[dt.date, Kandidaat]] = []  # (einddatum, kandidaat) of first trajecten, by start order
    terug_gebruikt: set[str] = set()
    volgende_kandidaat = org.eerste_kandidaatnummer
    for peildatum, verwacht in zip(data, verwacht_per_maand(omvang, data), strict=True):
        for start in sorted(regionaal.startdatum(rng, peildatum) for _ in range(int(nprng.poisson(verwacht)))):
            kandidaat = None
            if beeindigd and rng.random() < regionaal.TWEEDE_TRAJECT_KANS:
                einde, eerder = beeindigd[rng.randrange(len(beeindigd))]
                if einde <= start - dt.timedelta(days=30) and eerder.kandidaat_id not in terug_gebruikt:
                    kandidaat = eerder
                    terug_gebruikt.add(eerder.kandidaat_id)
            if kandidaat is None:
                doelgroep = regionaal.doelgroep_bij_start(rng, start)
                stroom = regionaal.gewogen_keuze(rng, regionaal.STROOM_PER_DOELGROEP.get(doelgroep,
                                                                                          regionaal.STROOM_ANDERS))
                gemeente = rng.choices(codes, cum_weights=cumulatief)[0]
                volgende_kandidaat += 1
                kandidaat = Kandidaat(f"K{volgende_kandidaat}", gemeente, doelgroep, stroom)
            traject = regionaal.nieuw_traject(rng, org, len(trajecten) + 1, kandidaat, start, opleiders)
            trajecten.append(traject)
            if kandidaat.kandidaat_id not in terug_gebruikt:
                beeindigd.append((traject.einddatum, kandidaat))
    return trajecten


TRAJECTVELDEN = ("organisatie", "nr", "traject_id", "kandidaat_id", "organisatie_sleutel", "gemeentecode",
                 "doelgroep", "stroom", "route", "sector", "werkgever", "crebo", "kwalificatie", "startdatum",
                 "einddatum", "status", "reden_uitval", "uitstroom", "praktijkopleider")  # fmt: skip


def traject_tabel(org: Organisatie, trajecten: list[regionaal.Traject]) -> pa.Table:
    sleutel_org = norm_key(org.naam)
    kolommen = {veld: [] for veld in TRAJECTVELDEN}
    for nr, t in enumerate(trajecten, start=1):
        for veld, waarde in zip(TRAJECTVELDEN, (
            org.naam, nr, t.traject_id, t.kandidaat.kandidaat_id, sleutel_org, t.kandidaat.gemeente,
            t.kandidaat.doelgroep, t.kandidaat.stroom, t.route, t.sector, t.werkgever, t.crebo, t.kwalificatie,
            t.startdatum, t.einddatum, t.status, t.reden_uitval, t.uitstroom, t.praktijkopleider,
        ), strict=True):
            kolommen[veld].append(waarde)
    schema = pa.schema([(v, pa.int64() if v == "nr" else pa.date32() if v in ("startdatum", "einddatum")
                         else pa.string()) for v in TRAJECTVELDEN])
    return pa.table(kolommen, schema=schema)


def vraag_tabel(regio: Regio, wsp: str, per_maand: float, rng: random.Random, data: list[dt.date]) -> pa.Table:
    """The regio's werkgeversvraag, the regional demo's requests repeated in proportion to its intake; the
    werkgever's gemeente one of the regio's."""
    herhaling = max(1, round(per_maand / REGIONAAL_PER_MAAND))
    codes = [code for code, _ in regio.gemeenten]
    rijen = defaultdict(list)
    for _ in range(herhaling):
        for r in regionaal.vraagregels(rng, data):
            for veld, waarde in (("organisatie", wsp), ("werkgever", r.werkgever), ("sector", r.sector),
                                 ("beroep", r.beroep), ("crebo", r.crebo), ("maand", r.maand),
                                 ("aantal", r.aantal), ("soort", r.soort),
                                 ("gemeentecode", rng.choices(codes, weights=regio.gewichten)[0]
                                  if r.gemeente else None)):
                rijen[veld].append(waarde)
    return pa.table(rijen)


def afspraak_rijen(regio: Regio, organisatie: str, trajecten: list[regionaal.Traject], rng: random.Random,
                   rijen: dict[str, list]) -> None:
    """Per gemeente and year an agreement sized on its own instroom, some on track, some behind."""
    instroom = Counter((t.kandidaat.gemeente, t.startdatum.year) for t in trajecten)
    laatste = LAATSTE_MAAND
    for code, _ in regio.gemeenten:
        factor = rng.choice(list(regionaal.AFSPRAAK_FACTOR.values()))
        for jaar in range(EERSTE_MAAND.year + 1, laatste.year + 1):
            maanden = range(1, 13) if jaar < laatste.year else range(1, laatste.month + 1)
            deel = sum(regionaal.INSTROOM_PER_MAAND[m] for m in maanden) / sum(regionaal.INSTROOM_PER_MAAND.values())
            for veld, waarde in (("organisatie", organisatie), ("gemeentecode", code), ("jaar", jaar),
                                 ("sector", None), ("doelgroep", None),
                                 ("aantal", max(1, round(instroom[code, jaar] / deel * factor)))):
                rijen[veld].append(waarde)


class Voortgang:
    """Percent done, organisations and months, on stderr: one line rewritten on a terminal, else a line per step."""

    def __init__(self, totaal_maanden: int, uit: TextIO) -> None:
        self.totaal, self.gedaan, self.uit, self.begin = totaal_maanden, 0, uit, time.monotonic()
        self.terminal = uit.isatty()

    def stap(self, maanden: int, organisaties: int, totaal_org: int, klaar: bool = False) -> None:
        self.gedaan += maanden
        procent = 100 * self.gedaan // self.totaal
        regel = (f"Kandidaten laden: {procent:3d}% ({organisaties} van {totaal_org} organisaties, "
                 f"{self.gedaan} van {self.totaal} maandsnapshots, {time.monotonic() - self.begin:.0f} s)")
        if self.terminal:
            print(f"\r{regel}", end="\n" if klaar else "", file=self.uit, flush=True)
        else:
            print(regel, file=self.uit, flush=True)


def controle_voor(soort: str, organisatie: str, peildatum: dt.date, rijen: int, naam: str) -> laden.Controle:
    """The upload's record as a checked file would give it; the sha256 stands for the generated export."""
    return laden.Controle(bestandsnaam=naam, sha256=hashlib.sha256(f"nationale demo|{naam}".encode()).hexdigest(),
                          soort=soort, organisatie=organisatie, peildatum=peildatum, rijen=rijen)


def nationaal_geladen(db: Path, schaal: int, *, seed: int = 2026, uit: TextIO = sys.stderr) -> int:
    """Build the national demo store at `db` (a new one): exit code 0, or 1 with a Dutch reason."""
    if schaal < 100:
        print("Geef bij --schaal minstens 100 trajecten.", file=uit)
        return 1
    if Path(db).exists():
        print(f"De opslag {db} bestaat al. De nationale demo maakt een nieuwe opslag: geef een nieuw pad of "
              "verwijder het bestand eerst.", file=uit)
        return 1
    begin = time.monotonic()
    rng, nprng = random.Random(seed), np.random.default_rng(seed)
    data = peildata()
    regios = regio_s(rng)
    orgs = organisaties_per_regio(regios, rng)
    aantal_org = sum(len(o) for o in orgs.values())
    print(f"Nationale demo: ongeveer {getal(schaal)} trajecten, {len(regios)} arbeidsmarktregio's, {aantal_org} "
          f"organisaties, {AANTAL_MAANDEN} maanden ({EERSTE_MAAND:%m-%Y} tot en met {LAATSTE_MAAND:%m-%Y}).", file=uit)
    tabellen, vraag, afspraken = [], [], defaultdict(list)
    for regio in regios:
        regio_trajecten = []
        for org, aandeel in orgs[regio.naam]:
            trajecten = trajecten_van(org, regio, schaal * regio.aandeel * aandeel, rng, nprng, data)
            tabellen.append(traject_tabel(org, trajecten))
            regio_trajecten += trajecten
        vraag.append(vraag_tabel(regio, f"WSP {regio.naam}", schaal * regio.aandeel / AANTAL_MAANDEN, rng, data))
        afspraak_rijen(regio, f"Regio {regio.naam}", regio_trajecten, rng, afspraken)
    bron = pa.concat_tables(tabellen)
    print(f"{getal(bron.num_rows)} trajecten gemaakt in {time.monotonic() - begin:.0f} s; laden in {db} ...", file=uit)

    with schrijfverbinding(db) as con:
        voer_uit(con, "referentie_vernieuwen", referentie.csv_paden("gemeenten", "codes"))
        ipad, opad = sleutel.hmac_pads(con, db)
        con.register("demo_bron", bron)
        con.execute(sql("nationaal_trajecten"), {"ipad": ipad, "opad": opad})
        con.unregister("demo_bron")
        con.register("demo_vraag", pa.concat_tables(vraag))
        con.register("demo_afspraak", pa.table(afspraken))
        laad_afspraken_en_vraag(con, regios)
        voortgang = Voortgang(aantal_org * AANTAL_MAANDEN, uit)
        alle = [org for regio in regios for org, _ in orgs[regio.naam]]
        for nummer, org in enumerate(alle, start=1):
            voer_uit(con, "nationaal_organisatie", {"organisatie": org.naam})
            starts = sorted(d for (d,) in con.execute("SELECT startdatum FROM demo_org").fetchall())
            with transactie(con):
                snapshots_geladen(con, org, starts, data)
            voortgang.stap(AANTAL_MAANDEN, nummer, len(alle), klaar=nummer == len(alle))
        con.execute("CHECKPOINT")
    grootte = Path(db).stat().st_size / 1e6
    print(f"Klaar in {time.monotonic() - begin:.0f} s: {getal(bron.num_rows)} trajecten, "
          f"opslag {getal(round(grootte))} MB.", file=uit)
    return 0


def snapshots_geladen(con, org: Organisatie, starts: list[dt.date], data: list[dt.date]) -> None:
    """Inside the caller's transaction: every monthly kandidaten export of one organisatie (its trajecten in
    `demo_org`) as its own upload, as `laden.ingevoegd` records and inserts one, but in two statements for all
    its months instead of four per month (12.700 snapshots at 1-3 ms a statement were most of the build); then the
    key's fingerprint and the organisatie's current state, once."""
    controles = [controle_voor("kandidaten", org.naam, peildatum, rijen, f"kandidaten_{org.slug}_{peildatum:%Y-%m}")
                 for peildatum in data if (rijen := bisect.bisect_right(starts, peildatum))]  # none yet: no export
    if not controles:
        return
    con.register("demo_snapshot", pa.table({
        "peildatum": [c.peildatum for c in controles], "bestandsnaam": [c.bestandsnaam for c in controles],
        "sha256": [c.sha256 for c in controles], "rijen": [c.rijen for c in controles]}))
    voer_uit(con, "nationaal_snapshots", {"organisatie": org.naam, "geladen_door": DEMO_DOOR,
                                           "meldingen": laden.upload_meldingen(controles[0])})
    con.unregister("demo_snapshot")
    sleutel.vastleggen(con)
    voer_uit(con, "traject_actueel_vernieuwen", {"organisatie": org.naam})


def laad_afspraken_en_vraag(con, regios: list[Regio]) -> None:
    """Per regio and year one afspraken upload (peildatum 1 January) and one vraag upload of the WSP (peildatum the
    end of the year's last month), each in its own transaction, as uploads are."""
    for regio in regios:
        for soort, organisatie, jaren in (
            ("afspraken", f"Regio {regio.naam}", range(EERSTE_MAAND.year + 1, LAATSTE_MAAND.year + 1)),
            ("vraag", f"WSP {regio.naam}", range(EERSTE_MAAND.year, LAATSTE_MAAND.year + 1)),
        ):
            for jaar in jaren:
                with transactie(con):
                    con.execute(sql(f"nationaal_{soort}"), {"organisatie": organisatie, "jaar": jaar})
                    rijen = con.execute("SELECT count(*) FROM norm").fetchone()[0]
                    peildatum = dt.date(jaar, 1, 1) if soort == "afspraken" else regionaal.maand_einde(
                        min(dt.date(jaar, 12, 1), LAATSTE_MAAND))
                    naam = f"{soort}_{norm_key(organisatie)}_{jaar}"
                    if rijen:
                        laden.ingevoegd(con, controle_voor(soort, organisatie, peildatum, rijen, naam), DEMO_DOOR)
