"""`python -m pipelines demo --db PATH`: write the fictional exports and load them like real uploads."""

from __future__ import annotations

import sys
from pathlib import Path

from pipelines.demo import schrijf_demo_exports
from pipelines.laden import laad_bestand


def voortgang(gedaan: int, totaal: int, breedte: int = 30) -> str:
    gevuld = breedte * gedaan // totaal
    return f"[{'#' * gevuld}{'.' * (breedte - gedaan * breedte // totaal)}] {gedaan}/{totaal}"


# Who loaded the demo exports: how the dashboard knows a store holds only fictional data (demo mode).
DEMO_DOOR = "demo"


def demo_geladen(db: Path, map: Path) -> int:
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
    return 1 if mislukt else 0
