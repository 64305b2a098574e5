"""The terms of the filters, each in one sentence: the one text the Definities page shows and the filter bar's help
gives (so the two cannot drift). The numbers themselves are defined in analytics.kengetallen.KENGETALLEN."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Begrip:
    label: str
    definitie: str  # one sentence, plain Dutch


BEGRIPPEN: dict[str, Begrip] = {
    "periode": Begrip(
        "Periode",
        "De maanden waarin een traject begonnen is (de startdatum), tenzij de uitleg bij een getal iets anders zegt; "
        "de perioden lopen tot de laatste peildatum die elke organisatie heeft geleverd (een organisatie waarvan "
        "de laatste export meer dan anderhalve maand ouder is dan de nieuwste, houdt ze niet op).",
    ),
    "peildatum": Begrip(
        "Peildatum",
        "De datum waarop een export de stand beschrijft: elke organisatie levert maandelijks een export en het "
        "dashboard toont per traject de stand uit de laatste.",
    ),
    "regio": Begrip(
        "Arbeidsmarktregio",
        "De arbeidsmarktregio van de woongemeente van de kandidaat.",
    ),
    "gemeenten": Begrip(
        "Gemeente",
        "De woongemeente van de kandidaat: de gemeente die het traject opdraagt en de afspraken maakt.",
    ),
    "organisaties": Begrip(
        "Organisatie",
        "Het SW-bedrijf of werkbedrijf dat het traject begeleidt en de export levert.",
    ),
    "sectoren": Begrip(
        "Sector",
        "De branche waarin de kandidaat praktijkleert, zoals groen, schoonmaak of logistiek.",
    ),
    "doelgroepen": Begrip(
        "Doelgroep",
        "De regeling waaronder de kandidaat valt bij de start, zoals Participatiewet, Wsw, Wajong, banenafspraak "
        "of VSO/PrO-schoolverlater.",
    ),
    "stromen": Begrip(
        "Stroom",
        "Welk soort kandidaat het is: een langstromer (met een lange weg naar werk), een doorstromer (op weg naar "
        "werk bij een gewone werkgever) of een eigen medewerker van het SW-bedrijf.",
    ),
    "routes": Begrip(
        "Route",
        "Waar het praktijkleren gebeurt: intern bij het SW-bedrijf zelf, of extern bij een werkgever.",
    ),
}
