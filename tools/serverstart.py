"""What a Streamlit server does once, at its start, before any visitor, done for AppTest.

`Runtime.__init__` looks through the metadata of every installed package for components (v2 manifests) when the
server starts. AppTest does that look in the first run of every new AppTest instead: 0,2-0,4 s on a quiet machine,
counted against the page in a benchmark's first run and paid again by every test. The installed packages do not change
while a process runs, so the answer of the first look is kept, and `componenten_gezocht()` gives it before the clock
starts (tests/conftest.py, bench/bench_nationaal.py).
"""

from __future__ import annotations

from functools import cache


def componenten_gezocht() -> None:
    """The server's start-up look for components, done once in this process; every later AppTest reuses it."""
    from streamlit.components.v2 import manifest_scanner

    if not hasattr(manifest_scanner.scan_component_manifests, "cache_info"):
        manifest_scanner.scan_component_manifests = cache(manifest_scanner.scan_component_manifests)
    manifest_scanner.scan_component_manifests()


def paginas_zoals_de_server() -> None:
    """Every AppTest run goes through dashboard.py, as every run in the server does.

    The project has a pages/ folder beside dashboard.py. Streamlit then assumes an app of the old kind (pages found
    in the folder) until the first st.navigation call says otherwise, for the rest of the process. AppTest sets that
    assumption back before every run, so its reruns and `switch_page` run the page file alone: without dashboard.py
    (who is looking, the page list, the run's one read connection). In the server, checked in Chromium on a fresh
    server whose first request is /instroom, dashboard.py runs and chooses the page. Here the assumption is dropped
    after AppTest sets it, as st.navigation drops it in the server."""
    from streamlit.runtime.pages_manager import PagesManager

    if getattr(PagesManager.__init__, "_zoals_de_server", False):
        return
    oorspronkelijk = PagesManager.__init__

    def __init__(self, *args, **kwargs) -> None:
        oorspronkelijk(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    __init__._zoals_de_server = True
    PagesManager.__init__ = __init__
