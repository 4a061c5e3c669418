import FixtureServer
import Foundation
import SwingCacheTestKit
import Testing

/// The fake MusicBrainz recording search: Lucene clauses in, scored recordings with ISRCs and tags out, and none
/// of what a search does not give (genres, relations, `inc=`).
@Suite struct MusicBrainzSearchTests {
    static let userAgent = MusicBrainzTests.userAgent
    static let unpaced = MusicBrainzTests.unpaced

    static func path(_ query: String) -> String {
        let escaped = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? query
        return "/musicbrainz/ws/2/recording?query=\(escaped)&limit=10&fmt=json"
    }

    @Test func aSearchByTitleAndArtistFindsTheSongFirstWithItsISRCAndTagsButNoGenres() async throws {
        try await withFixtureServer(Self.unpaced) { client in
            let exchange = try await client.send(
                Self.path(#"recording:"Believe" AND artist:"Cher""#), headers: Self.userAgent)
            #expect(exchange.status == 200)
            let recordings = try #require(exchange.object["recordings"] as? [[String: Any]])
            #expect(exchange.object["count"] as? Int == recordings.count)
            let first = try #require(recordings.first)
            #expect(first["title"] as? String == "Believe")
            #expect(first["score"] as? Int == 100)
            let isrc = try #require((first["isrcs"] as? [String])?.first)
            #expect(FixtureCatalog.recordingMBIDs(forISRC: isrc).first == first["id"] as? String)
            let credit = try #require((first["artist-credit"] as? [[String: Any]])?.first)
            #expect(credit["name"] as? String == "Cher")
            #expect(recordings.allSatisfy { $0["genres"] == nil && $0["relations"] == nil })
            #expect(recordings.dropFirst().allSatisfy { ($0["score"] as? Int ?? 100) < 100 })
        }
    }

    @Test func aDurationRangeKeepsOnlyRecordingsWhoseLengthFallsInside() async throws {
        let length = FixtureCatalog.searchDurationMs(artist: "Cher", title: "Believe")
        try await withFixtureServer(Self.unpaced) { client in
            let query =
                #"recording:"Believe" AND artist:"Cher" AND dur:["# + "\(length - 10_000) TO \(length + 10_000)]"
            let exchange = try await client.send(Self.path(query), headers: Self.userAgent)
            let recordings = try #require(exchange.object["recordings"] as? [[String: Any]])
            #expect(!recordings.isEmpty)
            #expect(recordings.allSatisfy { abs(($0["length"] as? Int ?? 0) - length) <= 10_000 })
            #expect(recordings.allSatisfy { !(($0["title"] as? String) ?? "").hasSuffix("- Live") })
        }
    }

    @Test func aSearchedRecordingIsTheSameSongForItsLookUpAndSpotifysISRCSearch() async throws {
        try await withFixtureServer(Self.unpaced) { client in
            let exchange = try await client.send(
                Self.path(#"recording:"Believe" AND artist:"Cher""#), headers: Self.userAgent)
            let first = try #require((exchange.object["recordings"] as? [[String: Any]])?.first)
            let mbid = try #require(first["id"] as? String)
            let isrc = try #require((first["isrcs"] as? [String])?.first)

            let lookup = try await client.send(
                "/musicbrainz/ws/2/recording/\(mbid)?inc=isrcs+artist-credits&fmt=json", headers: Self.userAgent)
            #expect(lookup.object["title"] as? String == "Believe")
            #expect(lookup.object["isrcs"] as? [String] == [isrc])
            let spotify = try await SearchByArtistAndTitleTests.candidates("isrc:\(isrc)", client: client)
            #expect(spotify.map { $0["name"] as? String } == ["Believe"])
            #expect(spotify.map { SearchByArtistAndTitleTests.artistNames($0) } == [["Cher"]])
        }
    }

    @Test func aNomatchTitleFindsNothing() async throws {
        let exchange = try await withFixtureServer(Self.unpaced) { client in
            try await client.send(Self.path(#"recording:"Nomatch song" AND artist:"Cher""#), headers: Self.userAgent)
        }
        #expect(exchange.status == 200)
        #expect((exchange.object["recordings"] as? [Any])?.isEmpty == true)
    }

    @Test func aSearchTakesNoIncAndNeedsAQuery() async throws {
        try await withFixtureServer(Self.unpaced) { client in
            let withInc = try await client.send(
                Self.path(#"recording:"Believe""#) + "&inc=genres", headers: Self.userAgent)
            #expect(withInc.status == 400)
            let empty = try await client.send("/musicbrainz/ws/2/recording?fmt=json", headers: Self.userAgent)
            #expect(empty.status == 400)
        }
    }

    @Test(arguments: [
        (#"recording:"Believe" AND artist:"Cher" AND dur:[1000 TO 2000]"#, "Believe", "Cher", 1_000...2_000),
        (#"recording:"Say \"Hi\" \\ Bye" AND artist:AC/DC"#, #"Say "Hi" \ Bye"#, "AC/DC", nil),
    ])
    func aQueryIsReadClauseByClause(text: String, title: String, artist: String, duration: ClosedRange<Int>?) {
        let query = MusicBrainzSearchQuery.parse(text)
        #expect(query.title == title)
        #expect(query.artist == artist)
        #expect(query.duration == duration)
    }
}
