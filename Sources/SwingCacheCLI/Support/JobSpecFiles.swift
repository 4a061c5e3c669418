import Foundation
import SwingCache

/// Loads the job specs named on the command line.
enum JobSpecFiles {
    /// Every spec, or a failure listing every problem in every file.
    ///
    /// Ids that cannot be read are warnings here: a nightly run should not lose its night to one typo.
    /// `swingcache validate` treats them as errors. An id file with no readable id at all, or a spec whose
    /// targets are all unreadable, is an error here too: a run of it would fetch nothing and look done.
    static func load(_ paths: [String]) throws -> [JobSpec] {
        var specs: [JobSpec] = []
        var problems: [String] = []
        for path in paths {
            do {
                let spec = try JobSpecLoader().load(path: path)
                specs.append(spec)
                problems += spec.emptyIDSources.map(\.description)
            } catch {
                problems += error.diagnostics.map(\.description)
            }
        }
        let naming = specs.filter { $0.library != nil }
        for later in naming.dropFirst() {
            problems.append(
                "\(later.library!.origin): '\(later.path)' names a SwingMusic library, and so does '\(naming[0].path)': a run reads one library (a cache database holds one); run them separately, each with its own --db"
            )
        }
        guard problems.isEmpty else { throw CommandFailure(.badJobSpec, lines: problems) }
        let invalid = specs.flatMap { spec in spec.invalidTargets.map { "\($0) (skipped)" } }
        let withInvalid = specs.filter { $0.invalidCount > 0 }.map(\.path)
        let total = specs.reduce(0) { $0 + $1.invalidCount }
        let summary = WarningSummary.lines(invalid, total: total) { rest in
            "… and \(rest) more unreadable ids skipped (swingcache validate \(withInvalid.joined(separator: " ")) lists them)"
        }
        for line in summary { Terminal.warning(line) }
        return specs
    }
}
