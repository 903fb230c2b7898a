# Pathfinder — the two commands a newcomer needs are `make run` and `make test`.
# Everything else here supports them.

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# Two test processes (one per core on the reference machine); 0 runs them in this process.
PYTEST_WORKERS ?= 2
# Some machines' pip configuration warns about every missing local index; keep real errors.
PIP_FILTER := grep -v "^WARNING: Location .* is ignored"

.DEFAULT_GOAL := help
.PHONY: help run serve worker test test-sqlite test-postgres test-deps pdf-fonts postgres lint format bench bench-documents faults load clean lock fuzz audit

help:
	@echo "make run    set everything up and serve the demo on http://$(HOST):$(PORT)"
	@echo "make test   set everything up and run the whole suite on SQLite and PostgreSQL"
	@echo "make serve  production-like server (gunicorn) against DATABASE_URL"
	@echo "make worker background worker for e-mails sent after the response"
	@echo "make lint   ruff and djlint"
	@echo "make bench  national-scale benchmarks (slow; writes BENCHMARKS.md)"
	@echo "make bench-documents  how long a request waits on each PDF and Word download (writes its BENCHMARKS.md section)"
	@echo "make faults kill -9 the server and database under writes, full disk, two servers, backups (slow)"
	@echo "make load   survey-day load test with locust on PostgreSQL (writes var/bench/load.md)"
	@echo "make fuzz   the form and upload fuzz tests with many more examples, both engines"
	@echo "make lock   re-pin requirements*.txt (with hashes) from requirements*.in"

# The virtual environment is rebuilt whenever the pinned requirements change.
$(VENV)/.runtime: requirements.txt bin/find-python
	@python=$$(bin/find-python) || exit 1; \
	if [ ! -x $(PY) ] || ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
		echo "Creating $(VENV) with $$python"; rm -rf $(VENV); "$$python" -m venv $(VENV) || exit 1; \
	fi
	@echo "Installing the pinned requirements into $(VENV)"
	@$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt 2>&1 | $(PIP_FILTER); exit $${PIPESTATUS[0]}
	@touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	@echo "Installing the test tools into $(VENV)"
	@$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.txt 2>&1 | $(PIP_FILTER); exit $${PIPESTATUS[0]}
	@touch $@

var:
	@mkdir -p var

run: $(VENV)/.runtime var pdf-fonts
	$(MANAGE) migrate --no-input
	$(MANAGE) createcachetable
	$(MANAGE) pathfinder demo
	$(MANAGE) runserver $(HOST):$(PORT)

serve: $(VENV)/.runtime var
	@test -n "$$DATABASE_URL" || { echo "Set DATABASE_URL (see docs/deploying.md)"; exit 1; }
	PATHFINDER_ENV=production $(MANAGE) collectstatic --no-input --verbosity 0
	PATHFINDER_ENV=production $(MANAGE) migrate --no-input
	PATHFINDER_ENV=production $(MANAGE) createcachetable
	PATHFINDER_ENV=production $(VENV)/bin/gunicorn pathfinder.wsgi --bind $(HOST):$(PORT) --workers $${WEB_WORKERS:-3}

# The background worker: e-mails sent after the response (see docs/deploying.md).
worker: $(VENV)/.runtime var
	PATHFINDER_ENV=production $(MANAGE) db_worker

# What the tests need from the machine: Chromium for browser tests, poppler
# for reading PDFs, Graphviz for diagrams, and the PDF fonts. Installed only
# when missing and root.
test-deps: pdf-fonts
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	command -v dot >/dev/null || missing="$$missing graphviz"; \
	bin/apt-missing $$missing

# Fonts for PDF downloads (the demo makes them too): Noto covers the scripts
# and emoji that Arial and Liberation Sans lack, which would otherwise print
# as empty boxes. Installed only when missing and root.
pdf-fonts:
	@missing=""; \
	fc-list -q "Noto Sans" || missing="$$missing fonts-noto-core"; \
	fc-list -q "Noto Sans CJK SC" || missing="$$missing fonts-noto-cjk"; \
	fc-list -q "Noto Color Emoji" || missing="$$missing fonts-noto-color-emoji"; \
	bin/apt-missing $$missing

# Start the local PostgreSQL cluster if it is not answering.
postgres:
	@if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then \
		echo "Starting PostgreSQL"; \
		pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql | head -n 1) main start || exit 1; \
		for i in $$(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done; \
	fi
	@pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL is not reachable on 127.0.0.1:5432"; exit 1; }

test: $(VENV)/.dev test-deps postgres
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

test-sqlite: $(VENV)/.dev
	@echo "== Test suite on SQLite =="
	env -u DATABASE_URL $(VENV)/bin/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

test-postgres: $(VENV)/.dev
	@echo "== Test suite on PostgreSQL =="
	DATABASE_URL=$(PG_URL) $(VENV)/bin/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint --lint --quiet pathfinder

format: $(VENV)/.dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: $(VENV)/.dev postgres var
	$(PY) -m bench.run

# How long a request waits on each PDF and Word download, both engines (bench/documents.py).
bench-documents: $(VENV)/.dev postgres var pdf-fonts
	$(PY) -m bench.documents --all

# Many more fuzz examples per form than `make test` runs, drawn afresh each time.
FUZZ_EXAMPLES ?= 60
fuzz: $(VENV)/.dev postgres
	env -u DATABASE_URL PATHFINDER_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) PATHFINDER_FUZZ_RANDOM=1 $(VENV)/bin/pytest -n $(PYTEST_WORKERS) tests/fuzz
	DATABASE_URL=$(PG_URL) PATHFINDER_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) PATHFINDER_FUZZ_RANDOM=1 $(VENV)/bin/pytest -n $(PYTEST_WORKERS) tests/fuzz

# Re-pin every dependency, with the sha256 of each file, from requirements*.in
# (docs/security/dependencies.md). Versions already pinned stay unless
# LOCK_ARGS=--upgrade (or --upgrade-package NAME) asks otherwise.
LOCK_VENV := var/lock-venv
LOCK_ARGS ?=
LOCK := CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links $(LOCK_ARGS)
# The locking tools live in their own venv, apart from what they lock.
$(LOCK_VENV)/.tools: bin/find-python | var
	@python=$$(bin/find-python) || exit 1; rm -rf $(LOCK_VENV); "$$python" -m venv $(LOCK_VENV) || exit 1
	@$(LOCK_VENV)/bin/pip install --quiet --disable-pip-version-check pip-tools==7.6.2 pip-audit==2.10.1 2>&1 | $(PIP_FILTER); exit $${PIPESTATUS[0]}
	@touch $@

lock: $(LOCK_VENV)/.tools
	$(LOCK) -o requirements.txt requirements.in 2>&1 | $(PIP_FILTER); exit $${PIPESTATUS[0]}
	$(LOCK) -o requirements-dev.txt requirements-dev.in 2>&1 | $(PIP_FILTER); exit $${PIPESTATUS[0]}

# Known vulnerabilities in the pinned set. Needs the PyPI JSON API or OSV, which
# some networks (this project's build machines) do not reach: see docs/security/dependencies.md.
audit: $(LOCK_VENV)/.tools
	$(LOCK_VENV)/bin/pip-audit --strict --disable-pip --require-hashes -r requirements-dev.txt

# Crash safety, two servers behind a proxy, backups under writes (bench/faults*.py, tests/faults).
faults: $(VENV)/.dev postgres var
	PATHFINDER_FAULTS_LONG=1 env -u DATABASE_URL $(VENV)/bin/pytest -p no:cacheprovider -n 0 -v tests/faults

# Survey day at national peak, compressed to this machine (bench/load.py).
load: $(VENV)/.dev postgres var
	$(PY) -m bench.load

clean:
	rm -rf $(VENV) var/*.sqlite3* var/bench staticfiles .pytest_cache
