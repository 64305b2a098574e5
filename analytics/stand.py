"""How complete and how fresh the store is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from analytics.opslag import query

SOORT_LABELS = {"kandidaten": "Kandidaten (trajecten)", "vraag": "Werkgeversvraag", "afspraken": "Instroomafspraken"}
VEROUDERD_NA = dt.timedelta(days=45)  # an export older than a month and a half


def stand_per_organisatie(db: Path | None = None) -> pd.DataFrame:
    """Per organisatie and soort: latest peildatum, number of uploads, last loaded."""
    return query("stand_per_organisatie", db=db)


def verouderd(laatste_peildatum: dt.date, vandaag: dt.date | None = None) -> bool:
    return (vandaag or dt.date.today()) - laatste_peildatum > VEROUDERD_NA
