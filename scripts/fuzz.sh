#!/usr/bin/env bash
# Fuzzes the scenario loader, the duration, rate and date parsers and, for inputs that load
# and are small, one replication, with libFuzzer for SECONDS (default 60).
# Usage: scripts/fuzz.sh [SECONDS]
#
# Seeds a throw-away corpus from the shipped scenarios, the test fixtures and the regression
# corpus, then runs Fuzz/ (ReplicationFuzzing.exercise, which calls ScenarioFuzzing.exercise).
# Every crash, timeout or out-of-memory input is copied, named by its content hash, to
# Tests/ScenarioIOTests/Fixtures/fuzz-regressions/ (FuzzRegressionTests and FuzzReplayTests
# replay that folder) and the script exits non-zero. FUZZ_KEEP_GOING=1 keeps fuzzing past
# crashes, to collect several distinct ones in one run. The full libFuzzer log is kept in
# .build/fuzz/last-run.log.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
regressions=Tests/ScenarioIOTests/Fixtures/fuzz-regressions
# -Xcc -fsanitize=fuzzer-no-link also instruments libyaml (C, inside Yams), so that coverage of
# the YAML scanner guides the fuzzer too.
build=(swift build -c release --package-path Fuzz --build-path .build/fuzz
       -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xcc -fsanitize=fuzzer-no-link)
# An incremental build of this nested package can miss a source file added to the main
# package since its last build (SwiftPM 6.3); a second attempt sees it. A fresh clone builds once.
# A second try starts from a clean build folder: a renamed source file leaves the nested
# package's cached build plan naming a file that is gone.
"${build[@]}" || { rm -rf .build/fuzz; "${build[@]}"; }
fuzzer="$("${build[@]}" --show-bin-path)/FuzzScenario"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$work/artifacts"
# The Bihar ambulance scenarios are left out: loading one takes seconds in this instrumented
# build (the whole state's roads and fleet), enough to be taken for a hang on a busy machine;
# the ambulance fixtures reach the same reader code in milliseconds.
for f in scenarios/*.yaml scenarios/gates/*.yaml Tests/ScenarioIOTests/Fixtures/*/*.yaml "$regressions"/*; do
  case "$(basename "$f")" in bihar-ambulance*) continue ;; esac
  [ -f "$f" ] && cp "$f" "$work/corpus/$(sha256sum "$f" | cut -c1-16)"
done

# Fork mode (one child at a time) survives an out-of-memory child and, with the slow Bihar
# seeds in the corpus, runs about 50 times more inputs per second than the classic loop.
options=(-fork=1 -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=20
         -dict=Fuzz/yaml.dict -artifact_prefix="$work/artifacts/" -print_final_stats=1)
[ "${FUZZ_KEEP_GOING:-0}" = 1 ] && options+=(-ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
log=.build/fuzz/last-run.log
start=$(date +%s)
status=0
# Swift's backtracer would take the trap's SIGILL before libFuzzer's handler, and libFuzzer
# would then save no crash input; crashes are replayed with the backtracer on below.
export TELESIM_FUZZ_FOLDER="$PWD/scenarios"
SWIFT_BACKTRACE=enable=no "$fuzzer" "${options[@]}" "$work/corpus" >"$log" 2>&1 || status=$?
elapsed=$(( $(date +%s) - start ))

# Executions: the final stats line, else the last status line ("#123456: ..." in fork mode).
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
[ -n "$runs" ] || runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
runs=${runs:-0}
echo "fuzz: $runs executions in $elapsed s ($(( runs / (elapsed > 0 ? elapsed : 1) )) per second); log in $log"

found=0
for a in "$work"/artifacts/{crash,timeout,oom,leak}-*; do
  [ -f "$a" ] || continue
  kind=$(basename "$a" | cut -d- -f1)
  hash=$(sha256sum "$a" | cut -c1-16)
  kept=$(cd "$regressions" && sha256sum -- * | grep "^$hash" | head -1 | cut -d' ' -f3- || true)
  if [ -n "$kept" ]; then
    kept="$regressions/$kept"
    echo "fuzz: $kind on an input already in the regression corpus: $kept"
  else
    kept="$regressions/$kind-$hash"
    cp "$a" "$kept"
    echo "fuzz: $kind input saved as $kept"
  fi
  echo "  replay: TELESIM_FUZZ_FOLDER=\$PWD/scenarios $fuzzer $kept"
  if [ "$kind" = crash ]; then
    trace=$(SWIFT_BACKTRACE=enable=yes,color=no,interactive=no "$fuzzer" "$kept" 2>&1 || true)
    grep -E 'Fatal error|^ *[0-9]+ .* in FuzzScenario at /' <<<"$trace" | grep -v fuzzer:: | head -6 || true
  fi
  found=$(( found + 1 ))
done
if [ "$found" -gt 0 ] || [ "$status" -ne 0 ]; then
  grep -E '^(==[0-9]+== ERROR|SUMMARY|.*Fatal error)' "$log" | sed -E 's/==[0-9]+==/==/' | sort | uniq -c | head -20 || true
  echo "fuzz: FAILED (libFuzzer exit status $status, $found failing input(s))" >&2
  exit 1
fi
echo "fuzz: no crashes"
