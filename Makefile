# Lede's two everyday commands, `make run` and `make test`, work on a fresh Debian machine
# with the Swift toolchain: both install libedit-dev first when it is missing.

SWIFT ?= swift
CORPUS ?= seeds
APT_GET = $(if $(filter 0,$(shell id -u)),apt-get,sudo apt-get)

.PHONY: run test sanitize test-asan test-tsan build release deps bench fuzz clean

## Open Lede on seeds/ (or CORPUS=path).
run: build
	.build/debug/lede --corpus $(CORPUS)

## Build and run the whole test suite.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## The suite again under AddressSanitizer and under ThreadSanitizer (the parallel loader), each
## in its own build folder. LeakSanitizer skips libedit's allocations that live until exit.
sanitize: test-asan test-tsan

test-asan: deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	LSAN_OPTIONS=suppressions=$(CURDIR)/.ci/lsan-suppressions.txt \
		$(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan

test-tsan: deps
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	TSAN_OPTIONS=halt_on_error=1 $(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan

build: deps
	$(SWIFT) build

## The Swift runtime and Foundation linked in: the executable is larger (about 80 MB against
## 13) but starts without resolving their symbols, 7-8 ms of a 28 ms start on seeds/.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

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

## Build the fuzz targets in Tests/Fuzz with libFuzzer and AddressSanitizer, then run each for
## FUZZ_SECONDS. New inputs go to .build-fuzz/corpus/<target> (the committed seed corpus in
## Tests/Fuzz/Corpus is only read), crashes and hangs to .build-fuzz/artifacts, each run's log
## to .build-fuzz/<target>.log. FUZZ_FLAGS adds libFuzzer options (-jobs=2, -max_len=65536).
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= FuzzQuery FuzzSeedFile FuzzJSONLines FuzzSnapshot
FUZZ_FLAGS ?=
FUZZ_BUILD = .build-fuzz/build

fuzz: deps
	@# SwiftPM names a path package after its folder: a checkout named 'fuzz' collides with Tests/Fuzz.
	@if [ "$$(basename "$(CURDIR)" | tr A-Z a-z)" = fuzz ]; then \
		echo "make fuzz: the repository's folder must not be named 'fuzz' (SwiftPM would take it for Tests/Fuzz)"; \
		exit 1; \
	fi
	@# The fuzz targets are compiled afresh each time (their sources touched): SwiftPM has been
	@# seen to keep one built against an older layout of a Lede struct, which ASan then reports
	@# as a stack buffer overflow.
	touch Tests/Fuzz/Sources/*/*.swift
	@# -enable-testing: FuzzSnapshot reads snapshots through LedeStore's internal reader.
	$(SWIFT) build --package-path Tests/Fuzz --scratch-path $(FUZZ_BUILD) -c release \
		-Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing
	@mkdir -p .build-fuzz/artifacts .build-fuzz/tmp
	@for target in $(FUZZ_TARGETS); do \
		mkdir -p .build-fuzz/corpus/$$target; \
		echo "$$target: fuzzing for $(FUZZ_SECONDS) s"; \
		if ! TMPDIR=$(CURDIR)/.build-fuzz/tmp/ $(FUZZ_BUILD)/release/$$target .build-fuzz/corpus/$$target Tests/Fuzz/Corpus/$$target \
			-max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=4096 -detect_leaks=0 \
			-artifact_prefix=.build-fuzz/artifacts/$$target- -print_final_stats=1 $(FUZZ_FLAGS) \
			2> .build-fuzz/$$target.log; then \
			tail -n 60 .build-fuzz/$$target.log; \
			echo "$$target: failed; the input is in .build-fuzz/artifacts"; \
			exit 1; \
		fi; \
		grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)' .build-fuzz/$$target.log; \
		grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' .build-fuzz/$$target.log; \
	done

clean:
	rm -rf .build .build-fuzz .build-asan .build-tsan
