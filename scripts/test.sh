#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what the build needs, checks the formatting,
# runs every test, then the smoke job. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

echo "== lint (swift format, .swift-format)"
swift format lint --strict --recursive Sources Tests Package.swift

echo "== build"
swift build --build-tests

echo "== systemd-analyze verify on the shipped units (the built binary standing in for /usr/local/bin/swingcache)"
if ! command -v systemd-analyze >/dev/null; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq systemd >/dev/null
fi
units=$(mktemp -d)
for unit in cron/systemd/*; do
    sed "s#/usr/local/bin/swingcache#$PWD/.build/debug/swingcache#g" "$unit" >"$units/$(basename "$unit")"
done
# --man=no: the man pages the units name are installed by install.sh, not here.
systemd-analyze verify --man=no "$units"/*.service "$units"/*.timer
rm -rf "$units"

# Every process started here is stopped by its pid on the way out, whatever happened.
redis_pid=""
swingmusic_pids=""
scratch=$(mktemp -d)
# SwingMusic's web server runs the app in a worker process of its own, which may outlive a stopped parent: each
# is stopped by its pid, and killed when it has not ended after ten seconds.
children() { pgrep -P "$1" | tr '\n' ' ' || true; }
# Every process below $1: SwingMusic's server starts workers that start workers of their own.
descendants() {
    local child
    for child in $(children "$1"); do echo -n "$child "; descendants "$child"; done
}
stop_swingmusic() {
    [ -n "${swingmusic_pids// /}" ] || return 0
    local pids="$swingmusic_pids" pid
    for pid in $swingmusic_pids; do pids="$pids $(descendants "$pid")"; done
    kill $pids 2>/dev/null || true
    for _ in $(seq 1 100); do
        ps -p "$(echo $pids | tr ' ' ',')" >/dev/null 2>&1 || break
        sleep 0.1
    done
    for pid in $pids; do
        if ps -p "$pid" >/dev/null 2>&1; then kill -KILL "$pid" 2>/dev/null || true; fi
    done
    swingmusic_pids=""
}
cleanup() {
    stop_swingmusic
    [ -n "$redis_pid" ] && kill "$redis_pid" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$scratch"
}
trap cleanup EXIT

echo "== a real redis-server on a free loopback port, for the Redis tests"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
redis_port=$(free_port)
mkdir -p "$scratch/redis"
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$scratch/redis" \
    >"$scratch/redis/redis.log" 2>&1 &
redis_pid=$!
for _ in $(seq 1 100); do
    [ "$(redis-cli -p "$redis_port" ping 2>/dev/null)" = PONG ] && break
    sleep 0.05
done
export SWINGCACHE_TEST_REDIS_URL="redis://127.0.0.1:$redis_port/0"

echo "== the real SwingMusic 3.0.1 on free loopback ports: one the tests compare with, one they publish into"
scripts/setup-swingmusic.sh
swingmusic_python=.cache/swingmusic-3.0.1/bin/python
swingmusic_files=$(find Tests/Fixtures/SwingMusicLibrary -type f | wc -l)
# prepare_swingmusic DIR: DIR is the home of one SwingMusic (its backups go to DIR/swingmusic.backup), with the
# committed library as its music folder.
prepare_swingmusic() {
    mkdir -p "$1/client" "$1/config"
    # The wheel ships no web client and SwingMusic will not start without one: an empty page of its version.
    echo '<!doctype html><title>swingcache tests</title>' >"$1/client/index.html"
    echo 3.0.1 >"$1/client/version.txt"
    cp -R Tests/Fixtures/SwingMusicLibrary "$1/music"
}
# start_swingmusic DIR PORT
start_swingmusic() {
    HOME="$1" "$swingmusic_python" -m swingmusic --host 127.0.0.1 --port "$2" \
        --config "$1/config" --client "$1/client" >>"$1/server.log" 2>&1 &
    swingmusic_pids="$swingmusic_pids $!"
}
# index_swingmusic DIR PORT: users, the music folder indexed, plays logged (scripts/swingmusic-fixture.py)
index_swingmusic() {
    if ! "$swingmusic_python" scripts/swingmusic-fixture.py --url "http://127.0.0.1:$2" \
        --music "$1/music" --files "$swingmusic_files"; then
        tail -n 40 "$1/server.log" >&2
        exit 1
    fi
}
swingmusic_dir="$scratch/swingmusic"
swingmusic_port=$(free_port)
prepare_swingmusic "$swingmusic_dir"
start_swingmusic "$swingmusic_dir" "$swingmusic_port"
index_swingmusic "$swingmusic_dir" "$swingmusic_port"
# Started again, as an installation that has run before: on its very first run SwingMusic 3.0.1 keeps a setting
# changed through its API in memory only, and settings.json (which swingcache reads) never sees it. It reads the
# user's unsplittable names on start: from artist_split_ignore.txt beside settings.json, and not from the empty
# data/artist_split_ignore.txt it creates (RealSwingMusicTests checks both).
stop_swingmusic
echo "Future, Kendrick Lamar" >"$swingmusic_dir/config/swingmusic/artist_split_ignore.txt"
echo "Queen/David Bowie" >"$swingmusic_dir/config/swingmusic/data/artist_split_ignore.txt"
start_swingmusic "$swingmusic_dir" "$swingmusic_port"
"$swingmusic_python" scripts/swingmusic-fixture.py --url "http://127.0.0.1:$swingmusic_port" --wait
export SWINGCACHE_TEST_SWINGMUSIC_URL="http://127.0.0.1:$swingmusic_port"
export SWINGCACHE_TEST_SWINGMUSIC_DB="$swingmusic_dir/config/swingmusic/swingmusic.db"
export SWINGCACHE_TEST_SWINGMUSIC_MUSIC="$swingmusic_dir/music"
export SWINGCACHE_TEST_SWINGMUSIC_USERS="admin:admin-pass bob:bob-pass"
export SWINGCACHE_TEST_SWINGMUSIC_TABLE="$scratch/swingmusic-comparison.md"
# The smoke job publishes into this one once the comparisons are done.
export SWINGCACHE_TEST_SWINGMUSIC_BACKUP_DIR="$swingmusic_dir/swingmusic.backup"
# The one `swingcache publish` writes into, so the comparisons above never see its playlists and plays.
publish_dir="$scratch/swingmusic-publish"
publish_port=$(free_port)
prepare_swingmusic "$publish_dir"
start_swingmusic "$publish_dir" "$publish_port"
index_swingmusic "$publish_dir" "$publish_port"
export SWINGCACHE_TEST_PUBLISH_URL="http://127.0.0.1:$publish_port"
export SWINGCACHE_TEST_PUBLISH_DB="$publish_dir/config/swingmusic/swingmusic.db"
export SWINGCACHE_TEST_PUBLISH_BACKUP_DIR="$publish_dir/swingmusic.backup"
# A worker may outlive its parent: each is stopped by its own pid.
for pid in $swingmusic_pids; do swingmusic_pids="$swingmusic_pids $(descendants "$pid")"; done

echo "== tests (swift test)"
swift test --skip-build
if [ -f "$SWINGCACHE_TEST_SWINGMUSIC_TABLE" ]; then
    echo "== the committed library as SwingMusic 3.0.1 shows it, and as swingcache reads it"
    cat "$SWINGCACHE_TEST_SWINGMUSIC_TABLE"
fi

echo "== smoke (the real binary against the fixture server)"
scripts/smoke.sh

echo "== the release archive, installed and run in a Debian root without Swift"
scripts/check-archive.sh
