import Foundation

extension JSONValue {
    /// Why a document is not JSON, in Foundation's words.
    package struct ParseFailure: Error, CustomStringConvertible {
        package let description: String
    }

    /// The one JSON value `data` holds, read by Foundation's parser; objects keep no key order (they serialise
    /// with sorted keys), numbers keep their kind: `true` is a bool, `1` an int, `1.5` a double.
    package init(parsing data: Data) throws(ParseFailure) {
        do {
            self = try Self(foundation: try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
        } catch let failure as ParseFailure {
            throw failure
        } catch {
            throw ParseFailure(description: error.localizedDescription)
        }
    }

    private init(foundation value: Any) throws(ParseFailure) {
        switch value {
        case is NSNull: self = .null
        case let text as String: self = .string(text)
        case let number as NSNumber:
            switch String(cString: number.objCType) {
            case "c", "B": self = .bool(number.boolValue)
            case "f", "d": self = .double(number.doubleValue)
            default: self = .int(number.intValue)
            }
        case let list as [Any]:
            var elements: [JSONValue] = []
            elements.reserveCapacity(list.count)
            for element in list { elements.append(try JSONValue(foundation: element)) }
            self = .array(elements)
        case let members as [String: Any]:
            var object: [String: JSONValue] = [:]
            object.reserveCapacity(members.count)
            for (key, member) in members { object[key] = try JSONValue(foundation: member) }
            self = .object(object)
        default:
            throw ParseFailure(description: "a value of type \(type(of: value)) is not JSON")
        }
    }
}
