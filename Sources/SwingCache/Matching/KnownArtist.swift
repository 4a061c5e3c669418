/// An artist as MusicBrainz knows it: the name it is credited under, its sort name and its aliases in every script
/// ("BTS": "방탄소년단", "Bangtan Boys"; "宇多田ヒカル": "Utada, Hikaru", "Hikaru Utada").
///
/// Learned from the recording a file's ISRC leads to, and given to the matcher beside the file's tags: a file
/// tagged "방탄소년단" then matches a Spotify track credited to "BTS".
package struct KnownArtist: Hashable, Sendable, Codable {
    package var name: String
    package var sortName: String?
    package var aliases: [String]

    package init(name: String, sortName: String? = nil, aliases: [String] = []) {
        self.name = name
        self.sortName = sortName
        self.aliases = aliases
    }

    /// Every name the artist goes by, its credited name first.
    package var names: [String] { [name] + (sortName.map { [$0] } ?? []) + aliases }
}
