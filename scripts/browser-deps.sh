#!/usr/bin/env bash
# Installs what the browser tests need and is missing: Debian's Chromium and a font, and the
# Python modules named as MODULE:DEBIAN_PACKAGE:PYPI_PACKAGE (e.g. PIL:python3-pil:pillow).
# Debian's packages serve the system Python; another Python on PATH gets them from PyPI.
# Usage: scripts/browser-deps.sh [MODULE:DEBIAN_PACKAGE:PYPI_PACKAGE ...]
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)
for spec in "$@"; do
  IFS=: read -r module debian _ <<<"$spec"
  python3 -c "import $module" 2>/dev/null || need+=("$debian")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
for spec in "$@"; do
  IFS=: read -r module _ pypi <<<"$spec"
  python3 -c "import $module" 2>/dev/null || python3 -m pip install -q "$pypi" 2>/dev/null \
    || python3 -m pip install -q --user --break-system-packages "$pypi"
done
