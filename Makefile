# osteoviz — build, serve and test.
#
#   make run     build the release web app and serve it on http://127.0.0.1:$(PORT)/
#   make test    lints, native tests, wasm component tests and Playwright e2e tests; first
#                installs Debian's chromium + chromium-driver + a font when missing (as root;
#                otherwise prints the command and fails the browser suites: scripts/browser-deps.sh)
#
# Everything comes from crates.io, npm and Debian (no other downloads): wasm-bindgen-cli is
# `cargo install`ed into .tools/, wasm-opt is the npm package binaryen, browsers are Debian's
# chromium + chromium-driver (apt-get). trunk is installed only by `make serve`, which uses it.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

TRUNK_VERSION        := 0.21.14
WASM_BINDGEN_VERSION := 0.2.130
WASM_TARGET          := wasm32-unknown-unknown
PORT                 ?= 8080
RAY_LANGS            := es fr en

TOOLS := $(CURDIR)/.tools
LOGS  := $(CURDIR)/target/test-logs

# wasm-bindgen (.tools/bin) and wasm-opt (node_modules/.bin) are found on PATH.
export PATH := $(TOOLS)/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export TEST_LOGS := $(LOGS)

CHROMEDRIVER ?= /usr/bin/chromedriver

# The shipped wasm is built with a pinned nightly that rebuilds the standard library for size
# (opt-level z) with panics that abort at once: no panic messages, locations or the formatting
# code behind them in the page (−25 kB gzip of the .wasm, see README "Performance"). Lints and
# the wasm tests stay on stable; the Playwright tests run this build.
WASM_NIGHTLY := nightly-2026-05-20
WASM_RELEASE_ENV := \
	RUSTUP_TOOLCHAIN=$(WASM_NIGHTLY) \
	CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"

# wasm-bindgen-test-runner drives Chromium through chromedriver; see webdriver.json.
WASM_TEST_ENV := \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	CHROMEDRIVER=$(CHROMEDRIVER) \
	WASM_BINDGEN_TEST_WEBDRIVER_JSON=$(CURDIR)/webdriver.json \
	WASM_BINDGEN_TEST_TIMEOUT=180 \
	WASM_BINDGEN_TEST_DRIVER_TIMEOUT=30

.PHONY: help tools tools-build tools-rust tools-node tools-serve build dist run serve bench fuzz \
	test lint lint-fmt lint-clippy lint-clippy-wasm test-native test-wasm test-e2e clean

help:
	@echo "make run       build the release app and serve it on http://127.0.0.1:$(PORT)/ (PORT=... to change)"
	@echo "make test      fmt + clippy, native cargo tests, wasm tests in headless Chromium, Playwright e2e"
	@echo "make build     release build into dist/ (make dist also prints the sizes)"
	@echo "make bench     benchmarks with budgets; table on stdout, figures in target/bench.json"
	@echo "make fuzz      FUZZ_CASES (10^6) arbitrary queries and state sequences through the whole pipeline"
	@echo "make serve     trunk serve --release with rebuild + reload on changes, on port $(PORT)"
	@echo "make tools     install $(WASM_NIGHTLY) (rust-src), wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (.tools/), npm packages, rustfmt, clippy"
	@echo "make clean     remove dist/, target/ build output and test logs"

# ---------------------------------------------------------------- tools
# tools-build: what `make run` needs; tools-rust adds what the tests and lints need.
tools: tools-build tools-rust

tools-build: tools-node
	@rustup run $(WASM_NIGHTLY) rustc --print sysroot 2>/dev/null | xargs -I{} test -d {}/lib/rustlib/src/rust/library \
		&& rustup target list --installed --toolchain $(WASM_NIGHTLY) | grep -qx $(WASM_TARGET) \
		|| rustup toolchain install $(WASM_NIGHTLY) --profile minimal \
			--component rust-src --target $(WASM_TARGET)
	@# Built unoptimised and without TLS (it only talks to a local chromedriver): 1 min instead
	@# of 2.5 on a fresh 2-core machine; it then takes 0.5 s instead of 0.1 s a bundle.
	@if ! "$(TOOLS)/bin/wasm-bindgen" --version 2>/dev/null | grep -qx "wasm-bindgen $(WASM_BINDGEN_VERSION)" \
		|| ! "$(TOOLS)/bin/wasm-bindgen-test-runner" --version >/dev/null 2>&1; then \
		echo "==> installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) into .tools/"; \
		CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_LTO=false \
		CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_DEBUG=false \
			cargo install --force --no-default-features --root "$(TOOLS)" \
			wasm-bindgen-cli@$(WASM_BINDGEN_VERSION); \
	fi

tools-rust:
	@rustup target list --installed 2>/dev/null | grep -qx $(WASM_TARGET) \
		|| rustup target add $(WASM_TARGET)
	@cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
	@cargo clippy --version >/dev/null 2>&1 || rustup component add clippy

# Only `make serve` uses trunk (its dev server rebuilds and reloads); installed on first use.
tools-serve: tools-build
	@if ! "$(TOOLS)/bin/trunk" --version 2>/dev/null | grep -qx "trunk $(TRUNK_VERSION)"; then \
		echo "==> installing trunk $(TRUNK_VERSION) into .tools/ for make serve (takes a few minutes)"; \
		cargo install --locked --root "$(TOOLS)" trunk@$(TRUNK_VERSION); \
	fi
	@# trunk builds with `cargo --offline` (Trunk.toml), so fetch the crates first.
	@cargo +$(WASM_NIGHTLY) fetch --quiet -Zbuild-std=std,panic_abort --target $(WASM_TARGET)

tools-node: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# ---------------------------------------------------------------- build / run
# One pipeline for every bundle: cargo (pinned nightly, flags above), wasm-bindgen --target web,
# wasm-opt -Oz, then the scripts:
#   scripts/page.mjs         www/index.html + the whole app → dist/ (hashed names, integrity)
#   scripts/csp.mjs          a strict Content-Security-Policy <meta>
#   scripts/single-file.mjs  dist/osteoviz.html: the whole app, every language, in one file
#   scripts/split.mjs        the page boots the smaller single-ray bundle of its language unless
#                            its URL asks for a plan (boot-HASH.js); minifies glue and CSS
# The whole app (osteoviz-web) holds the single-ray page and the forefoot plan page in every
# language; the single-ray bundle is the same binary without the `plan` and `about-panel`
# features, built once per interface language.
WASM_OUT := target/web
# scripts/wasm-bundle.sh BINARY OUT_DIR CARGO-FLAGS: cargo build, wasm-bindgen, wasm-opt (the
# last two skipped when nothing changed).
wasm_bundle = $(WASM_RELEASE_ENV) scripts/wasm-bundle.sh

build: tools-build
	$(wasm_bundle) osteoviz-web $(WASM_OUT)/app
	@# English last: make bench names its contributors from the last build.
	for lang in $(RAY_LANGS); do \
		$(wasm_bundle) osteoviz-web $(WASM_OUT)/ray/$$lang --no-default-features --features lang-$$lang; \
	done
	node scripts/page.mjs --app $(WASM_OUT)/app
	node scripts/csp.mjs
	node scripts/single-file.mjs
	node scripts/split.mjs --ray $(WASM_OUT)/ray

# dist/ is a static site with relative URLs (serve it from any folder); osteoviz.html
# is the same app in one self-contained file that also works from file:// offline.
dist: build
	@printf '%-44s %10s %10s\n' 'file' 'bytes' 'gzip -9'; \
	total=0; gz_total=0; \
	for f in $$(find dist -type f ! -name osteoviz.html | LC_ALL=C sort); do \
		raw=$$(stat -c %s "$$f"); gz=$$(gzip -9c "$$f" | wc -c); \
		total=$$((total + raw)); gz_total=$$((gz_total + gz)); \
		printf '%-44s %10d %10d\n' "$$f" "$$raw" "$$gz"; \
	done; \
	printf '%-44s %10d %10d\n' 'dist/ total (both bundles; per page: make bench)' "$$total" "$$gz_total"; \
	f=dist/osteoviz.html; \
	printf '%-44s %10d %10d\n' "$$f (single file)" "$$(stat -c %s $$f)" "$$(gzip -9c $$f | wc -c)"

# Benchmarks with budgets (scripts/bench.mjs): native model + scene (criterion), input → paint
# and cold start in headless Chromium, sizes. Table on stdout, figures in target/bench.json.
bench: dist tools-node
	node scripts/bench.mjs

run: build
	@echo "==> osteoviz: http://127.0.0.1:$(PORT)/  (release build from dist/, Ctrl-C to stop)"
	@node scripts/serve-dist.mjs --dir dist --host 127.0.0.1 --port $(PORT)

# Development server: trunk (installed on first use) rebuilds the whole app on changes in src/
# and www/ and reloads the page; no CSP, single file or split (use make run for those).
serve: tools-serve
	$(WASM_RELEASE_ENV) trunk serve --release --address 127.0.0.1 --port $(PORT)

# ---------------------------------------------------------------- tests
test: tools
	@rm -rf "$(LOGS)" && mkdir -p "$(LOGS)"
	@start=$$(date +%s); status=0; browser=1; \
	scripts/browser-deps.sh || browser=0; \
	scripts/run-suite.sh lint $(MAKE) -k lint || status=1; \
	scripts/run-suite.sh native $(MAKE) test-native || status=1; \
	if [ $$browser = 1 ]; then \
		scripts/run-suite.sh wasm $(MAKE) test-wasm || status=1; \
		scripts/run-suite.sh e2e $(MAKE) test-e2e || status=1; \
	else \
		for suite in wasm e2e; do echo "no browser: scripts/browser-deps.sh" >"$(LOGS)/$$suite.skipped"; done; \
		status=1; \
	fi; \
	echo "==> make test: $$(( $$(date +%s) - start )) s"; \
	node scripts/summarise-tests.mjs "$(LOGS)" || status=1; \
	exit $$status

# Every suite runs even when an earlier one fails; `make -k lint` runs all three checks.
lint: lint-fmt lint-clippy lint-clippy-wasm

lint-fmt:
	cargo fmt --all -- --check --color never

lint-clippy: tools-rust
	cargo clippy --all-targets -- -D warnings

# The UI (src/ui) and tests/web.rs only exist for wasm32.
lint-clippy-wasm: tools-rust
	cargo clippy --target $(WASM_TARGET) --lib --bin osteoviz-web --test web --test web_numtext -- -D warnings
	cargo clippy --target $(WASM_TARGET) --bin osteoviz-web --no-default-features --features lang-en -- -D warnings

# tests/fuzz.rs runs 500 cases a property in the plain (debug) run and 50,000 (100,000 in
# all) in the optimised `fuzz` profile.
test-native: tools-rust
	cargo test --no-fail-fast
	cargo test --profile fuzz --test fuzz

# Fuzzing at scale: FUZZ_CASES arbitrary query strings and as many arbitrary state sequences
# through parse, model, scene and text (tests/fuzz.rs, optimised `fuzz` profile); prints the
# count, the time and the result. A failure prints its minimal case and is kept in
# tests/fuzz.proptest-regressions, which `make test` replays.
FUZZ_CASES ?= 1000000
fuzz: tools-rust
	@mkdir -p target
	@start=$$(date +%s); \
	OSTEOVIZ_FUZZ_CASES=$(FUZZ_CASES) cargo test --profile fuzz --test fuzz -- \
		arbitrary_query_strings arbitrary_states 2>&1 | tee target/fuzz.log; \
	status=$${PIPESTATUS[0]}; \
	echo "==> make fuzz: $(FUZZ_CASES) query strings + $(FUZZ_CASES) state sequences in $$(( $$(date +%s) - start )) s: $$(grep -o '[0-9]* passed; [0-9]* failed' target/fuzz.log | tail -1) (properties)"; \
	exit $$status

test-wasm: tools-rust tools-build
	$(WASM_TEST_ENV) cargo test --no-fail-fast --target $(WASM_TARGET) --test web --test web_numtext

test-e2e: build tools-node
	@mkdir -p "$(LOGS)"
	playwright test

# ---------------------------------------------------------------- clean
clean:
	rm -rf dist target/playwright target/test-logs test-results playwright-report
	cargo clean
