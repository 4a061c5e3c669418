import FixtureServer
import Foundation
import SwingCacheTestKit

/// A listening history file for `FixtureServerOptions.historyFile`, written in `folder`.
func historyFile(_ history: FixtureHistory, in folder: TemporaryDirectory) throws -> String {
    try folder.write("history.json", String(decoding: try JSONEncoder().encode(history), as: UTF8.self))
}

/// `count` listens of one made-up track each, a minute apart, the newest at `newest`.
func minuteApartListens(_ count: Int, newest: Int = 1_795_500_000) -> [FixtureHistory.Listen] {
    (0..<count).map { index in
        FixtureHistory.Listen(
            artist: "Artist \(index)", title: "Song \(index)", album: "Album", mbid: nil,
            timestamp: newest - 60 * (count - 1 - index))
    }
}
