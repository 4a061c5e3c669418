#!/usr/bin/env bash
# Start-up cost of a whole swingcache process, the dynamically linked release build against the one with the Swift
# runtime linked in (the release archive's), next to the sqlite3 CLI reading the same row. Prints figures; asserts
# nothing about time.
#
#   scripts/bench-startup.sh [--runs N]     N runs of each command (default 200), after 20 warm-up runs
#
# Binaries: $DYNAMIC (default .build/release/swingcache) and $STATIC (default .build-static/release/swingcache);
# either is built when missing. The database is prepared once with `swingcache get track ID` against the fixture
# server (spotify-fixture-server from .build/release or .build/debug), then every command reads it offline.
# Uses hyperfine when installed (apt-get install hyperfine), else a loop timed per run. On a busy machine the
# minimum is the figure to compare; cpu is the mean user+system time, less disturbed by other processes' load.
# (valgrind's instruction counts would be steadier, but valgrind 3.19 stops on the Swift libraries' debug info.)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/fixture-env.sh

runs=200
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs=$2; shift ;;
        -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench-startup: unknown option '$1' (see --help)" >&2; exit 64 ;;
    esac
    shift
done

dynamic=${DYNAMIC:-.build/release/swingcache}
static=${STATIC:-.build-static/release/swingcache}
[ -x "$dynamic" ] || swift build -c release --product swingcache
[ -x "$static" ] || swift build -c release --static-swift-stdlib --product swingcache --scratch-path .build-static
fixture_build=.build/release
[ -x "$fixture_build/spotify-fixture-server" ] || fixture_build=.build/debug
[ -x "$fixture_build/spotify-fixture-server" ] || {
    swift build -c release --product spotify-fixture-server
    fixture_build=.build/release
}

work=$(mktemp -d)
trap 'stop_fixture_server; rm -rf "$work"' EXIT
export HOME="$work"  # no config file from the machine
id=4iV5W9uYEdYUVa79Axb7Rh
database="$work/cache.sqlite"
start_fixture_server "$fixture_build" "$work/fixture.log"
"$dynamic" get track "$id" --db "$database" >/dev/null
stop_fixture_server
unset SPOTIFY_CLIENT_ID SPOTIFY_CLIENT_SECRET

echo "== the binaries"
for binary in "$dynamic" "$static"; do
    swift_libraries=$(ldd "$binary" | grep -c -E 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime' || true)
    echo "$binary: $(du -h "$binary" | cut -f1), $(ldd "$binary" | wc -l) libraries loaded, $swift_libraries of them Swift's"
done
echo "== what each prints"
"$static" get track "$id" --offline --db "$database" | head -n 3
sqlite3 "$database" "SELECT id, name, album_name, popularity FROM track WHERE id = '$id'"

query="SELECT id, name, album_name, popularity FROM track WHERE id = '$id'"
names=("dynamic --help" "static --help" "dynamic get --offline" "static get --offline" "sqlite3 SELECT")
commands=(
    "$dynamic --help"
    "$static --help"
    "$dynamic get track $id --offline --db $database"
    "$static get track $id --offline --db $database"
    "sqlite3 $database \"$query\""
)

if command -v hyperfine >/dev/null; then
    arguments=()
    for index in "${!commands[@]}"; do arguments+=(-n "${names[$index]}" "${commands[$index]}"); done
    hyperfine -N --warmup 20 --runs "$runs" --export-json "$work/times.json" --style basic "${arguments[@]}" >/dev/null
    python3 - "$work/times.json" <<'PYTHON'
import json, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
times = {
    r["command"]: (min(r["times"]) * 1000, statistics.median(r["times"]) * 1000, (r["user"] + r["system"]) * 1000)
    for r in results
}
sqlite_min, sqlite_median, sqlite_cpu = times["sqlite3 SELECT"]
print(f"{'command':<24}{'min ms':>9}{'median ms':>11}{'cpu ms':>9}{'min / sqlite3':>15}{'median / sqlite3':>18}")
for name, (low, median, cpu) in times.items():
    print(f"{name:<24}{low:>9.2f}{median:>11.2f}{cpu:>9.2f}{low / sqlite_min:>14.1f}x{median / sqlite_median:>17.1f}x")
for what in ("--help", "get --offline"):
    (dynamic_min, dynamic, _), (static_min, static, _) = times[f"dynamic {what}"], times[f"static {what}"]
    print(
        f"{what}: static/dynamic {static_min / dynamic_min:.2f} (min), {static / dynamic:.2f} (median);"
        f" {dynamic_min - static_min:.2f} ms less at the minimum"
    )
PYTHON
else
    echo "(hyperfine is not installed: timing each of $runs runs with date +%s%N)"
    printf '%-24s%9s%11s\n' command "min ms" "median ms"
    for index in "${!commands[@]}"; do
        for _ in $(seq 1 "$runs"); do
            start=$(date +%s%N)
            eval "${commands[$index]}" >/dev/null 2>&1 || true
            echo $((($(date +%s%N) - start) / 1000))
        done | sort -n | awk -v name="${names[$index]}" \
            '{ t[NR] = $1 } END { printf "%-24s%9.2f%11.2f\n", name, t[1] / 1000, t[int((NR + 1) / 2)] / 1000 }'
    done
fi

