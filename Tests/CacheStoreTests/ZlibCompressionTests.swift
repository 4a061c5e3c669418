import Foundation
import Testing

@testable import CacheStore

@Suite struct ZlibCompressionTests {
    @Test func whatIsCompressedComesBackByteForByte() throws {
        let original = Data((0..<10_000).map { UInt8($0 % 251) })
        #expect(ZlibCompression.decompress(ZlibCompression.compress(original)) == original)
    }

    @Test(arguments: [
        Data([0xFF, 0xFF, 0xFF, 0xFF, 0x78, 0x9C, 0x01]),
        Data([0x10, 0x00, 0x00, 0x00]),
        Data([0x05, 0x00]),
        Data([0x05, 0x00, 0x00, 0x00, 0x00, 0x01, 0x02]),
    ])
    func aCorruptRowIsRefusedWithoutTrustingItsLengthPrefix(stored: Data) {
        #expect(ZlibCompression.decompress(stored) == nil)
    }
}
