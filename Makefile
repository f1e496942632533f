# Lede's two everyday commands, `make run` and `make test`, work on a fresh Debian machine
# with the Swift toolchain: both install libedit-dev first when it is missing.

SWIFT ?= swift
CORPUS ?= seeds
APT_GET = $(if $(filter 0,$(shell id -u)),apt-get,sudo apt-get)

.PHONY: run test build release deps bench fuzz clean

## Open Lede on seeds/ (or CORPUS=path).
run: build
	.build/debug/lede --corpus $(CORPUS)

## Build and run the whole test suite.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## libedit's headers, from apt when missing (updating empty package lists first).
deps:
	@if ! dpkg -s libedit-dev >/dev/null 2>&1; then \
		echo "installing libedit-dev"; \
		if [ -z "$$(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages*' 2>/dev/null | head -n 1)" ]; then \
			$(APT_GET) update; \
		fi; \
		DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y libedit-dev; \
	fi

## Measure Lede against sqlite3 + FTS5, jq and ripgrep (BENCH_ARGS="--sizes 10k --sets /work/data").
bench: release
	.build/release/LedeBenchmark $(BENCH_ARGS)

clean:
	rm -rf .build
