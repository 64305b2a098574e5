"""Start the dashboard: `python -m kader.start [streamlit options]` (what `make run` does).

This is `streamlit run app.py [options]`, after the store of an older version is brought up to date
(basis.opslag.vorm_bijgewerkt): app.py serves dashboard.py through st.App with the routes of
kader.sessie (a local login that lasts across reloads and tabs), and tells Streamlit that the app always uses
st.navigation (so a deep link right after a restart gets the real frame).
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.web import cli

from basis.fouten import OpslagFout
from basis.instellingen import db_pad
from basis.opslag import vorm_bijgewerkt
from toegang.sessies import SessieFout, sessieduur

SERVER = Path(__file__).resolve().parent.parent / "app.py"


def main() -> None:
    try:
        sessieduur()
    except SessieFout as fout:  # before the server starts: the reason alone, not a traceback from uvicorn
        sys.exit(str(fout))
    try:
        reden = vorm_bijgewerkt(db_pad())  # a store of an older version: what this version reads, added first
    except OpslagFout as fout:
        reden = str(fout)
    if reden:
        print(f"Let op: de opslag kon niet worden bijgewerkt naar deze versie van het dashboard. {reden} Pagina's die "
              "nieuwe tabellen nodig hebben, werken pas na de volgende upload.", file=sys.stderr)
    sys.argv = ["streamlit", "run", str(SERVER), *sys.argv[1:]]
    sys.exit(cli.main())


if __name__ == "__main__":
    main()
