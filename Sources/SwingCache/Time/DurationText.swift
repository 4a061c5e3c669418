import Foundation

/// Reads and writes the durations of job specs and flags: `500ms`, `90s`, `15m`, `12h`, `7d`.
///
/// ```swift
/// DurationText.parse("15m")     // 900
/// DurationText.format(5400)     // "1h30m"
/// ```
public enum DurationText {
    static let units: [(suffix: String, seconds: TimeInterval)] = [
        ("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86_400),
    ]

    /// The number of seconds the text names, or nil when it is not a number followed by one of the units.
    public static func parse(_ text: String) -> TimeInterval? {
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

    /// A compact, human form: `1h30m`, `2s`, `1.5s`, `250ms`, `3d4h`.
    public static func format(_ seconds: TimeInterval) -> String {
        guard seconds.isFinite else { return "forever" }
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
    public static let expectedForm = "a number followed by ms, s, m, h or d, such as 90s or 12h"
}
