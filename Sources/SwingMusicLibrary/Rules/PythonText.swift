/// The few `str` methods of Python 3 SwingMusic's rules are written with, on Unicode scalars as Python counts
/// characters.
enum PythonText {
    /// `str.lower()`: each scalar's full lower-case mapping ("İ" becomes two scalars), and a capital sigma that ends
    /// a word becomes the final "ς", as Python's own rule has it.
    static func lower(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        let scalars = Array(text.unicodeScalars)
        var result = ""
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\u{03A3}" && isFinalSigma(at: index, in: scalars) {
                result += "\u{03C2}"
            } else {
                result += scalar.properties.lowercaseMapping
            }
        }
        return result
    }

    /// Unicode's Final_Sigma condition, as CPython tests it: a cased letter before, none after (case-ignorable
    /// characters skipped both ways).
    private static func isFinalSigma(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        func cased(_ indices: some Sequence<Int>) -> Bool {
            for other in indices {
                let properties = scalars[other].properties
                if properties.isCaseIgnorable { continue }
                return properties.isCased
            }
            return false
        }
        return cased((0..<index).reversed()) && !cased((index + 1)..<scalars.count)
    }

    /// `str.strip()` without arguments: white space (Python's `str.isspace`) off both ends.
    static func strip(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
    }

    /// `str.isspace()` for one character: Unicode white space, and the four ASCII separators Python adds.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return scalar == " " || (0x09...0x0D).contains(scalar.value) || (0x1C...0x1F).contains(scalar.value)
        }
        return scalar.properties.isWhitespace
    }

    /// `str.isalnum()` for one character: a letter (`Lu Ll Lt Lm Lo`) or anything with a numeric value.
    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: scalar.properties.numericType != nil
        }
    }
}
