import SwingCache

/// One song as Odesli describes it: an entity per platform and a link per platform.
struct OdesliSong {
    let spotifyTrackID: String
    let title: String
    let artistName: String
    let deezerTrackID: Int
    /// What the remaining platform ids are drawn from.
    let seed: String

    func json(userCountry: String) -> JSONValue {
        var draws = DeterministicDraws("odesli", "ids", seed)
        let appleTrackID = draws.int(in: 1_000_000_000...1_799_999_999)
        let appleAlbumID = draws.int(in: 1_000_000_000...1_799_999_999)
        let youtubeID = draws.text(count: 11, from: SpotifyIDText.base62Alphabet + "-_")
        let tidalID = draws.int(in: 1_000_000...400_000_000)
        let imageHash = draws.text(count: 40, from: "0123456789abcdef")

        let spotifyKey = "SPOTIFY_SONG::\(spotifyTrackID)"
        let deezerKey = "DEEZER_SONG::\(deezerTrackID)"
        let appleKey = "ITUNES_SONG::\(appleTrackID)"
        let youtubeKey = "YOUTUBE_VIDEO::\(youtubeID)"
        let tidalKey = "TIDAL_SONG::\(tidalID)"
        let entities: [String: JSONValue] = [
            spotifyKey: entity(String(spotifyTrackID), provider: "spotify", platforms: ["spotify"], hash: imageHash),
            deezerKey: entity(String(deezerTrackID), provider: "deezer", platforms: ["deezer"], hash: imageHash),
            appleKey: entity(
                String(appleTrackID), provider: "itunes", platforms: ["appleMusic", "itunes"], hash: imageHash),
            youtubeKey: entity(
                youtubeID, provider: "youtube", platforms: ["youtube", "youtubeMusic"], hash: imageHash),
            tidalKey: entity(String(tidalID), provider: "tidal", platforms: ["tidal"], hash: imageHash),
        ]
        let apple = "music.apple.com/us/album/\(appleAlbumID)?i=\(appleTrackID)&uo=4"
        let links: JSONValue = [
            "appleMusic": [
                "entityUniqueId": .string(appleKey), "nativeAppUriDesktop": .string("itms://\(apple)&app=music"),
                "nativeAppUriMobile": .string("music://\(apple)&app=music"),
                "url": .string("https://\(apple)&app=music"),
            ],
            "deezer": [
                "entityUniqueId": .string(deezerKey), "url": .string("https://www.deezer.com/track/\(deezerTrackID)"),
            ],
            "itunes": [
                "entityUniqueId": .string(appleKey), "nativeAppUriDesktop": .string("itms://\(apple)&app=itunes"),
                "nativeAppUriMobile": .string("itms://\(apple)&app=itunes"),
                "url": .string("https://\(apple)&app=itunes"),
            ],
            "spotify": [
                "entityUniqueId": .string(spotifyKey),
                "nativeAppUriDesktop": .string("spotify:track:\(spotifyTrackID)"),
                "url": .string("https://open.spotify.com/track/\(spotifyTrackID)"),
            ],
            "tidal": [
                "entityUniqueId": .string(tidalKey), "url": .string("https://listen.tidal.com/track/\(tidalID)"),
            ],
            "youtube": [
                "entityUniqueId": .string(youtubeKey), "url": .string("https://www.youtube.com/watch?v=\(youtubeID)"),
            ],
            "youtubeMusic": [
                "entityUniqueId": .string(youtubeKey),
                "url": .string("https://music.youtube.com/watch?v=\(youtubeID)"),
            ],
        ]
        return .orderedObject([
            JSONMember("entityUniqueId", .string(spotifyKey)),
            JSONMember("userCountry", .string(userCountry)),
            JSONMember("pageUrl", .string("https://song.link/s/\(spotifyTrackID)")),
            JSONMember("entitiesByUniqueId", .object(entities)),
            JSONMember("linksByPlatform", links),
        ])
    }

    private func entity(_ id: String, provider: String, platforms: [String], hash: String) -> JSONValue {
        [
            "apiProvider": .string(provider),
            "artistName": .string(artistName),
            "id": .string(id),
            "platforms": .array(platforms.map { .string($0) }),
            "thumbnailHeight": 640,
            "thumbnailUrl": .string("https://i.scdn.co/image/ab67616d0000b273\(hash.prefix(24))"),
            "thumbnailWidth": 640,
            "title": .string(title),
            "type": "song",
        ]
    }
}
