#!/usr/bin/env bash
# Installs SwingMusic 3.0.1 from PyPI into .cache/swingmusic-3.0.1 (gitignored) for the tests that compare
# swingcache's reading with the real server's; a second call finds it there and returns at once.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.cache/swingmusic-3.0.1
[ -f "$venv/installed" ] && exit 0
command -v python3 >/dev/null || { echo "setup-swingmusic: python3 is not on PATH" >&2; exit 1; }
echo "setup-swingmusic: installing swingmusic==3.0.1 into $venv (a few minutes, once)" >&2
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check swingmusic==3.0.1
touch "$venv/installed"
