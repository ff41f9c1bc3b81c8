# Annals — the two set-up commands are `make study` and `make test`.
SWIFT ?= swift
DECK ?= Decks/kalbajar.yaml

.PHONY: deps build release study test test-swift test-e2e bench screenshots clean

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product annals

## Builds in release mode and starts a study session on the Kalbajar deck with the default store.
study: release
	@$$($(SWIFT) build -c release --show-bin-path)/annals study $(DECK)

## Runs the whole test suite: Swift unit tests, then end-to-end tests of the built binary.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@scripts/test-e2e

## Prints benchmark figures (release build).
bench: deps
	$(SWIFT) run -c release AnnalsBench

## Renders the learner and class HTML reports of seeded simulations to docs/*.png with headless Chromium.
screenshots: deps
	@scripts/screenshots.sh

clean:
	rm -rf .build
