"""Who is using the dashboard and what they may do: each answer in one function.

Roles and login come in issue 6, which decides these by role; until then every visitor gets the demo
answer. Pages ask only these functions, so issue 6 changes this file and nothing else.
"""

from __future__ import annotations

import streamlit as st


def gebruiker() -> str:
    """Who is this: the e-mail address when logged in, else 'demo'. Stored with each upload/rollback."""
    if st.user.get("is_logged_in") and st.user.get("email"):
        return str(st.user.get("email"))
    return "demo"


def mag_uploaden() -> bool:
    """May this person check and load exports? Demo: yes. Issue 6: by role (aanleverder, beheerder)."""
    return True


def mag_terugdraaien() -> bool:
    """May this person roll an upload back? Demo: yes. Issue 6: only the beheerder."""
    return True
