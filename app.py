"""The server: the dashboard (dashboard.py) with the routes that hand a local login to the browser as a cookie
(kader.sessie). Started by `python -m kader.start` (`make run`), which is `streamlit run app.py`: Streamlit finds
the st.App below and serves it with uvicorn, its own routes next to ours.
"""

from __future__ import annotations

from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.starlette import App

from analytics.opslag import warm_houden
from basis.instellingen import db_pad
from kader.sessie import middleware, routes
from kader.vooraf import paginamodules_geladen

# Streamlit treats an app with a pages/ folder as an old-style multipage app until the first session has run
# st.navigation: a first visitor who opens a deep link (say /instroom?gemeenten=GM0296) right after a restart would
# get the bare page without the page list and layout. Our app always uses st.navigation, so we say so at the start.
PagesManager.uses_pages_directory = False

# After a load (the command line, the upload page, a rollback) the server asks the recent questions again, so the next
# visitor of a page finds its answers ready instead of a cold first run (issue 17).
warm_houden(db_pad())

# The modules the pages import, loaded now rather than in the first visitor's page (kader/vooraf.py).
paginamodules_geladen()

app = App(Path(__file__).resolve().parent / "dashboard.py", routes=routes(), middleware=middleware())
