#!/usr/bin/env bash
# Installs the system packages swingcache needs to build and test, when they are missing.
# Called by scripts/demo.sh and scripts/test.sh; safe to run again.
set -euo pipefail

needed=(libsqlite3-dev sqlite3 zlib1g-dev libxxhash-dev curl redis-server)
missing=()
for package in "${needed[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "setup: swift is not on PATH (Swift 6.2 or later is needed)" >&2; exit 1; }
