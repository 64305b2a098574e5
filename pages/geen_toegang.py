"""Geen toegang: someone logged in whose e-mail address has no role. Nothing else is shown."""

from __future__ import annotations

import streamlit as st

from kader.toegang import ingelogd_email, uitloggen
from weergave.tekst import markdown_tekst

st.title("Geen toegang")
st.error(
    f"U bent ingelogd als {markdown_tekst(ingelogd_email())}, maar dit adres heeft geen toegang tot dit dashboard. "
    "Denkt u dat dit niet klopt? Vraag de beheerder van het dashboard in uw regio om u toe te voegen."
)
if st.button("Uitloggen", key="geen_toegang_uitloggen"):
    uitloggen()
