import Foundation
import SwingMusicLibrary
import Testing

/// swingcache's reading of the real SwingMusic's database, compared with what SwingMusic's own API answers.
@Suite(.enabled(if: RealSwingMusic.configured, "scripts/test.sh starts the real SwingMusic"))
struct RealSwingMusicTests {
    /// One file, as SwingMusic's API shows it and as swingcache reads it.
    struct Row {
        var file: String
        var swingMusic: RealSwingMusic.Track?
        var swingcache: LibraryTrack?
        var swingMusicPlays: [Int]
        var swingcachePlays: [Int]

        var differences: [String] {
            guard let swingMusic, let swingcache else { return ["\(file): only one side has it"] }
            var found: [String] = []
            if swingMusic.title != swingcache.title {
                found.append("\(file): title '\(swingMusic.title)' vs '\(swingcache.title)'")
            }
            if swingMusic.artists != swingcache.artists {
                found.append("\(file): artists \(swingMusic.artists) vs \(swingcache.artists)")
            }
            if swingMusic.album != swingcache.album {
                found.append("\(file): album '\(swingMusic.album)' vs '\(swingcache.album)'")
            }
            if swingMusic.trackhash != swingcache.trackhash {
                found.append("\(file): hash \(swingMusic.trackhash) vs \(swingcache.trackhash)")
            }
            if swingMusicPlays != swingcachePlays {
                found.append("\(file): plays \(swingMusicPlays) vs \(swingcachePlays)")
            }
            return found
        }
    }

    @Test func swingcacheReadsTheLibraryAsTheRealSwingMusicShowsItThenAsItsChangedSettingsShowIt() async throws {
        let server = try #require(RealSwingMusic.fromEnvironment())
        let rows = try await compare(server)
        var table = try table(rows, server: server, heading: "With SwingMusic's default settings")
        #expect(rows.count == 10)
        #expect(rows.flatMap(\.differences) == [])
        #expect(rows.contains { $0.swingMusicPlays.contains { $0 > 0 } })
        // scripts/test.sh wrote "Future, Kendrick Lamar" into artist_split_ignore.txt, which SwingMusic reads, and
        // "Queen/David Bowie" into data/artist_split_ignore.txt, which it does not.
        let maskOff = try #require(rows.first { $0.file == "05 Mask Off.flac" })
        #expect(maskOff.swingMusic?.artists == ["Future, Kendrick Lamar"])
        #expect(maskOff.swingcache?.artists == ["Future, Kendrick Lamar"])
        let underPressure = try #require(rows.first { $0.file == "01 Under Pressure.flac" })
        #expect(underPressure.swingMusic?.artists == ["Queen", "David Bowie"])
        #expect(underPressure.swingcache?.artists == ["Queen", "David Bowie"])

        // A user adds "&" as a separator: "Coldplay & Beyoncé" becomes two artists, "Simon & Garfunkel" stays one.
        let admin = try await server.token(for: server.users[0].name)
        try await server.updateSetting("artistSeparators", to: ";,/,&", token: admin)
        // SwingMusic re-indexes in the background: wait (at most a minute) until its answers show the new setting.
        for _ in 0..<240 {
            let upAndUp = try await server.tracks(token: admin).first { $0.filepath.hasSuffix("/06 Up & Up.flac") }
            if upAndUp?.artists.count == 2 { break }
            try await Task.sleep(for: .milliseconds(250))
        }
        let changed = try await compare(server)
        table += try self.table(changed, server: server, heading: "After adding '&' to the separators through its API")
        try writeTable(table)
        #expect(changed.flatMap(\.differences) == [])
        let upAndUp = try #require(changed.first { $0.file == "06 Up & Up.flac" }?.swingcache)
        #expect(upAndUp.artists == ["Coldplay", "Beyoncé"])
        let twoTags = try #require(changed.first { $0.file == "07 Two Artist Tags.flac" }?.swingcache)
        #expect(twoTags.artists == ["Simon & Garfunkel", "AC/DC"])
    }

    @Test func theISRCsSwingMusic301StoresAsListsAreRead() throws {
        let server = try #require(RealSwingMusic.fromEnvironment())
        let library = try SwingMusicLibrary.open(SwingMusicDatabaseLocation(path: server.databasePath))
        let isrcs = Dictionary(
            try library.tracks(limit: 10_000).tracks.map { (($0.filepath as NSString).lastPathComponent, $0.isrc) },
            uniquingKeysWith: { first, _ in first })
        #expect(isrcs["03 Yonkers.flac"] == "USQX91100341", "the first of two values")
        #expect(isrcs["02 Get Lucky.mp3"] == "USQX91300108")
        #expect(isrcs["09 untagged.flac"] == .some(nil))
    }

    private func compare(_ server: RealSwingMusic) async throws -> [Row] {
        let library = try SwingMusicLibrary.open(SwingMusicDatabaseLocation(path: server.databasePath))
        let ours = try library.tracks(limit: 10_000).tracks
        var tokens: [String] = []
        for user in server.users { tokens.append(try await server.token(for: user.name)) }
        let theirs = try await server.tracks(token: tokens[0])
        var theirPlays: [[String: Int]] = []
        var ourPlays: [SongPlays] = []
        for (user, token) in zip(server.users, tokens) {
            theirPlays.append(try await server.plays(token: token))
            ourPlays.append(try library.localPlays(user: user.name))
        }
        let prefix = server.musicFolder.hasSuffix("/") ? server.musicFolder : server.musicFolder + "/"
        let files = Set(ours.map(\.filepath)).union(theirs.map(\.filepath)).sorted()
        return files.map { path in
            let swingMusic = theirs.first { $0.filepath == path }
            let swingcache = ours.first { $0.filepath == path }
            return Row(
                file: String(path.dropFirst(path.hasPrefix(prefix) ? prefix.count : 0)), swingMusic: swingMusic,
                swingcache: swingcache,
                swingMusicPlays: theirPlays.map { plays in swingMusic.flatMap { plays[$0.trackhash] } ?? 0 },
                swingcachePlays: ourPlays.map { plays in swingcache.flatMap { plays[$0.trackhash]?.count } ?? 0 })
        }
    }

    /// The comparison as a Markdown table under `heading`.
    private func table(_ rows: [Row], server: RealSwingMusic, heading: String) throws -> String {
        let users = server.users.map(\.name).joined(separator: "/")
        var lines = [
            "\(heading):", "",
            "| file | SwingMusic: title · artists · hash · plays \(users) | swingcache: title · artists · hash · plays \(users) | differences |",
            "|---|---|---|---|",
        ]
        func cell(_ title: String?, _ artists: [String]?, _ hash: String?, _ plays: [Int]) -> String {
            let names = (artists ?? []).joined(separator: "; ")
            let counts = plays.map(String.init).joined(separator: "/")
            return "\"\(title ?? "–")\" · \(names) · \(hash ?? "–") · \(counts)"
                .replacingOccurrences(of: "|", with: "\\|")
        }
        for row in rows {
            lines.append(
                "| \(row.file) | \(cell(row.swingMusic?.title, row.swingMusic?.artists, row.swingMusic?.trackhash, row.swingMusicPlays)) | \(cell(row.swingcache?.title, row.swingcache?.artists, row.swingcache?.trackhash, row.swingcachePlays)) | \(row.differences.count) |"
            )
        }
        lines += ["", "\(rows.count) files, \(rows.flatMap(\.differences).count) differences.", "", ""]
        return lines.joined(separator: "\n")
    }

    /// Writes `table` where `SWINGCACHE_TEST_SWINGMUSIC_TABLE` says (scripts/test.sh prints it).
    private func writeTable(_ table: String) throws {
        guard let path = ProcessInfo.processInfo.environment["SWINGCACHE_TEST_SWINGMUSIC_TABLE"] else { return }
        try table.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
