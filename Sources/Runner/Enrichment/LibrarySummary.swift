/// What a run did with the SwingMusic library: the import, and the matching of files to Spotify tracks.
public struct LibrarySummary: Hashable, Sendable {
    /// The SwingMusic database read.
    public var databasePath: String
    public var files = 0
    public var added = 0
    public var changed = 0
    public var removed = 0
    /// Files that needed matching when the run began.
    public var needingMatching = 0
    /// Decisions made this run, by outcome.
    public var matched = 0
    public var lowConfidence = 0
    public var ambiguous = 0
    /// Spotify had no candidate.
    public var unmatched = 0
    /// Searches that kept failing; the file is matched by a later run.
    public var failed = 0
    /// Files left for a later run: the budget ran out, or the run was stopped.
    public var deferred = 0
    /// Search requests that reached Spotify, retries included.
    public var searchRequests = 0
    /// Spotify tracks of current matches, made targets of the run.
    public var matchedTargets = 0
    /// Low-confidence and ambiguous decisions, for a person to check; at most ``reviewLimit`` kept.
    public var review: [String] = []
    public static let reviewLimit = 50

    public init(_ imported: LibraryImportResult) {
        databasePath = imported.databasePath
        files = imported.files
        added = imported.added
        changed = imported.changed
        removed = imported.removed
        needingMatching = imported.needingMatching
    }
}
