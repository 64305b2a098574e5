"""The audit log, for the beheerder only."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.opslag import query
from toegang.kijker import GeenToegang, Kijker


def logboek(kijker: Kijker | None, aantal: int = 1000) -> pd.DataFrame | None:
    """The newest lines of the audit log (moment in UTC, wie, actie, wat); None for a store from before the
    audit log (it starts with the next upload there)."""
    if kijker is None or not kijker.is_beheerder:
        raise GeenToegang("Alleen de beheerder ziet het logboek.")
    try:
        return query("logboek", {"aantal": aantal})
    except duckdb.CatalogException:  # a store from before the audit log
        return None
