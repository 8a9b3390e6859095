#!/usr/bin/env bash
# Executes the notebooks against fresh results, so they keep working with the current output
# formats, and checks that each executed notebook holds its charts (image/png outputs). Installs
# the Python packages they need (pandas, matplotlib, nbconvert, nbclient, ipykernel) if missing.
# Usage: scripts/notebooks-test.sh PATH/TO/telesim
set -euo pipefail
started=$SECONDS
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
cd "$(dirname "$0")/.."
unset TELESIM_AXIS TELESIM_METRICS  # the notebooks' optional settings: test their defaults

packages=(pandas matplotlib nbconvert nbclient ipykernel)
have_packages() { python3 -c "import pandas, matplotlib, nbconvert, nbclient, ipykernel" 2>/dev/null; }
if ! have_packages; then
  echo "installing Python packages: ${packages[*]}"
  export PIP_ROOT_USER_ACTION=ignore PIP_DISABLE_PIP_VERSION_CHECK=1
  # Debian's own Python refuses pip (PEP 668, "externally managed"): install for the user instead,
  # which leaves Debian's packages alone; without pip, take Debian's packages.
  python3 -m pip install -q "${packages[@]}" 2>/dev/null \
    || python3 -m pip install -q --user --break-system-packages "${packages[@]}" 2>/dev/null \
    || { command -v apt-get >/dev/null 2>&1 && {
           sudo_cmd=""
           [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
           $sudo_cmd apt-get update -qq
           DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends \
             python3 python3-pandas python3-matplotlib python3-nbconvert python3-nbclient python3-ipykernel >/dev/null; }; } \
    || true
  have_packages || { echo "error: python3 cannot import ${packages[*]}; install them and rerun" >&2; exit 1; }
fi

# The notebooks are stored without outputs, so that they stay small and their diffs readable.
python3 - notebooks/*.ipynb <<'EOF'
import json, sys
stale = sorted({path for path in sys.argv[1:] for cell in json.load(open(path))["cells"]
                if cell.get("outputs") or cell.get("execution_count") or "execution" in cell.get("metadata", {})})
if stale:
    sys.exit("stored with outputs: " + ", ".join(stale) + "\nclear them with: python3 -m nbconvert --clear-output"
             " --ClearMetadataPreprocessor.enabled=True --ClearMetadataPreprocessor.preserve_nb_metadata_mask=kernelspec"
             " --inplace FILE")
EOF

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The care-network run has one dated bed upgrade, so the bed chart shows its marker too.
printf 'extends: %s\nname: teaching-phc-upgrade\nupgrades:\n  - {at: 2021-04-01, phcs: 1, beds: 30}\n' \
  "$(pwd)/scenarios/teaching-network.yaml" > "$tmp/upgrade.yaml"
"$bin" run "$tmp/upgrade.yaml" --replications 6 --quiet --out "$tmp/run" >/dev/null
printf 'extends: %s\nname: teaching-go-home\npolicy: {session_end: go-home}\n' "$(pwd)/scenarios/teaching-network.yaml" > "$tmp/go-home.yaml"
"$bin" compare scenarios/teaching-network.yaml "$tmp/go-home.yaml" --replications 6 --quiet --out "$tmp/compare" >/dev/null
"$bin" run scenarios/gates/bihar-ambulance.yaml --replications 2 --quiet --out "$tmp/ambulance" >/dev/null
"$bin" sweep scenarios/bihar-specialist-sweep.yaml --replications 3 --quiet --out "$tmp/sweep" >/dev/null
# Two axes: the capacity curves draw one line per value of the second.
"$bin" sweep scenarios/teaching-network.yaml --set 'specialties[0].specialists_per_hub=[1,2,3,4]' \
  --set 'sessions.days=[[mon,wed,fri],[mon,tue,wed,thu,fri,sat]]' --replications 4 --quiet --out "$tmp/sweep-2" >/dev/null
"$bin" run scenarios/mmc.yaml --replications 3 --quiet --out "$tmp/queue" >/dev/null
echo "results ready ($((SECONDS - started)) s)"

# execute NOTEBOOK OUTPUT_NAME MIN_CHARTS [VAR=VALUE…]: runs the notebook with these variables and
# fails unless it ran through and holds at least MIN_CHARTS charts.
execute() {
  local notebook=$1 name=$2 least=$3
  shift 3
  env "$@" python3 -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=300 "$notebook" \
    --output-dir "$tmp/executed" --output "$name" >"$tmp/$name.log" 2>&1 \
    || { echo "notebook failed: $notebook ($*)"; sed 's/\x1b\[[0-9;]*m//g' "$tmp/$name.log" | tail -30; exit 1; }
  python3 - "$tmp/executed/$name.ipynb" "$least" <<'EOF'
import json, sys
path, least = sys.argv[1], int(sys.argv[2])
cells = json.load(open(path))["cells"]
found = sum("image/png" in output.get("data", {}) for cell in cells for output in cell.get("outputs", []))
print(f"{'notebook ran' if found >= least else 'too few charts in'} {path.rsplit('/', 1)[-1]}: {found} charts (at least {least} expected)")
sys.exit(0 if found >= least else 1)
EOF
}
# analyse-results: replications, daily, districts, wait quantiles, queue by hour, beds; four
# ambulance charts; the comparison; the sweep.
execute notebooks/analyse-results.ipynb analyse-results 12 TELESIM_RUN="$tmp/run" \
  TELESIM_AMBULANCE="$tmp/ambulance" TELESIM_COMPARE="$tmp/compare" TELESIM_SWEEP="$tmp/sweep"
# A queue network writes no breakdown tables: every section but the replications skips.
execute notebooks/analyse-results.ipynb analyse-results-queue 1 TELESIM_RUN="$tmp/queue" \
  TELESIM_COMPARE="$tmp/none" TELESIM_SWEEP="$tmp/none"
# capacity-curve: one chart per headline KPI (mean wait, same-day share, utilisation).
execute notebooks/capacity-curve.ipynb capacity-curve 3 TELESIM_SWEEP="$tmp/sweep"
execute notebooks/capacity-curve.ipynb capacity-curve-2-axes 3 TELESIM_SWEEP="$tmp/sweep-2"
for notebook in notebooks/*.ipynb; do
  [ -f "$tmp/executed/$(basename "$notebook")" ] || { echo "not tested: $notebook (add it to $0)"; exit 1; }
done
echo "notebooks tested in $((SECONDS - started)) s"
