"""Uploaden: drop the monthly exports, see at once whether they are good and what they change, load them;
and the history of every upload, with rollback for the beheerder.

The page only draws: reading (in a separate process), checking, previewing, loading and rolling back are
the pipelines' own functions, the same ones the command line uses.
"""

from __future__ import annotations

import datetime as dt
import logging

import pandas as pd
import streamlit as st

from analytics.kwaliteit import Terugdraaigevolg, terugdraaigevolg, uploadgeschiedenis
from analytics.opslag import cache_legen, opslagversie
from analytics.stand import SOORT_LABELS, stand_per_organisatie
from basis import fouten, instellingen, referentie
from basis.instellingen import db_pad
from basis.referentie import norm_key
from kader import opslag_of_uitleg, toegang_vereist
from pipelines import meldingen
from pipelines.foutenkopie import foutenkopie
from pipelines.laden import (
    Controle,
    Gelezen,
    gecontroleerd,
    gelezen,
    herkend_uit,
    laad,
    terugdraaien,
    terugdraaien_mogelijk,
)
from toegang import beleid
from weergave import formaat
from weergave.tekst import markdown_tekst

LOG = logging.getLogger(__name__)
# seconds a check, load or rollback waits for another load (the CLI, another user) before it says the store is busy
WACHT = instellingen.wacht_upload()
MAX_FOUTEN_OP_SCHERM = 5_000
MAX_FOUTEN_IN_MELDING = 20  # lines in a message box (after a refused load, in the history): the table has the rest
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BESTANDSTYPEN = {"xlsx": "Excel-bestand (.xlsx)", "xls": "Excel-bestand (.xls)", "csv": "CSV-bestand"}
VERSCHIL_LABELS = {
    "kandidaten": (
        ("nieuw", "Nieuwe trajecten", "Trajecten die nog niet in het dashboard staan."),
        ("gewijzigd", "Gewijzigde trajecten", "Trajecten waarvan de status of een ander gegeven verandert."),
        ("ongewijzigd", "Ongewijzigd", "Trajecten die al precies zo in het dashboard staan."),
        (
            "ontbrekend",
            "Ontbrekend",
            "Trajecten uit de vorige export van deze organisatie die in dit bestand niet voorkomen. Hun laatst "
            "bekende stand blijft staan.",
        ),
    ),
    "vraag": (
        ("nieuw", "Nieuwe maanden", "Maanden waarvoor nog geen vraag van deze organisatie in het dashboard staat."),
        ("gewijzigd", "Vervangen maanden", "Maanden waarvan de vraag door dit bestand wordt vervangen."),
        ("ongewijzigd", "Ongewijzigde maanden", "Maanden die al precies zo in het dashboard staan."),
    ),
    "afspraken": (
        ("nieuw", "Nieuwe afspraken", "Gemeente en jaar waarvoor nog geen afspraak in het dashboard staat."),
        ("gewijzigd", "Vervangen afspraken", "Gemeente en jaar waarvan de afspraak door dit bestand verandert."),
        ("ongewijzigd", "Ongewijzigde afspraken", "Gemeente en jaar waarvan de afspraak al zo in het dashboard staat."),
    ),
}
EXPORT_VAN = {
    "kandidaten": "de kandidatenexport",
    "vraag": "de export van de werkgeversvraag",
    "afspraken": "de instroomafspraken",
}
UITKOMSTEN = {
    "geladen": "Geladen",
    "vervangen": "Vervangen door een latere upload",
    "teruggedraaid": "Teruggedraaid",
    "geweigerd": "Geweigerd",
}

st.title("Exports uploaden")
wie = toegang_vereist("uploaden")
st.caption(
    "Zet hier elke maand de nieuwe exports neer. Elk bestand wordt eerst gecontroleerd; u ziet wat het "
    "verandert en welke fouten erin staan. Pas als er geen fouten in staan, kunt u het laden."
)
if not beleid.mag_uploaden(wie):
    st.info("U mag geen exports uploaden. Vraag de beheerder van het dashboard om toegang.")
    st.stop()
EIGEN = beleid.upload_organisaties(wie)  # None: any organisatie (the beheerder)
if EIGEN is not None:
    st.info(
        markdown_tekst(f"U uploadt voor {' en '.join(EIGEN)}: de kandidatenexport en de export van de "
                       "werkgeversvraag van uw eigen organisatie. U ziet hier ook alleen de uploads van uw "
                       "organisatie."),
        icon=":material/badge:",
    )

staat = st.session_state
for sleutel in ("uploaden_gelezen", "uploaden_controles", "uploaden_uitkomsten"):
    staat.setdefault(sleutel, {})
db = db_pad()


def soort_label(soort: str | None) -> str:
    """'Kandidaten', ...; '–' for a file refused before its kind was known (it came as None or NaN: shown 'None')."""
    return formaat.LEEG if formaat.is_leeg(soort) else SOORT_LABELS.get(soort, soort)


def bestandsnaam(bestand) -> str:
    """The uploaded file's name as markdown that shows it literally (it is the user's, and may hold anything)."""
    return markdown_tekst(bestand.name)


def melding_met_regels(kop: str, regels: list[str], opsommen: bool = True) -> str:
    """Markdown for a message (`kop`, markdown) and its lines, as a list or one after the other; the lines shown
    literally: they repeat names, headers and values from the file."""
    regels = [meldingen.op_pagina(r) for r in regels]  # the page's wording, never the command line's flags
    return "\n".join([kop, *[f"- {markdown_tekst(r)}" if opsommen else markdown_tekst(r) for r in regels]])


def bestand_lezen(bestand) -> Gelezen:
    """Read once per uploaded file (in a separate process), kept for this session."""
    gelezen_bestanden = staat["uploaden_gelezen"]
    if bestand.file_id not in gelezen_bestanden:
        with st.spinner(f"{bestandsnaam(bestand)} wordt gelezen…"):
            gelezen_bestanden[bestand.file_id] = gelezen(bestand.getvalue(), bestand.name, apart_proces=True)
    return gelezen_bestanden[bestand.file_id]


def controle_van(bestand, gelezen_bestand: Gelezen, soort, organisatie, peildatum) -> Controle:
    """The check of this file with these choices against the store as it is now (kept until either changes)."""
    versie = opslagversie(db) if db.exists() else None
    sleutel = (soort, organisatie, peildatum, versie)
    bewaard = staat["uploaden_controles"].get(bestand.file_id)
    if bewaard is None or bewaard[0] != sleutel:
        with st.status(f"{bestandsnaam(bestand)} wordt gecontroleerd…", expanded=False) as status:
            st.write("Kolommen herkennen en elke cel controleren; er wordt nog niets opgeslagen.")
            controle = herkend_uit(gelezen_bestand, soort=soort, organisatie=organisatie, peildatum=peildatum)
            try:
                controle = gecontroleerd(controle, db, wachttijd=WACHT)
            except Exception:  # the caller says why; the line must not go on saying "wordt gecontroleerd…"
                status.update(label=f"{bestandsnaam(bestand)} is niet gecontroleerd", state="error")
                raise
            status.update(label=f"{bestandsnaam(bestand)} is gecontroleerd", state="complete")
        bewaard = (sleutel, controle)
        staat["uploaden_controles"][bestand.file_id] = bewaard
    return bewaard[1]


def keuzes(bestand, gelezen_bestand: Gelezen) -> tuple[str | None, str | None, dt.date | None]:
    """Kind, organisatie and peildatum: filled in from the file where it says them, and editable."""
    herkend = herkend_uit(gelezen_bestand, bekende_organisaties=BEKENDE)
    kolommen = st.columns(3)
    soort = kolommen[0].selectbox(
        "Soort export",
        referentie.SOORTEN,
        index=referentie.SOORTEN.index(herkend.soort) if herkend.soort else None,
        format_func=soort_label,
        placeholder="Kies het soort export",
        key=f"uploaden_soort_{bestand.file_id}",
        help="Herkend aan de kolomnamen. Klopt het niet, kies dan het juiste soort.",
    )
    organisatie = organisatie_keuze(kolommen[1], bestand, herkend.organisatie)
    peildatum = kolommen[2].date_input(
        "Peildatum",
        value=herkend.peildatum,
        format="DD-MM-YYYY",
        key=f"uploaden_peildatum_{bestand.file_id}",
        help="De datum waarop de export de stand beschrijft. Uit een regel 'Peildatum: …' boven de kopregel of "
        "uit de maand in de bestandsnaam.",
    )
    return soort, organisatie.strip() or None, peildatum


def bekende_organisaties() -> list[str]:
    """The organisations the store already has uploads of: the beheerder's choice list."""
    if not db.exists():
        return []
    if "uploaden_bekende" not in staat:  # once per session and after each load here: never waiting for another load
        try:
            stand = stand_per_organisatie()
        except fouten.OpslagFout:  # busy or unreadable: nothing to choose from yet; the check says what is wrong
            return []
        staat["uploaden_bekende"] = sorted(set(stand["organisatie"]), key=str.casefold)
    return staat["uploaden_bekende"]


ANDERE_ORGANISATIE = "Andere organisatie…"
ORGANISATIE_HULP = ("De organisatie die de export levert. Herkend aan de kolom Organisatie, een regel "
                    "'Organisatie: …' boven de kopregel of de naam van een bekende organisatie in de titel.")


def organisatie_keuze(kolom, bestand, in_bestand: str | None) -> str:
    """The beheerder chooses the organisatie from the known ones (filled in where the file names it), or types
    another; an organisatie's own is filled in and fixed (a choice among its own when it has several)."""
    if EIGEN is None:
        bekend = BEKENDE
        tekst_sleutel = f"uploaden_organisatie_tekst_{bestand.file_id}"
        if not bekend:  # nothing loaded yet: there is nothing to choose from
            return kolom.text_input("Organisatie", value=in_bestand or "", key=tekst_sleutel, help=ORGANISATIE_HULP)
        zelfde = [norm_key(o) == norm_key(in_bestand or "") for o in bekend]
        index = zelfde.index(True) if any(zelfde) else len(bekend) if in_bestand else None
        gekozen = kolom.selectbox(
            "Organisatie", [*bekend, ANDERE_ORGANISATIE], index=index, placeholder="Kies de organisatie",
            key=f"uploaden_organisatie_{bestand.file_id}", help=ORGANISATIE_HULP,
        )
        if gekozen != ANDERE_ORGANISATIE:
            return gekozen or ""
        return kolom.text_input("Naam van de andere organisatie", value=in_bestand or "", key=tekst_sleutel,
                                help="Zoals de organisatie voortaan in het dashboard heet.")
    if len(EIGEN) == 1:
        return kolom.text_input("Organisatie", value=EIGEN[0], disabled=True,
                                key=f"uploaden_organisatie_{bestand.file_id}",
                                help="Uw eigen organisatie: u uploadt alleen exports daarvan.")
    zelfde = [norm_key(o) == norm_key(in_bestand or "") for o in EIGEN]
    return kolom.selectbox("Organisatie", EIGEN, index=zelfde.index(True) if any(zelfde) else 0,
                           key=f"uploaden_organisatie_{bestand.file_id}",
                           help="Uw eigen organisaties: u uploadt alleen exports daarvan.")


def toon_verschil(controle: Controle) -> None:
    voorbeeld = controle.voorbeeld
    labels = VERSCHIL_LABELS.get(controle.soort, ())
    heeft_verschil = voorbeeld is not None and bool(voorbeeld.verschil)
    # without a preview (a file with errors) the one tile gets the width: in a fifth of 1024 px, 20.000 read "20.…"
    tegels = st.columns(1 + len(labels)) if heeft_verschil else [st.container()]
    tegels[0].metric(
        "Rijen gelezen",
        formaat.getal(controle.rijen),
        help="Gegevensrijen, zonder kopregel, titelregels, lege regels en totaalregels.",
    )
    if not heeft_verschil:
        return
    for tegel, (sleutel, label, uitleg) in zip(tegels[1:], labels, strict=True):
        tegel.metric(label, formaat.getal(voorbeeld.verschil[sleutel]), help=uitleg)


def toon_fouten(bestand, gelezen_bestand: Gelezen, controle: Controle) -> None:
    aantal = controle.aantal_fouten
    st.error(
        f"{formaat.getal(aantal)} {'fout' if aantal == 1 else 'fouten'} gevonden: dit bestand kan niet worden "
        "geladen. Verbeter de fouten in uw eigen systeem, maak de export opnieuw en upload die hier."
    )
    tabel = pd.DataFrame(
        {
            "Rij": [f.rij for f in controle.fouten[:MAX_FOUTEN_OP_SCHERM]],
            "Kolom": [f.kolom for f in controle.fouten[:MAX_FOUTEN_OP_SCHERM]],
            "Waarde": ["" if f.waarde is None else str(f.waarde) for f in controle.fouten[:MAX_FOUTEN_OP_SCHERM]],
            "Probleem": [f.uitleg for f in controle.fouten[:MAX_FOUTEN_OP_SCHERM]],
        }
    )
    if aantal > len(controle.fouten):
        st.caption(
            f"Hieronder de eerste {formaat.getal(min(len(controle.fouten), MAX_FOUTEN_OP_SCHERM))} fouten; de "
            f"Excel-kopie markeert de eerste {formaat.getal(len(controle.fouten))} van alle {formaat.getal(aantal)}. "
            "Zoveel fouten hebben meestal één oorzaak (een verschoven kolom, een andere schrijfwijze): verbeter die "
            "en upload opnieuw."
        )
    elif aantal > MAX_FOUTEN_OP_SCHERM:
        st.caption(
            f"Hieronder de eerste {formaat.getal(MAX_FOUTEN_OP_SCHERM)} fouten; alle {formaat.getal(aantal)} staan "
            "in de Excel-kopie."
        )
    st.dataframe(
        tabel,
        hide_index=True,
        width="stretch",
        column_config={
            "Rij": st.column_config.NumberColumn(format="%d", width=60),
            "Kolom": st.column_config.TextColumn(width=130),
            "Waarde": st.column_config.TextColumn(width=130),
            "Probleem": st.column_config.TextColumn(width="large", help="Wat er mis is en wat u kunt doen."),
        },
    )
    naam = bestand.name.rsplit(".", 1)[0]
    st.download_button(
        "Excel-kopie met de fouten gemarkeerd",
        data=lambda: foutenkopie(gelezen_bestand, controle),
        file_name=f"{naam}_fouten.xlsx",
        mime=XLSX_MIME,
        key=f"uploaden_kopie_{bestand.file_id}",
        on_click="ignore",
        icon=":material/download:",
        help="Uw eigen bestand met elke foute cel oranje gekleurd en een opmerking met wat er mis is. Het laatste "
        "werkblad 'Fouten' heeft de hele lijst.",
    )


def laden(bestand, controle: Controle) -> None:
    """Load a checked file; the store is unchanged and a Dutch message is shown when anything fails."""
    weigering = beleid.upload_weigering(wie, controle.soort, controle.organisaties_in_bestand, controle.organisatie)
    if weigering:  # asked again at the moment of loading: the policy, not the form, decides
        st.error(markdown_tekst(weigering), icon=":material/block:")
        return
    waarom = None
    with st.status(f"{bestandsnaam(bestand)} wordt geladen…", expanded=True) as status:
        st.write("Alles of niets: het bestand wordt in één keer geladen, of helemaal niet.")
        try:
            uitkomst = laad(db, controle, geladen_door=wie.email, wachttijd=WACHT)
        except fouten.OpslagFout as fout:  # busy, not writable, the key: the cause, without paths on the page
            LOG.error("laden niet mogelijk: %s", fout)  # the operator's text, with the paths, for the server log
            waarom = f"Niet geladen: {bestand.name}. {fout.voor_pagina}"
        except Exception as fout:  # the pipeline rolled back; never a traceback for the user
            LOG.error("laden mislukt (%s)", type(fout).__name__)  # the type only: never row contents
            waarom = meldingen.MISLUKT.format(bestand=bestand.name, soort=type(fout).__name__)
        if waarom:
            status.update(label=f"{bestandsnaam(bestand)} is niet geladen", state="error", expanded=False)
        else:
            cache_legen()
            status.update(label=f"{bestandsnaam(bestand)}: klaar", state="complete", expanded=False)
    if waarom:  # outside the status box, which a user may find folded: the reason must be read at once
        st.error(markdown_tekst(waarom), icon=":material/error:")
        return
    staat["uploaden_uitkomsten"][bestand.file_id] = {
        "status": uitkomst.status,
        "melding": uitkomst.melding,
        "regels": uitkomst.controle.foutregels_beperkt(MAX_FOUTEN_IN_MELDING) if uitkomst.status == "geweigerd"
        else uitkomst.controle.waarschuwingen,
    }
    staat.pop("uploaden_bekende", None)  # a new organisatie is known from now on
    staat["uploaden_controles"].pop(bestand.file_id, None)  # the card shows only the outcome from now on
    staat["uploaden_gelezen"].pop(bestand.file_id, None)  # and the sheets read need not stay in memory


def toon_uitkomst(uitkomst: dict) -> None:
    tekst = melding_met_regels(markdown_tekst(uitkomst["melding"]), uitkomst["regels"])
    if uitkomst["status"] == "geladen":
        st.success(tekst, icon=":material/check_circle:")
        st.page_link("pages/overzicht.py", label="Bekijk het overzicht", icon=":material/dashboard:")
    elif uitkomst["status"] == "al_geladen":
        st.info(tekst)
    else:
        st.error(tekst)


def toon_bestand(bestand) -> None:
    with st.container(border=True):
        st.subheader(bestandsnaam(bestand), anchor=False)
        if bestand.file_id in staat["uploaden_uitkomsten"]:
            toon_uitkomst(staat["uploaden_uitkomsten"][bestand.file_id])
            return
        gelezen_bestand = bestand_lezen(bestand)
        if gelezen_bestand.bestandsfouten:
            kop = "Dit bestand kan niet worden gelezen:"
            st.error(melding_met_regels(kop, gelezen_bestand.bestandsfouten, opsommen=False))
            return
        soort, organisatie, peildatum = keuzes(bestand, gelezen_bestand)
        weigering = beleid.upload_weigering(wie, soort, herkend_uit(gelezen_bestand).organisaties_in_bestand,
                                            organisatie)
        if weigering:
            st.error(markdown_tekst(weigering), icon=":material/block:")
            return
        try:
            controle = controle_van(bestand, gelezen_bestand, soort, organisatie, peildatum)
        except fouten.OpslagBezet as fout:
            st.warning(markdown_tekst(f"Nog niet gecontroleerd. {fout}"))
            return
        except fouten.OpslagFout as fout:  # the key, or a store that cannot be read: without paths
            LOG.error("controle niet mogelijk: %s", fout)
            st.error(markdown_tekst(f"Niet gecontroleerd: {bestand.name}. {fout.voor_pagina}"))
            return
        if controle.voorbeeld:  # these bytes were loaded as another's export, or its trajecten are another's:
            weigering = beleid.upload_weigering(wie, soort, controle.organisaties_in_bestand, organisatie)
            if weigering:  # refused as such, without that organisation's upload number and peildatum
                st.error(markdown_tekst(weigering), icon=":material/block:")
                return
        if controle.herkend is not None:
            blad = markdown_tekst(controle.herkend.blad)
            werkblad = "" if gelezen_bestand.bestandstype == "csv" else f", werkblad '{blad}'"
            st.caption(f"Gelezen als {BESTANDSTYPEN.get(gelezen_bestand.bestandstype, 'bestand')}{werkblad}.")
        if controle.bestandsfouten:
            st.error(melding_met_regels("Dit bestand kan zo niet worden geladen:", controle.bestandsfouten))
            return
        toon_verschil(controle)
        for regel in controle.waarschuwingen + (controle.voorbeeld.waarschuwingen if controle.voorbeeld else []):
            st.warning(markdown_tekst(regel), icon=":material/warning:")
        if controle.fouten:
            toon_fouten(bestand, gelezen_bestand, controle)
            return
        if controle.voorbeeld and controle.voorbeeld.al_geladen:
            st.info(markdown_tekst(controle.voorbeeld.al_geladen))
            return
        st.success("Geen fouten gevonden: dit bestand kan worden geladen.", icon=":material/check_circle:")
        if st.button(
            f"{bestandsnaam(bestand)} laden", type="primary", key=f"uploaden_laden_{bestand.file_id}",
            icon=":material/upload:",
        ):
            laden(bestand, controle)
            if bestand.file_id in staat["uploaden_uitkomsten"]:
                st.rerun()  # redraw: the card shows the outcome only, and the history has the new upload


def opruimen(bestanden) -> None:
    """Forget what was read for files the user has removed from the list (they can be large)."""
    aanwezig = {b.file_id for b in bestanden}
    for sleutel in ("uploaden_gelezen", "uploaden_controles", "uploaden_uitkomsten"):
        for file_id in set(staat[sleutel]) - aanwezig:
            del staat[sleutel][file_id]


def gevolg_tekst(gevolg: Terugdraaigevolg) -> str:
    """The confirmation question: what this rollback undoes, in words."""
    wat = (
        f"Upload {gevolg.upload_id} terugdraaien: {EXPORT_VAN.get(gevolg.soort, gevolg.soort)} van "
        f"{gevolg.organisatie}, "
        f"peildatum {formaat.datum(gevolg.peildatum)}, bestand {gevolg.bestandsnaam} ({formaat.getal(gevolg.rijen)} "
        f"rijen), geladen op {formaat.tijdstip(gevolg.geladen_op)} door {gevolg.geladen_door or 'onbekend'}."
    )
    if gevolg.soort == "kandidaten":
        if gevolg.status == "vervangen" or gevolg.trajecten_nu == 0:
            daarna = "Deze upload bepaalt nu de stand van geen enkel traject; de cijfers veranderen niet."
        elif gevolg.vervangen_upload:
            daarna = (
                f"De stand van {formaat.getal(gevolg.trajecten_nu)} trajecten komt nu uit deze upload. Daarna geldt "
                f"weer upload {int(gevolg.vervangen_upload)} met dezelfde peildatum."
            )
        elif gevolg.vorige_peildatum is not None:
            daarna = (
                f"De stand van {formaat.getal(gevolg.trajecten_nu)} trajecten komt nu uit deze upload. Daarna geldt "
                f"weer de export van peildatum {formaat.datum(gevolg.vorige_peildatum)}."
            )
        else:
            daarna = (
                f"De stand van {formaat.getal(gevolg.trajecten_nu)} trajecten komt nu uit deze upload. Daarna heeft "
                f"{gevolg.organisatie} geen kandidatengegevens meer in het dashboard."
            )
    else:
        eenheid = "maanden vraag" if gevolg.soort == "vraag" else "afspraken (gemeente en jaar)"
        nu, terug = int(gevolg.delen_nu or 0), int(gevolg.delen_terug or 0)
        daarna = (
            f"{formaat.getal(nu)} {eenheid} komen nu uit deze upload. Voor {formaat.getal(terug)} daarvan geldt "
            f"daarna weer een eerdere upload; de andere {formaat.getal(nu - terug)} verdwijnen uit het dashboard."
        )
    return f"{wat} {daarna} De upload blijft in de geschiedenis staan als teruggedraaid."


def uitkomst_tekst(rij) -> str:
    if rij.status == "teruggedraaid":
        return f"Teruggedraaid op {formaat.tijdstip(rij.teruggedraaid_op)} door {rij.teruggedraaid_door or 'onbekend'}"
    if rij.status == "geweigerd":
        return f"Geweigerd ({formaat.getal(rij.aantal_fouten)} {'fout' if rij.aantal_fouten == 1 else 'fouten'})"
    return UITKOMSTEN.get(rij.status, rij.status)


def geschiedenis() -> None:
    melding = staat.pop("uploaden_terug_melding", None)
    if melding:
        (st.success if melding[0] == "goed" else st.error)(markdown_tekst(melding[1]))
    with opslag_of_uitleg():
        uploads = uploadgeschiedenis(wie) if db.exists() else pd.DataFrame()
    if uploads.empty:
        st.info("Er is nog niets geüpload.")
        return
    tabel = pd.DataFrame(
        {
            "Upload": uploads["upload_id"],
            "Geladen op": uploads["geladen_op"].map(formaat.tijdstip),
            "Door": uploads["geladen_door"].fillna(formaat.LEEG),
            "Bestand": uploads["bestandsnaam"],
            "Soort": uploads["soort"].map(soort_label),
            "Organisatie": uploads["organisatie"].fillna(formaat.LEEG),
            "Peildatum": uploads["peildatum"].map(formaat.datum),
            "Rijen": uploads["rijen"],
            "Uitkomst": [uitkomst_tekst(rij) for rij in uploads.itertuples()],
            "Waarschuwingen": uploads["waarschuwingen"].map(lambda w: " ".join(w) if len(w) else ""),
        }
    )
    st.dataframe(tabel, hide_index=True, width="stretch", key="uploaden_geschiedenis_tabel")

    st.subheader("Eén upload bekijken of terugdraaien")
    per_id = {int(rij.upload_id): rij for rij in uploads.itertuples()}
    gekozen = st.selectbox(
        "Upload",
        list(per_id),
        format_func=lambda i: f"Upload {i}: {per_id[i].bestandsnaam} ({uitkomst_tekst(per_id[i]).lower()})",
        key="uploaden_gekozen_upload",
    )
    rij = per_id[gekozen]
    getoond = rij.fouten[:MAX_FOUTEN_IN_MELDING]
    for regel in getoond:
        st.error(markdown_tekst(meldingen.op_pagina(regel)))
    if rij.aantal_fouten > len(getoond):
        st.caption(f"En nog {formaat.getal(rij.aantal_fouten - len(getoond))} fouten.")
    for regel in rij.waarschuwingen:
        st.warning(markdown_tekst(regel), icon=":material/warning:")
    if rij.status not in ("geladen", "vervangen"):
        return
    if not beleid.mag_terugdraaien(wie, rij.organisatie):
        st.caption("Alleen de beheerder en de organisatie die de export leverde kunnen deze upload terugdraaien.")
        return
    with opslag_of_uitleg():
        bezwaar = terugdraaien_mogelijk(db, gekozen)
    if bezwaar:
        st.info(markdown_tekst(bezwaar))
        return
    if staat.get("uploaden_terug_bevestigen") != gekozen:
        if st.button(f"Upload {gekozen} terugdraaien…", key="uploaden_terug", icon=":material/undo:"):
            staat["uploaden_terug_bevestigen"] = gekozen
            st.rerun()
        return
    with opslag_of_uitleg():
        gevolg = terugdraaigevolg(gekozen, wie)
    st.warning(markdown_tekst(gevolg_tekst(gevolg)), icon=":material/undo:")
    ja, nee = st.columns([1, 3])
    if ja.button(f"Ja, upload {gekozen} terugdraaien", type="primary", key="uploaden_terug_ja"):
        staat.pop("uploaden_terug_bevestigen", None)
        try:
            with st.spinner(f"Upload {gekozen} wordt teruggedraaid…"):
                tekst = terugdraaien(db, gekozen, door=wie.email, wachttijd=WACHT)
        except meldingen.UploadNietTerugTeDraaien as fout:
            staat["uploaden_terug_melding"] = ("fout", str(fout))
        except fouten.OpslagFout as fout:
            LOG.error("terugdraaien niet mogelijk: %s", fout)
            staat["uploaden_terug_melding"] = ("fout", fout.voor_pagina)
        except Exception as fout:  # rolled back by the pipeline; a Dutch message, no traceback
            LOG.error("terugdraaien mislukt (%s)", type(fout).__name__)
            staat["uploaden_terug_melding"] = (
                "fout",
                f"Upload {gekozen} is niet teruggedraaid: er ging iets mis ({type(fout).__name__}); er is niets "
                "veranderd. Probeer het opnieuw; gebeurt het weer, meld het dan aan de beheerder.",
            )
        else:
            cache_legen()
            staat["uploaden_terug_melding"] = ("goed", tekst)
        st.rerun()
    if nee.button("Annuleren", key="uploaden_terug_nee"):
        staat.pop("uploaden_terug_bevestigen", None)
        st.rerun()


BEKENDE = bekende_organisaties() if EIGEN is None else []  # an organisatie's own field is fixed
tab_uploaden, tab_geschiedenis = st.tabs(["Uploaden", "Geschiedenis"])
with tab_uploaden:
    grens = st.get_option("server.maxUploadSize")
    bestanden = st.file_uploader(
        "Kies de exports of sleep ze hierheen",
        accept_multiple_files=True,
        key="uploaden_bestanden",
        help="Kandidaten-, vraag- of afsprakenexports als .xlsx, .xls of .csv; meerdere tegelijk mag.",
    )
    st.caption(
        f"Excel (.xlsx, .xls) of CSV, hoogstens {grens} MB per bestand. Een groter bestand weigert het "
        f"uploadvenster zelf, met de Engelse melding 'File must be {grens}.0MB or smaller': splits het dan, "
        "bijvoorbeeld per organisatie of per jaar."
    )
    opruimen(bestanden or [])
    for bestand in bestanden or []:
        toon_bestand(bestand)
with tab_geschiedenis:
    geschiedenis()
