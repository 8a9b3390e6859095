#!/usr/bin/env bash
# The whole test suite: installs what is missing, checks the command line end to end
# (including shards merged after a real Slurm array job), executes the notebooks against fresh
# results, then runs every Swift test target
# in a release build (validation runs are 16x slower in debug).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release
scripts/cli-tests.sh .build/release/telesim
scripts/slurm-test.sh .build/release/telesim
scripts/notebooks-test.sh .build/release/telesim
swift test -c release
