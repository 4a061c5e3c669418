import Foundation
import SwingCache
import Testing

@testable import SpotifyAPI

/// Reading an answer's elements as bytes: what is stored is the element as Spotify sent it, less trimmed keys.
@Suite struct RawJSONTests {
    let trimmed: Set<String> = ["available_markets"]

    func text(_ data: Data?) -> String? { data.map { String(decoding: $0, as: UTF8.self) } }

    @Test func eachElementIsItsOwnBytesWithoutWhitespaceOrTrimmedKeysAtAnyDepth() throws {
        let body = Data(
            """
            {"tracks": [
              {"id": "a", "available_markets": ["US", "DE"], "album": {"name": "A \\"B\\"", "available_markets": []},
               "artists": [{"name": "Ç/é", "available_markets": ["X"]}], "n": -1.5e3},
              null,
              {"available_markets": ["US"]}
            ], "other": {"x": [1, true, false, null]}}
            """.utf8)
        let elements = try #require(RawJSON.elements(of: body, listedUnder: "tracks", trimming: trimmed))
        #expect(
            elements.map(text) == [
                #"{"id":"a","album":{"name":"A \"B\""},"artists":[{"name":"Ç/é"}],"n":-1.5e3}"#, nil, "{}",
            ])
    }

    @Test func aSingleAnswerIsOneElement() throws {
        let body = Data(#"  {"id": "a", "available_markets": ["US"]}  "#.utf8)
        let elements = try #require(RawJSON.elements(of: body, listedUnder: nil, trimming: trimmed))
        #expect(elements.map(text) == [#"{"id":"a"}"#])
    }

    @Test func whatIsTrimmedReadsAsTheSameJSONAsTheDecodedAnswerTrimmed() throws {
        let element = #"{"b": [1, {"c": "\u00e9\n", "available_markets": [1]}], "a": {"d": null}, "e": 0.25}"#
        let fast = try #require(
            RawJSON.elements(of: Data(element.utf8), listedUnder: nil, trimming: trimmed)?.first ?? nil)
        let slow = CatalogDecoder.trim(
            try #require(try JSONSerialization.jsonObject(with: Data(element.utf8)) as? [String: Any]))
        let reread = try #require(try JSONSerialization.jsonObject(with: fast) as? [String: Any])
        #expect(NSDictionary(dictionary: reread).isEqual(to: slow))
    }

    @Test(arguments: [
        "", "{", "[]", #"{"tracks": {}}"#, #"{"tracks": [1]}"#, #"{"tracks": ["a"]}"#, #"{"tracks": [{]}"#,
        #"{"tracks": [{"a": 01}]}"#, #"{"tracks": [{"a": "\x"}]}"#, #"{"tracks": [{"a": tru}]}"#,
        #"{"tracks": [], "tracks": []}"#, #"{"tracks": []} x"#, #"{"tracks": [{"a": 1,}]}"#,
        "{\"tracks\": [{\"a\": \"\u{1}\"}]}",
        #"{"tracks": [{"a": 1} {"b": 2}]}"#, #"{"other": []}"#,
    ])
    func anythingButTheExpectedShapeIsLeftToTheGeneralDecoder(body: String) {
        #expect(RawJSON.elements(of: Data(body.utf8), listedUnder: "tracks", trimming: trimmed) == nil)
    }

    @Test func textThatIsNotUTF8IsLeftToTheGeneralDecoder() {
        let body = Data(#"{"tracks": [{"name": ""#.utf8) + Data([0xFF]) + Data(#""}]}"#.utf8)
        #expect(RawJSON.elements(of: body, listedUnder: "tracks", trimming: trimmed) == nil)
    }

    @Test func deepNestingIsLeftToTheGeneralDecoder() {
        let deep = String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
        let body = Data(#"{"tracks": [{"a": \#(deep)}]}"#.utf8)
        #expect(RawJSON.elements(of: body, listedUnder: "tracks", trimming: trimmed) == nil)
    }
}
