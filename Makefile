# PeerPath. `make serve` builds and serves the demo page; `make test` runs every test.
# Each target installs what it needs on a fresh Debian machine with rustup, and skips what is
# already there.

SHELL := /bin/bash
.DEFAULT_GOAL := build
WASM_TARGET := wasm32-unknown-unknown
# The wasm-bindgen CLI must match the library version in Cargo.lock exactly.
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"$$/\1/p;}' Cargo.lock)
PKG := www/pkg
API_PKG := www/api
# The widget's module is built with this pinned nightly: `-Cpanic=immediate-abort`, with core and
# alloc rebuilt for it (build-std), turns every panic into a trap at once, which leaves out the
# message formatting that bounds checks otherwise keep in the download (-7 KB gzip, BENCHMARKS.md).
# A panic was a trap already (`panic = "abort"`); the page's shell handles both the same way.
# `-Zlocation-detail=none` leaves source paths out of it (smaller, and no build machine's paths).
# Everything else (tests, the scoring API module, check-config) uses stable.
NIGHTLY := nightly-2026-05-20
SHIP_CARGO := RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" cargo +$(NIGHTLY) build --release \
  --target $(WASM_TARGET) --lib --no-default-features -Zbuild-std=core,alloc
PORT ?= 8000
CARGO_BIN := $(HOME)/.cargo/bin
export PATH := $(CARGO_BIN):$(PATH)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: build dist release serve test test-native test-wasm test-js test-browser test-release test-wordpress wordpress-tools bench fuzz tools wasm-tools node-runtime node-tools browser-tools clean

## Tools ---------------------------------------------------------------------------------------

wasm-tools:
	@rustup target list --installed | grep -qx '$(WASM_TARGET)' || rustup target add $(WASM_TARGET)
	@rustup run $(NIGHTLY) rustc --version >/dev/null 2>&1 && [ -d "$$(rustup run $(NIGHTLY) rustc --print sysroot)/lib/rustlib/src/rust/library" ] || \
	  rustup toolchain install $(NIGHTLY) --profile minimal --component rust-src
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
	  echo "Installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 4 minutes, once)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force; \
	fi

# Node.js runs the JavaScript tests; Debian's packages when the machine has none.
node-runtime:
	@command -v node >/dev/null && command -v npm >/dev/null || \
	  { $(SUDO) apt-get update && $(SUDO) apt-get install -y nodejs npm; }

# npm packages for the JavaScript tests; reinstalled only when package-lock.json changes.
node_modules/.installed: package.json package-lock.json | node-runtime
	npm ci --no-audit --no-fund
	@mkdir -p node_modules && touch $@

node-tools: node_modules/.installed

# Debian's Chromium and its driver, for the browser tests (never a browser downloaded by npm).
browser-tools:
	@[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || \
	  { $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium chromium-driver; }

# Debian's WordPress, MariaDB and PHP, for the plugin's test in a real WordPress.
wordpress-tools:
	@command -v php >/dev/null && command -v mysqld_safe >/dev/null && [ -f /usr/share/wordpress/wp-load.php ] || \
	  { $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y wordpress mariadb-server php-cli php-mysql; }

tools: wasm-tools node-tools browser-tools

## Build ---------------------------------------------------------------------------------------

build: wasm-tools
	@# The widget's module: what a visitor downloads, one for every language.
	$(SHIP_CARGO) --target-dir target/ship
	wasm-bindgen --target web --out-dir $(PKG) --out-name peerpath \
	  --remove-name-section --remove-producers-section \
	  target/ship/$(WASM_TARGET)/release/peerpath.wasm
	@# Each language as the page fetches it beside the module (pkg/strings/<tag>.txt), and the
	@# words the shell draws before the module has loaded (pkg/languages.js).
	rm -rf $(PKG)/strings $(PKG)/es
	python3 tools/languages.py src/strings $(PKG)
	@# The scoring API module (evaluate, questionnaire, checkConfig) for a center's own tools;
	@# the widget never loads it.
	cargo build --release --target $(WASM_TARGET) --lib --target-dir target/api
	wasm-bindgen --target web --out-dir $(API_PKG) --out-name peerpath --no-typescript \
	  --remove-name-section --remove-producers-section \
	  target/api/$(WASM_TARGET)/release/peerpath.wasm
	@echo "Built $(PKG)/peerpath_bg.wasm: $$(wc -c < $(PKG)/peerpath_bg.wasm) B, $$(gzip -9 -c $(PKG)/peerpath_bg.wasm | wc -c) B gzip"

# The files a center copies to its site: the shell, the stylesheet and the module, with the
# JavaScript and CSS minified (esbuild from the test packages; www/ keeps the readable sources).
dist: build node-tools
	rm -rf dist && mkdir -p dist/pkg
	@# The shell with the languages' words bundled in (pkg/languages.js), so the welcome waits
	@# for no other file.
	npx esbuild --log-level=warning --bundle --minify --format=esm www/peer-path.js --outfile=dist/peer-path.js
	@# The module as wasm-bindgen wrote it, its glue minified.
	cp $(PKG)/peerpath_bg.wasm dist/pkg/
	npx esbuild --log-level=warning --minify --format=esm $(PKG)/peerpath.js --outfile=dist/pkg/peerpath.js
	npx esbuild --log-level=warning --minify www/peer-path.css --outfile=dist/peer-path.css
	@# Isolated mode: the page for the iframe, its script, and the host page's element.
	cp www/embed.html dist/
	@# The configurator: a form for the config, checked and previewed on the page.
	cp www/configure.html dist/
	npx esbuild --log-level=warning --minify --format=esm www/configure.js --outfile=dist/configure.js
	npx esbuild --log-level=warning --minify www/configure.css --outfile=dist/configure.css
	npx esbuild --log-level=warning --minify --format=esm www/peer-path-explain.js --outfile=dist/peer-path-explain.js
	npx esbuild --log-level=warning --minify --format=esm www/peer-path-problems.js --outfile=dist/peer-path-problems.js
	npx esbuild --log-level=warning --minify --format=esm www/embed.js --outfile=dist/embed.js
	npx esbuild --log-level=warning --minify www/peer-path-frame.js --outfile=dist/peer-path-frame.js
	cp -r $(PKG)/strings dist/pkg/
	@# The scoring API module, for a center's own tools; not part of the widget's download.
	mkdir -p dist/api && cp $(API_PKG)/peerpath.js $(API_PKG)/peerpath_bg.wasm dist/api/
	@echo "dist/ is ready: copy it to your site and add the script tag and the element (README)."

# What a center installs (distribution.md): release/peerpath-V.zip (the widget's files, docs,
# an example config), release/peerpath-V.tgz (the same as an npm package, with
# peerpath-check and peerpath-sync-feed, which need Node.js only) and
# release/peerpath-wp-V.zip (the WordPress plugin, wordpress/peerpath/).
release: dist node-runtime
	node tools/release.mjs

serve: build
	@echo "Serving www/ at http://127.0.0.1:$(PORT)/"
	python3 -m http.server --bind 127.0.0.1 --directory www $(PORT)

## Tests ---------------------------------------------------------------------------------------

test: test-native test-wasm test-js test-browser test-release test-wordpress

# Formatting and lints first: they fail in seconds. Clippy also sees the two wasm builds (the
# widget's module, without "full"; the scoring API module, with it).
test-native: wasm-tools
	@rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target $(WASM_TARGET) --lib --no-default-features -- -D warnings
	cargo clippy --target $(WASM_TARGET) --lib -- -D warnings
	cargo test

test-wasm: wasm-tools
	cargo test --target $(WASM_TARGET) --test wasm

test-js: dist node-tools
	node --test tests/js/

# A test-only build with fault injection (src/guard.rs), for the browser test of what a visitor
# sees after a bug. Kept apart in target/fault; never copied to www/ or dist/.
FAULT_PKG := target/fault/pkg
$(FAULT_PKG)/peerpath_bg.wasm: $(shell find src -type f) Cargo.toml Cargo.lock | wasm-tools
	$(SHIP_CARGO) --features fault-injection --target-dir target/fault
	wasm-bindgen --target web --out-dir $(FAULT_PKG) --out-name peerpath \
	  target/fault/$(WASM_TARGET)/release/peerpath.wasm

test-browser: dist $(FAULT_PKG)/peerpath_bg.wasm node-tools browser-tools
	node --test --test-concurrency=1 --test-timeout=300000 tests/browser/

# Each release artifact installed from the file alone into a clean directory, its commands run
# with Node.js only, peerpath-sync-feed against local servers that are slow, huge, wrong or down.
test-release: release
	node --test --test-concurrency=1 --test-timeout=120000 tests/release/

# The WordPress plugin in a real WordPress, MariaDB and PHP (Debian's), started by the test: the
# plugin installed from its zip, configured by an administrator and used by a visitor in Chromium.
test-wordpress: release wordpress-tools browser-tools
	node --test --test-concurrency=1 --test-timeout=300000 tests/wordpress/

## Fuzzing ---------------------------------------------------------------------------------------

# `make fuzz` fuzzes the three readers of outside input for FUZZ_SECONDS each: coverage-guided
# with cargo-fuzz (libFuzzer) when a nightly toolchain can be had, then the stable mutation
# fuzzer of tests/fuzz.rs. Seeds: tests/fuzz/corpus/ (never written to); what libFuzzer learns
# goes to target/fuzz/work/, inputs that panic to target/fuzz/crashes/. `make test` replays
# the seeds.
FUZZ_SECONDS ?= 300
FUZZ_TARGETS := answers config meeting_guide

fuzz:
	@if rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal; then \
	  command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz; \
	  for t in $(FUZZ_TARGETS); do \
	    mkdir -p target/fuzz/work/$$t target/fuzz/crashes/$$t; \
	    echo "libFuzzer: $$t for $(FUZZ_SECONDS) s"; \
	    cargo +nightly fuzz run --fuzz-dir fuzz $$t target/fuzz/work/$$t tests/fuzz/corpus/$$t -- \
	      -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=target/fuzz/crashes/$$t/ -print_final_stats=1 || exit 1; \
	  done; \
	else echo "No nightly toolchain here: the stable mutation fuzzer only."; fi
	FUZZ_SECONDS=$(FUZZ_SECONDS) cargo test --release --test fuzz -- --ignored --nocapture

## Benchmarks ------------------------------------------------------------------------------------

# Tools only the benchmarks use (Lighthouse), kept apart so `make test` stays light.
tools/bench/node_modules/.installed: tools/bench/package.json tools/bench/package-lock.json
	cd tools/bench && npm ci --no-audit --no-fund
	@touch $@

# Writes BENCHMARKS.md: sizes, time to the first question, Lighthouse, heap, evaluate timings.
bench: dist node-tools browser-tools tools/bench/node_modules/.installed
	node tools/bench.mjs

clean:
	cargo clean
	rm -rf $(PKG) $(API_PKG) dist node_modules
