import ArgumentParser
import Foundation
import SwingCache

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check job specs and the id files they name; print every problem as FILE:LINE:COLUMN: message.",
        discussion: """
            Exits 0 when every spec is valid, 65 when any problem was found. Unreadable ids are problems \
            here (plan and run skip them with a warning); of a spec's unreadable ids, the first 1000 are \
            listed, then their count.

            Example:
              swingcache validate jobs/*.yaml
            """
    )

    struct FileResult: Encodable {
        var file: String
        var valid: Bool
        var name: String?
        var targets: [String: Int]
        var duplicates: Int
        var problems: [Diagnostic]
        /// Unreadable ids beyond the first thousand of a spec, counted but not listed.
        var unlistedProblems = 0
        /// Whether the spec names a SwingMusic library, and the providers its `enrich:` turns on.
        var library = false
        var enrich: [String] = []
    }

    @Argument(
        help: ArgumentHelp("Job spec files (YAML).", valueName: "job.yaml"),
        completion: .file(extensions: ["yaml", "yml"]))
    var jobs: [String]

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
        var results: [FileResult] = []
        for path in jobs {
            do {
                let spec = try JobSpecLoader().load(path: path)
                let counts = Dictionary(grouping: spec.targets, by: \.id.kind).mapValues(\.count)
                results.append(
                    FileResult(
                        file: path, valid: spec.invalidCount == 0 && spec.emptyIDSources.isEmpty, name: spec.name,
                        targets: Dictionary(
                            uniqueKeysWithValues: EntityKind.allCases.map { ($0.plural, counts[$0] ?? 0) }),
                        duplicates: spec.duplicateCount, problems: spec.emptyIDSources + spec.invalidTargets,
                        unlistedProblems: spec.invalidCount - spec.invalidTargets.count, library: spec.library != nil,
                        enrich: spec.enrichment.enrichKeys))
            } catch {
                results.append(
                    FileResult(file: path, valid: false, targets: [:], duplicates: 0, problems: error.diagnostics))
            }
        }
        if json {
            try Terminal.json(results)
        } else {
            for result in results {
                for problem in result.problems { FileHandle.standardError.write(Data("\(problem)\n".utf8)) }
                if result.unlistedProblems > 0 {
                    let line =
                        "\(result.file): … and \(result.unlistedProblems) more unreadable ids (the first \(JobSpec.keptInvalidTargets) are listed)\n"
                    FileHandle.standardError.write(Data(line.utf8))
                }
                if result.valid {
                    let counts = EntityKind.allCases.map { "\(result.targets[$0.plural] ?? 0) \($0.plural)" }
                    var parts = counts
                    if result.library { parts.append("a SwingMusic library") }
                    if !result.enrich.isEmpty { parts.append("enriched by \(result.enrich.joined(separator: ", "))") }
                    print("\(result.file): ok (\(parts.joined(separator: ", ")))")
                } else {
                    let count = result.problems.count + result.unlistedProblems
                    print("\(result.file): \(count) problem\(count == 1 ? "" : "s")")
                }
            }
        }
        if results.contains(where: { !$0.valid }) { throw ExitStatus.badJobSpec.exitCode }
    }
}
