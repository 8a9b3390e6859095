#!/usr/bin/env bash
# Runs the shipped capacity gates (scenarios/gates/) the way a CI pipeline would: each check
# must pass against its committed baseline and fingerprint. Usage: scripts/gates.sh PATH/TO/telesim
set -euo pipefail
bin="$1"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
start=$(date +%s)
"$bin" check scenarios/gates/bihar-launch.yaml --fingerprint --quiet --junit "$out/launch.xml"
"$bin" check scenarios/gates/bihar-aug.yaml --fingerprint --quiet --junit "$out/aug.xml"
"$bin" check scenarios/gates/bihar-ambulance.yaml --expect scenarios/gates/bihar-ambulance.expect.yaml --fingerprint \
  --quiet --junit "$out/ambulance.xml"
echo "gates: 3 shipped scenarios checked in $(( $(date +%s) - start )) s"
