"""Verbeteracties: what the half-yearly evaluation with the chain partners agreed, whether it is done, and how the
number it aims to move has gone since. Everyone with access reads; the beheerder and the regio write (not on a
projector). Text typed by users is shown as text (table cells, st.text), never as markdown."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from analytics.kengetallen import filterkeuzes
from analytics.opslag import cache_legen
from analytics.sectoren import Halfjaar
from analytics.verbeteracties import (
    AANDELEN,
    LOPEND,
    STATUSSEN,
    VOLGBAAR,
    gefilterd,
    halfjaar_naam,
    kengetal_label,
    laatste_volledige_halfjaar,
    updates,
    verbeteracties,
    waarden_per_halfjaar,
)
from basis.fouten import OpslagFout
from basis.instellingen import db_pad
from basis.referentie import code_weergave, codes
from kader import opslag_of_uitleg, toegang_vereist
from kader.downloads import download_logger
from kader.keuzes import keuze
from pipelines.verbeteracties import (
    GEEN_PERSONEN,
    NIET_GELADEN,
    VerbeteractieFout,
    bijwerken,
    excel_export,
    gecontroleerd,
    importeren,
    toevoegen,
)
from toegang import beleid
from weergave import formaat, kolommen
from weergave.downloads import XLSX_MIME
from weergave.grafieken import PLOTLY_CONFIG
from weergave.tekst import markdown_tekst
from weergave.verbeteracties import als_tekst, verloop

TE_LAAT = "te laat"
TE_LAAT_KLEUR = "background-color: #FBE3E4"  # with the words "te laat" in the row: never colour alone
ALLE = ""
ANDERE = "Andere organisatie (hieronder invullen)"
MELDING = "_verbeteracties_melding"  # a success message kept over the rerun that shows the change

st.title("Verbeteracties")
wie = toegang_vereist()
schrijver = beleid.mag_verbeteracties_schrijven(wie)
st.caption(
    "Wat de halfjaarlijkse evaluatie met gemeenten, UWV, werkgeversservicepunt, SW-bedrijven en mbo-scholen heeft "
    "afgesproken: per actie het kengetal dat het moet verbeteren, wie het trekt, de deadline en de stand. "
    "Onder de tabel staat per actie hoe het kengetal sindsdien liep. De beheerder en de regio schrijven; iedereen "
    "met toegang leest."
)
if melding := st.session_state.pop(MELDING, None):
    st.success(melding)

with opslag_of_uitleg():
    acties = verbeteracties()
    keuzes = filterkeuzes()
    laatste = laatste_volledige_halfjaar()


def halfjaar_tekst(sleutel: str) -> str:
    return halfjaar_naam(Halfjaar.uit_sleutel(sleutel)) if sleutel else "Alle halfjaren"


# --- the list -------------------------------------------------------------------------------------------------------
if acties.empty:
    st.info("Er zijn nog geen verbeteracties." + (" Voeg hieronder de eerste toe, of importeer uw Excel-lijst."
                                                  if schrijver else ""))
else:
    te_laat = int(acties["te_laat"].sum())
    if te_laat:
        st.warning(f"{te_laat} {'verbeteractie is' if te_laat == 1 else 'verbeteracties zijn'} te laat: de "
                   "deadline is voorbij en de actie is nog open of bezig. Ze staan in de tabel met 'te laat' en een "
                   "rode achtergrond.")
    with st.container(horizontal=True):
        halfjaar = keuze(st.selectbox, "Halfjaar", [ALLE, *sorted(set(acties["halfjaar"]), reverse=True)],
                         format_func=halfjaar_tekst, key="va_halfjaar")
        sectoren = sorted({s for s in acties["sector"] if s}, key=lambda s: code_weergave("sector", s))
        sector = keuze(st.selectbox, "Sector", [ALLE, *sectoren], key="va_sector",
                       format_func=lambda s: code_weergave("sector", s) if s else "Alle sectoren")
        status = keuze(st.selectbox, "Status", [ALLE, *STATUSSEN], key="va_status",
                       format_func=lambda s: s or "Alle statussen")
        alleen_te_laat = keuze(st.checkbox, "Alleen te laat", waarden=(False, True), key="va_te_laat")
    getoond = gefilterd(acties, halfjaar, sector, status, alleen_te_laat)
    tabel = pd.DataFrame({  # what decides whether to act first (status, late, deadline), the long texts last
        "Nr": getoond["id"].astype(int),
        "Halfjaar": [halfjaar_tekst(s) for s in getoond["halfjaar"]],
        "Voor": getoond["voor"],
        "Kengetal": getoond["kengetal_label"],
        "Status": getoond["status"],
        "Te laat": [TE_LAAT if t else "" for t in getoond["te_laat"]],
        "Deadline": getoond["deadline"],
        "Eigenaar": getoond["eigenaar"],
        "Actie": getoond["actie"],
        "Bevinding": getoond["bevinding"],
        "Laatste update": [None if pd.isna(t) else pd.Timestamp(t).date() for t in getoond["laatste_update"]],
    })
    opgemaakt = formaat.tabel_nl(tabel).apply(
        lambda rij: [TE_LAAT_KLEUR if rij["Te laat"] == TE_LAAT else "" for _ in rij], axis=1)
    st.dataframe(opgemaakt, hide_index=True, width="stretch", key="va_tabel", column_config=kolommen.instellingen(
        tabel, {"Nr": st.column_config.Column("Nr", width=50),
                "Bevinding": st.column_config.Column(width="medium"),
                "Actie": st.column_config.Column(width="medium"),
                "Te laat": st.column_config.Column(width=70, help="De deadline is voorbij en de actie is nog open of "
                                                                     "bezig.")}))
    if getoond.empty:
        st.caption("Geen verbeteracties met deze keuzes.")
    gelogd = download_logger()  # who is looking is known now; the file is made when the button is clicked
    st.download_button(
        "Download Excel", data=lambda: gelogd("verbeteracties.xlsx", excel_export()),
        file_name="verbeteracties.xlsx", mime=XLSX_MIME, key="va_export", on_click="ignore",
        icon=":material/download:", help="De hele lijst, ook om later weer te importeren (de kolom Nummer houdt elke "
                                         "actie herkenbaar).")

    # --- one action: its updates and its number per half year ------------------------------------------------------
    st.subheader("Per actie")
    namen = {int(r["id"]): f"{int(r['id'])}: {r['voor']}, {r['kengetal_label']} ({halfjaar_tekst(r['halfjaar'])})"
             for _, r in acties.iterrows()}
    gekozen_id = st.selectbox("Verbeteractie", list(namen), format_func=namen.get, key="va_actie",
                              index=list(namen).index(int(getoond["id"].iloc[0])) if not getoond.empty else 0)
    actie = acties[acties["id"] == gekozen_id].iloc[0]
    links, rechts = st.columns(2)
    with links:
        st.caption("Bevinding")
        st.text(formaat.LEEG if formaat.is_leeg(actie["bevinding"]) or not actie["bevinding"] else actie["bevinding"])
        st.caption("Actie")
        st.text(actie["actie"])
        st.caption("Eigenaar, deadline en status")
        st.text(f"{actie['eigenaar']}, {formaat.datum(actie['deadline'])}, {actie['status']}"
                + (f" ({TE_LAAT})" if actie["te_laat"] else ""))
    with rechts, opslag_of_uitleg():
        waarden = waarden_per_halfjaar(actie, wie, laatste)
        aandeel = actie["kengetal"] in AANDELEN
        label = kengetal_label(actie["kengetal"])
        if not waarden:
            st.caption(f"{label}: het {halfjaar_tekst(actie['halfjaar'])} is nog niet voorbij, dus er is nog geen "
                       "getal van.")
        else:
            hj_namen = [halfjaar_naam(h) for h in waarden]
            st.plotly_chart(verloop(hj_namen, list(waarden.values()), aandeel, f"{label}, {actie['voor']}"),
                            config=PLOTLY_CONFIG, width="stretch", key="va_verloop")
            per_halfjaar = pd.DataFrame({"Halfjaar": hj_namen,
                                         label: [als_tekst(w, aandeel) for w in waarden.values()]})
            st.dataframe(per_halfjaar, hide_index=True, key="va_waarden",
                         column_config=kolommen.instellingen(per_halfjaar))
            st.caption("Hetzelfde getal als in de Sectorvergelijking, vanaf het halfjaar waarin de actie is afgesproken"
                       + ("." if beleid.ziet_alles_exact(wie) else ", afgerond of afgeschermd zoals daar."))
    historie = updates(gekozen_id)
    st.caption("Updates")
    if historie.empty:
        st.caption("Nog geen updates.")
    else:
        st.dataframe(pd.DataFrame({
            "Wanneer": formaat.tijdstippen(historie["tijdstip"]), "Status": historie["status"],
            "Toelichting": historie["toelichting"],
            **({"Door": historie["door"]} if schrijver else {}),  # e-mail: the secretariat only
        }), hide_index=True, width="stretch", key="va_updates")


# --- writing (beheerder and regio) ---------------------------------------------------------------------------------
def opgeslagen(tekst: str) -> None:
    cache_legen()
    st.session_state[MELDING] = tekst
    st.rerun()


def bestand_fouten(fout: VerbeteractieFout) -> str:
    """"3 fouten in het bestand" (the lines themselves go in a table: they quote the file's text)."""
    regels = [m for m in fout.meldingen if m.startswith("Rij ")]
    if not regels:
        return "het bestand is niet te gebruiken"
    return f"{len(regels)} {'fout' if len(regels) == 1 else 'fouten'} in het bestand"


def eigenaren() -> list[str]:
    """Known organisations: the gemeenten and SW-bedrijven in the data, UWV, the WSP and an mbo-school."""
    gemeenten = [f"Gemeente {naam}" for _, naam in keuzes.get("gemeenten", [])]
    sw = [naam for _, naam in keuzes.get("organisaties", [])]
    return [*sw, *gemeenten, "UWV", "Werkgeversservicepunt", "mbo-school", ANDERE]


if not schrijver:
    if wie.presentatie and wie.rol in ("beheerder", "regio"):
        st.caption("In de presentatiemodus zijn de verbeteracties alleen te lezen.")
    st.stop()

st.subheader("Verbeteractie toevoegen")
st.warning(GEEN_PERSONEN)
with st.form("va_nieuw", clear_on_submit=False):
    nu = Halfjaar.van_datum(dt.date.today())
    opties = [nu.sleutel, *[h.sleutel for h in (nu.vorige(), nu.vorige().vorige())]]
    if laatste is not None and laatste.sleutel not in opties:
        opties.insert(0, laatste.sleutel)
    nieuw_halfjaar = st.selectbox("Halfjaar van de afspraak", opties, format_func=halfjaar_tekst,
                                  index=opties.index(laatste.sleutel) if laatste and laatste.sleutel in opties else 0)
    sector_codes = [code for lijst, code, _ in codes() if lijst == "sector"]
    nieuw_sector = st.selectbox("Sector", [ALLE, *sector_codes],
                         format_func=lambda s: code_weergave("sector", s) if s else "Alle sectoren")
    gemeente_namen = dict(keuzes.get("gemeenten", []))
    nieuw_gemeente = st.selectbox("Gemeente", [ALLE, *gemeente_namen], format_func=lambda g: gemeente_namen.get(
        g, "Hele selectie (alle gemeenten)") if g else "Hele selectie (alle gemeenten)")
    nieuw_kengetal = st.selectbox("Kengetal dat de actie moet verbeteren", list(VOLGBAAR), format_func=kengetal_label)
    nieuw_bevinding = st.text_area("Bevinding", max_chars=1000, placeholder="Wat zagen we in de cijfers?")
    nieuw_actie = st.text_area("Actie", max_chars=1000, placeholder="Wat gaat de keten anders doen?")
    nieuw_eigenaar = st.selectbox("Eigenaar (organisatie)", eigenaren(), index=None,
                                  placeholder="Kies de organisatie die de actie trekt")
    nieuw_anders = st.text_input("Andere organisatie", max_chars=200,
                                 help="Alleen als de eigenaar niet in de lijst staat. Een organisatie, geen persoon.")
    nieuw_deadline = st.date_input("Deadline", value=None, format="DD-MM-YYYY")
    if st.form_submit_button("Opslaan"):
        eigenaar = nieuw_anders.strip() or ("" if nieuw_eigenaar in (None, ANDERE) else nieuw_eigenaar)
        nieuwe, fouten = gecontroleerd(nieuw_halfjaar, nieuw_sector, nieuw_gemeente, nieuw_kengetal, nieuw_bevinding,
                                       nieuw_actie, eigenaar, nieuw_deadline)
        for fout in fouten:
            st.error(markdown_tekst(fout))
        if nieuwe is not None:
            try:
                nummer = toevoegen(db_pad(), nieuwe, wie)
            except (VerbeteractieFout, OpslagFout) as fout:
                st.error(markdown_tekst(getattr(fout, "voor_pagina", str(fout))))
            else:
                opgeslagen(f"Verbeteractie {nummer} is opgeslagen.")

if not acties.empty:
    st.subheader("Stand bijwerken")
    # The action is chosen outside the form: inside it, the status field would still offer the status of the action
    # chosen before, and on submit become a new field (its start follows the action) that saves that status instead.
    bij_id = st.selectbox("Verbeteractie", list(namen), format_func=namen.get, key="va_bij_actie",
                          index=list(namen).index(gekozen_id))
    huidig = acties.loc[acties["id"] == bij_id, "status"].iloc[0]
    with st.form("va_bijwerken"):
        bij_status = st.selectbox("Nieuwe status", STATUSSEN, index=STATUSSEN.index(huidig) if huidig in STATUSSEN
                                  else 0, key=f"va_bij_status_{bij_id}", help="Gereed of vervallen sluit de actie af.")
        bij_toelichting = st.text_area("Toelichting", max_chars=1000,
                                       placeholder="Wat is er gedaan, of waarom vervalt de actie?")
        if st.form_submit_button("Bijwerken"):
            try:
                bijwerken(db_pad(), bij_id, bij_status, bij_toelichting, wie)
            except (VerbeteractieFout, OpslagFout) as fout:
                st.error(markdown_tekst(getattr(fout, "voor_pagina", str(fout))))
            else:
                opgeslagen(f"Verbeteractie {bij_id} is bijgewerkt: {bij_status}.")
    open_acties = int(acties["status"].isin(LOPEND).sum())
    st.caption(f"{open_acties} van de {len(acties)} verbeteracties zijn nog open of bezig.")

st.subheader("Excel-lijst importeren")
st.caption("Gebruik de indeling van de download: Nummer, Halfjaar, Sector, Gemeente, Kengetal, Bevinding, Actie, "
           "Eigenaar, Deadline, Status en Toelichting. Een rij met een Nummer werkt die actie bij; een rij zonder "
           "Nummer is nieuw, tenzij een actie met hetzelfde halfjaar, dezelfde sector, gemeente, kengetal en actie al "
           "bestaat. Is één rij fout, dan wordt niets geladen.")
bestand = st.file_uploader("Excel-bestand (.xlsx)", type=["xlsx"], key="va_import")
if bestand is not None and st.button("Importeren", key="va_importeren"):
    try:
        uitkomst = importeren(db_pad(), bestand.getvalue(), wie)
    except VerbeteractieFout as fout:
        st.error(f"Niet geladen: {bestand_fouten(fout)}. Verbeter het bestand en importeer het opnieuw.")
        meldingen = [m for m in fout.meldingen if m != NIET_GELADEN]  # the red box above says it already
        st.dataframe(pd.DataFrame({"Melding": meldingen}), hide_index=True, width="stretch", key="va_fouten")
    except OpslagFout as fout:
        st.error(fout.voor_pagina)
    else:
        opgeslagen(uitkomst.melding)
