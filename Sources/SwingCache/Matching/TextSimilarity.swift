/// Similarity of two folded texts, in 0...1.
enum TextSimilarity {
    /// The Sørensen–Dice coefficient of the two texts' character bigrams (spaces included, so word edges count):
    /// 1 for equal texts, high for a typo or a dropped word, 0 for texts with no letter pair in common.
    static func bigramDice(_ first: String, _ second: String) -> Double {
        if first == second { return 1 }
        let firstPairs = bigrams(first)
        let secondPairs = bigrams(second)
        let total = firstPairs.values.reduce(0, +) + secondPairs.values.reduce(0, +)
        guard total > 0 else { return 0 }
        let shared = firstPairs.reduce(0) { sum, entry in sum + min(entry.value, secondPairs[entry.key] ?? 0) }
        return Double(2 * shared) / Double(total)
    }

    /// How alike two artist names are: 1 when equal, 0.8 when every word of one is in the other
    /// ("simon and garfunkel" against "simon"), else the Dice coefficient of their word sets.
    static func nameSimilarity(_ first: String, _ second: String) -> Double {
        if first == second { return 1 }
        let firstWords = Set(first.split(separator: " "))
        let secondWords = Set(second.split(separator: " "))
        guard !firstWords.isEmpty, !secondWords.isEmpty else { return 0 }
        if firstWords.isSubset(of: secondWords) || secondWords.isSubset(of: firstWords) { return 0.8 }
        let shared = firstWords.intersection(secondWords).count
        return Double(2 * shared) / Double(firstWords.count + secondWords.count)
    }

    /// Each pair of neighbouring scalars, packed in one number, with how often it occurs.
    private static func bigrams(_ text: String) -> [UInt64: Int] {
        var pairs: [UInt64: Int] = [:]
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if let previous { pairs[UInt64(previous.value) << 32 | UInt64(scalar.value), default: 0] += 1 }
            previous = scalar
        }
        return pairs
    }
}
