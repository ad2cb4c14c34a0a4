# Orchid: `make run` serves a development registry, `make test` runs the suite on SQLite and PostgreSQL.

PYTHON_BOOT ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV        := .venv
PY          := $(VENV)/bin/python
ORCHID      := $(VENV)/bin/orchid
STAMP       := $(VENV)/.installed
HOST        ?= 127.0.0.1
PORT        ?= 8000
PYTEST_ARGS ?=

.PHONY: run test test-sqlite test-postgres bench lint format venv install clean

# The venv itself; rebuilt only when missing.
$(PY):
	@test -n "$(PYTHON_BOOT)" || { echo "error: neither python3.11 nor python3 found" >&2; exit 1; }
	$(PYTHON_BOOT) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# The project with dev extras; reinstalled only when pyproject.toml changes.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

venv: $(PY)
install: $(STAMP)

run: install
	$(ORCHID) migrate --no-input
	$(ORCHID) demo
	@echo
	@echo "Orchid is at http://$(HOST):$(PORT)/  (health check: http://$(HOST):$(PORT)/healthz)"
	@echo
	$(ORCHID) serve --host $(HOST) --port $(PORT)

# Both passes always run; the target fails if either failed.
test: install
	@status=0; \
	$(MAKE) --no-print-directory test-sqlite || status=1; \
	$(MAKE) --no-print-directory test-postgres || status=1; \
	exit $$status

test-sqlite: install
	@echo "==> test suite on SQLite"
	ORCHID_TEST_DB=sqlite $(PY) -m pytest $(PYTEST_ARGS)

test-postgres: install
	@if $(PY) -m orchid.testing.postgres --check >/dev/null 2>&1; then \
	  echo "==> database tests on PostgreSQL (throwaway cluster)"; \
	  ORCHID_TEST_DB=postgres $(PY) -m pytest $(PYTEST_ARGS) || rc=$$?; \
	  if [ "$${rc:-0}" -eq 5 ]; then echo "(no database tests selected)"; rc=0; fi; \
	  exit $${rc:-0}; \
	else \
	  echo "#################################################################"; \
	  echo "# WARNING: PostgreSQL not installed: running the suite on SQLite only"; \
	  echo "# (install Debian's 'postgresql' package to test on PostgreSQL too)"; \
	  echo "#################################################################"; \
	fi

bench: install
	@set -e; found=0; for script in bench/*.py; do \
	  [ -e "$$script" ] || continue; found=1; \
	  echo "==> $$script"; $(PY) "$$script"; \
	done; [ $$found -eq 1 ] || echo "no bench/*.py scripts yet"

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy src

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) var build dist .pytest_cache .mypy_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
	find . -name '*.egg-info' -type d -prune -exec rm -rf {} +
