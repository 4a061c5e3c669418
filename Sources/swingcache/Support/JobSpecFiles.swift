import Foundation
import SwingCache

/// Loads the job specs named on the command line.
enum JobSpecFiles {
    /// Every spec, or a failure listing every problem in every file.
    ///
    /// Ids that cannot be read are warnings here: a nightly run should not lose its night to one typo.
    /// `swingcache validate` treats them as errors.
    static func load(_ paths: [String]) throws -> [JobSpec] {
        var specs: [JobSpec] = []
        var problems: [String] = []
        for path in paths {
            do {
                specs.append(try JobSpecLoader().load(path: path))
            } catch {
                problems += error.diagnostics.map(\.description)
            }
        }
        guard problems.isEmpty else { throw CommandFailure(.badJobSpec, lines: problems) }
        for spec in specs {
            for invalid in spec.invalidTargets { Terminal.warning("\(invalid) (skipped)") }
        }
        return specs
    }
}
