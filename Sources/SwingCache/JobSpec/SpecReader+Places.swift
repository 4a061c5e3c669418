import Foundation
import Yams

extension SpecReader {

    mutating func report(_ node: Node, _ message: String) {
        errors.append(Diagnostic(location(of: node), message))
    }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return .wholeFile(path) }
        return SourceLocation(file: path, line: mark.line, column: mark.column)
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): scalar.tag == Tag(.null) ? "nothing" : "'\(scalar.string.abbreviatedForMessages())'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    static func defaultName(for path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    /// `~` and `~/…` with the `$HOME` of the process (cron and systemd set it), as a shell would expand them.
    static func expandingHome(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"),
            let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty
        else { return path }
        return home + path.dropFirst()
    }

    /// An id file's path as a person would type it from where the spec was named: `jobs/ids.txt` for `jobs/x.yaml`.
    static func resolve(_ relativePath: String, besideSpec specPath: String) -> String {
        if relativePath.hasPrefix("/") { return relativePath }
        let folder = (specPath as NSString).deletingLastPathComponent
        return folder.isEmpty ? relativePath : (folder as NSString).appendingPathComponent(relativePath)
    }
}
