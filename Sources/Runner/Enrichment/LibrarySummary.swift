/// What a run did with the SwingMusic library: the import, and the matching of files to Spotify tracks.
package struct LibrarySummary: Hashable, Sendable {
    /// The SwingMusic database read.
    package var databasePath: String
    package var files = 0
    package var added = 0
    package var changed = 0
    package var removed = 0
    /// Files that needed matching when the run began.
    package var needingMatching = 0
    /// Decisions made this run, by outcome.
    package var matched = 0
    package var lowConfidence = 0
    package var ambiguous = 0
    /// Spotify had no candidate.
    package var unmatched = 0
    /// Searches that kept failing; the file is matched by a later run.
    package var failed = 0
    /// Files left for a later run: the budget ran out, or the run was stopped.
    package var deferred = 0
    /// Search requests that reached Spotify, retries included.
    package var searchRequests = 0
    /// Matches whose track was stored from the search answer that chose it, so no `GET /tracks/{id}` is needed.
    package var storedFromSearch = 0
    /// Spotify tracks of current matches, made targets of the run.
    package var matchedTargets = 0
    /// Low-confidence and ambiguous decisions, for a person to check; at most ``reviewLimit`` kept.
    package var review: [String] = []
    package static let reviewLimit = 50

    package init(_ imported: LibraryImportResult) {
        databasePath = imported.databasePath
        files = imported.files
        added = imported.added
        changed = imported.changed
        removed = imported.removed
        needingMatching = imported.needingMatching
    }
}
