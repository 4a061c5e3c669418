import CacheStore
import Foundation
import SwingCache
import SwingCacheTestKit
import Testing

/// `swingcache review`: the files whose match was not used, with their candidates, and a person's decisions that
/// later runs keep until the tags change — through the real binary.
@Suite struct ReviewCommandTests {
    let folder: TemporaryDirectory
    let database: String
    let now = Date.testEpoch
    static let unsure = "/music/Air/01 La femme d'argent.flac"
    static let lost = "/music/Bootlegs/live 1997.mp3"
    static let candidate = "4iV5W9uYEdYUVa79Axb7Rh"

    init() async throws {
        folder = try TemporaryDirectory()
        database = folder.file("cache.sqlite")
        let store = try AppDatabase.open(DatabaseLocation(path: database), access: .readWrite)
        let files = [
            LibraryTrackRecord(
                filepath: Self.unsure, fingerprint: "f1", title: "La femme d'argent", artists: ["Air"],
                album: "Moon Safari", durationSeconds: 430),
            LibraryTrackRecord(filepath: Self.lost, fingerprint: "f2", title: "live 1997", artists: ["Unknown"]),
        ]
        try await store.library.upsertLibraryTracks(files, seenAt: now)
        let candidate = MatchCandidate(
            track: Track(
                id: Self.candidate, name: "La Femme D'Argent - Live", artistNames: ["Air"], durationMs: 500_000),
            score: MatchScore(title: 0.8, artist: 1, album: nil, duration: 0.2))
        try await store.library.save([
            TrackMatchRecord(
                filepath: Self.unsure, fingerprint: "f1",
                match: TrackMatch(
                    method: .search, outcome: .lowConfidence, spotifyID: Self.candidate, confidence: 0.66,
                    score: candidate.score, candidates: [candidate]),
                matchedAt: now),
            TrackMatchRecord(
                filepath: Self.lost, fingerprint: "f2", match: TrackMatch(method: .search, outcome: .noCandidates),
                matchedAt: now),
        ])
    }

    func swingcache(_ arguments: [String]) async throws -> CommandLineRun {
        try await CommandLineRun.swingcache(arguments, in: folder.path, environment: ["SWINGCACHE_DB": database])
    }

    @Test func theQueueListsEveryUnusedMatchWithItsCandidatesAndScores() async throws {
        let listed = try await swingcache(["review", "--json"])
        #expect(listed.status == 0, "\(listed.standardError)")
        let items = try #require(
            try JSONSerialization.jsonObject(with: Data(listed.standardOutput.utf8)) as? [[String: Any]])
        #expect(items.map { $0["filepath"] as? String } == [Self.unsure, Self.lost])
        let candidates = try #require(items.first?["candidates"] as? [[String: Any]])
        #expect(candidates.first?["spotifyID"] as? String == Self.candidate)
        let score = try #require(candidates.first?["score"] as? [String: Any])
        #expect(score["duration"] as? Double == 0.2)

        let text = try await swingcache(["review"])
        #expect(text.standardOutput.contains("1. \(Self.candidate) \"La Femme D'Argent - Live\" by Air: "))
        #expect(text.standardOutput.contains("duration 0.20"))
        let why =
            "1. scores 0.73, under 0.85: the durations are about 9 s apart; its title names another version (title 0.80)"
        #expect(text.standardOutput.contains("lowConfidence: " + why), "\(text.standardOutput)")
        #expect(text.standardOutput.contains("noCandidates: the searches found no candidate"))
        #expect(items.first?["whyNotTaken"] as? String == why)
    }

    @Test func acceptTakesTheTopCandidateAsAPinAndAFileWithoutOneIsRefused() async throws {
        let listed = try await swingcache(["review"])
        #expect(listed.standardOutput.contains("decide: swingcache review accept '\(Self.unsure)' (takes 1.)"))

        let accepted = try await swingcache(["review", "accept", Self.unsure])
        #expect(accepted.status == 0, "\(accepted.standardError)")
        #expect(accepted.standardOutput.contains("Accepted '\(Self.unsure)': spotify:track:\(Self.candidate)"))
        let explained = try await swingcache(["explain", "track", Self.unsure])
        #expect(explained.standardOutput.contains("pinned to Spotify \(Self.candidate)"), "\(explained.standardOutput)")

        let none = try await swingcache(["review", "accept", Self.lost])
        #expect(none.status == 64)
        #expect(none.standardError.contains("has no candidate to accept"), "\(none.standardError)")
        let unknown = try await swingcache(["review", "accept", "/music/not/here.flac"])
        #expect(unknown.status == 64)
    }

    @Test(arguments: [(0.9, 0), (0.5, 1)])
    func acceptAllTakesOnlyTopCandidatesThatScoreEnough(minScore: Double, accepted: Int) async throws {
        let batch = try await swingcache(["review", "accept", "--all", "--min-score", "\(minScore)"])
        #expect(batch.status == 0, "\(batch.standardError)")
        #expect(batch.standardOutput.contains("\(accepted) of 2 queued files accepted"), "\(batch.standardOutput)")
        let needsAScore = try await swingcache(["review", "accept", "--all"])
        #expect(needsAScore.status == 64)
    }

    @Test func aPinAndARejectLeaveTheQueueAndExplainShowsThem() async throws {
        let pinned = try await swingcache(["review", "pin", Self.unsure, "spotify:track:\(Self.candidate)"])
        #expect(pinned.status == 0, "\(pinned.standardError)")
        let rejected = try await swingcache(["review", "reject", Self.lost])
        #expect(rejected.status == 0, "\(rejected.standardError)")

        #expect(try await swingcache(["review"]).standardOutput.contains("Nothing to review"))
        let explained = try await swingcache(["explain", "track", Self.unsure])
        #expect(explained.standardOutput.contains("pinned to Spotify \(Self.candidate)"), "\(explained.standardOutput)")
        #expect(explained.standardOutput.contains("(used, until the tags change)"))

        let store = try AppDatabase.open(DatabaseLocation(path: database), access: .readWrite)
        #expect(
            try await store.library.matchedSpotifyTrackIDs() == [Self.candidate],
            "the next run fetches the pinned track")
        #expect(try await store.library.libraryFilesNeedingMatching().files.isEmpty, "no run matches them again")

        try await store.library.upsertLibraryTracks(
            [LibraryTrackRecord(filepath: Self.lost, fingerprint: "f3", title: "Live 1997", artists: ["Air"])],
            seenAt: now.addingTimeInterval(60))
        #expect(try await store.library.libraryFilesNeedingMatching().files.map(\.filepath) == [Self.lost])
        #expect(
            try await store.library.matchDecision(filepath: Self.lost)?.current == false,
            "new tags, the decision lapses")
    }

    @Test(arguments: [
        (["review", "pin", "/not/in/library.flac", candidate], "is not a file of the library in this database"),
        (["review", "pin", unsure, "https://open.spotify.com/album/0sNOF9WDwhWunNAHPD3Baj"], "is an album id"),
    ])
    func aBadFileOrIDIsAUsageErrorThatNamesIt(arguments: [String], message: String) async throws {
        let result = try await swingcache(arguments)
        #expect(result.status == 64)
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }
}
