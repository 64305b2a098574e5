"""Start the dashboard: `python -m kader.start [streamlit options]` (what `make run` does).

Streamlit treats an app with a `pages/` folder as an old-style multipage app until the first session
has run st.navigation: a first visitor who opens a deep link (say /instroom?gemeenten=GM0296) right
after a restart would get the bare page without the page list and layout. Our app always uses
st.navigation, so we say so before the server starts.
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

DASHBOARD = Path(__file__).resolve().parent.parent / "dashboard.py"


def main() -> None:
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(DASHBOARD), *sys.argv[1:]]
    sys.exit(cli.main())


if __name__ == "__main__":
    main()
