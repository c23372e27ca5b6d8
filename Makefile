# The two commands of the README:
#   make run    set up .venv, migrate, collect static, ingest seeds/, ensure the editor account, serve
#   make test   set up .venv with the dev requirements and axe-core, run the whole pytest suite
# Also: make test-postgres, make test-browser, make bench, make clean.
# Pass extra pytest options with PYTEST_ARGS, e.g. make test PYTEST_ARGS='-x -k anchoring'.

PYTHON ?= python3
PORT ?= 8000
HOST ?= 127.0.0.1
VENV ?= .venv
PYTEST_ARGS ?=

PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check
REQ_STAMP := $(VENV)/.requirements.stamp
DEV_STAMP := $(VENV)/.requirements-dev.stamp
NODE_STAMP := node_modules/.npm-ci.stamp

.DEFAULT_GOAL := help
.PHONY: help run test test-postgres test-browser bench clean

help:
	@echo "make run            set up and serve the seed edition on http://$(HOST):$(PORT)/"
	@echo "make test           set up and run the whole test suite (SQLite)"
	@echo "make test-postgres  the whole suite against a throwaway PostgreSQL cluster"
	@echo "make test-browser   only the browser tests (Debian's chromium)"
	@echo "make bench          the benchmarks (bench/run.sh)"
	@echo "make clean          remove .venv, node_modules, collected static files, caches (never var/)"

# --- environments -------------------------------------------------------------------------------

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null || { \
	  echo "ERROR: '$(PYTHON)' is missing or older than Python 3.10; this project needs Python >= 3.10." >&2; \
	  echo "       Install Python 3.10 or newer (Debian/Ubuntu: apt-get install python3 python3-venv)," >&2; \
	  echo "       or point make at one: make PYTHON=python3.11 ..." >&2; exit 1; }
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || { \
	  echo "ERROR: '$(PYTHON)' cannot create virtual environments (no venv/ensurepip module)." >&2; \
	  echo "       Install it: apt-get install python3-venv (Debian/Ubuntu)." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(REQ_STAMP): requirements.txt $(PY)
	$(PIP) install -q -r requirements.txt
	@touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt $(PY)
	$(PIP) install -q -r requirements-dev.txt
	@touch $(REQ_STAMP) $@

$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  echo "ERROR: npm is needed for the test tools (axe-core): apt-get install nodejs npm" >&2; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# --- the site -----------------------------------------------------------------------------------

run: $(REQ_STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput -v 0
	$(PY) manage.py ingest
	$(PY) manage.py ensure_editor --base-url http://$(HOST):$(PORT)
	@echo "Serving on http://$(HOST):$(PORT)/  (Ctrl-C stops)"
	$(VENV)/bin/gunicorn config.wsgi -b $(HOST):$(PORT) -w 2 --access-logfile -

# --- tests --------------------------------------------------------------------------------------

# pytest exits 5 when it collected no tests: that fails the target, and says so.
define pytest
	$(1) $(PY) -m pytest $(2) $(PYTEST_ARGS) || { rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "ERROR: pytest collected no tests (exit code 5)." >&2; fi; exit $$rc; }
endef

test: $(DEV_STAMP) $(NODE_STAMP)
	$(call pytest,,)

test-postgres: $(DEV_STAMP) $(NODE_STAMP)
	$(call pytest,scripts/pg-throwaway,)

test-browser: $(DEV_STAMP) $(NODE_STAMP)
	$(call pytest,,-m browser)

bench: $(DEV_STAMP)
	PATH="$(abspath $(VENV))/bin:$$PATH" bash bench/run.sh

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
