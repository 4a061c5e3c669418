import Foundation
import SwingCache

/// The settings that decide how SwingMusic shows a track, read from its own config folder.
///
/// ```swift
/// let settings = try SwingMusicSettings.read(folder: "/config/swingmusic")
/// let rules = SwingMusicRules(settings)
/// ```
///
/// SwingMusic keeps them in `settings.json` beside `swingmusic.db` (changed through its API at
/// `PUT /notsettings/update`), and the user's own unsplittable names in `artist_split_ignore.txt` in the same folder,
/// one a line. A setting the file does not have keeps SwingMusic's default (`swingmusic/config.py`, `UserConfig`);
/// a folder without the file has every default.
package struct SwingMusicSettings: Hashable, Sendable {
    /// Characters that end one artist name and start the next, besides the comma SwingMusic always splits at.
    package var artistSeparators: [String] = defaultArtistSeparators
    /// Names never split: the built-in list, the user's file and `settings.json`'s own list, together.
    package var artistSplitIgnoreList: [String] = builtInArtistIgnoreList
    /// Moves "(feat. X)" from the title into the artists.
    package var extractFeaturedArtists = true
    /// Removes "(prod. X)" from the title.
    package var removeProdBy = true
    /// Removes "- Remastered 2011" and "(2011 Remaster)" from the title.
    package var removeRemasterInfo = true
    /// Removes a version block such as "(Deluxe Edition)" from the end of the album title.
    package var cleanAlbumTitle = true
    /// Groups albums by cleaned title and album artists; changes no track's title, artists or hash.
    package var mergeAlbums = false

    package static let defaultArtistSeparators = [";", "/"]
    package static let settingsFileName = "settings.json"
    package static let ignoreListFileName = "artist_split_ignore.txt"

    package init() {}

    /// The settings in `folder` (SwingMusic's config folder, the one that holds `swingmusic.db`).
    ///
    /// Throws when `settings.json` is there but cannot be read or is not a JSON object, naming the file.
    package static func read(folder: String) throws(SwingMusicLibraryError) -> SwingMusicSettings {
        var settings = SwingMusicSettings()
        var ignored = Set(builtInArtistIgnoreList)
        let ignoreFile = (folder as NSString).appendingPathComponent(ignoreListFileName)
        if let text = try? String(contentsOfFile: ignoreFile, encoding: .utf8) {
            for line in text.split(whereSeparator: \.isNewline) {
                let name = PythonText.strip(String(line))
                if !name.isEmpty { ignored.insert(name) }
            }
        }
        let file = (folder as NSString).appendingPathComponent(settingsFileName)
        if FileManager.default.fileExists(atPath: file) {
            // Defaults in place of settings that exist would show the library wrongly: better to stop.
            guard let data = FileManager.default.contents(atPath: file) else {
                throw SwingMusicLibraryError(path: file, problem: .unreadableSettings(ReadAccessDenial.find(for: file)))
            }
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw SwingMusicLibraryError(path: file, problem: .malformedSettings)
            }
            settings.apply(object, ignored: &ignored)
        }
        settings.artistSplitIgnoreList = ignored.sorted()
        return settings
    }

    /// Takes each known key of `settings.json` as SwingMusic's `setattr` does.
    private mutating func apply(_ object: [String: Any], ignored: inout Set<String>) {
        switch object["artistSeparators"] {
        case let list as [Any]: artistSeparators = list.compactMap { $0 as? String }
        // `character in "text"` is what SwingMusic then asks: each character of a string separates.
        case let text as String: artistSeparators = text.unicodeScalars.map { String($0) }
        default: break
        }
        if let list = object["artistSplitIgnoreList"] as? [Any] {
            ignored.formUnion(list.compactMap { $0 as? String }.filter { !$0.isEmpty })
        }
        func flag(_ key: String) -> Bool? {
            switch object[key] {
            case let number as NSNumber: number.boolValue
            case let text as String: !text.isEmpty
            case is NSNull: false
            default: nil
            }
        }
        extractFeaturedArtists = flag("extractFeaturedArtists") ?? extractFeaturedArtists
        removeProdBy = flag("removeProdBy") ?? removeProdBy
        removeRemasterInfo = flag("removeRemasterInfo") ?? removeRemasterInfo
        cleanAlbumTitle = flag("cleanAlbumTitle") ?? cleanAlbumTitle
        mergeAlbums = flag("mergeAlbums") ?? mergeAlbums
    }
}
