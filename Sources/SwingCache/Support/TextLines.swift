extension StringProtocol {
    /// The lines of a text file however it ends them: `\n`, `\r\n` (Windows) or `\r` (classic Mac).
    ///
    /// Swift reads `\r\n` as one character, so splitting on `"\n"` alone keeps a CRLF file as one long line.
    ///
    /// ```swift
    /// "a\r\nb\rc\n".textLines  // ["a", "b", "c", ""]
    /// ```
    package var textLines: [SubSequence] {
        split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }
}
