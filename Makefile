# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast lint test-printer bench language-report mutation check clean help

help: ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the project's description changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,lint]'
	touch $(STAMP)

run: $(STAMP) ## Open the app on the demo house (data/demo)
	$(BIN)/crisishouse run --demo

test: $(STAMP) ## Run every test (on every core)
	$(BIN)/python -m pytest -q -n auto

test-fast: $(STAMP) ## Run every test but the slow reliability ones (child processes, kills)
	$(BIN)/python -m pytest -q -n auto -m "not slow"

lint: $(STAMP) ## Style (ruff), types (mypy) and the layer contracts (import-linter)
	$(BIN)/ruff check crisishouse tests benchmarks
	$(BIN)/ruff format --check crisishouse tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

test-printer: $(STAMP) ## Print a handover through real CUPS to PDF (root, Debian: installs CUPS)
	bash .ci/real-printer.sh $(BIN)/python

bench: $(STAMP) ## Print the performance figures (benchmarks/; builds and caches a ten-year demo house the first time)
	$(BIN)/python benchmarks/run.py

language-report: $(STAMP) ## The language check per kind, on lines tuned on and lines kept aside, and its speed
	$(BIN)/python benchmarks/language_report.py

# mutmut 3 copies crisishouse/ into mutants/ and runs the tests there; what it
# mutates and which tests it runs are in [tool.mutmut] in pyproject.toml.
# Each run starts afresh, so no result is kept from before a test changed.
mutation: $(STAMP) ## Mutation-test the store and check-in timing (slow; not part of make test)
	$(BIN)/python -m pip install --quiet 'mutmut>=3.8,<4'
	rm -rf mutants
	$(BIN)/mutmut run --max-children 2
	@echo "Mutants not killed (a timeout is a mutant a test caught by hanging):"
	@$(BIN)/mutmut results
	@$(BIN)/mutmut export-cicd-stats >/dev/null && cat mutants/mutmut-cicd-stats.json

clean: ## Remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache build *.egg-info
