# The two commands of the README, and the rest of the workflow.
#   make demo    install what is missing, build, start the console on the demo central system
#   make test    install what is missing, build, run every test (unit, then conformance)
#   make conformance [ARGS='-k reset -v']   only the end-to-end conformance suite
#   make bench   build in release mode and print the benchmark figures
#                [FLEET_QUICK=1] [FLEET_MAX=N] [FLEET_BEHAVIOUR=FILE] [FLEET_RAMP=R] [FLEET_BUDGET=S]
SHELL := /bin/bash

.PHONY: demo test conformance bench build deps test-deps clean

demo: deps
	swift build -c release --product ocpp-console
	.build/release/ocpp-console --demo

build: deps
	swift build

test: test-deps
	swift build --build-tests
	OCPP_SCHEMAS_DIR="$$(ls -d $$PWD/.venv/lib/python3*/site-packages/ocpp/v16/schemas | head -n 1)" swift test --skip-build
	.venv/bin/python Tests/Conformance/run.py --binary .build/debug/ocpp-console
	.venv/bin/python Tests/ScreenTest/screen_e2e.py --binary .build/debug/ocpp-console

conformance: test-deps
	swift build --product ocpp-console
	.venv/bin/python Tests/Conformance/run.py --binary .build/debug/ocpp-console $(ARGS)

bench: test-deps
	swift build -c release --product ocpp-bench
	swift build -c release --product ocpp-console
	.build/release/ocpp-bench
	cc -O2 Tests/LinkBenchmark/floor_client.c $$(pkg-config --cflags --libs libwebsockets) -o .build/floor_client
	.venv/bin/python Tests/LinkBenchmark/link_bench.py --binary .build/release/ocpp-console --floor-binary .build/floor_client
	.venv/bin/python Tests/ScreenTest/screen_bench.py --binary .build/release/ocpp-console
	.venv/bin/python Tests/FleetBenchmark/scale_bench.py --binary .build/release/ocpp-console

deps:
	@scripts/install-deps

test-deps:
	@scripts/install-deps --test

clean:
	rm -rf .build .venv
