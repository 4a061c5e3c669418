/// How SwingMusic turns an `artists` or `albumartists` tag into names (`split_artists` in SwingMusic 3.0.1).
///
/// SwingMusic stores each column as the tag's text ("Queen/David Bowie", "Daft Punk; Pharrell Williams") and
/// splits it when it reads it: at every character that is one of the user's artist separators (`;` and `/` unless
/// changed in its settings), then at every comma, keeping whole each name of its ignore list found in the text
/// ("AC/DC", "Tyler, The Creator"), whatever its case.
///
/// ```swift
/// ArtistSplitting.swingMusicDefault.split("Queen/David Bowie")     // ["Queen", "David Bowie"]
/// ArtistSplitting.swingMusicDefault.split("Tyler, The Creator")    // ["Tyler, The Creator"]
/// ```
///
/// A separator longer than one character never splits, as in SwingMusic, which compares one character with each.
/// Where two names of the ignore list start at the same place, SwingMusic takes whichever its set yields first;
/// this takes the longest, so a run gives the same answer every time.
package struct ArtistSplitting: Hashable, Sendable {
    /// The separators as configured; only one-character ones take effect.
    package let separators: [String]
    /// Names that contain a separator or a comma but are one artist.
    package let keptWhole: [String]
    private let separatorScalars: Set<Unicode.Scalar>
    /// Lower-cased, by first character, longest first.
    private let keptWholeByFirst: [Unicode.Scalar: [[Unicode.Scalar]]]

    package init(separators: [String], keptWhole: [String]) {
        self.separators = separators
        self.keptWhole = keptWhole.filter { !$0.isEmpty }
        separatorScalars = Set(separators.compactMap { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first : nil })
        let lowered = Set(self.keptWhole.map { $0.unicodeScalars.map(Self.lowered) })
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
        keptWholeByFirst = Dictionary(grouping: lowered) { $0[0] }
    }

    /// SwingMusic's defaults: `;` and `/`, and its built-in ignore list.
    package static let swingMusicDefault = ArtistSplitting(
        separators: SwingMusicSettings.defaultArtistSeparators, keptWhole: SwingMusicSettings.builtInArtistIgnoreList)

    /// The names in one column's text, trimmed, in order; empty text gives none.
    ///
    /// Works on Unicode scalars, as Python indexes a `str`: a library of 50 000 files is split in well under a second.
    package func split(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        let lowered = scalars.map(Self.lowered)
        var names: [String] = []
        var current: [Unicode.Scalar] = []
        func flush() {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: current)
            current.removeAll()
            names += String(view).split(separator: ",", omittingEmptySubsequences: false)
                .map { PythonText.strip(String($0)) }.filter { !$0.isEmpty }
        }
        var index = 0
        while index < scalars.count {
            if let length = keptWholeLength(in: lowered, at: index) {
                flush()
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[index..<index + length])
                names.append(String(view))
                index += length
            } else if separatorScalars.contains(scalars[index]) {
                flush()
                index += 1
            } else {
                current.append(scalars[index])
                index += 1
            }
        }
        flush()
        return names
    }

    /// The length of the longest name of the ignore list that starts at `index`, or nil.
    private func keptWholeLength(in lowered: [Unicode.Scalar], at index: Int) -> Int? {
        keptWholeByFirst[lowered[index]]?.first { name in
            guard index + name.count <= lowered.count else { return false }
            return name.indices.allSatisfy { lowered[index + $0] == name[$0] }
        }?.count
    }

    /// A scalar lower-cased where that gives one scalar, as `str.lower()` keeps most texts' length.
    private static func lowered(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            return (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value) + 0x20) : scalar
        }
        let mapping = scalar.properties.lowercaseMapping.unicodeScalars
        return mapping.count == 1 ? mapping.first ?? scalar : scalar
    }
}
