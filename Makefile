# Two entry points for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EVAL_STAMP := $(VENV)/.installed-eval
DEMO_DB := out/demo.db

.PHONY: setup demo test lint typecheck bench eval clean

setup: $(STAMP)

# Pinned dependencies from requirements.lock, then sitrep itself without resolving again.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)
	@mkdir -p out
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/sitrep ingest examples --db $(DEMO_DB)
	$(BIN)/sitrep export --db $(DEMO_DB) --format json -o out/dossier.json
	$(BIN)/sitrep export --db $(DEMO_DB) --format md -o out/dossier.md
	$(BIN)/sitrep report --db $(DEMO_DB) -o out/dossier.html
	@$(BIN)/sitrep status --db $(DEMO_DB)
	@$(BIN)/sitrep entities --db $(DEMO_DB) --limit 15
	@$(BIN)/sitrep quotes --db $(DEMO_DB) --limit 15
	@$(BIN)/sitrep claims --db $(DEMO_DB)
	@$(BIN)/sitrep stories --db $(DEMO_DB)
	@$(BIN)/sitrep timeline --db $(DEMO_DB)
	@echo "Open out/dossier.html, or browse the store: $(BIN)/sitrep serve --db $(DEMO_DB)"

test: $(STAMP)
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

# Evaluation-only packages (textacy, the quote baseline) on top, the runtime pins held.
$(EVAL_STAMP): $(STAMP) requirements-eval.lock
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-eval.lock -c requirements.lock
	touch $(EVAL_STAMP)

bench: $(STAMP)
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/link_scale.py
	$(BIN)/python -m bench.quote_families
	$(BIN)/python -m bench.claims_speed
	$(BIN)/python -m bench.story_scale --sizes 1000,10000
	$(BIN)/python -m bench.serve_load --reports 10000

eval: $(EVAL_STAMP)
	$(BIN)/python bench/eval_times.py
	$(BIN)/python -m bench.eval_entities
	$(BIN)/python -m bench.eval_quotes
	$(BIN)/python -m bench.eval_claims
	$(BIN)/python -m bench.eval_stories

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
