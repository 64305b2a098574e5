"""The browser tests' rule (tests/browser.py), in a real pytest run of a small test file: without Chromium a test
marked `browser` is skipped and the run says so in one line at the end, in CI (CI=true) it fails the run; with
Chromium it runs. DASHBOARD_CHROMIUM points at a file that is not there, or at a stand-in that is."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

TESTS = '''
import pytest

@pytest.mark.browser
def test_in_chromium():
    pass

def test_zonder_browser():
    pass
'''

CONFTEST = f'''
import sys
sys.path.insert(0, {str(ROOT)!r})
from tests.browser import pytest_runtest_setup, pytest_terminal_summary  # noqa: F401

def pytest_configure(config):
    config.addinivalue_line("markers", "browser: in Chromium")
'''


def pytest_in(map_: Path, chromium: Path, ci: str) -> subprocess.CompletedProcess:
    (map_ / "conftest.py").write_text(CONFTEST)
    (map_ / "test_voorbeeld.py").write_text(TESTS)
    omgeving = {**os.environ, "DASHBOARD_CHROMIUM": str(chromium), "CI": ci}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "-rs",
                           str(map_)], cwd=map_, env=omgeving, capture_output=True, text=True, timeout=120)


def test_without_chromium_a_browser_test_is_skipped_and_the_run_says_how_to_get_them(tmp_path):
    geen = tmp_path / "geen" / "chromium"
    uitkomst = pytest_in(tmp_path, geen, ci="")
    assert uitkomst.returncode == 0, uitkomst.stdout
    assert "1 passed, 1 skipped" in uitkomst.stdout
    assert (f"Browsertests niet gedraaid (1): geen Chromium in {geen}. Installeer het met `apt-get install chromium` "
            "(als root; of zet DASHBOARD_CHROMIUM op het pad van Chromium) en draai `make test` opnieuw."
            ) in uitkomst.stdout
    assert f"geen Chromium in {geen}: browsertest niet gedraaid (installeer het met `apt-get install chromium`)" in (
        uitkomst.stdout)


def test_in_ci_a_missing_chromium_fails_the_run(tmp_path):
    uitkomst = pytest_in(tmp_path, tmp_path / "geen" / "chromium", ci="true")
    assert uitkomst.returncode == 1, uitkomst.stdout
    assert "1 passed, 1 error" in uitkomst.stdout
    assert "in CI (CI=true) moeten de browsertests draaien" in uitkomst.stdout
    assert "Browsertests niet gedraaid" not in uitkomst.stdout


def test_with_chromium_the_browser_test_runs(tmp_path):
    chromium = tmp_path / "chromium"
    chromium.write_text("#!/bin/sh\n")
    chromium.chmod(0o755)
    for ci in ("", "true"):
        uitkomst = pytest_in(tmp_path, chromium, ci=ci)
        assert uitkomst.returncode == 0, uitkomst.stdout
        assert "2 passed" in uitkomst.stdout and "Browsertests niet gedraaid" not in uitkomst.stdout
