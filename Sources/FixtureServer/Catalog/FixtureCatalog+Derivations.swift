/// What the fake services answer, as functions of their inputs, so tests can build local data that matches.
extension FixtureCatalog {
    /// The `duration_ms` of the exact candidate a Spotify search for `track:"title" artist:"artist"` finds, and the
    /// `duration` Last.fm gives the track (unless it gives 0).
    ///
    /// Case and spacing do not matter; pass `""` for a query without `artist:`.
    ///
    /// ```swift
    /// let local = LocalTrack(artist: "Cher", title: "Believe",
    ///                        durationMs: FixtureCatalog.searchDurationMs(artist: "Cher", title: "Believe"))
    /// ```
    package static func searchDurationMs(artist: String, title: String) -> Int {
        var draws = DeterministicDraws("search", "duration", MatchKey.of(artist), MatchKey.of(title))
        return draws.int(in: 120_000...400_000)
    }

    /// The id of the generated Spotify track `isrc:` search finds, or nil for a malformed or `ZZ…` ISRC.
    ///
    /// `GBTDW1900101` is the ISRC of the recorded track `4iV5W9uYEdYUVa79Axb7Rh`, which search finds instead.
    package static func spotifyTrackID(forISRC isrc: String) -> String? {
        guard !isrc.hasPrefix("ZZ") else { return nil }
        return ISRCTrackID.trackID(forISRC: isrc)
    }

    /// The name and `duration_ms` of the generated track `spotifyTrackID(forISRC:)` names, or nil when there is none,
    /// so a test can tag a file as that recording: a matcher takes an ISRC hit only when the file agrees with it.
    package static func isrcTrack(forISRC isrc: String) -> (name: String, durationMs: Int)? {
        spotifyTrackID(forISRC: isrc).map { TrackProfile(id: $0) }.map { ($0.name, $0.durationMilliseconds) }
    }

    /// The MusicBrainz recording ids `/ws/2/isrc/{isrc}` lists, in order: one, or two for about one ISRC in five;
    /// none for a malformed or `ZZ…` ISRC.
    ///
    /// Each id encodes its ISRC, so `/ws/2/recording/{mbid}` and Last.fm's `mbid=` answer for the same recording.
    package static func recordingMBIDs(forISRC isrc: String) -> [String] {
        guard !isrc.hasPrefix("ZZ") else { return [] }
        return RecordingMBID.mbids(forISRC: isrc)
    }

    /// The ISRC a recording id of `recordingMBIDs(forISRC:)` was made from; nil for any other id.
    package static func isrc(ofRecordingMBID mbid: String) -> String? {
        RecordingMBID.recording(encodedIn: mbid)?.isrc
    }

    /// The Deezer track id `GET /deezer/track/isrc:{isrc}` answers, also in MusicBrainz's and Odesli's Deezer links;
    /// nil for a malformed or `ZZ…` ISRC.
    package static func deezerTrackID(forISRC isrc: String) -> Int? {
        guard !isrc.hasPrefix("ZZ"), ISRCTrackID.isWellFormedISRC(isrc) else { return nil }
        return ISRCRecording.deezerTrackID(forISRC: isrc)
    }

    /// Last.fm's `playcount` for a track looked up by artist and title (case and spacing do not matter).
    package static func lastFMPlaycount(artist: String, track: String) -> Int {
        LastFMTrack(artist: artist, title: track).playcount
    }

    /// Last.fm's `userplaycount` for `username`: 0 for about three users in ten, never above `lastFMPlaycount`.
    package static func lastFMUserPlaycount(username: String, artist: String, track: String) -> Int {
        LastFMTrack(artist: artist, title: track).userPlaycount(username: username)
    }

    /// ListenBrainz's `total_listen_count` and `total_user_count` for a recording; nil (answered as nulls) for ids
    /// starting with `00000000`.
    package static func listenBrainzPopularity(recordingMBID mbid: String) -> (listenCount: Int, userCount: Int)? {
        ListenBrainzPopularity.counts(forRecordingMBID: mbid)
    }
}
