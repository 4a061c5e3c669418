/// What every fake service says about the recording behind one ISRC, read from the Spotify track of that ISRC so
/// MusicBrainz, Deezer and Odesli name the same title, artist and length as `GET /v1/search?q=isrc:…`.
struct ISRCRecording {
    let isrc: String
    let spotifyTrackID: String
    let title: String
    let artistName: String
    let durationMilliseconds: Int
    let releaseDate: String
    let deezerTrackID: Int
    let deezerArtistID: Int
    let deezerAlbumID: Int
    let appleMusicTrackID: Int
    let appleMusicAlbumID: Int
    let recordingMBIDs: [String]

    /// The recording for `isrc`, or nil when the Spotify catalog has no track for it (`ZZ…` or malformed ISRCs).
    init?(isrc: String, catalog: FixtureCatalog) {
        guard let track = catalog.tracks(withISRC: isrc).first, let id = track["id"]?.stringValue else { return nil }
        self.isrc = isrc
        spotifyTrackID = id
        title = track["name"]?.stringValue ?? ""
        artistName = track["artists"]?.elements?.first?["name"]?.stringValue ?? ""
        durationMilliseconds = track["duration_ms"]?.intValue ?? 0
        releaseDate = track["album"]?["release_date"]?.stringValue ?? ""
        var draws = DeterministicDraws("isrc-recording", isrc)
        deezerTrackID = Self.deezerTrackID(forISRC: isrc)
        deezerArtistID = draws.int(in: 1_000...15_000_000)
        deezerAlbumID = draws.int(in: 100_000...700_000_000)
        appleMusicTrackID = draws.int(in: 1_000_000_000...1_799_999_999)
        appleMusicAlbumID = draws.int(in: 1_000_000_000...1_799_999_999)
        recordingMBIDs = RecordingMBID.mbids(forISRC: isrc)
    }

    /// The Deezer track id of an ISRC, also the number in its `https://www.deezer.com/track/…` link.
    static func deezerTrackID(forISRC isrc: String) -> Int {
        var draws = DeterministicDraws("deezer", "track", isrc)
        return draws.int(in: 100_000_000...3_000_000_000)
    }

    /// The year of `releaseDate`, for the dates and albums the services quote.
    var releaseYear: String {
        String(releaseDate.prefix(4))
    }
}
