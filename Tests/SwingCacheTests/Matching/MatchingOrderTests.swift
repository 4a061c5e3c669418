import Foundation
import SwingCache
import Testing

/// The order library files are matched in: plays, then the most recently added, then the path.
@Suite struct MatchingOrderTests {
    static func file(_ path: String, plays: Int, added: TimeInterval?) -> MatchingOrder.File {
        MatchingOrder.File(filepath: path, plays: plays, addedAt: added.map(Date.init(timeIntervalSince1970:)))
    }

    @Test func theMostPlayedComeFirstThenTheMostRecentlyAddedThenThePath() {
        let order = MatchingOrder([
            Self.file("/a", plays: 0, added: nil),
            Self.file("/b", plays: 0, added: 100),
            Self.file("/c", plays: 3, added: 50),
            Self.file("/d", plays: 0, added: 200),
            Self.file("/e", plays: 12, added: nil),
            Self.file("/f", plays: 3, added: 60),
            Self.file("/0", plays: 0, added: nil),
        ])
        #expect(order.files.map(\.filepath) == ["/e", "/f", "/c", "/d", "/b", "/0", "/a"])
        #expect(order.plays == 18)
    }

    @Test(arguments: [(0, 0.0), (1, 12.0 / 18), (3, 1.0), (10, 1.0)])
    func theShareOfTheFirstFilesIsWhatTheyHoldOfEveryPlay(first: Int, share: Double) {
        let order = MatchingOrder([
            Self.file("/c", plays: 3, added: nil), Self.file("/e", plays: 12, added: nil),
            Self.file("/f", plays: 3, added: nil),
        ])
        #expect(order.share(ofFirst: first) == share)
    }

    @Test func withoutPlaysThereIsNoShare() {
        #expect(MatchingOrder([Self.file("/a", plays: 0, added: 1)]).share(ofFirst: 1) == nil)
    }
}
