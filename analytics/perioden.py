"""The periods: what each choice of the filter bar stands for, and which period totals the pages publish (for
small-number protection, every total over a run of months that any page can show must be known at once)."""

from __future__ import annotations

import datetime as dt

from analytics.filters import een_jaar_eerder
from basis import datumgrenzen

ZELF_KIEZEN = "Zelf kiezen"
PERIODES = ("Dit jaar tot nu", "Afgelopen 12 maanden", "Vorig jaar", "Laatste volledige maand", ZELF_KIEZEN)
VASTE_PERIODES = tuple(p for p in PERIODES if p != ZELF_KIEZEN)


def binnen_bereik(datum: dt.date, laatste: dt.date | None = None) -> dt.date:
    """A date from the store within the range the ingest allows (1-1-2000 up to a week from now, or
    `laatste`): a store loaded before that range was checked may hold 31-12-9999, and a period a year after that
    does not exist. Every date the pages build periods from passes here."""
    return min(max(datum, datumgrenzen.VROEGSTE_DATUM), laatste or datumgrenzen.laatste_peildatum())


def laatste_volledige_maand(peildatum: dt.date) -> dt.date:
    """The last day of the last month that is complete at this peildatum."""
    volgende_dag = peildatum + dt.timedelta(days=1)
    return peildatum if volgende_dag.day == 1 else peildatum.replace(day=1) - dt.timedelta(days=1)


def periode_van(keuze: str, peildatum: dt.date) -> tuple[dt.date, dt.date]:
    """The dates a period choice stands for, given the latest peildatum in the store."""
    maand_einde = laatste_volledige_maand(peildatum)
    if keuze == "Afgelopen 12 maanden":  # twelve whole months: from the first of the month eleven months back
        return eerste_van_maand_terug(maand_einde, 11), maand_einde
    if keuze == "Vorig jaar":
        return dt.date(peildatum.year - 1, 1, 1), dt.date(peildatum.year - 1, 12, 31)
    if keuze == "Laatste volledige maand":
        return maand_einde.replace(day=1), maand_einde
    return dt.date(peildatum.year, 1, 1), peildatum


def eerste_van_maand_terug(datum: dt.date, maanden: int) -> dt.date:
    """The first day of the month `maanden` months before the month of `datum` (not a year minus a day: after a
    leap year, 28 February minus a year plus a day is 29 February, and the period one day too long)."""
    index = datum.year * 12 + datum.month - 1 - maanden
    return dt.date(index // 12, index % 12 + 1, 1)


def _maand_einde(jaar: int, maand: int) -> dt.date:
    return (dt.date(jaar, maand, 28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def gepubliceerde_perioden(peildatum: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Every period whose total a page can show to a viewer without exact numbers: the fixed choices of the
    filter bar and the same a year earlier (the overzicht compares), every calendar quarter, half year and year
    (uitval per start cohort, the sectoren page, 'Vorig jaar') from three years back, and the pieces of quarters
    and years inside a fixed period (the start cohorts of a period that does not begin on a quarter)."""
    perioden = set()
    for keuze in VASTE_PERIODES:
        van, tot = periode_van(keuze, peildatum)
        perioden |= {(van, tot), (een_jaar_eerder(van), een_jaar_eerder(tot))}
    kalender = {(dt.date(jaar, begin, 1), _maand_einde(jaar, begin + lengte - 1))
                for jaar in range(peildatum.year - 3, peildatum.year + 1)
                for lengte in (3, 6, 12) for begin in range(1, 13, lengte)}
    # the uitval page cuts its start cohorts (quarters, years) to the chosen period: those pieces are totals too
    stukken = {(max(van, k_van), min(tot, k_tot)) for van, tot in perioden for k_van, k_tot in kalender
               if k_van <= tot and k_tot >= van}
    return sorted(perioden | kalender | stukken)
