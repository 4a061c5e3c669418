import Foundation
import SwingCache
import SwingCacheTestKit
import Testing

@Suite struct JobSpecLoaderTests {
    let loader = JobSpecLoader()

    @Test func aMinimalSpecTakesTheDocumentedDefaults() throws {
        let spec = try loader.parse("targets:\n  tracks: [4iV5W9uYEdYUVa79Axb7Rh]\n", path: "jobs/minimal.yaml")
        #expect(spec.name == "minimal")
        #expect(spec.freshness == FreshnessPolicy(ttl: 43_200, refreshAhead: 0, missingTTL: 21_600))
        #expect(spec.budget == BudgetPolicy(perHour: 1000, minInterval: 2, reserve: 50))
        #expect(spec.market == nil)
        #expect(spec.targets.map(\.id) == [SpotifyID(kind: .track, value: "4iV5W9uYEdYUVa79Axb7Rh")])
        #expect(spec.targets[0].origin == SourceLocation(file: "jobs/minimal.yaml", line: 2, column: 12))
    }

    @Test func everySettingIsRead() throws {
        let spec = try loader.parse(
            """
            name: nightly
            ttl: 6h
            refresh_ahead: 90m
            missing_ttl: 1d
            market: de
            targets:
              albums: [spotify:album:0sNOF9WDwhWunNAHPD3Baj]
              artists: ["https://open.spotify.com/artist/0OdUWJ0sBjDrqHygGUXeCF?si=abc"]
            budget:
              per_hour: 500
              min_interval: 500ms
              reserve: 20
              max_requests: 40
              max_runtime: 15m
            """, path: "nightly.yaml")
        #expect(spec.name == "nightly")
        #expect(spec.freshness == FreshnessPolicy(ttl: 21_600, refreshAhead: 5400, missingTTL: 86_400))
        #expect(spec.market == "DE")
        #expect(
            spec.budget == BudgetPolicy(perHour: 500, minInterval: 0.5, reserve: 20, maxRequests: 40, maxRuntime: 900))
        #expect(spec.targets.map(\.id.kind) == [.album, .artist])
    }

    @Test func idsInEveryFormAreNormalisedAndDeduplicated() throws {
        let spec = try loader.parse(
            """
            targets:
              tracks:
                - 4iV5W9uYEdYUVa79Axb7Rh
                - spotify:track:4iV5W9uYEdYUVa79Axb7Rh
                - https://open.spotify.com/intl-de/track/4iV5W9uYEdYUVa79Axb7Rh?si=1
                - 3n3Ppam7vgaVa1iaRUc9Lp
            """, path: "a.yaml")
        #expect(spec.targets.map(\.id.value) == ["4iV5W9uYEdYUVa79Axb7Rh", "3n3Ppam7vgaVa1iaRUc9Lp"])
        #expect(spec.duplicateCount == 2)
    }

    @Test(arguments: [
        (
            "ttl: twelve hours\ntargets: {}\n",
            "spec.yaml:1:6: 'ttl' must be a duration (a number followed by ms, s, m, h or d, such as 90s or 12h), found 'twelve hours'"
        ),
        (
            "refresh-ahead: 1h\ntargets: {}\n",
            "spec.yaml:1:1: unknown key 'refresh-ahead' in a job spec; did you mean 'refresh_ahead'?"
        ),
        ("targets:\n  track: []\n", "spec.yaml:2:3: unknown key 'track' in 'targets'; did you mean 'tracks'?"),
        (
            "targets: {}\nbudget:\n  per_hour: lots\n",
            "spec.yaml:3:13: 'budget.per_hour' must be a whole number, found 'lots'"
        ),
        ("targets: {}\nbudget:\n  per_hour: 0\n", "spec.yaml:3:13: 'budget.per_hour' must be at least 1, found 0"),
        (
            "targets: {}\nbudget:\n  per_hour: 10\n  reserve: 10\n",
            "spec.yaml:4:12: 'budget.reserve' (10) must be less than 'budget.per_hour' (10), or no run could make a request"
        ),
        (
            "targets: {}\nbudget:\n  maxrequests: 4\n",
            "spec.yaml:3:3: unknown key 'maxrequests' in 'budget'; did you mean 'max_requests'?"
        ),
        (
            "targets: {}\ncolour: blue\n",
            "spec.yaml:2:1: unknown key 'colour' in a job spec (expected one of: name, ttl, ttl_max, refresh_ahead, missing_ttl, market, targets, budget, library, enrich, publish)"
        ),
        (
            "targets:\n  tracks: 4iV5W9uYEdYUVa79Axb7Rh\n",
            "spec.yaml:2:11: 'targets.tracks' must be a list (one '- item' per line), found '4iV5W9uYEdYUVa79Axb7Rh'"
        ),
        (
            "targets:\n  tracks:\n    - {id: 4iV5W9uYEdYUVa79Axb7Rh}\n",
            "spec.yaml:3:7: an entry of targets.tracks must be text, found a mapping"
        ),
        ("targets: [a, b]\n", "spec.yaml:1:10: 'targets' must be a mapping of keys to values, found a list"),
        (
            "market: USA\ntargets: {}\n",
            "spec.yaml:1:9: 'market' must be a two-letter country code such as US or DE, found 'USA'"
        ),
        (
            "ttl: 1h\nrefresh_ahead: 2h\ntargets: {}\n",
            "spec.yaml:1:1: 'refresh_ahead' (2h) must be shorter than 'ttl' (1h)"
        ),
        ("ttl: 0s\ntargets: {}\n", "spec.yaml:1:6: 'ttl' must be longer than zero, found '0s'"),
        (
            "name: x\n",
            "spec.yaml:1:1: no 'targets' and no 'library': list ids under targets.tracks, targets.albums, targets.artists or targets.files, or name a SwingMusic library"
        ),
        (
            "targets:\n  tracks: [a, b\n",
            "spec.yaml:3:1: is not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence)"
        ),
        ("targets: {}\ntargets: {}\n", "spec.yaml:1:1: key 'targets' is written twice in one mapping"),
        ("", "spec.yaml:1:1: is empty: a job spec needs 'targets' or a 'library'"),
        ("- just\n- a list\n", "spec.yaml:1:1: the job spec must be a mapping of keys to values, found a list"),
        (
            "ttl: 99999999999999999999s\ntargets: {}\n",
            "spec.yaml:1:6: 'ttl' must be from 1ms to 3650d, found '99999999999999999999s'"
        ),
        ("ttl: 3651d\ntargets: {}\n", "spec.yaml:1:6: 'ttl' must be from 1ms to 3650d, found '3651d'"),
        ("ttl: 0.0001s\ntargets: {}\n", "spec.yaml:1:6: 'ttl' must be from 1ms to 3650d, found '0.0001s'"),
        (
            "refresh_ahead: 9999999999999999999d\ntargets: {}\n",
            "spec.yaml:1:16: 'refresh_ahead' must be 0 or from 1ms to 3650d, found '9999999999999999999d'"
        ),
        (
            "targets: {}\nbudget:\n  max_runtime: 99999999999999999999h\n",
            "spec.yaml:3:16: 'budget.max_runtime' must be from 1ms to 3650d, found '99999999999999999999h'"
        ),
        (
            "targets: {}\nbudget:\n  per_hour: 99999999999999999999\n",
            "spec.yaml:3:13: 'budget.per_hour' must be at most 1000000000, found '99999999999999999999'"
        ),
        (
            "targets: {}\nbudget:\n  max_requests: 1_000_000_001\n",
            "spec.yaml:3:17: 'budget.max_requests' must be at most 1000000000, found '1_000_000_001'"
        ),
        (
            "targets: {}\nbudget:\n  reserve: -99999999999999999999\n",
            "spec.yaml:3:12: 'budget.reserve' must be at least 0, found '-99999999999999999999'"
        ),
        (
            "library:\nenrich:\n  lastfm: {ttl: 99999999999999999999s}\n",
            "spec.yaml:3:17: 'enrich.lastfm.ttl' must be from 1ms to 3650d, found '99999999999999999999s'"
        ),
        (
            "name: a\u{7}b\ntargets: {}\n",
            "spec.yaml:1:8: is not readable as YAML text: control characters are not allowed (U+0007); remove it or write it as an escape in double quotes"
        ),
        ("# nothing but a comment\n", "spec.yaml:1:1: is empty: a job spec needs 'targets' or a 'library'"),
        (
            "name: \"\\e[31mred\"\ntargets: {}\n",
            "spec.yaml:1:7: 'name' must not hold control characters, found U+001B"
        ),
    ])
    func eachProblemIsReportedAtItsPlace(yaml: String, message: String) {
        #expect(problems(yaml) == [message])
    }

    @Test func everyProblemIsReportedNotJustTheFirst() {
        let found = problems(
            """
            ttl: soon
            targets:
              tracks:
                - spotify:trak:4iV5W9uYEdYUVa79Axb7Rh
                - spotify:album:0sNOF9WDwhWunNAHPD3Baj
            budget:
              min_interval: fast
            """)
        #expect(
            found == [
                "spec.yaml:1:6: 'ttl' must be a duration (a number followed by ms, s, m, h or d, such as 90s or 12h), found 'soon'",
                "spec.yaml:7:17: 'budget.min_interval' must be a duration (a number followed by ms, s, m, h or d, such as 90s or 12h), found 'fast'",
                "spec.yaml:4:7: 'spotify:trak:4iV5W9uYEdYUVa79Axb7Rh' is not a Spotify id: 'trak' is not a kind (expected track, album or artist)",
                "spec.yaml:5:7: 'spotify:album:0sNOF9WDwhWunNAHPD3Baj' is an album id, listed under tracks",
            ])
    }

    @Test func badIDsAloneLeaveAUsableSpecThatListsThem() throws {
        let spec = try loader.parse(
            "targets:\n  tracks:\n    - 4iV5W9uYEdYUVa79Axb7Rh\n    - not-an-id\n", path: "spec.yaml")
        #expect(spec.targets.count == 1)
        #expect(
            spec.invalidTargets.map(\.description) == [
                "spec.yaml:4:7: 'not-an-id' is not a Spotify id (expected 22 letters and digits, a spotify: URI or an open.spotify.com link)"
            ])
    }

    @Test func idFilesAreReadBesideTheSpecWithLineNumbersForBadIDs() throws {
        let folder = try TemporaryDirectory()
        try folder.write(
            "jobs/ids/mixed.txt",
            """
            # favourites
            4iV5W9uYEdYUVa79Axb7Rh
              spotify:album:0sNOF9WDwhWunNAHPD3Baj   # albums may be mixed in by URI

            https://open.spotify.com/artist/0OdUWJ0sBjDrqHygGUXeCF?si=x
            definitely-not-an-id
            """)
        try folder.write("jobs/ids/albums.txt", "6akEvsycLGftJxYudPjmqK\n")
        let specPath = try folder.write(
            "jobs/spec.yaml",
            "targets:\n  files:\n    - ids/mixed.txt\n    - path: ids/albums.txt\n      kind: album\n")
        let spec = try loader.load(path: specPath)
        #expect(
            spec.targets.map(\.id) == [
                SpotifyID(kind: .track, value: "4iV5W9uYEdYUVa79Axb7Rh"),
                SpotifyID(kind: .album, value: "0sNOF9WDwhWunNAHPD3Baj"),
                SpotifyID(kind: .artist, value: "0OdUWJ0sBjDrqHygGUXeCF"),
                SpotifyID(kind: .album, value: "6akEvsycLGftJxYudPjmqK"),
            ])
        #expect(spec.targets[1].origin == SourceLocation(file: folder.file("jobs/ids/mixed.txt"), line: 3, column: 3))
        #expect(
            spec.invalidTargets.map(\.description) == [
                "\(folder.file("jobs/ids/mixed.txt")):6:1: 'definitely-not-an-id' is not a Spotify id (expected 22 letters and digits, a spotify: URI or an open.spotify.com link)"
            ])
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func idFilesReadTheSameWhateverTheirLineEndings(newline: String) throws {
        let folder = try TemporaryDirectory()
        let lines = ["# favourites", "4iV5W9uYEdYUVa79Axb7Rh", "", "spotify:album:0sNOF9WDwhWunNAHPD3Baj  # an album"]
        try folder.write("ids.txt", lines.joined(separator: newline) + newline)
        let specPath = try folder.write("spec.yaml", ["targets:", "  files: [ids.txt]"].joined(separator: newline))
        let spec = try loader.load(path: specPath)
        #expect(
            spec.targets.map(\.id) == [
                SpotifyID(kind: .track, value: "4iV5W9uYEdYUVa79Axb7Rh"),
                SpotifyID(kind: .album, value: "0sNOF9WDwhWunNAHPD3Baj"),
            ])
        #expect(spec.targets[1].origin == SourceLocation(file: folder.file("ids.txt"), line: 4, column: 1))
        #expect(spec.invalidTargets.isEmpty)
        #expect(spec.emptyIDSources.isEmpty)
    }

    @Test func anIDFileThatStartsWithAByteOrderMarkKeepsItsFirstID() throws {
        let folder = try TemporaryDirectory()
        try folder.write("ids.txt", "\u{FEFF}4iV5W9uYEdYUVa79Axb7Rh\r\n0sNOF9WDwhWunNAHPD3Baj\r\n")
        let specPath = try folder.write("spec.yaml", "targets:\n  files: [ids.txt]\n")
        let spec = try loader.load(path: specPath)
        #expect(spec.targets.map(\.id.value) == ["4iV5W9uYEdYUVa79Axb7Rh", "0sNOF9WDwhWunNAHPD3Baj"])
        #expect(spec.targets[0].origin == SourceLocation(file: folder.file("ids.txt"), line: 1, column: 1))
        #expect(spec.invalidTargets.isEmpty)
    }

    @Test func linesBeyondASCIIKeepTheirColumnsInCharacters() throws {
        let folder = try TemporaryDirectory()
        try folder.write(
            "ids.txt",
            "\u{A0}4iV5W9uYEdYUVa79Axb7Rh  # café\né 0sNOF9WDwhWunNAHPD3Baj\n\u{3000}spotify:album:0sNOF9WDwhWunNAHPD3Baj\n"
        )
        let specPath = try folder.write("spec.yaml", "targets:\n  files: [ids.txt]\n")
        let spec = try loader.load(path: specPath)
        #expect(
            spec.targets.map(\.id) == [
                SpotifyID(kind: .track, value: "4iV5W9uYEdYUVa79Axb7Rh"),
                SpotifyID(kind: .album, value: "0sNOF9WDwhWunNAHPD3Baj"),
            ])
        #expect(spec.targets.map(\.origin.column) == [2, 2])
        #expect(
            spec.invalidTargets.map(\.description) == [
                "\(folder.file("ids.txt")):2:1: 'é 0sNOF9WDwhWunNAHPD3Baj' is not a Spotify id (expected 22 letters and digits, a spotify: URI or an open.spotify.com link)"
            ])
    }

    @Test func anIDFileWithNoReadableIDIsNamedWhereTheSpecListsIt() throws {
        let folder = try TemporaryDirectory()
        try folder.write("ids.txt", "title,artist\nSong,Someone\n")
        try folder.write("good.txt", "4iV5W9uYEdYUVa79Axb7Rh\n")
        let specPath = try folder.write("spec.yaml", "targets:\n  files:\n    - good.txt\n    - ids.txt\n")
        let spec = try loader.load(path: specPath)
        #expect(spec.targets.count == 1)
        #expect(spec.invalidTargets.count == 2)
        #expect(
            spec.emptyIDSources.map(\.description) == [
                "\(specPath):4:7: id file '\(folder.file("ids.txt"))' has 2 entries and none is a Spotify id: a run would fetch nothing from it (one id per line: a bare id, a spotify: URI or an open.spotify.com link; swingcache validate lists them)"
            ])
    }

    @Test func aSpecWhoseTargetsHoldNoReadableIDSaysARunWouldFetchNothing() throws {
        let spec = try loader.parse("targets:\n  tracks: [nope, spotify:trak:4iV5W9uYEdYUVa79Axb7Rh]\n", path: "s.yaml")
        #expect(
            spec.emptyIDSources.map(\.description) == [
                "s.yaml:2:3: none of the 2 ids listed under 'targets' is a Spotify id: a run would fetch nothing"
            ])
        let empty = try loader.parse("targets:\n  tracks: []\n", path: "s.yaml")
        #expect(empty.emptyIDSources.isEmpty, "an empty list is a choice, not a loss")
    }

    @Test func anIDFileThatIsNotARegularFileIsNamedWithoutBeingOpened() throws {
        let folder = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder.file("a-folder"), withIntermediateDirectories: true)
        #expect(mkfifo(folder.file("a-fifo"), 0o600) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: folder.file("loop"), withDestinationPath: folder.file("loop"))
        let specPath = try folder.write(
            "spec.yaml", "targets:\n  files:\n    - a-folder\n    - a-fifo\n    - /dev/null\n    - loop\n")
        let error = try #require(throws: JobSpecError.self) { try loader.load(path: specPath) }
        #expect(
            error.diagnostics.map(\.description) == [
                "\(specPath):3:7: cannot read id file '\(folder.file("a-folder"))': it is a folder, not a file",
                "\(specPath):4:7: cannot read id file '\(folder.file("a-fifo"))': it is a named pipe (FIFO), not a regular file",
                "\(specPath):5:7: cannot read id file '/dev/null': it is a device, not a regular file",
                "\(specPath):6:7: cannot read id file '\(folder.file("loop"))': too many levels of symbolic links",
            ])
    }

    @Test func aMissingIDFileIsReportedWhereTheSpecNamesIt() throws {
        let folder = try TemporaryDirectory()
        let specPath = try folder.write("spec.yaml", "targets:\n  files:\n    - nowhere.txt\n")
        #expect(throws: JobSpecError.self) { try loader.load(path: specPath) }
        do {
            _ = try loader.load(path: specPath)
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "\(specPath):3:7: cannot read id file '\(folder.file("nowhere.txt"))': no such file"
                ])
        }
    }

    @Test func aMissingSpecFileIsReportedByName() {
        do {
            _ = try loader.load(path: "/nonexistent/spec.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == ["/nonexistent/spec.yaml: cannot read job spec: no such file"])
        }
    }

    @Test func theShippedExampleJobsAreValid() throws {
        let jobs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../jobs")
            .standardized
        for name in ["nightly.yaml", "library-enrichment.yaml", "ci-smoke.yaml"] {
            let spec = try loader.load(path: jobs.appendingPathComponent(name).path)
            #expect(spec.invalidTargets.isEmpty, "\(name)")
            #expect(!spec.targets.isEmpty, "\(name)")
        }
        let library = try loader.load(path: jobs.appendingPathComponent("library.yaml").path)
        #expect(library.library != nil)
        #expect(library.library?.swingMusicDatabase == nil, "the example uses SwingMusic's lookup order")
    }

    private func problems(_ yaml: String) -> [String] {
        do {
            _ = try loader.parse(yaml, path: "spec.yaml")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }
}
