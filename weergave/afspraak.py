"""Instroom against the afspraak in words: the method sentence, the expected year-end with its band, and what each
Stand means. One wording for the Instroom page and the Halfjaarrapportage."""

from __future__ import annotations

import pandas as pd

from analytics.kengetallen import Seizoenspatroon
from weergave import formaat

STAND_UITLEG = (
    "Voor: ook de laagste verwachting ligt boven de afspraak. Achter: ook de hoogste verwachting ligt onder de "
    "afspraak. Op koers: de afspraak ligt binnen de band van de verwachting."
)
STAND_UITLEG_AFGELOPEN = "Gehaald: de instroom over het hele jaar was minstens de afspraak."
NIET_TE_BEPALEN_LOPEND = (
    "Niet te bepalen: met de afgeronde instroom kan de verwachting zowel boven als onder de afspraak uitkomen."
)
ZONDER_PATROON = "Niet te bepalen: er is geen eerder volledig jaar om het seizoenspatroon uit te halen."
NIET_TE_BEPALEN_AFGELOPEN = (
    "Niet te bepalen: de afgeronde instroom kan zowel boven als onder de afspraak liggen."
)


def methode_zin(patroon: Seizoenspatroon | None) -> str:
    """The method in one sentence, with the numbers of this year's pattern."""
    if patroon is None:
        return ("Zonder eerdere volledige jaren is er geen seizoenspatroon: een verwachting voor het einde van het "
                "jaar is niet te geven.")
    maand = formaat.maandnaam(patroon.maanden)
    jaren = " en ".join(map(str, patroon.jaren)) if len(patroon.jaren) <= 2 else (
        ", ".join(map(str, patroon.jaren[:-1])) + f" en {patroon.jaren[-1]}")
    return (
        f"Verwacht einde jaar: de instroom tot en met {maand} gedeeld door het deel van de jaarinstroom dat in "
        f"{jaren} gemiddeld eind {maand} binnen was ({formaat.percentage(patroon.gemiddeld)}; de band loopt van "
        f"{formaat.percentage(patroon.laag)} tot {formaat.percentage(patroon.hoog)}: wat bij het aantal trajecten van "
        f"die jaren aannemelijk is)."
    )


def verwacht_tekst(verwacht, laag, hoog) -> str:
    """'35 (34–36)'."""
    if verwacht is None or pd.isna(verwacht):
        return formaat.LEEG
    if formaat.getal(laag) == formaat.getal(hoog):  # a band of one number says nothing more
        return formaat.getal(verwacht)
    return f"{formaat.getal(verwacht)} ({formaat.getal(laag)}–{formaat.getal(hoog)})"
