# One command sets up, one runs the tests, one shows the main job on the seed pair.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SEED_A := fixtures/asharq_al_awsat.txt
SEED_B := fixtures/jns.txt
SEED_META := --outlet 'Asharq al-Awsat' --outlet JNS --published 2023-09-01 --published 2023-09-01

.PHONY: setup test lint demo reports clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

test: setup
	$(BIN)/ruff check compare tests
	$(BIN)/ruff format --check compare tests
	$(BIN)/mypy
	$(BIN)/pytest

demo: setup
	$(BIN)/compare $(SEED_A) $(SEED_B) $(SEED_META)

# The example reports in reports/, regenerated from the seed pair.
reports: setup
	$(BIN)/compare $(SEED_A) $(SEED_B) $(SEED_META) --no-color -o reports/seed.txt
	$(BIN)/compare $(SEED_A) $(SEED_B) $(SEED_META) --format json -o reports/seed.json

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
