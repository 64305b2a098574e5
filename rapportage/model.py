"""The Halfjaarrapportage as data: which sections, their tables, charts and sentences (issue 14).

Every number comes from the read side exactly as the pages ask it (analytics.sectoren, analytics.kengetallen,
analytics.uitval, analytics.vraag), for the viewer in the Filters: protected numbers stay `Beschermd` values here and
are formatted only by the renderers (rapportage.html, rapportage.excel). Text from files (names of organisaties,
beroepen, verbeteracties) stays plain text here: every renderer escapes it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

import pandas as pd

from analytics.filters import Filters
from analytics.kengetallen import filterkeuzes, instroom_tegen_afspraak, periode_grenzen
from analytics.onderdrukking import drempel
from analytics.sectoren import STRUCTUREEL_K, UITVAL_MAANDEN, Halfjaar, halfjaar_naam, halfjaren, sectorvergelijking
from analytics.stand import stand_per_organisatie
from analytics.uitval import redenen_uitval
from analytics.verbeteracties import gemeentenaam, rapport_tabel
from analytics.vraag import structurele_vraag, vraag_en_aanbod, vraagvenster
from basis.referentie import code_weergave
from rapportage import samenvatting
from weergave import formaat
from weergave.afspraak import (
    NIET_TE_BEPALEN_AFGELOPEN,
    NIET_TE_BEPALEN_LOPEND,
    STAND_UITLEG,
    STAND_UITLEG_AFGELOPEN,
    ZONDER_PATROON,
    methode_zin,
    verwacht_tekst,
)
from weergave.grafieken import Grafiek, voortgang_tegen_doel
from weergave.grafieken_vraag import vraag_tegen_instroom
from weergave.kleine_veelvouden import kleine_veelvouden_per_rij, sectormaten
from weergave.uitvalgrafieken import pareto

TOTAAL = "Hele selectie"
# the columns of analytics.verbeteracties.rapport_tabel (built in parallel; the integrator passes its answer in)
VERBETERACTIE_KOLOMMEN = ("Voor", "Kengetal", "Bevinding", "Actie", "Eigenaar", "Deadline", "Status", "Te laat")
NIEUWE_ACTIE_KOLOMMEN = ("Kengetal", "Bevinding", "Actie", "Eigenaar", "Deadline")
NIEUWE_ACTIE_RIJEN = 6
TREND = {"meer": "stijgend", "minder": "dalend", "gelijk": "gelijk"}


class RapportFout(Exception):
    """A report that cannot be made as asked; the message says in Dutch what to choose instead."""


@dataclass(frozen=True)
class Tabel:
    """A table of the report: values as the read side gives them (ints, floats, `Beschermd`, text, None) and per
    column how to write them: tekst, aantal, decimaal, procent (a fraction), verschil, verschil_decimaal,
    procentpunt (a change of a fraction), datum, janee."""

    titel: str
    df: pd.DataFrame
    soorten: dict[str, str]
    leeg_tekst: str = "Niets te tonen."
    invulregels: int = 0  # empty rows to fill in by hand (the new verbeteracties)

    def soort(self, kolom: str) -> str:
        return self.soorten.get(kolom, "tekst")


@dataclass(frozen=True)
class Sectie:
    sleutel: str  # the Excel sheet's name
    titel: str
    toelichting: list[str] = field(default_factory=list)
    zinnen: list[str] = field(default_factory=list)  # conclusions in words (true for every consistent true value)
    tabellen: list[Tabel] = field(default_factory=list)
    grafieken: list[Grafiek] = field(default_factory=list)


@dataclass(frozen=True)
class Rapport:
    titel: str
    halfjaar: Halfjaar
    regio: str
    filters: list[tuple[str, str]]  # (label, text): what the report was made from
    voor: str  # for whom: the viewer's role in words
    afscherming: str  # the protection applied, in words
    peildata: pd.DataFrame  # Organisatie, Soort, Laatste peildatum
    niet_geleverd: list[str]  # sentences: who did not deliver up to the end of the half year
    samenvatting: list[str]
    secties: list[Sectie]
    gemaakt: dt.date


def datum_voluit(datum: dt.date) -> str:
    """"30 juni 2026"."""
    return f"{datum.day} {formaat.maandnaam(datum.month)} {datum.year}"


def sectornaam(code: object) -> str:
    return TOTAAL if code is None or formaat.is_leeg(code) else code_weergave("sector", str(code))


def beschikbare_halfjaren() -> list[Halfjaar]:
    """The complete half years of the store, newest first (empty without trajecten)."""
    grenzen = periode_grenzen()
    return [] if grenzen is None else halfjaren(*grenzen)


def gekozen_halfjaar(sleutel: str) -> Halfjaar:
    """The half year of "2026-1" ("laatste": the last complete one), if the store has it complete; else a RapportFout
    saying which it has."""
    beschikbaar = beschikbare_halfjaren()
    if sleutel == "laatste" and beschikbaar:
        return beschikbaar[0]
    try:
        halfjaar = Halfjaar.uit_sleutel(sleutel)
        if halfjaar.helft not in (1, 2):
            raise ValueError
    except ValueError:
        raise RapportFout(f"'{sleutel}' is geen halfjaar. Schrijf het als JAAR-1 of JAAR-2, bijvoorbeeld 2026-1."
                          ) from None
    if not beschikbaar:
        raise RapportFout("Er zijn nog geen trajecten geladen: er is geen halfjaar om over te rapporteren.")
    if halfjaar not in beschikbaar:
        keuzes = ", ".join(h.sleutel for h in beschikbaar)
        raise RapportFout(f"Over het {halfjaar_naam(halfjaar)} zijn geen volledige gegevens. Kies een van: {keuzes}.")
    return halfjaar


def rapport_filters(halfjaar: Halfjaar, kijker, sector: str | None = None, gemeente: str | None = None) -> Filters:
    """The Filters of the report: the half year as period, at most one sector and one gemeente (a viewer who does
    not see everything exactly may choose one value per filter, as in the filter bar); unknown ones refused."""
    keuzes = filterkeuzes()
    if sector is not None and sector not in {code for code, _ in keuzes.get("sectoren", [])}:
        namen = ", ".join(code for code, _ in keuzes.get("sectoren", []))
        raise RapportFout(f"De sector '{sector}' komt in de gegevens niet voor. Kies een van: {namen}.")
    if gemeente is not None:
        gemeente = gemeente.strip().upper()
        if gemeente not in {code for code, _ in keuzes.get("gemeenten", [])}:
            raise RapportFout(f"De gemeente '{gemeente}' komt in de gegevens niet voor. Geef de CBS-code van een "
                              "gemeente met trajecten, zoals GM0268.")
    return Filters(halfjaar.van, halfjaar.tot, gemeenten=(gemeente,) if gemeente else (),
                   sectoren=(sector,) if sector else (), kijker=kijker)


def rapport(filters: Filters, halfjaar: Halfjaar, verbeteracties: pd.DataFrame | None = None,
            vandaag: dt.date | None = None) -> Rapport:
    """The whole report for the viewer in `filters` (its period is replaced by the half year).

    `verbeteracties`: last half year's actions as analytics.verbeteracties.rapport_tabel gives them (columns
    VERBETERACTIE_KOLOMMEN, then one per half year with the kengetal's value); default: those in the store."""
    filters = replace(filters, van=halfjaar.van, tot=halfjaar.tot)
    if verbeteracties is None:
        verbeteracties = vorige_verbeteracties(halfjaar, filters.kijker)
    eerste_start, _ = periode_grenzen()
    vergelijking = sectorvergelijking(filters, halfjaar, eerste_start)
    afspraak = instroom_tegen_afspraak(filters, halfjaar.jaar, halfjaar.tot)
    venster = vraagvenster(filters)
    aanbod = vraag_en_aanbod(filters, venster, STRUCTUREEL_K) if venster else None
    secties = [
        sectorsectie(vergelijking, halfjaar, vorige_te_vergelijken=halfjaar.vorige().tot >= eerste_start),
        afspraaksectie(afspraak, halfjaar),
        uitvalsectie(filters, vergelijking, halfjaar),
        vraagsectie(filters, venster, aanbod),
        verbeteractiesectie(verbeteracties, halfjaar),
        nieuwe_actiessectie(halfjaar),
    ]
    peildata, niet_geleverd = aanlevering(halfjaar)
    return Rapport(
        titel=f"Halfjaarrapportage praktijkleren, {halfjaar_naam(halfjaar)}",
        halfjaar=halfjaar,
        regio=", ".join(naam for _, naam in filterkeuzes().get("regio", [])) or "de regio",
        filters=filterregels(filters, halfjaar),
        voor=voor_wie(filters.kijker),
        afscherming=afscherming_tekst(filters),
        peildata=peildata,
        niet_geleverd=niet_geleverd,
        samenvatting=samenvatting.zinnen(vergelijking, afspraak, aanbod, verbeteracties, halfjaar, sectornaam),
        secties=secties,
        gemaakt=vandaag or dt.date.today(),
    )


FILTERLABELS = {"regio": "Regio", "gemeenten": "Gemeente", "organisaties": "Organisatie", "sectoren": "Sector",
                "doelgroepen": "Doelgroep", "stromen": "Stroom", "routes": "Route"}
CODELIJST = {"sectoren": "sector", "doelgroepen": "doelgroep", "stromen": "stroom", "routes": "route"}


def filterregels(filters: Filters, halfjaar: Halfjaar) -> list[tuple[str, str]]:
    """What the report was made from: the half year, gemeente and sector (also when all), and every other filter
    that is set."""
    namen = {d: dict(v) for d, v in filterkeuzes().items()}
    regels = [("Halfjaar", f"{halfjaar_naam(halfjaar)} ({datum_voluit(halfjaar.van)} tot en met "
                           f"{datum_voluit(halfjaar.tot)})")]
    for dimensie, label in FILTERLABELS.items():
        waarden = getattr(filters, dimensie)
        if not waarden and dimensie not in ("gemeenten", "sectoren"):
            continue
        tekst = ", ".join(code_weergave(CODELIJST[dimensie], w) if dimensie in CODELIJST
                          else namen.get(dimensie, {}).get(w, w) for w in waarden)
        regels.append((label, tekst or "alle"))
    return regels


def voor_wie(kijker) -> str:
    if kijker is not None and kijker.presentatie:
        return "presentatiemodus (afgeschermd als voor de regio)"
    if kijker is None or kijker.rol == "regio":
        return "de regio (consortium)"
    if kijker.rol == "gemeente":
        return f"gemeente {eigen_gemeenten(kijker)}"  # a name, not "GM0296": the reader is an alderman
    if kijker.rol == "organisatie":
        return f"organisatie {', '.join(kijker.organisaties)}"
    return "beheerder"


def eigen_gemeenten(kijker) -> str:
    namen = [gemeentenaam(code) for code in kijker.gemeenten]
    return ", ".join(namen[:-1]) + f" en {namen[-1]}" if len(namen) > 1 else "".join(namen)


def afscherming_tekst(filters: Filters) -> str:
    if filters.exact:
        return "geen: exacte aantallen (alleen voor wie deze gegevens bezit; niet verder verspreiden)"
    d = drempel()
    tekst = (f"aantallen over mensen afgerond op {d}-tallen, minder dan {d} (ook 0) als <{d}, 'x' waar een klein "
             f"aantal uit een totaal terug te rekenen zou zijn; percentages afgerond op 5 procentpunt, '–' bij te "
             "weinig trajecten")
    wie = filters.kijker
    if wie is not None and wie.rol == "gemeente" and not wie.presentatie:  # its own rows are exact, as on screen
        tekst += f"; exact alleen {eigen_gemeenten(wie)}, in een rij per gemeente of als alleen die is gekozen"
    if wie is not None and wie.rol == "organisatie" and not wie.presentatie:
        tekst += f"; exact alleen {', '.join(wie.organisaties)}, als alleen die is gekozen"
    return tekst


def aanlevering(halfjaar: Halfjaar) -> tuple[pd.DataFrame, list[str]]:
    """Per organisatie and kind of export its latest peildatum; and who delivered nothing up to the half year's
    end (kandidaten and vraag: afspraken are a list per year, not a monthly export)."""
    stand = stand_per_organisatie()
    soorten = {"kandidaten": "Kandidaten", "vraag": "Werkgeversvraag", "afspraken": "Instroomafspraken"}
    peildata = pd.DataFrame({
        "Organisatie": stand["organisatie"].astype(str),
        "Soort": stand["soort"].map(lambda s: soorten.get(s, s)),
        "Laatste peildatum": stand["laatste_peildatum"].map(formaat.als_datum),
    })
    te_laat = stand[stand["soort"].isin(["kandidaten", "vraag"])
                    & (stand["laatste_peildatum"].map(formaat.als_datum) < halfjaar.tot)]
    niet_geleverd = [
        f"{rij.organisatie} ({soorten[rij.soort].lower()}): gegevens tot en met "
        f"{datum_voluit(formaat.als_datum(rij.laatste_peildatum))}, niet tot het eind van het halfjaar."
        for rij in te_laat.itertuples()
    ]
    return peildata, niet_geleverd


# --- sections ----------------------------------------------------------------------------------------------


def sectorsectie(vergelijking: pd.DataFrame, halfjaar: Halfjaar, vorige_te_vergelijken: bool) -> Sectie:
    nu, vorig = halfjaar_naam(halfjaar), halfjaar_naam(halfjaar.vorige())
    rijen = pd.concat([vergelijking[~vergelijking["totaal"]], vergelijking[vergelijking["totaal"]]],
                      ignore_index=True)
    namen = rijen["sector"].map(sectornaam)
    kolommen = {
        "Sector": (namen, "tekst"),
        "Instroom": (rijen["instroom"], "aantal"),
        "Instroom: verschil": (rijen["instroom_verschil"], "verschil"),
        f"Lopend op {datum_voluit(halfjaar.tot)}": (rijen["lopend"], "aantal"),
        "Lopend: verschil": (rijen["lopend_verschil"], "verschil"),
        "Praktijkverklaringen": (rijen["praktijkverklaringen"], "aantal"),
        "Praktijkverklaringen: verschil": (rijen["praktijkverklaringen_verschil"], "verschil"),
        "Uitstroom naar werk": (rijen["uitstroom_werk"], "aantal"),
        "Beëindigde trajecten": (rijen["beeindigd"], "aantal"),
        "Naar werk (%)": (rijen["aandeel_werk"], "procent"),
        "Naar werk: verschil": (rijen["aandeel_werk_verschil"], "procentpunt"),
        f"Uitval binnen {UITVAL_MAANDEN} mnd (%)": (rijen["uitval6"], "procent"),
        "Uitval: te volgen trajecten": (rijen["uitval6_noemer"], "aantal"),
        "Uitval: verschil": (rijen["uitval6_verschil"], "procentpunt"),
        "Structurele vraag (plekken per maand)": (rijen["structurele_vraag"], "decimaal"),
        "Structurele vraag: verschil": (rijen["structurele_vraag_verschil"], "verschil_decimaal"),
    }
    df = pd.DataFrame({k: v for k, (v, _) in kolommen.items()})
    soorten = {k: s for k, (_, s) in kolommen.items()}
    namen_kolommen = list(df.columns)
    delen = [
        ("Instroom, lopende trajecten en praktijkverklaringen", namen_kolommen[0:7]),
        ("Uitstroom naar werk", [namen_kolommen[0], *namen_kolommen[7:11]]),
        (f"Uitval binnen {UITVAL_MAANDEN} maanden en structurele vraag", [namen_kolommen[0], *namen_kolommen[11:]]),
    ]
    tabellen = [Tabel(titel, df[k], {c: soorten[c] for c in k}) for titel, k in delen]
    sectoren = vergelijking[~vergelijking["totaal"]].assign(Sector=lambda d: d["sector"].map(sectornaam))
    totaal = vergelijking[vergelijking["totaal"]].iloc[0]
    maten = sectormaten(totaal)
    grafieken = kleine_veelvouden_per_rij(sectoren, "Sector", maten, nu_label=nu,
                                          vorig_label=vorig if vorige_te_vergelijken else "",
                                          titel=f"Sectoren in het {nu}") if not sectoren.empty else []
    toelichting = [
        f"Per sector het {nu} naast het {vorig}; 'verschil' is {nu} min {vorig}, bij percentages in procentpunten."
        if vorige_te_vergelijken else f"Over het {vorig} zijn geen gegevens: er is geen vergelijking.",
        f"Lopend: trajecten die op {datum_voluit(halfjaar.tot)} liepen. Uitval binnen {UITVAL_MAANDEN} maanden: van "
        f"de trajecten die in het halfjaar begonnen en al {UITVAL_MAANDEN} maanden te volgen zijn, het deel dat "
        "binnen die tijd uitviel. Uitstroom naar werk: het deel van de trajecten die in het halfjaar eindigden.",
        f"Structurele vraag: plekken per maand bij combinaties van sector en beroep met vraag in minstens "
        f"{STRUCTUREEL_K} van de 12 maanden tot en met {formaat.maandnaam(halfjaar.tot.month)} {halfjaar.jaar}.",
        f"De rij '{TOTAAL}' is berekend over alle trajecten van de selectie, niet opgeteld uit de sectoren.",
        "Tussen haakjes, zoals (+5): door het afronden staat niet vast of het een stijging of een daling is.",
    ]
    return Sectie("Sectoren", f"Sectorvergelijking {nu}", toelichting, [], tabellen, grafieken)


def afspraaksectie(afspraak: pd.DataFrame, halfjaar: Halfjaar) -> Sectie:
    """Instroom per gemeente against its afspraak: for the first half year the expected year-end by the seasonal
    pattern of earlier years (pro rata, 6/12 in June, would call every gemeente 'achter' whose instroom peaks after
    the summer), for the second half year the final result."""
    maand = formaat.maandnaam(halfjaar.tot.month)
    afgelopen = bool(afspraak.attrs.get("afgelopen"))
    patroon = afspraak.attrs.get("patroon")
    instroom_kop = f"Instroom {halfjaar.jaar}" if afgelopen else f"Instroom jan t/m {maand}"
    van_kop = "Van de afspraak (%)" if afgelopen else "Van de afspraak naar patroon (%)"
    tabel = pd.DataFrame({
        "Gemeente": afspraak["gemeente"].astype(str),
        instroom_kop: afspraak["instroom"],
        **({} if afgelopen else {"Verwacht einde jaar": [
            verwacht_tekst(v, la, h) if pd.notna(v) else None  # an empty cell in Excel, "–" on screen
            for v, la, h in zip(afspraak["verwacht"], afspraak["verwacht_laag"], afspraak["verwacht_hoog"],
                                strict=True)]}),
        "Afspraak heel jaar": afspraak["afspraak"],
        van_kop: afspraak["van_afspraak_naar_patroon"],
        "Eindstand" if afgelopen else "Stand": afspraak["verwachting"],
    })
    soorten = {instroom_kop: "aantal", "Afspraak heel jaar": "aantal", van_kop: "procent"}
    met_afspraak = afspraak[afspraak["afspraak"].notna()]
    grafiek = voortgang_tegen_doel(met_afspraak, "gemeente", "instroom", "afspraak_naar_patroon", "afspraak",
                                   titel=f"Instroom {halfjaar.jaar} per gemeente tegen de afspraak",
                                   x_titel="Trajecten gestart",
                                   werkelijk_label=f"Instroom {halfjaar.jaar}" if afgelopen else
                                   f"Instroom januari t/m {maand}",
                                   pro_rata_label="Afspraak" if afgelopen else
                                   f"Afspraak naar seizoenspatroon t/m {maand}",
                                   streep=not afgelopen) if not met_afspraak.empty else None
    if afgelopen:
        toelichting = [f"De instroom over heel {halfjaar.jaar} per gemeente, vergeleken met de afspraak voor dat jaar: "
                       f"de eindstand. {STAND_UITLEG_AFGELOPEN} {NIET_TE_BEPALEN_AFGELOPEN}"]
    else:
        toelichting = [f"Instroom van januari tot en met {maand} {halfjaar.jaar} per gemeente. {methode_zin(patroon)}",
                       STAND_UITLEG, NIET_TE_BEPALEN_LOPEND if patroon is not None else ZONDER_PATROON]
    return Sectie(
        "Afspraken", f"Instroom tegen de afspraken, {halfjaar.jaar} tot en met {maand}", toelichting,
        [], [Tabel("Instroom per gemeente", tabel, soorten, "Geen instroom en geen afspraken in dit jaar.")],
        [grafiek] if grafiek else [],
    )


def uitvalsectie(filters: Filters, vergelijking: pd.DataFrame, halfjaar: Halfjaar) -> Sectie:
    redenen = redenen_uitval(filters)
    namen = redenen.pareto["reden"].map(lambda r: code_weergave("reden_uitval", r))
    tabel = pd.DataFrame({
        "Reden": namen,
        "Uitgevallen": redenen.pareto["aantal"],
        "Deel van de uitval (%)": redenen.pareto["aandeel"],
        "Cumulatief (%)": redenen.pareto["cumulatief"],
    })
    totaal = vergelijking[vergelijking["totaal"]].iloc[0]
    uitval_kop = f"Uitval binnen {UITVAL_MAANDEN} mnd (%)"
    kerncijfers = pd.DataFrame({
        "Halfjaar": [halfjaar_naam(halfjaar)],
        uitval_kop: [totaal["uitval6"]],
        "Te volgen trajecten": [totaal["uitval6_noemer"]],
        "Uitgevallen": [redenen.totaal],
        "Gestopt voor betaald werk (geen uitval)": [redenen.naar_werk],
    })
    grafiek = pareto(redenen.pareto.assign(naam=namen), titel="Redenen van uitval") if not tabel.empty else None
    toelichting = [
        "Uitval is voortijdig stoppen zonder betaald werk; wie eerder stopt omdat hij of zij betaald werk vond, telt "
        "niet mee. Alle cijfers gaan over trajecten die in het halfjaar begonnen.",
        "De redenen van vaak naar weinig; het cumulatieve deel telt ze op tot 100%.",
    ]
    if redenen.volgorde_onzeker:
        groepen = "; en van ".join(", ".join(code_weergave("reden_uitval", r) for r in g)
                                   for g in redenen.volgorde_onzeker)
        toelichting.append(f"Bij deze afgeronde aantallen staat de volgorde niet vast van {groepen}.")
    return Sectie("Uitval", f"Uitval in het {halfjaar_naam(halfjaar)}", toelichting, [],
                  [Tabel("Uitval", kerncijfers, {uitval_kop: "procent", "Te volgen trajecten": "aantal",
                                                 "Uitgevallen": "aantal",
                                                 "Gestopt voor betaald werk (geen uitval)": "aantal"}),
                   Tabel("Redenen van uitval", tabel, {"Uitgevallen": "aantal", "Deel van de uitval (%)": "procent",
                                                       "Cumulatief (%)": "procent"}, "Geen uitval in dit halfjaar.")],
                  [grafiek] if grafiek else [])


def vraagsectie(filters: Filters, venster, aanbod: pd.DataFrame | None) -> Sectie:
    if venster is None:
        return Sectie("Vraag", "Structurele vraag en vraag en aanbod", ["Er is geen werkgeversvraag geladen."])
    maanden = " tot en met ".join(f"{formaat.maandnaam(d.month)} {d.year}" for d in (venster.eerste, venster.laatste))
    structureel = structurele_vraag(filters, venster, STRUCTUREEL_K, "beroep")
    lijst = pd.DataFrame({
        "Sector": structureel["sector"].map(sectornaam),
        "Beroep": structureel["naam"].astype(str),
        "Maanden met vraag (van 12)": structureel["maanden_met_vraag"].astype(int),
        "Gemiddeld per maand": structureel["gemiddeld_per_maand"].astype(float),
        "Trend": structureel["trend"].map(lambda t: TREND.get(t, t)),
    })
    balans = pd.DataFrame({
        "Sector": aanbod["sector"].map(sectornaam),
        "Structurele vraag per maand": aanbod["vraag_per_maand"].astype(float),
        "Instroom per maand": aanbod["instroom_per_maand"],
        "Verschil per maand": aanbod["tekort_per_maand"],
        "Vraag gedekt": [samenvatting.gedekt_tekst(g, i) for g, i in zip(aanbod["gedekt"], aanbod["instroom"],
                                                                          strict=True)],
        "Instroom in 12 mnd": aanbod["instroom"],
    })
    grafiek = vraag_tegen_instroom(aanbod.assign(naam=balans["Sector"]), "naam", "vraag_per_maand",
                                   "instroom_per_maand", "gedekt",
                                   titel=f"Structurele vraag en instroom per maand, {maanden}") if not aanbod.empty \
        else None
    return Sectie(
        "Vraag", "Structurele vraag en vraag en aanbod",
        [f"Over de 12 maanden {maanden}. Structureel: vraag in minstens {STRUCTUREEL_K} van de 12 maanden; "
         "gemiddeld per maand is het totaal aantal gevraagde plekken gedeeld door 12. Vraag komt van het "
         "werkgeversservicepunt: alleen de filters gemeente en sector doen mee.",
         "Vraag en aanbod: per sector de structurele vraag per maand naast de instroom per maand (de trajecten die in "
         "dezelfde 12 maanden begonnen, gedeeld door 12). Verschil: vraag min instroom; boven 0 is er meer vraag."],
        [],
        [Tabel("Vraag en aanbod per sector", balans, {"Structurele vraag per maand": "decimaal",
                                                      "Instroom per maand": "decimaal",
                                                      "Verschil per maand": "verschil_decimaal",
                                                      "Instroom in 12 mnd": "aantal"},
               "Geen structurele vraag en geen instroom in deze 12 maanden."),
         Tabel("Structurele vraag per beroep", lijst, {"Maanden met vraag (van 12)": "aantal",
                                                       "Gemiddeld per maand": "decimaal"},
               f"Geen beroep had vraag in minstens {STRUCTUREEL_K} van de 12 maanden.")],
        [grafiek] if grafiek else [],
    )


def vorige_verbeteracties(halfjaar: Halfjaar, kijker) -> pd.DataFrame:
    """The actions agreed in the half year before `halfjaar` (and older ones still open or changed since), with their
    kengetal per half year up to `halfjaar` as `kijker` may see it: a report on an earlier half year shows no later
    numbers."""
    tabel = rapport_tabel(halfjaar.vorige(), kijker)
    later = {k for k in tabel.columns if k not in VERBETERACTIE_KOLOMMEN and k not in tot_en_met(halfjaar)}
    return tabel.drop(columns=sorted(later))


def tot_en_met(halfjaar: Halfjaar, aantal: int = 40) -> set[str]:
    """The names of `halfjaar` and the `aantal` - 1 half years before it."""
    namen = set()
    for _ in range(aantal):
        namen.add(halfjaar_naam(halfjaar))
        halfjaar = halfjaar.vorige()
    return namen


def verbeteractiesectie(acties: pd.DataFrame, halfjaar: Halfjaar) -> Sectie:
    """Last half year's verbeteracties with their status, and how their kengetal moved (the half-year columns)."""
    halfjaarkolommen = [k for k in acties.columns if k not in VERBETERACTIE_KOLOMMEN and k != "Beschermd"]
    tabel = acties[[k for k in (*VERBETERACTIE_KOLOMMEN, *halfjaarkolommen) if k in acties.columns]].copy()
    soorten = {"Deadline": "datum", "Te laat": "janee", **dict.fromkeys(halfjaarkolommen, "gemengd")}
    if len(halfjaarkolommen) >= 2:
        tabel["Beweging"] = [samenvatting.beweging(rij[halfjaarkolommen[-2]], rij[halfjaarkolommen[-1]])
                             for _, rij in tabel.iterrows()]
    vorige = halfjaar_naam(halfjaar.vorige())
    return Sectie(
        "Verbeteracties", "Verbeteracties van het vorige halfjaar",
        [f"De verbeteracties die in het {vorige} zijn afgesproken, met hun status en de waarde van hun kengetal per "
         "halfjaar. Beweging: hoe het kengetal veranderde tussen de laatste twee halfjaren."],
        [], [Tabel("Verbeteracties", tabel, soorten, f"Voor het {vorige} zijn geen verbeteracties vastgelegd.")],
    )


def nieuwe_actiessectie(halfjaar: Halfjaar) -> Sectie:
    leeg = pd.DataFrame(columns=list(NIEUWE_ACTIE_KOLOMMEN))
    return Sectie(
        "Nieuwe acties", "Nieuwe verbeteracties",
        [f"In te vullen in het overleg over het {halfjaar_naam(halfjaar)}: per actie het kengetal, wat opviel, wat "
         "er gebeurt, wie het doet en wanneer het klaar is."],
        [], [Tabel("Nieuwe verbeteracties", leeg, {"Deadline": "datum"}, "", invulregels=NIEUWE_ACTIE_RIJEN)],
    )
