import Foundation

/// Every file of a folder, sorted by name: name, owner, group, mode and bytes, to compare before and after.
public struct FolderListing: Equatable, Sendable {
    public struct File: Equatable, Sendable {
        public var name: String
        public var owner: UInt32
        public var group: UInt32
        public var mode: UInt32
        public var bytes: Data
    }

    public var files: [File]
    public var names: [String] { files.map(\.name) }

    public init(_ folder: String) throws {
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
