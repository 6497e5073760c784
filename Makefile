# Entry points. Every target installs what it needs first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Material 9.8 prints a banner about MkDocs 2.0 on every build; we stay on 1.x on purpose.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve serve-en build pdf check schemas test test-fast stamp benchmark benchmark-cards screenshots properdocs clean

$(BIN)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(BIN)/.tests: $(BIN)/.runtime requirements-test.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

serve: $(BIN)/.runtime     ## both languages, live reload at http://127.0.0.1:8000
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

serve-en: $(BIN)/.runtime  ## English only: faster reloads while writing English pages
	BUILD_ONLY_LOCALE=en $(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

build: $(BIN)/.runtime     ## the whole site into site/, failing on any warning
	$(BIN)/mkdocs build --strict --site-dir site

check: $(BIN)/.runtime     ## data and pages checked in seconds, no site build (also the pre-commit hook)
	$(BIN)/python scripts/check.py

schemas: $(BIN)/.runtime   ## rewrite schemas/*.schema.json from kb/schema.py (editors complete and check data/)
	$(BIN)/python -m kb.editor_schemas

pdf: $(BIN)/.tests         ## build, print both print editions to PDF (Chromium), build again to publish them
	./scripts/ensure-system-packages.sh
	$(BIN)/mkdocs build --strict --site-dir site
	$(BIN)/python scripts/print_pdf.py site build/pdf
	$(BIN)/mkdocs build --strict --site-dir site

# The Nu HTML Checker, pinned in tests/vnu/package-lock.json (needs npm and Java 17).
tests/vnu/node_modules/.installed: tests/vnu/package.json tests/vnu/package-lock.json
	./scripts/ensure-system-packages.sh
	npm ci --prefix tests/vnu --ignore-scripts --no-audit --no-fund
	touch $@

test: $(BIN)/.tests tests/vnu/node_modules/.installed ## every test: data, generators, built site, release checks, Chromium
	./scripts/ensure-system-packages.sh
	$(BIN)/python -m pytest

test-fast: $(BIN)/.tests ## everything but the browser tests and the release checks (no Chromium, Java or npm needed)
	$(BIN)/python -m pytest -m "not browser and not release"

stamp: $(BIN)/.runtime     ## record that the Spanish texts you name are current: make stamp FILES="docs/about.es.md data/glossary.yml:genocide"
	$(BIN)/python -m kb.stamp $(FILES)

benchmark: $(BIN)/.tests   ## hook cost, preview cards, search quality, Lighthouse (prints figures)
	$(BIN)/python scripts/benchmark.py
	$(BIN)/python scripts/search_benchmark.py
	$(BIN)/python scripts/lighthouse.py

benchmark-cards: $(BIN)/.runtime ## the real site's build without cards, then with cards cold and warm
	$(BIN)/python scripts/benchmark.py --cards-only

screenshots: $(BIN)/.tests ## phone and desktop screenshots of key pages into build/screenshots
	./scripts/ensure-system-packages.sh
	$(BIN)/python scripts/screenshots.py

properdocs: $(BIN)/.runtime ## build with ProperDocs (own venv, .properdocs-venv) and compare with MkDocs
	$(BIN)/python scripts/properdocs_check.py

clean:
	rm -rf site build .pytest_cache
