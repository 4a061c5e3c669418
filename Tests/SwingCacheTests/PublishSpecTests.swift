import SwingCache
import Testing

/// A job spec's `publish:` section.
@Suite struct PublishSpecTests {
    let loader = JobSpecLoader()

    func spec(_ publish: String) throws -> JobSpec {
        try loader.parse("library:\n  swingmusic_db: sm.db\npublish:\n\(publish)", path: "p.yaml")
    }

    func problems(_ text: String) -> [String] {
        do {
            _ = try loader.parse(text, path: "p.yaml")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func playlistsAndHistoryAreRead() throws {
        let publish = try #require(
            try spec(
                """
                  playlists:
                    genres: { min_tracks: 5, name: "Genre · " }
                    most_played: { size: 25 }
                    most_listened:
                    popularity: false
                  history:
                    - { user: alice, lastfm: alice_fm, listenbrainz: alice_lb }
                    - { user: bob, lastfm: bobfm }
                """
            ).publish)
        #expect(
            publish.playlists == [
                PlaylistRule(kind: .genres, name: "Genre · ", minTracks: 5),
                PlaylistRule(kind: .mostPlayed, size: 25),
                PlaylistRule(kind: .mostListened),
            ])
        #expect(publish.playlists[2].name == "Most listened worldwide")
        #expect(publish.history.map(\.user) == ["alice", "bob"])
        #expect(publish.history[0].lastfmUser == "alice_fm")
        #expect(publish.history[0].listenbrainzUser == "alice_lb")
        #expect(publish.history[1].listenbrainzUser == nil)
    }

    @Test func aSpecWithoutPublishHasNone() throws {
        #expect(try loader.parse("library:\n", path: "p.yaml").publish == nil)
    }

    @Test(arguments: [
        (
            "library:\npublish:\n  playlists:\n    most_playd: {}\n",
            "p.yaml:4:5: unknown key 'most_playd' in 'publish.playlists'; did you mean 'most_played'?"
        ),
        (
            "library:\npublish:\n  playlists:\n    most_played: { size: 0 }\n",
            "p.yaml:4:26: 'publish.playlists.most_played.size' must be at least 1, found 0"
        ),
        (
            "library:\npublish:\n  playlists:\n    most_played: { size: 5000 }\n",
            "p.yaml:4:26: 'publish.playlists.most_played.size' must be at most 1000, found 5000"
        ),
        (
            "library:\npublish:\n  history:\n    - { lastfm: x }\n",
            "p.yaml:4:7: an entry of 'publish.history' needs 'user': the SwingMusic user the plays belong to"
        ),
        (
            "library:\npublish:\n  history:\n    - { user: x }\n",
            "p.yaml:4:7: the 'publish.history' entry of 'x' names neither 'lastfm' nor 'listenbrainz'"
        ),
        ("library:\npublish: {}\n", "p.yaml:2:10: 'publish' names nothing to publish: add 'playlists' or 'history'"),
        (
            "targets: {}\npublish:\n  playlists: { most_played: true }\n",
            "p.yaml:3:3: 'publish' needs a 'library': it publishes the library's tracks into SwingMusic"
        ),
    ])
    func aBadPublishSectionIsRefusedWithItsPosition(text: String, message: String) {
        #expect(problems(text) == [message])
    }
}
