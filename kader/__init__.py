"""The frame every page shares: the shared filters (sidebar, session state, URL) and data freshness."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

import streamlit as st

from analytics.filters import Filters
from analytics.kengetallen import filterkeuzes, periode_grenzen
from analytics.onderdrukking import drempel
from basis.fouten import OpslagBezet, OpslagFout
from basis.instellingen import db_pad
from kader.filterbalk import SCHADUW, filterbalk, filterdelen
from kader.keuzes import keuze
from kader.opmaak import presentatiebanner, printregel
from kader.toegang import PRESENTATIE, inlog_vastleggen, kijker, logboek_probleem, uitloggen
from kader.versheid import versheidsregel
from toegang import beleid
from toegang.kijker import Kijker
from weergave.tekst import markdown_tekst

__all__ = ["afscherming_uitleg", "filterbalk", "filterregels", "selectie_zin", "filters", "keuze", "opslag_of_uitleg",
           "toegang_vereist", "toelichting", "versheidsregel"]


@contextmanager
def opslag_of_uitleg() -> Iterator[None]:
    """Around a page's questions: no store yet, or a load running too long, is said in Dutch."""
    try:
        yield
    except FileNotFoundError:
        st.info(
            f"Er zijn nog geen gegevens geladen (de opslag {db_pad().name} bestaat nog niet). Laad exports met "
            "`python -m pipelines ingest --db PAD BESTAND` of start met `make run` voor de demo."
        )
        st.stop()
    except OpslagBezet as fout:
        st.warning(str(fout))
        st.stop()
    except OpslagFout as fout:  # e.g. no read permission: the cause in Dutch, the paths only in the server log
        logging.getLogger(__name__).error("opslag niet te gebruiken: %s", fout)
        st.error(fout.voor_pagina)
        st.stop()


def identiteitsblok(wie) -> None:
    """Top of the sidebar: who is looking (or the demo banner), the presentatiemodus, uitloggen."""
    if wie.demo:
        st.sidebar.warning("**Demo: fictieve gegevens.** Geen echte personen; inloggen is niet nodig.")
    else:
        rol = wie.rol  # beheerder | organisatie | gemeente | regio
        if wie.presentatie:  # on the beamer: the role, not the address of whoever is at the keyboard
            st.sidebar.caption(f"Ingelogd ({rol})")
        else:
            st.sidebar.caption(f"Ingelogd als {markdown_tekst(wie.email)} ({rol})")  # from the identity provider: text
    # the toggle's value is kept under PRESENTATIE (a page switch resets widgets), read by kijker()
    st.session_state["presentatiemodus"] = bool(st.session_state.get(PRESENTATIE, False))
    st.sidebar.toggle(
        "Presentatiemodus", key="presentatiemodus",
        on_change=lambda: st.session_state.__setitem__(PRESENTATIE, st.session_state["presentatiemodus"]),
        help="Voor de beamer: kleine aantallen worden voor iedereen afgeschermd en andere aantallen afgerond op 5, "
             "ook voor de beheerder.",
    )
    if wie.is_beheerder and logboek_probleem():
        st.sidebar.warning(logboek_probleem())
    if not beleid.ziet_alles_exact(wie):
        st.sidebar.caption(afronding_uitleg(wie))
    if not wie.demo and st.sidebar.button("Uitloggen", key="uitloggen"):
        uitloggen()


def afronding_uitleg(wie: Kijker) -> str:
    """For a viewer who does not see everything exactly: which numbers are rounded, in one sentence or two."""
    eigen = ("Uw eigen gemeente ziet u exact, als u alleen die kiest. " if wie.rol == "gemeente"
             and not wie.presentatie else "Uw eigen organisatie ziet u exact, als u alleen die kiest. "
             if wie.rol == "organisatie" and not wie.presentatie else "")
    return (f"{eigen}Aantallen over mensen zijn afgerond op {drempel()}-tallen ({drempel()}, {2 * drempel()}, "
            f"{3 * drempel()}, …) en minder dan {drempel()} (ook 0) staat er als <{drempel()}, zodat geen getal naar "
            "één persoon wijst. De maanden tellen op tot het jaar; een totaal over gemeenten of sectoren kan iets "
            "afwijken van de som van zijn delen.")


def tekens_uitleg() -> str:
    """What "<5", "x" and "–" mean (metrics.md, kleine aantallen)."""
    return (f"<{drempel()}: minder dan {drempel()} trajecten (0 tot en met {drempel() - 1}); x: afgeschermd zodat "
            "een klein aantal niet uit het totaal is terug te rekenen; –: percentage niet getoond (te weinig "
            "trajecten, of een teller die afgeschermd is). Zo wijst geen getal naar één persoon.")


def afscherming_uitleg(tabel, kolommen) -> None:
    """Under a table or chart with hidden numbers: what "<5", "x" and "–" mean."""
    from analytics.onderdrukking import bevat_afscherming

    if bevat_afscherming(tabel, kolommen):
        st.caption(tekens_uitleg())


def afscherming_tekst(gekozen: Filters) -> str:
    """The protection applied to this selection for its viewer, in a few words (for paper and for downloads)."""
    wie = gekozen.kijker
    if gekozen.exact:
        return "geen: alle aantallen zijn exact"
    afgerond = (f"aantallen afgerond op {drempel()}-tallen, minder dan {drempel()} als <{drempel()}; percentages "
                "afgerond op 5 procentpunten")
    if wie is not None and wie.rol == "gemeente" and not wie.presentatie:
        return f"{afgerond}; exact alleen uw eigen gemeente, in een rij per gemeente of als u alleen die kiest"
    if wie is not None and wie.rol == "organisatie" and not wie.presentatie:
        return f"{afgerond}; exact alleen uw eigen organisatie, als u alleen die kiest"
    if wie is not None and wie.presentatie:
        return f"{afgerond} (presentatiemodus)"
    return afgerond


def selectie_zin(gekozen: Filters) -> str:
    """The filters that are set, in one line for under a page's title ("Gemeente: Wijchen."), or "" for everything:
    after the own-gemeente button only the sidebar said what was chosen. Names from files stay text."""
    delen = [(label, tekst) for label, tekst in filterdelen(gekozen, periode_grenzen()[1], None)
             if label not in ("Alle", "Gegevens tot en met")]
    return " ".join(f"{label}: {markdown_tekst(tekst)}." for label, tekst in delen)


def filterregels(gekozen: Filters, periode_telt: bool = True) -> list[tuple[str, str]]:
    """What a page's numbers were made from, as (label, text) pairs: the period (`periode_telt=False`: the page
    chooses its own, so the filter's is left out), each filter that is set, the peildatum and the protection applied.
    The one source of the print-only line at the top of a page and of the first sheet of its Excel downloads."""
    periode = st.session_state.get(f"{SCHADUW}periode") if periode_telt else None
    return [*filterdelen(gekozen, periode_grenzen()[1], periode), ("Afscherming", afscherming_tekst(gekozen))]


def voor_wie(wie: Kijker) -> str:
    """Who a file was made for: the role (and a gemeente's own gemeenten), never the e-mail address."""
    if wie.demo:
        rol = "demo (fictieve gegevens)"
    elif wie.rol == "gemeente":
        namen = dict(filterkeuzes().get("gemeenten", []))
        rol = "gemeente " + ", ".join(namen.get(code, code) for code in wie.gemeenten)
    elif wie.rol == "organisatie":
        rol = "organisatie " + ", ".join(wie.organisaties)
    else:
        rol = wie.rol
    return f"{rol}, in de presentatiemodus" if wie.presentatie else rol


def toelichting(pagina: str, tabel: str, gekozen: Filters, periode_telt: bool = True,
                extra: tuple[tuple[str, str], ...] = ()) -> list[tuple[str, str]]:
    """The first sheet of a table's Excel download, as (label, text) pairs: the page and the table, what the page
    chose itself (`extra`, e.g. the half year), the filters, period, peildatum and protection (`filterregels`), for
    whom it was made and, where numbers are protected, what the markers mean. (The moment of making is added when
    the file is made.)"""
    regels = [("Pagina", pagina), ("Tabel", tabel), *extra, *filterregels(gekozen, periode_telt)]
    if gekozen.kijker is not None:
        regels.append(("Gemaakt voor", voor_wie(gekozen.kijker)))
    if not gekozen.exact:
        regels.append(("Tekens", tekens_uitleg()))
    return regels


def volgorde_zin(groepen: list[list[str]]) -> str:
    """The sentence under a ranking whose order the rounded numbers cannot decide everywhere: each run of names whose
    order among themselves is open, as a whole (names are text from files: escaped)."""
    from weergave.grafieken import opsomming

    delen = [opsomming([markdown_tekst(n) for n in groep]) for groep in groepen]
    return ("Bij deze afgeronde aantallen staat de volgorde niet vast van " + "; en van ".join(delen)
            + ": hun onderlinge volgorde kan in werkelijkheid anders zijn.")


HAAKJES = ("Tussen haakjes, zoals (+5): door het afronden staat niet vast of het een stijging of een daling is; "
           "zonder haakjes staat de richting wel vast.")


UNIEK_AFGESCHERMD = "Unieke kandidaten ziet alleen wie de aantallen exact ziet: verschillende mensen tellen niet op " \
    "over perioden, zodat ze een klein aantal zouden verraden."


def niets_te_tonen(exact: bool, bericht: str) -> str:
    """What an empty answer says: `bericht` ("nobody started") for whoever sees the numbers exactly; for others
    something neutral, since for them 0 is "<5" too."""
    return bericht if exact else ("Hier is niets te tonen: er is niets, of te weinig om te tonen zonder dat het naar "
                                  "personen wijst.")


ALLES_AFGESCHERMD = ("Elke waarde staat hier op <{d} of is afgeschermd: te weinig om te tekenen zonder dat het naar "
                     "personen wijst. Per jaar of voor een grotere selectie is er meer te zien.")


def alles_afgeschermd(tabel, kolom: str) -> bool:
    """Is every value of `kolom` hidden ("<5" or "x")? Then a chart would be an empty frame: say so instead."""
    from analytics.onderdrukking import is_afgeschermd

    return len(tabel) > 0 and bool(tabel[kolom].map(is_afgeschermd).all())


def zonder_lege_kolom(tabel, kolom: str):
    """The table without `kolom` when none of its values is shown as a number (unieke kandidaten for whoever does
    not see the counts exactly: a column of x says nothing)."""
    from analytics.beschermd import getoond

    if kolom in tabel and all(getoond(w) is None for w in tabel[kolom]):
        return tabel.drop(columns=kolom)
    return tabel


NIET_IN_DE_DEMO = ("Deze pagina is er niet in de demo: de gegevens van de demo zijn verzonnen en blijven dat, dus "
                   "exports laden kan hier niet. Met een eigen opslag en een toegangsbestand laden de beheerder en de "
                   "organisaties hier hun maandexports; de beheerder vindt in de README hoe dat wordt ingericht.")
VERBORGEN_IN_PRESENTATIEMODUS = ("Deze pagina is verborgen in de presentatiemodus. Zet de presentatiemodus in de "
                                 "zijbalk uit om hem te zien.")


def toegang_vereist(pagina: str | None = None) -> Kijker:
    """For every page: who is looking; a page reached without access stops here and shows nothing. `pagina`: the
    page's key in the access policy (toegang.beleid.paginas): a page this viewer may not open stops too, also one
    that was open when the presentatiemodus was switched on (then it says how to see it again)."""
    wie = kijker()
    if wie is None:  # deny by default
        st.error("U heeft geen toegang tot deze pagina.")
        st.stop()
    inlog_vastleggen(wie)
    identiteitsblok(wie)
    presentatiebanner(wie)
    if pagina is not None and not beleid.mag_pagina(wie, pagina):
        if wie.presentatie and beleid.mag_pagina(wie.in_presentatiemodus(False), pagina):
            st.info(VERBORGEN_IN_PRESENTATIEMODUS)
        else:
            st.error("U heeft geen toegang tot deze pagina.")
        st.stop()
    return wie


def filters(periode_telt: bool = True, pagina: str | None = None) -> Filters:
    """For a page: who is looking, the shared filters and the freshness line; stop with a Dutch message
    when there is nothing to show (no access, no store yet, a load running for too long, no trajecten).
    The Filters carry the viewer: the read side shapes every number for them. On paper the page starts with the
    filters and the peildatum (`periode_telt=False`: the page chooses its own period, so the filter's is left out)."""
    wie = toegang_vereist(pagina)
    with opslag_of_uitleg():
        gekozen = filterbalk(wie)
        versheidsregel()
        if gekozen is not None:
            # the sidebar that says how numbers are protected is not printed: the paper says it itself
            printregel(filterregels(replace(gekozen, kijker=wie), periode_telt))
    if gekozen is None:
        st.info("Er zijn nog geen trajecten geladen.")
        st.stop()
    return replace(gekozen, kijker=wie)


def alle_gegevens(wie: Kijker) -> Filters:
    """For a page the filters do not apply to (Datakwaliteit): everything loaded, as a selection with its viewer,
    so its downloads explain themselves like any other (every filter "alle", the peildatum, the protection)."""
    grenzen = periode_grenzen()
    eerste, laatste = grenzen if grenzen is not None else (dt.date.today(), dt.date.today())
    return Filters(van=eerste, tot=laatste, kijker=wie)
