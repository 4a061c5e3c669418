import CacheStore
import Foundation
import Logging
import Runner
import SwingCache
import SwingCacheTestKit
import SwingMusicLibrary

/// A 50 000-track SwingMusic library: reading it into the store, and exporting the enriched library.
struct LibraryBenchmark {
    let count = 50_000

    func run() async throws {
        print("swingcache-bench: a SwingMusic library of \(count) tracks")
        let folder = try TemporaryDirectory()
        let builder = try SwingMusicLibraryBuilder(in: folder)
        try builder.addUser("alice")
        let rows = (0..<count).map { index in
            SwingMusicTrackRow(
                filepath: "/music/artist \(index % 997)/album \(index % 4001)/\(index) track.flac",
                title: index % 7 == 0 ? "Track \(index) (feat. Guest \(index % 11))" : "Track \(index)",
                artists: "Artist \(index % 997);Guest \(index % 13)",
                album: index % 5 == 0 ? "Album \(index % 4001) (Deluxe Edition)" : "Album \(index % 4001)",
                duration: 120 + index % 300,
                isrc: index % 3 == 0 ? .absent : .list([String(format: "GBAYE%07d", index)]))
        }
        try builder.addTracks(rows)
        // A fifth of the files played 1–5 times each, as SwingMusic logs plays: by the song's runtime hash.
        let rules = SwingMusicRules()
        for (index, row) in rows.enumerated() where index % 5 == 0 {
            let tags = TrackTags(title: row.title, artists: row.artists, albumArtists: row.artists, album: row.album)
            try builder.addScrobbles(trackhash: rules.shown(tags).trackhash, user: "alice", count: index / 5 % 5 + 1)
        }
        try builder.close()
        let tags = rows.map {
            TrackTags(
                title: $0.title, artists: $0.artists, albumArtists: $0.albumArtists ?? $0.artists, album: $0.album)
        }
        let (hashes, showSeconds) = await measure { Set(tags.map { rules.shown($0).trackhash }) }
        print(
            "  show every track as SwingMusic does (split the artists, clean title and album, hash): \(formatSeconds(showSeconds)) -> \(hashes.count) songs"
        )

        let store = try folder.store()
        let importer = LibraryImport(store: store, clock: SystemClock(), logger: Logger(label: "bench"))
        let source = LibrarySource(
            swingMusicDatabase: builder.path, user: "alice", origin: SourceLocation(file: "bench", line: 1, column: 1))
        let settings = EnrichmentSettings(
            ttls: Dictionary(
                uniqueKeysWithValues: Provider.allCases.map { ($0, $0.defaultTTL) }))
        let (previews, surveySeconds) = try await measure {
            let survey = try await importer.survey(source)
            let previews = try await ProviderPreview.estimate(
                survey, settings: settings, configuration: ProviderConfiguration(), store: store, now: Date())
            return (survey.found, previews)
        }
        let (survey, providers) = previews
        print(
            "  plan its enrichment (read it, compare with the store, count the matching and the provider requests): \(formatSeconds(surveySeconds)) -> \(survey.needingMatching) files to match, \(survey.needingMatchingWithISRC) with an ISRC; \(providers["lastfm"]?.keys ?? 0) Last.fm keys, \(providers["musicbrainz"]?.keys ?? 0) ISRCs"
        )
        print(String(format: "  peak RSS after planning: %.1f MB", peakResidentMegabytes()))
        let (imported, importSeconds) = try await measure { try await importer.run(source) }
        print(
            "  import it into the store (\(imported.added) files, local plays included): \(formatSeconds(importSeconds))"
        )
        print(String(format: "  peak RSS after the import: %.1f MB", peakResidentMegabytes()))

        let now = Date()
        for start in stride(from: 0, to: count, by: 5_000) {
            let facts = (start..<min(start + 5_000, count)).map { index in
                LastfmTrackFact(
                    key: LastfmTrackKey(artist: "Artist \(index % 997)", title: "Track \(index)"), playCount: index * 7,
                    listeners: index, userPlayCount: index % 4, username: "alice", tags: ["rock", "live"],
                    fetchedAt: now, expiresAt: now.addingTimeInterval(7 * 86_400))
            }
            try await store.facts.save(EnrichmentRecord(lastfmTracks: facts, request: nil))
        }
        try exportInAChildProcess(database: store.path)
    }

    /// Runs `swingcache export` as its own process, so its peak RSS is the export's alone.
    private func exportInAChildProcess(database: String) throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("swingcache").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            print("  export: skipped (build the swingcache product in the same configuration)")
            return
        }
        for format in ["json", "csv"] {
            let output = database + ".\(format)"
            let start = DispatchTime.now().uptimeNanoseconds
            try SpawnedProcess(
                binary, ["export", "--format", format, "--output", output, "--db", database],
                standardError: .nullDevice
            ).waitUntilExit()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            var usage = rusage()
            getrusage(RUSAGE_CHILDREN.rawValue, &usage)
            let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
            print(
                String(
                    format:
                        "  export --format %@ of %d enriched tracks: %@, %.1f MB written, child peak RSS %.1f MB   goal <= 100 MB",
                    format, count, formatSeconds(seconds), Double(size) / 1_048_576, Double(usage.ru_maxrss) / 1024))
        }
    }
}
