import Foundation
import SwingCache

extension PlatformLink {
    /// The platform of a MusicBrainz url relation, by its host; nil for a URL without one.
    package init?(musicBrainzURL url: String) {
        guard var host = URL(string: url)?.host?.lowercased() else { return nil }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        let known: [(suffix: String, platform: String)] = [
            ("open.spotify.com", "spotify"), ("deezer.com", "deezer"), ("music.apple.com", "apple-music"),
            ("itunes.apple.com", "apple-music"), ("youtube.com", "youtube"), ("youtu.be", "youtube"),
            ("tidal.com", "tidal"), ("bandcamp.com", "bandcamp"), ("soundcloud.com", "soundcloud"),
        ]
        let platform = known.first { host == $0.suffix || host.hasSuffix("." + $0.suffix) }?.platform ?? host
        self.init(platform: platform, url: url)
    }
}
