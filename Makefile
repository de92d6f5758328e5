# onestop — `make run` opens the application on a demo database; `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test lint format typecheck bench demo system-deps clean translations screenshots

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[gui,test,postgres]"
	touch $(STAMP)

venv: $(STAMP)

# Vietnamese is the source language; .ts files are in the repository, .qm files are built.
TS := resources/i18n/onestop_en.ts
QM := $(TS:.ts=.qm)
# Qt's own dialogs and buttons (Qt ships no Vietnamese): written by hand, built like ours.
QT_TS := resources/i18n/qt_vi.ts
QT_QM := $(QT_TS:.ts=.qm)

$(QM): $(TS) $(QT_QM) $(STAMP)
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(QM)

$(QT_QM): $(QT_TS) $(STAMP)
	$(BIN)/pyside6-lrelease -silent $(QT_TS) -qm $(QT_QM)

translations: $(STAMP)
	$(BIN)/pyside6-lupdate -silent -no-obsolete $$(ls onestop/ui/*.py) -ts $(TS)
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(QM)
	$(BIN)/pyside6-lrelease -silent $(QT_TS) -qm $(QT_QM)

# Qt's system libraries first: the missing ones by name, with the command that installs them
# (Qt itself would blame xcb-cursor0 whatever is missing). Then the demo database, which lives in
# the user-data folder and is created on the first run only.
run: $(STAMP) $(QM)
	@env -u QT_QPA_PLATFORM $(BIN)/python -m onestop.qtlibs
	@db=$$($(BIN)/python -c "from onestop.app import resolve_url; print(resolve_url(None))"); \
	path=$${db#sqlite:///}; \
	if [ "$$path" != "$$db" ] && [ ! -f "$$path" ]; then \
		echo "Tạo cơ sở dữ liệu mẫu: $$path"; $(BIN)/onestop demo; \
	fi; \
	echo "Cơ sở dữ liệu: $$db"; \
	env -u QT_QPA_PLATFORM $(BIN)/onestop gui

test: $(STAMP) $(QM)
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check onestop tests benchmarks main.py
	$(BIN)/ruff format --check onestop tests benchmarks main.py
	$(BIN)/mypy onestop

format: $(STAMP)
	$(BIN)/ruff format onestop tests benchmarks main.py
	$(BIN)/ruff check --fix onestop tests benchmarks main.py

# The README's pictures: the real application on Xvfb (Debian: xvfb, xauth).
screenshots: $(STAMP) $(QM)
	env -u QT_QPA_PLATFORM xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python scripts/screenshots.py docs/screenshots

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# Debian packages the tests and the GUI need (run as root, or with sudo).
system-deps:
	bash .ci/system-deps

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
