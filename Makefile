# Textgate: `make run` opens the app, `make test` runs every test. Both install what is missing
# first (Debian/Ubuntu system packages via apt-get, npm packages via npm ci).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# Two cores on CI: keep cargo and the test runners from oversubscribing them.
export CARGO_BUILD_JOBS ?= 2
export CARGO_TERM_COLOR ?= never
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
TARGET_DIR := $(CURDIR)/target
APP_BIN := $(TARGET_DIR)/debug/textgate
CLI_BIN := $(TARGET_DIR)/debug/textgate-cli
TOOLS_DIR := $(TARGET_DIR)/tools
# The Tauri bundler, pinned (with its Linux binary package) in ui/package-lock.json.
TAURI := $(CURDIR)/ui/node_modules/.bin/tauri

BUILD_PACKAGES := libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev \
	libayatana-appindicator3-dev librsvg2-dev pkg-config
TEST_PACKAGES := xvfb xauth webkit2gtk-driver dbus dbus-x11 gnome-keyring libsecret-tools \
	chromium fonts-dejavu-core imagemagick golang-go lintian locales xdotool

.PHONY: help deps deps-system deps-npm deps-e2e ui run build test test-rust test-ui test-e2e test-package package lint bindings clean bench \
	fuzz fuzz-smoke lint-workflows

help:
	@echo "make run    install what is missing, build, and open Textgate"
	@echo "make test   install what is missing, then lint and run every test"
	@echo "make package  the Linux packages (.deb, .rpm) in target/release/bundle/"
	@echo "make lint   workflow checks, rustfmt check, clippy -D warnings, TypeScript/Svelte type check"
	@echo "make fuzz   run every fuzz target for FUZZ_SECONDS (default 60) each"
	@echo "make lint-workflows  check .github/workflows offline (JSON schema, zizmor)"

deps: deps-system deps-npm

deps-system:
	@./.ci/install-system-packages $(BUILD_PACKAGES) $(TEST_PACKAGES)

deps-npm: ui/node_modules/.installed tests/e2e/node_modules/.installed

ui/node_modules/.installed: ui/package.json ui/package-lock.json
	cd ui && npm ci --no-fund --no-audit
	@touch $@

tests/e2e/node_modules/.installed: tests/e2e/package.json tests/e2e/package-lock.json
	cd tests/e2e && npm ci --no-fund --no-audit
	@touch $@

# tauri-driver bridges WebDriver to the real app window; built once into target/tools.
deps-e2e: $(TOOLS_DIR)/bin/tauri-driver
$(TOOLS_DIR)/bin/tauri-driver:
	cargo install tauri-driver --version "^2" --locked --root $(TOOLS_DIR)

ui: deps-npm
	cd ui && npm run build

build: deps ui
	cargo build --workspace

run: build
	./.ci/run-app $(APP_BIN)

bindings:
	UPDATE_BINDINGS=1 cargo test --test bindings

lint: lint-workflows deps ui
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets --locked -- -D warnings
	cd ui && npm run check

# The GitHub workflows cannot run here: check them offline against the workflow JSON schema
# (check-jsonschema's bundled copy) and with zizmor's security audits (its offline ones; see
# .github/zizmor.yml). Both come from PyPI, pinned, into a venv under target/tools, once
# (Debian's python3-venv is installed first if the system Python cannot make a venv).
WORKFLOW_VENV := $(TOOLS_DIR)/venv
CHECK_JSONSCHEMA_VERSION := 0.39.0
ZIZMOR_VERSION := 1.32.0
WORKFLOW_TOOLS_STAMP := $(WORKFLOW_VENV)/.installed-$(CHECK_JSONSCHEMA_VERSION)-$(ZIZMOR_VERSION)
WORKFLOWS := $(wildcard .github/workflows/*.yml)

lint-workflows: $(WORKFLOW_TOOLS_STAMP)
	$(WORKFLOW_VENV)/bin/check-jsonschema --builtin-schema vendor.github-workflows $(WORKFLOWS)
	$(WORKFLOW_VENV)/bin/zizmor --offline --no-progress --config .github/zizmor.yml .github/workflows
	@grep -qF -- '$(BUILD_PACKAGES)' .github/workflows/release.yml || \
		{ echo "release.yml must install the Makefile's BUILD_PACKAGES: $(BUILD_PACKAGES)" >&2; exit 1; }

$(WORKFLOW_TOOLS_STAMP):
	rm -rf $(WORKFLOW_VENV)
	python3 -m venv $(WORKFLOW_VENV) || { rm -rf $(WORKFLOW_VENV); \
		./.ci/install-system-packages python3-venv && python3 -m venv $(WORKFLOW_VENV); }
	$(WORKFLOW_VENV)/bin/pip install --quiet --no-input --disable-pip-version-check \
		check-jsonschema==$(CHECK_JSONSCHEMA_VERSION) zizmor==$(ZIZMOR_VERSION)
	@touch $@

test: deps ui lint test-rust fuzz-smoke test-ui test-e2e test-package

# Under with-desktop: the CLI tests use the real Secret Service (a throwaway gnome-keyring).
test-rust:
	./.ci/with-desktop cargo nextest run --workspace --locked --test-threads 2 --no-fail-fast

# The browser tests render templates with the real engine through core's preview pipe.
test-ui: deps-npm
	cargo build --workspace --example template_preview_pipe --locked
	cd ui && npm test

test-e2e: deps deps-e2e ui
	cargo build --workspace --locked
	./.ci/with-desktop node tests/e2e/journey.mjs $(APP_BIN) $(TOOLS_DIR)/bin/tauri-driver $(CLI_BIN)

# The debug .deb (reusing the test build) installed with apt-get on this machine, its files
# checked, the installed app started under Xvfb and screenshotted, the installed CLI run, the
# package removed again: see .ci/package-test.
test-package: deps
	TAURI=$(TAURI) ./.ci/package-test

# The Linux packages, release profile: target/release/bundle/{deb,rpm}/. The bundler writes both
# itself (no dpkg-deb or rpmbuild); AppImage needs linuxdeploy from the internet, so the release
# pipeline builds that one. lintian fails on any error in the .deb.
package: deps
	$(TAURI) build --ci --bundles deb,rpm
	lintian --fail-on error target/release/bundle/deb/Textgate_$$(node -p 'require("./tauri.conf.json").version')_amd64.deb

# Not part of `make test`: one release run measuring the harness against references side by
# side (burst vs oha, receiver vs a bare hyper server, webitel_sign vs openssl speed) and
# printing the ratios. oha is built once into target/tools.
bench: deps-system $(TOOLS_DIR)/bin/oha
	@./.ci/install-system-packages openssl
	cargo run --release --locked -p textgate-core --example harness_bench -- $(TOOLS_DIR)/bin/oha

# Coverage-guided fuzzing (cargo-fuzz, libFuzzer) of what Textgate reads from outside, on the
# stable toolchain (`--sanitizer none`): `.ci/fuzz SECONDS TARGET...` builds once, then runs each
# target for SECONDS. A crash or hang fails the run and leaves its input in
# target/fuzz-artifacts/<target>/. `fuzz-smoke` (part of `make test`) gives each a few seconds.
# cargo-fuzz is built once into target/tools.
FUZZ_TARGETS := template inbound_chat standard_webhooks admin_answer history_replay
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 6
CARGO_FUZZ := $(TOOLS_DIR)/bin/cargo-fuzz

fuzz: $(CARGO_FUZZ)
	CARGO_FUZZ=$(CARGO_FUZZ) ./.ci/fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

fuzz-smoke: $(CARGO_FUZZ)
	CARGO_FUZZ=$(CARGO_FUZZ) ./.ci/fuzz $(FUZZ_SMOKE_SECONDS) $(FUZZ_TARGETS)

$(CARGO_FUZZ):
	cargo install cargo-fuzz --version "^0.13" --locked --root $(TOOLS_DIR)

$(TOOLS_DIR)/bin/oha:
	cargo install oha --locked --root $(TOOLS_DIR)

clean:
	cargo clean
	rm -rf ui/node_modules ui/dist tests/e2e/node_modules
