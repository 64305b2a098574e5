"""Demo exports: a fictional consortium in arbeidsmarktregio Rijk van Nijmegen.

Three invented SW-bedrijven send 36 monthly kandidaten snapshots each, the werkgeversservicepunt
sends monthly vraag, and the regio sends yearly afspraken. The organisations, employers, people,
trajectnummers and crebonummers are invented; the gemeenten are the real ones of the regio.

The data behaves like the field: intake peaks after the summer (VSO/PrO school leavers),
most uitval falls in the first three months and differs by sector and doelgroep, afgeronde
trajecten last 6 to 18 months, about a fifth of ended trajecten leads to betaald werk, and
schoonmaak, logistiek and groen ask for people every month while other sectors ask now and then.

Each organisation writes its files differently, as real exports differ, so that the ingest is
exercised: an .xlsx with title rows and codes, a Dutch-Excel .csv (`;`, Windows-1252, dd-mm-jjjj)
with other header spellings, and an .xlsx with synonyms, a total row and an extra sheet.

Deterministic: the same seed gives the same files, byte for byte.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import math
import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import xlsxwriter

from basis.referentie import code_label, gemeenten, kolommen, synoniemen

REGIO = "Rijk van Nijmegen"
REGIO_ORGANISATIE = "Regio Rijk van Nijmegen"
WSP = "WSP Rijk van Nijmegen"
EERSTE_MAAND = dt.date(2023, 11, 1)
AANTAL_MAANDEN = 36
AFSPRAAKJAREN = (2024, 2025, 2026)

# Residents, rounded (CBS, 2024); only used as weights for where candidates live.
INWONERS = {
    "Nijmegen": 184_000,
    "Wijchen": 41_500,
    "Berg en Dal": 35_500,
    "Beuningen": 26_500,
    "Druten": 19_800,
    "Heumen": 16_800,
    "Mook en Middelaar": 7_900,
}

# Afspraak ÷ expected instroom: above 1 means the gemeente falls behind its agreement.
AFSPRAAK_FACTOR = {
    "Nijmegen": 0.95,
    "Wijchen": 1.3,
    "Berg en Dal": 0.9,
    "Beuningen": 1.35,
    "Druten": 1.1,
    "Heumen": 1.0,
    "Mook en Middelaar": 1.45,
}
# (gemeente, jaar, sector, doelgroep, factor): agreements for one sector or doelgroep.
DEELAFSPRAKEN = (
    ("Nijmegen", 2024, "schoonmaak", None, 1.2),
    ("Nijmegen", 2025, "groen", None, 0.9),
    ("Wijchen", 2026, "logistiek", None, 1.4),
    ("Nijmegen", 2026, None, "vso_pro", 1.1),
)

# Relative intake per calendar month: low in summer and December, a peak in August-October.
INSTROOM_PER_MAAND = {
    1: 1.0, 2: 1.0, 3: 1.05, 4: 0.95, 5: 0.9, 6: 0.85,
    7: 0.5, 8: 1.7, 9: 2.1, 10: 1.5, 11: 1.0, 12: 0.6,
}  # fmt: skip
GROEI_PER_JAAR = 0.08
# Share of VSO/PrO school leavers among the starters, per calendar month.
VSO_PRO_KANS = {8: 0.45, 9: 0.4, 10: 0.12}
VSO_PRO_KANS_ANDERS = 0.04
DOELGROEPEN = {
    "participatiewet": 34, "wsw": 16, "banenafspraak": 12, "beschut_werk": 6, "wajong": 9,
    "nieuwkomer": 9, "ww": 4, "wia": 4, "overig": 4,
}  # fmt: skip
STROOM_PER_DOELGROEP = {
    "wsw": {"medewerker": 80, "langstromer": 15, "doorstromer": 5},
    "beschut_werk": {"langstromer": 75, "medewerker": 20, "onbekend": 5},
    "vso_pro": {"doorstromer": 60, "langstromer": 40},
}
STROOM_ANDERS = {"doorstromer": 52, "langstromer": 43, "onbekend": 5}
EXTERN_KANS = {
    "doorstromer": 0.5,
    "langstromer": 0.25,
    "medewerker": 0.2,
    "onbekend": 0.3,
}
TWEEDE_TRAJECT_KANS = 0.08

UITVAL_BASIS = 0.2
UITVAL_SECTOR = {
    "schoonmaak": 1.5, "logistiek": 1.15, "productie_techniek": 1.0, "facilitair_horeca": 1.1,
    "groen": 0.8, "zorg_welzijn": 1.25, "detailhandel": 1.1, "bouw_infra": 1.2,
    "administratie_ict": 0.9, "overig": 1.0,
}  # fmt: skip
UITVAL_DOELGROEP = {
    "participatiewet": 1.45, "nieuwkomer": 1.15, "vso_pro": 1.2, "ww": 1.0, "wia": 1.1,
    "banenafspraak": 0.9, "wajong": 0.9, "beschut_werk": 0.8, "wsw": 0.55, "overig": 1.0,
}  # fmt: skip
UITVAL_STROOM = {
    "medewerker": 0.6,
    "langstromer": 1.0,
    "doorstromer": 1.05,
    "onbekend": 1.0,
}
# (share of uitval, first day, last day after the start): most uitval comes early.
UITVAL_MOMENT = ((0.62, 7, 91), (0.24, 92, 182), (0.14, 183, 365))
REDENEN_UITVAL = {
    "motivatie": 26, "gezondheid": 22, "past_niet": 20, "prive": 10, "werkgever": 7,
    "werk": 7, "onbekend": 8,
}  # fmt: skip

# Sectors the WSP gets requests for: (chance of any request in a month, mean requests then).
VRAAG_PER_SECTOR = {
    "schoonmaak": (1.0, 2.2), "logistiek": (1.0, 2.4), "groen": (1.0, 1.6),
    "productie_techniek": (0.7, 1.5), "facilitair_horeca": (0.55, 1.3),
    "zorg_welzijn": (0.3, 1.0), "detailhandel": (0.3, 1.0), "bouw_infra": (0.25, 1.0),
    "administratie_ict": (0.15, 1.0),
}  # fmt: skip
LEEG = ""  # an outcome left empty in the export, as uitstroom often is
SOORTEN_PLEK = {"leerwerkplek": 50, "vacature": 25, "stage": 15, "baangarantie": 10}

WERKGEVERS = {
    "schoonmaak": ("Schoonmaakbedrijf Van Gelder", "Waalglans Schoonmaakdiensten",
                   "Hofman Gebouwreiniging", "Schoon & Zo Wijchen"),
    "logistiek": ("Distributiecentrum Bijsterhuizen", "Transportbedrijf Verhoeven",
                  "Maas-Waal Warehousing", "Pakketcentrum Nijmegen-West"),
    "groen": ("Hoveniersbedrijf De Ooij", "Groenbeheer Heuvelland", "Boomkwekerij Van Dijk",
              "Tuincentrum De Linde"),
    "productie_techniek": ("Metaalbewerking Dukenburg", "Verpakkingsbedrijf Weurt",
                           "Assemblage Teunissen", "Kunststoffen Beuningen"),
    "facilitair_horeca": ("Restaurant De Waalkade", "Bedrijfscatering Het Keukentje",
                          "Hotel De Heuvelrand", "Lunchroom De Molen"),
    "zorg_welzijn": ("Zorgcentrum De Lindenhof", "Woonzorg Malden", "Dagbesteding De Boomgaard"),
    "detailhandel": ("Supermarkt Van den Heuvel", "Bouwmarkt Beuningen", "Fietsenwinkel Smits"),
    "bouw_infra": ("Aannemersbedrijf Gerritsen", "Stratenmakers Rijk", "Installatiebedrijf Peters"),
    "administratie_ict": ("Administratiekantoor Claassen", "Digitaliseringsbureau Lent"),
    "overig": ("Kringloopcentrum De Tweede Ronde", "Fietsenstalling Centrum"),
}  # fmt: skip
# Where each werkgever is located (the gemeente of its vraag).
VESTIGING = {
    "Schoonmaakbedrijf Van Gelder": "Nijmegen", "Waalglans Schoonmaakdiensten": "Nijmegen",
    "Hofman Gebouwreiniging": "Beuningen", "Schoon & Zo Wijchen": "Wijchen",
    "Distributiecentrum Bijsterhuizen": "Wijchen", "Transportbedrijf Verhoeven": "Druten",
    "Maas-Waal Warehousing": "Beuningen", "Pakketcentrum Nijmegen-West": "Nijmegen",
    "Hoveniersbedrijf De Ooij": "Berg en Dal", "Groenbeheer Heuvelland": "Berg en Dal",
    "Boomkwekerij Van Dijk": "Druten", "Tuincentrum De Linde": "Heumen",
    "Metaalbewerking Dukenburg": "Nijmegen", "Verpakkingsbedrijf Weurt": "Beuningen",
    "Assemblage Teunissen": "Wijchen", "Kunststoffen Beuningen": "Beuningen",
    "Restaurant De Waalkade": "Nijmegen", "Bedrijfscatering Het Keukentje": "Nijmegen",
    "Hotel De Heuvelrand": "Berg en Dal", "Lunchroom De Molen": "Mook en Middelaar",
    "Zorgcentrum De Lindenhof": "Nijmegen", "Woonzorg Malden": "Heumen",
    "Dagbesteding De Boomgaard": "Wijchen", "Supermarkt Van den Heuvel": "Nijmegen",
    "Bouwmarkt Beuningen": "Beuningen", "Fietsenwinkel Smits": "Druten",
    "Aannemersbedrijf Gerritsen": "Wijchen", "Stratenmakers Rijk": "Nijmegen",
    "Installatiebedrijf Peters": "Heumen", "Administratiekantoor Claassen": "Nijmegen",
    "Digitaliseringsbureau Lent": "Nijmegen", "Kringloopcentrum De Tweede Ronde": "Nijmegen",
    "Fietsenstalling Centrum": "Nijmegen",
}  # fmt: skip

# (kwalificatie, crebo); the crebonummers are invented.
KWALIFICATIES = {
    "schoonmaak": (("Schoonmaakmedewerker", "25411"),
                   ("Medewerker specialistische reiniging", "25412")),
    "logistiek": (("Logistiek medewerker", "25360"), ("Orderpicker", "25361"),
                  ("Heftruckchauffeur", "25362")),
    "groen": (("Medewerker groene ruimte", "25449"), ("Hovenier", "25450")),
    "productie_techniek": (("Productiemedewerker", "25300"), ("Assemblagemedewerker", "25301"),
                           ("Medewerker metaalbewerking", "25302")),
    "facilitair_horeca": (("Medewerker keuken", "25170"), ("Medewerker bediening", "25171"),
                          ("Facilitair medewerker", "25172")),
    "zorg_welzijn": (("Helpende zorg en welzijn", "25498"),
                     ("Medewerker huishouding zorg", "25499")),
    "detailhandel": (("Medewerker winkel", "25250"), ("Vakkenvuller", "25251")),
    "bouw_infra": (("Medewerker bouw", "25100"), ("Stratenmaker", "25101")),
    "administratie_ict": (("Medewerker administratie", "25140"),
                          ("Medewerker digitale ondersteuning", "25141")),
    "overig": (("Medewerker kringloop", "25190"),),
}  # fmt: skip

VOORLETTERS = ("A.", "B.", "C.", "D.", "E.", "G.", "H.", "J.", "K.", "L.", "M.", "N.", "P.",
               "R.", "S.", "T.", "W.", "A.M.", "J.H.", "M.C.", "P.J.", "R.W.")  # fmt: skip
ACHTERNAMEN = ("Jansen", "de Vries", "van den Berg", "Bakker", "Hendriks", "Peters", "Willems",
               "Gerritsen", "Arts", "Verbeek", "Janssen", "Smits", "van Dijk", "Claassen",
               "Hermsen", "Kuijpers", "Driessen", "Derksen", "Thijssen", "Coenen", "Lamers",
               "Wijers", "Verhoeven", "van Haren", "Roelofs", "Bosman")  # fmt: skip


@dataclass(frozen=True)
class DemoBestand:
    pad: Path
    soort: str
    organisatie: str
    peildatum: dt.date


@dataclass(frozen=True)
class Organisatie:
    naam: str
    slug: str
    vorm: str  # which writer: "xlsx_titel", "csv_excel" or "xlsx_synoniemen"
    omvang: int  # trajecten started over the 36 months, roughly
    sectoren: dict[str, float]
    voorkeur_gemeenten: dict[str, float]  # multiplies the resident weight
    trajectnummer: str  # format with `jaar` and `nr`
    eerste_kandidaatnummer: int
    crebo_kans: float


ORGANISATIES = (
    Organisatie(
        naam="Werkbedrijf Waalstad",
        slug="werkbedrijf-waalstad",
        vorm="xlsx_titel",
        omvang=340,
        sectoren={"schoonmaak": 25, "logistiek": 20, "productie_techniek": 20,
                  "facilitair_horeca": 15, "groen": 8, "zorg_welzijn": 4, "detailhandel": 4,
                  "administratie_ict": 3, "bouw_infra": 1},
        voorkeur_gemeenten={"Nijmegen": 1.6},
        trajectnummer="WB-{jaar}-{nr:04d}",
        eerste_kandidaatnummer=100_000,
        crebo_kans=0.6,
    ),
    Organisatie(
        naam="Sociaal Ontwikkelbedrijf Maas en Waal",
        slug="maas-en-waal",
        vorm="csv_excel",
        omvang=290,
        sectoren={"productie_techniek": 25, "logistiek": 25, "groen": 15, "schoonmaak": 15,
                  "facilitair_horeca": 8, "bouw_infra": 5, "detailhandel": 5, "zorg_welzijn": 2},
        voorkeur_gemeenten={"Wijchen": 3.0, "Beuningen": 3.0, "Druten": 3.0, "Nijmegen": 0.4},
        trajectnummer="2{nr:05d}",
        eerste_kandidaatnummer=400_000,
        crebo_kans=0.5,
    ),
    Organisatie(
        naam="Groen Werkt Rijk",
        slug="groen-werkt-rijk",
        vorm="xlsx_synoniemen",
        omvang=260,
        sectoren={"groen": 45, "schoonmaak": 15, "facilitair_horeca": 10, "bouw_infra": 10,
                  "logistiek": 8, "zorg_welzijn": 5, "detailhandel": 4, "overig": 3},
        voorkeur_gemeenten={"Berg en Dal": 2.5, "Heumen": 2.5, "Mook en Middelaar": 2.5},
        trajectnummer="GWR/{jaar}/{nr:04d}",
        eerste_kandidaatnummer=700_000,
        crebo_kans=0.4,
    ),
)  # fmt: skip


@dataclass(frozen=True)
class Kandidaat:
    kandidaat_id: str
    gemeente: str
    doelgroep: str
    stroom: str


@dataclass(frozen=True)
class Traject:
    """A traject with its final outcome; `stand_op` shows it as known on a peildatum."""

    organisatie: str
    traject_id: str
    kandidaat: Kandidaat
    route: str
    sector: str
    werkgever: str | None
    crebo: str | None
    kwalificatie: str | None
    praktijkopleider: str | None
    startdatum: dt.date
    einddatum: dt.date
    status: str
    reden_uitval: str | None
    uitstroom: str | None

    def stand_op(self, peildatum: dt.date) -> dict[str, object]:
        beeindigd = self.einddatum <= peildatum
        return {
            "organisatie": self.organisatie,
            "traject_id": self.traject_id,
            "kandidaat_id": self.kandidaat.kandidaat_id,
            "gemeente": self.kandidaat.gemeente,
            "doelgroep": self.kandidaat.doelgroep,
            "stroom": self.kandidaat.stroom,
            "route": self.route,
            "sector": self.sector,
            "werkgever": self.werkgever,
            "crebo": self.crebo,
            "kwalificatie": self.kwalificatie,
            "startdatum": self.startdatum,
            "einddatum": self.einddatum if beeindigd else None,
            "status": self.status if beeindigd else "lopend",
            "reden_uitval": self.reden_uitval if beeindigd else None,
            "uitstroom": self.uitstroom if beeindigd else None,
            "praktijkverklaring_datum": (self.einddatum if beeindigd and self.status == "afgerond" else None),
            "praktijkopleider": self.praktijkopleider,
        }


@dataclass(frozen=True)
class Vraagregel:
    werkgever: str
    sector: str
    beroep: str
    crebo: str | None
    gemeente: str | None
    maand: dt.date
    aantal: int
    soort: str


@dataclass(frozen=True)
class Afspraak:
    gemeente: str
    jaar: int
    aantal: int
    sector: str | None
    doelgroep: str | None


# ---------------------------------------------------------------------------------------------
# Public entry point


def schrijf_demo_exports(map: Path, seed: int = 2026) -> list[DemoBestand]:
    """Write all demo exports under `map`; return them in the order they must be loaded."""
    rng = random.Random(seed)
    peildata = peildata_demo()
    opleiders = praktijkopleiders(rng)
    trajecten = {org.naam: trajecten_van(org, rng, peildata, opleiders) for org in ORGANISATIES}
    vraag = vraagregels(rng, peildata)
    afspraken = afspraken_per_jaar([t for ts in trajecten.values() for t in ts])

    bestanden = [
        schrijf_afspraken(map / "afspraken" / f"afspraken_{jaar}.xlsx", jaar, afspraken[jaar]) for jaar in AFSPRAAKJAREN
    ]
    for peildatum in peildata:
        for org in ORGANISATIES:
            bestanden.append(schrijf_kandidaten(map, org, peildatum, trajecten[org.naam]))
        regels = [r for r in vraag if r.maand == peildatum.replace(day=1)]
        pad = map / "wsp" / f"vraag_{peildatum:%Y-%m}.xlsx"
        bestanden.append(schrijf_vraag(pad, peildatum, regels))
    return bestanden


def peildata_demo() -> list[dt.date]:
    """The last day of each of the 36 months."""
    return [maand_einde(maand_plus(EERSTE_MAAND, i)) for i in range(AANTAL_MAANDEN)]


def maand_plus(maand: dt.date, aantal: int) -> dt.date:
    index = maand.year * 12 + maand.month - 1 + aantal
    return dt.date(index // 12, index % 12 + 1, 1)


def maand_einde(dag: dt.date) -> dt.date:
    return dag.replace(day=calendar.monthrange(dag.year, dag.month)[1])


# ---------------------------------------------------------------------------------------------
# Small random helpers


def gewogen_keuze(rng: random.Random, gewichten: dict[str, float]) -> str:
    return rng.choices(list(gewichten), weights=list(gewichten.values()))[0]


def poisson(rng: random.Random, gemiddelde: float) -> int:
    """Knuth's method; fine for the small means used here."""
    grens, aantal, product = math.exp(-gemiddelde), 0, rng.random()
    while product > grens:
        aantal += 1
        product *= rng.random()
    return aantal


def persoonsnaam(rng: random.Random) -> str:
    """Initials and surname, as praktijkopleiders appear in exports."""
    return f"{rng.choice(VOORLETTERS)} {rng.choice(ACHTERNAMEN)}"


def praktijkopleiders(rng: random.Random) -> dict[str, tuple[str, ...]]:
    """Per organisation its own praktijkopleiders; per werkgever one or two werkbegeleiders."""
    eigen = {org.naam: tuple(persoonsnaam(rng) for _ in range(8)) for org in ORGANISATIES}
    extern = {
        werkgever: tuple(persoonsnaam(rng) for _ in range(rng.randint(1, 2)))
        for namen in WERKGEVERS.values()
        for werkgever in namen
    }
    return eigen | extern


def regio_gemeenten() -> list[str]:
    namen = sorted(naam for _, naam, regio, _ in gemeenten() if regio == REGIO)
    if set(namen) != set(INWONERS):
        raise ValueError(f"Gemeenten van {REGIO} wijken af van de demo: {namen}")
    return namen


# ---------------------------------------------------------------------------------------------
# Trajecten


def trajecten_van(
    org: Organisatie,
    rng: random.Random,
    peildata: Sequence[dt.date],
    opleiders: dict[str, tuple[str, ...]],
) -> list[Traject]:
    """All trajecten the organisation starts in the demo period, with their final outcome."""
    gemeentegewicht = {g: INWONERS[g] * org.voorkeur_gemeenten.get(g, 1.0) for g in regio_gemeenten()}
    trajecten: list[Traject] = []
    for peildatum in peildata:
        verwacht = verwachte_instroom(org, peildatum)
        startdata = sorted(startdatum(rng, peildatum) for _ in range(poisson(rng, verwacht)))
        for start in startdata:
            kandidaat = kandidaat_voor(rng, org, start, trajecten, gemeentegewicht)
            nr = len(trajecten) + 1
            trajecten.append(nieuw_traject(rng, org, nr, kandidaat, start, opleiders))
    return trajecten


def verwachte_instroom(org: Organisatie, peildatum: dt.date) -> float:
    jaargewicht = sum(INSTROOM_PER_MAAND.values())
    maanden = (peildatum.year - EERSTE_MAAND.year) * 12 + peildatum.month - EERSTE_MAAND.month
    jaren = maanden / 12
    per_jaar = org.omvang / (AANTAL_MAANDEN / 12) * (1 + GROEI_PER_JAAR * (jaren - 1.5))
    return per_jaar * INSTROOM_PER_MAAND[peildatum.month] / jaargewicht


def startdatum(rng: random.Random, peildatum: dt.date) -> dt.date:
    """Often the first of the month; after the summer holiday from late August."""
    if peildatum.month == 8 and rng.random() < 0.6:
        return peildatum.replace(day=rng.randint(19, peildatum.day))
    if rng.random() < 0.4:
        return peildatum.replace(day=1)
    return peildatum.replace(day=rng.randint(1, peildatum.day))


def kandidaat_voor(
    rng: random.Random,
    org: Organisatie,
    start: dt.date,
    eerdere: Sequence[Traject],
    gemeentegewicht: dict[str, float],
) -> Kandidaat:
    """A returning candidate (second traject) now and then, else a new one."""
    if rng.random() < TWEEDE_TRAJECT_KANS:
        aantallen = Counter(t.kandidaat.kandidaat_id for t in eerdere)
        terug = [
            t.kandidaat
            for t in eerdere
            if t.einddatum <= start - dt.timedelta(days=30) and aantallen[t.kandidaat.kandidaat_id] == 1
        ]
        if terug:
            return rng.choice(terug)
    doelgroep = doelgroep_bij_start(rng, start)
    stroom = gewogen_keuze(rng, STROOM_PER_DOELGROEP.get(doelgroep, STROOM_ANDERS))
    gebruikt = {t.kandidaat.kandidaat_id for t in eerdere}
    while True:
        nummer = f"K{org.eerste_kandidaatnummer + rng.randint(0, 299_999)}"
        if nummer not in gebruikt:
            return Kandidaat(nummer, gewogen_keuze(rng, gemeentegewicht), doelgroep, stroom)


def doelgroep_bij_start(rng: random.Random, start: dt.date) -> str:
    if rng.random() < VSO_PRO_KANS.get(start.month, VSO_PRO_KANS_ANDERS):
        return "vso_pro"
    return gewogen_keuze(rng, DOELGROEPEN)


def nieuw_traject(
    rng: random.Random,
    org: Organisatie,
    nr: int,
    kandidaat: Kandidaat,
    start: dt.date,
    opleiders: dict[str, tuple[str, ...]],
) -> Traject:
    sector = gewogen_keuze(rng, org.sectoren)
    route = "extern" if rng.random() < EXTERN_KANS[kandidaat.stroom] else "intern"
    werkgever = rng.choice(WERKGEVERS[sector]) if route == "extern" else None
    kwalificatie, crebo = rng.choice(KWALIFICATIES[sector])
    opleider = rng.choice(opleiders[werkgever or org.naam]) if rng.random() < 0.9 else None
    status, einde, reden, uitstroom = uitkomst(rng, start, kandidaat, sector, route)
    return Traject(
        organisatie=org.naam,
        traject_id=org.trajectnummer.format(jaar=start.year, nr=nr),
        kandidaat=kandidaat,
        route=route,
        sector=sector,
        werkgever=werkgever,
        crebo=crebo if rng.random() < org.crebo_kans else None,
        kwalificatie=kwalificatie if rng.random() < 0.85 else None,
        praktijkopleider=opleider,
        startdatum=start,
        einddatum=einde,
        status=status,
        reden_uitval=reden,
        uitstroom=uitstroom,
    )


def uitkomst(
    rng: random.Random, start: dt.date, kandidaat: Kandidaat, sector: str, route: str
) -> tuple[str, dt.date, str | None, str | None]:
    """(final status, einddatum, reden_uitval, uitstroom); the einddatum may lie in the future."""
    kans = (
        UITVAL_BASIS * UITVAL_SECTOR[sector] * UITVAL_DOELGROEP[kandidaat.doelgroep] * UITVAL_STROOM[kandidaat.stroom]
    )
    if rng.random() < min(kans, 0.75):
        reden = reden_uitval(rng, route)
        einde = start + dt.timedelta(days=dagen_tot_uitval(rng, reden))
        return "uitgevallen", einde, reden, uitstroom_na_uitval(rng, reden, kandidaat)
    einde = start + dt.timedelta(days=round(rng.triangular(183, 548, 330)))
    return "afgerond", einde, None, uitstroom_na_afronding(rng, kandidaat, route)


def reden_uitval(rng: random.Random, route: str) -> str:
    redenen = REDENEN_UITVAL if route == "extern" else REDENEN_UITVAL | {"werkgever": 0}
    return gewogen_keuze(rng, redenen)


def dagen_tot_uitval(rng: random.Random, reden: str) -> int:
    if reden == "werk":  # leaving for a job takes a while
        return rng.randint(60, 300)
    kansen = [aandeel for aandeel, _, _ in UITVAL_MOMENT]
    _, eerste, laatste = rng.choices(UITVAL_MOMENT, weights=kansen)[0]
    return rng.randint(eerste, laatste)


def uitstroom_na_uitval(rng: random.Random, reden: str, kandidaat: Kandidaat) -> str | None:
    if reden == "werk":
        return "betaald_werk"
    if kandidaat.stroom == "medewerker":
        return gewogen_keuze(rng, {"werk_sw": 80, "geen": 10, "onbekend": 10})
    return (
        gewogen_keuze(
            rng,
            {"geen": 50, "onbekend": 25, "werk_sw": 10, "vervolgopleiding": 8, LEEG: 7},
        )
        or None
    )


def uitstroom_na_afronding(rng: random.Random, kandidaat: Kandidaat, route: str) -> str | None:
    extern = route == "extern"
    if kandidaat.stroom == "medewerker":
        kansen = {"werk_sw": 85, "betaald_werk": 8 if extern else 2, "onbekend": 5}
    elif kandidaat.stroom == "doorstromer":
        kansen = {
            "betaald_werk": 55 if extern else 25,
            "vervolgopleiding": 15,
            "werk_sw": 10,
            "geen": 10,
            "onbekend": 5,
        }
    else:
        kansen = {
            "betaald_werk": 22 if extern else 8,
            "werk_sw": 50,
            "vervolgopleiding": 5,
            "geen": 12,
            "onbekend": 8,
        }
    if kandidaat.doelgroep == "vso_pro":
        kansen = kansen | {"vervolgopleiding": 30}
    return gewogen_keuze(rng, kansen | {LEEG: 4}) or None


# ---------------------------------------------------------------------------------------------
# Vraag and afspraken


def vraagregels(rng: random.Random, peildata: Sequence[dt.date]) -> list[Vraagregel]:
    """Employer requests per month: some sectors every month, others now and then."""
    regels = []
    for peildatum in peildata:
        maand = peildatum.replace(day=1)
        for sector, (kans, gemiddeld) in VRAAG_PER_SECTOR.items():
            if rng.random() >= kans:
                continue
            drukte = 1.5 if sector == "groen" and maand.month in (3, 4, 5) else 1.0
            for _ in range(1 + poisson(rng, (gemiddeld - 1) * drukte)):
                regels.append(vraagregel(rng, sector, maand))
    return regels


def vraagregel(rng: random.Random, sector: str, maand: dt.date) -> Vraagregel:
    werkgevers = WERKGEVERS[sector]
    # The first werkgever of each sector is a regular customer of the WSP.
    werkgever = werkgevers[0] if rng.random() < 0.45 else rng.choice(werkgevers)
    beroep, crebo = rng.choice(KWALIFICATIES[sector])
    return Vraagregel(
        werkgever=werkgever,
        sector=sector,
        beroep=beroep,
        crebo=crebo if rng.random() < 0.5 else None,
        gemeente=VESTIGING[werkgever] if rng.random() < 0.9 else None,
        maand=maand,
        aantal=1 + poisson(rng, 1.2 if sector in ("schoonmaak", "logistiek") else 0.6),
        soort=gewogen_keuze(rng, SOORTEN_PLEK),
    )


def afspraken_per_jaar(trajecten: Sequence[Traject]) -> dict[int, list[Afspraak]]:
    """Agreements sized on the demo's own instroom, so some gemeenten are on track, some behind."""
    return {
        jaar: [
            Afspraak(
                g,
                jaar,
                afspraak_aantal(trajecten, jaar, factor, gemeente=g),
                None,
                None,
            )
            for g, factor in AFSPRAAK_FACTOR.items()
        ]
        + [
            Afspraak(
                g,
                jaar,
                afspraak_aantal(trajecten, jaar, factor, g, sector, doelgroep),
                sector,
                doelgroep,
            )
            for g, j, sector, doelgroep, factor in DEELAFSPRAKEN
            if j == jaar
        ]
        for jaar in AFSPRAAKJAREN
    }


def afspraak_aantal(
    trajecten: Sequence[Traject],
    jaar: int,
    factor: float,
    gemeente: str,
    sector: str | None = None,
    doelgroep: str | None = None,
) -> int:
    instroom = [
        t
        for t in trajecten
        if t.startdatum.year == jaar
        and t.kandidaat.gemeente == gemeente
        and sector in (None, t.sector)
        and doelgroep in (None, t.kandidaat.doelgroep)
    ]
    laatste = maand_plus(EERSTE_MAAND, AANTAL_MAANDEN - 1)
    maanden = range(1, 13) if jaar < laatste.year else range(1, laatste.month + 1)
    bekend_deel = sum(INSTROOM_PER_MAAND[m] for m in maanden) / sum(INSTROOM_PER_MAAND.values())
    return max(1, round(len(instroom) / bekend_deel * factor))


# ---------------------------------------------------------------------------------------------
# Writing: one shape per organisation


KANDIDAATKOPJES = {  # vorm -> {veld: kopje}; the order is the column order
    "xlsx_titel": {
        "traject_id": "Trajectnummer", "kandidaat_id": "Kandidaatnummer", "gemeente": "Gemeente",
        "doelgroep": "Doelgroep", "stroom": "Stroom", "route": "Route", "sector": "Sector",
        "werkgever": "Werkgever", "crebo": "Crebo", "kwalificatie": "Kwalificatie",
        "startdatum": "Startdatum", "einddatum": "Einddatum", "status": "Status",
        "reden_uitval": "Reden uitval", "uitstroom": "Uitstroom",
        "praktijkverklaring_datum": "Praktijkverklaring", "praktijkopleider": "Praktijkopleider",
    },
    "csv_excel": {
        "organisatie": "Organisatie", "traject_id": "Dossiernummer", "kandidaat_id": "Klantnummer",
        "gemeente": "Woongemeente", "doelgroep": "Regeling", "stroom": "Type kandidaat",
        "route": "Intern/extern", "sector": "Branche", "werkgever": "Leerbedrijf",
        "crebo": "Crebonummer", "kwalificatie": "Opleiding", "startdatum": "Begindatum",
        "einddatum": "Datum einde", "status": "Trajectstatus",
        "reden_uitval": "Reden beëindiging", "uitstroom": "Vervolg",
        "praktijkverklaring_datum": "Datum praktijkverklaring",
        "praktijkopleider": "Werkbegeleider",
    },
    "xlsx_synoniemen": {
        "traject_id": "Traject ID", "kandidaat_id": "Deelnemernummer",
        "gemeente": "Gemeente opdrachtgever", "doelgroep": "Grondslag", "stroom": "Instroomtype",
        "route": "Plaats praktijkleren", "sector": "Werkveld", "werkgever": "Stagebedrijf",
        "crebo": "Kwalificatiecode", "kwalificatie": "Leerlijn", "startdatum": "Start traject",
        "einddatum": "Einde traject", "status": "Status traject", "reden_uitval": "Uitvalreden",
        "uitstroom": "Bestemming", "praktijkverklaring_datum": "Praktijkverklaring behaald",
        "praktijkopleider": "Leermeester",
    },
}  # fmt: skip


@cache
def codelijst_per_veld() -> dict[str, str]:
    return {k.kolom: k.codelijst for k in kolommen("kandidaten") if k.codelijst}


@cache
def gemeentecode(naam: str) -> str:
    return next(code for code, gemeentenaam, _, _ in gemeenten() if gemeentenaam == naam)


@cache
def synoniem_of_label(codelijst: str, code: str) -> str:
    """The first known synonym of a code, else its label: how a system with its own words exports."""
    eerste = next(
        (syn for lijst, syn, c in synoniemen() if lijst == codelijst and c == code),
        None,
    )
    return eerste or code_label(codelijst, code)


def als_code(veld: str, waarde: object) -> object:
    """Canonical codes, gemeente as CBS code, crebo as a number (as Excel keeps it)."""
    if veld == "gemeente" and isinstance(waarde, str):
        return gemeentecode(waarde)
    if veld == "crebo" and isinstance(waarde, str):
        return int(waarde)
    return waarde


def als_excel_tekst(veld: str, waarde: object) -> object:
    """What Dutch Excel writes to csv: dd-mm-jjjj dates, codes as capitalised words."""
    if isinstance(waarde, dt.date):
        return f"{waarde:%d-%m-%Y}"
    if isinstance(waarde, str) and veld in codelijst_per_veld():
        return waarde.replace("_", " ").capitalize()
    return waarde


def als_synoniem(veld: str, waarde: object) -> object:
    """Synonyms and labels instead of codes, gemeenten in capitals."""
    if not isinstance(waarde, str):
        return waarde
    if veld == "gemeente":
        return waarde.upper()
    codelijst = codelijst_per_veld().get(veld)
    return synoniem_of_label(codelijst, waarde) if codelijst else waarde


WEERGAVE: dict[str, Callable[[str, object], object]] = {
    "xlsx_titel": als_code,
    "csv_excel": als_excel_tekst,
    "xlsx_synoniemen": als_synoniem,
}


def schrijf_kandidaten(
    map: Path,
    org: Organisatie,
    peildatum: dt.date,
    trajecten: Sequence[Traject],
) -> DemoBestand:
    kopjes = KANDIDAATKOPJES[org.vorm]
    weergave = WEERGAVE[org.vorm]
    rijen = [
        [weergave(veld, stand[veld]) for veld in kopjes]
        for stand in (t.stand_op(peildatum) for t in trajecten if t.startdatum <= peildatum)
    ]
    extensie = "csv" if org.vorm == "csv_excel" else "xlsx"
    pad = map / org.slug / f"kandidaten_{org.slug}_{peildatum:%Y-%m}.{extensie}"
    pad.parent.mkdir(parents=True, exist_ok=True)
    if org.vorm == "csv_excel":
        schrijf_excel_csv(pad, list(kopjes.values()), rijen)
    elif org.vorm == "xlsx_titel":
        titel = [f"Trajectoverzicht {org.naam}", f"Peildatum: {peildatum:%d-%m-%Y}", ""]
        schrijf_xlsx(pad, "Trajecten", list(kopjes.values()), rijen, peildatum, titel=titel)
    else:
        totaal = ["Totaal", len(rijen)]
        toelichting = [
            f"Export {org.naam}",
            f"Aangemaakt op {peildatum:%d-%m-%Y}",
            "Bron: trajectregistratie",
        ]
        schrijf_xlsx(
            pad,
            "Export",
            list(kopjes.values()),
            rijen,
            peildatum,
            slot=totaal,
            toelichting=toelichting,
        )
    return DemoBestand(pad, "kandidaten", org.naam, peildatum)


def schrijf_vraag(pad: Path, peildatum: dt.date, regels: Sequence[Vraagregel]) -> DemoBestand:
    kopjes = [
        "Werkgever",
        "Branche",
        "Functie",
        "Crebo",
        "Werklocatie",
        "Periode",
        "Aantal plekken",
        "Soort plek",
    ]
    rijen = [
        [
            r.werkgever,
            code_label("sector", r.sector),
            r.beroep,
            r.crebo,
            r.gemeente,
            r.maand,
            r.aantal,
            code_label("soort", r.soort),
        ]
        for r in regels
    ]
    pad.parent.mkdir(parents=True, exist_ok=True)
    schrijf_xlsx(pad, "Werkgeversvraag", kopjes, rijen, peildatum, maandkolom="Periode")
    return DemoBestand(pad, "vraag", WSP, peildatum)


def schrijf_afspraken(pad: Path, jaar: int, afspraken: Sequence[Afspraak]) -> DemoBestand:
    kopjes = ["Gemeente", "Jaar", "Instroomafspraak", "Sector", "Doelgroep"]
    rijen = [[a.gemeente, a.jaar, a.aantal, a.sector, a.doelgroep] for a in afspraken]
    peildatum = dt.date(jaar, 1, 1)
    titel = [
        f"Instroomafspraken praktijkleren {jaar} - {REGIO_ORGANISATIE}",
        f"Peildatum: {peildatum:%d-%m-%Y}",
        "",
    ]
    pad.parent.mkdir(parents=True, exist_ok=True)
    schrijf_xlsx(pad, "Afspraken", kopjes, rijen, peildatum, titel=titel)
    return DemoBestand(pad, "afspraken", REGIO_ORGANISATIE, peildatum)


def schrijf_excel_csv(pad: Path, kopjes: list[str], rijen: list[list[object]]) -> None:
    """As Dutch Excel saves 'CSV (gescheiden door lijstscheidingsteken)'."""
    with open(pad, "w", encoding="cp1252", newline="") as handle:
        schrijver = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        schrijver.writerow(kopjes)
        schrijver.writerows([["" if w is None else w for w in rij] for rij in rijen])


def schrijf_xlsx(
    pad: Path,
    blad: str,
    kopjes: list[str],
    rijen: list[list[object]],
    peildatum: dt.date,
    titel: Sequence[str] = (),
    slot: Sequence[object] = (),
    toelichting: Sequence[str] = (),
    maandkolom: str | None = None,
) -> None:
    """An .xlsx with real date cells; `created` is fixed so the same data gives the same bytes."""
    boek = xlsxwriter.Workbook(str(pad), {"constant_memory": True})
    boek.set_properties({"created": dt.datetime.combine(peildatum, dt.time(6, 0))})
    vet = boek.add_format({"bold": True})
    datum = boek.add_format({"num_format": "dd-mm-yyyy"})
    maand = boek.add_format({"num_format": "mm-yyyy"})
    vel = boek.add_worksheet(blad)
    for kolom, kopje in enumerate(kopjes):
        vel.set_column(kolom, kolom, max(12, len(kopje) + 2))
    for regel, tekst in enumerate(titel):
        if tekst:
            vel.write_string(regel, 0, tekst, vet)
    kopregel = len(titel)
    vel.write_row(kopregel, 0, kopjes, vet)
    for r, rij in enumerate(rijen, start=kopregel + 1):
        for k, waarde in enumerate(rij):
            if waarde is None or waarde == "":
                continue
            if isinstance(waarde, dt.date):
                vel.write_datetime(r, k, waarde, maand if kopjes[k] == maandkolom else datum)
            elif isinstance(waarde, int):
                vel.write_number(r, k, waarde)
            else:
                vel.write_string(r, k, str(waarde))
    if slot:
        vel.write_row(kopregel + len(rijen) + 1, 0, list(slot), vet)
    if toelichting:
        info = boek.add_worksheet("Toelichting")
        for regel, tekst in enumerate(toelichting):
            info.write_string(regel, 0, tekst)
    boek.close()
