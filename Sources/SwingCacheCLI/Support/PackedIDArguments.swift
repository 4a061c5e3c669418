/// `get` with thousands of ids, parsed in linear time.
///
/// swift-argument-parser merges the origins of each value of a repeated argument into a set it copies at every
/// value: quadratic, 1.2 G instructions for 2,000 ids. So runs of ids reach it packed into one argument, joined by
/// NUL, which no command-line argument can hold; `get` unpacks them. Only arguments that are surely positional
/// (their predecessor is no option, so they are no option's value) and look like Spotify ids are packed: the kind
/// and every option keep their own argument, and every message quotes what was typed.
///
/// ```swift
/// PackedIDArguments.packing(["get", "track", "4iV5W9uYEdYUVa79Axb7Rh", "3n3Ppam7vgaVa1iaRUc9Lp"])
/// // ["get", "track", "4iV5W9uYEdYUVa79Axb7Rh\u{0}3n3Ppam7vgaVa1iaRUc9Lp"]
/// ```
enum PackedIDArguments {
    static let separator: Character = "\u{0}"

    /// `arguments` (without the program's name) with each run of `get`'s id arguments packed into one.
    static func packing(_ arguments: [String]) -> [String] {
        guard let command = arguments.firstIndex(where: { !$0.hasPrefix("-") }), arguments[command] == "get" else {
            return arguments
        }
        var packed = Array(arguments[...command])
        var previous = arguments[command]
        var previousPackable = false
        for (offset, argument) in arguments[(command + 1)...].enumerated() {
            if argument == "--" {
                packed += arguments[(command + 1 + offset)...]
                break
            }
            let surelyPositional = !argument.hasPrefix("-") && !previous.hasPrefix("-")
            let packable = surelyPositional && looksLikeAnID(argument)
            if packable && previousPackable {
                packed[packed.count - 1] += String(separator) + argument
            } else {
                packed.append(argument)
            }
            previous = argument
            previousPackable = packable
        }
        return packed
    }

    /// The arguments `packing(_:)` packed into `argument`.
    static func unpacking(_ argument: String) -> [String] {
        argument.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    }

    /// A bare id, a `spotify:` URI or an `open.spotify.com` link, as far as its shape tells.
    static func looksLikeAnID(_ argument: String) -> Bool {
        guard !argument.contains(separator) else { return false }
        if argument.hasPrefix("spotify:") || argument.contains("open.spotify.com/") { return true }
        return argument.utf8.count == 22
            && argument.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
    }
}
