# The two commands: `make run` starts everything, `make test` checks everything.
# Both set up what they need on a fresh machine (Python env, PostgreSQL, linters).
SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON ?= python3
UV := $(PYTHON) -m uv
RUN := $(UV) run --frozen
ROLE ?= gebiedsteam
GEMEENTE ?= 0085
SERVICES := intake pgb indicatie finance

.PHONY: help setup run migrate token test lint import-lint typecheck openapi-lint pytest bench revision clean

help:
	@echo "make run        start PostgreSQL and the four services (Ctrl-C stops all)"
	@echo "make test       lint, type-check, OpenAPI lint and all tests on a throw-away database"
	@echo "make migrate    bootstrap and migrate the local database"
	@echo "make token ROLE=gebiedsteam GEMEENTE=0085   print a development token"
	@echo "make bench      load-test the running stack (start it with make run first)"

# Bytecode compiled once here, as the image does (UV_COMPILE_BYTECODE, and -OO): with
# PYTHONDONTWRITEBYTECODE set, every process would otherwise compile every library module from
# source as it starts (2-3 s of CPU per service process in the tests).
.local/.setup-done: pyproject.toml uv.lock shared/pyproject.toml iwmo/pyproject.toml devtools/pyproject.toml documents/pyproject.toml exchange/pyproject.toml $(wildcard services/*/pyproject.toml)
	@$(PYTHON) -m uv --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet --disable-pip-version-check uv
	$(UV) sync --frozen --compile-bytecode
	@# The tests run the services' workers as the image does, with -OO (PYTHONOPTIMIZE=2): that
	@# bytecode too (8 s once), else every worker the tests start compiles from source.
	$(RUN) python -OO -m compileall -qq -j0 .venv/lib
	@mkdir -p .local && touch $@

setup: .local/.setup-done

run: setup
	$(RUN) python -m wmo_dev.stack run

migrate: setup
	$(RUN) python -m wmo_dev.stack migrate

token: setup
	@$(RUN) python -m wmo_dev.stack token --role $(ROLE) --gemeente $(GEMEENTE) $(if $(AGB),--agb $(AGB))

lint: setup
	$(RUN) ruff check .
	$(RUN) ruff format --check shared iwmo devtools exchange documents services tests

# mypy --strict over all code.
typecheck: setup
	$(RUN) mypy shared/wmo_shared iwmo/wmo_iwmo devtools/wmo_dev exchange/wmo_exchange \
	  documents/wmo_documents $(foreach s,$(SERVICES),services/$(s)/wmo_$(s))

# The arrows of "One shape" (import-linter): shared/ and every service.
IMPORT_CONTRACTS := shared/importlinter.ini $(foreach s,$(SERVICES),services/$(s)/importlinter.ini)
import-lint: setup
	@for c in $(IMPORT_CONTRACTS); do $(RUN) lint-imports --no-cache $$c || exit 1; done

node_modules/.bin/spectral: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

openapi-lint: setup node_modules/.bin/spectral
	$(RUN) python -m tests.support.export_openapi .local/openapi
	@for s in $(SERVICES); do \
	  echo "spectral: $$s"; \
	  node_modules/.bin/spectral lint --quiet --fail-severity=error \
	    -r tests/openapi/ruleset-2.2.yaml .local/openapi/$$s.json || exit 1; \
	done

pytest: setup
	$(RUN) pytest

# deploy/helm rendered with Helm's engine (helm-python-sdk), every object schema-validated
# (kubernetes-validate; tests/deploy/schemas for CloudNativePG and the ServiceMonitor); the
# manifests land in .local/deploy/. tests/deploy checks what they say.
.PHONY: deploy-check
deploy-check: setup
	$(RUN) python -m tests.deploy.render

# An installation of the chart on a real cluster, from an operator's machine (kubectl and
# KUBECONFIG; TOKEN, AANBIEDER, FINANCIEN, BEHEER from its OIDC provider). Not part of make test.
#   make cluster-check ARGS="--intake-url http://... --upgrade-tag 1.0.1"
.PHONY: cluster-check
cluster-check: setup
	$(RUN) python -m tests.deploy.cluster_check $(ARGS)

test: lint import-lint typecheck openapi-lint deploy-check pytest

# SEEDED=1: against volume data (SIZE cases in a throw-away cluster; LOCAL=1: the make run
# database as make seed-data left it), each request next to pgbench running its statement.
BENCH_ARGS ?= $(if $(SEEDED),--seeded --size $(SIZE) $(if $(LOCAL),--local))
bench: setup
	$(RUN) python -m tests.bench.run $(BENCH_ARGS)

# The pure decisions per CPU-second (indicatie advice, pgb toets, eigen-bijdrage schedules).
.PHONY: bench-decisions
bench-decisions: setup
	$(RUN) python -m tests.bench.decisions

# Volume data in every service of the make run database (not while make run is up).
SIZE ?= 100000
.PHONY: seed-data
seed-data: setup
	$(RUN) python -m wmo_dev.seed --size $(SIZE)

revision: setup
	$(RUN) python -m wmo_dev.revision $(SERVICE) "$(MESSAGE)"

clean:
	rm -rf .local/pgdata .local/openapi

# A provider's monthly WMO323 of 10,000 lines checked by intake against its toewijzingen and the
# lines accepted before (issue 15.5), in a throw-away cluster; prints the figures.
.PHONY: bench-declaraties
bench-declaraties: setup
	$(RUN) python -m tests.bench.declaraties
