# Quick start: `make run` opens the app on the demo data; `make test` runs the whole suite.
# Both create (or reuse) the virtualenv in .venv and install what the project needs.
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

DIST   ?= dist
.PHONY: run test test-all bench setup clean-venv dist install-desktop uninstall-desktop

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

# A stand-alone folder, $(DIST)/thesis-tracker/, that starts without Python (#13).
dist: $(STAMP)
	$(PY) -m pip install -q "pyinstaller>=6.10"
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN --distpath $(DIST) \
		--workpath build/pyinstaller packaging/thesis-tracker.spec
	@echo "dist: $(DIST)/thesis-tracker/thesis-tracker"

# The launcher entry and icon for the current user, in $$XDG_DATA_HOME (~/.local/share).
install-desktop: $(STAMP)
	$(PY) main.py install-desktop

uninstall-desktop: $(STAMP)
	$(PY) main.py install-desktop --uninstall

clean-venv:
	rm -rf $(VENV)
