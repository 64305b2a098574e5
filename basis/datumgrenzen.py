"""The dates an export may hold, in one place: the contract's value rules beyond "is a date".

A date can be a real date and still be impossible for this data: a peildatum of 31-12-9999, a startdatum of
01-01-0001. Loaded, such a date made every page crash (a period a year after 31-12-9999 does not exist). The
ingest refuses them here (SQL gets these bounds as bound parameters); the read side clamps whatever an older
store holds to the same range (`analytics/perioden.py: binnen_bereik`).

- Every date (startdatum, einddatum, praktijkverklaring, peildatum, vraag maand): not before 1-1-2000.
- Peildatum: not more than a week after today.
- Startdatum and praktijkverklaring: not after the peildatum; einddatum of an afgerond or uitgevallen traject
  neither. A lopend traject may carry a planned einddatum, up to 31-12-2099.
- 31-12-9999 (many source systems' "no end date"): empty on a lopend traject, an error anywhere else.
- Vraag: months up to two years ahead of today (announced demand); afspraken: years up to five ahead.
"""

from __future__ import annotations

import calendar
import datetime as dt

VROEGSTE_DATUM = dt.date(2000, 1, 1)
LAATSTE_DATUM = dt.date(2099, 12, 31)
GEEN_EINDDATUM = dt.date(9999, 12, 31)
PEILDATUM_MARGE_DAGEN = 7
VRAAG_JAREN_VOORUIT = 2
AFSPRAAK_JAREN_VOORUIT = 5


def vandaag() -> dt.date:
    return dt.date.today()


def maand_einde(jaar: int, maand: int) -> dt.date:
    """The last day of a month; also for December 9999, where 'the first of next month minus a day' overflows."""
    return dt.date(jaar, maand, calendar.monthrange(jaar, maand)[1])


def laatste_peildatum(op: dt.date | None = None) -> dt.date:
    """The latest peildatum an export may have today: a week from now. Not the end of this month: a file named
    after December and loaded on 4 December put 'Dit jaar tot nu' at 31-12 for everyone, counted starts later
    in the month as instroom and compared eleven months with a whole year (review)."""
    return (op or vandaag()) + dt.timedelta(days=PEILDATUM_MARGE_DAGEN)


def laatste_vraagmaand(op: dt.date | None = None) -> dt.date:
    """The first day of the last month vraag may be about: December, two years from now."""
    return dt.date((op or vandaag()).year + VRAAG_JAREN_VOORUIT, 12, 1)


def laatste_afspraakjaar(op: dt.date | None = None) -> int:
    return (op or vandaag()).year + AFSPRAAK_JAREN_VOORUIT


def maandbereik(op: dt.date | None = None) -> dict[str, dt.date]:
    """The months vraag may be about, as bound parameters: $vroegste_maand and $laatste_maand (first days)."""
    return {"vroegste_maand": VROEGSTE_DATUM, "laatste_maand": laatste_vraagmaand(op)}


def sql_parameters(soort: str, op: dt.date | None = None) -> dict[str, object]:
    """The bounds each kind's *_normaal.sql checks against, as bound parameters."""
    if soort == "kandidaten":
        return {"vroegste_datum": VROEGSTE_DATUM, "laatste_datum": LAATSTE_DATUM, "geen_einddatum": GEEN_EINDDATUM}
    if soort == "vraag":
        bereik = maandbereik(op)
        return bereik | {"maanden_bereik": f"januari {VROEGSTE_DATUM.year} tot en met december "
                                            f"{bereik['laatste_maand'].year}"}
    if soort == "afspraken":
        return {"vroegste_jaar": VROEGSTE_DATUM.year, "laatste_jaar": laatste_afspraakjaar(op)}
    return {}
