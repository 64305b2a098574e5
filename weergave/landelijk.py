"""The comparison of a region with the country in words: what is compared with what."""

from __future__ import annotations

from analytics.landelijk import Regiovergelijking
from weergave.grafieken import opsomming


def vergelijking_zin(vergelijking: Regiovergelijking, periode: str = "dezelfde periode") -> str:
    """What the bars compare, and which regions count as of similar size (named only for who may see that)."""
    zin = (f"{vergelijking.regio} naast alle arbeidsmarktregio's samen (landelijk) en naast de regio's waarvan de "
           f"instroom in {periode} het dichtst bij die van {vergelijking.regio} ligt, met dezelfde keuzes voor "
           "sector, doelgroep, stroom en route; gemeente en organisatie gelden alleen voor de eigen regio. "
           "Uitstroom naar werk is het deel van de trajecten die in de periode eindigden.")
    if vergelijking.vergelijkbare:
        zin += f" Vergelijkbare omvang: {opsomming(list(vergelijking.vergelijkbare))}."
    return zin
