"""What the server does once, at its start (app.py), before any visitor: import the modules the pages import.

Python imports a module the first time a script asks for it. Without this, the first visitor after a restart pays
pandas and the project's own analytics, weergave and kader modules inside their page's first run (0,35-0,4 s on the
2-core machine of docs/snelheid.md, as much as the whole baseline script of issue 17). No question is asked of the
store here and no answer is kept: only code is loaded.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _geimporteerd(bestand: Path) -> set[str]:
    """The modules a script imports at its top level (`import x`, `from x import y`), read from its source."""
    namen: set[str] = set()
    for regel in ast.parse(bestand.read_text(encoding="utf-8")).body:
        if isinstance(regel, ast.Import):
            namen.update(alias.name for alias in regel.names)
        elif isinstance(regel, ast.ImportFrom) and regel.module and not regel.level:
            namen.add(regel.module)
    return namen


def paginamodules_geladen(root: Path = ROOT) -> list[str]:
    """Every module dashboard.py and the pages import, imported in this process; their names, sorted."""
    scripts = [root / "dashboard.py", *sorted((root / "pages").glob("*.py"))]
    namen = sorted(set().union(*(_geimporteerd(script) for script in scripts)))
    for naam in namen:
        importlib.import_module(naam)
    return namen
