#!/usr/bin/env bash
# The CI smoke job: the real binary against the fixture server, checked through the database it writes.
# Expects a debug build (scripts/test.sh makes one). Prints "smoke: N passed, 0 failed" at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/fixture-env.sh

build=.build/debug
swingcache="$PWD/$build/swingcache"
work=$(mktemp -d)
trap 'stop_fixture_server; rm -rf "$work"' EXIT
export SWINGCACHE_DB="$work/cache.sqlite"
export HOME="$work"  # no stray config file from the machine
passed=0
failed=0

check() {
    local what=$1 expected=$2 actual=$3
    if [ "$expected" = "$actual" ]; then
        passed=$((passed + 1))
        echo "smoke: ok - $what"
    else
        failed=$((failed + 1))
        echo "smoke: FAILED - $what: expected '$expected', got '$actual'"
    fi
}
sql() { sqlite3 "$SWINGCACHE_DB" "$1"; }
api_requests_seen() { curl -s "$FIXTURE_URL/__log" | python3 -c 'import json,sys; print(sum(1 for r in json.load(sys.stdin) if r["isAPIRequest"]))'; }

echo "== 1. Development Mode: batch endpoints answer 403, fields are omitted"
start_fixture_server "$build" "$work/fixture.log" --development-mode
set +e
"$swingcache" run jobs/ci-smoke.yaml --json --report "$work/report.json" >"$work/run1.json" 2>"$work/run1.err"
status=$?
set -e
check "first run exits 0" 0 "$status"
check "tracks stored" 6 "$(sql 'SELECT COUNT(*) FROM track')"
check "albums stored" 3 "$(sql 'SELECT COUNT(*) FROM album')"
check "artists stored" 2 "$(sql 'SELECT COUNT(*) FROM artist')"
check "popularity is NULL, never 0, in Development Mode" 0 "$(sql 'SELECT COUNT(*) FROM track WHERE popularity IS NOT NULL')"
check "album label is NULL in Development Mode" 0 "$(sql 'SELECT COUNT(*) FROM album WHERE label IS NOT NULL')"
check "artist followers are NULL in Development Mode" 0 "$(sql 'SELECT COUNT(*) FROM artist WHERE followers IS NOT NULL')"
check "per-item mode learned for every kind" "album|per_item artist|per_item track|per_item" "$(sql "SELECT kind || '|' || mode FROM service_mode ORDER BY kind" | tr '\n' ' ' | sed 's/ $//')"
check "one ledger entry per request the server saw" "$(api_requests_seen)" "$(sql 'SELECT COUNT(*) FROM request_ledger')"
check "three wasted probes at most (one per kind)" 3 "$(sql 'SELECT COUNT(*) FROM request_ledger WHERE status = 403')"
check "the view reads the rows" 6 "$(sql 'SELECT COUNT(*) FROM swingcache_tracks WHERE is_fresh')"
python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install -q jsonschema >/dev/null
check "the run report matches docs/run-report.schema.json" valid "$(python3 - "$work/report.json" <<'PY'
import json, sys, jsonschema
try:
    jsonschema.validate(json.load(open(sys.argv[1])), json.load(open("docs/run-report.schema.json")))
    print("valid")
except jsonschema.ValidationError as error:
    print(error.message)
PY
)"

echo "== 2. An immediate re-run makes no request"
before=$(api_requests_seen)
"$swingcache" run jobs/ci-smoke.yaml >"$work/run2.txt" 2>&1
check "second run makes zero requests" "$before" "$(api_requests_seen)"
check "second run reports them fresh" 1 "$(grep -c '11 already fresh' "$work/run2.txt" || true)"
stop_fixture_server

echo "== 3. A run killed with SIGKILL halfway loses nothing the next run cannot finish"
python3 - "$work/big.yaml" <<'PY'
import random, sys
random.seed(3)
alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
ids = ["".join(random.choice(alphabet) for _ in range(22)) for _ in range(1500)]
with open(sys.argv[1], "w") as spec:
    spec.write("name: smoke-big\nbudget:\n  min_interval: 10ms\n  reserve: 0\ntargets:\n  tracks:\n")
    spec.writelines(f"    - {i}\n" for i in ids)
PY
export SWINGCACHE_DB="$work/big.sqlite"
start_fixture_server "$build" "$work/fixture.log" --latency-ms 150
"$swingcache" run "$work/big.yaml" >"$work/big1.txt" 2>&1 &
runner=$!
for _ in $(seq 1 300); do
    rows=$( [ -f "$SWINGCACHE_DB" ] && sql 'SELECT COUNT(*) FROM track' 2>/dev/null || echo 0)
    [ "${rows:-0}" -ge 200 ] && break
    sleep 0.05
done
kill -9 "$runner" 2>/dev/null || true
wait "$runner" 2>/dev/null || true
partial=$(sql 'SELECT COUNT(*) FROM track')
check "the killed run had stored some but not all rows" yes "$([ "$partial" -gt 0 ] && [ "$partial" -lt 1500 ] && echo yes || echo "no ($partial)")"
"$swingcache" run "$work/big.yaml" >"$work/big2.txt" 2>&1
check "the next run completes every row" 1500 "$(sql 'SELECT COUNT(*) FROM track')"
check "no duplicate rows" 1500 "$(sql 'SELECT COUNT(DISTINCT id) FROM track')"
check "integrity_check" ok "$(sql 'PRAGMA integrity_check')"
# The killed run may leave one row more than the server logged: a request it reserved and was killed sending, or
# one the server had not answered (and so not logged) yet. Such a row is a reservation no answer completed (status 0).
seen=$(api_requests_seen)
ledger=$(sql 'SELECT COUNT(*) FROM request_ledger')
unanswered=$(sql 'SELECT COUNT(*) FROM request_ledger WHERE status = 0')
check "every request the server saw is in the ledger, and any row more is one no answer completed" yes \
    "$([ "$ledger" -ge "$seen" ] && [ $((ledger - seen)) -le "$unanswered" ] && echo yes || echo "no (server $seen, ledger $ledger, unanswered $unanswered)")"
stop_fixture_server

echo "== 4. Cleanup at a later time evicts what expired"
later=$(python3 -c 'import datetime; print((datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=13)).strftime("%Y-%m-%dT%H:%M:%SZ"))')
"$swingcache" cleanup --now "$later" --json >"$work/cleanup.json"
check "cleanup removed every expired track" 1500 "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["tracks"])' "$work/cleanup.json")"
check "no track left" 0 "$(sql 'SELECT COUNT(*) FROM track')"
check "integrity after cleanup" ok "$(sql 'PRAGMA integrity_check')"

echo "== 5. doctor: every check, no Web API request"
start_fixture_server "$build" "$work/fixture.log"
set +e
SWINGCACHE_REDIS_URL="${SWINGCACHE_TEST_REDIS_URL:-}" "$swingcache" doctor >"$work/doctor.txt" 2>&1
status=$?
set -e
check "doctor exits 0" 0 "$status"
check "doctor checked the credentials on the token endpoint" 1 "$(grep -c '^ok      credentials' "$work/doctor.txt")"
check "doctor made no Web API request" 0 "$(api_requests_seen)"
stop_fixture_server

echo "== 6. A SwingMusic library: matched, enriched by every provider, exported"
export SWINGCACHE_DB="$work/library.sqlite"
sqlite3 "$work/swingmusic.db" <scripts/demo-library.sql
sed "s|^  swingmusic_db: .*|  swingmusic_db: $work/swingmusic.db|" jobs/demo-library.yaml >"$work/library.yaml"
files=$(sqlite3 "$work/swingmusic.db" 'SELECT COUNT(*) FROM track')
start_fixture_server "$build" "$work/fixture.log"
"$swingcache" plan "$work/library.yaml" --json >"$work/library-plan.json"
check "plan counts a Last.fm request per file and sends none" "$files 0" "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["providers"]["lastfm"]["requestsAtLeast"])' "$work/library-plan.json") $(curl -s "$FIXTURE_URL/__log" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"
set +e
"$swingcache" run "$work/library.yaml" --quiet --report "$work/library-report.json" >"$work/library1.txt" 2>&1
status=$?
set -e
check "the library run exits 0" 0 "$status"
check "every file imported" "$files" "$(sql 'SELECT COUNT(*) FROM library_track')"
check "every file matched" "$files" "$(sql "SELECT COUNT(*) FROM track_match WHERE outcome = 'matched'")"
check "every matched track fetched" "$files" "$(sql 'SELECT COUNT(*) FROM track WHERE id IN (SELECT spotify_id FROM track_match)')"
check "a combined play count for every file" "$files" "$(sql 'SELECT COUNT(*) FROM swingcache_play_counts WHERE totalCombined IS NOT NULL AND lastfmPlayCount IS NOT NULL')"
check "a MusicBrainz recording for every file" "$files" "$(sql 'SELECT COUNT(*) FROM musicbrainz_recording WHERE missing_reason IS NULL')"
for service in spotify lastfm musicbrainz listenbrainz deezer; do
    seen=$(curl -s "$FIXTURE_URL/__log" | python3 -c 'import json,sys; print(sum(1 for r in json.load(sys.stdin) if r["service"] == sys.argv[1] and r["path"] != "/api/token"))' "$service")
    check "one ledger entry per $service request the server saw" "$seen" "$(sql "SELECT COUNT(*) FROM request_ledger WHERE service = '$service'")"
done
check "the library run's report matches the schema" valid "$(python3 - "$work/library-report.json" <<'PY'
import json, sys, jsonschema
report = json.load(open(sys.argv[1]))
try:
    jsonschema.validate(report, json.load(open("docs/run-report.schema.json")))
    print("valid" if report.get("providers") and report.get("library") else "no providers or library in the report")
except jsonschema.ValidationError as error:
    print(error.message)
PY
)"
before=$(curl -s "$FIXTURE_URL/__log" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
"$swingcache" run "$work/library.yaml" --quiet >"$work/library2.txt" 2>&1
check "a re-run makes no request to any service" "$before" "$(curl -s "$FIXTURE_URL/__log" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"
stop_fixture_server
"$swingcache" export --format json --output "$work/library.json"
check "export --format json has every file" "$files" "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$work/library.json")"
"$swingcache" export --format csv --output "$work/library.csv"
check "export --format csv has a header and every file" "$((files + 1))" "$(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1]))))' "$work/library.csv")"

echo "== 7. publish: swingcache's playlists and the users' listening history, in the real SwingMusic"
if [ -z "${SWINGCACHE_TEST_SWINGMUSIC_URL:-}" ] || [ -z "${SWINGCACHE_TEST_SWINGMUSIC_BACKUP_DIR:-}" ]; then
    echo "smoke: skipped - no SwingMusic to publish into (scripts/test.sh starts one)"
else
    start_fixture_server "$build" "$work/fixture.log"
    export SWINGCACHE_DB="$work/published.sqlite"
    cat >"$work/publish.yaml" <<YAML
name: smoke-publish
library:
  swingmusic_db: $SWINGCACHE_TEST_SWINGMUSIC_DB
budget: { min_interval: 0s, reserve: 0 }
enrich:
  lastfm: { username: admin, min_interval: 0s }
  musicbrainz: { min_interval: 1s }
  listenbrainz: { min_interval: 0s }
publish:
  playlists:
    genres: { min_tracks: 2 }
    most_played: { size: 5 }
    most_listened: { size: 5 }
  history:
    - { user: admin, lastfm: admin, listenbrainz: admin }
    - { user: bob, lastfm: bob, listenbrainz: bob }
YAML
    smdb() { sqlite3 "$SWINGCACHE_TEST_SWINGMUSIC_DB" "$1"; }
    swingmusic_state() { smdb "SELECT id, name, trackhashes, settings, last_updated FROM playlist ORDER BY id; SELECT COUNT(*) FROM scrobble"; }
    "$swingcache" run "$work/publish.yaml" --quiet >"$work/publish-run.txt" 2>&1
    export SWINGMUSIC_URL="$SWINGCACHE_TEST_SWINGMUSIC_URL" SWINGMUSIC_USERNAME=admin SWINGMUSIC_PASSWORD=admin-pass \
        SWINGMUSIC_BACKUP_DIR="$SWINGCACHE_TEST_SWINGMUSIC_BACKUP_DIR"
    before=$(swingmusic_state)
    plays_before=$(smdb 'SELECT COUNT(*) FROM scrobble')
    "$swingcache" publish "$work/publish.yaml" --dry-run >"$work/publish-dry.txt" 2>&1
    check "publish --dry-run writes nothing into SwingMusic" "$before" "$(swingmusic_state)"
    set +e
    "$swingcache" publish "$work/publish.yaml" --json >"$work/publish1.json" 2>"$work/publish1.err"
    status=$?
    set -e
    check "publish exits 0" 0 "$status"
    report() { python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print($1)" "$work/publish1.json"; }
    check "every playlist is in SwingMusic with swingcache's marker" "$(report 'len(r["playlists"])')" \
        "$(smdb "SELECT COUNT(*) FROM playlist WHERE json_extract(settings, '\$.swingcache.key') IS NOT NULL")"
    check "SwingMusic holds exactly the plays publish imported" "$(report 'sum(h["imported"] for h in r["history"])')" \
        "$(($(smdb 'SELECT COUNT(*) FROM scrobble') - plays_before))"
    after=$(swingmusic_state)
    "$swingcache" publish "$work/publish.yaml" >"$work/publish2.txt" 2>&1
    check "a second publish changes nothing in SwingMusic" "$after" "$(swingmusic_state)"
    echo "smoke: the first publish, as a person reads it:"
    python3 - "$work/publish1.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for p in r["playlists"]:
    print(f"  {p['name']}: {p['change']}, {p['tracks']} tracks")
for h in r["history"]:
    print(f"  history of {h['user']}: read {h['fetched']}, imported {h['imported']}, already in SwingMusic "
          f"{h['alreadyInSwingMusic']}, reported by both {h['duplicatesAcrossServices']}, unmatched {h['unmatched']}")
print("  requests: " + ", ".join(f"{k} {v['requests']}" for k, v in sorted(r["requests"].items())))
PY
    stop_fixture_server
fi

echo "smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
