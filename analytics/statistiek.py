"""Interval estimates shared by the read side: one definition of the 95% Wilson score interval."""

from __future__ import annotations

import math

Z_95 = 1.959963984540054  # the 97.5% point of the standard normal distribution


def wilson_ondergrens(aantal: int, n: int, z: float = Z_95) -> float:
    """The lower bound of the Wilson score interval for the share aantal / n (95% by default); NaN for n = 0."""
    if n == 0:
        return math.nan
    p = aantal / n
    midden = p + z * z / (2 * n)
    marge = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (midden - marge) / (1 + z * z / n)


def wilson_bovengrens(aantal: int, n: int, z: float = Z_95) -> float:
    """The upper bound of the same interval: one minus the lower bound of the complementary share."""
    return math.nan if n == 0 else 1 - wilson_ondergrens(n - aantal, n, z)
