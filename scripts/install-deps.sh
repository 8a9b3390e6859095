#!/usr/bin/env bash
# Installs what TeleSim needs and is missing: GSL (libgsl-dev), SQLite (libsqlite3-dev, for the
# workbench's history) and pkg-config from Debian.
# Swift itself must already be on PATH (Swift 6.1 or later).
set -euo pipefail

need=()
dpkg -s libgsl-dev >/dev/null 2>&1 || need+=(libgsl-dev)
# The workbench's run history (GRDB links the system SQLite).
dpkg -s libsqlite3-dev >/dev/null 2>&1 || need+=(libsqlite3-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
command -v swift >/dev/null 2>&1 || { echo "error: swift not found on PATH (need Swift 6.1+)" >&2; exit 1; }
