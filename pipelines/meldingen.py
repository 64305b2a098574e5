"""Every Dutch message the pipelines give users, in one place.

The pipelines raise these exceptions and return these findings; the CLI and the upload page only
print them. Tests assert on the exact text.
"""

from __future__ import annotations

from dataclasses import dataclass


class Geweigerd(Exception):
    """The whole file is refused before any row could be checked (type, size, header, ...).

    Carries every reason found at that level (two missing columns are two messages).
    """

    def __init__(self, *meldingen: str):
        super().__init__(*meldingen)
        self.meldingen = list(meldingen)

    def __str__(self) -> str:
        return "\n".join(self.meldingen)


class UploadNietTerugTeDraaien(Exception):
    """A rollback that cannot be done, with the reason in Dutch."""


PROBLEMEN: dict[str, str] = {
    "verplicht_leeg": "dit veld is verplicht maar leeg. Vul het in.",
    "geen_datum": "'{waarde}' is geen datum. Gebruik bijvoorbeeld 31-10-2026.",
    "datum_bestaat_niet": "'{waarde}' is geen bestaande datum.",
    "na_peildatum": "'{waarde}' ligt na de peildatum ({extra}). Een traject kan niet na de peildatum "
    "zijn begonnen.",
    "voor_startdatum": "'{waarde}' ligt vóór de startdatum ({extra}).",
    # the date bounds of basis/datumgrenzen.py
    "datum_te_vroeg": "'{waarde}' ligt vóór {extra}: zo vroeg gaat geen traject in deze gegevens terug. Klopt het "
    "jaartal?",
    "datum_te_laat": "'{waarde}' ligt na {extra}: dat kan geen geplande einddatum zijn. Is er geen einddatum, laat "
    "de cel dan leeg.",
    "einde_na_peildatum": "'{waarde}' ligt na de peildatum ({extra}), maar een afgerond of uitgevallen traject is "
    "dan al geëindigd.",
    "geen_einddatum": "'{waarde}' staat in veel systemen voor 'geen einddatum', maar de status is {extra}: dat "
    "traject is geëindigd. Vul de echte einddatum in.",
    "praktijkverklaring_na_peildatum": "'{waarde}' ligt na de peildatum ({extra}): een praktijkverklaring kan niet "
    "later behaald zijn dan de dag die de export beschrijft.",
    "maand_buiten_bereik": "'{waarde}' ligt buiten de maanden waar vraag over kan gaan: {extra}. Klopt het jaartal?",
    "jaar_buiten_bereik": "'{waarde}' ligt buiten de jaren waar een afspraak over kan gaan: {extra}. Klopt het "
    "jaartal?",
    "geen_maand": "'{waarde}' is geen maand. Gebruik bijvoorbeeld 2026-10 of okt 2026.",
    "geen_jaar": "'{waarde}' is geen jaartal. Gebruik vier cijfers, bijvoorbeeld 2026.",
    "geen_heel_getal": "'{waarde}' is geen heel getal.",
    "te_klein": "'{waarde}' is te klein: het aantal moet minstens {extra} zijn.",
    "te_groot": "'{waarde}' is te groot: een aantal is hoogstens {extra}. Klopt het getal?",
    "geen_crebo": "'{waarde}' is geen crebonummer. Een crebonummer heeft 5 cijfers.",
    "code_onbekend": "'{waarde}' is geen bekende waarde. Toegestaan: {extra}. Gebruikt uw systeem "
    "een andere schrijfwijze? Vraag de beheerder die toe te voegen aan de synoniemen van het dashboard.",
    "gemeente_onbekend": "'{waarde}' is geen bekende gemeente. Gebruik de naam van de gemeente "
    "(zoals het CBS die schrijft) of de gemeentecode, bijvoorbeeld GM0268.",
    "gemeente_ambigu": "'{waarde}' is niet eenduidig: bedoelt u {extra}? Gebruik de volledige naam "
    "of de gemeentecode.",
    "werkgever_verplicht": "leeg, maar de route is extern. Vul de werkgever in.",
    "einddatum_verplicht": "leeg, maar de status is {extra}. Vul de einddatum in.",
    "reden_verplicht": "leeg, maar de status is uitgevallen. Vul de reden van uitval in.",
    "traject_dubbel": "'{waarde}' staat vaker in dit bestand (ook in rij {extra}). Elk traject "
    "hoort één keer in de export te staan.",
    "afspraak_dubbel": "de afspraak voor '{waarde}' staat vaker in dit bestand, met hetzelfde jaar, "
    "dezelfde sector en doelgroep (ook in rij {extra}). Laat er één staan.",
}


@dataclass(frozen=True)
class Fout:
    """One problem in one cell: the row number the user sees in Excel, their column name, the value."""

    rij: int
    kolom: str
    waarde: str | None
    probleem: str
    extra: str | None = None

    @property
    def uitleg(self) -> str:
        """What is wrong, without the place: for a table that has its own Rij and Kolom columns."""
        tekst = PROBLEMEN[self.probleem].format(waarde=self.waarde, extra=self.extra)
        return tekst[0].upper() + tekst[1:]

    @property
    def tekst(self) -> str:
        uitleg = PROBLEMEN[self.probleem].format(waarde=self.waarde, extra=self.extra)
        return f"Rij {self.rij}, kolom {self.kolom}: {uitleg}"


def verplichte_kolom_ontbreekt(label: str, andere: list[str]) -> str:
    ook = f" (ook goed: {', '.join(andere)})" if andere else ""
    return f"Verplichte kolom ontbreekt: {label}{ook}. Voeg de kolom toe of gebruik het sjabloon."


def mb(aantal_bytes: int) -> str:
    """1.400.000 -> '1,4 MB'; 50.000.000 -> '50 MB'; 2.147.500.000 -> '2.147,5 MB' (Dutch)."""
    tekst = f"{aantal_bytes / 1_000_000:,.1f}".removesuffix(".0")
    return tekst.replace(",", " ").replace(".", ",").replace(" ", ".") + " MB"


def getal(aantal: int) -> str:
    """1234567 -> '1.234.567' (Dutch)."""
    return f"{aantal:,}".replace(",", ".")


TEKST_IN_MELDING = 80  # characters of a file's text (a header, a name) that a message carries


def ingekort(tekst: str, grens: int = TEKST_IN_MELDING) -> str:
    """Text from a file as a message may carry it: at most `grens` characters, a longer one cut with '…'."""
    return tekst if len(tekst) <= grens else tekst[: grens - 1].rstrip() + "…"


def opsomming(namen: list[str], zichtbaar: int = 10, andere: tuple[str, str] = ("andere", "andere")) -> str:
    """'a, b, c' or, for a long list, the first few and 'en 1.234 andere' (`andere`: the words for one and for
    more, such as ('andere kolom', 'andere kolommen'))."""
    if len(namen) <= zichtbaar:
        return ", ".join(namen)
    rest = len(namen) - zichtbaar
    return f"{', '.join(namen[:zichtbaar])} en {getal(rest)} {andere[0] if rest == 1 else andere[1]}"


# File-level refusals. Each says what is wrong and what to do.
TE_GROOT = (
    "Het bestand is {grootte}; de grens is {grens}. Splits het bestand (bijvoorbeeld per "
    "organisatie) of laat alleen de kolommen uit het sjabloon staan."
)
TE_GROOT_UITGEPAKT = (
    "Het bestand pakt uit tot {grootte}; de grens is {grens}. Dit is geen gewone export: sla de "
    "gegevens opnieuw op als .xlsx of .csv zonder afbeeldingen of verborgen werkbladen."
)
TE_STERK_GECOMPRIMEERD = (
    "Het bestand is verdacht sterk ingepakt: een onderdeel pakt meer dan {verhouding} keer zo groot "
    "uit. Dit is geen gewone export: sla de gegevens opnieuw op als .xlsx of .csv."
)
LEEG_BESTAND = "Het bestand is leeg."
WACHTWOORD = (
    "Het bestand is beveiligd met een wachtwoord. Sla het op zonder wachtwoord (Bestand > Info > "
    "Werkmap beveiligen) en probeer het opnieuw."
)
KAPOT = (
    "Het bestand kan niet worden gelezen: het is beschadigd of geen echt {soort}. Maak de export "
    "opnieuw aan en probeer het nog eens."
)
ONBEKEND_TYPE = (
    "Dit is {wat}, geen Excel-bestand (.xlsx, .xls) of CSV-bestand. Lever de export aan als "
    ".xlsx, .xls of .csv."
)
# Bounds on what a file may hold (pipelines/lezen.py); no real export comes near them.
TE_VEEL_KOLOMMEN = (
    "{waar} heeft {aantal} kolommen; de grens is {grens}. Zo breed is geen gewone export. Laat alleen "
    "de kolommen uit het sjabloon staan (de andere mogen weg) en probeer het opnieuw."
)
IN_CSV = "Het bestand"
IN_WERKBLAD = "Werkblad '{blad}'"
TE_VEEL_BLADEN = (
    "De werkmap heeft {aantal} werkbladen; de grens is {grens}. Sla alleen het werkblad met de export "
    "op als nieuw bestand en probeer het opnieuw."
)
CEL_TE_LANG = (
    "In rij {rij} staat een cel van meer dan {grens} tekens; zoveel past niet eens in een Excel-cel. "
    "In een CSV-bestand komt dat meestal door een aanhalingsteken (\") dat niet wordt afgesloten. "
    "Controleer die rij of maak de export opnieuw aan."
)
GEEN_KOPREGEL = (
    "Geen kopregel gevonden: in de eerste {n} rijen staat geen rij met de kolommen van een "
    "kandidaten-, vraag- of afsprakenexport. Gebruik de kolomnamen uit het sjabloon."
)
TWEE_BLADEN = (
    "Meer dan één werkblad heeft een passende kopregel ({bladen}). Laat er één staan of zet de "
    "gegevens op één werkblad."
)
SOORT_ONDUIDELIJK = (
    "Het is niet duidelijk welk soort export dit is ({soorten}). Geef het soort op."
)
DUBBELE_KOLOM = (
    "De kolommen {kopjes} betekenen allebei '{kolom}'. Laat er één staan."
)
GEEN_ORGANISATIE = (
    "De organisatie is onbekend. Geef de organisatie op (--organisatie of in het uploadformulier) "
    "of zet een kolom Organisatie in het bestand."
)
GEEN_ORGANISATIE_PAGINA = (
    "De organisatie is onbekend: het bestand noemt geen organisatie. Kies de organisatie hierboven, of zet een "
    "kolom Organisatie of een regel 'Organisatie: …' boven de kopregel in het bestand."
)
ORGANISATIENAAM_TE_LANG = (
    "De organisatie '{naam}' heeft een naam van {lengte} tekens; de grens is {grens}. Staat er iets anders dan de "
    "naam van de organisatie in de kolom Organisatie of de titelregel? Geef de naam van de organisatie op."
)
OPEN_AANHALINGSTEKEN = (
    "In rij {rij} begint een cel met een aanhalingsteken (\") dat niet wordt afgesloten: de regels erna zijn daardoor "
    "in die ene cel terechtgekomen en zouden verloren gaan. Verwijder het aanhalingsteken of sluit het af, of maak "
    "de export opnieuw aan, en probeer het opnieuw."
)
MEER_ORGANISATIES = (
    "De kolom Organisatie noemt meer dan één organisatie ({namen}). Lever per organisatie een apart "
    "bestand aan."
)
GEEN_PEILDATUM = (
    "De peildatum is onbekend. Geef de peildatum op (--peildatum JJJJ-MM-DD of in het "
    "uploadformulier), zet een regel 'Peildatum: 31-10-2026' boven de kopregel, of zet de maand in "
    "de bestandsnaam (bijvoorbeeld kandidaten_2026-10.xlsx)."
)
GEEN_PEILDATUM_PAGINA = (
    "De peildatum is onbekend. Vul de peildatum hierboven in, zet een regel 'Peildatum: 31-10-2026' boven de "
    "kopregel, of zet de maand in de bestandsnaam (bijvoorbeeld kandidaten_2026-10.xlsx)."
)
# The command line names its flags; the upload page its own fields (a page never speaks of command-line flags).
OP_PAGINA = {GEEN_ORGANISATIE: GEEN_ORGANISATIE_PAGINA, GEEN_PEILDATUM: GEEN_PEILDATUM_PAGINA}


def op_pagina(regel: str) -> str:
    """A message as the upload page shows it: the command line's wording replaced by the page's."""
    return OP_PAGINA.get(regel, regel)


PEILDATUM_BUITEN_BEREIK = (
    "De peildatum {peildatum} kan niet kloppen: een peildatum ligt tussen {vroegste} en een week na vandaag "
    "({laatste}). Controleer de peildatum in het uploadformulier, in de regel 'Peildatum: …' boven de kopregel of "
    "in de bestandsnaam."
)
ONGELDIGE_PEILDATUM = (
    "'{waarde}' is geen geldige peildatum. Gebruik bijvoorbeeld 31-10-2026."
)
GEEN_GEGEVENS = "Het bestand heeft een kopregel maar geen gegevensrijen."
ONBEKENDE_SOORT = "Onbekend soort export '{soort}'. Kies uit: kandidaten, vraag, afspraken."

# Warnings: kept with the upload, do not block it.
ANDERE_ORGANISATIE = (
    "De kolom Organisatie noemt {namen}; het bestand is geladen als de opgegeven organisatie {naam}."
)
PERSOONSKOLOMMEN = "Kolommen met persoonsgegevens zijn niet opgeslagen: {kolommen}."
GENEGEERDE_KOLOMMEN = "Kolommen die niet in het contract staan zijn genegeerd: {kolommen}."
ONTBREKENDE_TRAJECTEN = (
    "{aantal} trajecten uit de vorige export ontbreken in deze export; hun laatst bekende stand "
    "blijft staan en ze zijn gemarkeerd. Controleer of de export volledig is."
)
OUDERE_PEILDATUM = (
    "Er is al een export met een latere peildatum ({laatste}) van deze organisatie geladen. Deze "
    "export wordt bewaard, maar verandert de huidige stand niet."
)

NOG_MEER_FOUTEN = (
    "En nog {aantal} fouten, per kolom: {kolommen}. Upload het bestand op de pagina Uploaden voor een Excel-kopie "
    "met de foute cellen gemarkeerd."
)

KOPIE_INGEKORT = (
    "Hier staan de eerste {getoond} van {aantal} fouten. Zoveel fouten hebben meestal één oorzaak (een verschoven "
    "kolom, een andere schrijfwijze): verbeter die en controleer het bestand opnieuw."
)

# Outcomes.
AL_GELADEN = (
    "Dit bestand is al geladen als upload {upload_id} ({soort}, {organisatie}, peildatum "
    "{peildatum}). Er is niets veranderd. Klopt iets niet? Draai upload {upload_id} terug en laad "
    "het bestand opnieuw."
)
DEMO_VOORBIJ = (
    "Let op: deze opslag bevatte alleen de verzonnen demogegevens; nu staan er andere gegevens in. Het dashboard opent "
    "hem daarom niet meer als demo zonder inloggen: iedereen moet inloggen, en dat kan pas met een toegangsbestand "
    "(DASHBOARD_TOEGANG; de README zegt hoe). Was dit een proef? Draai de upload terug met "
    "`python -m pipelines terugdraaien --db {db} {upload_id}`; dan is het weer de demo."
)
MISLUKT = (
    "Niet geladen: {bestand}. Er ging iets mis tijdens het laden ({soort}); er is niets veranderd. "
    "Probeer het opnieuw; gebeurt het weer, meld het dan aan de beheerder."
)
SLEUTEL_ONGELDIG = (
    "Het sleutelbestand {waar} is leeg of beschadigd. Er is niets geladen. Zet de bewaarde sleutel terug "
    "(zonder dezelfde sleutel worden kandidaten niet meer herkend) of vraag de beheerder."
)
SLEUTEL_ONTBREEKT = (
    "Het sleutelbestand {waar} bestaat niet, maar deze opslag bevat al kandidaten. Er is niets geladen en er is geen "
    "nieuwe sleutel gemaakt: met een nieuwe sleutel worden dezelfde kandidaten niet meer herkend. Zet het "
    "sleutelbestand uit de back-up van de opslag terug op die plek en laad het bestand opnieuw."
)
SLEUTEL_ANDERS = (
    "Het sleutelbestand {waar} hoort niet bij deze opslag: de kandidaten in de opslag zijn met een andere sleutel "
    "vastgelegd. Er is niets geladen: met deze sleutel worden dezelfde kandidaten niet meer herkend. Zet het "
    "sleutelbestand uit de back-up van deze opslag terug op die plek en laad het bestand opnieuw."
)
# Where the key is, for a page (no paths there): the file name and where it sits on the server.
SLEUTEL_NAAST_OPSLAG = "{naam} (op de server, naast het opslagbestand)"
SLEUTEL_UIT_VARIABELE = "{naam} (op de server, op de plek die DASHBOARD_SLEUTEL aangeeft)"
GEEN_UPLOAD = "Upload {upload_id} bestaat niet."
AL_TERUGGEDRAAID = "Upload {upload_id} is al teruggedraaid."
NIET_GELADEN = "Upload {upload_id} is geweigerd en heeft dus niets veranderd; er is niets terug te draaien."
VERVANGEN_DOOR_LATER = (
    "Upload {upload_id} is vervangen door upload {later} (zelfde organisatie en peildatum). Draai "
    "eerst upload {later} terug."
)

# Reading an uploaded file in a separate process (pipelines/apart_lezen.py).
LEZEN_AFGEBROKEN = (
    "Het bestand kan niet worden gelezen: het lezen liep vast (het bestand is beschadigd, te groot "
    "uitgepakt of geen echt Excel- of CSV-bestand). Er is niets geladen. Maak de export opnieuw aan "
    "en probeer het nog eens."
)
LEZEN_TE_LANG = (
    "Het lezen van het bestand duurde langer dan {seconden} seconden en is gestopt. Er is niets "
    "geladen. Splits het bestand of maak de export opnieuw aan."
)
