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

    /// How alike two artist names are, read as sets of words: 1 when they have the same words in any order
    /// ("hall daryl", a sort name, against "daryl hall"); 0.8 when every word of one is in the other ("simon and
    /// garfunkel" against "simon", "hall and oates" against "daryl hall and john oates"); a misspelling of the same
    /// words (``misspelling(_:_:)``) below that; else the Dice coefficient of their word sets.
    static func nameSimilarity(_ first: String, _ second: String) -> Double {
        if first == second { return 1 }
        let firstWords = Set(first.split(separator: " ").map(String.init))
        let secondWords = Set(second.split(separator: " ").map(String.init))
        guard !firstWords.isEmpty, !secondWords.isEmpty else { return 0 }
        if firstWords == secondWords { return 1 }
        if firstWords.isSubset(of: secondWords) || secondWords.isSubset(of: firstWords) { return subsetLikeness }
        if let misspelt = misspelling(firstWords, secondWords) { return misspelt }
        let shared = firstWords.intersection(secondWords).count
        return Double(2 * shared) / Double(firstWords.count + secondWords.count)
    }

    /// How alike two whole credits are, each read as the set of its names' words without the words that join names
    /// ("and", "feat", "with", a leading "the"): 1 for the same people however the tags join or split them ("queen
    /// and david bowie" against "queen", "david bowie"), a misspelling's likeness for a misspelt credit, else 0 — a
    /// partial overlap is for ``nameSimilarity(_:_:)`` to weigh name by name.
    static func creditSimilarity(_ first: [String], _ second: [String]) -> Double {
        let (firstWords, secondWords) = (creditWords(first), creditWords(second))
        guard !firstWords.isEmpty, !secondWords.isEmpty else { return 0 }
        if firstWords == secondWords { return 1 }
        return misspelling(firstWords, secondWords) ?? 0
    }

    /// The likeness of two word sets that differ only by misspelt words, or nil when they differ otherwise.
    ///
    /// The sets must have as many words, and each word of one that the other lacks must pair with a word of the
    /// other that is a misspelling of it: letters only, the same first letter, at least 6 letters and one edit apart
    /// (a letter added, dropped, changed or two swapped), or at least 10 and two. "metalica" and "metallica" are;
    /// "bryan" and "ryan", "verve" and "nerve", "blink 182" and "blink 183" are not. The likeness is 1 less twice
    /// the share of letters edited, at most the 0.8 of a dropped word: a misspelling is weaker evidence.
    static func misspelling(_ first: Set<String>, _ second: Set<String>) -> Double? {
        guard first.count == second.count else { return nil }
        var unpaired = second.subtracting(first)
        let letters = max(first.reduce(0) { $0 + $1.count }, second.reduce(0) { $0 + $1.count })
        var edits = 0
        for word in first.subtracting(second).sorted() {
            guard
                let (partner, distance) = unpaired.compactMap({ other in
                    misspellingDistance(word, other).map { (other, $0) }
                }).min(by: { ($0.1, $0.0) < ($1.1, $1.0) })
            else { return nil }
            unpaired.remove(partner)
            edits += distance
        }
        guard edits > 0 else { return nil }
        return min(subsetLikeness, 1 - 2 * Double(edits) / Double(letters))
    }

    /// The likeness of a name all of whose words are in the other.
    private static let subsetLikeness = 0.8

    /// Words that join names in a credit, or that a name may go without.
    private static let joiningWords: Set<String> = ["and", "the", "feat", "ft", "featuring", "with"]

    private static func creditWords(_ names: [String]) -> Set<String> {
        Set(names.flatMap { $0.split(separator: " ").map(String.init) }).subtracting(joiningWords)
    }

    /// The edits between two words when one may be a misspelling of the other (see ``misspelling(_:_:)``).
    private static func misspellingDistance(_ first: String, _ second: String) -> Int? {
        let (a, b) = (Array(first), Array(second))
        let shorter = min(a.count, b.count)
        guard shorter >= 6, a.first == b.first, a.allSatisfy(\.isLetter), b.allSatisfy(\.isLetter) else { return nil }
        let allowed = shorter >= 10 ? 2 : 1
        guard abs(a.count - b.count) <= allowed else { return nil }
        let distance = editDistance(a, b)
        return distance <= allowed ? distance : nil
    }

    /// Insertions, deletions, substitutions and swaps of neighbours that turn one word into the other (the optimal
    /// string alignment distance).
    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
                }
            }
        }
        return rows[a.count][b.count]
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
