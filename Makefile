# ConvMatrix: `make demo` and `make test` are the two commands a new user needs.
# Both first run `deps`, which installs what is missing (Debian packages as root,
# Python tools in .venv) and stops with the exact command to run otherwise.

SHELL := /bin/bash
SWIFT ?= swift
VENV := .venv
PYTHON := $(VENV)/bin/python
# Debian packages: OpenBLAS (cblas.h via pkg-config) and LAPACKE for the library;
# texlive and librsvg for the tests that compile LaTeX and render SVG.
SYSTEM_PACKAGES := pkg-config libopenblas-dev liblapacke-dev
# What only the tests need: pdflatex compiles the LaTeX output (preview.sty for --standalone;
# beamer.cls for --beamer, which needs pgf from texlive-pictures), rsvg-convert renders the SVG,
# GNU time measures peak memory, headless Chromium drives the explorer (docs/explorer.md).
TEST_PACKAGES := texlive-latex-base texlive-latex-recommended texlive-pictures preview-latex-style librsvg2-bin time chromium chromium-driver
CONVMAT := .build/debug/convmat
# Executes every Notebooks/*.ipynb against the built convmat; prints `N passed, M failed`.
RUN_NOTEBOOKS := $(PYTHON) scripts/run-notebooks.py $(abspath $(CONVMAT))
# The fuzzer (docs/fuzzing.md): standard-library Python (no venv), the regression corpus
# first; GNU time (TEST_PACKAGES) measures each run's peak memory.
FUZZ := python3 Tests/Fuzz/fuzz.py
FUZZ_SHORT_COUNT ?= 1000
FUZZ_COUNT ?= 20000
FUZZ_SEED ?= 1
FUZZ_JOBS ?= 2
FUZZ_SHORT := $(FUZZ) $(CONVMAT) --count $(FUZZ_SHORT_COUNT) --seed $(FUZZ_SEED) --jobs $(FUZZ_JOBS) --timeout 30

# AlexNet-sized work runs on the release binary only (docs/performance.md): the
# sparse path's summary (also under a small --max-memory), a block, the guard's
# refusals, and check. About three minutes on two cores after the release build (check: ~2 min).
RELEASE_CONVMAT := .build/release/convmat
ALEXNET_CONV1 := 'Conv2d(3, 96, 11, stride=4)' --input 3x227x227

.PHONY: test-release lint format regenerate docs-images all deps system-packages test-packages apt-packages swift-toolchain venv build demo notebooks fuzz fuzz-short fuzz-packages bench-peers test readme check-readme clean

all: build

deps: swift-toolchain system-packages

swift-toolchain:
	@command -v $(SWIFT) >/dev/null 2>&1 || { \
	  echo "make: Swift 6 is not installed (Debian has no package for it)."; \
	  echo "      Install a Swift 6 toolchain from https://www.swift.org/install/linux/ and put 'swift' on PATH."; \
	  exit 1; }
	@$(SWIFT) --version 2>/dev/null | grep -qE 'Swift version (6|[7-9])\.' || { \
	  echo "make: ConvMatrix needs Swift 6 or later; found: $$($(SWIFT) --version 2>&1 | head -1)"; exit 1; }

system-packages:
	@$(MAKE) --no-print-directory apt-packages PACKAGES="$(SYSTEM_PACKAGES)"

test-packages:
	@$(MAKE) --no-print-directory apt-packages PACKAGES="$(TEST_PACKAGES)"

# Installs the Debian packages in PACKAGES that are missing (as root), or says how.
apt-packages:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "make: installing$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
	  else \
	    echo "make: missing Debian packages:$$missing"; \
	    echo "      run: sudo apt-get update && sudo apt-get install -y --no-install-recommends$$missing"; \
	    exit 1; \
	  fi; \
	fi

# The virtual environment for the Python tools (NumPy for .npy round trips,
# Jupyter for the notebooks); never the system Python.
venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	@python3 -m venv $(VENV) 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv >/dev/null && python3 -m venv $(VENV); \
	  else echo "make: python3 -m venv failed; run: sudo apt-get install -y python3-venv"; exit 1; fi; }
	@$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

build: deps
	$(SWIFT) build

# JAX for CPU in the virtual environment, then the same layers as `convmat bench --quick`
# timed in JAX beside convmat's release figures (docs/performance.md). Not part of `make test`.
bench-peers: deps venv
	@$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements-peers.txt
	$(SWIFT) build -c release
	$(PYTHON) scripts/bench_peers.py .build/release/convmat

demo: build
	@$(CONVMAT) demo

notebooks: build venv
	$(RUN_NOTEBOOKS) --in-place

# GNU time alone (not all of TEST_PACKAGES): the fuzzer's peak-memory measurement.
fuzz-packages:
	@$(MAKE) --no-print-directory apt-packages PACKAGES="time"

# A short fuzz run: every regression, every seed, then FUZZ_SHORT_COUNT fresh mutants
# on the debug binary (about a minute on two cores).
fuzz-short: build fuzz-packages
	$(FUZZ_SHORT)

# The long run on the release binary; FUZZ_SEED=N for another set of mutants, and
# FUZZ_RECORD=--record to keep what fails (Tests/Fuzz/found.txt, regressions.txt).
fuzz: deps fuzz-packages
	$(SWIFT) build -c release
	$(FUZZ) .build/release/convmat --count $(FUZZ_COUNT) --seed $(FUZZ_SEED) --jobs $(FUZZ_JOBS) --timeout 10 \
	  --archive Tests/Fuzz/found.txt --report .build/fuzz-report.txt $(FUZZ_RECORD)

# The notebooks and the short fuzz run go before `swift test`, so that its summary stays the last line.
test: deps test-packages venv lint
	$(SWIFT) build --build-tests
	$(PYTHON) scripts/check_digits_data.py
	$(RUN_NOTEBOOKS)
	$(PYTHON) Tests/Browser/explorer_test.py $(CONVMAT)
	$(FUZZ_SHORT)
	$(MAKE) --no-print-directory test-release
	CONVMAT_PYTHON=$(abspath $(PYTHON)) $(SWIFT) test

# Each command must exit as stated, and the summary must say what it is.
test-release: deps
	$(SWIFT) build -c release
	@set -o pipefail; \
	COLUMNS=80 $(RELEASE_CONVMAT) show $(ALEXNET_CONV1) | grep -q 'shown from the compressed sparse form' && \
	$(RELEASE_CONVMAT) show $(ALEXNET_CONV1) --max-memory 1200M | grep -q '105,415,200 structural nonzeros' && \
	$(RELEASE_CONVMAT) show alexnet --layer conv1 | grep -q 'block (1, 1) of Wᵀ' && \
	{ $(RELEASE_CONVMAT) show $(ALEXNET_CONV1) --format csv >/dev/null 2>.build/test-release.err; test $$? = 2; } && \
	grep -q 'text summary' .build/test-release.err && \
	{ $(RELEASE_CONVMAT) invert $(ALEXNET_CONV1) >/dev/null 2>.build/test-release.err; test $$? = 2; } && \
	$(RELEASE_CONVMAT) check $(ALEXNET_CONV1) | grep -q 'seeded sample of 2,048' && \
	$(RELEASE_CONVMAT) show $(ALEXNET_CONV1) --format svg --spy | grep -q '105,415,200 nonzeros' && \
	$(RELEASE_CONVMAT) show $(ALEXNET_CONV1) --format json --max-flops 1e12 | tail -c 200 | grep -q '"weight_parameters":34848' && \
	$(RELEASE_CONVMAT) count alexnet >/dev/null && \
	$(RELEASE_CONVMAT) check 'ReLU()' --input 96x55x55 | grep -q 'of 290,400 rows' && \
	$(RELEASE_CONVMAT) check 'MaxPool2d(3, stride=2)' --input 96x55x55 | grep -q 'verdict: passed' && \
	$(RELEASE_CONVMAT) check 'Linear(9216, 4096)' --input 9216 | grep -q 'of 37,748,736 weights' && \
	{ $(RELEASE_CONVMAT) check alexnet >/dev/null 2>.build/test-release.err; test $$? = 2; } && \
	grep -q 'checking alexnet on 3x227x227 would take about' .build/test-release.err && \
	$(RELEASE_CONVMAT) check alexnet --max-memory 7G --max-flops 1e12 >.build/test-release.out && \
	grep -q 'verdict: passed — 19 layers' .build/test-release.out && \
	grep -q '^∂E/∂x: ' .build/test-release.out && \
	echo "test-release: AlexNet conv1, ReLU, max pooling, fc6 and check alexnet on the release binary passed" || \
	{ echo "test-release: FAILED"; exit 1; }

# The README teaser is the real output of `convmat demo slide`; a test fails when it is stale.
readme: build
	@scripts/update-readme.sh

# One style for all the code (.swift-format); `make format` applies it.
lint: swift-toolchain
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

format: swift-toolchain
	$(SWIFT) format format --in-place --recursive Sources Tests Package.swift

# Regenerates every pinned output (golden files, docs/images, the README teaser) from
# the real code; read `git diff` before committing.
regenerate: build
	CONVMAT_UPDATE_GOLDEN=1 $(SWIFT) test
	@scripts/update-readme.sh

# The pictures in docs/images and docs/guide/images (a test fails when they are stale;
# each guide picture is made by the `convmat … --output docs/guide/images/NAME.svg` line of its page).
docs-images: build
	CONVMAT_UPDATE_GOLDEN=1 $(SWIFT) test --filter 'docsImagesAreCurrent|guideImagesAreCurrent'

clean:
	rm -rf .build $(VENV)
