import SwingCache
import Testing

@Suite struct LibraryPopularityTests {
    /// One row of the percentile table in docs/play-counts.md.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var figures: [String: Int]
        var percentiles: [String: Double]

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "no song", figures: [:], percentiles: [:]),
        Case(name: "one song stands in the middle", figures: ["a": 900], percentiles: ["a": 50]),
        Case(name: "two songs", figures: ["a": 1, "b": 2], percentiles: ["a": 0, "b": 100]),
        Case(
            name: "ties share the mean of their ranks", figures: ["a": 10, "b": 20, "c": 20, "d": 40],
            percentiles: ["a": 0, "b": 50, "c": 50, "d": 100]),
        Case(name: "every song tied", figures: ["a": 5, "b": 5, "c": 5], percentiles: ["a": 50, "b": 50, "c": 50]),
        Case(
            name: "the spread of figures does not matter, only their order",
            figures: ["a": 1, "b": 1_000_000, "c": 1_000_001], percentiles: ["a": 0, "b": 50, "c": 100]),
    ]

    @Test(arguments: cases)
    func eachSongsPercentileIsWhereItsFigureStandsAmongTheLibrarys(_ row: Case) {
        #expect(LibraryPopularity.percentiles(of: row.figures) == row.percentiles)
    }

    @Test(
        arguments: [
            ([], nil),
            ([75.0], 75),
            ([0, 100], 50),
            ([100, 50, 25], 58),
            ([33.3, 66.7], 50),
            ([0.5, 0], 0),
            ([62.5, 0], 31),
            ([25, 0], 13),
        ] as [([Double], Int?)])
    func theBlendIsTheMeanOfTheAvailablePercentilesRoundedHalfAwayFromZero(percentiles: [Double], blend: Int?) {
        #expect(LibraryPopularity.blend(percentiles) == blend)
    }

    @Test func aMissingSourceIsLeftOutNotCountedAsZero() {
        let lastfm = LibraryPopularity.percentiles(of: ["a": 10, "b": 20, "c": 30])
        let deezer = LibraryPopularity.percentiles(of: ["c": 5, "a": 50])
        let blends = ["a", "b", "c"].map { song in
            LibraryPopularity.blend([lastfm[song], deezer[song]].compactMap { $0 })
        }
        #expect(blends == [50, 50, 50], "a: (0 + 100) / 2, b: Last.fm alone, c: (100 + 0) / 2")
    }

    @Test func thePopularityPlaylistRanksBySpotifysIndexWhenThereIsOneElseTheLibrarys() {
        #expect(SongPopularity(spotify: 12, library: 90).ranking == 12)
        #expect(SongPopularity(spotify: nil, library: 90).ranking == 90)
        #expect(SongPopularity(spotify: 0, library: 90).ranking == 0)
        #expect(SongPopularity().ranking == nil)
    }
}
