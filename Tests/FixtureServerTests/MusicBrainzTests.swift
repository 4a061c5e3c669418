import FixtureServer
import Foundation
import SwingCacheTestKit
import Testing

@Suite struct MusicBrainzTests {
    static let userAgent = ["User-Agent": "swingcache/1.0 ( dev@example.org )"]
    /// No interval, so tests that are not about pacing can send requests back to back.
    static let unpaced = FixtureServerOptions(musicBrainzMinimumIntervalMilliseconds: 0)

    /// ISRCs in a stable order, to search for one with a given property.
    static let isrcs = (0..<200).map { "GBAAA99" + String(format: "%05d", $0) }

    @Test func anISRCLookupListsTheRecordingsWhoseIDsDeriveFromIt() async throws {
        let isrc = try #require(Self.isrcs.first { FixtureCatalog.recordingMBIDs(forISRC: $0).count == 2 })
        try await withFixtureServer(Self.unpaced) { client in
            let exchange = try await client.send("/musicbrainz/ws/2/isrc/\(isrc)?fmt=json", headers: Self.userAgent)
            #expect(exchange.status == 200)
            #expect(exchange.object["isrc"] as? String == isrc)
            let recordings = try #require(exchange.object["recordings"] as? [[String: Any]])
            #expect(recordings.map { $0["id"] as? String } == FixtureCatalog.recordingMBIDs(forISRC: isrc))
            #expect(recordings.allSatisfy { ($0["length"] as? Int ?? 0) > 0 && $0["title"] is String })
            #expect(FixtureCatalog.isrc(ofRecordingMBID: try #require(recordings.last?["id"] as? String)) == isrc)
        }
    }

    @Test func aRecordingLookupCarriesGenresTagsISRCsAndStreamingLinksConsistentWithTheOtherServices() async throws {
        try await withFixtureServer(Self.unpaced) { client in
            var checked = false
            for isrc in Self.isrcs {
                let mbid = try #require(FixtureCatalog.recordingMBIDs(forISRC: isrc).first)
                let exchange = try await client.send(
                    "/musicbrainz/ws/2/recording/\(mbid)?inc=genres+tags+isrcs+url-rels&fmt=json",
                    headers: Self.userAgent)
                #expect(exchange.status == 200)
                #expect(exchange.object["id"] as? String == mbid)
                #expect(exchange.object["isrcs"] as? [String] == [isrc])
                let genres = try #require(exchange.object["genres"] as? [[String: Any]])
                #expect(genres.allSatisfy { $0["name"] is String && $0["count"] is Int })
                #expect(exchange.object["tags"] is [[String: Any]])
                let relations = try #require(exchange.object["relations"] as? [[String: Any]])
                let links = relations.compactMap { ($0["url"] as? [String: Any])?["resource"] as? String }
                #expect(relations.allSatisfy { $0["target-type"] as? String == "url" })
                let spotify =
                    "https://open.spotify.com/track/\(try #require(FixtureCatalog.spotifyTrackID(forISRC: isrc)))"
                let deezer = "https://www.deezer.com/track/\(try #require(FixtureCatalog.deezerTrackID(forISRC: isrc)))"
                guard !genres.isEmpty, links.contains(spotify), links.contains(deezer) else { continue }
                #expect(Set(relations.compactMap { $0["type"] as? String }).isSubset(of: Self.urlRelationTypes))
                checked = true
                break
            }
            #expect(checked)
        }
    }

    static let urlRelationTypes: Set<String> = ["free streaming", "streaming", "purchase for download"]

    @Test func aRecordingLookupWithArtistCreditsAndAliasesNamesTheArtistInCyrillicToo() async throws {
        let mbid = try #require(FixtureCatalog.recordingMBIDs(forISRC: "GBAAA9900303").first)
        let exchange = try await withFixtureServer(Self.unpaced) { client in
            try await client.send(
                "/musicbrainz/ws/2/recording/\(mbid)?inc=artist-credits+aliases&fmt=json", headers: Self.userAgent)
        }
        #expect(exchange.status == 200)
        #expect(exchange.object["aliases"] as? [Any] != nil)
        let credit = try #require((exchange.object["artist-credit"] as? [[String: Any]])?.first)
        let artist = try #require(credit["artist"] as? [String: Any])
        let name = try #require(artist["name"] as? String)
        #expect(credit["name"] as? String == name && artist["sort-name"] as? String == name)
        let alias = try #require((artist["aliases"] as? [[String: Any]])?.first)
        #expect(alias["name"] as? String == MusicBrainzArtistAliases.cyrillic(name))
        #expect(alias["sort-name"] is String && alias["locale"] as? String == "ru" && alias["primary"] as? Bool == true)
        #expect(alias["type"] as? String == "Artist name")

        let withoutAliases = try await withFixtureServer(Self.unpaced) { client in
            try await client.send(
                "/musicbrainz/ws/2/recording/\(mbid)?inc=artist-credits&fmt=json", headers: Self.userAgent)
        }
        let plainCredit = try #require((withoutAliases.object["artist-credit"] as? [[String: Any]])?.first)
        #expect((plainCredit["artist"] as? [String: Any])?["aliases"] == nil)
        #expect(withoutAliases.object["aliases"] == nil)
    }

    @Test func aRecordingLookupWithoutIncLeavesOutWhatWasNotAskedFor() async throws {
        let mbid = try #require(FixtureCatalog.recordingMBIDs(forISRC: "GBAAA9900303").first)
        let exchange = try await withFixtureServer(Self.unpaced) { client in
            try await client.send("/musicbrainz/ws/2/recording/\(mbid)?fmt=json", headers: Self.userAgent)
        }
        #expect(exchange.status == 200)
        #expect(exchange.object["genres"] == nil && exchange.object["relations"] == nil)
        #expect(exchange.object["isrcs"] == nil && exchange.object["tags"] == nil)
    }

    @Test(arguments: [
        (
            "/musicbrainz/ws/2/isrc/GBAAA9900303?inc=genres&fmt=json", 400,
            #"{"error":"genres is not a valid inc parameter for the isrc resource.","help":"For usage, please see: https://musicbrainz.org/development/mmd"}"#
        ),
        (
            "/musicbrainz/ws/2/isrc/ZZAAA9900303?fmt=json", 404,
            #"{"help":"For usage, please see: https://musicbrainz.org/development/mmd","error":"Not Found"}"#
        ),
        (
            "/musicbrainz/ws/2/recording/32ca187e-ee25-4f18-b7d0-3b6713f24635?fmt=json", 404,
            #"{"help":"For usage, please see: https://musicbrainz.org/development/mmd","error":"Not Found"}"#
        ),
        (
            "/musicbrainz/ws/2/recording/not-an-mbid?fmt=json", 400,
            #"{"error":"Invalid mbid.","help":"For usage, please see: https://musicbrainz.org/development/mmd"}"#
        ),
        (
            "/musicbrainz/ws/2/isrc/GB-AAA-99?fmt=json", 400,
            #"{"error":"Invalid isrc.","help":"For usage, please see: https://musicbrainz.org/development/mmd"}"#
        ),
    ])
    func badRequestsAndUnknownIDsAreAnsweredAsMusicBrainzDoes(path: String, status: Int, body: String) async throws {
        let exchange = try await withFixtureServer(Self.unpaced) { client in
            try await client.send(path, headers: Self.userAgent)
        }
        #expect(exchange.status == status)
        #expect(exchange.text == body)
    }

    @Test(arguments: [
        "", "python-requests/2.31.0", "swingcache/1.0", "swingcache/1.0 ()", "swingcache ( dev@example.org )",
        "Mozilla/5.0 (X11; Linux x86_64)", "curl/8.5.0 ( someone )",
    ])
    func aMissingOrGenericUserAgentIsRefusedWith403(userAgent: String) async throws {
        let exchange = try await withFixtureServer(Self.unpaced) { client in
            try await client.send("/musicbrainz/ws/2/isrc/GBAAA9900303?fmt=json", headers: ["User-Agent": userAgent])
        }
        #expect(exchange.status == 403)
        #expect(
            (exchange.object["error"] as? String)?.hasPrefix("Your requests are being throttled by MusicBrainz") == true
        )
    }

    @Test func aRequestSoonerThanOneSecondAfterThePreviousIsAnswered503() async throws {
        let clock = ManualClock()
        let path = "/musicbrainz/ws/2/isrc/GBAAA9900303?fmt=json"
        try await withFixtureServer(clock: clock) { client in
            var statuses: [Int] = []
            statuses.append(try await client.send(path, headers: Self.userAgent).status)
            let tooSoon = try await client.send(path, headers: Self.userAgent)
            statuses.append(tooSoon.status)
            clock.advance(by: 0.5)
            statuses.append(try await client.send(path, headers: Self.userAgent).status)
            clock.advance(by: 1)
            statuses.append(try await client.send(path, headers: Self.userAgent).status)
            clock.advance(by: 1)
            statuses.append(try await client.send(path, headers: Self.userAgent).status)
            #expect(statuses == [200, 503, 503, 200, 200])
            #expect(
                tooSoon.text == #"{"error":"The MusicBrainz web server is currently busy. Please try again later."}"#)
        }
    }

    @Test func theBusyRateRefusesPacedRequestsTheSameWayForTheSameSeed() async throws {
        let options = FixtureServerOptions(seed: 9, musicBrainzBusyRate: 0.5)
        func statuses() async throws -> [Int] {
            let clock = ManualClock()
            return try await withFixtureServer(options, clock: clock) { client in
                var statuses: [Int] = []
                for _ in 1...12 {
                    clock.advance(by: 1)
                    statuses.append(
                        try await client.send("/musicbrainz/ws/2/isrc/GBAAA9900303", headers: Self.userAgent).status)
                }
                return statuses
            }
        }
        let first = try await statuses()
        #expect(first.contains(503) && first.contains(200))
        #expect(try await statuses() == first)
    }
}
