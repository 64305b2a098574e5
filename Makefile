# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DB ?= data/demo.duckdb
PORT ?= 8501

.PHONY: run test test-snel bench demo lint clean-demo fuzz scherm docs

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt requirements-referentie.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-referentie.txt
	touch $@

# The demo store: fictional exports written to data/demo/ and loaded through the real ingest.
$(DB): | $(VENV)/.runtime
	$(PY) -m pipelines demo --db $(DB)

demo: $(DB)

run: $(VENV)/.runtime $(DB)
	DASHBOARD_DB=$(DB) $(PY) -m kader.start \
		--server.address localhost --server.port $(PORT)

# The tests run in $(TEST_PROCESSEN) worker processes (pytest-xdist), a test file per worker at a time (its module
# fixtures are built once), the longest files first (EERST in tests/conftest.py); TEST_PROCESSEN=0 runs them in this
# process. make test-snel: everything but the tests marked traag (TRAAG in tests/conftest.py, the national demo, the
# fuzz suite, *browser*), for the edit-and-test loop.
TEST_PROCESSEN ?= 2
PYTEST := $(PY) -m pytest -q -n $(TEST_PROCESSEN) --dist loadfile --no-loadscope-reorder

test: $(VENV)/.dev
	$(PY) -m ruff check .
	$(PYTEST)

test-snel: $(VENV)/.dev
	$(PY) -m ruff check .
	$(PYTEST) -m "not traag"

# `make bench BENCH_SCHAAL=1000000`: instead, every page on a national store of that many trajecten (built first
# into BENCH_DB when missing, minutes), each page and role in a fresh process, then one organisation's monthly load
# into a copy of that store against the same load into an empty one (docs/snelheid.md, issue 17).
BENCH_SCHAAL ?=
BENCH_DB ?= bench/out/nationaal_$(BENCH_SCHAAL).duckdb

bench: $(VENV)/.dev
ifeq ($(BENCH_SCHAAL),)
	$(PY) -m bench.bench_ingest --beide
	$(PY) -m bench.bench_pagina --db $(DB)
	$(PY) -m bench.bench_afscherming --db $(DB) --uit bench/out/afscherming.md
else
	$(PY) -m bench.bench_nationaal --db $(BENCH_DB) --schaal $(BENCH_SCHAAL)
	$(PY) -m bench.bench_maandlading --nationaal $(BENCH_DB)
endif

# The fuzz suite of the ingest, long and with new random examples each time (make test runs a short, fixed set).
FUZZ_VOORBEELDEN ?= 300
fuzz: $(VENV)/.dev
	FUZZ_VOORBEELDEN=$(FUZZ_VOORBEELDEN) FUZZ_WILLEKEURIG=1 $(PY) -m pytest -q tests/test_fuzz.py

# Every page on projector widths (1024x768, 1280x800) for each role, measured in headless Chromium, and printed to
# A4 landscape PDFs; screenshots and PDFs in $(SCHERM_MAP). Exit status 1 when a check fails.
SCHERM_MAP ?= /tmp/projector
scherm: $(VENV)/.dev $(DB)
	$(PY) tools/projector.py --db $(DB) --map $(SCHERM_MAP) --print

# The demo's Halfjaarrapportage for its last complete half year, as HTML and PDF (Debian's chromium), in docs/:
# what the consortium gets, to look at without starting anything.
docs: $(VENV)/.runtime $(DB)
	mkdir -p docs
	$(PY) -m pipelines rapport --db $(DB) --halfjaar laatste --uit docs/halfjaarrapportage_demo.html
	$(PY) -m pipelines rapport --db $(DB) --halfjaar laatste --uit docs/halfjaarrapportage_demo.pdf

lint: $(VENV)/.dev
	$(PY) -m ruff check .

clean-demo:
	rm -f $(DB) $(DB).wal $(DB).lock $(DB).sleutel
