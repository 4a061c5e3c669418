import GRDB

/// A row of `swingmusic_track`: how SwingMusic names the library file at `filepath`.
struct SwingMusicFileRow: PersistableRecord {
    static let databaseTableName = "swingmusic_track"
    static var persistenceConflictPolicy: PersistenceConflictPolicy { .init(insert: .replace, update: .replace) }

    var filepath: String
    var file: SwingMusicFileRecord

    func encode(to container: inout PersistenceContainer) throws {
        container["filepath"] = filepath
        try file.encode(to: &container)
    }
}
