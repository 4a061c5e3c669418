/// A page of the recording on a streaming platform.
package struct PlatformLink: Hashable, Sendable {
    /// A short lower-case name: `deezer`, `spotify`, `apple-music`, `youtube`, `tidal`, `bandcamp`, …
    package var platform: String
    package var url: String

    package init(platform: String, url: String) {
        self.platform = platform
        self.url = url
    }
}
