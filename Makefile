# orgclose: the two commands users need are `make demo` and `make test`.
SWIFT ?= swift
SOURCES := Sources Tests Package.swift
BIN := .build/debug/orgclose
SAMPLE ?= acme

.PHONY: all build demo test tools lint format goldens release clean fuzz install man

all: build

build:
	$(SWIFT) build --product orgclose

# Plans the sample organization and prints the plan to the terminal.
demo: build
	$(BIN) plan Samples/$(SAMPLE)/org.snapshot.json --policy Samples/$(SAMPLE)/closure.policy.json

# Everything, from a fresh clone: unformatted code fails it, as any failing test does.
test: tools
	$(MAKE) --no-print-directory lint
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# moto (a local AWS Organizations server) and the AWS CLI for the snapshot integration tests,
# installed once into .tools/venv; the stamp names the versions, so changing them reinstalls.
PYTHON ?= python3
TOOLS_VENV := .tools/venv
TOOLS_PACKAGES := moto[server]==5.2.5 awscli==1.46.3
TOOLS_STAMP := $(TOOLS_VENV)/.installed-moto-5.2.5-awscli-1.46.3

tools: $(TOOLS_STAMP)

$(TOOLS_STAMP):
	$(PYTHON) -m venv $(TOOLS_VENV) || { echo "make tools: '$(PYTHON) -m venv' failed; on Debian or Ubuntu install python3-venv" >&2; exit 1; }
	$(TOOLS_VENV)/bin/python -m pip install --quiet --disable-pip-version-check $(foreach p,$(TOOLS_PACKAGES),'$(p)')
	touch $@

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

# Times plan, validate and render on generated organizations of 1,000 to 100,000 accounts,
# next to jq reading the same file (RUNS, default 5; prints figures, never fails on time).
.PHONY: bench
bench:
	$(SWIFT) build -c release --product orgclose
	scripts/bench.sh "$$($(SWIFT) build -c release --product orgclose --show-bin-path)/orgclose"

# Rehearses the sample apply workflow's schedule on generated organizations of 300, 3,000 and
# 10,000 members and prints closures per 30 days against AWS's bound (prints, never fails).
.PHONY: bench-apply
bench-apply:
	$(SWIFT) build -c release --product orgclose
	scripts/bench-apply.sh "$$($(SWIFT) build -c release --product orgclose --show-bin-path)/orgclose"

release:
	$(SWIFT) build -c release --product orgclose

# The man page, orgclose.1, made from the same declarations as 'orgclose help'.
man: build
	$(BIN) help --man > orgclose.1

# Installs the release binary, the man page and the bash and zsh completions under PREFIX
# (DESTDIR is prepended, for packaging). For a user-only install: make install PREFIX=~/.local
PREFIX ?= /usr/local
BINDIR := $(DESTDIR)$(PREFIX)/bin
MANDIR := $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR := $(DESTDIR)$(PREFIX)/share/zsh/site-functions

install: release
	@release="$$($(SWIFT) build -c release --product orgclose --show-bin-path)/orgclose"; \
	set -e; \
	install -d "$(BINDIR)" "$(MANDIR)" "$(BASHDIR)" "$(ZSHDIR)"; \
	install -m 755 "$$release" "$(BINDIR)/orgclose"; \
	"$$release" help --man > "$(MANDIR)/orgclose.1"; \
	"$$release" completion bash > "$(BASHDIR)/orgclose"; \
	"$$release" completion zsh > "$(ZSHDIR)/_orgclose"; \
	chmod 644 "$(MANDIR)/orgclose.1" "$(BASHDIR)/orgclose" "$(ZSHDIR)/_orgclose"; \
	echo "Installed $(BINDIR)/orgclose, its man page and bash and zsh completions"

clean:
	rm -rf .build
