#!/usr/bin/env bash
# Tests the browser workbench as a person would: starts `telesim serve` on a copy of the
# shipped scenarios, drives the page in Debian's headless Chromium over the DevTools protocol
# (scripts/workbench_e2e.py: open a scenario, change a value, see a bad value's diagnostic,
# save a variant, run it, open its report, read the history) and checks every screenshot is
# not blank.
# Usage: scripts/workbench-tests.sh PATH/TO/telesim [SCREENSHOT_DIR]
set -euo pipefail
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
cd "$(dirname "$0")/.."
repo=$(pwd)
shots="${2:-}"
scripts/browser-deps.sh PIL:python3-pil:pillow websocket:python3-websocket:websocket-client
tmp=$(mktemp -d)
server=""; browser=""
cleanup() {
  # Both are waited for: Chromium writes its profile as it exits.
  for pid in $browser $server; do kill "$pid" 2>/dev/null || true; done
  for pid in $browser $server; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$tmp" 2>/dev/null || { sleep 1; rm -rf "$tmp" || true; }
}
trap cleanup EXIT
[ -n "$shots" ] || shots="$tmp/shots"
mkdir -p "$shots" "$tmp/work"
# The page saves files: it works on a copy, beside the data the scenarios read.
cp -r scenarios "$tmp/work/scenarios"
ln -s "$repo/data" "$tmp/work/data"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
"$bin" serve --port "$port" --scenarios "$tmp/work/scenarios" --data "$tmp/work/.telesim" >"$tmp/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/scenarios" >/dev/null && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$port/api/scenarios" >/dev/null || { cat "$tmp/serve.log"; echo "FAIL: the server did not start"; exit 1; }
debug=$(free_port)
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --remote-debugging-port="$debug" \
  --user-data-dir="$tmp/profile" --window-size=1400,1000 "about:blank" >"$tmp/chromium.log" 2>&1 &
browser=$!
if ! python3 scripts/workbench_e2e.py "http://127.0.0.1:$port/" "$shots" "$debug"; then
  echo "--- server log"; tail -20 "$tmp/serve.log"
  exit 1
fi
# A server bound elsewhere than the loopback says so.
"$bin" serve --port "$(free_port)" --host 0.0.0.0 --scenarios "$tmp/work/scenarios" --data "$tmp/work/.telesim2" \
  >"$tmp/exposed.log" 2>&1 &
exposed=$!
sleep 1; kill "$exposed" 2>/dev/null || true
grep -q "warning: serving on 0.0.0.0" "$tmp/exposed.log" || { cat "$tmp/exposed.log"; echo "FAIL: no warning for --host 0.0.0.0"; exit 1; }
echo "ok --host 0.0.0.0 warns"
echo "workbench tests passed; screenshots in $shots"
