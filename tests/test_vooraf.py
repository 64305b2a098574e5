"""kader.vooraf: the modules the pages import, loaded by the server at its start (app.py) rather than in the first
visitor's page run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kader.vooraf import paginamodules_geladen

ROOT = Path(__file__).resolve().parent.parent


def test_the_top_level_imports_of_dashboard_and_every_page_are_loaded_and_nothing_else(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "dashboard.py").write_text("import json\nfrom email import message\n")
    (tmp_path / "pages" / "a.py").write_text(
        "from __future__ import annotations\nimport csv, zipfile as z\nfrom . import x\n\n"
        "def later():\n    import tomllib\n")
    assert paginamodules_geladen(tmp_path) == ["__future__", "csv", "email", "json", "zipfile"]


def test_after_the_start_of_a_server_process_the_pages_modules_are_there_before_any_visitor():
    # a fresh interpreter as the server's is: app.py imported, no page run; pandas and the project's own modules loaded
    code = ("import sys, app; print(' '.join(sorted(m for m in ('pandas', 'analytics.kengetallen', "
            "'weergave.grafieken', 'kader.filterbalk', 'rapportage.model') if m in sys.modules)))")
    uit = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={"PATH": "/usr/bin:/bin", "DASHBOARD_DB": str(ROOT / "nergens.duckdb")})
    assert uit.returncode == 0, uit.stderr[-2000:]
    assert uit.stdout.split() == ["analytics.kengetallen", "kader.filterbalk", "pandas", "rapportage.model",
                                  "weergave.grafieken"]
