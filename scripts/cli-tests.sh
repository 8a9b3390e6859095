#!/usr/bin/env bash
# End-to-end checks of the telesim command line: exit codes, diagnostics on stderr, atomic
# outputs, byte-identical results. Usage: scripts/cli-tests.sh PATH/TO/telesim
set -uo pipefail
bin="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
check() {  # check NAME COMMAND...: the command must succeed
  local name="$1"; shift
  if "$@" >"$tmp/out" 2>"$tmp/err"; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL: $name"; sed 's/^/  /' "$tmp/out" "$tmp/err" | head -20
  fi
}

check "validate accepts every shipped scenario" "$bin" validate scenarios/*.yaml
check "invalid scenario exits 2 with every diagnostic" bash -c "
  '$bin' validate Tests/ScenarioIOTests/Fixtures/invalid/unknown-keys.yaml 2>'$tmp/diag'; test \$? -eq 2 &&
  test \$(grep -c ': error: ' '$tmp/diag') -eq 3 && grep -q \"did you mean 'servers'\" '$tmp/diag'"
check "run on an invalid scenario writes nothing" bash -c "
  '$bin' run Tests/ScenarioIOTests/Fixtures/invalid/bad-units.yaml --out '$tmp/none' 2>/dev/null; test \$? -eq 2 && test ! -e '$tmp/none'"
check "run --out writes summary.json and replications.csv" bash -c "
  '$bin' run scenarios/mmck.yaml --replications 4 --format json --out '$tmp/a' >'$tmp/a.json' &&
  test -s '$tmp/a/summary.json' && test \$(wc -l <'$tmp/a/replications.csv') -eq 5 &&
  cmp -s '$tmp/a.json' '$tmp/a/summary.json' && ! ls '$tmp/a' | grep -q tmp"
check "same seed gives byte-identical output with 1 and 2 threads" bash -c "
  '$bin' run scenarios/jackson.yaml --replications 4 --threads 1 --format json >'$tmp/t1' &&
  '$bin' run scenarios/jackson.yaml --replications 4 --threads 2 --format json >'$tmp/t2' && cmp '$tmp/t1' '$tmp/t2'"
check "a different seed changes the output" bash -c "
  '$bin' run scenarios/mmc.yaml --replications 2 --seed 1 --format json >'$tmp/s1' &&
  '$bin' run scenarios/mmc.yaml --replications 2 --seed 2 --format json >'$tmp/s2' && ! cmp -s '$tmp/s1' '$tmp/s2'"
check "theory prints exact values beside simulated ones" bash -c "
  '$bin' theory scenarios/mmck.yaml --replications 4 | grep -q 'M/M/c/K'"
check "bad arguments exit 64" bash -c "'$bin' run scenarios/mmc.yaml --replications 0 2>/dev/null; test \$? -eq 64"
check "the Bihar launch scenario writes its breakdowns" bash -c "
  '$bin' run scenarios/bihar-2021-launch.yaml --replications 2 --quiet --out '$tmp/bihar' >/dev/null &&
  for t in summary.json replications.csv by-district.csv by-hub.csv by-specialty.csv by-tier.csv daily.csv; do
    test -s '$tmp/bihar/'\$t || exit 1; done &&
  test \$(wc -l <'$tmp/bihar/by-district.csv') -eq 39 && test \$(wc -l <'$tmp/bihar/by-hub.csv') -eq 18 &&
  grep -q teleconsult.same_day '$tmp/bihar/summary.json'"
check "a care-network variant is a few lines on top of its base" bash -c "
  '$bin' validate scenarios/bihar-phc-upgrade.yaml | grep -q ok"
check "bench runs and reports the allocation figure" bash -c "
  '$bin' bench mmc --customers 20000 --runs 1 | grep -q 'allocations per event'"

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
