# medialit: two commands do everything.
#   make serve   install everything, build the book clean, serve it on http://127.0.0.1:$(PORT)/
#   make test    install everything (Debian's Chromium and its headless shell too, if missing) and run every test
# Other targets: make build (build without serving), make validate, make lint (ruff, ruff format, mypy, tsc),
# make pytest (the tests without the linters),
# make bench, make clean.

PYTHON  ?= python3
VENV    ?= .venv
PORT    ?= 8000
BIN     := $(VENV)/bin
BOOK    := book
HTML    := $(BOOK)/_build/html
STAMPS  := .stamps

.PHONY: serve build test pytest validate lint bench setup setup-test chromium clean

$(STAMPS):
	mkdir -p $(STAMPS)

$(STAMPS)/venv: pyproject.toml | $(STAMPS)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/python -m ipykernel install --sys-prefix --name medialit --display-name "Python (medialit)" >/dev/null
	touch $@

$(STAMPS)/npm: package.json package-lock.json | $(STAMPS)
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(STAMPS)/venv

setup-test: $(STAMPS)/venv $(STAMPS)/npm chromium

chromium:
	@{ command -v chromium && command -v chromium-headless-shell; } >/dev/null 2>&1 || { \
	  echo "Installing Chromium and its headless shell from Debian…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-headless-shell >/dev/null; }
	@dpkg -s fonts-noto-core fonts-noto-cjk >/dev/null 2>&1 || { \
	  echo "Installing Noto fonts (Arabic, Hebrew, Korean, Japanese) from Debian…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-core fonts-noto-cjk >/dev/null; }

validate: setup
	$(BIN)/medialit validate

build: setup
	rm -rf $(BOOK)/_build
	$(BIN)/jupyter-book build $(BOOK) --all -W -n --keep-going
	@echo "Built: $(HTML)/index.html"

serve: build
	@echo "Serving the book at http://127.0.0.1:$(PORT)/  (Ctrl+C to stop)"
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory $(HTML)

lint: setup $(STAMPS)/npm
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	npx --no-install tsc -p .

# The linters run beside the tests (two jobs), so the half minute they take mostly overlaps the tests.
test: setup-test
	$(MAKE) --no-print-directory -j2 lint pytest

pytest: setup-test
	$(BIN)/medialit validate
	$(BIN)/python -m pytest -n auto --dist loadfile

bench: setup-test
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(BOOK)/_build $(STAMPS) .pytest_cache .hypothesis
