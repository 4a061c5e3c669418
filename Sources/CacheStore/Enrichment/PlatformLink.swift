/// A page of the recording on a streaming platform.
public struct PlatformLink: Hashable, Sendable {
    /// A short lower-case name: `deezer`, `spotify`, `apple-music`, `youtube`, `tidal`, `bandcamp`, …
    public var platform: String
    public var url: String

    public init(platform: String, url: String) {
        self.platform = platform
        self.url = url
    }
}
