/// What an upsert of library tracks changed.
public struct LibraryUpsertResult: Hashable, Sendable {
    /// Files the store had not seen before.
    public var added: Int
    /// Known files whose fingerprint changed: a tag the matcher reads is different now.
    public var changed: Int
    /// Files with no match yet, or whose match was made for another fingerprint, in the order given.
    public var needsMatching: [String]

    public init(added: Int, changed: Int, needsMatching: [String]) {
        self.added = added
        self.changed = changed
        self.needsMatching = needsMatching
    }
}
