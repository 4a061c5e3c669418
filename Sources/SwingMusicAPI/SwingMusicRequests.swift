import Foundation

/// The requests publishing sends, as SwingMusic 3.0.1 takes them (checked against the server from PyPI).
extension SwingMusicRequest {
    /// `GET /auth/users`: every user's id and name (the admin's token lists them all).
    package static let users = SwingMusicRequest(path: "/auth/users")

    /// `GET /playlists`: the account's own playlists, without their tracks.
    package static let playlists = SwingMusicRequest(path: "/playlists", query: ["no_images": "true"])

    /// `GET /playlists/{id}`: one playlist with its tracks (SwingMusic drops the last one for `limit=-1`, so a
    /// limit above any playlist's length is asked for).
    package static func playlist(_ id: Int) -> SwingMusicRequest {
        SwingMusicRequest(path: "/playlists/\(id)", query: ["limit": "1000000", "start": "0"])
    }

    /// `POST /playlists/new`: 409 when the account already has a playlist of that name.
    package static func createPlaylist(named name: String) -> SwingMusicRequest {
        .json("POST", "/playlists/new", ["name": name])
    }

    /// `PUT /playlists/{id}/update`, a form: the name and the settings JSON (where swingcache keeps its marker). The
    /// form must carry an `image` part; an empty one changes no image.
    package static func updatePlaylist(_ id: Int, name: String, settings: Data) -> SwingMusicRequest {
        let boundary = "swingcache-\(UUID().uuidString)"
        var body = Data()
        func part(_ header: String, _ value: Data) {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; \(header)\r\n\r\n".utf8))
            body.append(value)
            body.append(Data("\r\n".utf8))
        }
        part("name=\"name\"", Data(name.utf8))
        part("name=\"settings\"", settings)
        part("name=\"image\"; filename=\"\"\r\nContent-Type: application/octet-stream", Data())
        body.append(Data("--\(boundary)--\r\n".utf8))
        return SwingMusicRequest(
            method: "PUT", path: "/playlists/\(id)/update", body: body,
            contentType: "multipart/form-data; boundary=\(boundary)")
    }

    /// `POST /playlists/{id}/add`: appends the songs of `trackhashes` (runtime hashes) the playlist lacks.
    package static func addTracks(_ trackhashes: [String], toPlaylist id: Int) -> SwingMusicRequest {
        .json("POST", "/playlists/\(id)/add", ["itemtype": "tracks", "itemhash": trackhashes.joined(separator: ",")])
    }

    /// `POST /playlists/{id}/remove-tracks`: SwingMusic removes each listed `{trackhash, index}` in turn, checking
    /// the index against the list as it stands after the ones before; removing from the front, every index is 0.
    package static func removeTracks(_ trackhashes: [String], fromPlaylist id: Int) -> SwingMusicRequest {
        struct Item: Encodable {
            var trackhash: String
            var index: Int
        }
        struct Body: Encodable {
            var tracks: [Item]
        }
        return .json(
            "POST", "/playlists/\(id)/remove-tracks", Body(tracks: trackhashes.map { Item(trackhash: $0, index: 0) }))
    }

    /// `DELETE /playlists/{id}/delete`.
    package static func deletePlaylist(_ id: Int) -> SwingMusicRequest {
        SwingMusicRequest(method: "DELETE", path: "/playlists/\(id)/delete")
    }

    /// `GET /backup/list` (admin only): the folders of SwingMusic's `~/swingmusic.backup` named `backup.<number>`.
    package static let backups = SwingMusicRequest(path: "/backup/list")

    /// `POST /backup/restore` (admin only): reads `~/swingmusic.backup/NAME/data.json` of SwingMusic's own user,
    /// adds the playlists whose names the account lacks and the scrobbles whose hash and time it lacks, then
    /// re-indexes.
    package static func restoreBackup(named name: String) -> SwingMusicRequest {
        .json("POST", "/backup/restore", ["backup_dir": name])
    }
}
