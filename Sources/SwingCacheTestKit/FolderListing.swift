import Foundation

/// Every file of a folder, sorted by name: name, owner, group, mode and bytes, to compare before and after.
package struct FolderListing: Equatable, Sendable {
    package struct File: Equatable, Sendable {
        package var name: String
        package var owner: UInt32
        package var group: UInt32
        package var mode: UInt32
        package var bytes: Data
    }

    package var files: [File]
    package var names: [String] { files.map(\.name) }

    package init(_ folder: String) throws {
        files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { name in
            let path = folder + "/" + name
            var status = stat()
            guard stat(path, &status) == 0 else { throw CocoaError(.fileNoSuchFile) }
            return File(
                name: name, owner: status.st_uid, group: status.st_gid, mode: UInt32(status.st_mode) & 0o7777,
                bytes: try Data(contentsOf: URL(fileURLWithPath: path)))
        }
    }
}
