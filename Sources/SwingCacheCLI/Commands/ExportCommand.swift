import ArgumentParser
import CacheStore
import Foundation

extension LibraryExportFormat: ExpressibleByArgument {}

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Write the whole enriched library (one row per SwingMusic file) as JSON or CSV, for your own scripts and tools (swingcache publish writes into SwingMusic).",
        discussion: """
            One row per file of the library: its tags, its Spotify match and the matched track's columns, \
            genres, links, and the combined play count (docs/play-counts.md). The rows are streamed from one \
            consistent read of the database, so memory stays flat however large the library, and runs may go \
            on writing meanwhile. With --output the file is written beside its final name and renamed into \
            place when complete: a reader never sees half an export.

            Examples:
              swingcache export --format json --output library.json
              swingcache export --format csv > library.csv

            Exit 0 when written (an empty library writes an empty list), 77 when the database cannot be read, \
            1 when the output cannot be written.
            """
    )

    @Option(help: "json (one array of objects) or csv (a header row, RFC 4180 quoting).")
    var format: LibraryExportFormat = .json

    @Option(help: ArgumentHelp("Write here instead of standard output.", valueName: "file"), completion: .file())
    var output: String?

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await reportingFailures {
            let cache = try store.openStore(.readOnly)
            guard let output else {
                try await cache.library.exportLibrary(format: format, to: FileHandle.standardOutput)
                return
            }
            let partial = output + ".partial"
            guard FileManager.default.createFile(atPath: partial, contents: nil),
                let handle = FileHandle(forWritingAtPath: partial)
            else {
                throw CommandFailure(.failure, "cannot write '\(partial)': check the folder exists and is writable")
            }
            do {
                let rows = try await cache.library.exportLibrary(format: format, to: handle)
                try handle.close()
                guard rename(partial, output) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                Terminal.notice("wrote \(rows) rows to \(output)")
            } catch {
                try? handle.close()
                try? FileManager.default.removeItem(atPath: partial)
                throw CommandFailure(.failure, "cannot export to '\(output)': \(error.localizedDescription)")
            }
        }
    }
}

extension ExportCommand: UsesCacheDatabase {}
