"""Every number explained in plain Dutch, generated from the registry the code computes them from."""

from __future__ import annotations

import streamlit as st

from analytics.kengetallen import KENGETALLEN
from kader import toegang_vereist

st.title("Definities")
toegang_vereist()
st.write(
    "Elk getal in dit dashboard heeft één definitie, hier beschreven. Gemeenten vergelijken zich op deze "
    "getallen; dezelfde naam betekent op elke pagina hetzelfde. Op de pagina's met filters volgen alle getallen "
    "die filters: periode, arbeidsmarktregio, gemeente, organisatie, sector, doelgroep, stroom en route. De "
    "periode telt op de startdatum van het traject, tenzij de definitie iets anders zegt."
)
for kengetal in KENGETALLEN.values():
    st.subheader(kengetal.label)
    st.write(kengetal.definitie)
    if "volgt" in kengetal.berekening:
        st.caption("Dit getal komt binnenkort in het dashboard.")
