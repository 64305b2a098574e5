"""Every number explained in plain Dutch, generated from the registry the code computes them from."""

from __future__ import annotations

import streamlit as st

from analytics.begrippen import BEGRIPPEN
from analytics.kengetallen import KENGETALLEN
from analytics.onderdrukking import drempel
from kader import toegang_vereist

st.title("Definities")
toegang_vereist()
st.write(
    "Elk getal in dit dashboard heeft één definitie, hier beschreven. Gemeenten vergelijken zich op deze "
    "getallen; dezelfde naam betekent op elke pagina hetzelfde. Op de pagina's met filters volgen alle getallen "
    "die filters: periode, arbeidsmarktregio, gemeente, organisatie, sector, doelgroep, stroom en route. De "
    "periode telt op de startdatum van het traject, tenzij de definitie iets anders zegt."
)
d = drempel()
with st.expander(f"Kleine aantallen: <{d}, x, – en afronding"):
    st.write(
        "Aantallen over mensen ziet alleen wie ze beheert exact: de beheerder, en een gemeente voor haar eigen "
        f"gemeente(n). Voor anderen, en voor iedereen in de presentatiemodus: een aantal van 0 tot en met {d - 1} "
        f"staat er als <{d}; x is afgeschermd zodat een klein aantal niet uit een totaal terug te rekenen is; – is "
        "een percentage dat niet getoond wordt (noemer onder 10, of de teller is afgeschermd). Andere aantallen zijn "
        f"afgerond op {d}-tallen, zo dat de aantallen van dezelfde selectie over verschillende perioden bij elkaar "
        "kloppen: de maanden tellen op tot het jaar. Elk afgerond aantal ligt daardoor hooguit "
        f"{d - 1} van het echte aantal af. Percentages, verschillen en volgordes komen uit de afgeronde aantallen. "
        "Een totaal over gemeenten of sectoren kan iets afwijken van de som van zijn delen. Unieke kandidaten ziet "
        "alleen wie de aantallen exact ziet: verschillende mensen tellen niet op over perioden. Wie niet alles "
        "exact ziet, kiest uit vaste perioden."
    )
st.header("De filters")
for begrip in BEGRIPPEN.values():  # the same sentences as the filters' help in the sidebar
    st.markdown(f"**{begrip.label}**: {begrip.definitie}")
st.header("De getallen")
for kengetal in KENGETALLEN.values():
    st.subheader(kengetal.label)
    st.write(kengetal.definitie)
    if "volgt" in kengetal.berekening:
        st.caption("Dit getal komt binnenkort in het dashboard.")
