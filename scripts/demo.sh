#!/usr/bin/env bash
# The main job, end to end, on a fresh machine: builds swingcache, checks the example jobs and
# shows the plan for jobs/nightly.yaml against a demo database under ./demo/.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
swift build -c release --product swingcache
swingcache=".build/release/swingcache"
mkdir -p demo
export SWINGCACHE_DB="$PWD/demo/cache.sqlite"

"$swingcache" validate jobs/nightly.yaml
echo
"$swingcache" plan jobs/nightly.yaml
echo
"$swingcache" stats
