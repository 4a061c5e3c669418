import Foundation
import SwingCacheTestKit
import Testing

/// A real library's history into the real SwingMusic: 100 000 Last.fm scrobbles and 30 000 ListenBrainz listens, and
/// restores whose answer SwingMusic (or the network) loses. In ``PublishCommandTests``' suite, so they take their
/// turn on the one SwingMusic; each writes for a user of its own, so the others' plays are not touched.
extension PublishCommandTests {
    /// The library's songs as Last.fm names them, and the file each is (`Tests/Fixtures/SwingMusicLibrary`).
    static let songs: [(artist: String, title: String, file: String)] = [
        ("Queen & David Bowie", "Under Pressure", "%/01 Under Pressure.flac"),
        ("Tyler, The Creator", "Yonkers", "%03 Yonkers.flac"),
        ("Earth, Wind & Fire", "September", "%04 September.mp3"),
        ("AC/DC", "Back In Black", "%08 Back In Black.flac"),
        ("Coldplay", "Up & Up", "%06 Up & Up.flac"),
        ("Future", "Mask Off", "%05 Mask Off.flac"),
    ]

    /// `count` listens cycling through ``songs``, `spacing` seconds apart from `start`: one song comes round again
    /// after 6 × `spacing` seconds, beyond the 10 minutes in which two reports are one play.
    static func listens(_ count: Int, from start: Int, spacing: Int = 240) -> [[String: Any]] {
        (0..<count).map { index in
            let song = songs[index % songs.count]
            return ["artist": song.artist, "title": song.title, "timestamp": start + index * spacing]
        }
    }

    /// A fixture server serving `history` (`{"lastfm": {user: [listen]}, "listenbrainz": {…}}`).
    func historyServer(_ history: [String: [String: [[String: Any]]]]) throws -> FixtureServerProcess {
        let file = folder.file("history-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: history).write(to: URL(fileURLWithPath: file))
        return try FixtureServerProcess(["--history", file, "--listenbrainz-requests-per-window", "1000"])
    }

    /// Makes a SwingMusic user of its own for one test, named after `base`, so the test can run again on the same
    /// SwingMusic.
    func makeUser(_ base: String) async throws -> String {
        let name = base + UUID().uuidString.prefix(8).lowercased()
        try await makeUser(named: name)
        return name
    }

    /// Makes the SwingMusic user `name` unless it exists.
    func makeUser(named name: String) async throws {
        let admin = try await target.token("admin")
        let users = try await target.call("/auth/users", token: admin)["users"] as? [[String: Any]] ?? []
        guard !users.contains(where: { $0["username"] as? String == name }) else { return }
        try await target.call(
            "/auth/profile/create", method: "POST", body: ["username": name, "password": name + "-pass"], token: admin)
    }

    /// `user`'s plays in SwingMusic's database: how many rows each song and second has, by `trackhash.timestamp`.
    func rowsPerSongAndSecond(_ user: String) async throws -> [String: Int] {
        let rows = try await SQLiteShell.query(
            target.databasePath,
            """
            SELECT s.trackhash || '.' || s.timestamp || '|' || COUNT(*) FROM scrobble AS s JOIN \"user\" AS u
            ON u.id = s.userid WHERE u.username = '\(user)' GROUP BY s.trackhash, s.timestamp
            """)
        var counts: [String: Int] = [:]
        for line in rows.split(separator: "\n") {
            let parts = line.split(separator: "|")
            counts[String(parts[0])] = Int(parts[1])
        }
        return counts
    }

    /// Each listen's `trackhash.timestamp`, as SwingMusic's row of it reads, once.
    func expectedRows(_ listens: [[String: Any]]) async throws -> [String: Int] {
        var hashes: [String: String] = [:]
        for song in Self.songs {
            hashes[song.title] = try await SQLiteShell.query(
                folder.file("cache.sqlite"),
                "SELECT trackhash FROM swingmusic_track WHERE filepath LIKE '\(song.file)' LIMIT 1")
        }
        var rows: [String: Int] = [:]
        for listen in listens {
            rows["\(hashes[listen["title"] as? String ?? ""] ?? "").\(listen["timestamp"] as? Int ?? 0)"] = 1
        }
        return rows
    }

    /// A job that imports `user`'s history from both services (the same name at each).
    func historySpec(_ name: String, user: String) throws {
        try folder.write(
            name,
            """
            name: \(user)-history
            library:
              swingmusic_db: \(target.databasePath)
            budget: { min_interval: 0s, reserve: 0 }
            enrich:
              lastfm: { min_interval: 0s }
              listenbrainz: { min_interval: 0s }
            publish:
              history:
                - { user: \(user), lastfm: \(user), listenbrainz: \(user) }
            """)
    }

    @Test func aHundredThousandListensLandInSwingMusicExactlyOnceEach() async throws {
        let carol = try await makeUser("carol")
        let start = 1_700_000_000
        let scrobbles = Self.listens(100_000, from: start)
        // 15 000 listens Last.fm reports too (30 s later: one play), and 15 000 of a later year only ListenBrainz has.
        let alsoScrobbled = Self.listens(15_000, from: start + 30)
        let onlyListenBrainz = Self.listens(15_000, from: start + 100_000 * 240)
        let server = try historyServer([
            "lastfm": [carol: scrobbles], "listenbrainz": [carol: alsoScrobbled + onlyListenBrainz],
        ])
        try historySpec("carol.yaml", user: carol)
        let run = try await CommandLineRun.swingcache(
            ["run", "carol.yaml"], in: folder.path, environment: environment(server: server))
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try await rowsPerSongAndSecond(carol).isEmpty)

        let first = try await CommandLineRun.swingcache(
            ["publish", "carol.yaml", "--json"], in: folder.path, environment: environment(server: server))

        #expect(first.status == 0, "\(first.standardError)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(first.standardOutput.utf8)) as? [String: Any])
        let history = try #require((report["history"] as? [[String: Any]])?.first)
        #expect(history["imported"] as? Int == 115_000, "\(history)")
        #expect(history["duplicatesAcrossServices"] as? Int == 15_000, "\(history)")
        let expected = try await expectedRows(scrobbles + onlyListenBrainz)
        let found = try await rowsPerSongAndSecond(carol)
        #expect(found.count == expected.count, "every play is in SwingMusic")
        #expect(found.values.filter { $0 > 1 }.isEmpty, "no play twice")
        #expect(found == expected)
        #expect(first.standardError.contains("plays sent to SwingMusic"), "a long import reports its progress")
        #expect(
            try await SQLiteShell.query(
                folder.file("cache.sqlite"), "SELECT COUNT(*) FROM imported_play WHERE swingmusic_user = '\(carol)'")
                == "115000")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.backupFolder).isEmpty)

        let second = try await CommandLineRun.swingcache(
            ["publish", "carol.yaml"], in: folder.path, environment: environment(server: server))
        #expect(second.status == 0, "\(second.standardError)")
        #expect(second.standardOutput.contains("0 plays imported"), "\(second.standardOutput)")
        #expect(try await rowsPerSongAndSecond(carol) == expected, "a second publish adds nothing")
    }

    @Test(arguments: [
        FaultyProxy.Fault.answerLate(seconds: 8), .serverErrorAfterForwarding,
    ])
    func aRestoreWhoseAnswerIsLostIsReadBackAndNeverSentAgain(fault: FaultyProxy.Fault) async throws {
        let user = try await makeUser("dave\(fault.name)")
        let scrobbles = Self.listens(2_000, from: 1_650_000_000 + fault.name.count * 10_000_000)
        let server = try historyServer(["lastfm": [user: scrobbles]])
        try historySpec("\(user).yaml", user: user)
        let port = try #require(URLComponents(string: target.url)?.port)
        let proxy = try FaultyProxy(upstreamPort: port, faults: [.init("POST /backup/restore", fault)])
        var environment = environment(url: proxy.url, server: server)
        environment["SWINGCACHE_HTTP_DEADLINE"] = "3s"
        let run = try await CommandLineRun.swingcache(
            ["run", "\(user).yaml"], in: folder.path, environment: environment)
        #expect(run.status == 0, "\(run.standardError)")

        let publish = try await CommandLineRun.swingcache(
            ["publish", "\(user).yaml"], in: folder.path, environment: environment)

        #expect(publish.status == 0, "\(publish.standardError)")
        #expect(publish.standardError.contains("did not answer the restore"), "\(publish.standardError)")
        #expect(publish.standardOutput.contains("2000 plays imported"), "\(publish.standardOutput)")
        let exact = try await rowsPerSongAndSecond(user) == expectedRows(scrobbles)
        #expect(exact, "every play once")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.backupFolder).isEmpty)
        print(
            "fault table | a restore answered \(fault.name) | \(publish.status) | \(publish.standardError.split(separator: "\n").last ?? "") | \(exact ? "exact" : "WRONG") (\(scrobbles.count) plays)"
        )
    }

    @Test func aRestoreThatNeverReachedSwingMusicStopsPublishAndTheNextOneImportsEveryPlayOnce() async throws {
        let erin = try await makeUser("erin")
        let scrobbles = Self.listens(500, from: 1_600_000_000)
        let server = try historyServer(["lastfm": [erin: scrobbles]])
        try historySpec("erin.yaml", user: erin)
        let port = try #require(URLComponents(string: target.url)?.port)
        let proxy = try FaultyProxy(upstreamPort: port, faults: [.init("POST /backup/restore", .drop)])
        let environment = environment(url: proxy.url, server: server)
        let run = try await CommandLineRun.swingcache(["run", "erin.yaml"], in: folder.path, environment: environment)
        #expect(run.status == 0, "\(run.standardError)")

        let first = try await CommandLineRun.swingcache(
            ["publish", "erin.yaml"], in: folder.path, environment: environment)

        #expect(first.status == 69, "\(first.standardError)")
        #expect(first.standardError.contains("did not answer the restore of 500 plays"), "\(first.standardError)")
        #expect(
            first.standardOutput.contains("History of \(erin)"), "the report of what was done: \(first.standardOutput)")
        #expect(try await rowsPerSongAndSecond(erin).isEmpty)
        #expect(proxy.requests.filter { $0 == "POST /backup/restore" }.count == 1, "not sent again")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.backupFolder).isEmpty)

        // A backup a killed publish left behind, and one of someone else's.
        let leftover = target.backupFolder + "/backup.1600000001"
        let others = target.backupFolder + "/backup.1600000002"
        for folder in [leftover, others] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data("{}".utf8).write(to: URL(fileURLWithPath: folder + "/data.json"))
        }
        try Data().write(to: URL(fileURLWithPath: leftover + "/.written-by-swingcache"))
        defer { try? FileManager.default.removeItem(atPath: others) }

        let second = try await CommandLineRun.swingcache(
            ["publish", "erin.yaml"], in: folder.path, environment: environment)

        #expect(second.status == 0, "\(second.standardError)")
        #expect(try await rowsPerSongAndSecond(erin) == expectedRows(scrobbles))
        #expect(!FileManager.default.fileExists(atPath: leftover), "swingcache's leftover backup is removed")
        #expect(
            FileManager.default.fileExists(atPath: others + "/data.json"), "a backup swingcache did not write stays")
        let exact = try await rowsPerSongAndSecond(erin) == expectedRows(scrobbles)
        print(
            "fault table | a restore that never reached SwingMusic (dropped) | \(first.status) | \(first.standardError.split(separator: "\n").last ?? "") | after the next publish \(exact ? "exact" : "WRONG") (\(scrobbles.count) plays)"
        )
    }

    @Test func aPlaySwingMusicSkipsForTheAdminsPlayAtTheSameSecondIsReportedAsSkipped() async throws {
        let frank = try await makeUser("frank")
        let admin = try await target.token("admin")
        let scrobbles = Self.listens(4, from: 1_550_000_000)
        try historySpec("frank.yaml", user: frank)
        let server = try historyServer(["lastfm": [frank: scrobbles]])
        let run = try await CommandLineRun.swingcache(
            ["run", "frank.yaml"], in: folder.path, environment: environment(server: server))
        #expect(run.status == 0, "\(run.standardError)")
        let shadowed = try #require(try await expectedRows([scrobbles[1]]).keys.first)
        let parts = shadowed.split(separator: ".")
        try await target.call(
            "/logger/track/log", method: "POST",
            body: [
                "trackhash": String(parts[0]), "timestamp": Int(parts[1]) ?? 0, "duration": 200,
                "source": "tr:\(parts[0])",
            ], token: admin)

        let publish = try await CommandLineRun.swingcache(
            ["publish", "frank.yaml", "--json"], in: folder.path, environment: environment(server: server))

        #expect(publish.status == 0, "\(publish.standardError)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(publish.standardOutput.utf8)) as? [String: Any])
        let history = try #require((report["history"] as? [[String: Any]])?.first)
        #expect(history["imported"] as? Int == 3, "\(history)")
        #expect(history["skippedBySwingMusic"] as? Int == 1, "\(history)")
        #expect((history["notes"] as? [String: String])?["swingmusic"]?.contains("same second") == true)
        var landed = try await expectedRows(scrobbles)
        landed[shadowed] = nil
        #expect(try await rowsPerSongAndSecond(frank) == landed)
        #expect(
            try await SQLiteShell.query(
                folder.file("cache.sqlite"), "SELECT COUNT(*) FROM imported_play WHERE swingmusic_user = '\(frank)'")
                == "3", "only what SwingMusic holds is recorded as imported")
    }
}

extension FaultyProxy.Fault {
    var name: String {
        switch self {
        case .answerLate: "late"
        case .serverErrorAfterForwarding: "error"
        case .serverErrorInstead: "refused"
        case .drop: "dropped"
        case .unauthorizedInstead: "unauthorized"
        case .down: "down"
        }
    }
}

/// `publish` killed (SIGKILL) at a seeded set of moments, then run to the end: SwingMusic holds every play exactly once,
/// and no backup of swingcache's. (Its playlists are the admin's, which the suite's first test expects it alone makes.)
extension PublishCommandTests {
    @Test func aPublishKilledWhileSwingMusicRestoresIsWaitedForAndNoPlayLandsTwice() async throws {
        let grace = try await makeUser("grace")
        let scrobbles = Self.listens(3_000, from: 1_500_000_000)
        let server = try historyServer(["lastfm": [grace: scrobbles]])
        try historySpec("grace.yaml", user: grace)
        let run = try await CommandLineRun.swingcache(
            ["run", "grace.yaml"], in: folder.path, environment: environment(server: server))
        #expect(run.status == 0, "\(run.standardError)")
        let users = try await target.call("/auth/users", token: try await target.token("admin"))["users"]
        let userID = try #require((users as? [[String: Any]])?.first { $0["username"] as? String == grace }?["id"])
        // What a killed publish leaves: its backup in the folder, and SwingMusic restoring it for a client gone.
        let hashes = try await expectedRows(scrobbles).keys.map { $0.split(separator: ".") }
        let plays = hashes.map { ["trackhash": String($0[0]), "timestamp": Int($0[1]) ?? 0, "duration": 200] }
            .map {
                $0.merging(["source": "tr:\($0["trackhash"]!)", "userid": userID, "extra": ["swingcache": "lastfm"]]) {
                    $1
                }
            }
        let leftover = target.backupFolder + "/backup.1500000000"
        try FileManager.default.createDirectory(atPath: leftover, withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: [
            "favorites": [], "playlists": [], "scrobbles": plays, "collections": [],
        ])
        .write(to: URL(fileURLWithPath: leftover + "/data.json"))
        try Data().write(to: URL(fileURLWithPath: leftover + "/.written-by-swingcache"))
        let target = target
        let admin = try await target.token("admin")
        let restoring = Task {
            _ = try await target.call(
                "/backup/restore", method: "POST", body: ["backup_dir": "backup.1500000000"], token: admin)
        }
        defer { restoring.cancel() }

        let publish = try await CommandLineRun.swingcache(
            ["publish", "grace.yaml"], in: folder.path, environment: environment(server: server))

        #expect(publish.status == 0, "\(publish.standardError)")
        #expect(
            publish.standardError.contains("waiting for SwingMusic to finish restoring them"),
            "\(publish.standardError)")
        _ = try? await restoring.value
        #expect(try await rowsPerSongAndSecond(grace) == expectedRows(scrobbles), "every play once")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.backupFolder).isEmpty)
    }

    @Test func aPublishKilledTwentyTimesAtSeededMomentsLeavesEveryPlayOnceAndNoBackup() async throws {
        let henry = try await makeUser("henry")
        let scrobbles = Self.listens(4_000, from: 1_450_000_000)
        let server = try historyServer(["lastfm": [henry: scrobbles]])
        try historySpec("henry.yaml", user: henry)
        let environment = environment(server: server)
        let run = try await CommandLineRun.swingcache(["run", "henry.yaml"], in: folder.path, environment: environment)
        #expect(run.status == 0, "\(run.standardError)")

        // Each kill comes right after the publish's kth request was answered, k drawn from a seeded generator: a
        // publish reads the playlists (requests 1–5), Last.fm's 20 pages (6–25), then restores and reads them back;
        // until the history is in, every publish reads Last.fm again from the stored cursor.
        var generator = SeededGenerator(seed: 27)
        var points: [Int] = []
        var kills = 0
        // Once the history is in, a publish asks less: a publish that ended before its point bounds the next points.
        var requests = 32
        while kills < 20 && points.count < 60 {
            let point = Int.random(in: 1...requests, using: &generator)
            points.append(point)
            let publish = try RunningCommand(
                ["publish", "henry.yaml", "--verbose"], in: folder.path, environment: environment)
            if publish.waitForStandardError(containing: " -> ", count: point) {
                publish.send(SIGKILL)
                kills += 1
                _ = publish.finish()
            } else {
                let ended = publish.finish()
                requests = max(1, ended.standardError.components(separatedBy: " -> ").count - 1)
            }
        }
        let last = try await CommandLineRun.swingcache(
            ["publish", "henry.yaml"], in: folder.path, environment: environment)

        #expect(last.status == 0, "\(last.standardError)")
        #expect(kills == 20, "killed at \(points)")
        #expect(try await rowsPerSongAndSecond(henry) == expectedRows(scrobbles), "every play exactly once")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.backupFolder).isEmpty, "no backup left")
        let again = try await CommandLineRun.swingcache(
            ["publish", "henry.yaml"], in: folder.path, environment: environment)
        #expect(again.standardOutput.contains("0 plays imported"), "\(again.standardOutput)")
        let found = try await rowsPerSongAndSecond(henry)
        print(
            "kill table | after a seeded request of a history publish (\(points)) | \(kills) kills | plays expected \(scrobbles.count), found \(found.values.reduce(0, +)) (\(found.values.filter { $0 > 1 }.count) twice) | backup folders left \(try FileManager.default.contentsOfDirectory(atPath: target.backupFolder).count)"
        )
    }
}
