"""The frame every page shares: the shared filters (sidebar, session state, URL) and data freshness."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from analytics.filters import Filters
from analytics.opslag import db_pad
from kader.filterbalk import filterbalk
from kader.versheid import versheidsregel
from pipelines.meldingen import OpslagBezet

__all__ = ["filterbalk", "filters", "opslag_of_uitleg", "versheidsregel"]


@contextmanager
def opslag_of_uitleg() -> Iterator[None]:
    """Around a page's questions: no store yet, or a load running too long, is said in Dutch."""
    try:
        yield
    except FileNotFoundError:
        st.info(
            f"Er zijn nog geen gegevens geladen ({db_pad()} bestaat niet). Laad exports met "
            "`python -m pipelines ingest --db PAD BESTAND` of start met `make run` voor de demo."
        )
        st.stop()
    except OpslagBezet as fout:
        st.warning(str(fout))
        st.stop()


def filters() -> Filters:
    """For a page: draw the shared filters and the freshness line; stop with a Dutch message when there
    is nothing to show (no store yet, a load running for too long, no trajecten)."""
    with opslag_of_uitleg():
        gekozen = filterbalk()
        versheidsregel()
    if gekozen is None:
        st.info("Er zijn nog geen trajecten geladen.")
        st.stop()
    return gekozen
