import Foundation
import SwingCacheTestKit
import Testing

/// A home server's faults met by the real binary publishing into the real SwingMusic: each ends with one line, the exit
/// code the README gives, and nothing the next publish does not repair. In ``PublishCommandTests``' suite; each test
/// publishes as a user of its own, who is no admin, so playlists are made through the API (`POST /playlists/new`, then
/// the marker, then the songs) and each test sees only its own.
extension PublishCommandTests {
    /// A fault on the way to SwingMusic, what the publish it spoils must end with, and what that publish must say.
    struct PlaylistFault: Sendable, CustomTestStringConvertible {
        var name: String
        var rules: [FaultyProxy.Rule] = []
        var url: String?
        var deadline: String?
        var status: Int32
        var says: String

        var testDescription: String { name }
    }

    static let playlistFaults: [PlaylistFault] = [
        .init(name: "down: connection refused", url: "http://127.0.0.1:9", status: 69, says: "connection refused"),
        .init(
            name: "restarting: gone for 1 s from the second new playlist",
            rules: [.init("POST /playlists/new", occurrence: 2, .down(seconds: 1))], status: 69,
            says: "did not answer POST /playlists/new"),
        .init(
            name: "500 to a new playlist it made",
            rules: [.init("POST /playlists/new", .serverErrorAfterForwarding)], status: 69,
            says: "did not answer POST /playlists/new (POST /playlists/new: server error 500)"),
        .init(
            name: "500 to a new playlist it did not make", rules: [.init("POST /playlists/new", .serverErrorInstead)],
            status: 69, says: "did not answer POST /playlists/new (POST /playlists/new: server error 500)"),
        .init(
            name: "500 to the songs it added", rules: [.init("POST /playlists/{id}/add", .serverErrorAfterForwarding)],
            status: 69, says: "did not answer POST /playlists/{id}/add (POST /playlists/{id}/add: server error 500)"),
        .init(
            name: "500 to every marker",
            rules: (1...4).map { .init("PUT /playlists/{id}/update", occurrence: $0, .serverErrorInstead) },
            status: 69, says: "PUT /playlists/{id}/update"),
        .init(
            name: "slow past the deadline: a new playlist answered after 2 s",
            rules: [.init("POST /playlists/new", .answerLate(seconds: 2))], deadline: "1s", status: 69,
            says: "did not answer POST /playlists/new"),
        .init(
            name: "slow past the deadline: the playlists read after 2 s, once",
            rules: [.init("GET /playlists", .answerLate(seconds: 2))], deadline: "1s", status: 0, says: ""),
        .init(
            name: "the account refused after login (401 to the second new playlist)",
            rules: [.init("POST /playlists/new", occurrence: 2, .unauthorizedInstead)], status: 77,
            says: "refused the account"),
    ]

    /// The environment of a publish as `user`, who is no admin and has no backup folder: playlists through the API.
    func playlistEnvironment(_ user: String, url: String? = nil) -> [String: String] {
        var environment = environment(url: url)
        environment["SWINGMUSIC_USERNAME"] = user
        environment["SWINGMUSIC_PASSWORD"] = user + "-pass"
        environment["SWINGMUSIC_BACKUP_DIR"] = nil
        return environment
    }

    /// `user`'s playlists in SwingMusic's database, one line each, by name: its name, its marker's key (empty for
    /// none) and its songs.
    func playlistRows(_ user: String) async throws -> [String] {
        try await SQLiteShell.query(
            target.databasePath,
            """
            SELECT p.name || '|' || coalesce(json_extract(p.settings, '$.swingcache.key'), '') || '|' || p.trackhashes
            FROM playlist AS p JOIN "user" AS u ON u.id = p.userid WHERE u.username = '\(user)' ORDER BY p.name
            """
        ).split(separator: "\n").map(String.init)
    }

    /// The cache after `run library.yaml`, and the playlists a publish of `spec` with no fault makes for a user of its
    /// own: what every publish that meets a fault must come to. Made once for the tests here (the library and its
    /// enrichment are the same for all) and copied into the test's folder. `faults.yaml` publishes 3 of the 13
    /// playlists `library.yaml` does: fewer requests for a fault to wait through.
    func libraryAndItsPlaylists(_ spec: String) async throws -> [String] {
        try writeFaultsSpec()
        let prepared = try await PreparedLibrary.shared.made(by: self)
        let manager = FileManager.default
        for suffix in ["", "-wal", "-shm"] {
            try? manager.removeItem(atPath: folder.file("cache.sqlite" + suffix))
            if suffix != "-shm", manager.fileExists(atPath: prepared.cache + suffix) {
                try manager.copyItem(atPath: prepared.cache + suffix, toPath: folder.file("cache.sqlite" + suffix))
            }
        }
        return prepared.playlists[spec] ?? []
    }

    func writeFaultsSpec() throws {
        let library = try String(contentsOfFile: folder.file("library.yaml"), encoding: .utf8)
        try folder.write(
            "faults.yaml",
            library.replacingOccurrences(of: "genres: { min_tracks: 1 }", with: "genres: { min_tracks: 3 }"))
    }

    /// Runs the library and publishes each spec once without a fault, in `folder`: the playlists per spec.
    func publishWithoutAFault() async throws -> [String: [String]] {
        let run = try await swingcache(["run", "library.yaml"])
        #expect(run.status == 0, "\(run.standardError)")
        var playlists: [String: [String]] = [:]
        for spec in ["library.yaml", "faults.yaml"] {
            let control = try await makeUser("ctl")
            let publish = try await CommandLineRun.swingcache(
                ["publish", spec], in: folder.path, environment: playlistEnvironment(control))
            #expect(publish.status == 0, "\(publish.standardError)")
            let rows = try await playlistRows(control)
            #expect(rows.count > 2 && rows.allSatisfy { !$0.contains("||") }, "\(rows)")
            playlists[spec] = rows
        }
        return playlists
    }

    @Test(arguments: playlistFaults)
    func aHomeServersFaultEndsWithOneLineAndTheNextPublishRepairsIt(fault: PlaylistFault) async throws {
        let expected = try await libraryAndItsPlaylists("faults.yaml")
        let user = try await makeUser("pl")
        let port = try #require(URLComponents(string: target.url)?.port)
        let proxy = try FaultyProxy(upstreamPort: port, faults: fault.rules)
        var environment = playlistEnvironment(user, url: fault.url ?? proxy.url)
        environment["SWINGCACHE_HTTP_DEADLINE"] = fault.deadline

        let spoiled = try await CommandLineRun.swingcache(
            ["publish", "faults.yaml"], in: folder.path, environment: environment)

        #expect(spoiled.status == fault.status, "\(spoiled.standardError)")
        let lines = spoiled.standardError.split(separator: "\n")
        #expect(lines.count == (fault.status == 0 ? 0 : 1), "one line: \(spoiled.standardError)")
        #expect(fault.says.isEmpty || spoiled.standardError.contains(fault.says), "\(spoiled.standardError)")
        let left = try await playlistRows(user)
        // SwingMusic back up, at the same address (the account's playlists are recorded per server).
        while proxy.isDown { try await Task.sleep(for: .milliseconds(50)) }
        environment = playlistEnvironment(user, url: proxy.url)
        let repaired = try await CommandLineRun.swingcache(
            ["publish", "faults.yaml"], in: folder.path, environment: environment)
        #expect(repaired.status == 0, "\(repaired.standardError)")
        #expect(try await playlistRows(user) == expected, "every playlist once, marked, with its songs")
        print(
            "fault table | \(fault.name) | \(spoiled.status) | \(lines.first ?? "") | left \(left.count) playlists (\(left.filter { $0.contains("||") }.count) unmarked) | after the next publish \(try await playlistRows(user) == expected ? "exact" : "WRONG") (\(expected.count) playlists)"
        )
    }

    @Test func aPublishKilledRightAfterMakingAPlaylistLeavesNoneHalfFilledOrTwice() async throws {
        let expected = try await libraryAndItsPlaylists("library.yaml")
        let user = try await makeUser("kill")
        let environment = playlistEnvironment(user)
        // Every other kill comes right after SwingMusic answered a new playlist, before its marker is sent; the others
        // after the kth request was answered, k drawn from a seeded generator.
        var generator = SeededGenerator(seed: 27)
        var kills: [String: Int] = [:]
        var unmarkedLeft: [String: Int] = [:]
        var requests = 20
        var attempts = 0
        while kills.values.reduce(0, +) < 12 && attempts < 40 {
            attempts += 1
            let afterCreate = attempts % 2 == 1
            let (point, count) =
                afterCreate
                ? ("POST /playlists/new  -> ", 1) : (" -> ", Int.random(in: 1...requests, using: &generator))
            let publish = try RunningCommand(
                ["publish", "library.yaml", "--verbose"], in: folder.path, environment: environment)
            if publish.waitForStandardError(containing: point, count: count) {
                publish.send(SIGKILL)
                _ = publish.finish()
                let kind = afterCreate ? "right after a new playlist" : "after a seeded request"
                kills[kind, default: 0] += 1
                unmarkedLeft[kind, default: 0] += try await playlistRows(user).filter { $0.contains("||") }.count
            } else {
                let ended = publish.finish()
                requests = max(1, ended.standardError.components(separatedBy: " -> ").count - 1)
            }
        }
        let last = try await CommandLineRun.swingcache(
            ["publish", "library.yaml"], in: folder.path, environment: environment)

        #expect(last.status == 0, "\(last.standardError)")
        #expect(kills["right after a new playlist", default: 0] >= 3, "\(kills)")
        #expect(
            unmarkedLeft["right after a new playlist", default: 0] > 0,
            "a kill landed between a new playlist and its marker")
        let found = try await playlistRows(user)
        #expect(found == expected, "every playlist once, marked, with its songs")
        let again = try await CommandLineRun.swingcache(
            ["publish", "library.yaml"], in: folder.path, environment: environment)
        #expect(again.standardOutput.contains("(\(expected.count) unchanged)"), "\(again.standardOutput)")
        for (point, count) in kills.sorted(by: { $0.key < $1.key }) {
            print(
                "kill table | \(point) | \(count) kills | playlists expected \(expected.count), found \(found.count) (\(found == expected ? "same names, markers and songs" : "DIFFERENT")) | unmarked playlists seen after these kills \(unmarkedLeft[point, default: 0])"
            )
        }
    }
}

/// A `SWINGMUSIC_BACKUP_DIR` that is missing, a file, someone else's folder or on a full disk: history import stops
/// with one line and exit 77, leaves nothing there, and the next publish with SwingMusic's folder imports every play
/// once. As the admin (only an admin restores), for a user of its own.
extension PublishCommandTests {
    enum BackupFolderFault: String, CaseIterable, Sendable {
        case missing, aFile, notSwingMusics, full
    }

    @Test(arguments: BackupFolderFault.allCases)
    func aBackupFolderSwingMusicCannotRestoreFromStopsHistoryImportWithOneLine(fault: BackupFolderFault) async throws {
        if fault == .full, !Tmpfs.canMount { return }
        let user = try await makeUser("bk\(fault.rawValue.prefix(4).lowercased())")
        let scrobbles = Self.listens(300, from: 1_400_000_000 + fault.rawValue.count * 1_000_000)
        let server = try historyServer(["lastfm": [user: scrobbles], "listenbrainz": [user: []]])
        try historySpec("\(user).yaml", user: user)
        var environment = environment(server: server)
        let run = try await CommandLineRun.swingcache(
            ["run", "\(user).yaml"], in: folder.path, environment: environment)
        #expect(run.status == 0, "\(run.standardError)")
        let bad = folder.file("backups-\(fault.rawValue)")
        let says: String
        switch fault {
        case .missing: says = "SwingMusic found no backup"
        case .aFile:
            try folder.write("backups-\(fault.rawValue)", "not a folder\n")
            says = "is not a folder swingcache can create or use"
        case .notSwingMusics:
            try FileManager.default.createDirectory(atPath: bad, withIntermediateDirectories: true)
            says = "SwingMusic found no backup"
        case .full:
            try FileManager.default.createDirectory(atPath: bad, withIntermediateDirectories: true)
            try #require(try Tmpfs.system("mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", bad]) == 0)
            says = "the disk is full"
        }
        defer { if fault == .full { _ = try? Tmpfs.system("umount", [bad]) } }
        environment["SWINGMUSIC_BACKUP_DIR"] = bad

        let stopped = try await CommandLineRun.swingcache(
            ["publish", "\(user).yaml"], in: folder.path, environment: environment)

        #expect(stopped.status == 77, "\(stopped.standardError)")
        let lines = stopped.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(stopped.standardError)")
        #expect(stopped.standardError.contains(says), "\(stopped.standardError)")
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: bad, isDirectory: &isFolder), isFolder.boolValue {
            #expect(try FileManager.default.contentsOfDirectory(atPath: bad).isEmpty, "no backup left there")
        }
        #expect(try await rowsPerSongAndSecond(user).isEmpty)
        environment["SWINGMUSIC_BACKUP_DIR"] = target.backupFolder
        let next = try await CommandLineRun.swingcache(
            ["publish", "\(user).yaml"], in: folder.path, environment: environment)
        #expect(next.status == 0, "\(next.standardError)")
        let exact = try await rowsPerSongAndSecond(user) == expectedRows(scrobbles)
        #expect(exact, "every play once")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.backupFolder).isEmpty)
        print(
            "fault table | backup folder \(fault.rawValue) | \(stopped.status) | \(lines.first ?? "") | after the next publish \(exact ? "exact" : "WRONG") (\(scrobbles.count) plays)"
        )
    }
}

/// The cache of `library.yaml` after its run, and the playlists a publish without a fault made of it, kept for the
/// process: the first test that asks makes them in its folder.
actor PreparedLibrary {
    static let shared = PreparedLibrary()

    private let folder: TemporaryDirectory? = try? TemporaryDirectory()
    private var made: (cache: String, playlists: [String: [String]])?

    func made(by test: PublishCommandTests) async throws -> (cache: String, playlists: [String: [String]]) {
        if let made { return made }
        let folder = try #require(folder)
        let playlists = try await test.publishWithoutAFault()
        for suffix in ["", "-wal"]
        where FileManager.default.fileExists(atPath: test.folder.file("cache.sqlite" + suffix)) {
            try FileManager.default.copyItem(
                atPath: test.folder.file("cache.sqlite" + suffix), toPath: folder.file("cache.sqlite" + suffix))
        }
        let made = (cache: folder.file("cache.sqlite"), playlists: playlists)
        self.made = made
        return made
    }
}
