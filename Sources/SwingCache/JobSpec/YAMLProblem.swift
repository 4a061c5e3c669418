import Foundation
import Yams

/// Turns libyaml's complaints into one-line diagnostics at the place they point to.
enum YAMLProblem {
    static func diagnostic(for error: YamlError, in path: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let place = SourceLocation(file: path, line: mark.line, column: mark.column)
            let during = context.map { " (\($0.text))" } ?? ""
            return Diagnostic(place, "is not valid YAML: \(problem)\(during)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let place = SourceLocation(file: path, line: context.mark.line, column: context.mark.column)
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(place, "key \(keys) is written twice in one mapping")
        case .reader(let problem, let offset, let value, let yaml):
            let character = value >= 0 ? String(format: " (U+%04X)", value) : ""
            return Diagnostic(
                place(ofCharacter: offset ?? 0, in: yaml, file: path),
                "is not readable as YAML text: \(problem)\(character); remove it or write it as an escape in double quotes"
            )
        default:
            return Diagnostic(SourceLocation(file: path, line: 1, column: 1), "is not valid YAML: \(error)")
        }
    }

    /// A tab in a line's indentation, which YAML forbids and libyaml reports only as a token it cannot read.
    static func indentingTab(in text: String, file: String) -> Diagnostic? {
        for (index, line) in text.textLines.enumerated() {
            let indentation = line.prefix { $0 == " " || $0 == "\t" }
            guard let tab = indentation.firstIndex(of: "\t") else { continue }
            let column = indentation.distance(from: indentation.startIndex, to: tab) + 1
            return Diagnostic(
                SourceLocation(file: file, line: index + 1, column: column),
                "a tab in the indentation: YAML indents with spaces only; replace the tab with spaces")
        }
        return nil
    }

    /// The line and column of the character `offset` characters into `text`.
    static func place(ofCharacter offset: Int, in text: String, file: String) -> SourceLocation {
        let before = text.prefix(max(0, offset))
        let lines = before.textLines
        return SourceLocation(file: file, line: lines.count, column: (lines.last?.unicodeScalars.count ?? 0) + 1)
    }
}

/// One-line diagnostics for a job spec or id file that could not be read as text.
enum TextFileDiagnostic {
    static func diagnostic(for problem: TextFile.Problem, file: String, reading what: String) -> Diagnostic {
        switch problem {
        case .unreadable(let reason):
            return Diagnostic(.wholeFile(file), "cannot read \(what): \(reason)")
        case .notUTF8(let line, let column, let byte):
            return Diagnostic(
                SourceLocation(file: file, line: line, column: column),
                "is not UTF-8 text (byte \(String(format: "0x%02X", byte))); save the \(what) as UTF-8")
        }
    }
}

/// Short reasons for file errors, without Foundation's long wrappers.
enum FileProblem {
    static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(underlying.code)))
        }
        switch nsError.code {
        case NSFileReadNoSuchFileError: return "no such file"
        case NSFileReadNoPermissionError: return "permission denied"
        case NSFileReadInapplicableStringEncodingError: return "not UTF-8 text"
        default: return nsError.localizedDescription
        }
    }
}
