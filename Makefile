# Every target sets up what it needs: a virtual environment in .venv,
# installed from requirements.lock the first time (and again when it changes).
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve build preview offline test urls urls-retext bench audit lock clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	touch $@

serve: $(STAMP) ## Serve the site at http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

build: $(STAMP) ## Strict build into site/
	$(BIN)/mkdocs build --strict --clean --site-dir site

# A GitHub Pages project site lives below /<repository>/; this folder's name stands in for it.
PREVIEW_BASE ?= /$(notdir $(CURDIR))/
PREVIEW_PORT ?= 8001
preview: $(STAMP) ## Build and serve site/ as GitHub Pages will: below /<repository>/, with its 404 page
	SITE_URL=http://127.0.0.1:$(PREVIEW_PORT)$(PREVIEW_BASE) $(BIN)/mkdocs build --strict --clean --site-dir site
	$(BIN)/python scripts/preview.py site --base $(PREVIEW_BASE) --port $(PREVIEW_PORT)

OFFLINE_BUILD ?= build/offline
OFFLINE_ZIP ?= edition-offline.zip
offline: $(STAMP) ## Build edition-offline.zip, a copy that works opened from disk
	rm -rf $(OFFLINE_BUILD) $(OFFLINE_ZIP)
	OFFLINE=true PUBLISHED_URL="$$SITE_URL" SITE_URL= $(BIN)/mkdocs build --strict --site-dir $(OFFLINE_BUILD)/edition
	$(BIN)/python -c 'import shutil, sys; shutil.make_archive(sys.argv[1].removesuffix(".zip"), "zip", sys.argv[2], "edition")' $(abspath $(OFFLINE_ZIP)) $(OFFLINE_BUILD)

test: $(STAMP) ## Run the whole test suite (finds or installs Chromium: scripts/chromium.sh)
	chromium=$$(scripts/chromium.sh $(BIN)/python) && CHROMIUM="$$chromium" $(BIN)/python -m pytest

bench: build ## Print build time, page weight and search speed as tables
	$(BIN)/python scripts/bench.py site

AUDIT := scripts/audit/node_modules/.bin/lighthouse
$(AUDIT): scripts/audit/package-lock.json
	npm ci --prefix scripts/audit --no-audit --no-fund --quiet
	touch $@

audit: build $(AUDIT) ## Lighthouse scores of each text page, mobile (needs Node.js and Debian's chromium)
	$(BIN)/python scripts/audit.py site

urls: build ## Record new page URLs and fragment ids in published-urls.txt (never drops one)
	$(BIN)/python scripts/published_urls.py --update site

urls-retext: build ## Accept changed text at published URLs whose ids stayed, printing each change
	$(BIN)/python scripts/published_urls.py --retext site

lock: $(STAMP) ## Re-pin every dependency from pyproject.toml into requirements.lock
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra test --override overrides.txt --generate-hashes --python-version 3.11 --quiet -o requirements.lock

clean: ## Remove the built site, the template cache and the virtual environment
	rm -rf site build edition-offline.zip .cache $(VENV)
