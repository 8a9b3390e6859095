#!/usr/bin/env bash
# End-to-end checks of TeleSim under faults: work beyond the limits, results folders that
# belong to someone else, an interrupted experiment resumed byte for byte, and a full or
# read-only disk (a small tmpfs; skipped with a note where mounting is not allowed).
# Usage: scripts/robustness-tests.sh PATH/TO/telesim
set -uo pipefail
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
tmp=$(mktemp -d)
cleanup() { mountpoint -q "$tmp/disk" 2>/dev/null && umount "$tmp/disk"; rm -rf "$tmp"; }
trap cleanup EXIT
passed=0
failed=0
check() {  # check NAME COMMAND...: the command must succeed
  local name="$1"; shift
  if "$@" >"$tmp/out" 2>"$tmp/err"; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL: $name"; sed 's/^/  /' "$tmp/out" "$tmp/err" | head -20
  fi
}
scenarios="$PWD/scenarios"
printf 'extends: %s/mmc.yaml\nhorizon: 40000d\n' "$scenarios" >"$tmp/century.yaml"

check "work beyond the limits is refused with exit 4 and named; --force is the way past" bash -c "
  '$bin' run '$tmp/century.yaml' 2>'$tmp/e1'; test \$? -eq 4 && grep -q 'horizon of 110 years exceeds 100 years' '$tmp/e1' &&
  '$bin' run '$scenarios/mmc.yaml' --replications 2000000 2>'$tmp/e2'; test \$? -eq 4 &&
  grep -q '2000000 replications exceed' '$tmp/e2' && grep -q 'give --force' '$tmp/e2' &&
  '$bin' sweep '$scenarios/mmc.yaml' --set \"servers=[\$(seq -s, 1 200)]\" --set \"warmup=[\$(seq -s, 1 100)]\" 2>'$tmp/e3'
  test \$? -eq 4 && grep -q 'the grid has 20000 design points' '$tmp/e3'"
check "--out refuses another experiment's results (exit 4, --force replaces them) and a folder of other files (exit 64)" bash -c "
  cd '$tmp' && '$bin' run '$scenarios/mmc.yaml' --replications 2 --quiet --out r >/dev/null &&
  '$bin' run '$scenarios/mmc.yaml' --replications 2 --quiet --out r >/dev/null &&
  { '$bin' run '$scenarios/mmck.yaml' --replications 2 --quiet --out r 2>e3 >/dev/null; test \$? -eq 4; } &&
  grep -q 'holds the results of another experiment' e3 && grep -q '\"replications\"' r/summary.json &&
  '$bin' run '$scenarios/mmck.yaml' --replications 2 --quiet --out r --force >/dev/null &&
  grep -q 'mmck\|M/M/c/K' r/summary.json && mkdir -p notes && touch notes/plan.txt &&
  { '$bin' run '$scenarios/mmc.yaml' --replications 2 --quiet --out notes --force 2>e4 >/dev/null; test \$? -eq 64; } &&
  test -e notes/plan.txt && ! ls -a | grep -q 'partial\|\.old' &&
  touch r/mine.txt && { '$bin' run '$scenarios/mmck.yaml' --replications 2 --quiet --out r --force 2>e5 >/dev/null; test \$? -eq 64; } &&
  grep -q 'holds files TeleSim did not write (mine.txt)' e5 && test -e r/mine.txt"
check "Ctrl-C stops with exit 130 and says how to finish; --resume gives the same bytes as an uninterrupted run" bash -c "
  cd '$tmp' && f='$scenarios/bihar-2021-launch.yaml'
  '$bin' run \$f --replications 6 --threads 1 --quiet --out whole >whole.txt &&
  { '$bin' run \$f --replications 6 --threads 1 --out cut >cut.txt 2>cut.err & pid=\$!; } &&
  for i in \$(seq 1 300); do test \$(wc -l <.cut.checkpoint.jsonl 2>/dev/null || echo 0) -ge 3 && break; sleep 0.05; done &&
  kill -INT \$pid; wait \$pid; test \$? -eq 130 && grep -q 'interrupted: [0-9] of 6 replications finished' cut.err &&
  grep -q -- '--resume cut' cut.err && test ! -e cut &&
  { '$bin' run \$f --replications 6 --threads 1 --quiet --out cut 2>again.err; test \$? -eq 4; } &&
  grep -q 'finished replications of this experiment' again.err &&
  '$bin' run \$f --replications 6 --threads 2 --quiet --resume cut >resumed.txt &&
  diff -r whole cut && cmp whole.txt resumed.txt && test ! -e .cut.partial && test ! -e .cut.checkpoint.jsonl"
check "SIGTERM also stops cleanly; --resume without a checkpoint exits 64" bash -c "
  cd '$tmp' && { '$bin' sweep '$scenarios/mmck-sweep.yaml' --replications 500 --threads 1 --out sw >/dev/null 2>sw.err & pid=\$!; } &&
  for i in \$(seq 1 300); do test \$(wc -l <.sw.checkpoint.jsonl 2>/dev/null || echo 0) -ge 3 && break; sleep 0.05; done &&
  kill -TERM \$pid; wait \$pid; test \$? -eq 130 && grep -q 'interrupted: [0-9]* of' sw.err &&
  { '$bin' sweep '$scenarios/mmck-sweep.yaml' --replications 500 --threads 1 --resume sw >/dev/null 2>/dev/null & pid=\$!; } &&
  sleep 1 && { '$bin' sweep '$scenarios/mmck-sweep.yaml' --replications 500 --threads 1 --resume sw 2>busy.err; test \$? -eq 64; } &&
  grep -q 'another telesim process is writing' busy.err && kill -INT \$pid; wait \$pid; test \$? -eq 130 &&
  { '$bin' run '$scenarios/mmc.yaml' --resume nothing-here 2>e5; test \$? -eq 64; } && grep -q 'no unfinished experiment' e5"
check "a signal during setup also exits 130; edited shards and checkpoints are refused, not trapped on" bash -c "
  cd '$tmp' && { '$bin' sweep '$scenarios/bihar-specialist-sweep.yaml' --replications 1 --out early >/dev/null 2>early.err & pid=\$!; } &&
  sleep 0.3 && kill -TERM \$pid; wait \$pid; test \$? -eq 130 && grep -q 'interrupted before any replication started' early.err &&
  '$bin' run '$scenarios/jackson.yaml' --replications 2 --quiet --shard 0/1 --out sh >/dev/null &&
  python3 -c \"import json,sys; p='sh/shard-0-of-1.json'; d=json.load(open(p)); d['records'][0]['values']=d['records'][0]['values'][:2]; json.dump(d,open(p,'w'))\" &&
  { '$bin' merge sh/shard-0-of-1.json 2>m.err >/dev/null; test \$? -eq 3; } && grep -q 'has 2 values for' m.err"
check "arguments that name nothing are usage errors (exit 64), not silent runs" bash -c "
  cd '$tmp' && { '$bin' run '$scenarios/mmc.yaml' --out '' 2>/dev/null; test \$? -eq 64; } &&
  { '$bin' run '$scenarios/mmc.yaml' --precision 5% --precision-metrics bogus 2>b1; test \$? -eq 64; } && grep -q \"no metric 'bogus'\" b1 &&
  { '$bin' sweep '$scenarios/mmc.yaml' --set 'servers=[1,2]' --metrics wait.meen 2>b2; test \$? -eq 64; } && grep -q \"did you mean 'wait.mean'\" b2 &&
  { '$bin' sweep '$scenarios/mmc.yaml' --set 'extends=[x.yaml]' 2>/dev/null; test \$? -eq 64; } &&
  { '$bin' sweep '$scenarios/mmc.yaml' --set 'servers=[1,1]' 2>/dev/null; test \$? -eq 64; } &&
  { '$bin' compare '$scenarios/mmc.yaml' '$scenarios/teaching-network.yaml' 2>b3; test \$? -eq 64; } && grep -q 'cannot compare' b3"

if mkdir -p "$tmp/disk" && mount -t tmpfs -o size=256k tmpfs "$tmp/disk" 2>/dev/null; then
  check "a full disk: the summary is still printed, the error names the path, earlier results stay whole" bash -c "
    cd '$tmp/disk' && '$bin' run '$scenarios/mmc.yaml' --replications 2 --quiet --out r >/dev/null && cp r/summary.json '$tmp/before.json' &&
    dd if=/dev/zero of=filler bs=4k 2>/dev/null; true
    '$bin' run '$scenarios/jackson.yaml' --replications 2 --quiet --out r --force >'$tmp/full.out' 2>'$tmp/full.err'; test \$? -eq 1 &&
    grep -q '^error: cannot write .r.partial/[a-z.]*: No space left on device' '$tmp/full.err' &&
    grep -q 'note: r is unchanged' '$tmp/full.err' && grep -q 'wait' '$tmp/full.out' &&
    cmp r/summary.json '$tmp/before.json' && ! ls -a r | grep -q tmp && test ! -e .r.partial"
  check "a read-only disk: the same, with the earlier results untouched" bash -c "
    cd '$tmp/disk' && rm -f filler && mount -o remount,ro '$tmp/disk' &&
    '$bin' run '$scenarios/jackson.yaml' --replications 2 --quiet --out r --force >'$tmp/ro.out' 2>'$tmp/ro.err'; rc=\$?
    mount -o remount,rw '$tmp/disk'; test \$rc -eq 1 && grep -q '^error: cannot write .*: Read-only file system' '$tmp/ro.err' &&
    grep -q 'wait' '$tmp/ro.out' && cmp r/summary.json '$tmp/before.json'"
else
  echo "note: cannot mount a tmpfs here (not root?); the full-disk checks are skipped"
fi

echo "robustness: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
