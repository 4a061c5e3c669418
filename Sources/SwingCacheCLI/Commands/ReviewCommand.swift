import ArgumentParser
import CacheStore
import Foundation
import SwingCache

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "List the library files whose Spotify match was not used, and record a person's decision.",
        discussion: """
            A run matches each library file to a Spotify track; a match it is not sure of (low confidence, two \
            recordings too close to call, or no candidate at all) is stored but not used. `review` lists every \
            such file with the candidates the matcher weighed, the highest scored first, each one's score part \
            by part, and why the first was not taken (the part that fell short, or the rival too close to it). \
            `review pin` \
            makes a track the file's match; `review reject` says none is. Every later run keeps the decision \
            until the file's tags change, and `explain track FILE` shows it. `review accept FILE` takes the \
            file's top candidate as its match, as pin does with that id; `review accept --all --min-score S` \
            takes every queued file's top candidate that scores at least S.

            Examples:
              swingcache review
              swingcache review --json | jq '.[].filepath'
              swingcache review pin '/music/Air/Moon Safari/01 La femme d'"'"'argent.flac' 4iV5W9uYEdYUVa79Axb7Rh
              swingcache review reject '/music/Bootlegs/live 1997.mp3'
              swingcache review accept '/music/Air/Moon Safari/01 La femme d'"'"'argent.flac'
              swingcache review accept --all --min-score 0.8

            Exit 0; 64 for a file that is not in the library (or, for accept, not in the queue or without a \
            candidate) or an id that is not a Spotify track.
            """,
        subcommands: [ListQueue.self, Pin.self, Accept.self, Reject.self],
        defaultSubcommand: ListQueue.self
    )

    struct ListQueue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List every file waiting for a decision (the default).")

        @OptionGroup var store: StoreOptions

        @Flag(help: "Print the queue as JSON.")
        var json = false

        func run() async throws {
            try await reportingFailures {
                let queue = try await store.openStore(.readOnly).library.reviewQueue()
                if json { return try Terminal.json(queue.map(QueuedFile.init)) }
                guard !queue.isEmpty else { return print("Nothing to review: every current match is used or decided.") }
                print("\(queue.count) \(queue.count == 1 ? "file" : "files") to review:")
                for item in queue { print(Self.text(item)) }
            }
        }

        static func text(_ item: ReviewItem) -> String {
            var lines = [
                "\(item.filepath)",
                "  tags: \"\(item.title)\" by \(item.artists.joined(separator: ", "))"
                    + (item.album.map { " on \"\($0)\"" } ?? "") + (item.isrc.map { ", ISRC \($0)" } ?? ", no ISRC"),
                "  \(item.outcome): \(whyNotTaken(item))",
            ]
            for (rank, candidate) in item.candidates.enumerated() {
                let score = candidate.score
                let parts = [
                    "title \(format(score.title))", score.artist.map { "artist \(format($0))" },
                    score.album.map { "album \(format($0))" }, score.duration.map { "duration \(format($0))" },
                ].compactMap { $0 }
                lines.append(
                    "  \(rank + 1). \(candidate.spotifyID) \"\(candidate.name)\" by \(candidate.artists.joined(separator: ", ")): \(format(score.total)) (\(parts.joined(separator: ", ")))"
                )
            }
            lines.append(
                item.candidates.isEmpty
                    ? "  decide: swingcache review pin '\(item.filepath)' ID, or review reject '\(item.filepath)'"
                    : "  decide: swingcache review accept '\(item.filepath)' (takes 1.), review pin '\(item.filepath)' ID, or review reject '\(item.filepath)'"
            )
            return lines.joined(separator: "\n")
        }

        static func format(_ value: Double) -> String { String(format: "%.2f", value) }

        static func whyNotTaken(_ item: ReviewItem) -> String {
            MatchRule().whyNotTaken(
                outcome: TrackMatch.Outcome(rawValue: item.outcome) ?? .lowConfidence, candidates: item.candidates,
                fileTitle: item.title)
        }

        /// A queued file as `--json` prints it: the stored item, and why its first candidate was not taken.
        struct QueuedFile: Encodable {
            var item: ReviewItem

            enum CodingKeys: String, CodingKey { case whyNotTaken }

            func encode(to encoder: any Encoder) throws {
                try item.encode(to: encoder)
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(ListQueue.whyNotTaken(item), forKey: .whyNotTaken)
            }
        }
    }

    struct Pin: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a Spotify track the file's match, until the file's tags change.")

        @OptionGroup var store: StoreOptions

        @Argument(
            help: ArgumentHelp("The library file, as SwingMusic stores its path.", valueName: "file"),
            completion: .file())
        var file: String

        @Argument(help: ArgumentHelp("The Spotify track: id, spotify:track: URI or link.", valueName: "spotify-id"))
        var spotifyID: String

        func run() async throws {
            try await reportingFailures {
                let id: SpotifyID
                do {
                    id = try SpotifyID(parsing: spotifyID, expecting: .track)
                } catch {
                    throw CommandFailure(.usage, "\(error)")
                }
                let cache = try store.openStore(.readWrite)
                do {
                    try await cache.library.pinMatch(filepath: file, spotifyID: id.value, at: store.currentTime)
                } catch let error as ReviewError {
                    throw CommandFailure(.usage, "\(error)")
                }
                print("Pinned '\(file)' to \(id.uri); the next run fetches it if it is not cached.")
            }
        }
    }

    struct Accept: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take a queued file's top candidate as its match (a pin of that id), or every file's with --all.")

        @OptionGroup var store: StoreOptions

        @Argument(
            help: ArgumentHelp("The library file, as SwingMusic stores its path.", valueName: "file"),
            completion: .file())
        var file: String?

        @Flag(help: "Every file in the queue whose top candidate scores at least --min-score.")
        var all = false

        @Option(help: ArgumentHelp("With --all: the least score (0–1) a top candidate needs.", valueName: "score"))
        var minScore: Double?

        func validate() throws {
            switch (file, all) {
            case (nil, false): throw ValidationError("name a file, or --all --min-score S for every queued file")
            case (_?, true): throw ValidationError("name a file or give --all, not both")
            default: break
            }
            if all && minScore == nil {
                throw ValidationError("--all needs --min-score: the least score a top candidate needs (0–1)")
            }
            if let minScore, !(0...1).contains(minScore) {
                throw ValidationError("--min-score must be from 0 to 1, found '\(minScore)'")
            }
            if minScore != nil && !all { throw ValidationError("--min-score goes with --all") }
        }

        func run() async throws {
            try await reportingFailures {
                let cache = try store.openStore(.readWrite)
                let queue = try await cache.library.reviewQueue()
                var chosen: [(item: ReviewItem, top: MatchCandidate)] = []
                if let file {
                    guard let item = queue.first(where: { $0.filepath == file }) else {
                        throw CommandFailure(
                            .usage, "'\(file)' is not waiting for a decision (see swingcache review)")
                    }
                    guard let top = Self.top(of: item) else {
                        throw CommandFailure(
                            .usage,
                            "'\(file)' has no candidate to accept: pin it to a Spotify id, or reject it")
                    }
                    chosen = [(item, top)]
                } else {
                    chosen = queue.compactMap { item in
                        Self.top(of: item).flatMap { $0.score.total >= (minScore ?? 1) ? (item, $0) : nil }
                    }
                }
                for (item, top) in chosen {
                    try await cache.library.pinMatch(
                        filepath: item.filepath, spotifyID: top.spotifyID, at: store.currentTime)
                    print(
                        "Accepted '\(item.filepath)': spotify:track:\(top.spotifyID) \"\(top.name)\" by \(top.artists.joined(separator: ", ")) (\(ListQueue.format(top.score.total)))"
                    )
                }
                if all {
                    print(
                        "\(chosen.count) of \(queue.count) queued files accepted; the next run fetches what is not cached."
                    )
                }
            }
        }

        /// The candidate the matcher scored highest.
        static func top(of item: ReviewItem) -> MatchCandidate? {
            item.candidates.max { $0.score.total < $1.score.total }
        }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Say no candidate is the file's track: it stays unmatched until its tags change.")

        @OptionGroup var store: StoreOptions

        @Argument(
            help: ArgumentHelp("The library file, as SwingMusic stores its path.", valueName: "file"),
            completion: .file())
        var file: String

        func run() async throws {
            try await reportingFailures {
                let cache = try store.openStore(.readWrite)
                do {
                    try await cache.library.rejectMatch(filepath: file, at: store.currentTime)
                } catch let error as ReviewError {
                    throw CommandFailure(.usage, "\(error)")
                }
                print("Rejected the match of '\(file)'; it stays unmatched until its tags change.")
            }
        }
    }
}

extension ReviewCommand.ListQueue: UsesCacheDatabase {}

extension ReviewCommand.Pin: UsesCacheDatabase {}

extension ReviewCommand.Accept: UsesCacheDatabase {}

extension ReviewCommand.Reject: UsesCacheDatabase {}
