import Foundation

/// Reads and writes the durations of job specs and flags: `500ms`, `90s`, `15m`, `12h`, `7d`.
///
/// ```swift
/// DurationText.parse("15m")     // 900
/// DurationText.format(5400)     // "1h30m"
/// ```
package enum DurationText {
    static let units: [(suffix: String, seconds: TimeInterval)] = [
        ("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86_400),
    ]

    /// The number of seconds the text names, or nil when it is not a number followed by one of the units.
    package static func parse(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingWhitespace()
        // "ms" must be tried before "m" and "s".
        for (suffix, scale) in units.sorted(by: { $0.suffix.count > $1.suffix.count }) where trimmed.hasSuffix(suffix) {
            let number = trimmed.dropLast(suffix.count)
            guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
                let value = Double(number), value.isFinite
            else { return nil }
            return value * scale
        }
        return nil
    }

    /// The longest duration swingcache accepts anywhere: ten years (`3650d`).
    ///
    /// Every date and count derived from a duration (an expiry, requests per ttl) then stays far inside the
    /// range of `Int` and of SQLite's integers.
    package static let longest: TimeInterval = 3650 * 86_400

    /// The shortest duration above zero swingcache accepts: one millisecond.
    package static let shortest: TimeInterval = 0.001

    /// The range a duration must be in, said the way error messages say it.
    package static func rangeText(allowZero: Bool) -> String {
        allowZero ? "0 or from 1ms to 3650d" : "from 1ms to 3650d"
    }

    /// A compact, human form: `1h30m`, `2s`, `1.5s`, `250ms`, `3d4h`.
    ///
    /// Total: any value, even one from a server's header, formats without trapping.
    package static func format(_ seconds: TimeInterval) -> String {
        guard seconds.isFinite else { return "forever" }
        // Beyond what `Int` holds as seconds, whole days are the only useful figure.
        guard abs(seconds) < 1e15 else { return String(format: "%.0fd", seconds / 86_400) }
        if seconds < 1 && seconds > 0 { return "\(Int((seconds * 1000).rounded()))ms" }
        if seconds < 60 {
            let rounded = (seconds * 10).rounded() / 10
            return rounded == rounded.rounded() ? "\(Int(rounded))s" : "\(rounded)s"
        }
        var remaining = Int(seconds.rounded())
        var parts: [String] = []
        for (suffix, scale) in [("d", 86_400), ("h", 3600), ("m", 60), ("s", 1)] {
            let amount = remaining / scale
            remaining %= scale
            if amount > 0 { parts.append("\(amount)\(suffix)") }
            if parts.count == 2 { break }
        }
        return parts.joined()
    }

    /// The form error messages suggest.
    package static let expectedForm = "a number followed by ms, s, m, h or d, such as 90s or 12h"
}
