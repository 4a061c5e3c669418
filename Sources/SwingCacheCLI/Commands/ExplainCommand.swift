import ArgumentParser
import CacheStore
import Foundation
import Runner
import SwingCache

struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how a library track was matched and what is known about it, from where, fresh until when.",
        discussion: """
            Reads the database only. Give a SwingMusic file path, or a Spotify track id (every file matched \
            to it is shown).

            Examples:
              swingcache explain track "/music/Queen/A Night at the Opera/11 Bohemian Rhapsody.flac"
              swingcache explain track spotify:track:4u7EnebtmKWzUH433cf5Qv --json

            Exit 0 when the track is in the enriched library, 75 when it is not (yet: run a job with \
            'library:'), 64 for a kind other than track.
            """
    )

    @Argument(
        help: ArgumentHelp("track: the only kind, since only tracks come from the library.", valueName: "kind"),
        completion: .list(["track"]),
        transform: { text in
            guard text == EntityKind.track.rawValue else {
                throw ValidationError("explain works on library tracks; '\(text)' is not one")
            }
            return EntityKind.track
        })
    var kind: EntityKind

    @Argument(
        help: ArgumentHelp("A SwingMusic file path, or a Spotify track id, URI or link.", valueName: "id-or-path"))
    var reference: String

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print the records as JSON.")
    var json = false

    func run() async throws {
        try await reportingFailures {
            let cache = try store.openStore(.readOnly)
            let tracks: [EnrichedTrack]
            if let id = try? SpotifyID(parsing: reference, expecting: .track) {
                tracks = try await cache.facts.enrichedTracks(spotifyID: id.value)
            } else {
                tracks = try await cache.facts.enrichedTrack(filepath: reference).map { [$0] } ?? []
            }
            guard !tracks.isEmpty else {
                let (closest, files) = try await cache.library.libraryFile(like: reference)
                guard files > 0 else {
                    throw CommandFailure(
                        .notDoneYet,
                        "'\(reference)' is not in the enriched library: run a job with 'library:' (jobs/README.md) first"
                    )
                }
                let hint =
                    closest.map { "; did you mean '\($0)'?" }
                    ?? "; give the path as SwingMusic stores it (swingcache export lists every file)"
                throw CommandFailure(
                    .notDoneYet,
                    "'\(reference)' is not in the enriched library: none of its \(files) files has that path\(hint)")
            }
            let answers = tracks.map(EnrichedTrackAnswer.init)
            if json {
                try Terminal.json(answers)
            } else {
                print(answers.map { $0.explanation.joined(separator: "\n") }.joined(separator: "\n\n"))
            }
        }
    }
}

extension ExplainCommand: UsesCacheDatabase {}
