"""Who may see what. One place for each decision, so issue 6 (roles) changes it here and nowhere else."""

from __future__ import annotations


def mag_namen_zien() -> bool:
    """May the current user see werkgevers and praktijkopleiders by name next to their uitval?

    True for everyone for now: issue 6 decides this by role (for example beheerders and the SW-bedrijf's own
    staff yes, a consortium presentation no). Every page that shows names asks this function."""
    return True
