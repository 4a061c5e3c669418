#!/usr/bin/env bash
# The main job, end to end, on a fresh machine: builds swingcache, then runs jobs/nightly.yaml and shows the
# summary and a few enriched rows. Without Spotify credentials in the environment it starts the bundled
# fixture server (a fake Spotify on 127.0.0.1) and runs against that; with SPOTIFY_CLIENT_ID and
# SPOTIFY_CLIENT_SECRET set it talks to the real Spotify. The database is ./demo/cache.sqlite.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/fixture-env.sh

scripts/setup.sh
swift build --product swingcache
swift build --product spotify-fixture-server
build=.build/debug
mkdir -p demo
export SWINGCACHE_DB="$PWD/demo/cache.sqlite"
trap stop_fixture_server EXIT

if [ -z "${SPOTIFY_CLIENT_ID:-}" ]; then
    echo "demo: no SPOTIFY_CLIENT_ID set: using the fixture server (a fake Spotify on 127.0.0.1)"
    start_fixture_server "$build" demo/fixture-server.log
fi

"$build/swingcache" validate jobs/nightly.yaml
echo
status=0
"$build/swingcache" run jobs/nightly.yaml || status=$?
echo
echo "A few enriched rows (sqlite3 demo/cache.sqlite 'SELECT … FROM swingcache_tracks'):"
sqlite3 -header -column "$SWINGCACHE_DB" \
    "SELECT name, artists, album_name, isrc, duration_ms, popularity, expires_at FROM swingcache_tracks ORDER BY name LIMIT 5"
echo
echo "The demo SwingMusic library (demo/swingmusic.db), matched and enriched by jobs/demo-library.yaml:"
rm -f demo/swingmusic.db
sqlite3 demo/swingmusic.db <scripts/demo-library.sql
"$build/swingcache" run jobs/demo-library.yaml || status=$?
echo
"$build/swingcache" explain track "/music/demo/01 First Light.flac" || status=$?
echo
"$build/swingcache" stats
exit "$status"
