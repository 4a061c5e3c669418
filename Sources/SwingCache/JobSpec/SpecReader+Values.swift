import Foundation
import Yams

extension SpecReader {

    mutating func keyName(_ key: Node, known: [String], in section: String) -> String? {
        guard let name = key.scalar?.string else {
            report(key, "keys of \(section) must be plain words")
            return nil
        }
        guard known.contains(name) else {
            let hint =
                SpellingSuggestion.closest(to: name, among: known).map { "; did you mean '\($0)'?" }
                ?? " (expected one of: \(known.joined(separator: ", ")))"
            report(key, "unknown key '\(name.abbreviatedForMessages())' in \(section)\(hint)")
            return nil
        }
        return name
    }

    mutating func mapping(_ node: Node, named name: String) -> Node.Mapping? {
        if case .mapping(let mapping) = node { return mapping }
        report(node, "\(name) must be a mapping of keys to values, found \(Self.describe(node))")
        return nil
    }

    mutating func list(_ node: Node, key: String) -> [Node] {
        switch node {
        case .sequence(let sequence): return Array(sequence)
        case .scalar(let scalar) where scalar.tag == Tag(.null) || scalar.string.isEmpty: return []
        default:
            report(node, "'\(key)' must be a list (one '- item' per line), found \(Self.describe(node))")
            return []
        }
    }

    mutating func string(_ node: Node, key: String) -> String? {
        if case .scalar(let scalar) = node, scalar.tag != Tag(.null) { return scalar.string }
        report(node, "\(key.hasPrefix("an ") ? key : "'\(key)'") must be text, found \(Self.describe(node))")
        return nil
    }

    mutating func duration(_ node: Node, key: String, allowZero: Bool = true) -> TimeInterval? {
        guard let text = string(node, key: key) else { return nil }
        guard let seconds = DurationText.parse(text) else {
            report(
                node,
                "'\(key)' must be a duration (\(DurationText.expectedForm)), found '\(text.abbreviatedForMessages())'")
            return nil
        }
        if !allowZero && seconds <= 0 {
            report(node, "'\(key)' must be longer than zero, found '\(text.abbreviatedForMessages())'")
            return nil
        }
        guard seconds <= DurationText.longest, seconds == 0 || seconds >= DurationText.shortest else {
            report(
                node,
                "'\(key)' must be \(DurationText.rangeText(allowZero: allowZero)), found '\(text.abbreviatedForMessages())'"
            )
            return nil
        }
        return seconds
    }

    /// A share above 0 and at most 1, written `0.9` or `90%`.
    mutating func share(_ node: Node, key: String) -> Double? {
        guard let text = string(node, key: key) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let value = trimmed.hasSuffix("%") ? Double(trimmed.dropLast()).map { $0 / 100 } : Double(trimmed)
        guard let value, value.isFinite, value > 0, value <= 1 else {
            report(
                node,
                "'\(key)' must be a share above 0 and at most 1, such as 0.9 or 90%, found '\(text.abbreviatedForMessages())'"
            )
            return nil
        }
        return value
    }

    mutating func integer(_ node: Node, key: String, minimum: Int) -> Int? {
        guard let text = string(node, key: key) else { return nil }
        let digits = text.filter { $0 != "_" }
        let unsigned = digits.hasPrefix("-") || digits.hasPrefix("+") ? digits.dropFirst() : digits[...]
        guard !unsigned.isEmpty, unsigned.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            report(node, "'\(key)' must be a whole number, found '\(text.abbreviatedForMessages())'")
            return nil
        }
        let largest = BudgetPolicy.largestCount
        // Too many digits for `Int` is simply a number out of range.
        guard let value = Int(digits), value <= largest else {
            report(
                node,
                "'\(key)' must be \(digits.hasPrefix("-") ? "at least \(minimum)" : "at most \(largest)"), found '\(text.abbreviatedForMessages())'"
            )
            return nil
        }
        guard value >= minimum else {
            report(node, "'\(key)' must be at least \(minimum), found \(value)")
            return nil
        }
        return value
    }

    mutating func boolean(_ node: Node, key: String) -> Bool? {
        guard let text = string(node, key: key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            report(node, "'\(key)' must be true or false, found '\(text.abbreviatedForMessages())'")
            return nil
        }
    }

    mutating func market(_ node: Node) -> String? {
        guard let text = string(node, key: "market") else { return nil }
        guard text.count == 2, text.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            report(
                node,
                "'market' must be a two-letter country code such as US or DE, found '\(text.abbreviatedForMessages())'")
            return nil
        }
        return text.uppercased()
    }
}
