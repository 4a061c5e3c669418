/// The first few of many warnings of one kind, then how many more there were: a 50 MB id file of bad lines
/// gives ten lines of warning, not a million.
///
/// ```swift
/// WarningSummary.lines(warnings, more: { "… and \($0) more unreadable ids skipped" })
/// ```
enum WarningSummary {
    /// How many warnings of one kind are printed in full.
    static let shown = 10

    /// The first ``shown`` warnings, then one line from `more` with the count of the rest.
    static func lines(_ warnings: [String], more: (Int) -> String) -> [String] {
        guard warnings.count > shown else { return warnings }
        return Array(warnings.prefix(shown)) + [more(warnings.count - shown)]
    }
}
