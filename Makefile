# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-printer bench check clean help

help: ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the project's description changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP) ## Open the app on the demo house (data/demo)
	$(BIN)/crisishouse run --demo

test: $(STAMP) ## Run every test
	$(BIN)/python -m pytest -q

test-printer: $(STAMP) ## Print a handover through real CUPS to PDF (root, Debian: installs CUPS)
	bash .ci/real-printer.sh $(BIN)/python

bench: $(STAMP) ## Print the performance figures (benchmarks/)
	$(BIN)/python benchmarks/run.py

clean: ## Remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache build *.egg-info
