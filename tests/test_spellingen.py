"""Spellings the contract accepts: column headers, code values, gemeenten; personal data never stored.

Every test writes real files, runs the real CLI and reads the analysts' views back. The accepted
spellings below are copied from contract.md (the binding page), not from the code.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re

import duckdb

from tests.conftest import KANDIDATEN_KOP, ROOT, VRAAG_KOP, blokken, ingest, kandidaat, rijen, schrijf_xlsx

# ----- the contract's header table -------------------------------------------------------------

KOPJES = {
    "kandidaten": {
        "traject_id": ["Trajectnummer", "Traject nr", "Trajectnr", "Traject ID", "Dossiernummer"],
        "kandidaat_id": ["Kandidaatnummer", "Klantnummer", "Cliëntnummer", "Deelnemernummer", "Registratienummer"],
        "gemeente": ["Gemeente", "Woongemeente", "Gemeente opdrachtgever", "Opdrachtgever"],
        "doelgroep": ["Doelgroep", "Regeling", "Grondslag"],
        "stroom": ["Stroom", "Type kandidaat", "Instroomtype"],
        "route": ["Route", "Locatie", "Intern/extern", "Plaats praktijkleren"],
        "sector": ["Sector", "Branche", "Werkveld"],
        "werkgever": ["Werkgever", "Leerbedrijf", "Bedrijf", "Stagebedrijf"],
        "crebo": ["Crebo", "Crebonummer", "Crebocode", "Kwalificatiecode"],
        "kwalificatie": ["Kwalificatie", "Beroep", "Leerlijn", "Opleiding"],
        "startdatum": ["Startdatum", "Begindatum", "Datum start", "Instroomdatum", "Start traject"],
        "einddatum": ["Einddatum", "Datum einde", "Datum uitstroom", "Einde traject"],
        "status": ["Status", "Trajectstatus", "Status traject"],
        "reden_uitval": ["Reden uitval", "Reden beëindiging", "Reden einde", "Uitvalreden"],
        "uitstroom": ["Uitstroom", "Vervolg", "Bestemming", "Uitstroom naar"],
        "praktijkverklaring_datum": ["Praktijkverklaring", "Datum praktijkverklaring", "Praktijkverklaring behaald"],
        "praktijkopleider": ["Praktijkopleider", "Werkbegeleider", "Leermeester"],
    },
    "vraag": {
        "werkgever": ["Werkgever", "Bedrijf", "Organisatie werkgever", "Klant"],
        "sector": ["Sector", "Branche"],
        "beroep": ["Beroep", "Functie", "Vacature", "Vacaturetitel"],
        "crebo": ["Crebo", "Crebonummer"],
        "gemeente": ["Gemeente", "Vestigingsgemeente", "Werklocatie"],
        "maand": ["Maand", "Periode", "Peilmaand", "Datum"],
        "aantal": ["Aantal", "Aantal plekken", "Aantal plaatsen", "Gevraagd", "Vraag"],
        "soort": ["Soort", "Type", "Soort plek"],
    },
    "afspraken": {
        "gemeente": ["Gemeente"],
        "jaar": ["Jaar", "Kalenderjaar"],
        "aantal": ["Aantal", "Afspraak", "Instroomafspraak", "Doel"],
        "sector": ["Sector"],
        "doelgroep": ["Doelgroep"],
    },
}

# Case, spaces, dots, punctuation and accents are ignored (contract: header spellings).
VARIANTEN = {
    "kandidaten": {
        "traject_id": "TRAJECT NR.", "kandidaat_id": "clientnummer", "gemeente": "  gemeente-opdrachtgever ",
        "doelgroep": "REGELING", "stroom": "type_kandidaat", "route": "Intern / Extern", "sector": "werk veld",
        "werkgever": "Stage-bedrijf", "crebo": "Crebo nummer", "kwalificatie": "Leer-lijn",
        "startdatum": "Datum\nstart", "einddatum": "datum einde:", "status": "Status (traject)",
        "reden_uitval": "Reden beeindiging", "uitstroom": "Uitstroom naar...",
        "praktijkverklaring_datum": "Datum praktijk-verklaring", "praktijkopleider": "PRAKTIJKOPLEIDER ",
    },
    "vraag": {
        "werkgever": "WERKGEVER.", "sector": "branche ", "beroep": "Vacature-titel", "crebo": "CREBO NUMMER",
        "gemeente": "Vestigings gemeente", "maand": "PEILMAAND", "aantal": "aantal  plaatsen", "soort": "soort_plek",
    },
    "afspraken": {
        "gemeente": "GEMEENTE", "jaar": "kalender-jaar", "aantal": "Instroom afspraak", "sector": "sector.",
        "doelgroep": "Doel groep",
    },
}

# One raw value per column (all columns filled, all different) and what the view must show.
RUWE_WAARDEN = {
    "kandidaten": {
        "traject_id": None,  # per file
        "kandidaat_id": "K-501", "gemeente": "Wijchen", "doelgroep": "Wajong", "stroom": "Door", "route": "Extern",
        "sector": "Zorg", "werkgever": "Zorgcentrum Dukenburg", "crebo": "25498",
        "kwalificatie": "Medewerker facilitaire dienstverlening", "startdatum": dt.date(2026, 2, 1),
        "einddatum": dt.date(2026, 6, 30), "status": "Uitgevallen", "reden_uitval": "Verhuisd", "uitstroom": "School",
        "praktijkverklaring_datum": dt.date(2026, 5, 1), "praktijkopleider": "P. Jansen",
    },
    "vraag": {
        "werkgever": "Bouwbedrijf Heijmans", "sector": "Bouw", "beroep": "Timmerman", "crebo": "25400",
        "gemeente": "Den Bosch", "maand": "2026-11", "aantal": "4", "soort": "Stage",
    },
    "afspraken": {"gemeente": "Nijmegen", "jaar": None, "aantal": 12, "sector": "Groen", "doelgroep": "WSW"},
}


def kopregels(soort: str) -> list[list[str]]:
    """Header rows that together use every accepted spelling of every column, then the variant row."""
    kolommen = KOPJES[soort]
    aantal = max(len(s) for s in kolommen.values())
    regels = [[kolommen[k][i % len(kolommen[k])] for k in kolommen] for i in range(aantal)]
    regels.append([VARIANTEN[soort][k] for k in kolommen])
    return regels


def test_kolommen_csv_holds_exactly_the_contract_spellings():
    with open(ROOT / "data" / "reference" / "kolommen.csv", encoding="utf-8", newline="") as handle:
        in_bestand: dict[str, dict[str, list[str]]] = {}
        for rij in csv.DictReader(handle):
            in_bestand.setdefault(rij["soort"], {})[rij["kolom"]] = [k.strip() for k in rij["kopjes"].split("|")]
    assert in_bestand == KOPJES


def test_every_kandidaten_header_spelling_is_recognised_without_soort(db, tmp_path):
    bestanden, verwacht = [], []
    for i, kop in enumerate(kopregels("kandidaten")):
        waarden = dict(RUWE_WAARDEN["kandidaten"], traject_id=f"S{i}-1")
        bestand = schrijf_xlsx(tmp_path / f"kandidaten_spelling_{i}.xlsx",
                               [[*kop, "Organisatie"], [*waarden.values(), f"Spelling {i}"]])
        bestanden.append(bestand)
        verwacht.append((
            f"Spelling {i}", f"S{i}-1", "GM0296", "Wijchen", "Rijk van Nijmegen", "wajong", "doorstromer", "extern",
            "zorg_welzijn", "Zorgcentrum Dukenburg", "25498", "Medewerker facilitaire dienstverlening",
            dt.date(2026, 2, 1), dt.date(2026, 6, 30), "uitgevallen", "prive", "vervolgopleiding",
            dt.date(2026, 5, 1), "P. Jansen", dt.date(2026, 10, 31),
        ))

    resultaat = ingest(db, *bestanden, organisatie=None)

    assert resultaat.returncode == 0, resultaat.stdout
    for bestand in bestanden:  # no 'Let op' about ignored columns: every header was recognised
        assert len(blokken(resultaat.stdout)[bestand.name]) == 1, resultaat.stdout
    assert sorted(rijen(db, """
        SELECT organisatie, traject_id, gemeentecode, gemeente, arbeidsmarktregio, doelgroep, stroom, route, sector,
               werkgever, crebo, kwalificatie, startdatum, einddatum, status, reden_uitval, uitstroom,
               praktijkverklaring_datum, praktijkopleider, peildatum
        FROM trajecten""")) == sorted(verwacht)
    assert rijen(db, "SELECT DISTINCT soort FROM uploads") == [("kandidaten",)]


def test_every_vraag_header_spelling_is_recognised_without_soort(db, tmp_path):
    bestanden = []
    for i, kop in enumerate(kopregels("vraag")):
        bestanden.append(schrijf_xlsx(tmp_path / f"vraag_spelling_{i}.xlsx",
                                      [[*kop, "Organisatie"], [*RUWE_WAARDEN["vraag"].values(), f"Spelling {i}"]]))

    resultaat = ingest(db, *bestanden, organisatie=None)

    assert resultaat.returncode == 0, resultaat.stdout
    for bestand in bestanden:
        assert len(blokken(resultaat.stdout)[bestand.name]) == 1, resultaat.stdout
    assert sorted(rijen(db, """
        SELECT organisatie, werkgever, sector, beroep, crebo, gemeentecode, gemeente, arbeidsmarktregio, maand,
               aantal, soort
        FROM vraag""")) == [
        (f"Spelling {i}", "Bouwbedrijf Heijmans", "bouw_infra", "Timmerman", "25400", "GM0796", "'s-Hertogenbosch",
         "Noordoost-Brabant", dt.date(2026, 11, 1), 4, "stage")
        for i in range(len(bestanden))
    ]
    assert rijen(db, "SELECT DISTINCT soort FROM uploads") == [("vraag",)]


def test_every_afspraken_header_spelling_is_recognised_without_soort(db, tmp_path):
    bestanden = []
    for i, kop in enumerate(kopregels("afspraken")):
        waarden = dict(RUWE_WAARDEN["afspraken"], jaar=2027 + i)  # afspraken replace per (gemeente, jaar)
        bestanden.append(schrijf_xlsx(tmp_path / f"afspraken_spelling_{i}.xlsx",
                                      [[*kop, "Organisatie"], [*waarden.values(), "Regio Rijk van Nijmegen"]]))

    resultaat = ingest(db, *bestanden, organisatie=None)

    assert resultaat.returncode == 0, resultaat.stdout
    for bestand in bestanden:
        assert len(blokken(resultaat.stdout)[bestand.name]) == 1, resultaat.stdout
    assert rijen(db, "SELECT gemeentecode, gemeente, jaar, sector, doelgroep, aantal FROM afspraken ORDER BY jaar") == [
        ("GM0268", "Nijmegen", 2027 + i, "groen", "wsw", 12) for i in range(len(bestanden))
    ]
    assert rijen(db, "SELECT DISTINCT soort FROM uploads") == [("afspraken",)]


# ----- code values -----------------------------------------------------------------------------

# (list, value as written, canonical code): canonical values, labels and the contract's synonyms,
# plus case/space/punctuation/accent variants (codes are "matched as gemeente is").
CODEWAARDEN = [
    *[("doelgroep", c, c) for c in ("wsw", "participatiewet", "banenafspraak", "beschut_werk", "wajong", "vso_pro",
                                     "nieuwkomer", "ww", "wia", "overig")],
    ("doelgroep", "Wsw / SW-medewerker", "wsw"), ("doelgroep", "Participatiewet", "participatiewet"),
    ("doelgroep", "Banenafspraak / doelgroepregister", "banenafspraak"), ("doelgroep", "Beschut werk", "beschut_werk"),
    ("doelgroep", "Wajong", "wajong"), ("doelgroep", "VSO/PrO-schoolverlater", "vso_pro"),
    ("doelgroep", "Nieuwkomer / statushouder", "nieuwkomer"), ("doelgroep", "WW", "ww"),
    ("doelgroep", "WIA/WAO", "wia"), ("doelgroep", "Overig", "overig"),
    ("doelgroep", "SW", "wsw"), ("doelgroep", "WSW", "wsw"), ("doelgroep", "Wsw-indicatie", "wsw"),
    ("doelgroep", "P-wet", "participatiewet"), ("doelgroep", "PW", "participatiewet"),
    ("doelgroep", "Bijstand", "participatiewet"), ("doelgroep", "Doelgroepregister", "banenafspraak"),
    ("doelgroep", "Wajong 2010", "wajong"), ("doelgroep", "Oude Wajong", "wajong"),
    ("doelgroep", "Wajong 2015", "wajong"),
    ("doelgroep", "VSO", "vso_pro"), ("doelgroep", "PrO", "vso_pro"), ("doelgroep", "Praktijkonderwijs", "vso_pro"),
    ("doelgroep", "Statushouder", "nieuwkomer"), ("doelgroep", "Vergunninghouder", "nieuwkomer"),
    ("doelgroep", "Inburgeraar", "nieuwkomer"), ("doelgroep", "WAO", "wia"), ("doelgroep", "WGA", "wia"),
    ("doelgroep", " wsw indicatie ", "wsw"), ("doelgroep", "p wet", "participatiewet"),
    ("doelgroep", "OUDE  WAJONG", "wajong"), ("doelgroep", "beschut-werk", "beschut_werk"),
    *[("stroom", c, c) for c in ("langstromer", "doorstromer", "medewerker", "onbekend")],
    ("stroom", "Eigen medewerker", "medewerker"), ("stroom", "Lang", "langstromer"), ("stroom", "Door", "doorstromer"),
    ("stroom", "SW-medewerker", "medewerker"), ("stroom", "LANGSTROMER", "langstromer"),
    ("route", "intern", "intern"), ("route", "extern", "extern"),
    ("route", "Intern (bij het eigen bedrijf)", "intern"), ("route", "Extern (bij een werkgever)", "extern"),
    ("route", "In", "intern"), ("route", "Intern praktijkleren", "intern"), ("route", "Ex", "extern"),
    ("route", "Extern praktijkleren", "extern"), ("route", "Bij werkgever", "extern"),
    ("route", "Detachering", "extern"), ("route", "INTERN", "intern"),
    *[("sector", c, c) for c in ("groen", "schoonmaak", "logistiek", "productie_techniek", "facilitair_horeca",
                                  "zorg_welzijn", "detailhandel", "bouw_infra", "administratie_ict", "overig")],
    ("sector", "Groenvoorziening", "groen"), ("sector", "Hoveniers", "groen"),
    ("sector", "Schoonmaakdienstverlening", "schoonmaak"), ("sector", "Magazijn", "logistiek"),
    ("sector", "Transport en logistiek", "logistiek"), ("sector", "Productie", "productie_techniek"),
    ("sector", "Techniek", "productie_techniek"), ("sector", "Metaal", "productie_techniek"),
    ("sector", "Assemblage", "productie_techniek"), ("sector", "Inpak", "productie_techniek"),
    ("sector", "Facilitair", "facilitair_horeca"), ("sector", "Horeca", "facilitair_horeca"),
    ("sector", "Catering", "facilitair_horeca"), ("sector", "Keuken", "facilitair_horeca"),
    ("sector", "Zorg", "zorg_welzijn"), ("sector", "Welzijn", "zorg_welzijn"), ("sector", "Retail", "detailhandel"),
    ("sector", "Winkel", "detailhandel"), ("sector", "Bouw", "bouw_infra"), ("sector", "Infra", "bouw_infra"),
    ("sector", "Administratie", "administratie_ict"), ("sector", "ICT", "administratie_ict"),
    ("sector", "Kantoor", "administratie_ict"), ("sector", "transport-en-logistiek", "logistiek"),
    ("sector", "productie techniek", "productie_techniek"), ("sector", "Zorg_welzijn", "zorg_welzijn"),
    ("status", "lopend", "lopend"), ("status", "afgerond", "afgerond"), ("status", "uitgevallen", "uitgevallen"),
    ("status", "Afgerond (praktijkverklaring behaald)", "afgerond"),
    ("status", "Uitgevallen (voortijdig gestopt)", "uitgevallen"),
    ("status", "Actief", "lopend"), ("status", "Loopt", "lopend"), ("status", "In traject", "lopend"),
    ("status", "Behaald", "afgerond"), ("status", "Voltooid", "afgerond"),
    ("status", "Afgesloten met praktijkverklaring", "afgerond"), ("status", "Gestopt", "uitgevallen"),
    ("status", "Voortijdig beëindigd", "uitgevallen"), ("status", "Uitval", "uitgevallen"),
    ("status", "Afgebroken", "uitgevallen"), ("status", "VOORTIJDIG BEEINDIGD", "uitgevallen"),
    ("status", "in-traject", "lopend"),
    *[("reden_uitval", c, c) for c in ("gezondheid", "motivatie", "past_niet", "werkgever", "prive", "werk",
                                        "onbekend")],
    ("reden_uitval", "Werk of niveau past niet", "past_niet"), ("reden_uitval", "Plek vervallen", "werkgever"),
    ("reden_uitval", "Privé / verhuisd", "prive"), ("reden_uitval", "Voortijdig naar betaald werk", "werk"),
    ("reden_uitval", "Medisch", "gezondheid"), ("reden_uitval", "Ziekte", "gezondheid"),
    ("reden_uitval", "Gedrag", "motivatie"), ("reden_uitval", "Match", "past_niet"),
    ("reden_uitval", "Niveau", "past_niet"), ("reden_uitval", "Werkgever gestopt", "werkgever"),
    ("reden_uitval", "Privé", "prive"), ("reden_uitval", "Verhuisd", "prive"), ("reden_uitval", "Naar werk", "werk"),
    ("reden_uitval", "Betaald werk", "werk"), ("reden_uitval", "PRIVE", "prive"),
    ("reden_uitval", "past niet", "past_niet"),
    *[("uitstroom", c, c) for c in ("betaald_werk", "werk_sw", "vervolgopleiding", "geen", "onbekend")],
    ("uitstroom", "Werk binnen het SW-bedrijf", "werk_sw"), ("uitstroom", "Regulier werk", "betaald_werk"),
    ("uitstroom", "Werk", "betaald_werk"), ("uitstroom", "Intern werk", "werk_sw"), ("uitstroom", "SW", "werk_sw"),
    ("uitstroom", "Opleiding", "vervolgopleiding"), ("uitstroom", "School", "vervolgopleiding"),
    ("uitstroom", "betaald werk", "betaald_werk"), ("uitstroom", " VERVOLGOPLEIDING", "vervolgopleiding"),
]

def kandidaat_met_code(traject: str, lijst: str, waarde: str) -> list:
    """A valid kandidaten row whose `lijst` column holds `waarde`; the other columns fit whatever it means."""
    rij = {"Einddatum": dt.date(2026, 9, 30), "Werkgever": "Bedrijf De Proef"}  # harmless for lopend / intern
    if lijst == "status":
        rij["Status"] = waarde
        rij["Reden uitval"] = "Ziekte"  # needed when the value means uitgevallen
    elif lijst == "reden_uitval":
        rij.update({"Status": "Uitgevallen", "Reden uitval": waarde})
    elif lijst == "uitstroom":
        rij.update({"Status": "Afgerond", "Uitstroom": waarde})
    else:
        rij[{"doelgroep": "Doelgroep", "stroom": "Stroom", "route": "Route", "sector": "Sector"}[lijst]] = waarde
    return kandidaat(traject, **rij)


def test_every_code_label_and_synonym_maps_to_its_canonical_value(db, tmp_path):
    bestand = schrijf_xlsx(
        tmp_path / "codes.xlsx",
        [KANDIDATEN_KOP, *[kandidaat_met_code(f"C{i:03d}", lijst, w) for i, (lijst, w, _) in enumerate(CODEWAARDEN)]],
    )

    resultaat = ingest(db, bestand)

    assert resultaat.returncode == 0, resultaat.stdout
    opgeslagen = {
        r[0]: dict(zip(("doelgroep", "stroom", "route", "sector", "status", "reden_uitval", "uitstroom"), r[1:],
                       strict=True))
        for r in rijen(db, "SELECT traject_id, doelgroep, stroom, route, sector, status, reden_uitval, uitstroom "
                           "FROM trajecten")
    }
    gevonden = [(lijst, w, opgeslagen[f"C{i:03d}"][lijst]) for i, (lijst, w, _) in enumerate(CODEWAARDEN)]
    assert gevonden == CODEWAARDEN


def test_route_and_status_labels_as_the_contract_table_writes_them(db, tmp_path):
    # The contract's code table gives each canonical value's Dutch label in brackets, and labels must be
    # accepted: `intern` (bij het eigen bedrijf), `extern` (bij een werkgever), `afgerond`
    # (praktijkverklaring behaald), `uitgevallen` (voortijdig gestopt).
    labels = [
        ("route", "Bij het eigen bedrijf", "intern"), ("route", "Bij een werkgever", "extern"),
        ("status", "Praktijkverklaring behaald", "afgerond"), ("status", "Voortijdig gestopt", "uitgevallen"),
    ]
    bestand = schrijf_xlsx(
        tmp_path / "labels.xlsx",
        [KANDIDATEN_KOP, *[kandidaat_met_code(f"L{i}", lijst, w) for i, (lijst, w, _) in enumerate(labels)]],
    )

    resultaat = ingest(db, bestand)

    assert resultaat.returncode == 0, resultaat.stdout
    opgeslagen = dict(((t, "route"), r) for t, r in rijen(db, "SELECT traject_id, route FROM trajecten"))
    opgeslagen |= dict(((t, "status"), s) for t, s in rijen(db, "SELECT traject_id, status FROM trajecten"))
    assert [opgeslagen[(f"L{i}", lijst)] for i, (lijst, _, _) in enumerate(labels)] == [c for _, _, c in labels]


def test_every_soort_value_and_synonym_in_vraag(db, tmp_path):
    soorten = [
        ("leerwerkplek", "leerwerkplek"), ("vacature", "vacature"), ("stage", "stage"),
        ("baangarantie", "baangarantie"), ("Leerwerkplek", "leerwerkplek"), ("Vacature", "vacature"),
        ("Stage", "stage"), ("Baangarantie", "baangarantie"),
        ("Leerwerkbaan", "leerwerkplek"), ("Praktijkplek", "leerwerkplek"), ("Baan", "vacature"),
        ("LEERWERK-BAAN", "leerwerkplek"), (" praktijk plek ", "leerwerkplek"),
    ]
    data = [
        [f"Werkgever {i:02d}", "Groen", "Hovenier", None, None, "2026-10", 1, w] for i, (w, _) in enumerate(soorten)
    ]
    bestand = schrijf_xlsx(tmp_path / "soorten.xlsx", [VRAAG_KOP, *data])

    resultaat = ingest(db, bestand)

    assert resultaat.returncode == 0, resultaat.stdout
    assert rijen(db, "SELECT soort FROM vraag ORDER BY werkgever") == [(c,) for _, c in soorten]


GEMEENTEN = [
    ("Nijmegen", "GM0268"), ("GM0268", "GM0268"), ("0268", "GM0268"), ("268", "GM0268"), ("gm0268", "GM0268"),
    (" NIJMEGEN ", "GM0268"),
    ("'s-Gravenhage", "GM0518"), ("Den Haag", "GM0518"), ("den haag", "GM0518"), ("s Gravenhage", "GM0518"),
    ("Den Bosch", "GM0796"), ("'s-Hertogenbosch", "GM0796"),
    ("Brielle", "GM1992"), ("Hellevoetsluis", "GM1992"), ("Westvoorne", "GM1992"), ("Voorne aan Zee", "GM1992"),
    ("Súdwest-Fryslân", "GM1900"), ("Sudwest Fryslan", "GM1900"),
    ("Nuenen, Gerwen en Nederwetten", "GM0820"), ("Nuenen", "GM0820"),
    ("Bergen (NH.)", "GM0373"), ("Bergen NH", "GM0373"), ("Bergen (L.)", "GM0893"), ("Bergen op Zoom", "GM0748"),
    ("Rijswijk", "GM0603"), ("Rijswijk (ZH.)", "GM0603"), ("Haren", "GM0014"), ("14", "GM0014"),
]
GEMEENTE_REF = {
    "GM0268": ("Nijmegen", "Rijk van Nijmegen"), "GM0518": ("'s-Gravenhage", "Haaglanden"),
    "GM0796": ("'s-Hertogenbosch", "Noordoost-Brabant"), "GM1992": ("Voorne aan Zee", "Rijnmond"),
    "GM1900": ("Súdwest-Fryslân", "Friesland"), "GM0820": ("Nuenen, Gerwen en Nederwetten", "Zuidoost-Brabant"),
    "GM0373": ("Bergen (NH.)", "Noord-Holland Noord"), "GM0893": ("Bergen (L.)", "Noord-Limburg"),
    "GM0748": ("Bergen op Zoom", "West-Brabant"), "GM0603": ("Rijswijk (ZH.)", "Haaglanden"),
    "GM0014": ("Groningen", "Groningen"),
}


def test_gemeenten_by_name_alias_and_code(db, tmp_path):
    bestand = schrijf_xlsx(
        tmp_path / "gemeenten.xlsx",
        [KANDIDATEN_KOP, *[kandidaat(f"G{i:02d}", Gemeente=g) for i, (g, _) in enumerate(GEMEENTEN)]],
    )

    resultaat = ingest(db, bestand)

    assert resultaat.returncode == 0, resultaat.stdout
    assert rijen(db, "SELECT gemeentecode, gemeente, arbeidsmarktregio FROM trajecten ORDER BY traject_id") == [
        (code, *GEMEENTE_REF[code]) for _, code in GEMEENTEN
    ]


# ----- personal data, extra columns, kandidaat hash -------------------------------------------


def overal_in_store(db, waarden: list[str]) -> list[str]:
    """Every place in the store (a value in any column of any table or view, or a name) holding one of `waarden`."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        kolommen: dict[str, list[str]] = {}
        for tabel, kolom in con.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main'"
        ).fetchall():
            kolommen.setdefault(tabel, []).append(kolom)
        assert len(kolommen) >= 8  # tables and views really were searched
        gevonden = []
        for tabel, namen in kolommen.items():
            lijst = ", ".join(f'lower(CAST("{k}" AS VARCHAR))' for k in namen)
            cellen = [c for rij in con.execute(f'SELECT {lijst} FROM "{tabel}"').fetchall() for c in rij if c]
            for waarde in waarden:
                w = waarde.lower()
                gevonden += [f"naam {tabel}.{k}: {waarde}" for k in [tabel, *namen] if w in k.lower()]
                gevonden += [f"{tabel}: {waarde}" for c in cellen if w in c]
        return gevonden
    finally:
        con.close()


def test_personal_columns_are_dropped_and_extra_columns_ignored_and_both_listed(db, tmp_path):
    kop = ["BSN", *KANDIDATEN_KOP[:2], "Naam", "Voornaam", "Achternaam", *KANDIDATEN_KOP[2:5],
           "Burgerservicenummer", "Adres", "Postcode", *KANDIDATEN_KOP[5:10], "Opmerking", "Geboortedatum",
           *KANDIDATEN_KOP[10:], "Telefoon", "E-mail", "Teamleider"]
    persoonlijk = [
        # BSN, Naam, Voornaam, Achternaam, Burgerservicenummer, Adres, Postcode, Geboortedatum, Telefoon, E-mail
        [123456782, "Pietje Pukkelmans", "Pietje", "Pukkelmans", "111222333", "Kerkstraat 12", "6511 AB",
         dt.date(1990, 5, 17), "06-12345678", "pietje@voorbeeld.nl"],
        ["987654321", "Marietje Zonnebloem", "Marietje", "Zonnebloem", "444555666", "Dorpsweg 3a", "6603 XZ",
         "03-04-1985", "024-7654321", "marietje@voorbeeld.nl"],
    ]
    extra = [["geen bijzonderheden", "Team Oost"], ["wil graag buiten werken", "Team West"]]

    def rij(traject, kandidaatnummer, p, e):
        k = kandidaat(traject, Kandidaatnummer=kandidaatnummer)
        return [p[0], *k[:2], *p[1:4], *k[2:5], *p[4:7], *k[5:10], e[0], p[7], *k[10:], p[8], p[9], e[1]]

    bestand = schrijf_xlsx(tmp_path / "personen.xlsx", [kop, rij("T1", "KND-4471", persoonlijk[0], extra[0]),
                                                        rij("T2", "KND-4472", persoonlijk[1], extra[1])])

    resultaat = ingest(db, bestand)

    assert resultaat.returncode == 0, resultaat.stdout
    waarschuwingen = [
        "Kolommen met persoonsgegevens zijn niet opgeslagen: BSN, Naam, Voornaam, Achternaam, Burgerservicenummer, "
        "Adres, Postcode, Geboortedatum, Telefoon, E-mail.",
        "Kolommen die niet in het contract staan zijn genegeerd: Opmerking, Teamleider.",
    ]
    assert resultaat.stdout.splitlines()[1:] == [f"  Let op: {w}" for w in waarschuwingen]
    meldingen = rijen(db, "SELECT meldingen FROM uploads")[0][0]
    assert all(w in meldingen for w in waarschuwingen)  # warnings are kept with the upload
    assert rijen(db, "SELECT traject_id FROM trajecten ORDER BY 1") == [("T1",), ("T2",)]

    gezocht = ["123456782", "987654321", "Pietje", "Pukkelmans", "Marietje", "Zonnebloem", "111222333", "444555666",
               "Kerkstraat", "Dorpsweg", "6511 AB", "6603 XZ", "1990-05-17", "17-05-1990", "03-04-1985",
               "1985-04-03", "06-12345678", "024-7654321", "voorbeeld.nl", "geen bijzonderheden",
               "buiten werken", "Team Oost", "Team West", "KND-4471", "KND-4472"]
    assert overal_in_store(db, gezocht) == []
    assert overal_in_store(db, ["Werkbedrijf Test", "personen.xlsx"]) != []  # the search does find what is stored


def test_kandidaat_id_is_only_stored_as_a_keyed_hash(db, tmp_path):
    a_okt = schrijf_xlsx(tmp_path / "a_2026-10.xlsx", [
        [*KANDIDATEN_KOP, "Organisatie"],
        kandidaat("T1", Kandidaatnummer="K-77") + ["Werkbedrijf A"],
        kandidaat("T2", Kandidaatnummer="K-77") + ["Werkbedrijf A"],
        kandidaat("T3", Kandidaatnummer="K-78") + ["Werkbedrijf A"],
    ])
    a_nov = schrijf_xlsx(tmp_path / "a_2026-11.xlsx", [
        [*KANDIDATEN_KOP, "Organisatie"], kandidaat("T4", Kandidaatnummer="K-77") + ["Werkbedrijf A"],
    ])
    b_okt = schrijf_xlsx(tmp_path / "b_2026-10.xlsx", [
        [*KANDIDATEN_KOP, "Organisatie"], kandidaat("T1", Kandidaatnummer="K-77") + ["Werkbedrijf B"],
    ])

    resultaat = ingest(db, a_okt, a_nov, b_okt, organisatie=None, peildatum=None)

    assert resultaat.returncode == 0, resultaat.stdout
    h = {(o, t): k for o, t, k in rijen(db, "SELECT organisatie, traject_id, kandidaat_hash FROM trajecten")}
    assert len(h) == 5
    assert all(re.fullmatch(r"[0-9a-f]{64}", k) for k in h.values())
    a = "Werkbedrijf A"
    assert h[(a, "T1")] == h[(a, "T2")] == h[(a, "T4")]  # same candidate, same organisation, across exports
    assert h[(a, "T3")] != h[(a, "T1")]
    assert h[("Werkbedrijf B", "T1")] != h[(a, "T1")]  # same number at another organisation
    assert overal_in_store(db, ["K-77", "K-78"]) == []
    # keyed: not a plain hash of the number that anyone holding the export could recompute
    for tekst in ("K-77", "k77", "Werkbedrijf A|K-77", "werkbedrijfa|K-77"):
        assert hashlib.sha256(tekst.encode()).hexdigest() != h[(a, "T1")]
