"""Prepares a running SwingMusic for the tests that compare swingcache's reading with SwingMusic's own answers.

Creates the admin and a second user through SwingMusic's API, points it at the music folder, waits until it has
indexed every file, and logs the plays of PLAYS through its API as each user. Standard library only.

    python3 scripts/swingmusic-fixture.py --url http://127.0.0.1:PORT --music DIR --files 10
    python3 scripts/swingmusic-fixture.py --url http://127.0.0.1:PORT --wait    # only wait until it answers
"""

import argparse
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

USERS = {"admin": "admin-pass", "bob": "bob-pass"}

# user -> [(file name in the music folder, plays)]; the copy of "Under Pressure" shares the song's plays.
PLAYS = {
    "admin": [("01 Under Pressure.flac", 3), ("02 Get Lucky.mp3", 1), ("03 Yonkers.flac", 2),
              ("07 Two Artist Tags.flac", 1)],
    "bob": [("copies/01 Under Pressure.mp3", 1), ("04 September.mp3", 2), ("09 untagged.flac", 1),
            ("06 Up & Up.flac", 2)],
}


def call(url, method="GET", body=None, token=None, timeout=120):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=timeout) as answer:
        return json.loads(answer.read() or b"null")


def wait_until_up(base, seconds):
    deadline = time.monotonic() + seconds
    while True:
        try:
            return call(base + "/auth/users", timeout=5)
        except (urllib.error.URLError, ConnectionError, OSError):
            if time.monotonic() > deadline:
                sys.exit(f"swingmusic-fixture: SwingMusic did not answer at {base} within {seconds} s")
            time.sleep(0.5)


def login(base, user):
    return call(base + "/auth/login", "POST", {"username": user, "password": USERS[user]})["accesstoken"]


def tracks(base, token, music):
    query = urllib.parse.urlencode({"path": music})
    return call(f"{base}/folder/tracks/all?{query}", token=token)["tracks"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--music")
    parser.add_argument("--files", type=int, help="how many audio files the music folder holds")
    parser.add_argument("--wait", action="store_true", help="only wait until SwingMusic answers")
    arguments = parser.parse_args()
    base = arguments.url.rstrip("/")

    wait_until_up(base, 120)
    if arguments.wait:
        return
    call(base + "/auth/profile/create", "POST", {"username": "admin", "password": USERS["admin"]})
    admin = login(base, "admin")
    for user in USERS:
        if user != "admin":
            call(base + "/auth/profile/create", "POST", {"username": user, "password": USERS[user]}, token=admin)
    call(base + "/notsettings/add-root-dirs", "POST", {"new_dirs": [arguments.music], "removed": []}, token=admin)

    deadline = time.monotonic() + 120
    while len(indexed := tracks(base, admin, arguments.music)) < arguments.files:
        if time.monotonic() > deadline:
            sys.exit(f"swingmusic-fixture: SwingMusic indexed {len(indexed)} of {arguments.files} files")
        time.sleep(0.5)
    hashes = {track["filepath"]: track["trackhash"] for track in indexed}

    timestamp = 1_700_000_000
    for user, plays in PLAYS.items():
        token = login(base, user)
        for name, count in plays:
            trackhash = hashes[arguments.music.rstrip("/") + "/" + name]
            for _ in range(count):
                timestamp += 60
                body = {"trackhash": trackhash, "timestamp": timestamp, "duration": 30, "source": "tr:" + trackhash}
                call(base + "/logger/track/log", "POST", body, token=token)
    print(f"swingmusic-fixture: {len(indexed)} files indexed, users {', '.join(USERS)}, "
          f"{sum(count for plays in PLAYS.values() for _, count in plays)} plays logged")


if __name__ == "__main__":
    main()
