import GRDB

/// A row of `swingmusic_track`: how SwingMusic names the library file at `filepath`. A write replaces it.
struct SwingMusicFileRow: PositionalRow {
    static let databaseTableName = "swingmusic_track"
    static let columns = ["filepath", "trackhash", "tag_title", "tag_artists", "tag_album_artists", "tag_album"]
    static let writeSQL = replaceSQL()

    var filepath: String
    var file: SwingMusicFileRecord

    var databaseValues: StatementArguments {
        [filepath, file.trackhash, file.tagTitle, file.tagArtists, file.tagAlbumArtists, file.tagAlbum]
    }
}
