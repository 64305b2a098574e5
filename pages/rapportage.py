"""Halfjaarrapportage: the report for the half-yearly evaluation with the chain partners, as HTML, PDF or Excel,
for whoever is looking (their protection; in the presentatiemodus the regio's)."""

from __future__ import annotations

import hashlib

import streamlit as st

from kader import filters
from kader.downloads import download_logger
from kader.keuzes import keuze
from rapportage.maken import MIME, rapport_bytes
from rapportage.model import beschikbare_halfjaren, halfjaar_naam, rapport
from rapportage.pdf import PdfFout
from weergave.tekst import markdown_tekst

st.title("Halfjaarrapportage")
gekozen = filters(periode_telt=False)  # the half year is chosen here; the other filters hold for the report
opties = beschikbare_halfjaren()
if not opties:
    st.info("Er is nog geen volledig halfjaar in de gegevens: de rapportage komt er als het eerste halfjaar voorbij "
            "is.")
    st.stop()
halfjaar = keuze(st.selectbox, "Halfjaar", opties, format_func=halfjaar_naam, key="rapport_halfjaar",
                 tekst=lambda h: h.sleutel, help="Alleen volledige halfjaren; het laatste staat bovenaan.")
st.caption(
    "Het rapport voor de halfjaarlijkse evaluatie met gemeenten, UWV, werkgeversservicepunt en mbo-scholen: voorblad "
    "met de peildatum per organisatie, een samenvatting, de sectorvergelijking, instroom tegen de afspraken, uitval, "
    "structurele vraag en de verbeteracties. De filters in de zijbalk (gemeente, sector, …) gelden ook voor het "
    "rapport; de periode is het gekozen halfjaar. Het rapport toont de aantallen zoals u ze hier ziet: afgeschermd "
    "waar het scherm dat ook doet."
)
model = rapport(gekozen, halfjaar)

st.subheader("Samenvatting")
st.markdown("\n".join(f"- {markdown_tekst(zin)}" for zin in model.samenvatting))  # names from files: text

basis = f"halfjaarrapportage_{halfjaar.jaar}_{halfjaar.helft}e_halfjaar"
gelogd = download_logger()
with st.container(horizontal=True, gap="small"):
    st.download_button("Download HTML", data=lambda: gelogd(f"{basis}.html", rapport_bytes(model, ".html")),
                       file_name=f"{basis}.html", mime=MIME[".html"], key="rapport_html", on_click="ignore",
                       icon=":material/download:")
    st.download_button("Download Excel", data=lambda: gelogd(f"{basis}.xlsx", rapport_bytes(model, ".xlsx")),
                       file_name=f"{basis}.xlsx", mime=MIME[".xlsx"], key="rapport_excel", on_click="ignore",
                       icon=":material/download:")

# A PDF takes Chromium a few seconds: made on request, kept for this choice of half year, filters and viewer.
sleutel = "rapport_pdf_" + hashlib.sha256(repr((halfjaar, gekozen)).encode()).hexdigest()[:16]
if st.button("PDF maken", key="rapport_pdf_maken", icon=":material/picture_as_pdf:"):
    with st.spinner("De PDF wordt gemaakt (dat duurt enkele seconden)…"):
        try:
            st.session_state[sleutel] = rapport_bytes(model, ".pdf")
        except PdfFout as fout:
            st.error(str(fout))
if sleutel in st.session_state:
    pdf = st.session_state[sleutel]
    st.download_button("Download PDF", data=lambda: gelogd(f"{basis}.pdf", pdf), file_name=f"{basis}.pdf",
                       mime=MIME[".pdf"], key="rapport_pdf", on_click="ignore", icon=":material/download:")
