#!/usr/bin/env bash
# What the workbench adds to a run's time: the same run (same scenario, replications, seed,
# results and report) from the CLI and through `telesim serve` (start over HTTP, end when the
# page's event stream says done), alternating, N times each; prints both medians and the
# overhead. Release builds only; quote medians, not single runs.
# Usage: scripts/workbench-bench.sh PATH/TO/telesim [SCENARIO] [REPLICATIONS] [N]
set -euo pipefail
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
cd "$(dirname "$0")/.."
scenario="${2:-scenarios/bihar-2021-aug.yaml}"
reps="${3:-2}"
n="${4:-5}"
tmp=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$tmp"' EXIT
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin" serve --port "$port" --scenarios "$(dirname "$scenario")" --data "$tmp/data" >"$tmp/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/scenarios" >/dev/null && break; sleep 0.1; done
python3 - "$bin" "$scenario" "$reps" "$n" "$port" "$tmp" <<'PY'
import json, statistics, subprocess, sys, time, urllib.request
telesim, scenario, reps, n, port, tmp = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]
name = scenario.rsplit("/", 1)[-1]
base = f"http://127.0.0.1:{port}"

def cli(i):
    t = time.perf_counter()
    subprocess.run([telesim, "run", scenario, f"--replications={reps}", "--seed=1", "--out", f"{tmp}/cli-{i}", "--report",
                    "--quiet"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t

def served():
    t = time.perf_counter()
    body = json.dumps({"command": "run", "scenario": name, "replications": reps, "seed": 1}).encode()
    request = urllib.request.Request(f"{base}/api/jobs", data=body, method="POST", headers={"content-type": "application/json", "x-telesim": "1"})
    run = json.load(urllib.request.urlopen(request))["id"]
    status = None
    for line in urllib.request.urlopen(f"{base}/api/runs/{run}/events"):
        if line.startswith(b"data: "):
            status = json.loads(line[6:])["status"]
            if status != "running":
                break
    elapsed = time.perf_counter() - t
    if status != "done":
        sys.exit(f"the served run ended {status}")
    return elapsed

cli(-1)  # warm the file cache
a, b = [], []
for i in range(n):
    a.append(cli(i))
    b.append(served())
ma, mb = statistics.median(a), statistics.median(b)
print(f"{name}, {reps} replications, {n} runs each (alternating)")
print(f"CLI:    median {ma:.3f} s  ({', '.join(f'{x:.2f}' for x in a)})")
print(f"served: median {mb:.3f} s  ({', '.join(f'{x:.2f}' for x in b)})")
print(f"the workbench adds {100 * (mb - ma) / ma:+.1f}% to the run")
PY
