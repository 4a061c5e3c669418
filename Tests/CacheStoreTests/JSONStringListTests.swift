import Foundation
import Testing

@testable import CacheStore

/// The list columns, written and read by hand: the same text as JSONEncoder, the same strings back.
@Suite struct JSONStringListTests {
    static let lists: [[String]] = [
        [], [""], ["4iV5W9uYEdYUVa79Axb7Rh", "0OdUWJ0sBjDrqHygGUXeCF"], ["AC/DC", #"say "hi""#, #"back\slash"#],
        ["tab\there", "new\nline", "cr\r", "\u{8}\u{C}", "\u{0}\u{1}\u{1F}\u{7F}"],
        ["Ça", "Björk", "東京", "🎸 emoji", "e\u{301}"],
    ]

    @Test(arguments: lists)
    func writesWhatJSONEncoderWrites(list: [String]) throws {
        #expect(JSONStringList.encode(list) == String(decoding: try JSONEncoder().encode(list), as: UTF8.self))
    }

    @Test(arguments: lists)
    func readsBackWhatItWrote(list: [String]) {
        #expect(JSONStringList.decode(JSONStringList.encode(list)) == list)
    }

    @Test(arguments: [
        #"[ "a" , "b" ]"#, #"["\u00e9\u0041", "\ud83c\udfb8"]"#, #"["\/\"\\\b\f\n\r\t"]"#, #"["é\n"]"#, " [] ",
    ])
    func readsWhatJSONSerializationReads(json: String) throws {
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String])
        #expect(JSONStringList.decode(json) == expected)
    }

    @Test(arguments: [
        "", "[", "[1]", #"["a",]"#, #"["a" "b"]"#, #"{"a": "b"}"#, #"["\x"]"#, #"["\ud83c"]"#, #"["a"] x"#,
        "[\"\u{1}\"]",
        #"["\u12"]"#,
    ])
    func refusesWhatIsNotAListOfStrings(json: String) {
        #expect(JSONStringList.decode(json) == nil)
    }
}
