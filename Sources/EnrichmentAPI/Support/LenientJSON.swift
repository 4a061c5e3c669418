import Foundation

/// A whole number that may arrive as a JSON number or as a string of digits (Last.fm writes `"playcount":"1234"`);
/// anything else reads as absent rather than failing the answer.
struct LenientInt: Decodable, Sendable {
    var value: Int?

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            value = number
        } else if let text = try? container.decode(String.self) {
            value = Int(text.trimmingCharacters(in: .whitespaces))
        } else {
            value = nil
        }
    }
}

/// A list that may arrive as a single object when it has one element, as XML converted to JSON writes it.
struct OneOrMany<Element: Decodable>: Decodable {
    var elements: [Element]

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let list = try? container.decode([Element].self) {
            elements = list
        } else {
            elements = [try container.decode(Element.self)]
        }
    }
}

extension String {
    /// nil for an empty string: services write `""` for an id they do not have.
    var nonEmpty: String? { isEmpty ? nil : self }
}
