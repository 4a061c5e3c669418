/// What an upsert of library tracks changed.
package struct LibraryUpsertResult: Hashable, Sendable {
    /// Files the store had not seen before.
    package var added: Int
    /// Known files whose fingerprint changed: a tag the matcher reads is different now.
    package var changed: Int
    /// Files with no match yet, or whose match was made for another fingerprint, in the order given.
    package var needsMatching: [String]

    package init(added: Int, changed: Int, needsMatching: [String]) {
        self.added = added
        self.changed = changed
        self.needsMatching = needsMatching
    }
}
