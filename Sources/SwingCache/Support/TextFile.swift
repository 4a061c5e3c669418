import Foundation

/// Reads a small text file a person wrote (a job spec, an id file), refusing what is not one.
///
/// A FIFO, a socket or a device is refused before it is opened, so reading never blocks; text that is not
/// UTF-8 is refused with the line and column of its first bad byte. A leading byte-order mark, which some
/// Windows editors write, is not part of the text.
///
/// ```swift
/// let text = try TextFile.read("jobs/ids.txt")
/// ```
package enum TextFile {
    /// Why a text file could not be read.
    package enum Problem: Error, Sendable, Equatable {
        /// The file cannot be opened or is not a regular file; the reason is a short phrase.
        case unreadable(String)
        /// The byte at `line`:`column` (1-based, columns in Unicode scalars, as YAML counts them) is not UTF-8.
        case notUTF8(line: Int, column: Int, byte: UInt8)
    }

    /// The contents of the regular file at `path`, decoded as UTF-8.
    package static func read(_ path: String) throws(Problem) -> String {
        if let reason = RegularFile.problem(at: path) { throw .unreadable(reason) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(FileProblem.describe(error))
        }
        if let text = String(validating: data, as: UTF8.self) {
            return text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
        }
        throw firstBadByte(in: data)
    }

    private static func firstBadByte(in data: Data) -> Problem {
        var line = 1
        var column = 1
        var afterCarriageReturn = false
        var offset = 0
        var bytes = data.makeIterator()
        var decoder = UTF8()
        while true {
            let start = offset
            switch decoder.decode(&bytes) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" && afterCarriageReturn {
                    afterCarriageReturn = false
                } else if scalar == "\n" || scalar == "\r" {
                    line += 1
                    column = 1
                    afterCarriageReturn = scalar == "\r"
                } else {
                    column += 1
                    afterCarriageReturn = false
                }
            case .emptyInput, .error:
                return .notUTF8(
                    line: line, column: column, byte: start < data.count ? data[data.startIndex + start] : 0)
            }
        }
    }
}
