import Foundation
import Yams

/// Id files (`targets.files`): one id per line, read on their UTF-8 bytes — a million ids in well under a second.
extension SpecReader {
    mutating func readIDFileEntry(_ entry: Node) {
        var filePath: String?
        var kind = EntityKind.track
        if case .mapping(let fields) = entry {
            for (key, value) in fields {
                switch keyName(key, known: Self.fileEntryKeys, in: "an entry of targets.files") {
                case "path": filePath = string(value, key: "path")
                case "kind":
                    if let text = string(value, key: "kind") {
                        if let parsed = EntityKind(rawValue: text) {
                            kind = parsed
                        } else {
                            report(
                                value, "'kind' must be track, album or artist, found '\(text.abbreviatedForMessages())'"
                            )
                        }
                    }
                default: break
                }
            }
            if filePath == nil { report(entry, "an entry of targets.files needs a 'path'") }
        } else {
            filePath = string(entry, key: "an entry of targets.files")
        }
        guard let filePath else { return }
        readIDFile(filePath, defaultKind: kind, listedAt: entry)
    }

    mutating func readIDFile(_ relativePath: String, defaultKind: EntityKind, listedAt node: Node) {
        let resolved = Self.resolve(relativePath, besideSpec: path)
        let contents: String
        do {
            contents = try TextFile.read(resolved)
        } catch {
            switch error {
            case .unreadable(let reason): report(node, "cannot read id file '\(resolved)': \(reason)")
            case .notUTF8:
                errors.append(TextFileDiagnostic.diagnostic(for: error, file: resolved, reading: "id file"))
            }
            return
        }
        var counts = IDFileCounts()
        var text = contents
        text.withUTF8 { bytes in
            var lineNumber = 0
            var lineStart = 0
            while lineStart <= bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
                lineNumber += 1
                if lineNumber == Self.linesBeforeReserving {
                    reserveRoom(forIDsIn: bytes.count, after: lineStart, counts)
                }
                readIDLine(
                    UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), lineNumber: lineNumber,
                    file: resolved, defaultKind: defaultKind, counts: &counts)
                guard lineEnd < bytes.count else { break }
                // "\r\n" ends one line, as "\n" and "\r" do.
                lineStart =
                    lineEnd
                    + (bytes[lineEnd] == 0x0D && lineEnd + 1 < bytes.count && bytes[lineEnd + 1] == 0x0A ? 2 : 1)
            }
        }
        let (entries, valid) = (counts.entries, counts.valid)
        if entries > 0 && valid == 0 {
            emptyIDSources.append(
                Diagnostic(
                    location(of: node),
                    "id file '\(resolved)' has \(entries) entr\(entries == 1 ? "y" : "ies") and none is a Spotify id: a run would fetch nothing from it (one id per line: a bare id, a spotify: URI or an open.spotify.com link; swingcache validate lists them)"
                ))
        }
    }

    /// Lines read before the set and list of targets are grown for the whole file at once.
    static let linesBeforeReserving = 1000

    /// Grows the targets for an id file of `size` bytes whose first `offset` bytes held `counts`, when most of
    /// those lines were ids: growing a set of a million ids step by step costs more than reading them. A file of
    /// something else (a CSV, a log) reserves nothing.
    mutating func reserveRoom(forIDsIn size: Int, after offset: Int, _ counts: IDFileCounts) {
        guard offset > 0, counts.valid * 2 >= Self.linesBeforeReserving else { return }
        let expected = size / max(1, offset / counts.valid)
        seen.reserveCapacity(seen.count + expected)
        targets.reserveCapacity(targets.count + expected)
    }

    /// How many entries an id file holds, and how many of them are ids.
    struct IDFileCounts {
        var entries = 0
        var valid = 0
    }

    /// Reads one line of an id file: a bare id of plain ASCII takes the short way, on its bytes; anything else
    /// (a URI, a link, a comment, text beyond ASCII) the general one.
    mutating func readIDLine(
        _ line: UnsafeBufferPointer<UInt8>, lineNumber: Int, file: String, defaultKind: EntityKind,
        counts: inout IDFileCounts
    ) {
        guard line.allSatisfy({ $0 < 0x80 }) else {
            readIDLine(
                String(decoding: line, as: UTF8.self), lineNumber: lineNumber, file: file,
                defaultKind: defaultKind, counts: &counts)
            return
        }
        var end = line.firstIndex(of: UInt8(ascii: "#")) ?? line.count
        var start = 0
        while start < end, Self.isASCIIWhitespace(line[start]) { start += 1 }
        while end > start, Self.isASCIIWhitespace(line[end - 1]) { end -= 1 }
        guard start < end else { return }
        counts.entries += 1
        let place = SourceLocation(file: file, line: lineNumber, column: start + 1)
        let entry = UnsafeBufferPointer(rebasing: line[start..<end])
        if SpotifyID.isBase62ID(entry) {
            add(SpotifyID(kind: defaultKind, value: String(decoding: entry, as: UTF8.self)), at: place)
            counts.valid += 1
            return
        }
        let text = String(decoding: entry, as: UTF8.self)
        if addTarget(text, kind: Self.kind(ofASCII: entry) ?? defaultKind, at: place) { counts.valid += 1 }
    }

    /// Reads a line holding text beyond ASCII, whose columns count characters.
    mutating func readIDLine(
        _ line: String, lineNumber: Int, file: String, defaultKind: EntityKind, counts: inout IDFileCounts
    ) {
        let withoutComment = line.firstIndex(of: "#").map { line[..<$0] } ?? line[...]
        let entry = withoutComment.trimmingWhitespace()
        guard !entry.isEmpty else { return }
        let column = line.distance(from: line.startIndex, to: entry.startIndex) + 1
        let place = SourceLocation(file: file, line: lineNumber, column: column)
        counts.entries += 1
        if addTarget(String(entry), kind: Self.kind(of: entry) ?? defaultKind, at: place) { counts.valid += 1 }
    }

    /// What `Character.isWhitespace` says of an ASCII byte.
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    /// The kind a URI or link names, so an id file may mix kinds.
    static func kind(of entry: Substring) -> EntityKind? {
        EntityKind.allCases.first { kind in
            entry.hasPrefix("spotify:\(kind.rawValue):") || entry.contains("open.spotify.com/\(kind.rawValue)/")
                || (entry.contains("open.spotify.com/intl-") && entry.contains("/\(kind.rawValue)/"))
        }
    }

    /// ``kind(of:)`` for an entry of ASCII bytes, where comparing bytes is comparing characters.
    static func kind(ofASCII entry: UnsafeBufferPointer<UInt8>) -> EntityKind? {
        let isLink = entry.containsBytes(KindPatterns.link)
        guard isLink || entry.starts(with: KindPatterns.uri) else { return nil }
        let isIntlLink = isLink && entry.containsBytes(KindPatterns.intlLink)
        return KindPatterns.byKind.first { patterns in
            entry.starts(with: patterns.uri) || entry.containsBytes(patterns.link)
                || (isIntlLink && entry.containsBytes(patterns.segment))
        }?.kind
    }

    /// The byte patterns ``kind(ofASCII:)`` looks for.
    enum KindPatterns {
        static let uri = Array("spotify:".utf8)
        static let link = Array("open.spotify.com/".utf8)
        static let intlLink = Array("open.spotify.com/intl-".utf8)
        static let byKind = EntityKind.allCases.map { kind in
            (
                kind: kind, uri: Array("spotify:\(kind.rawValue):".utf8),
                link: Array("open.spotify.com/\(kind.rawValue)/".utf8), segment: Array("/\(kind.rawValue)/".utf8)
            )
        }
    }
}
