#!/usr/bin/env bash
# The adversarial set of issue 12, re-runnable: the real binary against kills, server faults, a fuzz corpus of
# job specs, bad paths, Redis faults and concurrent runs. Prints per group how many cases ran and how each
# ended, every failure as a finding (the exact command and its output), and the totals of hangs, crashes,
# silent losses, unexpected exit codes and raw messages.
#
#   scripts/adversarial.sh [--quick] [--keep]
#
#   SWINGCACHE_BIN  the swingcache binary   (default .build/debug/swingcache)
#   FIXTURE_BIN     the fixture server      (default .build/debug/spotify-fixture-server)
#   ADVERSARIAL_SEED                        (default 12) seeds the ids, kill moments and fuzz mutations
#   ADVERSARIAL_GROUPS                      some of: kills faults fuzz bad-paths redis concurrency (default all)
#
# Needs bash, python3, sqlite3, redis-server, redis-cli, timeout and curl; it builds nothing. Everything it
# writes is in one mktemp folder (kept with --keep), and every process it starts is stopped on exit.
# Full mode takes about 15 minutes on two cores, --quick about 6. Exit 0 when every case passed, 1 otherwise.
#
# What each group checks (a case that runs past its `timeout` is a hang; an exit >= 128 is a crash):
#  1 kills        a run of a few hundred ids (Development Mode: one request per id, with latency) killed with
#                 kill -9 at a random moment: integrity_check ok, the next run exits 0, every id of the spec is
#                 stored once (tracks, albums, artists, or known-missing); an id neither stored nor reported is
#                 a silent loss.
#  2 faults       429 storms (no request before Retry-After expired, from the fixture's /__log), 5xx rates,
#                 malformed bodies (no row differs from a clean run's), quota exhaustion, a server that never
#                 answers, one that trickles a byte every 2 s (SWINGCACHE_HTTP_DEADLINE=3s), and SIGTERM once and
#                 twice during a trickling answer: each ends, with 0, 69 or 75.
#  3 fuzz         the HostileSpecTests corpus plus random mutations through validate and plan: an invalid spec
#                 exits 65 naming FILE:LINE:COL (or FILE:), a valid one 0, never a signal; id files with \n,
#                 \r\n and \r endings plan every id.
#  4 bad-paths    --db and library.swingmusic_db as a FIFO, a folder, /dev/null, a symlink loop, a dangling
#                 symlink, an unreadable file, a second hard link, a cache in a read-only folder, a cache whose
#                 page 2 is zeroed, SwingMusic's own database (neither may change); id files that
#                 are a folder, a FIFO or /dev/null; through run, plan, get --offline, stats, cleanup, export
#                 and doctor: each ends with one sentence and 64/65/75/77, never raw SQLite or Foundation text.
#                 Reading commands (plan, get, stats, export) may answer 0 where nothing stops a reader (a second
#                 hard link, a read-only folder, a damaged page they do not touch, no cache yet); doctor may not
#                 pass a database that run refuses; a refusal may not blame a folder that is writable.
#  5 redis        a redis-server stopped with SIGSTOP mid-run, and a server that accepts and never answers, with
#                 SWINGCACHE_REDIS_TIMEOUT=1s: run completes on SQLite with one warning, get/plan/stats end,
#                 doctor and cleanup exit 69.
#  6 concurrency  pairs of runs started at the same instant on a new database: one proceeds, the other exits 75
#                 naming the holder; a second writer through a symlink gets 75, through a hard link 77.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

quick=0
keep=0
for argument in "$@"; do
    case $argument in
        --quick) quick=1 ;;
        --keep) keep=1 ;;
        -h | --help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "adversarial.sh: unknown argument '$argument' (expected --quick or --keep)" >&2; exit 64 ;;
    esac
done

absolute() { case $1 in /*) echo "$1" ;; *) echo "$repo/$1" ;; esac; }
swingcache=$(absolute "${SWINGCACHE_BIN:-.build/debug/swingcache}")
fixture=$(absolute "${FIXTURE_BIN:-.build/debug/spotify-fixture-server}")
seed=${ADVERSARIAL_SEED:-12}
for tool in python3 sqlite3 redis-server redis-cli timeout curl mkfifo; do
    command -v "$tool" >/dev/null || { echo "adversarial.sh: '$tool' is needed and not installed" >&2; exit 69; }
done
for binary in "$swingcache" "$fixture"; do
    [ -x "$binary" ] || { echo "adversarial.sh: no binary at '$binary' (set SWINGCACHE_BIN / FIXTURE_BIN)" >&2; exit 69; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/swingcache-adversarial.XXXXXX")
chmod 755 "$work"  # the unprivileged cases of group 4 read beneath it
helper="$repo/scripts/adversarial-helper.py"
mkdir -p "$work/bin" "$work/home" "$work/out"
ln -s "$fixture" "$work/bin/spotify-fixture-server"  # fixture-env.sh takes the folder holding it
source scripts/fixture-env.sh

# Every process this script starts, by pid; on exit each that is still one of this shell's jobs is stopped (a
# pid that is no longer a job may belong to someone else by now).
declare -A started=()
track() { started[$1]=1; }
finish() {
    local status=$? pid live
    trap - INT TERM
    stop_fixture_server 2>/dev/null
    live=$(jobs -p)
    for pid in "${!started[@]}"; do
        grep -qx "$pid" <<<"$live" || continue
        kill -CONT "$pid" 2>/dev/null
        kill "$pid" 2>/dev/null
        for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    chmod -R u+rwx "$work" 2>/dev/null
    if [ "$keep" = 1 ]; then echo "kept: $work"; else rm -rf "$work"; fi
    exit "$status"
}
trap finish EXIT
trap 'exit 130' INT TERM

# A clean environment: nothing from the caller's configuration, Redis or database reaches a case.
unset SWINGCACHE_DB SWINGCACHE_CONFIG SWINGCACHE_REDIS_URL SWINGCACHE_REDIS_TIMEOUT SWINGCACHE_HTTP_DEADLINE \
    SWINGMUSIC_CONFIG_DIR SWINGMUSIC_URL XDG_CONFIG_HOME
export HOME="$work/home" XDG_DATA_HOME="$work/home/data" NO_COLOR=1

results="$work/results.tsv"
findings="$work/findings.txt"
: >"$results"
: >"$findings"
hangs=0 crashes=0 losses=0 unexpected=0 raws=0 others=0
case_number=0
extra_env=""

# Runs one command under `timeout`: sets rc, elapsed (seconds), out and err (files), hung (0/1), command.
attempt() {
    local limit=$1
    shift
    case_number=$((case_number + 1))
    out="$work/out/$case_number.out"
    err="$work/out/$case_number.err"
    shown=$(printf '%q ' "$@")
    local start=${EPOCHREALTIME/[.,]/}
    timeout -k 5 "$limit" "$@" >"$out" 2>"$err" </dev/null
    rc=$?
    local micros=$((${EPOCHREALTIME/[.,]/} - start))
    elapsed=$((micros / 1000000)).$((micros / 100000 % 10))
    hung=0
    if [ "$rc" = 124 ] || [ "$micros" -ge $((limit * 1000000)) ]; then hung=1; fi
}

finding() {  # GROUP CASE WHY: the last attempt's command and output
    {
        echo "### [$1] $2: $3"
        echo "    \$ ${extra_env:+$extra_env }$shown"
        echo "    exit $rc after ${elapsed}s"
        sed -n '1,12p' "$err" | sed 's/^/    stderr: /' | cut -c 1-300
        sed -n '1,6p' "$out" | sed 's/^/    stdout: /' | cut -c 1-300
        echo
    } >>"$findings"
}

# Judges the last attempt: GROUP CASE "ALLOWED EXIT CODES" [EXTRA FAILURE]; records outcome and verdict.
judge() {
    local group=$1 name=$2 allowed=$3 problem=${4:-}
    local outcome verdict=ok why=""
    if [ "$hung" = 1 ]; then
        outcome=hang; verdict=FAIL; why="did not end within its timeout"; hangs=$((hangs + 1))
    elif [ "$rc" -ge 128 ] && [[ " $allowed " != *" $rc "* ]]; then
        outcome="signal $((rc - 128))"; verdict=FAIL; why="ended by a signal (crash)"; crashes=$((crashes + 1))
    else
        outcome="exit $rc"
        if [[ " $allowed " != *" $rc "* ]]; then
            verdict=FAIL; why="exit $rc, expected one of: $allowed"; unexpected=$((unexpected + 1))
        fi
    fi
    if [ -n "$problem" ] && [ "$verdict" = ok ]; then
        verdict=FAIL; why=$problem
        case $problem in
            silent*) losses=$((losses + 1)) ;;
            raw*) raws=$((raws + 1)) ;;
            *) others=$((others + 1)) ;;
        esac
    fi
    printf '%s\t%s\t%s\t%s\n' "$group" "$name" "$outcome" "$verdict" >>"$results"
    [ "$verdict" = ok ] || finding "$group" "$name" "$why"
    extra_env=""
}

# A check that is not one process's exit: GROUP CASE OUTCOME ok|why.
note() {
    local verdict=ok
    [ "$4" = ok ] || { verdict=FAIL; others=$((others + 1)); echo "### [$1] $2: $4" >>"$findings"; echo >>"$findings"; }
    printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$verdict" >>"$results"
}

start_fixture() { start_fixture_server "$work/bin" "$work/fixture.log" "$@" || exit 69; track "$FIXTURE_PID"; }
stop_fixture() { stop_fixture_server; }
fixture_log() { curl -s "$FIXTURE_URL/__log" >"$1"; }
raw_text='NSCocoaErrorDomain|NSURLErrorDomain|NSPOSIXErrorDomain|Error Domain=|unable to open database file|SQLite error|sqlite3_|database disk image is malformed|Fatal error|SQLITE_[A-Z]'

random_between() {  # LOW HIGH (seconds, decimals allowed) from bash's seeded RANDOM
    python3 -c "print(f'{$1 + ($2 - $1) * $RANDOM / 32767:.2f}')"
}

wait_for_rows() {  # DB MINIMUM TIMEOUT: until the track table holds at least MINIMUM rows
    local deadline=$((SECONDS + $3)) count
    while [ $SECONDS -lt $deadline ]; do
        count=$(sqlite3 "$1" 'SELECT COUNT(*) FROM track' 2>/dev/null || echo 0)
        [ "${count:-0}" -ge "$2" ] && return 0
        sleep 0.05
    done
    return 1
}

# A job of KIND ids, written as FOLDER/job.yaml with its ids in FOLDER/tracks.txt; FOLDER/expected lists
# 'KIND ID EXISTS' for check-ids.
write_job() {  # FOLDER SEED TRACKS MISSING ALBUMS ARTISTS
    local folder=$1 s=$2
    mkdir -p "$folder"
    python3 "$helper" ids "$s" "$3" >"$folder/tracks.txt"
    python3 "$helper" ids "$((s + 1))" "$4" 0000 >>"$folder/tracks.txt"
    python3 "$helper" ids "$((s + 2))" "$5" >"$folder/albums.txt"
    python3 "$helper" ids "$((s + 3))" "$6" >"$folder/artists.txt"
    {
        sed 's/^0000\(.*\)/track 0000\1 0/; t; s/^\(.*\)$/track \1 1/' "$folder/tracks.txt"
        sed 's/^/album /; s/$/ 1/' "$folder/albums.txt"
        sed 's/^/artist /; s/$/ 1/' "$folder/artists.txt"
    } >"$folder/expected"
    {
        echo "name: adversarial"
        echo "ttl: 12h"
        echo "targets:"
        echo "  files:"
        echo "    - tracks.txt"
        echo "    - {path: albums.txt, kind: album}"
        echo "    - {path: artists.txt, kind: artist}"
        echo "budget:"
        echo "  per_hour: 100000"
        echo "  min_interval: 5ms"
        echo "  reserve: 0"
    } >"$folder/job.yaml"
}

banner() { echo "== $1 ($(date +%H:%M:%S))"; }

# ---------------------------------------------------------------------------------------------------------------
group_kills() {
    local group=kills count=36
    [ "$quick" = 1 ] && count=6
    banner "1. kills: $count runs killed with kill -9"
    local job="$work/kills"
    write_job "$job" "$seed" 200 20 40 40
    start_fixture --development-mode --latency-ms 8
    # The length of an uninterrupted run bounds the kill moments.
    attempt 300 "$swingcache" run "$job/job.yaml" --db "$job/calibration.sqlite" --quiet
    judge "$group" calibration "0"
    local full=${elapsed}
    echo "   an uninterrupted run takes ${full}s"
    local index db delay runner alive integrity check
    for index in $(seq 1 "$count"); do
        db="$job/kill-$index.sqlite"
        delay=$(random_between 0.1 "$full")
        "$swingcache" run "$job/job.yaml" --db "$db" --quiet >"$job/killed-$index.out" 2>&1 &
        runner=$!
        track "$runner"
        sleep "$delay"
        alive=alive
        kill -0 "$runner" 2>/dev/null || alive=finished
        kill -9 "$runner" 2>/dev/null
        wait "$runner" 2>/dev/null
        if [ -f "$db" ]; then
            integrity=$(sqlite3 "$db" 'PRAGMA integrity_check' 2>&1 | head -n 3 | tr '\n' ' ' | sed 's/ $//')
            note "$group" "kill $index integrity after kill at ${delay}s ($alive)" "integrity $integrity" \
                "$([ "$integrity" = ok ] && echo ok || echo "integrity_check after the kill: $integrity")"
        fi
        attempt 300 "$swingcache" run "$job/job.yaml" --db "$db" --json
        cp "$out" "$job/report-$index.json"
        check=$(python3 "$helper" check-ids "$db" "$job/expected" "$job/report-$index.json" 2>"$job/lost-$index.txt")
        local problem=""
        case $check in
            *"lost=0 duplicated=0"*"wrong_table=0") ;;
            *) local lost reported
                lost=$(sed 's/.*lost=\([0-9]*\).*/\1/' <<<"$check")
                reported=$(sed 's/.*reported=\([0-9]*\).*/\1/' <<<"$check")
                if [ "$lost" != "$reported" ]; then
                    problem="silent loss: $check ($(head -n 3 "$job/lost-$index.txt" | tr '\n' ';'))"
                else
                    problem="ids differ from the spec: $check"
                fi ;;
        esac
        judge "$group" "kill $index follow-up run" "0" "$problem"
        integrity=$(sqlite3 "$db" 'PRAGMA integrity_check' 2>&1 | head -n 1)
        [ "$integrity" = ok ] || note "$group" "kill $index integrity after the follow-up" "integrity $integrity" \
            "integrity_check after the follow-up run: $integrity"
    done
    stop_fixture
}

# ---------------------------------------------------------------------------------------------------------------
fault_run() {  # NAME ALLOWED FIXTURE-FLAGS… -- RUN-FLAGS…: a fresh database, a fresh fixture server, one run
    local name=$1 allowed=$2
    shift 2
    local flags=() runflags=()
    while [ $# -gt 0 ] && [ "$1" != -- ]; do flags+=("$1"); shift; done
    [ $# -gt 0 ] && shift
    runflags=("$@")
    fault_db="$work/faults/$name.sqlite"
    start_fixture "${flags[@]}"
    attempt 120 "$swingcache" run "$work/faults/job.yaml" --db "$fault_db" --report "$work/faults/$name.json" \
        "${runflags[@]}"
    fixture_log "$work/faults/$name.log"
    stop_fixture
    fault_allowed=$allowed
}

ids_problem() {  # when the run said it completed, every id must be stored; otherwise stored or reported
    local check lost reported
    check=$(python3 "$helper" check-ids "$fault_db" "$work/faults/expected" "$work/faults/$1.json" 2>/dev/null \
        || echo "lost=? duplicated=? reported=? wrong_table=?")
    lost=$(sed 's/.*lost=\([0-9?]*\).*/\1/' <<<"$check")
    reported=$(sed 's/.*reported=\([0-9?]*\).*/\1/' <<<"$check")
    if [ "$rc" = 0 ] && [ "$lost" != 0 ]; then echo "silent loss: exit 0 yet $check"; return; fi
    if [ "$rc" = 0 ] && [[ $check != *"duplicated=0 "* ]]; then echo "rows differ from the spec: $check"; fi
}

group_faults() {
    local group=faults
    banner "2. server faults"
    local folder="$work/faults"
    write_job "$folder" "$((seed + 100))" 14 2 2 2
    export SWINGCACHE_HTTP_DEADLINE=3s
    local problem summary

    # The rows a clean run stores, to compare the faulty runs' rows with.
    fault_run clean "0" --development-mode
    judge "$group" "clean reference run" "$fault_allowed" "$(ids_problem clean)"
    python3 "$helper" rows "$fault_db" >"$folder/reference.rows"

    local retry_after=2
    fault_run storm "0" --development-mode --rate-limit-every 3 --retry-after "$retry_after"
    summary=$(python3 "$helper" retry-after-check "$folder/storm.log" "$retry_after")
    set -- ${summary:-0 0 none} 0 0 none  # a log that could not be read counts as no 429
    problem=""
    [ "$1" -gt 0 ] || problem="the storm answered no 429 (log: $summary)"
    [ "$2" = 0 ] || problem="$2 of $1 requests after a 429 came before Retry-After ${retry_after}s (shortest gap $3 s)"
    [ -n "$problem" ] || problem=$(ids_problem storm)
    judge "$group" "429 storm: every 3rd request, Retry-After ${retry_after}s ($1 429s, shortest gap after one $3 s)" \
        "$fault_allowed" "$problem"

    fault_run storm-long "0 75" --development-mode --rate-limit-every 2 --retry-after 40 -- --max-runtime 5s
    summary=$(python3 "$helper" retry-after-check "$folder/storm-long.log" 40)
    set -- ${summary:-0 0 none} 0 0 none  # a log that could not be read counts as no 429
    problem=""
    [ "$2" = 0 ] || problem="$2 requests came before a Retry-After of 40 s expired"
    judge "$group" "429 with Retry-After 40s beyond --max-runtime 5s" "$fault_allowed" "$problem"

    local rate
    for rate in 0.3 1.0; do
        fault_run "5xx-$rate" "$([ $rate = 1.0 ] && echo '69 75' || echo '0 69 75')" --development-mode \
            --server-error-rate "$rate" --seed 3
        judge "$group" "503 rate $rate" "$fault_allowed" "$(ids_problem "5xx-$rate")"
    done
    for rate in 0.3 1.0; do
        fault_run "malformed-$rate" "$([ $rate = 1.0 ] && echo '69 75' || echo '0 69 75')" --development-mode \
            --malformed-rate "$rate" --seed 5
        problem=$(ids_problem "malformed-$rate")
        python3 "$helper" rows "$fault_db" >"$folder/malformed-$rate.rows"
        local foreign
        foreign=$(comm -23 "$folder/malformed-$rate.rows" "$folder/reference.rows" | wc -l)
        [ "$foreign" = 0 ] || problem="$foreign stored rows differ from a clean run's (stored from a malformed answer)"
        if [ "$rate" = 1.0 ] && [ "$(wc -l <"$folder/malformed-$rate.rows")" != 0 ]; then
            problem="rows stored though every answer was malformed"
        fi
        judge "$group" "truncated JSON rate $rate ($(wc -l <"$folder/malformed-$rate.rows") rows kept, $foreign differ)" \
            "$fault_allowed" "$problem"
    done

    fault_run quota "75" --development-mode --quota-after 5 --quota-retry-after 3600
    judge "$group" "quota exhausted after 5 requests" "$fault_allowed" "$(ids_problem quota)"

    # Servers that never answer, or trickle.
    local mode interval port server
    for mode in silent trickle; do
        python3 "$helper" server "$mode" 2 >"$folder/$mode.port" &
        server=$!
        track "$server"
        for _ in $(seq 1 100); do [ -s "$folder/$mode.port" ] && break; sleep 0.05; done
        port=$(head -n 1 "$folder/$mode.port")
        start_fixture
        local api_url=$SWINGCACHE_SPOTIFY_API_URL token_url=$SWINGCACHE_SPOTIFY_TOKEN_URL
        export SWINGCACHE_SPOTIFY_API_URL="http://127.0.0.1:$port/v1"
        extra_env="SWINGCACHE_HTTP_DEADLINE=3s SWINGCACHE_SPOTIFY_API_URL=$SWINGCACHE_SPOTIFY_API_URL"
        attempt 120 "$swingcache" run "$folder/job.yaml" --db "$folder/$mode-api.sqlite"
        judge "$group" "Web API server that is $mode (deadline 3s, ${elapsed}s)" "69 75"
        export SWINGCACHE_SPOTIFY_API_URL=$api_url SWINGCACHE_SPOTIFY_TOKEN_URL="http://127.0.0.1:$port/api/token"
        extra_env="SWINGCACHE_HTTP_DEADLINE=3s SWINGCACHE_SPOTIFY_TOKEN_URL=$SWINGCACHE_SPOTIFY_TOKEN_URL"
        attempt 120 "$swingcache" run "$folder/job.yaml" --db "$folder/$mode-token.sqlite"
        judge "$group" "token endpoint that is $mode (deadline 3s, ${elapsed}s)" "69 75 77"
        export SWINGCACHE_SPOTIFY_TOKEN_URL=$token_url
        if [ "$mode" = trickle ]; then
            signal_case 1 "$port"
            signal_case 2 "$port"
        fi
        stop_fixture
        kill "$server" 2>/dev/null
        wait "$server" 2>/dev/null
    done
    unset SWINGCACHE_HTTP_DEADLINE
}

signal_case() {  # SIGNALS PORT: SIGTERM during a trickling answer (deadline 60s): once ends in ~5s, twice at once
    local signals=$1 port=$2 runner start end took limit allowed
    local folder="$work/faults"
    case_number=$((case_number + 1))
    out="$work/out/$case_number.out"
    err="$work/out/$case_number.err"
    shown="SWINGCACHE_HTTP_DEADLINE=60s SWINGCACHE_SPOTIFY_API_URL=http://127.0.0.1:$port/v1 $(printf '%q ' \
        "$swingcache" run "$folder/job.yaml" --db "$folder/signal-$signals.sqlite" --verbose); then kill -TERM x$signals"
    SWINGCACHE_HTTP_DEADLINE=60s SWINGCACHE_SPOTIFY_API_URL="http://127.0.0.1:$port/v1" \
        "$swingcache" run "$folder/job.yaml" --db "$folder/signal-$signals.sqlite" --verbose >"$out" 2>"$err" &
    runner=$!
    track "$runner"
    sleep 3
    start=$(date +%s.%N)
    kill -TERM "$runner" 2>/dev/null
    if [ "$signals" = 2 ]; then sleep 0.3; kill -TERM "$runner" 2>/dev/null; fi
    limit=$([ "$signals" = 1 ] && echo 10 || echo 2)
    hung=1
    for _ in $(seq 1 $((limit * 20 + 200))); do
        kill -0 "$runner" 2>/dev/null || { hung=0; break; }
        sleep 0.05
    done
    end=$(date +%s.%N)
    took=$(python3 -c "print(f'{$end - $start:.1f}')")
    elapsed=$took
    if [ "$hung" = 1 ]; then kill -9 "$runner" 2>/dev/null; fi
    wait "$runner" 2>/dev/null
    rc=$?
    [ "$hung" = 0 ] && python3 -c "import sys; sys.exit(0 if $took > $limit else 1)" && hung=1
    allowed=$([ "$signals" = 1 ] && echo 75 || echo "75 130 143")
    judge faults "SIGTERM x$signals during a trickling answer (ended ${took}s after the first, limit ${limit}s)" \
        "$allowed"
}

# ---------------------------------------------------------------------------------------------------------------
group_fuzz() {
    local group=fuzz count=740
    [ "$quick" = 1 ] && count=80
    local folder="$work/fuzz"
    python3 "$helper" fuzz "$folder" "$count" "$seed" >"$folder.list"
    banner "3. fuzz: $(wc -l <"$folder.list") job specs through validate and plan"
    local file kind command_name problem position pattern
    cd "$folder" || exit 1
    while read -r file kind; do
        local outcomes=""
        for command_name in validate plan; do
            if [ "$command_name" = validate ]; then
                attempt 60 "$swingcache" validate "$file"
            else
                attempt 60 "$swingcache" plan "$file" --db "$folder/cache.sqlite"
            fi
            problem=""
            if [ "$rc" = 65 ]; then
                pattern="^(swingcache: )?$(sed 's/[.[\*^$]/\\&/g' <<<"$file"):([0-9]+:[0-9]+:)? "
                grep -Eq "$pattern" "$err" || problem="exit 65 without a FILE:LINE:COL position"
            fi
            grep -Eq "$raw_text" "$err" "$out" && problem="raw message: $(grep -Eho "$raw_text" "$err" "$out" | head -n 1)"
            judge "$group" "$command_name $file ($kind)" "0 65" "$problem"
            outcomes+="$rc "
        done
        # plan skips a bad id with a positioned warning where validate refuses it; any other difference is one.
        set -- $outcomes
        if [ "$1" != "$2" ] && [ "$hung" = 0 ]; then
            if [ "$1" = 65 ] && [ "$2" = 0 ] && grep -Eq "^swingcache: warning: $(sed 's/[.[\*^$]/\\&/g' <<<"$file"):[0-9]+:[0-9]+: .*\(skipped\)" "$err"; then
                note "$group" "plan $file skips what validate refuses" "plan skips with a warning" ok
            else
                note "$group" "validate and plan agree on $file" "disagree" "validate exits $1 but plan exits $2 for $file ($kind)"
            fi
        fi
    done <"$folder.list"
    rm -f "$folder/cache.sqlite"*

    # Id files with each line ending: plan must see every id (issue 12's silent loss 4).
    local ending
    python3 "$helper" ids "$((seed + 7))" 25 >"$folder/ids.base"
    for ending in lf crlf cr; do
        case $ending in
            lf) cp "$folder/ids.base" "$folder/ids.$ending" ;;
            crlf) sed 's/$/\r/' "$folder/ids.base" >"$folder/ids.$ending" ;;
            cr) tr '\n' '\r' <"$folder/ids.base" >"$folder/ids.$ending" ;;
        esac
        printf 'name: endings\ntargets:\n  files: [ids.%s]\n' "$ending" >"$folder/endings-$ending.yaml"
        attempt 60 "$swingcache" plan "$folder/endings-$ending.yaml" --db "$folder/endings.sqlite" --json
        local targets
        targets=$(python3 "$helper" plan-targets "$out")
        judge "$group" "id file with $ending line endings (plan sees $targets of 25)" "0" \
            "$([ "$targets" = 25 ] || echo "silent loss: plan sees $targets of the 25 ids")"
    done
    cd "$repo" || exit 1
}

# ---------------------------------------------------------------------------------------------------------------
as_nobody=()
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
    as_nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi

bad_path_case() {  # LABEL ALLOWED [RUNNER…] -- COMMAND ARGS…
    local label=$1 allowed=$2
    shift 2
    local runner=()
    while [ "$1" != -- ]; do runner+=("$1"); shift; done
    shift
    attempt 60 "${runner[@]}" "$swingcache" "$@"
    local problem=""
    if grep -Eq "$raw_text" "$err" "$out"; then
        problem="raw message: $(grep -Eho "$raw_text" "$err" "$out" | head -n 1)"
    elif [ "$rc" != 0 ] && [ ! -s "$err" ] && [ ! -s "$out" ]; then
        problem="no message"
    elif [[ $(cat "$err") =~ cannot\ write\ in\ folder\ \'([^\']*)\' ]] && [ ${#runner[@]} = 0 ] \
        && [ -w "${BASH_REMATCH[1]}" ]; then
        problem="misleading message: '${BASH_REMATCH[1]}' is writable"
    fi
    judge bad-paths "$label" "$allowed" "$problem"
}

group_bad_paths() {
    banner "4. bad paths"
    local folder="$work/paths"
    mkdir -p "$folder/folder-db" "$folder/ro" "$folder/idfolder"
    python3 "$helper" ids "$((seed + 9))" 3 >"$folder/ids.txt"
    printf 'name: paths\ntargets:\n  files: [ids.txt]\nbudget: {min_interval: 5ms, reserve: 0}\n' >"$folder/job.yaml"
    start_fixture --development-mode
    # A real cache to link to, lock down and put in a read-only folder.
    attempt 60 "$swingcache" run "$folder/job.yaml" --db "$folder/cache.sqlite" --quiet
    judge bad-paths "a cache for the path cases" "0"
    mkfifo "$folder/fifo.sqlite"
    ln -s "$folder/loop-a.sqlite" "$folder/loop-b.sqlite"
    ln -s "$folder/loop-b.sqlite" "$folder/loop-a.sqlite"
    ln -s "$folder/nowhere/cache.sqlite" "$folder/dangling.sqlite"
    cp "$folder/cache.sqlite" "$folder/locked.sqlite"
    chmod 000 "$folder/locked.sqlite"
    cp "$folder/cache.sqlite" "$folder/linked.sqlite"
    ln "$folder/linked.sqlite" "$folder/hardlink.sqlite"
    cp "$folder/cache.sqlite" "$folder/ro/cache.sqlite"
    chmod 555 "$folder/ro"
    chmod 644 "$folder/ro/cache.sqlite"
    chmod 755 "$folder"
    cp "$folder/cache.sqlite" "$folder/damaged.sqlite"
    dd if=/dev/zero of="$folder/damaged.sqlite" bs=4096 seek=1 count=1 conv=notrunc status=none
    sqlite3 "$folder/swingmusic.db" <scripts/demo-library.sql
    local before
    before=$(md5sum "$folder/damaged.sqlite" "$folder/swingmusic.db" | cut -d' ' -f1 | tr '\n' ' ')

    local strict="64 65 75 77" variant path runner
    # name|path|expected for writers|expected for readers|run as
    local variants=(
        "FIFO|$folder/fifo.sqlite|$strict|$strict|"
        "folder|$folder/folder-db|$strict|$strict|"
        "/dev/null|/dev/null|$strict|$strict|"
        "symlink loop|$folder/loop-a.sqlite|$strict|$strict|"
        "dangling symlink|$folder/dangling.sqlite|$strict|$strict 0|"
        "file without permissions|$folder/locked.sqlite|$strict|$strict|nobody"
        "second hard link|$folder/hardlink.sqlite|77|0 75|"
        "read-only folder holding a cache|$folder/ro/cache.sqlite|$strict|0 75|nobody"
        "damaged file (page 2 zeroed)|$folder/damaged.sqlite|$strict|$strict 0|"
        "SwingMusic's database|$folder/swingmusic.db|$strict|$strict|"
    )
    local entry name writers readers who
    for entry in "${variants[@]}"; do
        IFS='|' read -r name path writers readers who <<<"$entry"
        runner=()
        if [ "$who" = nobody ]; then
            [ ${#as_nobody[@]} -gt 0 ] || [ "$(id -u)" != 0 ] || { echo "   (skipping '$name': root and no setpriv)"; continue; }
            runner=("${as_nobody[@]}")
        fi
        bad_path_case "--db $name: run" "$writers" "${runner[@]}" -- run "$folder/job.yaml" --db "$path" --quiet
        bad_path_case "--db $name: plan" "$readers" "${runner[@]}" -- plan "$folder/job.yaml" --db "$path"
        bad_path_case "--db $name: get --offline" "$readers" "${runner[@]}" -- get track "$(head -n 1 "$folder/ids.txt")" \
            --offline --db "$path"
        bad_path_case "--db $name: stats" "$readers" "${runner[@]}" -- stats --db "$path"
        bad_path_case "--db $name: cleanup" "$writers" "${runner[@]}" -- cleanup --db "$path"
        bad_path_case "--db $name: export" "$readers" "${runner[@]}" -- export --format json --db "$path"
        bad_path_case "--db $name: doctor" "$writers 69" "${runner[@]}" -- doctor --db "$path"
    done
    # The hard-linked cache must be unchanged: no writer went through either name.
    note bad-paths "hard-linked cache still whole" "integrity $(sqlite3 "$folder/linked.sqlite" 'PRAGMA integrity_check')" \
        "$([ "$(sqlite3 "$folder/linked.sqlite" 'PRAGMA integrity_check')" = ok ] && echo ok || echo 'integrity_check failed')"

    local after
    after=$(md5sum "$folder/damaged.sqlite" "$folder/swingmusic.db" | cut -d' ' -f1 | tr '\n' ' ')
    note bad-paths "the damaged cache and SwingMusic's database unchanged" \
        "$([ "$before" = "$after" ] && echo unchanged || echo changed)" \
        "$([ "$before" = "$after" ] && echo ok || echo "a command wrote into the damaged cache or SwingMusic's database (md5 $before -> $after)")"

    # SwingMusic's database as each bad path.
    local library_variants=(
        "FIFO|$folder/fifo.sqlite" "folder|$folder/folder-db" "/dev/null|/dev/null" "symlink loop|$folder/loop-a.sqlite"
        "dangling symlink|$folder/dangling.sqlite" "missing file|$folder/absent.db"
    )
    for entry in "${library_variants[@]}"; do
        IFS='|' read -r name path <<<"$entry"
        printf 'name: library\nlibrary:\n  swingmusic_db: %s\n' "$path" >"$folder/library.yaml"
        bad_path_case "library.swingmusic_db $name: plan" "77" -- plan "$folder/library.yaml" --db "$folder/lib.sqlite"
        bad_path_case "library.swingmusic_db $name: run" "77" -- run "$folder/library.yaml" --db "$folder/lib.sqlite" --quiet
    done
    if [ ${#as_nobody[@]} -gt 0 ] || [ "$(id -u)" != 0 ]; then
        sqlite3 "$folder/swingmusic-locked.db" 'CREATE TABLE t(x)'
        chmod 000 "$folder/swingmusic-locked.db"
        printf 'name: library\nlibrary:\n  swingmusic_db: %s\n' "$folder/swingmusic-locked.db" >"$folder/library.yaml"
        bad_path_case "library.swingmusic_db without permissions: plan" "77" "${as_nobody[@]}" -- \
            plan "$folder/library.yaml" --db "$folder/ro/lib.sqlite"
    fi

    # Id files that are not files.
    mkfifo "$folder/ids.fifo"
    for entry in "folder|$folder/idfolder|65 77" "FIFO|$folder/ids.fifo|65 77" "/dev/null|/dev/null|0 65 75 77"; do
        IFS='|' read -r name path readers <<<"$entry"
        printf 'name: idfile\ntargets:\n  files: [%s]\n' "$path" >"$folder/idfile.yaml"
        bad_path_case "id file $name: validate" "$readers" -- validate "$folder/idfile.yaml"
        bad_path_case "id file $name: plan" "$readers" -- plan "$folder/idfile.yaml" --db "$folder/idfile.sqlite"
        bad_path_case "id file $name: run" "$readers" -- run "$folder/idfile.yaml" --db "$folder/idfile.sqlite" --quiet
    done
    stop_fixture
}

# ---------------------------------------------------------------------------------------------------------------
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

redis_reading_cases() {  # LABEL DB: the commands that must end while Redis does not answer
    local label=$1 db=$2
    attempt 60 "$swingcache" get track "$(head -n 1 "$work/redis/tracks.txt")" --offline --db "$db"
    judge redis "$label: get --offline (${elapsed}s)" "0 75"
    attempt 60 "$swingcache" plan "$work/redis/job.yaml" --db "$db"
    judge redis "$label: plan (${elapsed}s)" "0"
    attempt 60 "$swingcache" stats --db "$db"
    judge redis "$label: stats (${elapsed}s)" "0"
    attempt 60 "$swingcache" doctor --db "$db"
    judge redis "$label: doctor (${elapsed}s)" "69"
    attempt 60 "$swingcache" cleanup --db "$db"
    judge redis "$label: cleanup (${elapsed}s)" "69"
}

one_warning() {  # the run's warnings that the shared tier is unreachable, at most one per part of the tier
    local warnings
    warnings=$(grep -c 'unreachable' "$err")
    if [ "$warnings" -lt 1 ]; then echo "no warning that Redis is unreachable"; return; fi
    if [ "$warnings" -gt 2 ]; then echo "$warnings warnings that Redis is unreachable (one per part of the tier expected)"; fi
}

group_redis() {
    banner "5. Redis faults"
    local folder="$work/redis" port redis problem
    write_job "$folder" "$((seed + 200))" 40 0 0 0
    export SWINGCACHE_REDIS_TIMEOUT=1s
    start_fixture --development-mode --latency-ms 20

    port=$(free_port)
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$folder" >"$folder/redis.log" 2>&1 &
    redis=$!
    track "$redis"
    for _ in $(seq 1 100); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.05; done
    export SWINGCACHE_REDIS_URL="redis://127.0.0.1:$port"
    extra_env="SWINGCACHE_REDIS_URL=$SWINGCACHE_REDIS_URL SWINGCACHE_REDIS_TIMEOUT=1s"
    (wait_for_rows "$folder/stopped.sqlite" 8 60; kill -STOP "$redis") &
    local stopper=$!
    attempt 120 "$swingcache" run "$folder/job.yaml" --db "$folder/stopped.sqlite"
    wait "$stopper"
    problem=$(one_warning)
    [ -n "$problem" ] || problem=$(python3 "$helper" check-ids "$folder/stopped.sqlite" "$folder/expected" | grep -v '^lost=0 ' | sed 's/^/silent loss: /')
    judge redis "redis-server stopped (SIGSTOP) after 8 rows of a run (${elapsed}s)" "0" "$problem"
    redis_reading_cases "redis-server stopped" "$folder/stopped.sqlite"
    kill -CONT "$redis"
    kill "$redis"
    wait "$redis" 2>/dev/null

    local silent
    python3 "$helper" server silent >"$folder/silent.port" &
    silent=$!
    track "$silent"
    for _ in $(seq 1 100); do [ -s "$folder/silent.port" ] && break; sleep 0.05; done
    export SWINGCACHE_REDIS_URL="redis://127.0.0.1:$(head -n 1 "$folder/silent.port")"
    extra_env="SWINGCACHE_REDIS_URL=$SWINGCACHE_REDIS_URL SWINGCACHE_REDIS_TIMEOUT=1s"
    attempt 120 "$swingcache" run "$folder/job.yaml" --db "$folder/silent.sqlite"
    problem=$(one_warning)
    [ -n "$problem" ] || problem=$(python3 "$helper" check-ids "$folder/silent.sqlite" "$folder/expected" | grep -v '^lost=0 ' | sed 's/^/silent loss: /')
    judge redis "a Redis that accepts and never answers: run (${elapsed}s)" "0" "$problem"
    redis_reading_cases "a Redis that never answers" "$folder/silent.sqlite"
    kill "$silent"
    wait "$silent" 2>/dev/null
    unset SWINGCACHE_REDIS_URL SWINGCACHE_REDIS_TIMEOUT
    stop_fixture
}

# ---------------------------------------------------------------------------------------------------------------
group_concurrency() {
    local count=30
    [ "$quick" = 1 ] && count=6
    banner "6. concurrency: $count pairs started at the same instant"
    local folder="$work/concurrency"
    write_job "$folder" "$((seed + 300))" 30 0 0 0
    start_fixture --development-mode --latency-ms 20
    local index db gate first second rc1 rc2 outcome problem
    for index in $(seq 1 "$count"); do
        db="$folder/pair-$index.sqlite"
        gate="$folder/gate-$index"
        mkfifo "$gate"
        (read -r _ <"$gate"; exec "$swingcache" run "$folder/job.yaml" --db "$db" --quiet) >"$folder/a-$index.out" 2>&1 &
        first=$!
        (read -r _ <"$gate"; exec "$swingcache" run "$folder/job.yaml" --db "$db" --quiet) >"$folder/b-$index.out" 2>&1 &
        second=$!
        track "$first"; track "$second"
        sleep 0.2
        echo go >"$gate"
        timeout 120 tail --pid="$first" -f /dev/null; timeout 120 tail --pid="$second" -f /dev/null
        wait "$first"; rc1=$?
        wait "$second"; rc2=$?
        outcome=$(printf '%s\n' "$rc1" "$rc2" | sort -n | tr '\n' '+' | sed 's/+$//')
        problem=ok
        if [ "$outcome" != "0+75" ]; then
            problem="pair $index: exits $rc1 and $rc2, expected 0 and 75"
        else
            local loser="$folder/b-$index.out"
            [ "$rc1" = 75 ] && loser="$folder/a-$index.out"
            grep -q 'pid [0-9]' "$loser" || problem="pair $index: the refused run names no holder: $(head -c 300 "$loser")"
        fi
        [ "$problem" = ok ] || { problem="$problem
    \$ (both at once) $(printf '%q ' "$swingcache" run "$folder/job.yaml" --db "$db" --quiet)
    first: $(head -c 400 "$folder/a-$index.out" | tr '\n' ' ')
    second: $(head -c 400 "$folder/b-$index.out" | tr '\n' ' ')"; }
        [ "$rc1" -ge 128 ] || [ "$rc2" -ge 128 ] && crashes=$((crashes + 1))
        note concurrency "pair $index" "exits $outcome" "$problem"
    done

    # A second writer through a symlink shares the lock (75); a second hard link is refused (77).
    local runner link
    for link in symlink hardlink; do
        db="$folder/$link-real.sqlite"
        "$swingcache" run "$folder/job.yaml" --db "$db" --quiet >"$folder/$link-first.out" 2>&1 &
        runner=$!
        track "$runner"
        wait_for_rows "$db" 3 30
        if [ "$link" = symlink ]; then
            ln -s "$db" "$folder/$link.sqlite"
        else
            ln "$db" "$folder/$link.sqlite"
        fi
        attempt 60 "$swingcache" run "$folder/job.yaml" --db "$folder/$link.sqlite" --quiet
        kill -0 "$runner" 2>/dev/null || echo "   (the first run ended before the second started: lengthen the job)"
        problem=""
        [ "$link" = symlink ] && ! grep -q 'pid [0-9]' "$err" && problem="the refusal names no holder"
        judge concurrency "second writer through a $link while a run holds the real path" \
            "$([ $link = symlink ] && echo 75 || echo 77)" "$problem"
        wait "$runner"
        local first_rc=$?
        local integrity
        integrity=$(sqlite3 "$db" 'PRAGMA integrity_check' | head -n 1)
        note concurrency "the first run beside the $link second writer" "exit $first_rc, integrity $integrity" \
            "$([ "$integrity" = ok ] && [ "$first_rc" -lt 128 ] && echo ok || echo "first run exit $first_rc, integrity $integrity")"
    done
    stop_fixture
}

# ---------------------------------------------------------------------------------------------------------------
began=$SECONDS
RANDOM=$seed
echo "swingcache: $swingcache ($("$swingcache" --version 2>/dev/null))"
echo "mode: $([ "$quick" = 1 ] && echo quick || echo full), seed $seed, work folder $work"
for group in ${ADVERSARIAL_GROUPS:-kills faults fuzz bad-paths redis concurrency}; do
    case $group in
        kills) group_kills ;;
        faults) group_faults ;;
        fuzz) group_fuzz ;;
        bad-paths) group_bad_paths ;;
        redis) group_redis ;;
        concurrency) group_concurrency ;;
        *) echo "adversarial.sh: unknown group '$group' in ADVERSARIAL_GROUPS" >&2; exit 64 ;;
    esac
done

# No secret in anything swingcache printed or wrote (the fixture server's own logs hold them and are not read).
find "$work" -type f \( -path "$work/out/*" -o -name '*.out' -o -name '*.json' \) ! -path "$work/home/*" >"$work/outputs"
secrets_found=$(xargs -d '\n' grep -laF -e swingcache-demo-secret -e swingcache-demo-lastfm-key -e fixture-token- \
    <"$work/outputs" 2>/dev/null)
note secrets "secrets in $(wc -l <"$work/outputs") outputs" "$(grep -c . <<<"$secrets_found") with a secret" \
    "$([ -z "$secrets_found" ] && echo ok || echo "outputs that hold a secret: $(head -n 3 <<<"$secrets_found" | tr '\n' ' ')")"

echo
python3 "$helper" table "$results"
total_failed=$(awk -F'\t' '$4 != "ok"' "$results" | wc -l)
echo
echo "totals: $(wc -l <"$results") cases, $total_failed failed; hangs $hangs, crashes $crashes, silent losses $losses, unexpected exit codes $unexpected, raw messages $raws, other failures $others; $((SECONDS - began))s"
if [ -s "$findings" ]; then
    echo
    echo "findings:"
    cat "$findings"
fi
[ "$total_failed" = 0 ]
