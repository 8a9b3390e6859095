#!/usr/bin/env bash
# Renders the planner's reports of the shipped Bihar scenarios in a real browser (Debian's
# headless Chromium) and checks what a person would see: the page is not blank (pixel
# variance of a screenshot), the charts and maps are drawn (SVG elements in the DOM after
# scripts ran), every report is under 5 MB, and the ambulance replay advances when played.
# Usage: scripts/report-tests.sh PATH/TO/telesim [SCREENSHOT_DIR]
set -euo pipefail
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
cd "$(dirname "$0")/.."
shots="${2:-}"
scripts/browser-deps.sh PIL:python3-pil:pillow
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -n "$shots" ] || shots="$tmp/shots"
mkdir -p "$shots"
start=$(date +%s)

timed() {  # timed NAME COMMAND...: runs it, remembers the seconds it took
  local name="$1"; shift
  local t0; t0=$(date +%s%N)
  "$@" --quiet >/dev/null 2>>"$tmp/log" || { cat "$tmp/log"; exit 1; }
  local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  printf '%s %d.%03d s\n' "$name" $((ms / 1000)) $((ms % 1000)) >>"$tmp/times"
}
timed upgrade "$bin" run scenarios/bihar-phc-upgrade.yaml --out "$tmp/upgrade" --report
timed ambulance "$bin" run scenarios/bihar-ambulance-2024.yaml --replications 2 --trace "$tmp/trace" \
  --trace-days 3 --trace-district Patna --out "$tmp/ambulance" --report
timed compare-upgrade "$bin" compare scenarios/bihar-2021-aug.yaml scenarios/bihar-phc-upgrade.yaml --out "$tmp/compare-upgrade" --report
timed compare-ambulance "$bin" compare scenarios/bihar-ambulance-2024.yaml scenarios/bihar-ambulance-2024-targeted.yaml \
  --replications 2 --out "$tmp/compare-ambulance" --report
timed sweep "$bin" sweep scenarios/bihar-specialist-sweep.yaml --out "$tmp/sweep" --report
timed queue "$bin" run scenarios/mmc.yaml --out "$tmp/queue" --report

browse() { chromium --headless --no-sandbox --disable-gpu --hide-scrollbars "$@" 2>/dev/null; }

# check NAME MIN_SVG MIN_AREAS MIN_TILES: screenshot and DOM of NAME's report
failed=0
check() {
  local name="$1" min_svg="$2" min_areas="$3" min_tiles="$4" page="$tmp/$1/report.html"
  browse --window-size=1280,2400 --screenshot="$shots/$name.png" "file://$page"
  browse --virtual-time-budget=3000 --dump-dom "file://$page" >"$tmp/$name.dom"
  python3 - "$name" "$page" "$shots/$name.png" "$tmp/$name.dom" "$min_svg" "$min_areas" "$min_tiles" <<'PY' || failed=1
import os, re, sys
from PIL import Image, ImageStat
name, page, png, dom_file, min_svg, min_areas, min_tiles = sys.argv[1:4] + [sys.argv[4]] + list(map(int, sys.argv[5:8]))
dom = open(dom_file, encoding="utf-8").read()
grey = Image.open(png).convert("L")
spread = ImageStat.Stat(grey).stddev[0]
inked = sum(grey.histogram()[:200]) / (grey.width * grey.height)
counts = {k: len(re.findall(p, dom)) for k, p in
          [("svg", r"<svg\b"), ("path", r"<path\b"), ("areas", r'class="area"'), ("tiles", r'class="tile\b')]}
size = os.path.getsize(page)
problems = []
if spread < 15 or inked < 0.015: problems.append(f"the screenshot looks blank (grey-level sd {spread:.1f}, {inked:.1%} inked)")
if counts["svg"] < min_svg: problems.append(f"{counts['svg']} charts drawn, expected at least {min_svg}")
if counts["areas"] < min_areas: problems.append(f"{counts['areas']} map areas drawn, expected at least {min_areas}")
if counts["tiles"] < min_tiles: problems.append(f"{counts['tiles']} headline tiles, expected at least {min_tiles}")
if size > 5_000_000: problems.append(f"{size / 1e6:.1f} MB, over the 5 MB limit")
if "http://" in dom.replace("http://www.w3.org", "") or "https://" in dom: problems.append("the page refers to the network")
status = "FAIL" if problems else "ok"
print(f"{status} {name}: {size / 1024:.0f} KB, {counts['svg']} SVG charts, {counts['path']} paths, "
      f"{counts['areas']} map areas, {counts['tiles']} tiles; screenshot sd {spread:.0f}, {inked:.0%} inked")
for p in problems: print("  " + p)
sys.exit(1 if problems else 0)
PY
}
check upgrade 7 38 4
check ambulance 12 600 8
check compare-upgrade 2 38 0
check compare-ambulance 3 76 0
check sweep 4 0 0
check queue 0 0 3

# The replay: the clock and the number of ambulances driving, before and after 5 s of play.
page="$tmp/ambulance/report.html"
browse --virtual-time-budget=500 --dump-dom "file://$page" >"$tmp/still.dom"
browse --virtual-time-budget=5000 --dump-dom "file://$page#autoplay" >"$tmp/played.dom"
browse --window-size=1280,900 --virtual-time-budget=5000 --screenshot="$shots/replay.png" "file://$page#autoplay"
python3 - "$tmp/still.dom" "$tmp/played.dom" <<'PY' || failed=1
import re, sys
def state(f):
    dom = open(f, encoding="utf-8").read()
    minute = float(re.search(r'id="replay-clock" data-minute="([-0-9.]+)"', dom).group(1))
    clock = re.search(r'id="replay-clock"[^>]*>([^<]*)<', dom).group(1)
    moving = int(re.search(r'id="replay-moving" data-count="(\d+)"', dom).group(1))
    dots = len(re.findall(r'class="ambulance"', dom))
    return minute, clock, moving, dots
m0, c0, _, _ = state(sys.argv[1])
m1, c1, n1, dots = state(sys.argv[2])
ok = m1 > m0 + 60 and n1 > 0 and dots > 0
print(f"{'ok' if ok else 'FAIL'} replay: clock {c0} -> {c1} after 5 s of play, {n1} ambulances driving, {dots} dots drawn")
sys.exit(0 if ok else 1)
PY

# The planner's compare page prices what the upgrade buys (docs/costs.md).
python3 - "$tmp/compare-upgrade.dom" <<'PY' || failed=1
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
row = re.search(r"<td>per refusal avoided</td><td>[^<]*</td><td>[^<]*</td><td>([^<]*)</td>", dom)
ok = "What it costs per outcome" in dom and row is not None and "lakh Rs [" in row.group(1)
print(f"{'ok' if ok else 'FAIL'} compare-upgrade prices a refusal avoided: {row.group(1) if row else 'no row'}")
sys.exit(0 if ok else 1)
PY

echo "run + report seconds:"; sed 's/^/  /' "$tmp/times"
echo "screenshots in $shots; report tests took $(( $(date +%s) - start )) s"
exit $failed
