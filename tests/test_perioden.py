"""The periods of the filter bar: whole months, also around a leap year."""

from __future__ import annotations

import datetime as dt

import pytest

from analytics.perioden import periode_van


@pytest.mark.parametrize("peildatum, van, tot", [
    (dt.date(2026, 10, 31), dt.date(2025, 11, 1), dt.date(2026, 10, 31)),
    (dt.date(2026, 11, 15), dt.date(2025, 11, 1), dt.date(2026, 10, 31)),
    (dt.date(2025, 2, 28), dt.date(2024, 3, 1), dt.date(2025, 2, 28)),  # was 29-02-2024: twelve months and a day
    (dt.date(2025, 3, 10), dt.date(2024, 3, 1), dt.date(2025, 2, 28)),
    (dt.date(2024, 2, 29), dt.date(2023, 3, 1), dt.date(2024, 2, 29)),
    (dt.date(2026, 12, 31), dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
])
def test_afgelopen_12_maanden_is_twelve_whole_months(peildatum, van, tot):
    assert periode_van("Afgelopen 12 maanden", peildatum) == (van, tot)
