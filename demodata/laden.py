"""`python -m pipelines demo --db PATH`: write the fictional exports and load them like real uploads."""

from __future__ import annotations

import sys
from pathlib import Path

from basis.instellingen import DEMO_DOOR
from demodata.exports import schrijf_demo_exports
from pipelines.laden import laad_bestand
from pipelines.verbeteracties import bijwerken, gecontroleerd, toevoegen
from toegang.kijker import Kijker


def voortgang(gedaan: int, totaal: int, breedte: int = 30) -> str:
    gevuld = breedte * gedaan // totaal
    return f"[{'#' * gevuld}{'.' * (breedte - gedaan * breedte // totaal)}] {gedaan}/{totaal}"


# Who loaded the demo exports: how the dashboard knows a store holds only fictional data (demo mode).


def demo_geladen(db: Path, map: Path, verbeteracties: bool = True) -> int:
    """Exit code 0 when every demo export loaded; prints progress and any refusal in Dutch."""
    print(f"Demobestanden schrijven in {map} ...")
    bestanden = schrijf_demo_exports(map)
    print(f"{len(bestanden)} demobestanden laden in {db} (dezelfde controle als echte uploads):")
    mislukt = 0
    for nummer, bestand in enumerate(bestanden, start=1):
        uitkomst = laad_bestand(
            db, bestand.pad, soort=bestand.soort, organisatie=bestand.organisatie, peildatum=bestand.peildatum,
            geladen_door=DEMO_DOOR, apart_proces=False,  # our own files: no child process needed
        )
        if uitkomst.status == "geweigerd":
            mislukt += 1
            print(f"\n{uitkomst.melding}")
            for regel in uitkomst.controle.foutregels[:20]:
                print(f"  {regel}")
        if sys.stdout.isatty():
            print(f"\r{voortgang(nummer, len(bestanden))}", end="", flush=True)
    print(f"\nKlaar: {len(bestanden) - mislukt} van {len(bestanden)} demobestanden geladen.")
    if verbeteracties and not mislukt:
        print(f"{demo_verbeteracties(db)} fictieve verbeteracties vastgelegd (2e halfjaar 2025).")
    return 1 if mislukt else 0


# What a consortium agreed in its evaluation of the 2nd half of 2025 (fictional): one done, one under way, one
# overdue; so the Verbeteracties page and the report on the 1st half of 2026 show what they are for.
DEMO_ACTIES = (
    ({"sector": "Schoonmaak", "gemeente": "", "kengetal": "Instroom",
      "bevinding": "De instroom in schoonmaak blijft achter bij de vraag van werkgevers.",
      "actie": "Voorlichting over de schoonmaakroute bij de klantmanagers van UWV en de gemeenten.",
      "eigenaar": "UWV", "deadline": "31-03-2026"},
     [("bezig", "Eerste twee bijeenkomsten gehouden."), ("gereed", "Alle klantmanagers bereikt.")]),
    ({"sector": "Logistiek", "gemeente": "", "kengetal": "Uitval binnen 6 maanden",
      "bevinding": "Veel uitval in de eerste maanden van de logistieke route.",
      "actie": "Startgesprek met kandidaat en praktijkopleider binnen twee weken, met SMART-afspraken.",
      "eigenaar": "Werkbedrijf Waalstad", "deadline": "31-03-2027"},
     [("bezig", "Startgesprekken ingevoerd bij twee werkgevers.")]),
    ({"sector": "", "gemeente": "", "kengetal": "Uitstroom naar werk",
      "bevinding": "Na de praktijkverklaring stromen weinig kandidaten door naar betaald werk.",
      "actie": "Afspraken met het werkgeversservicepunt over plaatsing na de praktijkverklaring.",
      "eigenaar": "Werkgeversservicepunt", "deadline": "30-06-2026"},
     []),
)


def demo_verbeteracties(db: Path) -> int:
    """The demo's verbeteracties, written as the demo beheerder through the same checks as the page; their number."""
    wie = Kijker(DEMO_DOOR, "beheerder")
    for velden, updates in DEMO_ACTIES:
        actie, fouten = gecontroleerd(halfjaar="2025-2", **velden)
        if actie is None:
            raise ValueError("; ".join(fouten))  # our own fixed text: a mistake here is ours
        nummer = toevoegen(db, actie, wie)
        for status, toelichting in updates:
            bijwerken(db, nummer, status, toelichting, wie)
    return len(DEMO_ACTIES)
