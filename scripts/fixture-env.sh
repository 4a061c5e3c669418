# Sourced by scripts/demo.sh and scripts/smoke.sh: starts the fixture server on a free loopback port and
# points swingcache at it. Usage: start_fixture_server BUILD_DIR LOG_FILE [server flags…]
start_fixture_server() {
    local build_dir=$1 log_file=$2
    shift 2
    local ready
    ready=$(mktemp)
    "$build_dir/spotify-fixture-server" --port 0 "$@" >"$ready" 2>>"$log_file" &
    FIXTURE_PID=$!
    for _ in $(seq 1 200); do
        grep -q '^listening on ' "$ready" && break
        kill -0 "$FIXTURE_PID" 2>/dev/null || { cat "$log_file" >&2; echo "fixture server did not start" >&2; return 1; }
        sleep 0.05
    done
    FIXTURE_URL=$(sed -n 's/^listening on //p' "$ready" | head -n 1)
    rm -f "$ready"
    [ -n "$FIXTURE_URL" ] || { echo "fixture server printed no address" >&2; return 1; }
    export SWINGCACHE_SPOTIFY_API_URL="$FIXTURE_URL/v1"
    export SWINGCACHE_SPOTIFY_TOKEN_URL="$FIXTURE_URL/api/token"
    export SPOTIFY_CLIENT_ID=swingcache-demo
    export SPOTIFY_CLIENT_SECRET=swingcache-demo-secret
    export SWINGCACHE_LASTFM_URL="$FIXTURE_URL/lastfm"
    export SWINGCACHE_MUSICBRAINZ_URL="$FIXTURE_URL/musicbrainz"
    export SWINGCACHE_LISTENBRAINZ_URL="$FIXTURE_URL/listenbrainz"
    export SWINGCACHE_DEEZER_URL="$FIXTURE_URL/deezer"
    export SWINGCACHE_ODESLI_URL="$FIXTURE_URL/odesli"
    export LASTFM_API_KEY=swingcache-demo-lastfm-key
    export SWINGCACHE_CONTACT=demo@swingcache.invalid
}

stop_fixture_server() {
    [ -n "${FIXTURE_PID:-}" ] && kill "$FIXTURE_PID" 2>/dev/null && wait "$FIXTURE_PID" 2>/dev/null
    FIXTURE_PID=""
}
