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
