#!/usr/bin/env bash
# Sets up the Redis-compatible tier for swingcache: a server on loopback, and the config lines that point
# swingcache at it. Safe to run again.
#
#   scripts/setup-dragonfly.sh                 # redis-server from Debian's packages on 127.0.0.1:6379
#   scripts/setup-dragonfly.sh --port 6380 --prefix swingcache:home:
#   scripts/setup-dragonfly.sh --dry-run       # say what would be done, change nothing
#
# Where Docker exists it also prints the command that runs DragonflyDB instead; swingcache speaks to either.
set -euo pipefail

port=6379
prefix="swingcache:v1:"
config="${SWINGCACHE_CONFIG:-${XDG_CONFIG_HOME:-$HOME/.config}/swingcache/config}"
data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/swingcache/redis"
dry_run=false

usage() {
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
    cat <<EOF

Options:
  --port N        the port on 127.0.0.1 (default 6379)
  --prefix TEXT   the key prefix swingcache uses (default swingcache:v1:)
  --config FILE   the swingcache config file to update (default $config)
  --dry-run       print what would be done
  -h, --help      this text
EOF
}

while [ $# -gt 0 ]; do
    case "$1" in
    --port) port="$2"; shift 2 ;;
    --prefix) prefix="$2"; shift 2 ;;
    --config) config="$2"; shift 2 ;;
    --dry-run) dry_run=true; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "setup-dragonfly: unknown option '$1' (see --help)" >&2; exit 64 ;;
    esac
done
case "$port" in '' | *[!0-9]*) echo "setup-dragonfly: --port must be a number, found '$port'" >&2; exit 64 ;; esac

say() { echo "setup-dragonfly: $*"; }
run() {
    if $dry_run; then say "would run: $*"; else "$@"; fi
}
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

if command -v docker >/dev/null 2>&1; then
    say "Docker is here; to use DragonflyDB instead of redis-server, run:"
    echo "    docker run -d --name swingcache-dragonfly --restart unless-stopped --ulimit memlock=-1 \\"
    echo "        -p 127.0.0.1:$port:6379 docker.dragonflydb.io/dragonflydb/dragonfly"
    say "(then run this script again: it finds the server on port $port and only writes the config)"
fi

answers_ping() { command -v redis-cli >/dev/null 2>&1 && [ "$(redis-cli -p "$port" ping 2>/dev/null)" = PONG ]; }

if answers_ping; then
    say "a Redis-compatible server already answers on 127.0.0.1:$port; using it"
else
    if ! command -v redis-server >/dev/null 2>&1; then
        say "installing redis-server from Debian's packages"
        run $sudo apt-get update -qq
        run env DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq redis-server
    fi
    if [ "$port" = 6379 ] && command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
        say "starting the redis-server service"
        run $sudo systemctl enable --now redis-server
    else
        # No systemd (a container, CI): run it in the background. Without persistence: the cache refills
        # from SQLite and Spotify, and a restart only forgets the last hour of the shared budget.
        say "starting redis-server on 127.0.0.1:$port (data in $data_dir)"
        run mkdir -p "$data_dir"
        run redis-server --port "$port" --bind 127.0.0.1 --daemonize yes --save "" --appendonly no \
            --dir "$data_dir" --logfile "$data_dir/redis.log"
    fi
    if ! $dry_run; then
        for _ in $(seq 1 100); do
            answers_ping && break
            sleep 0.1
        done
        answers_ping || { say "the server did not answer on 127.0.0.1:$port (see $data_dir/redis.log)"; exit 69; }
    fi
fi

url="redis://127.0.0.1:$port/0"
say "$($dry_run && echo "would write" || echo "writing") SWINGCACHE_REDIS_URL=$url and SWINGCACHE_REDIS_PREFIX=$prefix to $config"
if ! $dry_run; then
    mkdir -p "$(dirname "$config")"
    touch "$config"
    chmod 600 "$config"
    kept=$(grep -v -e '^SWINGCACHE_REDIS_URL=' -e '^SWINGCACHE_REDIS_PREFIX=' "$config" || true)
    {
        [ -n "$kept" ] && printf '%s\n' "$kept"
        echo "SWINGCACHE_REDIS_URL=$url"
        echo "SWINGCACHE_REDIS_PREFIX=$prefix"
    } >"$config.new"
    chmod 600 "$config.new"
    mv "$config.new" "$config"
fi

# The newest of this checkout's builds and the one on PATH: either may be stale.
candidates=()
for candidate in "$(dirname "$0")/../.build/release/swingcache" "$(dirname "$0")/../.build/debug/swingcache" \
    "$(command -v swingcache || true)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then candidates+=("$candidate"); fi
done
swingcache=""
[ ${#candidates[@]} -eq 0 ] || swingcache=$(ls -t "${candidates[@]}" | head -1)
if [ -n "$swingcache" ] && ! $dry_run; then
    say "checking with swingcache doctor"
    "$swingcache" doctor --config "$config" || true
else
    say "done; check it with: swingcache doctor"
fi
