# Annals — the two set-up commands are `make study` and `make test`.
SWIFT ?= swift
DECK ?= Decks/kalbajar.yaml
PREFIX ?= /usr/local

.PHONY: deps build release install uninstall study test fuzz sanitize bench bench-inprocess bench-optimizer bench-study bench-scale bench-server screenshots clean

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product annals

## Installs the release annals in $(PREFIX)/bin (default /usr/local; DESTDIR=dir stages the tree), with bash, zsh
## and fish completions and the man page annals.1 generated from it; ANNALS_BIN=path installs that binary instead.
install: deps
	@PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" SWIFT="$(SWIFT)" ANNALS_BIN="$(ANNALS_BIN)" scripts/install

## Removes what `make install` put under $(PREFIX) (and DESTDIR).
uninstall:
	@PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" scripts/install --uninstall

## Builds in release mode and starts a study session on the Kalbajar deck with the default store.
study: release
	@$$($(SWIFT) build -c release --show-bin-path)/annals study $(DECK)

## Runs the whole test suite: Swift unit tests, then end-to-end tests of the built binary.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@scripts/test-e2e

## The libFuzzer targets, FUZZ_SECONDS (default 45) each, on their seed corpora (Tests/Fuzz/Corpus).
fuzz: deps
	@scripts/fuzz

## The unit tests under AddressSanitizer and ThreadSanitizer (.build-asan, .build-tsan).
sanitize: deps
	@scripts/sanitize

## Prints benchmark figures (release build): every in-process benchmark, then the optimizer against fsrs-rs,
## the study session's latency through a pseudo-terminal, and library scale beside Anki, sqlite3 and PyYAML.
bench: deps bench-inprocess bench-optimizer bench-study bench-scale bench-server

bench-inprocess: deps
	$(SWIFT) run -c release AnnalsBench

## Annals' optimizer side by side with fsrs-rs-python 0.9.3 (pip-installs it into .venv-bench/ on first use).
bench-optimizer: deps
	@scripts/bench-optimizer.sh

## Launch-to-first-prompt and answer-to-next-card through a real pty, on Kalbajar and a 50,000-card store.
bench-study: deps
	$(SWIFT) build -c release
	@scripts/bench-study

## A 5,000-event deck with 1,000,000 reviews beside the real Anki 26.9.3 (pip-installed into .venv-anki-bench/),
## sqlite3 and PyYAML's C loader: launch to first card, JSON report, bytes per review, card build, memory.
bench-scale: deps
	$(SWIFT) build -c release
	@scripts/bench-scale

## The class server under load on loopback: 300 students' 'annals sync' (200 reviews each), 16 at a time, on SQLite
## and on a PostgreSQL cluster of its own, side by side (reviews stored, requests/s, p50/p99 sync, server memory).
bench-server: deps
	@scripts/bench-server

## Renders the learner and class HTML reports of seeded simulations to docs/*.png with headless Chromium.
screenshots: deps
	@scripts/screenshots.sh

clean:
	rm -rf .build
