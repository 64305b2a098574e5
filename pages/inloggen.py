"""Inloggen: with the organisation's account (identity provider) or a local account."""

from __future__ import annotations

import streamlit as st

from kader.toegang import (
    lokaal_inloggen,
    lokale_accounts_bestaan,
    oidc_aanbieder,
    oidc_ingesteld,
    toegangsprobleem,
)

st.title("Inloggen")
st.write(
    "Dit dashboard toont gegevens over mensen met een afstand tot de arbeidsmarkt. Log in om te zien waar u "
    "toegang toe heeft."
)
probleem = toegangsprobleem()
if probleem:
    st.warning(probleem)
if oidc_ingesteld() and st.button("Inloggen met uw organisatie-account", type="primary", key="inloggen_oidc"):
    st.login(oidc_aanbieder())
if lokale_accounts_bestaan():
    if oidc_ingesteld():
        st.caption("Of met een account van dit dashboard:")
    with st.form("inloggen_lokaal"):
        email = st.text_input("E-mailadres", key="inloggen_email")
        wachtwoord = st.text_input("Wachtwoord", type="password", key="inloggen_wachtwoord")
        if st.form_submit_button("Inloggen"):
            melding = lokaal_inloggen(email, wachtwoord)
            if melding:
                st.error(melding)
            else:
                st.rerun()
if not oidc_ingesteld() and not lokale_accounts_bestaan() and not probleem:
    st.warning("Er is nog geen manier om in te loggen ingesteld. De beheerder vindt in de README hoe dat moet.")
