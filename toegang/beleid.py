"""The access policy: every rule about who may see or do what, in one place. Deny by default: for nobody (None)
every answer is no, and a page, a question of the read side, a download or a CLI command asks here.

Who someone is (their role, their own gemeenten and organisaties, the presentatiemodus) is the Kijker
(toegang.kijker); what that allows is decided only here:

- pages:            `paginas` (the page list) and `mag_pagina`;
- exact numbers:    `ziet_exact`, `ziet_alles_exact` (everything else is protected as metrics.md says);
- the filters:      `max_keuzes` (values per filter), `vrije_perioden` (any run of months, or the fixed periods);
- uploads:          `mag_uploaden`, `upload_organisaties`, `mag_laden` (a file of this organisatie and kind),
                    `mag_terugdraaien` (this upload), `ziet_upload` (in the history);
- Datakwaliteit:    `trajectnummers_zichtbaar` (whose vanished trajecten and missing fields by number),
                    `kwaliteit_exact` (exact counts per organisatie);
- names:            `mag_namen_zien` (werkgevers and praktijkopleiders beside their uitval);
- the follow-up:    `mag_opvolglijst_zien`, `opvolg_organisaties`;
- verbeteracties:   `mag_verbeteracties_schrijven`;
- the audit log:    `mag_logboek_zien`;
- downloads:        `mag_downloaden`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from basis.referentie import norm_key

if TYPE_CHECKING:
    from toegang.kijker import Kijker

# Every page of the dashboard, in the order of the page list (dashboard.py gives each its title and icon).
ANALYSE = ("overzicht", "instroom", "uitval", "resultaten", "structurele_vraag", "sectoren", "verbeteracties",
           "rapportage")
ALTIJD = ("gegevens", "definities")
UPLOADSOORTEN_ORGANISATIE = ("kandidaten", "vraag")  # the afspraken are the consortium's: the beheerder loads them


def paginas(wie: Kijker | None) -> tuple[str, ...]:
    """The pages this viewer may open. In the presentatiemodus (a projector in a meeting) only the analysis pages,
    the loaded exports and the definitions: no uploading, no log with e-mail addresses, no data quality with its
    lists per organisatie, no follow-up list with trajectnummers."""
    if wie is None:
        return ()
    na_uitval = ANALYSE.index("resultaten") + 1  # the opvolging list comes after Van instroom naar werk
    lijst = list(ANALYSE[:na_uitval])
    if mag_opvolglijst_zien(wie):
        lijst.append("opvolging")
    lijst += [*ANALYSE[na_uitval:], "gegevens"]
    if mag_uploaden(wie):
        lijst.append("uploaden")
    if not wie.presentatie:
        lijst.append("kwaliteit")
    if mag_logboek_zien(wie):
        lijst.append("logboek")
    return (*lijst, "definities")


def mag_pagina(wie: Kijker | None, pagina: str) -> bool:
    return pagina in paginas(wie)


# --- exact or protected ------------------------------------------------------------------------------------


def ziet_alles_exact(wie: Kijker | None) -> bool:
    return wie is not None and wie.rol == "beheerder" and not wie.presentatie


def eigen_keuze(wie: Kijker | None, beschikbaar: dict[str, list[tuple[str, str]]]) -> tuple[str, list[str]] | None:
    """The filter choice that shows a gemeente or organisatie its own numbers exactly: (dimensie, its values among
    the choices `beschikbaar`), or None for whoever has nothing of its own to choose (beheerder, regio, presentatie)."""
    if wie is None or wie.presentatie:
        return None
    if wie.rol == "gemeente":
        waarden = [code for code, _ in beschikbaar.get("gemeenten", []) if code in set(wie.gemeenten)]
        return ("gemeenten", waarden) if waarden else None
    if wie.rol == "organisatie":
        eigen = {norm_key(o) for o in wie.organisaties}
        waarden = [naam for naam, _ in beschikbaar.get("organisaties", []) if norm_key(naam) in eigen]
        return ("organisaties", waarden) if waarden else None
    return None


def ziet_exact(wie: Kijker | None, gemeentecodes: Iterable[str] = (), organisaties: Iterable[str] = ()) -> bool:
    """Exact numbers for a group of trajecten from these gemeenten and organisaties (empty: all of them)? Only for
    their owner (or the beheerder), never in the presentatiemodus, and never for a group that mixes in another
    gemeente or another organisatie."""
    if wie is None or wie.presentatie:
        return False
    if wie.rol == "beheerder":
        return True
    if wie.rol == "organisatie":
        namen = {norm_key(o) for o in organisaties}
        return bool(namen) and namen <= {norm_key(o) for o in wie.organisaties}
    codes = set(gemeentecodes)
    return wie.rol == "gemeente" and bool(codes) and codes <= set(wie.gemeenten)


def max_keuzes(wie: Kijker | None, dimensie: str) -> int | None:
    """Values this viewer may choose together in one filter (None: any number). Whoever does not see everything
    exactly chooses one value (or all), so no small group can be found as the difference of two selections ("all
    sectors" minus "all but one"); a gemeente may choose its own gemeenten together, an organisatie its own
    organisaties."""
    if ziet_alles_exact(wie):
        return None
    if wie is not None and dimensie == "gemeenten" and wie.rol == "gemeente":
        return max(1, len(wie.gemeenten))
    if wie is not None and dimensie == "organisaties" and wie.rol == "organisatie":
        return max(1, len(wie.organisaties))
    return 1


def vrije_perioden(wie: Kijker | None) -> bool:
    """May this viewer choose any run of months? Whoever does not see exact numbers gets the fixed periods only:
    with any run of months on offer, the rounded totals of many periods together would pin small months."""
    return ziet_alles_exact(wie)


# --- uploads -------------------------------------------------------------------------------------------------


def mag_uploaden(wie: Kijker | None) -> bool:
    """Check and load exports: the beheerder and an organisatie (its own), not in the demo (fictional data stays
    fictional) and not on a projector."""
    return wie is not None and wie.rol in ("beheerder", "organisatie") and not wie.demo and not wie.presentatie


def upload_organisaties(wie: Kijker | None) -> tuple[str, ...] | None:
    """The organisaties whose exports this viewer may load; None: any (the beheerder); (): none."""
    if not mag_uploaden(wie):
        return ()
    return None if wie.rol == "beheerder" else wie.organisaties


def is_eigen_organisatie(wie: Kijker | None, organisatie: str | None) -> bool:
    """Is this organisatie (as a file or the store names it) one of the viewer's own? Names compare as the
    load code matches them (case, accents, spaces and punctuation aside)."""
    if wie is None or not organisatie:
        return False
    return norm_key(organisatie) in {norm_key(o) for o in wie.organisaties}


def mag_laden(wie: Kijker | None, organisatie: str | None, soort: str | None) -> bool:
    """May this viewer load an export of this kind for this organisatie? The beheerder any; an organisatie
    kandidaten and vraag of its own organisaties."""
    if not mag_uploaden(wie):
        return False
    if wie.rol == "beheerder":
        return True
    return soort in UPLOADSOORTEN_ORGANISATIE and is_eigen_organisatie(wie, organisatie)


def upload_weigering(wie: Kijker | None, soort: str | None, in_bestand: Iterable[str | None],
                     gekozen: str | None) -> str | None:
    """Why this viewer may not load this file (Dutch, what to do), or None. `in_bestand`: every organisatie the file
    itself names (its Organisatie column, its title row); `gekozen`: the one it would be loaded as."""
    if not mag_uploaden(wie):
        return "U mag geen exports uploaden. Vraag de beheerder van het dashboard om toegang."
    if wie.rol == "beheerder":
        return None
    eigen = " of ".join(wie.organisaties)
    if soort is not None and soort not in UPLOADSOORTEN_ORGANISATIE:
        return (f"Instroomafspraken laadt de beheerder van het dashboard. U kunt de kandidatenexport en de export van "
                f"de werkgeversvraag van {eigen} uploaden. Er is niets geladen.")
    for naam in (*in_bestand, gekozen):
        if naam and not is_eigen_organisatie(wie, naam):
            return (f"Dit bestand is van {naam}, niet van {eigen}. U kunt alleen exports van uw eigen organisatie "
                    "uploaden; er is niets geladen. Is dit toch uw export, vraag dan de beheerder van het dashboard "
                    f"om {naam} aan uw account toe te voegen.")
    return None


def ziet_upload(wie: Kijker | None, organisatie: str | None) -> bool:
    """Does this upload appear in the viewer's upload history? The beheerder sees all, an organisatie its own."""
    if wie is None or wie.presentatie:
        return False
    return wie.rol == "beheerder" or (wie.rol == "organisatie" and is_eigen_organisatie(wie, organisatie))


def mag_terugdraaien(wie: Kijker | None, organisatie: str | None) -> bool:
    """May this viewer roll back an upload of this organisatie? The beheerder any, an organisatie its own (not one
    that names no organisatie); never in the demo."""
    if not mag_uploaden(wie):
        return False
    return wie.rol == "beheerder" or is_eigen_organisatie(wie, organisatie)


# --- Datakwaliteit, names, follow-up ---------------------------------------------------------------------------


def trajectnummers_zichtbaar(wie: Kijker | None, organisatie: str | None) -> bool:
    """May this viewer see trajectnummers (vanished trajecten, missing fields) of this organisatie? The beheerder
    all, an organisatie its own, so it can fix its source; nobody on a projector."""
    if wie is None or wie.presentatie:
        return False
    return wie.rol == "beheerder" or (wie.rol == "organisatie" and is_eigen_organisatie(wie, organisatie))


def kwaliteit_exact(wie: Kijker | None, organisatie: str | None) -> bool:
    """Exact counts about this organisatie's trajecten on Datakwaliteit (otherwise shares and protected counts)."""
    return trajectnummers_zichtbaar(wie, organisatie)


def mag_namen_zien(wie: Kijker | None) -> bool:
    """Names of werkgevers and praktijkopleiders next to their uitval, for the whole selection: only the beheerder,
    not in the presentatiemodus (a projector in a consortium meeting)."""
    return ziet_alles_exact(wie)


def mag_opvolglijst_zien(wie: Kijker | None) -> bool:
    """The follow-up list of young trajecten at a werkgever or praktijkopleider with clearly above-average early
    uitval: for the beheerder and an organisatie (its own trajecten), not on a projector. The demo may: fictional."""
    return wie is not None and wie.rol in ("beheerder", "organisatie") and not wie.presentatie


def opvolg_organisaties(wie: Kijker | None) -> tuple[str, ...] | None:
    """Whose trajecten the follow-up list may hold: None all (the beheerder), else the viewer's own; () none."""
    if not mag_opvolglijst_zien(wie):
        return ()
    return None if wie.rol == "beheerder" else wie.organisaties


# --- verbeteracties, the log, downloads ------------------------------------------------------------------------


def mag_verbeteracties_schrijven(wie: Kijker | None) -> bool:
    """Add and update verbeteracties: the beheerder and the regio (the consortium's secretariat), not on a
    projector; a gemeente and an organisatie read them. The demo may too: its actions are about fictional numbers."""
    return wie is not None and wie.rol in ("beheerder", "regio") and not wie.presentatie


def mag_logboek_zien(wie: Kijker | None) -> bool:
    """The audit log (e-mail addresses, downloads, logins): only the beheerder, not on a projector."""
    return wie is not None and wie.rol == "beheerder" and not wie.presentatie


def mag_downloaden(wie: Kijker | None) -> bool:
    """Download a table as shown: whoever may see the page (the file holds what the screen shows, protected alike)."""
    return wie is not None
