"""Logboek (beheerder): logins, uploads, rollbacks and downloads, newest first."""

from __future__ import annotations

import streamlit as st

from analytics.logboek import logboek
from kader import toegang_vereist
from weergave import formaat

st.title("Logboek")
wie = toegang_vereist("logboek")
st.caption("Wie wanneer inlogde, uploadde, terugdraaide of downloadde. Tijden in Nederlandse tijd.")
regels = logboek(wie)
if regels is None:
    st.info("Deze opslag is van vóór het logboek: het logboek begint bij de eerstvolgende upload in deze opslag.")
elif regels.empty:
    st.info("Het logboek is nog leeg.")
else:
    regels["moment"] = formaat.tijdstippen(regels["moment"])
    st.dataframe(
        regels.rename(columns={"moment": "Tijdstip", "wie": "Wie", "actie": "Actie", "wat": "Wat"}),
        hide_index=True, width="stretch",
    )
