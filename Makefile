# Two commands on a fresh machine: `make run` and `make test`. Each creates .venv if missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint bench bench-reliability bench-scale demo clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP)

run: $(STAMP)
	$(BIN)/dateline demo

# Two worker processes: most tests wait (on Textual's pilot, a second process, a local HTTP
# server), so a second worker fills the idle core. One file alone: `.venv/bin/pytest tests/x.py`.
test: $(TEST_STAMP)
	$(BIN)/python -m pytest -n 2

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy index/ reader/

bench: $(TEST_STAMP)
	$(BIN)/python -m bench

# A year of news at 1k, 10k and ARTICLES (default 100k): the first run builds and caches the
# libraries under ~/.cache/dateline-bench (hours at 100k on a small machine); later runs reuse them.
ARTICLES ?= 100000
bench-scale: $(TEST_STAMP)
	$(BIN)/python -m bench.scale --articles $(ARTICLES)

# kill -9, full disk, damaged files, hostile feeds, huge inputs: a few minutes (root for tmpfs)
bench-reliability: $(TEST_STAMP)
	$(BIN)/python -m bench.reliability

clean:
	rm -rf $(VENV) build *.egg-info
