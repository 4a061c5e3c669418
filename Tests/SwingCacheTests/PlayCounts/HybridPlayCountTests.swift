import SwingCache
import Testing

@Suite struct HybridPlayCountTests {
    /// One row of the table in docs/play-counts.md.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var count: HybridPlayCount
        /// Local, Last.fm, ListenBrainz: what each adds.
        var shares: [Int]
        var total: Int

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "no providers", count: HybridPlayCount(localPlayCount: 7), shares: [7, 0, 0], total: 7),
        Case(
            name: "Last.fm user count lower than local",
            count: HybridPlayCount(localPlayCount: 12, lastfmPlayCount: 5000, lastfmUserPlayCount: 10),
            shares: [2, 5000, 0], total: 5002),
        Case(
            name: "Last.fm user count equal to local",
            count: HybridPlayCount(localPlayCount: 12, lastfmPlayCount: 5000, lastfmUserPlayCount: 12),
            shares: [0, 5000, 0], total: 5000),
        Case(
            name: "Last.fm user count higher: plays from other devices",
            count: HybridPlayCount(localPlayCount: 12, lastfmPlayCount: 5000, lastfmUserPlayCount: 30),
            shares: [0, 5000, 0], total: 5000),
        Case(
            name: "scrobbling off",
            count: HybridPlayCount(
                localPlayCount: 12, lastfmPlayCount: 5000, lastfmUserPlayCount: 30, lastfmScrobblesLocalPlays: false),
            shares: [12, 5000, 0], total: 5012),
        Case(
            name: "Last.fm user count unknown while scrobbling",
            count: HybridPlayCount(localPlayCount: 12, lastfmPlayCount: 5000), shares: [0, 5000, 0], total: 5000),
        Case(
            name: "Last.fm unknown",
            count: HybridPlayCount(localPlayCount: 12, listenbrainzPlayCount: 300), shares: [12, 0, 300], total: 312),
        Case(
            name: "Last.fm unknown, a user count alone is ignored",
            count: HybridPlayCount(localPlayCount: 12, lastfmUserPlayCount: 4), shares: [12, 0, 0], total: 12),
        Case(
            name: "ListenBrainz only, no local plays",
            count: HybridPlayCount(localPlayCount: 0, listenbrainzPlayCount: 300), shares: [0, 0, 300], total: 300),
        Case(
            name: "every source",
            count: HybridPlayCount(
                localPlayCount: 12, lastfmPlayCount: 5000, lastfmUserPlayCount: 10, listenbrainzPlayCount: 300,
                spotifyPopularity: 71),
            shares: [2, 5000, 300], total: 5302),
        Case(
            name: "Last.fm's global count lags behind the user's",
            count: HybridPlayCount(localPlayCount: 3, lastfmPlayCount: 8, lastfmUserPlayCount: 9),
            shares: [0, 9, 0], total: 9),
        Case(
            name: "Spotify popularity is never added",
            count: HybridPlayCount(localPlayCount: 1, spotifyPopularity: 99), shares: [1, 0, 0], total: 1),
    ]

    @Test(arguments: cases)
    func theTotalAddsEachSourceOnce(_ example: Case) {
        #expect(example.count.total == example.total)
        #expect(example.count.terms.map(\.count) == example.shares + [0])
        #expect(example.count.terms.map(\.source) == [.local, .lastfm, .listenbrainz, .spotify])
        #expect(example.count.terms.map(\.count).reduce(0, +) == example.count.total)
    }

    @Test(arguments: cases)
    func theTotalIsNeverSmallerThanAnyOneFigure(_ example: Case) {
        let count = example.count
        #expect(count.total >= count.localPlayCount)
        #expect(count.total >= (count.lastfmPlayCount ?? 0))
        #expect(count.total >= (count.listenbrainzPlayCount ?? 0))
    }

    @Test func eachTermSaysWhy() {
        let count = HybridPlayCount(
            localPlayCount: 12, lastfmPlayCount: 5000, lastfmUserPlayCount: 10, spotifyPopularity: 71)
        #expect(
            count.terms.map(\.note) == [
                "2 of 12 local plays: Last.fm shows 10 of this user's plays",
                "5000 plays by every Last.fm listener",
                "unknown: no ListenBrainz count for the recording",
                "Spotify's public API has no play counts; popularity 71 of 100 is an index, not plays",
            ])
    }
}

/// "Your plays": what a person recognises as their own, never the global counts.
@Suite struct YourPlaysTests {
    @Test(arguments: [
        (HybridPlayCount(localPlayCount: 2, lastfmPlayCount: 26_677_320), 2),
        (HybridPlayCount(localPlayCount: 12, lastfmPlayCount: 5000, lastfmUserPlayCount: 10), 12),
        (HybridPlayCount(localPlayCount: 3, lastfmPlayCount: 5000, lastfmUserPlayCount: 40), 40),
        (
            HybridPlayCount(
                localPlayCount: 3, lastfmPlayCount: 5000, lastfmUserPlayCount: 40, lastfmScrobblesLocalPlays: false), 43
        ),
        (HybridPlayCount(localPlayCount: 7, listenbrainzPlayCount: 900), 7),
    ])
    func yourPlaysAreLocalAndYourOwnScrobblesEachOnce(count: HybridPlayCount, expected: Int) {
        #expect(count.yourPlays == expected)
        #expect(count.yourPlays <= max(count.total, count.localPlayCount))
    }
}
