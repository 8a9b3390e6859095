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
check "a care network with ambulances gives byte-identical output in separate processes with 1 and 2 threads" bash -c "
  f=Tests/ScenarioIOTests/Fixtures/valid/care-ambulances-csv-roads.yaml
  '$bin' run \$f --replications 3 --threads 1 --out '$tmp/c1' >/dev/null &&
  '$bin' run \$f --replications 3 --threads 2 --out '$tmp/c2' >/dev/null &&
  for x in summary.json replications.csv by-hub.csv daily.csv ambulance-by-block.csv; do cmp '$tmp/c1/'\$x '$tmp/c2/'\$x || exit 1; done"
check "medicines, ASHAs and kitchens give byte-identical tables with 1 and 2 threads, and the report shows them" bash -c "
  f=Tests/ScenarioIOTests/Fixtures/valid/care-medicines.yaml
  '$bin' run \$f --replications 3 --threads 1 --out '$tmp/m1' >/dev/null &&
  '$bin' run \$f --replications 3 --threads 2 --out '$tmp/m2' >/dev/null &&
  for x in summary.json replications.csv medicines-by-medicine.csv medicines-by-tier.csv medicines-by-district.csv kitchens.csv; do
    cmp '$tmp/m1/'\$x '$tmp/m2/'\$x || exit 1; done &&
  grep -q medicines.fill_rate '$tmp/m1/summary.json' && grep -q asha.seen.per_day '$tmp/m1/summary.json' &&
  '$bin' report '$tmp/m1' >/dev/null && grep -q 'Medicines, ASHAs and kitchens' '$tmp/m1/report.html'"
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
check "--version is the version every output records" bash -c "
  v=\$('$bin' --version) && test -n \"\$v\" &&
  '$bin' run scenarios/mmc.yaml --replications 2 --format json | grep -q \"\\\"telesim_version\\\":\\\"\$v\\\"\""
check "sweep --format json prints a telesim/sweep/v1 document with every design" bash -c "
  '$bin' sweep scenarios/mmck.yaml --set servers=[2,3,4] --replications 3 --quiet --format json >'$tmp/sweep.json' &&
  python3 -c \"import json,sys; d=json.load(open('$tmp/sweep.json')); assert d['schema']=='telesim/sweep/v1';
assert [x['settings'] for x in d['designs']]==[['servers=2'],['servers=3'],['servers=4']];
assert all(x['metrics']['wait.mean']['better']=='lower' for x in d['designs'])\""
check "compare --out writes each design's breakdowns with CIs and their paired differences" bash -c "
  printf 'extends: %s/scenarios/teaching-network.yaml\\nname: teaching-nearest\\npolicy: {assignment: nearest}\\n' \"\$PWD\" >'$tmp/nearest.yaml' &&
  '$bin' compare scenarios/teaching-network.yaml '$tmp/nearest.yaml' --replications 3 --quiet --out '$tmp/cmp' >/dev/null &&
  for t in by-district by-hub by-specialty by-tier daily; do
    test -s '$tmp/cmp/teaching-network/'\$t.csv && test -s '$tmp/cmp/differences/nearest/'\$t.csv || exit 1; done &&
  head -1 '$tmp/cmp/differences/nearest/by-hub.csv' | grep -q 'wait_p90_h,wait_p90_h_ci95' &&
  head -1 '$tmp/cmp/teaching-network/daily.csv' | grep -q '^day,date,'"
gate=scenarios/gates/bihar-launch.yaml
check "check passes the launch gate (exit 0) and its JUnit XML parses with a test case per expectation" bash -c "
  '$bin' check $gate --quiet --junit '$tmp/gate.xml' >'$tmp/gate.txt' &&
  grep -q '8 of 8 expectations met' '$tmp/gate.txt' &&
  python3 -c \"import xml.etree.ElementTree as E; r=E.parse('$tmp/gate.xml').getroot(); s=r.find('testsuite');
assert r.tag=='testsuites' and s.get('tests')=='8' and s.get('failures')=='0' and len(s.findall('testcase'))==8\""
check "check fails a scenario with one specialist fewer per hub (exit 1), naming the regressions" bash -c "
  '$bin' check $gate --quiet --set 'specialties[0].specialists_per_hub=2' --junit '$tmp/fail.xml' >'$tmp/fail.txt'; test \$? -eq 1 &&
  grep -q 'FAIL teleconsult.wait.mean not worse than the baseline: regressed' '$tmp/fail.txt' &&
  grep -q 'specialties\[0\].specialists_per_hub: 3 → 2' '$tmp/fail.txt' &&
  python3 -c \"import xml.etree.ElementTree as E; s=E.parse('$tmp/fail.xml').getroot().find('testsuite');
assert int(s.get('failures'))>=3 and len(s.findall('testcase/failure'))==int(s.get('failures'))\""
check "check annotates GitHub Actions and appends a Markdown job summary" bash -c "
  GITHUB_ACTIONS=true GITHUB_STEP_SUMMARY='$tmp/summary.md' '$bin' check $gate --quiet --set beds.scale=0.9 >'$tmp/gh.txt'
  test \$? -eq 1 && grep -q '^::error file=.*bihar-launch.yaml,line=.*::regressed' '$tmp/gh.txt' &&
  grep -q '^::warning title=telesim check::the baseline is stale' '$tmp/gh.txt' &&
  grep -q '### telesim check: gate-bihar-launch' '$tmp/summary.md' && grep -q '| ❌ | \`beds.refused' '$tmp/summary.md'"
check "check --fingerprint fails on changed behaviour even when every figure passes, and says so" bash -c "
  '$bin' check $gate --quiet --fingerprint --set 'specialties[8].specialists_per_hub=2' >'$tmp/fp.txt'; test \$? -eq 1 &&
  grep -q 'FAIL behaviour unchanged at the baseline.s seed: behaviour changed' '$tmp/fp.txt' &&
  test \$(grep -c '^FAIL [^ ]' '$tmp/fp.txt') -eq 1"
check "check refuses bad expectations with every problem located (exit 2)" bash -c "
  '$bin' check scenarios/mmc.yaml --expect Tests/ScenarioIOTests/Fixtures/expect-invalid/many-mistakes.yaml 2>'$tmp/bad.txt'
  test \$? -eq 2 && test \$(grep -c 'many-mistakes.yaml:[0-9]*:[0-9]*: error: ' '$tmp/bad.txt') -eq 7"
check "baseline records the data files, and check says plainly when one changed" bash -c "
  mkdir -p '$tmp/proj/scenarios' && cp -r data '$tmp/proj/' && cp scenarios/teaching-network.yaml '$tmp/proj/scenarios/' &&
  printf 'schema: telesim/expect/v1\\nregressions: {baseline: base.json, tolerance: 5%%}\\n' >'$tmp/proj/scenarios/x.yaml' &&
  '$bin' baseline '$tmp/proj/scenarios/teaching-network.yaml' --expect '$tmp/proj/scenarios/x.yaml' --quiet >/dev/null &&
  grep -q 'data/teaching/facilities.csv' '$tmp/proj/scenarios/base.json' &&
  sed -i 's/,0\$/,1/' '$tmp/proj/data/teaching/facilities.csv' &&
  '$bin' check '$tmp/proj/scenarios/teaching-network.yaml' --expect '$tmp/proj/scenarios/x.yaml' --quiet >'$tmp/stale.txt'
  grep -q 'stale: data file .*data/teaching/facilities.csv changed' '$tmp/stale.txt'"
sweep_args="sweep scenarios/mmck.yaml --set servers=[2,3,4] --set capacity=[5,7] --replications 5 --quiet"
check "a sweep split into 1, 3 or 7 shards (run in parallel) merges byte for byte to the serial sweep" bash -c "
  '$bin' $sweep_args --threads 1 --out '$tmp/serial' >/dev/null || exit 1
  for n in 1 3 7; do
    seq 0 \$((n - 1)) | xargs -P 4 -I{} '$bin' $sweep_args --shard {}/\$n --out $tmp/shards\$n >/dev/null || exit 1
    '$bin' merge '$tmp'/shards\$n/*.json --out $tmp/merged\$n >/dev/null || exit 1
    cmp $tmp/serial/sweep.csv $tmp/merged\$n/sweep.csv || exit 1
  done"
check "merge rejects missing, duplicate and foreign shards with exit code 3" bash -c "
  '$bin' merge '$tmp'/shards3/shard-0-of-3.json '$tmp'/shards3/shard-1-of-3.json 2>'$tmp/e1'; test \$? -eq 3 &&
  grep -q missing '$tmp/e1' &&
  '$bin' merge '$tmp'/shards3/*.json '$tmp'/shards3/shard-1-of-3.json 2>'$tmp/e2'; test \$? -eq 3 &&
  grep -q 'in both' '$tmp/e2' &&
  '$bin' run scenarios/mmc.yaml --replications 3 --shard 0/1 --out '$tmp/other' >/dev/null &&
  '$bin' merge '$tmp'/shards3/*.json '$tmp'/other/shard-0-of-1.json 2>'$tmp/e3'; test \$? -eq 3 &&
  grep -q 'another experiment' '$tmp/e3'"
check "a sharded run merges to the one-machine summary byte for byte" bash -c "
  '$bin' run scenarios/jackson.yaml --replications 6 --quiet --out '$tmp/one' >/dev/null &&
  for i in 0 1 2; do '$bin' run scenarios/jackson.yaml --replications 6 --quiet --shard \$i/3 --out '$tmp/js' >/dev/null || exit 1; done &&
  '$bin' merge '$tmp'/js/*.json --out '$tmp/jm' >/dev/null &&
  cmp '$tmp/one/summary.json' '$tmp/jm/summary.json' && cmp '$tmp/one/replications.csv' '$tmp/jm/replications.csv'"
check "--shard auto reads the Slurm array index" bash -c "
  SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_COUNT=3 '$bin' $sweep_args --shard auto --out '$tmp/auto' >/dev/null &&
  cmp '$tmp/auto/shard-1-of-3.json' '$tmp/shards3/shard-1-of-3.json'"
check "compare reports a real difference and none between identical scenarios" bash -c "
  '$bin' compare scenarios/mmc.yaml scenarios/mmc.yaml --replications 4 --quiet --out '$tmp/cmp0' | grep -q identical &&
  ! grep -q ',better,\|,worse,' '$tmp/cmp0/comparison.csv' &&
  printf 'extends: mmc.yaml\nservers: 5\n' > scenarios/.cli-test-five.yaml &&
  '$bin' compare scenarios/mmc.yaml scenarios/.cli-test-five.yaml --replications 4 --quiet --out '$tmp/cmp1' >/dev/null;
  status=\$?; rm -f scenarios/.cli-test-five.yaml; test \$status -eq 0 &&
  grep -q '^\.cli-test-five,mmc,wait.mean,min,.*,better,' '$tmp/cmp1/comparison.csv'"
check "--precision adds replications until the target is met" bash -c "
  '$bin' run scenarios/mmc.yaml --precision 2% --quiet --format json | grep -q '\"replications\":[0-9]'"
check "--trace writes ambulance events and GeoJSON tracks" bash -c "
  printf 'extends: bihar-ambulance-2024.yaml\nhorizon: 6h\nwarmup: 0min\nreplications: 1\n' > scenarios/.cli-test-amb.yaml &&
  '$bin' run scenarios/.cli-test-amb.yaml --quiet --trace '$tmp/tracks' --out '$tmp/amb' >/dev/null; status=\$?
  rm -f scenarios/.cli-test-amb.yaml; test \$status -eq 0 &&
  head -1 '$tmp/tracks/ambulance-events.csv' | grep -q '^entity,event,time_min,timestamp,lat,lon,call,detail' &&
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d[\"features\"] and d[\"features\"][0][\"geometry\"][\"type\"]==\"LineString\"' '$tmp/tracks/ambulance-tracks.geojson' &&
  test \$(wc -l <'$tmp/amb/ambulance-by-district.csv') -eq 39 && grep -q ambulance.response.p90 '$tmp/amb/summary.json'"
check "bench runs and reports the allocation figure" bash -c "
  '$bin' bench mmc --customers 20000 --runs 1 | grep -q 'allocations per event'"
check "report makes one self-contained page of a run folder; a folder that is not a result exits 1" bash -c "
  '$bin' run scenarios/teaching-network.yaml --replications 2 --quiet --out '$tmp/rep' >/dev/null &&
  '$bin' report '$tmp/rep' -o '$tmp/rep.html' 2>/dev/null && grep -q '<svg' '$tmp/rep.html' && grep -q 'Run record' '$tmp/rep.html' &&
  ! grep -q '<script src\|<link' '$tmp/rep.html' &&
  mkdir -p '$tmp/notresult' && { '$bin' report '$tmp/notresult' 2>'$tmp/rerr'; test \$? -eq 1; } && grep -q 'holds no summary.json' '$tmp/rerr'"
check "--report needs --out" bash -c "
  '$bin' run scenarios/mmc.yaml --report 2>/dev/null; test \$? -eq 64"
check "--trace-district names a district of the scenario, with a did-you-mean" bash -c "
  '$bin' run scenarios/bihar-ambulance-2024.yaml --trace '$tmp/t' --trace-district Patan --quiet 2>'$tmp/td'; test \$? -eq 64 &&
  grep -q \"did you mean 'Patna'\" '$tmp/td' && test ! -e '$tmp/t'"
check "terminal tables fit 100 columns, and carry no colour codes off a terminal" bash -c "
  '$bin' compare scenarios/teaching-network.yaml scenarios/teaching-network.yaml --replications 2 --quiet >'$tmp/w1' &&
  '$bin' sweep scenarios/bihar-specialist-sweep.yaml \
    --replications 2 --set 'horizon=[14d]' --quiet --out '$tmp/sw' >'$tmp/w2' &&
  '$bin' check scenarios/gates/bihar-launch.yaml --quiet >'$tmp/w3' &&
  python3 -c 'import sys; w=max(len(l.rstrip(chr(10))) for f in sys.argv[1:] for l in open(f)); assert w <= 100, w' '$tmp/w1' '$tmp/w2' '$tmp/w3' &&
  ! grep -q \$'\\x1b' '$tmp/w1' '$tmp/w2' '$tmp/w3'"
check "sweep names its axes as a planner would and --wide gives one row per design point" bash -c "
  grep -q '\"name\":\"general_medicine specialists per hub\"' '$tmp/sw/sweep.json' &&
  '$bin' sweep scenarios/mmck-sweep.yaml --replications 2 --wide --quiet --out '$tmp/wide' >/dev/null &&
  test \$(wc -l <'$tmp/wide/sweep.csv') -eq 10 && head -1 '$tmp/wide/sweep.csv' | grep -q '^design,servers,capacity,'"

check "optimise finds the Erlang C staffing, writes its files, and is byte-identical with 1 and 2 threads" bash -c "
  args='optimise scenarios/mmc.yaml --vary servers=4..9 --target \"wait.probability <= 15%\" --minimise servers --quiet'
  eval \"'$bin' \$args --threads 1 --out '$tmp/opt1'\" >'$tmp/opt1.txt' &&
  eval \"'$bin' \$args --threads 2 --out '$tmp/opt2'\" >/dev/null &&
  grep -q '^chosen: servers=6' '$tmp/opt1.txt' && cmp '$tmp/opt1/optimisation.json' '$tmp/opt2/optimisation.json' &&
  test -s '$tmp/opt1/chosen/summary.json' && test \$(wc -l <'$tmp/opt1/designs.csv') -eq 7 &&
  python3 -c \"import json; d=json.load(open('$tmp/opt1/optimisation.json')); assert d['schema']=='telesim/optimisation/v1' and d['chosen']=='servers=6'\""
check "optimise's first stage as 3 shards (a Slurm array), then --screened, gives the unsharded answer byte for byte" bash -c "
  args='optimise scenarios/mmc.yaml --vary servers=4..9 --target \"wait.probability <= 15%\" --minimise servers --quiet'
  for i in 0 1 2; do eval \"'$bin' \$args --shard \$i/3 --out '$tmp/optshards'\" >/dev/null || exit 1; done &&
  test \$(ls '$tmp/optshards' | grep -c '^shard-') -eq 3 &&
  eval \"'$bin' \$args --screened '$tmp/optshards' --out '$tmp/optmerged'\" >/dev/null &&
  cmp '$tmp/opt1/optimisation.json' '$tmp/optmerged/optimisation.json' &&
  { eval \"'$bin' optimise scenarios/mmc.yaml --vary servers=4..8 --target 'wait.probability <= 15%' --minimise servers --screened '$tmp/optshards' --quiet\" 2>'$tmp/foreign'; test \$? -eq 3; } &&
  grep -q 'belongs to another search' '$tmp/foreign'"
check "a capacity total can be a target: the shortest wait with at most 5 servers is at 5" bash -c "
  '$bin' optimise scenarios/mmc.yaml --vary servers=4..8 --target 'servers <= 5' --minimise wait.mean --quiet >'$tmp/budget.txt' &&
  grep -q '^chosen: servers=5' '$tmp/budget.txt'"
check "optimise says plainly when no design meets the target, and names the best reached" bash -c "
  '$bin' optimise scenarios/mmc.yaml --vary servers=4..5 --target 'wait.probability <= 15%' --minimise servers --quiet >'$tmp/none.txt' &&
  grep -q 'No design in the ranges meets every target' '$tmp/none.txt' && grep -q 'best reached for wait.probability <= 15%: .* at servers=5' '$tmp/none.txt'"
check "optimise refuses an unknown metric (exit 64, did-you-mean) and a bad range" bash -c "
  '$bin' optimise scenarios/mmc.yaml --vary servers=4..5 --target 'wait.probabilty <= 15%' 2>'$tmp/oe'; test \$? -eq 64 &&
  grep -q \"did you mean 'wait.probability'\" '$tmp/oe' &&
  { '$bin' optimise scenarios/mmc.yaml --vary servers=5..4 --target 'wait.probability <= 15%' 2>/dev/null; test \$? -eq 64; } &&
  { '$bin' optimise scenarios/mmc.yaml --vary servers=4..5 --target 'wait.probability <= 15%' --screened '$tmp/nothing' 2>/dev/null; test \$? -eq 64; }"
check "calibrate recovers a service mean and writes a scenario that extends the original and validates" bash -c "
  '$bin' calibrate scenarios/mmc.yaml --fit 'service.mean=50min..70min' --points 5 --to 'utilisation = 75% ± 1%' \
    --replications 3 --quiet --write '$tmp/cal.yaml' --out '$tmp/cal' >'$tmp/cal.txt' &&
  grep -q 'service.mean  *[56][0-9]' '$tmp/cal.txt' && grep -q '^extends: ' '$tmp/cal.yaml' &&
  '$bin' validate '$tmp/cal.yaml' >/dev/null &&
  python3 -c \"import json; d=json.load(open('$tmp/cal/calibration.json')); f=d['fitted'][0]; assert d['schema']=='telesim/calibration/v1' and f['plausible'][0] <= 60 <= f['plausible'][1], f\""
check "compare prices a change's gains when the scenarios carry costs" bash -c "
  f=Tests/ScenarioIOTests/Fixtures/valid/care-small.yaml
  printf 'extends: care-small.yaml\nname: more-beds\nbeds: {scale: 3}\ncosts: {bed_per_day: 800}\n' >Tests/ScenarioIOTests/Fixtures/valid/.cli-more-beds.yaml
  printf 'extends: care-small.yaml\nname: base\ncosts: {bed_per_day: 800}\n' >Tests/ScenarioIOTests/Fixtures/valid/.cli-base.yaml
  '$bin' compare Tests/ScenarioIOTests/Fixtures/valid/.cli-base.yaml Tests/ScenarioIOTests/Fixtures/valid/.cli-more-beds.yaml \
    --replications 4 --quiet --out '$tmp/cmp-cost' >'$tmp/cc.txt'; status=\$?
  rm -f Tests/ScenarioIOTests/Fixtures/valid/.cli-more-beds.yaml Tests/ScenarioIOTests/Fixtures/valid/.cli-base.yaml
  test \$status -eq 0 && grep -q 'per refusal avoided' '$tmp/cc.txt' &&
  python3 -c \"import json; d=json.load(open('$tmp/cmp-cost/comparison.json')); r=[x for x in d['cost_per_outcome'] if x['outcome']=='refusal avoided'][0]; assert r['price_unit']=='Rs', r\""

check "place writes a per-base table and a scenario that extends the original, and says how the placement compares" bash -c "
  '$bin' place Tests/ScenarioIOTests/Fixtures/valid/care-ambulances-csv-roads.yaml --replications 2 --rounds 2 \
    --table '$tmp/place.csv' --write '$tmp/placed.yaml' >'$tmp/place.txt' &&
  head -1 '$tmp/place.csv' | grep -q '^facility,basic,advanced' && grep -q 'ambulance.response.within_target' '$tmp/place.txt' &&
  '$bin' validate '$tmp/placed.yaml' >/dev/null &&
  python3 -c \"import csv; r=list(csv.DictReader(open('$tmp/place.csv'))); assert sum(int(x['basic']) for x in r)==3 and sum(int(x['advanced']) for x in r)==1, r\""

check "--write and --table never replace a device, a link, the scenario or its data, nor an existing file without --force" bash -c "
  cp scenarios/mmc.yaml '$tmp/mine.yaml' && ln -s '$tmp/mine.yaml' '$tmp/link.yaml' && mkfifo '$tmp/fifo' && echo keep >'$tmp/kept.yaml'
  cal() { '$bin' calibrate '$tmp/mine.yaml' --fit 'service.mean=50min..70min' --points 3 --to 'utilisation = 75% ± 2%' --replications 2 --quiet \"\$@\" >/dev/null 2>'$tmp/werr'; }
  cal --write '$tmp/mine.yaml'; test \$? -eq 64 || exit 1
  cal --write '$tmp/link.yaml'; test \$? -eq 64 || exit 1
  cal --write '$tmp/fifo'; test \$? -eq 64 || exit 1
  cal --write '$tmp/kept.yaml'; test \$? -eq 4 && grep -q 'already exists' '$tmp/werr' && grep -q keep '$tmp/kept.yaml' || exit 1
  cmp -s scenarios/mmc.yaml '$tmp/mine.yaml' && test -p '$tmp/fifo' && test -L '$tmp/link.yaml' &&
  cal --write '$tmp/kept.yaml' --force && grep -q '^extends: mine.yaml' '$tmp/kept.yaml'"

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
