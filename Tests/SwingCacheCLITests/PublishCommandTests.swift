import Foundation
import SwingCacheTestKit
import Testing

/// The SwingMusic 3.0.1 that `scripts/test.sh` starts for `publish` to write into (not the one the readings are
/// compared with), indexed on `Tests/Fixtures/SwingMusicLibrary`, with users admin and bob and their plays.
struct PublishTarget: Sendable {
    var url: String
    var databasePath: String
    var backupFolder: String

    static let fromEnvironment: PublishTarget? = {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment["SWINGCACHE_TEST_PUBLISH_URL"],
            let databasePath = environment["SWINGCACHE_TEST_PUBLISH_DB"],
            let backupFolder = environment["SWINGCACHE_TEST_PUBLISH_BACKUP_DIR"]
        else { return nil }
        return PublishTarget(url: url, databasePath: databasePath, backupFolder: backupFolder)
    }()

    static let passwords = ["admin": "admin-pass", "bob": "bob-pass"]

    var api: SwingMusicAPI { SwingMusicAPI(url: url) }

    func token(_ user: String) async throws -> String {
        try await api.token(user: user, password: Self.passwords[user] ?? "")
    }

    /// The account's playlists: name → (id, settings).
    func playlists(_ token: String) async throws -> [String: (id: Int, settings: [String: Any])] {
        var playlists: [String: (id: Int, settings: [String: Any])] = [:]
        for playlist in try await call("/playlists", token: token)["data"] as? [[String: Any]] ?? [] {
            playlists[playlist["name"] as? String ?? ""] = (
                playlist["id"] as? Int ?? 0, playlist["settings"] as? [String: Any] ?? [:]
            )
        }
        return playlists
    }

    /// A playlist's songs, in order.
    func tracks(ofPlaylist id: Int, _ token: String) async throws -> [String] {
        let answer = try await call("/playlists/\(id)", query: ["limit": "100000"], token: token)
        return (answer["tracks"] as? [[String: Any]] ?? []).compactMap { $0["trackhash"] as? String }
    }

    /// The user's plays per song, as SwingMusic's own chart counts them ("3 plays").
    func plays(_ token: String) async throws -> [String: Int] {
        try await api.plays(token: token)
    }

    /// Every playlist and play in SwingMusic's database, for comparing before and after.
    func databaseState() async throws -> String {
        try await SQLiteShell.query(
            databasePath,
            """
            SELECT 'playlist', id, userid, name, trackhashes, settings, coalesce(extra, ''), last_updated FROM playlist
            UNION ALL SELECT 'scrobble', id, userid, trackhash, timestamp, source, coalesce(extra, ''), '' FROM scrobble
            ORDER BY 1, 2
            """)
    }

    @discardableResult
    func call(
        _ path: String, method: String = "GET", query: [String: String] = [:], body: [String: Any]? = nil,
        token: String? = nil
    ) async throws -> [String: Any] {
        try await api.call(path, method: method, query: query, body: body, token: token)
    }
}

/// `swingcache publish`, the real binary, into the real SwingMusic: a library run against the fixture server first,
/// then the publishes, in order, on one SwingMusic (so the suite runs its steps one after the other).
@Suite(
    .serialized,
    .enabled(if: PublishTarget.fromEnvironment != nil, "scripts/test.sh starts the SwingMusic publish writes into"))
struct PublishCommandTests {
    let target = PublishTarget.fromEnvironment!
    let folder: TemporaryDirectory
    let server: FixtureServerProcess

    init() throws {
        folder = try TemporaryDirectory()
        server = try FixtureServerProcess()
        try folder.write(
            "library.yaml",
            """
            name: published-library
            library:
              swingmusic_db: \(target.databasePath)
              user: admin
            budget: { min_interval: 0s, reserve: 0 }
            enrich:
              lastfm: { username: admin, min_interval: 0s }
              musicbrainz: { min_interval: 1s }
              listenbrainz: { min_interval: 0s }
            publish:
              playlists:
                genres: { min_tracks: 1 }
                most_played: { size: 3 }
                most_listened: { size: 5 }
            """)
    }

    func environment(password: String = "admin-pass", url: String? = nil, server: FixtureServerProcess? = nil)
        -> [String: String]
    {
        let server = server ?? self.server
        var environment = server.environment
        for (name, path) in [
            ("LASTFM", "lastfm"), ("MUSICBRAINZ", "musicbrainz"), ("LISTENBRAINZ", "listenbrainz"),
            ("DEEZER", "deezer"), ("ODESLI", "odesli"),
        ] {
            environment["SWINGCACHE_\(name)_URL"] = server.baseURL + "/" + path
        }
        environment["LASTFM_API_KEY"] = "swingcache-demo-lastfm-key"
        environment["SWINGCACHE_CONTACT"] = "tests@swingcache.invalid"
        environment["SWINGCACHE_DB"] = folder.file("cache.sqlite")
        environment["SWINGMUSIC_URL"] = url ?? target.url
        environment["SWINGMUSIC_USERNAME"] = "admin"
        environment["SWINGMUSIC_PASSWORD"] = password
        environment["SWINGMUSIC_BACKUP_DIR"] = target.backupFolder
        return environment
    }

    /// What the cache database holds that a publish could write: the ledger, the services' state, the publish tables.
    func cacheState() async throws -> String {
        try await SQLiteShell.query(
            folder.file("cache.sqlite"),
            """
            SELECT 'ledger', COUNT(*), coalesce(MAX(id), 0) FROM request_ledger
            UNION ALL SELECT 'published', COUNT(*), coalesce(group_concat(playlist_key), '') FROM published_playlist
            UNION ALL SELECT 'imported', COUNT(*), '' FROM imported_play
            UNION ALL SELECT 'cursors', COUNT(*), coalesce(group_concat(newest_listened_at), '') FROM history_cursor
            """)
    }

    func swingcache(_ arguments: [String], password: String = "admin-pass", url: String? = nil) async throws
        -> CommandLineRun
    {
        try await CommandLineRun.swingcache(
            arguments, in: folder.path, environment: environment(password: password, url: url))
    }

    @Test func publishMakesSwingcachesPlaylistsOnceLeavesTheUsersOwnAloneAndRefusesBadAccounts() async throws {
        let untouched = try await target.databaseState()
        let beforeAnyRun = try await swingcache(["publish", "library.yaml"])
        #expect(beforeAnyRun.status == 75, "a cache without the library yet publishes nothing")
        #expect(beforeAnyRun.standardError.contains("run 'swingcache run' on the job first"))
        #expect(try await target.databaseState() == untouched)

        let run = try await swingcache(["run", "library.yaml"])
        #expect(run.status == 0, "\(run.standardError)\n\(run.standardOutput)")
        let admin = try await target.token("admin")
        // A playlist the user made, with the name swingcache would give its own.
        if try await target.playlists(admin)["Most played"] == nil {
            try await target.call("/playlists/new", method: "POST", body: ["name": "Most played"], token: admin)
        }

        let beforeDryRun = try await target.databaseState()
        let cacheBeforeDryRun = try await cacheState()
        let dryRun = try await swingcache(["publish", "library.yaml", "--dry-run"])
        #expect(dryRun.status == 0, "\(dryRun.standardError)")
        #expect(dryRun.standardOutput.contains("Would publish to SwingMusic as admin"), "\(dryRun.standardOutput)")
        #expect(dryRun.standardOutput.contains("Requests: swingmusic "), "its reads are counted and reported")
        #expect(try await target.databaseState() == beforeDryRun, "a dry run writes nothing into SwingMusic")
        #expect(try await cacheState() == cacheBeforeDryRun, "nor into the cache: not even its reads in the ledger")

        let first = try await swingcache(["publish", "library.yaml", "--json"])
        #expect(first.status == 0, "\(first.standardError)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(first.standardOutput.utf8)) as? [String: Any])
        let outcomes = report["playlists"] as? [[String: Any]] ?? []
        #expect(!outcomes.isEmpty)
        #expect(outcomes.allSatisfy { $0["change"] as? String == "created" }, "\(outcomes)")

        let playlists = try await target.playlists(admin)
        let published = try await SQLiteShell.query(
            folder.file("cache.sqlite"),
            "SELECT name || '|' || playlist_id || '|' || trackhashes FROM published_playlist")
        for line in published.split(separator: "\n") {
            let parts = line.split(separator: "|", maxSplits: 2).map(String.init)
            let shown = try #require(playlists[parts[0]], "SwingMusic lists '\(parts[0])'")
            #expect(shown.id == Int(parts[1]))
            let expected = try JSONSerialization.jsonObject(with: Data(parts[2].utf8)) as? [String] ?? []
            #expect(try await target.tracks(ofPlaylist: shown.id, admin) == expected, "the songs of '\(parts[0])'")
            #expect((shown.settings["swingcache"] as? [String: Any])?["key"] != nil, "swingcache's marker")
        }
        #expect(playlists["Most played (swingcache)"] != nil, "swingcache's own gets another name")
        let own = try #require(playlists["Most played"])
        #expect(own.settings["swingcache"] == nil)
        #expect(try await target.tracks(ofPlaylist: own.id, admin).isEmpty, "the user's own playlist is left alone")
        #expect(playlists.keys.contains { $0.hasPrefix("Genre: ") }, "\(playlists.keys)")
        #expect(
            try await SQLiteShell.query(
                target.databasePath,
                "SELECT COUNT(*) FROM playlist WHERE json_extract(extra, '$.description') LIKE '%swingcache%'")
                == String(outcomes.count), "every playlist of swingcache's has a description")

        let inPlaylist = try await SQLiteShell.query(
            folder.file("cache.sqlite"),
            """
            SELECT s.filepath FROM swingmusic_track AS s, published_playlist AS p, json_each(p.trackhashes) AS h
            WHERE h.value = s.trackhash AND p.playlist_key = 'most_listened' LIMIT 1
            """)
        let explained = try await swingcache(["explain", "track", inPlaylist])
        #expect(explained.standardOutput.contains("in swingcache's playlists: "), "\(explained.standardOutput)")
        #expect(explained.standardOutput.contains("Most listened worldwide"), "\(explained.standardOutput)")

        let afterFirst = try await target.databaseState()
        let second = try await swingcache(["publish", "library.yaml"])
        #expect(second.status == 0, "\(second.standardError)")
        #expect(second.standardOutput.contains("(\(outcomes.count) unchanged)"), "\(second.standardOutput)")
        #expect(try await target.databaseState() == afterFirst, "a second publish changes nothing")

        let wrongPassword = try await swingcache(["publish", "library.yaml"], password: "not-the-password")
        #expect(wrongPassword.status == 77)
        #expect(wrongPassword.standardError.split(separator: "\n").count == 1, "\(wrongPassword.standardError)")
        #expect(wrongPassword.standardError.contains("refused the account 'admin'"))
        #expect(!wrongPassword.standardError.contains("not-the-password"))
        #expect(try await target.databaseState() == afterFirst)

        let down = try await swingcache(["publish", "library.yaml"], url: "http://127.0.0.1:9")
        #expect(down.status == 69, "\(down.standardError)")
        #expect(try await target.databaseState() == afterFirst)
    }

    @Test func historyImportAddsExactlyThePlaysSwingMusicLackedAndASecondImportAddsNone() async throws {
        try folder.write(
            "history.yaml",
            """
            name: imported-history
            library:
              swingmusic_db: \(target.databasePath)
            budget: { min_interval: 0s, reserve: 0 }
            publish:
              history:
                - { user: admin, lastfm: admin, listenbrainz: admin }
                - { user: bob, lastfm: bob, listenbrainz: bob }
            """)
        let run = try await swingcache(["run", "history.yaml"])
        #expect(run.status == 0, "\(run.standardError)\n\(run.standardOutput)")
        let admin = try await target.token("admin")
        let bob = try await target.token("bob")
        // SwingMusic scrobbled this play to Last.fm itself: it is in admin's Last.fm history at the same time
        // (the fixture server's default history), and must not be imported again.
        let september = try await SQLiteShell.query(
            folder.file("cache.sqlite"),
            "SELECT trackhash FROM swingmusic_track WHERE filepath LIKE '%04 September.mp3'")
        if try await target.plays(admin)[september] == nil {
            try await target.call(
                "/logger/track/log", method: "POST",
                body: [
                    "trackhash": september, "timestamp": 1_795_404_030, "duration": 215, "source": "tr:" + september,
                ],
                token: admin)
        }
        // Read until SwingMusic's chart shows the play just logged: its workers may answer from an older state.
        var adminBefore = try await target.plays(admin)
        for _ in 0..<600 where adminBefore[september] == nil {
            try await Task.sleep(for: .milliseconds(100))
            adminBefore = try await target.plays(admin)
        }
        let bobBefore = try await target.plays(bob)

        let state = try await target.databaseState()
        let dryRun = try await swingcache(["publish", "history.yaml", "--dry-run"])
        #expect(dryRun.status == 0, "\(dryRun.standardError)")
        #expect(try await target.databaseState() == state, "a dry run writes nothing into SwingMusic")

        let first = try await swingcache(["publish", "history.yaml", "--json"])
        #expect(first.status == 0, "\(first.standardError)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(first.standardOutput.utf8)) as? [String: Any])
        let history = report["history"] as? [[String: Any]] ?? []
        #expect(history.map { $0["user"] as? String } == ["admin", "bob"])
        #expect(history.map { $0["imported"] as? Int } == [8, 4], "\(history)")
        #expect(history.map { $0["alreadyInSwingMusic"] as? Int } == [1, 0], "\(history)")
        #expect(history.map { $0["duplicatesAcrossServices"] as? Int } == [3, 1], "\(history)")
        #expect(history.map { $0["unmatched"] as? Int } == [2, 1], "\(history)")
        #expect(history.map { $0["keptForLater"] as? Int } == [2, 1], "\(history)")
        #expect(
            try await SQLiteShell.query(folder.file("cache.sqlite"), "SELECT COUNT(*) FROM unmatched_listen") == "3",
            "the listens of songs not in the library are kept for a later publish")
        let requests = report["requests"] as? [String: [String: Any]] ?? [:]
        #expect(requests["lastfm"]?["requests"] as? Int == 2, "one page per user")
        #expect(requests["listenbrainz"]?["requests"] as? Int == 2)

        func added(_ after: [String: Int], _ before: [String: Int]) -> Int {
            after.reduce(0) { $0 + $1.value - (before[$1.key] ?? 0) }
        }
        // SwingMusic re-indexes its library after every restore, and its charts count only the songs its index
        // holds: its answer is read again until the re-index is over (a minute at most).
        func settledPlays(_ token: String, expected: Int, before: [String: Int]) async throws -> Int {
            var seen = added(try await target.plays(token), before)
            for _ in 0..<600 where seen != expected {
                try await Task.sleep(for: .milliseconds(100))
                seen = added(try await target.plays(token), before)
            }
            return seen
        }
        #expect(
            try await settledPlays(admin, expected: 8, before: adminBefore) == 8,
            "SwingMusic's own count of admin's plays"
        )
        #expect(try await settledPlays(bob, expected: 4, before: bobBefore) == 4)
        #expect(
            try await SQLiteShell.query(
                target.databasePath,
                """
                SELECT COUNT(*) FROM scrobble WHERE json_extract(extra, '$.swingcache') IS NOT NULL
                AND userid IN (SELECT id FROM "user" WHERE username IN ('admin', 'bob'))
                """) == "12",
            "every imported play is marked as swingcache's")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: target.backupFolder).isEmpty,
            "the backup SwingMusic restored from is removed")

        let underPressure = try await SQLiteShell.query(
            folder.file("cache.sqlite"),
            "SELECT filepath FROM library_track WHERE filepath LIKE '%/01 Under Pressure.flac'")
        let explained = try await swingcache(["explain", "track", underPressure])
        #expect(
            explained.standardOutput.contains("imported into SwingMusic: 2 of admin's plays"),
            "\(explained.standardOutput)")

        let afterFirst = try await target.databaseState()
        let second = try await swingcache(["publish", "history.yaml"])
        #expect(second.status == 0, "\(second.standardError)")
        #expect(second.standardOutput.contains("0 plays imported"), "\(second.standardOutput)")
        #expect(
            second.standardOutput.contains("2 not in the library (2 kept for a later publish)"),
            "the kept listens are tried again, and kept again: \(second.standardOutput)")
        #expect(try await target.databaseState() == afterFirst, "a second import adds nothing")

        // The imported plays are Last.fm's and ListenBrainz's: the local count a run reads leaves them out.
        let rerun = try await swingcache(["run", "history.yaml"])
        #expect(rerun.status == 0, "\(rerun.standardError)")
        #expect(
            try await SQLiteShell.query(
                folder.file("cache.sqlite"),
                "SELECT local_play_count FROM library_track WHERE filepath LIKE '%04 September.mp3'")
                == "3", "bob's 2 and admin's 1, without bob's play of it imported from Last.fm")
    }
}
