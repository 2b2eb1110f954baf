# Quick start: `make run` opens the app on the demo data; `make test` runs the whole suite
# (after `make lint`: ruff on the whole repo, mypy --strict on model/). All of them create (or
# reuse) the virtualenv in .venv and install what the project needs.
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run lint test test-all bench setup clean-venv

$(STAMP): pyproject.toml .ci/setup
	bash .ci/setup $(VENV)

setup: $(STAMP)

run: $(STAMP)
	$(PY) main.py $(ARGS)

# ruff first (a second), then mypy (its cache in .mypy_cache makes reruns fast); either failing
# stops here, before the tests.
lint: $(STAMP)
	@echo "lint: ruff check ."
	@$(VENV)/bin/ruff check .
	@echo "lint: mypy (strict on model/)"
	@$(VENV)/bin/mypy

test: lint
	$(PY) -m pytest $(PYTEST_ARGS)

test-all: lint
	$(PY) -m pytest --runslow $(PYTEST_ARGS)

bench: $(STAMP)
	$(PY) bench/run.py $(ARGS)

clean-venv:
	rm -rf $(VENV)
