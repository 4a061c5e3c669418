import SwingMusicLibrary
import Testing

/// One track's tags, the settings, and what SwingMusic 3.0.1 itself shows for them.
///
/// Every `shown` value was computed by SwingMusic's own `Track` class (`swingmusic/models/track.py`), installed from
/// PyPI, with these tags and settings: titles, artists, album and the runtime hash are its answers, not ours.
struct SwingMusicCase: Sendable, CustomTestStringConvertible {
    var settings: SwingMusicSettings
    var tags: TrackTags
    var shown: ShownTrack

    init(_ settings: SwingMusicSettings, tags: TrackTags, shown: ShownTrack) {
        self.settings = settings
        self.tags = tags
        self.shown = shown
    }

    var testDescription: String { "\"\(tags.title)\" by \"\(tags.artists)\"" }

    static let all: [SwingMusicCase] = [
        SwingMusicCase(
            .defaults,
            tags: TrackTags(
                title: "Under Pressure", artists: "Queen/David Bowie", albumArtists: "Queen", album: "Hot Space"),
            shown: ShownTrack(
                title: "Under Pressure", artists: ["Queen", "David Bowie"], albumArtists: ["Queen"],
                album: "Hot Space", trackhash: "17e67ced90babe7e")),
        SwingMusicCase(
            .defaults,
            tags: TrackTags(
                title: "Get Lucky (feat. Pharrell Williams & Nile Rodgers)", artists: "Daft Punk",
                albumArtists: "Daft Punk", album: "Random Access Memories"),
            shown: ShownTrack(
                title: "Get Lucky ", artists: ["Daft Punk", "Pharrell Williams & Nile Rodgers"],
                albumArtists: ["Daft Punk"],
                album: "Random Access Memories", trackhash: "45ada0910a9a7164")),
        SwingMusicCase(
            .defaults,
            tags: TrackTags(
                title: "Yonkers", artists: "Tyler, The Creator", albumArtists: "Tyler, The Creator", album: "Goblin"),
            shown: ShownTrack(
                title: "Yonkers", artists: ["Tyler, The Creator"], albumArtists: ["Tyler, The Creator"],
                album: "Goblin", trackhash: "b22a809a4f2a49fd")),
        SwingMusicCase(
            .defaults,
            tags: TrackTags(
                title: "September", artists: "Earth, Wind & Fire; Yusuf / Cat Stevens",
                albumArtists: "Earth, Wind & Fire", album: "The Best of Earth, Wind & Fire, Vol. 1"),
            shown: ShownTrack(
                title: "September", artists: ["Earth, Wind & Fire", "Yusuf / Cat Stevens"],
                albumArtists: ["Earth, Wind & Fire"],
                album: "The Best of Earth, Wind & Fire, Vol. 1", trackhash: "93cd090a4fc907c6")),
        SwingMusicCase(
            .defaults,
            tags: TrackTags(
                title: "Back In Black - Remastered 2003", artists: "AC/DC", albumArtists: "AC/DC",
                album: "Back In Black (Deluxe Edition)"),
            shown: ShownTrack(
                title: "Back In Black", artists: ["AC/DC"], albumArtists: ["AC/DC"],
                album: "Back In Black", trackhash: "0285ed4b94fd6830")),
        SwingMusicCase(
            .defaults,
            tags: TrackTags(
                title: "Mask Off (prod. Metro Boomin)", artists: "Future", albumArtists: "Future", album: "FUTURE"),
            shown: ShownTrack(
                title: "Mask Off", artists: ["Future"], albumArtists: ["Future"],
                album: "FUTURE", trackhash: "fcd477030610f8da")),
        SwingMusicCase(
            .defaults,
            tags: TrackTags(
                title: "Mask Off prod. Metro Boomin", artists: "Future", albumArtists: "Future", album: "FUTURE"),
            shown: ShownTrack(
                title: "Mask Off Boomin", artists: ["Future"], albumArtists: ["Future"],
                album: "FUTURE", trackhash: "d8aa056242b52b24")),
        SwingMusicCase(
            .defaults,
            tags: TrackTags(title: "Single (feat. X)", artists: "A", albumArtists: "A", album: "Single (feat. X)"),
            shown: ShownTrack(
                title: "Single ", artists: ["A", "X"], albumArtists: ["A"],
                album: "Single ", trackhash: "1a57ab04ea04f249")),
        SwingMusicCase(
            .defaults,
            tags: TrackTags(
                title: "Help! (Remastered 2009)", artists: "The Beatles", albumArtists: "The Beatles",
                album: "Help! [Remastered]"),
            shown: ShownTrack(
                title: "Help!", artists: ["The Beatles"], albumArtists: ["The Beatles"],
                album: "Help!", trackhash: "6abeda16637ec16e")),
        SwingMusicCase(
            .defaults,
            tags: TrackTags(
                title: "Ça plane pour moi", artists: "Plastic Bertrand", albumArtists: "Plastic Bertrand",
                album: "Ça plane pour moi"),
            shown: ShownTrack(
                title: "Ça plane pour moi", artists: ["Plastic Bertrand"], albumArtists: ["Plastic Bertrand"],
                album: "Ça plane pour moi", trackhash: "8aa1a0a3cbd84b3b")),
        SwingMusicCase(
            .defaults, tags: TrackTags(title: "!!!", artists: "!!!", albumArtists: "!!!", album: "!!!"),
            shown: ShownTrack(
                title: "!!!", artists: ["!!!"], albumArtists: ["!!!"],
                album: "!!!", trackhash: "a234e888f25ce183")),
        SwingMusicCase(
            .defaults,
            tags: TrackTags(
                title: "Work [feat. Drake]", artists: "Rihanna", albumArtists: "Rihanna", album: "ANTI (Explicit)"),
            shown: ShownTrack(
                title: "Work ", artists: ["Rihanna", "Drake"], albumArtists: ["Rihanna"],
                album: "ANTI", trackhash: "c3062646d0907d60")),
        SwingMusicCase(
            .with(artistSeparators: [";", "/", "&"]),
            tags: TrackTags(
                title: "Up & Up", artists: "Coldplay & Beyoncé, Chris Martin", albumArtists: "Coldplay",
                album: "A Head Full of Dreams"),
            shown: ShownTrack(
                title: "Up & Up", artists: ["Coldplay", "Beyoncé", "Chris Martin"], albumArtists: ["Coldplay"],
                album: "A Head Full of Dreams", trackhash: "66e6eb438f399f55")),
        SwingMusicCase(
            .with(artistSeparators: ["&", " & "]),
            tags: TrackTags(
                title: "Up & Up", artists: "Simon & Garfunkel & ac/dc", albumArtists: "Coldplay",
                album: "A Head Full of Dreams"),
            shown: ShownTrack(
                title: "Up & Up", artists: ["Simon & Garfunkel", "ac/dc"], albumArtists: ["Coldplay"],
                album: "A Head Full of Dreams", trackhash: "af8294641edd8e50")),
        SwingMusicCase(
            .with(extractFeaturedArtists: false, cleanAlbumTitle: false),
            tags: TrackTags(
                title: "Instant Crush (feat. Julian Casablancas)", artists: "Daft Punk", albumArtists: "Daft Punk",
                album: "Random Access Memories (10th Anniversary Edition)"),
            shown: ShownTrack(
                title: "Instant Crush (feat. Julian Casablancas)", artists: ["Daft Punk"], albumArtists: ["Daft Punk"],
                album: "Random Access Memories (10th Anniversary Edition)", trackhash: "29145ef3e42bad8e")),
        SwingMusicCase(
            .defaults,
            tags: TrackTags(
                title: "Song (feat. Daft Punk)", artists: "Daft Punk/Daft Punk", albumArtists: "Daft Punk", album: "X"),
            shown: ShownTrack(
                title: "Song ", artists: ["Daft Punk"], albumArtists: ["Daft Punk"],
                album: "X", trackhash: "f89bc78e223686a4")),
        SwingMusicCase(
            .defaults,
            tags: TrackTags(
                title: "Track (with Someone Else) - 2011 Remaster", artists: "A", albumArtists: "A", album: "B"),
            shown: ShownTrack(
                title: "Track", artists: ["A", "Someone Else"], albumArtists: ["A"],
                album: "B", trackhash: "246656b4c1cf390b")),
        SwingMusicCase(
            .defaults,
            tags: TrackTags(
                title: "Straße İstanbul ΣΟΦΟΣ", artists: "Björk", albumArtists: "Björk", album: "Homogenic"),
            shown: ShownTrack(
                title: "Straße İstanbul ΣΟΦΟΣ", artists: ["Björk"], albumArtists: ["Björk"],
                album: "Homogenic", trackhash: "0c85cc7a9a183880")),
        SwingMusicCase(
            .defaults, tags: TrackTags(title: "", artists: "", albumArtists: "", album: ""),
            shown: ShownTrack(
                title: "", artists: [], albumArtists: [],
                album: "", trackhash: "2d06800538d394c2")),
        SwingMusicCase(
            .with(ignoring: ["Eminem; D12"]),
            tags: TrackTags(title: "Lose Yourself", artists: "Eminem", albumArtists: "Eminem", album: "8 Mile"),
            shown: ShownTrack(
                title: "Lose Yourself", artists: ["Eminem"], albumArtists: ["Eminem"],
                album: "8 Mile", trackhash: "860de2fcbebb0cdb")),
        SwingMusicCase(
            .with(ignoring: ["Eminem; D12"]),
            tags: TrackTags(title: "x", artists: "Eminem; D12/50 Cent", albumArtists: "Eminem", album: "y"),
            shown: ShownTrack(
                title: "x", artists: ["Eminem; D12", "50 Cent"], albumArtists: ["Eminem"],
                album: "y", trackhash: "a1bcb403d7cab009")),
        SwingMusicCase(
            .defaults,
            tags: TrackTags(title: "  Spaced   Out  ", artists: " A ,, B ;", albumArtists: "A", album: "  Album  "),
            shown: ShownTrack(
                title: "  Spaced   Out  ", artists: ["A", "B"], albumArtists: ["A"],
                album: "  Album  ", trackhash: "67e9b86b1372c260")),
        SwingMusicCase(
            .with(removeProdBy: false, removeRemasterInfo: false),
            tags: TrackTags(
                title: "1999 (prod. Prince) (feat. The Revolution) - Remastered", artists: "Prince",
                albumArtists: "Prince", album: "1999 (Super Deluxe Edition)"),
            shown: ShownTrack(
                title: "1999 (prod. Prince)  - Remastered", artists: ["Prince", "The Revolution"],
                albumArtists: ["Prince"],
                album: "1999", trackhash: "e2900c94837e9500")),
    ]
}

extension SwingMusicSettings {
    static let defaults = SwingMusicSettings()

    static func with(
        artistSeparators: [String]? = nil, ignoring: [String] = [], extractFeaturedArtists: Bool = true,
        removeProdBy: Bool = true, removeRemasterInfo: Bool = true, cleanAlbumTitle: Bool = true
    ) -> SwingMusicSettings {
        var settings = SwingMusicSettings()
        settings.artistSeparators = artistSeparators ?? settings.artistSeparators
        settings.artistSplitIgnoreList += ignoring
        settings.extractFeaturedArtists = extractFeaturedArtists
        settings.removeProdBy = removeProdBy
        settings.removeRemasterInfo = removeRemasterInfo
        settings.cleanAlbumTitle = cleanAlbumTitle
        return settings
    }
}
