import CZlib
import Foundation

/// zlib compression for the raw answers the store keeps.
///
/// The stored form is a 4-byte little-endian length of the original followed by a zlib stream, so a
/// reader knows how much room to make before inflating.
package enum ZlibCompression {
    package static func compress(_ data: Data) -> Data {
        var bound = compressBound(uLong(data.count))
        var output = Data(count: 4 + Int(bound))
        let status = output.withUnsafeMutableBytes { outBuffer in
            data.withUnsafeBytes { inBuffer in
                CZlib.compress2(
                    outBuffer.baseAddress!.advanced(by: 4).assumingMemoryBound(to: Bytef.self), &bound,
                    inBuffer.baseAddress?.assumingMemoryBound(to: Bytef.self) ?? UnsafePointer(bitPattern: 1)!,
                    uLong(data.count), 6)
            }
        }
        precondition(status == Z_OK, "zlib compress2 failed with \(status) although the buffer was compressBound-sized")
        output.count = 4 + Int(bound)
        let length = UInt32(data.count).littleEndian
        withUnsafeBytes(of: length) { output.replaceSubrange(0..<4, with: $0) }
        return output
    }

    /// zlib never inflates one byte into more than about 1 032: a length beyond that is a corrupt row, not an answer.
    static let maximumRatio = 1_032

    /// The original bytes, or nil when `stored` is not what ``compress(_:)`` wrote.
    ///
    /// The length prefix is trusted only as far as the stream could hold it, so a corrupt row never allocates
    /// gigabytes.
    package static func decompress(_ stored: Data) -> Data? {
        guard stored.count > 4 else { return nil }
        let length = stored.prefix(4).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        let body = stored.dropFirst(4)
        guard length <= body.count * maximumRatio + 64 else { return nil }
        guard length > 0 else { return Data() }
        var output = Data(count: length)
        var produced = uLong(length)
        let status = output.withUnsafeMutableBytes { outBuffer in
            body.withUnsafeBytes { inBuffer -> Int32 in
                guard let target = outBuffer.baseAddress?.assumingMemoryBound(to: Bytef.self),
                    let source = inBuffer.baseAddress?.assumingMemoryBound(to: Bytef.self)
                else { return Z_DATA_ERROR }
                return CZlib.uncompress(target, &produced, source, uLong(body.count))
            }
        }
        guard status == Z_OK, produced == length else { return nil }
        return output
    }
}
