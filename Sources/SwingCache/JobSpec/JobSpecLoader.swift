import Foundation
import Yams

/// Every problem that keeps a job spec from being used, each with its place in the file.
public struct JobSpecError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Reads job specs from YAML, reporting every problem at once rather than the first.
///
/// ```swift
/// let spec = try JobSpecLoader().load(path: "jobs/nightly.yaml")
/// spec.targets.count       // ids listed, normalised and deduplicated
/// spec.invalidTargets      // ids that could not be read, with file:line:column
/// ```
public struct JobSpecLoader: Sendable {
    public init() {}

    /// Reads and validates the spec at `path`; relative id files are read from the spec's folder.
    public func load(path: String) throws(JobSpecError) -> JobSpec {
        let text: String
        do {
            text = try TextFile.read(path)
        } catch {
            throw JobSpecError([TextFileDiagnostic.diagnostic(for: error, file: path, reading: "job spec")])
        }
        return try parse(text, path: path)
    }

    /// Validates spec text as if read from `path`.
    public func parse(_ text: String, path: String) throws(JobSpecError) -> JobSpec {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw JobSpecError([
                YAMLProblem.indentingTab(in: text, file: path) ?? YAMLProblem.diagnostic(for: error, in: path)
            ])
        } catch {
            throw JobSpecError([
                Diagnostic(SourceLocation(file: path, line: 1, column: 1), "is not valid YAML: \(error)")
            ])
        }
        guard let root else {
            throw JobSpecError([
                Diagnostic(
                    SourceLocation(file: path, line: 1, column: 1),
                    "is empty: a job spec needs 'targets' or a 'library'")
            ])
        }
        var reader = SpecReader(path: path)
        let spec = reader.readSpec(root)
        guard reader.errors.isEmpty, let spec else {
            let specProblems = reader.errors.sorted {
                ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
            }
            throw JobSpecError(specProblems + reader.invalidTargets)
        }
        return spec
    }
}
