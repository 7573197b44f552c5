# The verbs CI and researchers run. Every target installs what it needs into .venv first,
# so `make demo` and `make test` work on a fresh machine that has only python3.
# the newest Python the machine has (pyenv's; CI tests the latest dependencies on it, 3.13 there), else python3;
# `make test-lowest` takes the oldest. PYTHON=… chooses another.
PYTHON ?= $(or $(lastword $(sort $(wildcard $(HOME)/.pyenv/versions/3.1[1-9].*/bin/python3))),python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo data test test-lowest lint wheel docs eval notebooks bench tex clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): setup.cfg pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,docs]"
	touch $@

install: $(STAMP)

## data: rebuild the bundled dataset data/targets.csv from the sample corpus (deterministic)
data: $(STAMP)
	$(BIN)/planstats build data/raw -o data/targets.csv --no-progress

## demo: install, build the dataset, write a report (tables, charts, BibTeX) into out/
demo: data
	MPLBACKEND=Agg $(BIN)/planstats report -o out

## notebooks: run every notebook into out/notebooks/ with its charts (the committed ones stay without outputs)
notebooks: $(STAMP)
	mkdir -p out/notebooks
	MPLBACKEND=module://matplotlib_inline.backend_inline $(BIN)/python notebooks/run.py out/notebooks

## test: the whole suite (unit, golden, doctests, accuracy against the hand annotations) on every core
## (pytest-xdist), then the wheel as a researcher installs it
test: $(STAMP)
	$(BIN)/python -m pytest -n auto
	$(MAKE) wheel

## test-lowest: the whole suite again with the lowest versions setup.cfg allows (constraints-lowest.txt),
## on the oldest Python planstats supports when the machine has it (LOWEST_PYTHON=…), else on python3; the tests
## marked slow (regex linearity, fuzzing: nothing the versions of the dependencies change) run in `make test` only
LOWEST_PYTHON ?= $(firstword $(wildcard $(HOME)/.pyenv/versions/3.10*/bin/python3.10 /usr/bin/python3.10) $(PYTHON))
LOWEST := .venv-lowest
test-lowest:
	@test -x $(LOWEST)/bin/python || $(LOWEST_PYTHON) -m venv $(LOWEST)
	$(LOWEST)/bin/python -m pip install --quiet --upgrade pip
	$(LOWEST)/bin/python -m pip install --quiet -c constraints-lowest.txt -e ".[test,docs]"
	@$(LOWEST)/bin/python -c "import sys, pandas; print('lowest:', sys.version.split()[0], 'pandas', pandas.__version__)"
	$(LOWEST)/bin/python -m pytest -q -n auto -m "not slow"

## lint: ruff (rules E, F, B, C90 with complexity at most 15; lines of 120), the format of every file,
## and mypy on the package (configured in pyproject.toml)
LINTED := planstats tests scripts benchmarks notebooks/run.py
lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy

## docs: the documentation site into out/site (warnings are errors; the test suite builds it too)
docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

## wheel: build the wheel, install it with its dependencies into a fresh venv outside the clone and
## run scripts/smoke.py there from an empty folder (sample dataset, extraction, taxonomy, CLI, a chart)
wheel: $(STAMP)
	rm -rf out/wheel && mkdir -p out/wheel
	$(BIN)/python -m pip wheel --quiet --no-deps --wheel-dir out/wheel .
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(PYTHON) -m venv "$$tmp/venv" && \
	"$$tmp/venv/bin/python" -m pip install --quiet out/wheel/planstats-*.whl && \
	cp scripts/smoke.py "$$tmp/smoke.py" && cd "$$tmp" && "$$tmp/venv/bin/python" smoke.py

## eval: precision / recall / F1 against the hand annotations, with every miss listed: the seeds; the
## real-document corpus (tests/corpus), per split and kind of document (the misses of the dev split only);
## then the 11 pages of the old development corpus (DEV, beside the checkout) with its own scorer
DEV ?= ../shared/dev-corpus
eval: $(STAMP)
	$(BIN)/python -m planstats.evaluate tests/golden/seeds.csv data/raw
	mkdir -p out && $(BIN)/python tests/corpus/evaluate.py tests/corpus --json out/corpus.json \
		--predictions out/corpus.jsonl > out/corpus.txt && cat out/corpus.txt
	@if [ -f $(DEV)/score.py ]; then \
		mkdir -p out && echo "development corpus $(DEV):" && \
		$(BIN)/planstats extract $(DEV)/docs/*.txt --format jsonl > out/dev.jsonl 2> out/dev.warnings && \
		$(BIN)/python $(DEV)/score.py $(DEV)/gold.jsonl $(DEV)/docs out/dev.jsonl; \
	else echo "no development corpus at $(DEV) (set DEV=…): only the seeds were scored"; fi

## bench: extraction speed, memory and accuracy on synthetic corpora; analytics on 1M rows (a few minutes); then
## time and peak memory per MB of one document of each kind from 1 to 50 MB (benchmarks/scaling.py)
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py --out benchmarks/results.json
	$(BIN)/python benchmarks/scaling.py --out benchmarks/scaling.json

## tex: install XeLaTeX with xeCJK and BibTeX (Debian or Ubuntu, as root; 136 MB, about 2 minutes), then run
## the compile test of the tables and BibTeX (tests/test_exports.py); without an engine that test is skipped
## and the escaping is checked as text. CI does not run it: the install would double the time of a run.
tex: $(STAMP)
	command -v xelatex >/dev/null || apt-get install -y --no-install-recommends texlive-xetex texlive-lang-chinese
	$(BIN)/python -m pytest tests/test_exports.py -q

clean:
	rm -rf $(VENV) $(LOWEST) out .pytest_cache
