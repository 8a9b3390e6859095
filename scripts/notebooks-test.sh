#!/usr/bin/env bash
# Executes the notebooks against fresh results, so they keep working with the current output
# formats. Installs the Python packages they need (pandas, matplotlib, nbconvert).
# Usage: scripts/notebooks-test.sh PATH/TO/telesim
set -euo pipefail
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
cd "$(dirname "$0")/.."
python3 -c "import pandas, matplotlib, nbconvert, ipykernel" 2>/dev/null || \
  python3 -m pip install -q pandas matplotlib nbconvert nbclient ipykernel 2>&1 | grep -v "^WARNING: Running pip as" || true
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" run scenarios/teaching-network.yaml --replications 6 --quiet --out "$tmp/run" >/dev/null
printf 'extends: %s\nname: teaching-go-home\npolicy: {session_end: go-home}\n' "$(pwd)/scenarios/teaching-network.yaml" > "$tmp/go-home.yaml"
"$bin" compare scenarios/teaching-network.yaml "$tmp/go-home.yaml" --replications 6 --quiet --out "$tmp/compare" >/dev/null
for nb in notebooks/*.ipynb; do
  TELESIM_RUN="$tmp/run" TELESIM_COMPARE="$tmp/compare" MPLBACKEND=Agg \
    python3 -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=300 "$nb" --output-dir "$tmp/executed" >/dev/null 2>&1 \
    || { echo "notebook failed: $nb"; python3 -m nbconvert --to notebook --execute "$nb" --output-dir "$tmp/executed" 2>&1 | tail -20; exit 1; }
  echo "notebook ran: $nb"
done
