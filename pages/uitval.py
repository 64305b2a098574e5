"""Uitval (issue 4): being built."""

from __future__ import annotations

import streamlit as st

from kader import filters

st.title("Uitval")
filters()
st.info("Deze pagina komt binnenkort.")
