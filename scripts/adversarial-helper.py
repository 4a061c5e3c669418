#!/usr/bin/env python3
"""Helpers for scripts/adversarial.sh: ids, fake servers, the fuzz corpus and the checks that read databases and logs.

Usage: adversarial-helper.py COMMAND ARGS… (see each function below).
"""
import json
import os
import random
import socket
import sqlite3
import sys
import threading
import time

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def ids(seed, count, prefix=""):
    """Prints COUNT Spotify-shaped ids; PREFIX 0000 makes ids the fixture server says do not exist."""
    rng = random.Random(int(seed))
    for _ in range(int(count)):
        print(prefix + "".join(rng.choice(ALPHABET) for _ in range(22 - len(prefix))))


def server(mode, interval="2"):
    """A loopback TCP server that prints its port, then either never answers (silent) or trickles an HTTP
    answer one byte every INTERVAL seconds (trickle). Serves until killed."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    print(listener.getsockname()[1], flush=True)
    held = []

    def handle(connection):
        held.append(connection)
        try:
            if mode == "silent":
                while connection.recv(65536):
                    pass
                return
            connection.settimeout(5)
            try:
                connection.recv(65536)
            except OSError:
                pass
            body = b'{"access_token":"x","token_type":"Bearer","expires_in":3600}' + b" " * 4000
            answer = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body)
            for byte in answer + body:
                connection.sendall(bytes([byte]))
                time.sleep(float(interval))
        except OSError:
            pass

    while True:
        connection, _ = listener.accept()
        threading.Thread(target=handle, args=(connection,), daemon=True).start()


def retry_after_check(log_file, retry_after):
    """Reads the fixture server's /__log (JSON) and prints 'N429 VIOLATIONS MIN_GAP': API requests that
    arrived before the Retry-After of the 429 before them expired (50 ms of slack for the log's clock)."""
    from datetime import datetime

    entries = json.load(open(log_file))
    api = [e for e in entries if e.get("isAPIRequest")]
    parse = lambda t: datetime.strptime(t.replace("Z", "+0000"), "%Y-%m-%dT%H:%M:%S.%f%z").timestamp()
    count, violations, min_gap = 0, 0, None
    for index, entry in enumerate(api):
        if entry["status"] != 429:
            continue
        count += 1
        if index + 1 < len(api):
            gap = parse(api[index + 1]["time"]) - parse(entry["time"])
            min_gap = gap if min_gap is None else min(min_gap, gap)
            if gap + 0.05 < float(retry_after):
                violations += 1
    print(count, violations, "none" if min_gap is None else f"{min_gap:.3f}")


def check_ids(db, expected_file, report_file=""):
    """Compares the ids a spec names (lines 'KIND ID EXISTS') with what the database holds: prints
    'lost=N duplicated=N reported=N wrong_table=N' where reported counts lost ids the report or log names."""
    expected = [line.split() for line in open(expected_file) if line.strip()]
    report = open(report_file, errors="replace").read() if report_file and os.path.exists(report_file) else ""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    stored = {}
    for kind, table in (("track", "track"), ("album", "album"), ("artist", "artist")):
        for (identifier,) in connection.execute(f"SELECT id FROM {table}"):
            stored.setdefault((kind, identifier), []).append(table)
    for kind, identifier in connection.execute("SELECT kind, id FROM missing_entity"):
        stored.setdefault((kind, identifier), []).append("missing_entity")
    lost = reported = duplicated = wrong = 0
    for kind, identifier, exists in expected:
        places = stored.get((kind, identifier), [])
        if not places:
            lost += 1
            if identifier in report:
                reported += 1
            else:
                print(f"lost: {kind} {identifier}", file=sys.stderr)
        elif len(places) > 1:
            duplicated += 1
        elif (places[0] == "missing_entity") != (exists == "0"):
            wrong += 1
    print(f"lost={lost} duplicated={duplicated} reported={reported} wrong_table={wrong}")


def rows(db, table="track"):
    """Prints the stable columns of every track row, sorted, for comparing a faulty run with a clean one."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    for row in connection.execute(
        f"SELECT id, name, album_id, isrc, duration_ms, artist_ids FROM {table} ORDER BY id"
    ):
        print("|".join("" if v is None else str(v) for v in row))


VALID_BASE = (
    "name: fuzz\n"
    "ttl: 12h\n"
    "refresh_ahead: 2h\n"
    "missing_ttl: 6h\n"
    "market: US\n"
    "targets:\n"
    "  tracks:\n"
    "    - 4iV5W9uYEdYUVa79Axb7Rh\n"
    "    - spotify:track:3n3Ppam7vgaVa1iaRUc9Lp\n"
    "  albums: [spotify:album:0sNOF9WDwhWunNAHPD3Baj]\n"
    "  artists: [0OdUWJ0sBjDrqHygGUXeCF]\n"
    "budget:\n"
    "  per_hour: 1000\n"
    "  per_day: 2000\n"
    "  min_interval: 2s\n"
    "  reserve: 50\n"
    "  max_requests: 500\n"
    "  max_runtime: 30m\n"
)

# The corpus of Tests/SwingCacheCLITests/HostileSpecTests.swift, as bytes.
HOSTILE = [
    ("ttl-beyond-int", b"ttl: 99999999999999999999s\ntargets: {}\n"),
    ("ttl-beyond-double", b"ttl: " + b"9" * 400 + b"s\ntargets: {}\n"),
    ("ttl-just-too-long", b"ttl: 3651d\ntargets: {}\n"),
    ("ttl-below-a-millisecond", b"ttl: 0.00000000001s\ntargets: {}\n"),
    ("refresh-ahead-huge", b"refresh_ahead: 99999999999999999999h\ntargets: {}\n"),
    ("missing-ttl-huge", b"missing_ttl: 99999999999999999999d\ntargets: {}\n"),
    ("min-interval-huge", b"targets: {}\nbudget:\n  min_interval: 99999999999999999999s\n"),
    ("max-runtime-huge", b"targets: {}\nbudget:\n  max_runtime: 99999999999999999999s\n"),
    ("per-hour-beyond-int", b"targets: {}\nbudget:\n  per_hour: 99999999999999999999\n"),
    ("per-hour-int-max", b"targets: {}\nbudget:\n  per_hour: 9223372036854775807\n  reserve: 1\n"),
    ("reserve-int-min", b"targets: {}\nbudget:\n  reserve: -9223372036854775808\n"),
    ("max-requests-int-max", b"targets: {}\nbudget:\n  max_requests: 9223372036854775807\n"),
    ("provider-ttl-huge", b"library:\n  swingmusic_db: none.db\nenrich:\n  musicbrainz: {ttl: 99999999999999999999s}\n"),
    ("provider-per-hour-huge", b"library:\nenrich:\n  lastfm: {per_hour: 99999999999999999999}\n"),
    ("empty", b""),
    ("only-a-comment", b"# nothing\n"),
    ("only-blank-lines", b"\n\n\r\n"),
    ("bell-in-a-name", b"name: a\x07b\ntargets: {}\n"),
    ("nul-byte", b"targets: {}\n\x00\n"),
    ("escape-sequence", b"name: \x1b[31mred\ntargets: {}\n"),
    ("deep-nesting", b"targets: " + b"[" * 20000 + b"]" * 20000),
    ("undefined-alias", b"targets:\n  tracks: [*nowhere]\n"),
    ("tab-indentation", b"targets:\n\ttracks: []\n"),
    ("a-list-not-a-spec", b"- a\n- b\n"),
    ("a-bare-word", b"hello\n"),
    ("crlf-structural-problem", b"ttl: soon\r\ntargets: {}\r\n"),
    ("latin-1", b"name: caf\xe9\ntargets: {}\n"),
    ("invalid-byte-on-line-3", b"targets:\n  tracks:\n    - \xff\xfe"),
    ("utf-16", b"\xff\xfet\x00:\x00"),
    ("truncated-utf-8", b"name: \xe2\x82"),
]

HUGE = [
    "99999999999999999999", "9223372036854775807", "9223372036854775808", "18446744073709551616",
    "-1", "-9223372036854775808", "0", "1e400", "-1e400", "1e-400", "NaN", ".nan", ".inf", "-.inf",
    "0x7fffffff", "1_000", "9" * 400, "0.00000000001", "1e20", "3651",
]
UNITS = ["s", "ms", "m", "h", "d", "", "w", "y", "us", "ns", "S", " s", "ss"]
DURATION_KEYS = ["ttl", "refresh_ahead", "missing_ttl", "  min_interval", "  max_runtime"]
COUNT_KEYS = ["  per_hour", "  per_day", "  reserve", "  max_requests"]
CONTROL = [bytes([c]) for c in list(range(0, 9)) + [11, 12] + list(range(14, 32)) + [127]]
BAD_BYTES = [b"\xff", b"\xfe\xff", b"\xc0\x80", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\x80", b"\xe2\x82"]


def mutate(rng, base):
    """One hostile mutation of a valid spec: returns (kind, bytes)."""
    lines = base.split("\n")
    kind = rng.choice(
        ["huge-duration", "huge-count", "control", "non-utf8", "crlf", "cr", "nesting", "tabs", "long-line",
         "random-bytes", "truncate", "duplicate-key", "unknown-key", "bad-id", "bad-market", "flow-junk",
         "anchor-bomb", "bom", "mixed-endings", "empty-value"]
    )
    text = base.encode()
    if kind == "huge-duration":
        key = rng.choice(DURATION_KEYS)
        value = rng.choice(HUGE) + rng.choice(UNITS)
        text = "\n".join(
            f"{key}: {value}" if line.startswith(key + ":") else line for line in lines
        ).encode()
    elif kind == "huge-count":
        key = rng.choice(COUNT_KEYS)
        text = "\n".join(
            f"{key}: {rng.choice(HUGE)}" if line.startswith(key + ":") else line for line in lines
        ).encode()
    elif kind == "control":
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(CONTROL) + text[at:]
    elif kind == "non-utf8":
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(BAD_BYTES) + text[at:]
    elif kind == "crlf":
        text = text.replace(b"\n", b"\r\n")
    elif kind == "cr":
        text = text.replace(b"\n", b"\r")
    elif kind == "mixed-endings":
        text = b"".join(
            line + rng.choice([b"\n", b"\r\n", b"\r"]) for line in text.split(b"\n")
        )
    elif kind == "nesting":
        depth = rng.choice([100, 1000, 10000, 50000])
        opener, closer = rng.choice([(b"[", b"]"), (b"{a: ", b"}"), (b"- ", b"")])
        text = b"targets:\n  tracks: " + opener * depth + closer * depth + b"\n"
    elif kind == "tabs":
        text = text.replace(b"  ", b"\t", rng.randint(1, 4))
    elif kind == "long-line":
        text = text.replace(b"name: fuzz", b"name: " + b"x" * rng.choice([10_000, 1_000_000, 5_000_000]))
    elif kind == "random-bytes":
        text = bytes(rng.randrange(256) for _ in range(rng.randint(1, 4000)))
    elif kind == "truncate":
        text = text[: rng.randrange(len(text))]
    elif kind == "duplicate-key":
        text = text + b"ttl: 1h\n"
    elif kind == "unknown-key":
        text = text.replace(b"ttl:", rng.choice([b"tll:", b"TTL:", b"ttl :", b"t\xc3\xa9l:"]), 1)
    elif kind == "bad-id":
        text = text.replace(
            b"4iV5W9uYEdYUVa79Axb7Rh",
            rng.choice([b"spotify:trak:4iV5W9uYEdYUVa79Axb7Rh", b"4iV5W9", b"\xff" * 22, b"''", b"~", b"[]",
                        b"https://open.spotify.com/track/", b"0" * 300]),
        )
    elif kind == "bad-market":
        text = text.replace(b"market: US", b"market: " + rng.choice([b"USA", b"u", b"12", b"\xc3\x9cS", b"{}"]))
    elif kind == "flow-junk":
        text = text.replace(b"targets:", b"targets: {" + rng.choice([b"", b"[", b"}", b",", b"&a"]), 1)
    elif kind == "anchor-bomb":
        layers = [b"a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for i in range(1, rng.choice([5, 9, 12])):
            layers.append(b"a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]" % ((i, i) + (i - 1,) * 9))
        text = b"\n".join(layers) + b"\ntargets: {}\n"
    elif kind == "bom":
        text = b"\xef\xbb\xbf" + text
    elif kind == "empty-value":
        key = rng.choice(["ttl", "market", "targets", "name"])
        text = "\n".join(f"{key}:" if line.startswith(key + ":") else line for line in lines).encode()
    return kind, text


def fuzz(folder, count, seed):
    """Writes the hostile corpus and COUNT random mutations into FOLDER; prints 'FILE KIND' per spec."""
    rng = random.Random(int(seed))
    os.makedirs(folder, exist_ok=True)
    entries = [(f"hostile-{name}", "hostile", data) for name, data in HOSTILE]
    entries.append(("valid-base", "valid", VALID_BASE.encode()))
    for index in range(int(count)):
        kind, data = mutate(rng, VALID_BASE)
        entries.append((f"m{index:04d}-{kind}", kind, data))
    for name, kind, data in entries:
        with open(os.path.join(folder, name + ".yaml"), "wb") as spec:
            spec.write(data)
        print(name + ".yaml", kind)


def report_items(report_file):
    """Prints the run report's item counts and outcome on one line (empty when there is no report)."""
    try:
        report = json.load(open(report_file))
    except (OSError, ValueError):
        return
    items = report.get("items", {})
    print(report.get("outcome"), " ".join(f"{k}={v}" for k, v in sorted(items.items())))


def plan_targets(plan_file):
    """Prints plan --json's target count."""
    try:
        print(json.load(open(plan_file)).get("targets"))
    except (OSError, ValueError):
        print("none")


def table(results_file):
    """Prints per group how many cases ran and how they ended, then the failures' count."""
    groups, order = {}, []
    for line in open(results_file):
        group, case, outcome, verdict = line.rstrip("\n").split("\t")[:4]
        if group not in groups:
            groups[group] = {"cases": 0, "outcomes": {}, "failed": 0}
            order.append(group)
        entry = groups[group]
        entry["cases"] += 1
        entry["outcomes"][outcome] = entry["outcomes"].get(outcome, 0) + 1
        entry["failed"] += verdict != "ok"
    width = max([len(g) for g in order] + [5])
    print(f"{'group':<{width}}  cases  failed  outcomes")
    for group in order:
        entry = groups[group]
        outcomes = ", ".join(f"{k} x{v}" for k, v in sorted(entry["outcomes"].items(), key=lambda kv: -kv[1]))
        print(f"{group:<{width}}  {entry['cases']:>5}  {entry['failed']:>6}  {outcomes}")


if __name__ == "__main__":
    command, arguments = sys.argv[1], sys.argv[2:]
    {
        "ids": ids, "server": server, "retry-after-check": retry_after_check, "check-ids": check_ids,
        "rows": rows, "fuzz": fuzz, "report-items": report_items, "plan-targets": plan_targets, "table": table,
    }[command.replace("_", "-")](*arguments)
