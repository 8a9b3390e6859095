#!/usr/bin/env bash
# Measures the capacity gate's false alarms and power (docs/ci.md): the launch gate run with 20
# seeds other than its baseline's, unchanged (every failure is a false alarm), with one general
# medicine specialist fewer per hub, and with a tenth of beds out of service (every pass is a
# miss). Usage: scripts/gate-study.sh PATH/TO/telesim [SEEDS]
set -uo pipefail
bin="$1"
seeds="${2:-20}"
gate=scenarios/gates/bihar-launch.yaml
count() {  # count LABEL ARGS...: how many of the seeds fail the gate
  local failed=0
  for s in $(seq 1 "$seeds"); do
    "$bin" check "$gate" --seed "$s" --quiet "$@" >/dev/null 2>&1
    case $? in 0) ;; 1) failed=$((failed + 1)) ;; *) echo "error: check exited abnormally (seed $s)" >&2; exit 2 ;; esac
  done
  echo "$failed"
}
start=$(date +%s)
unchanged=$(count)
fewer_specialists=$(count --set 'specialties[0].specialists_per_hub=2')
fewer_beds=$(count --set 'beds.scale=0.9')
echo "unchanged scenario, $seeds seeds: $unchanged failed (false alarms)"
echo "one general-medicine specialist fewer per hub: $fewer_specialists of $seeds caught"
echo "beds scaled by 0.9: $fewer_beds of $seeds caught"
echo "$((3 * seeds)) checks in $(( $(date +%s) - start )) s"
