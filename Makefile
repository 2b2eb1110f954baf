# Quick start: `make run` opens the app on the demo data; `make test` runs the whole suite.
# Both create (or reuse) the virtualenv in .venv and install what the project needs.
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test test-all bench setup clean-venv

$(STAMP): pyproject.toml .ci/setup
	bash .ci/setup $(VENV)

setup: $(STAMP)

run: $(STAMP)
	$(PY) main.py $(ARGS)

test: $(STAMP)
	$(PY) -m pytest $(PYTEST_ARGS)

test-all: $(STAMP)
	$(PY) -m pytest --runslow $(PYTEST_ARGS)

bench: $(STAMP)
	$(PY) bench/run.py $(ARGS)

clean-venv:
	rm -rf $(VENV)
