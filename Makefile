# Two commands set up everything on a fresh machine: `make site` and `make test`.
VENV    := .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
NPM_STAMP := node_modules/.installed

# Quiet the MkDocs 2 notices that Material and plugins print on every run.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: site serve test test-fast validate browser-deps bench clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

site: $(STAMP)
	$(VENV)/bin/catalog build

validate: $(STAMP)
	$(VENV)/bin/catalog validate

serve: $(STAMP)
	$(VENV)/bin/mkdocs serve --dirty --no-strict --livereload

# Browser tests use Debian's chromium (never a downloaded browser) and axe-core from npm.
browser-deps: $(NPM_STAMP)
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

$(NPM_STAMP): package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

test: $(STAMP) browser-deps
	$(VENV)/bin/pytest

# The unit tier only (tests/unit/): no site build, no browser; under a minute.
test-fast: $(STAMP)
	$(VENV)/bin/pytest -m unit

# The benchmark against plain MkDocs (bench/, BENCHMARKS.md): synthetic catalogues of 10, 100 and 1,000
# programmes and the real one, each built in fresh processes, plus headless-chromium measurements.
# Slow on purpose: the N = 1,000 baseline puts every page in every page's navigation.
bench: $(STAMP) $(NPM_STAMP)  # npm: pagefind, the third search engine
	@command -v chromium >/dev/null 2>&1 || $(MAKE) browser-deps
	$(PY) bench/bench.py --browser --json bench/results.json

clean:
	rm -rf site .site-staging-* .site.lock .cache .pytest_cache
