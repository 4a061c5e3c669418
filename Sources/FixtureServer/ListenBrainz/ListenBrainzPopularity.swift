/// How often ListenBrainz users listened to a recording, drawn from its id; ids starting `00000000` are unknown.
enum ListenBrainzPopularity {
    /// The counts for one recording id, or nil for an unknown one.
    static func counts(forRecordingMBID mbid: String) -> (listenCount: Int, userCount: Int)? {
        let key = mbid.lowercased()
        guard !key.hasPrefix("00000000") else { return nil }
        var draws = DeterministicDraws("listenbrainz", "popularity", key)
        let listens = draws.chance(0.1) ? 0 : draws.int(in: 1...2_000_000)
        let users = listens == 0 ? 0 : max(1, listens / draws.int(in: 2...40))
        return (listens, users)
    }
}
