# Quick start: `make run` opens the app on the demo data; `make test` runs the whole suite
# (after `make lint`: ruff on the whole repo, mypy --strict on model/). All of them create (or
# reuse) the virtualenv in .venv and install what the project needs.
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

DIST   ?= dist
.PHONY: run lint test test-all bench setup clean-venv dist install-desktop uninstall-desktop \
	translations

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

# A stand-alone folder, $(DIST)/thesis-tracker/, that starts without Python (#13).
dist: $(STAMP)
	$(PY) -m pip install -q "pyinstaller>=6.10"
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN --distpath $(DIST) \
		--workpath build/pyinstaller packaging/thesis-tracker.spec
	@echo "dist: $(DIST)/thesis-tracker/thesis-tracker"

# The translations (#13): lupdate reads the marked strings of gui/ and model/ into
# resources/translations/*.ts, lrelease compiles the .qm files (committed, so a fresh clone
# needs no Qt tools). DROP_OBSOLETE=1 also removes the entries of strings that are gone.
translations: $(STAMP)
	$(PY) tools/translations.py $(if $(DROP_OBSOLETE),--drop-obsolete)

# The launcher entry and icon for the current user, in $$XDG_DATA_HOME (~/.local/share).
install-desktop: $(STAMP)
	$(PY) main.py install-desktop

uninstall-desktop: $(STAMP)
	$(PY) main.py install-desktop --uninstall

clean-venv:
	rm -rf $(VENV)
