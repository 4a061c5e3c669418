/// Why a review decision cannot be recorded.
package enum ReviewError: Error, Hashable, Sendable, CustomStringConvertible {
    case notInLibrary(String)

    package var description: String {
        switch self {
        case .notInLibrary(let path):
            "'\(path)' is not a file of the library in this database (run a library job first, or check the path)"
        }
    }
}
