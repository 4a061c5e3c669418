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

echo "== a real redis-server on a free loopback port, for the Redis tests"
redis_dir=$(mktemp -d)
redis_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$redis_dir" >"$redis_dir/redis.log" 2>&1 &
redis_pid=$!
trap 'kill "$redis_pid" 2>/dev/null; wait "$redis_pid" 2>/dev/null; rm -rf "$redis_dir"' EXIT
for _ in $(seq 1 100); do
    [ "$(redis-cli -p "$redis_port" ping 2>/dev/null)" = PONG ] && break
    sleep 0.05
done
export SWINGCACHE_TEST_REDIS_URL="redis://127.0.0.1:$redis_port/0"

echo "== tests (swift test)"
swift test --skip-build

echo "== smoke (the real binary against the fixture server)"
scripts/smoke.sh
