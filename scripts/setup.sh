#!/usr/bin/env bash
# One command for a fresh machine: install what is missing, build (release), and run the
# default scenario. Usage: scripts/setup.sh [SCENARIO]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release
scenario="${1:-scenarios/bihar-2021-launch.yaml}"
echo "== telesim run $scenario"
.build/release/telesim run "$scenario"
echo
echo "The binary is .build/release/telesim; try: .build/release/telesim theory scenarios/jackson.yaml"
