"""The download buttons: who is looking may download the table they see, and every file made is written to the
audit log (who, which file; never its contents). The files themselves are made in weergave.downloads."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

import pandas as pd
import streamlit as st

from basis.audit import vastleggen
from basis.instellingen import db_pad
from kader.toegang import kijker
from toegang import beleid
from weergave.downloads import CSV_MIME, XLSX_MIME, csv_bytes, excel_bytes, procentkolommen, veilige_bestandsnaam


def download_knoppen(df: pd.DataFrame, bestandsnaam: str, sleutel: str, *, toelichting: Sequence[tuple[str, str]],
                     procenten: Iterable[str] = ()) -> None:
    """Two buttons side by side: "Download Excel" (bestandsnaam.xlsx) and "Download CSV" (bestandsnaam.csv).

    `toelichting`: the Excel file's first sheet (`kader.toelichting`: table, filters, period, peildatum, for whom,
    protection); `procenten`: the share columns (fractions or protected shares, see weergave.downloads).
    The files are made only when a button is clicked, and clicking does not rerun the page; making one
    writes a line in the audit log (who, which file). Nothing for someone the access policy gives no downloads.
    `sleutel` must be unique on the page (it prefixes the widget keys).
    """
    wie = kijker()
    if not beleid.mag_downloaden(wie):
        return
    naam = veilige_bestandsnaam(bestandsnaam)
    gegevens, uitleg, aandelen = df.copy(), list(toelichting), procentkolommen(df, procenten)
    gelogd = download_logger(wie.email)  # who is looking is known now; the file is made later, when clicked
    with st.container(horizontal=True, gap="small"):
        st.download_button(
            "Download Excel", file_name=f"{naam}.xlsx", mime=XLSX_MIME, key=f"{sleutel}_excel", on_click="ignore",
            data=lambda: gelogd(f"{naam}.xlsx", excel_bytes(gegevens, toelichting=uitleg, procenten=aandelen)),
            icon=":material/download:",
        )
        st.download_button(
            "Download CSV", data=lambda: gelogd(f"{naam}.csv", csv_bytes(gegevens, procenten=aandelen)),
            file_name=f"{naam}.csv", mime=CSV_MIME, key=f"{sleutel}_csv", on_click="ignore",
            icon=":material/download:",
        )


def download_logger(email: str | None = None):
    """For a download made later (when its button is clicked, outside this script run): a function that writes
    who downloaded which file to the audit log, then passes the file's bytes on. Never the contents."""
    db = db_pad()
    if email is None:
        wie = kijker()
        email = wie.email if wie else "onbekend"

    def gelogd(bestandsnaam: str, inhoud: bytes) -> bytes:
        try:
            vastleggen(db, email, "download", bestandsnaam)
        except Exception as fout:  # noqa: BLE001  the download must not fail on the log: then the server log has it
            logging.getLogger(__name__).error("Download van %s door %s niet in het logboek van de opslag: %s",
                                              bestandsnaam, email, fout)
        return inhoud

    return gelogd
