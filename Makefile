# orgclose: the two commands users need are `make demo` and `make test`.
SWIFT ?= swift
SOURCES := Sources Tests Package.swift
BIN := .build/debug/orgclose
SAMPLE ?= acme

.PHONY: all build demo test lint format goldens release clean fuzz

all: build

build:
	$(SWIFT) build --product orgclose

# Plans the sample organization and prints the plan to the terminal.
demo: build
	$(BIN) plan Samples/$(SAMPLE)/org.snapshot.json --policy Samples/$(SAMPLE)/closure.policy.json

# Everything, from a fresh clone.
test:
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

lint:
	$(SWIFT) format lint --strict --recursive $(SOURCES)

format:
	$(SWIFT) format format --in-place --recursive $(SOURCES)

# Re-records the golden files under Samples/ (the tests still fail once, by design).
goldens:
	-RECORD_GOLDENS=1 $(SWIFT) test --filter Golden
	git diff --stat -- Samples

# Fuzzes the readers, the planner and the renderers (FUZZ_SECONDS, default 180).
fuzz:
	scripts/fuzz.sh

release:
	$(SWIFT) build -c release --product orgclose

clean:
	rm -rf .build
