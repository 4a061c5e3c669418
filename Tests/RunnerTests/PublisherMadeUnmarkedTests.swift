import CacheStore
import Foundation
import SwingCacheTestKit
import SwingMusicAPI
import Testing

@testable import Runner

/// Which unmarked playlist a publish takes as the one a stopped publish asked SwingMusic for: only the empty one of
/// the recorded name, never a playlist the user filled or named.
@Suite struct PublisherMadeUnmarkedTests {
    static let making = [
        PublishedPlaylistRecord(
            account: "bob@http://127.0.0.1:1970", key: "genres:rock", playlistID: Publisher.beingMade,
            name: "Genre: rock", trackhashes: [], publishedAt: .testEpoch)
    ]

    static func playlist(_ json: String) throws -> SwingMusicPlaylist {
        try JSONDecoder().decode(SwingMusicPlaylist.self, from: Data(json.utf8))
    }

    @Test(arguments: [
        (#"{"id": 7, "name": "Genre: rock", "count": 0, "settings": {"pinned": false}}"#, "genres:rock"),
        (#"{"id": 7, "name": "Genre: rock", "count": 2, "settings": {"pinned": false}}"#, nil),
        (#"{"id": 7, "name": "Genre: rock", "settings": {"pinned": false}}"#, nil),
        (#"{"id": 7, "name": "Genre: pop", "count": 0, "settings": {}}"#, nil),
        (#"{"id": 7, "name": "Genre: rock", "count": 0, "settings": {"swingcache": {"key": "genres:pop"}}}"#, nil),
    ])
    func anUnmarkedPlaylistIsTakenOnlyWhenEmptyAndOfTheRecordedName(json: String, key: String?) throws {
        #expect(Publisher.madeUnmarked(try Self.playlist(json), making: Self.making)?.key == key)
    }

    @Test func nothingIsTakenWhenNoPlaylistWasBeingMade() throws {
        let empty = try Self.playlist(#"{"id": 7, "name": "Genre: rock", "count": 0}"#)
        #expect(Publisher.madeUnmarked(empty, making: []) == nil)
    }
}
