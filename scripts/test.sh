#!/usr/bin/env bash
# The whole test suite: installs what is missing, checks the command line end to end
# (including faults: Ctrl-C and --resume, a full and a read-only disk; and shards merged after
# a real Slurm array job), executes the notebooks against fresh results, renders the planner's
# reports and drives the browser workbench in headless Chromium, runs every Swift test target in a release build (validation
# runs are 16x slower in debug), fuzzes the scenario loader for a minute, then runs the engine
# and model tests again in a debug build, where the engine and the models check their own
# invariants after every event (SIM_INTERNAL_CHECKS).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release
scripts/cli-tests.sh .build/release/telesim
scripts/robustness-tests.sh .build/release/telesim
scripts/slurm-test.sh .build/release/telesim
scripts/notebooks-test.sh .build/release/telesim
scripts/report-tests.sh .build/release/telesim
# The browser workbench, driven in headless Chromium as a planner would; its screenshots are
# kept (in $WORKBENCH_SHOTS, or .build/workbench-screenshots) for a person to look at.
scripts/workbench-tests.sh .build/release/telesim "${WORKBENCH_SHOTS:-.build/workbench-screenshots}"
scripts/gates.sh .build/release/telesim
swift test -c release
# A minute of libFuzzer on the loader and short replications (a separate instrumented build);
# an input that crashes is saved under Tests/ScenarioIOTests/Fixtures/fuzz-regressions/.
scripts/fuzz.sh 60
# The debug stage leaves the workbench out (TELESIM_WITHOUT_WORKBENCH): its web framework has
# no invariants to check, and building it in debug would take minutes.
export TELESIM_WITHOUT_WORKBENCH=1
swift build --build-tests
swift test --skip-build --filter 'SimKernelTests|QueueNetworkTests|CareModelTests|PathwayInvariantTests|PathwayTraceTests' --skip 'statewidePoolIsMMc'
