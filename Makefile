# The verbs CI and researchers run. Every target installs what it needs into .venv first,
# so `make demo` and `make test` work on a fresh machine that has only python3.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo data test eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): setup.cfg pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

install: $(STAMP)

## data: rebuild the bundled dataset data/targets.csv from the sample corpus (deterministic)
data: $(STAMP)
	$(BIN)/planstats build data/raw -o data/targets.csv

## demo: install, build the dataset, print the headline targets of every plan
demo: data
	$(BIN)/planstats show --section headline

## test: the whole suite (unit, golden, doctests, accuracy against the hand annotations)
test: $(STAMP)
	$(BIN)/python -m pytest

## eval: precision / recall / F1 against the hand annotations, with every miss listed
eval: $(STAMP)
	$(BIN)/python -m planstats.evaluate tests/golden/seeds.csv data/raw

clean:
	rm -rf $(VENV) out .pytest_cache
