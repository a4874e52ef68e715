# Every target sets up what it needs: a virtual environment in .venv,
# installed from requirements.lock the first time (and again when it changes).
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve build pdf preview offline test test-fast lint format urls urls-retext bench audit lock clean new-edition

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

# The pinned lock, then the plugin from src/ (editable: an edit to it shows at once).
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --editable .
	touch $@

serve: $(STAMP) ## Serve the site at http://127.0.0.1:8000, rebuilt on every change
	PDF=false $(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

STRICT_BUILD = $(BIN)/mkdocs build --strict --clean --site-dir site

build: $(STAMP) ## Strict build into site/, with each text's PDF and the offline copy at its root
	scripts/system-deps.sh build $(BIN)/python
	$(STRICT_BUILD)
	$(MAKE) --no-print-directory offline OFFLINE_ZIP=site/edition-offline.zip

pdf: $(STAMP) ## Strict build into site/ with each text's PDF beside its page, and list the PDFs
	scripts/system-deps.sh build $(BIN)/python
	PDF=true $(STRICT_BUILD)
	@find site -name '*.pdf' -printf '%p  %k KB\n' | sort

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

lint: $(STAMP) ## Check the Python code with ruff (lint and format)
	$(BIN)/ruff check src scripts tests
	$(BIN)/ruff format --check src scripts tests

format: $(STAMP) ## Format the Python code with ruff
	$(BIN)/ruff format src scripts tests

# Runs a command with CHROMIUM set to the browser system-deps.sh finds or installs.
WITH_CHROMIUM = chromium=$$(scripts/system-deps.sh test $(BIN)/python) && CHROMIUM="$$chromium"

test: lint ## Run the whole suite (finds or installs Chromium, pdftotext, Pango: scripts/system-deps.sh)
	$(WITH_CHROMIUM) $(BIN)/python -m pytest -n 2 --dist loadscope

test-fast: $(STAMP) ## The suite without the browser: the edit loop
	scripts/system-deps.sh build $(BIN)/python
	$(BIN)/python -m pytest -m "not browser"

bench: build ## Print build and PDF time, first-view weight and search speed as tables
	$(WITH_CHROMIUM) $(BIN)/python scripts/bench.py site

AUDIT := scripts/audit/node_modules/.bin/lighthouse
$(AUDIT): scripts/audit/package-lock.json
	npm ci --prefix scripts/audit --no-audit --no-fund --quiet
	touch $@

audit: build $(AUDIT) ## Lighthouse scores of each text page, mobile; the HTML checker (needs Node.js, Java, chromium)
	$(WITH_CHROMIUM) $(BIN)/python scripts/audit.py site

urls: $(STAMP) ## Record new page URLs and fragment ids in published-urls.txt (never drops one)
	$(STRICT_BUILD)
	$(BIN)/python scripts/published_urls.py --update site

urls-retext: $(STAMP) ## Accept changed text at published URLs whose ids stayed, printing each change
	$(STRICT_BUILD)
	$(BIN)/python scripts/published_urls.py --retext site

lock: $(STAMP) ## Re-pin every dependency from pyproject.toml into requirements.lock
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra test --extra tools --override overrides.txt --generate-hashes --python-version 3.11 --quiet -o requirements.lock

# A new edition's repository, from template/ (copier.yml): its pages in each language, git-initialised.
LANGUAGES ?= en
new-edition: $(STAMP) ## Start an edition: make new-edition DEST=../my-edition LANGUAGES="ru kk" [NAME="…"]
	@test -n "$(DEST)" || { echo 'usage: make new-edition DEST=../my-edition LANGUAGES="ru kk" (the default first)' >&2; exit 2; }
	@test -f copier.yml || { echo "make new-edition runs in the generator's repository, which has copier.yml" >&2; exit 2; }
	@test ! -e "$(DEST)/mkdocs.yml" || { echo "$(DEST) holds an edition already" >&2; exit 2; }
	$(BIN)/copier copy --quiet --defaults --vcs-ref HEAD --data languages="$(LANGUAGES)" --data released=$$(date +%F) \
		$(if $(NAME),--data site_name="$(NAME)") "$(CURDIR)" "$(DEST)"
	$(BIN)/python scripts/start_edition.py "$(DEST)" $(LANGUAGES)
	git -C "$(DEST)" init -q && git -C "$(DEST)" add -A
	git -C "$(DEST)" commit -qm "A new edition" || echo "Commit the new files in $(DEST) yourself (git has no name here)."
	@echo "A new edition is in $(DEST): cd $(DEST) && make serve (its README says what to edit)"

clean: ## Remove the built site, the template cache and the virtual environment
	rm -rf site build edition-offline.zip .cache $(VENV)
