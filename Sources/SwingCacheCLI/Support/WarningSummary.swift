/// The first few of many warnings of one kind, then how many more there were: a 50 MB id file of bad lines
/// gives ten lines of warning, not a million.
///
/// ```swift
/// WarningSummary.lines(warnings, more: { "… and \($0) more unreadable ids skipped" })
/// ```
enum WarningSummary {
    /// How many warnings of one kind are printed in full.
    static let shown = 10

    /// The first ``shown`` warnings, then one line from `more` with the count of the rest; `total` counts
    /// warnings of the kind that were not even kept.
    static func lines(_ warnings: [String], total: Int? = nil, more: (Int) -> String) -> [String] {
        let total = max(total ?? warnings.count, warnings.count)
        guard total > shown else { return warnings }
        return Array(warnings.prefix(shown)) + [more(total - min(shown, warnings.count))]
    }
}
