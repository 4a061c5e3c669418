/// A place in a file a person can open: `jobs/nightly.yaml:14:5`.
package struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    package var file: String
    package var line: Int
    package var column: Int

    package init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A location for a problem with a whole file rather than a place in it.
    package static func wholeFile(_ file: String) -> SourceLocation {
        SourceLocation(file: file, line: 0, column: 0)
    }

    package var description: String { line == 0 ? file : "\(file):\(line):\(column)" }
}

/// One problem found in a job spec or an id file, with where it is.
package struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    package var location: SourceLocation
    package var message: String

    package init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    package var description: String { "\(location): \(message)" }
}
