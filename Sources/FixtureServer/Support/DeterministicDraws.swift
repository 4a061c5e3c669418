/// A deterministic stream of choices, so generated entities and injected faults are the same in every run.
///
/// Swift's `Hasher` is seeded per process, so this uses FNV-1a to turn text into a seed and SplitMix64 to draw.
struct DeterministicDraws {
    private var state: UInt64

    /// Draws seeded by `parts` joined with `:`, so `("track", id)` and `("album", id)` give unrelated streams.
    init(_ parts: String...) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in parts.joined(separator: ":").utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        state = hash
    }

    /// Draws seeded by a number, for the fault injection that `--seed` replays.
    init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits (SplitMix64).
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A whole number in `range`, for durations, counts and years.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound + 1)
        return range.lowerBound + Int(next() % width)
    }

    /// True with the given chance, for flags such as `explicit`.
    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }

    /// One element of a non-empty list.
    mutating func pick<Element>(_ choices: [Element]) -> Element {
        choices[Int(next() % UInt64(choices.count))]
    }

    /// `count` characters drawn from an ASCII `alphabet`, for ids, ISRCs, UPCs and image hashes.
    mutating func text(count: Int, from alphabet: String) -> String {
        var alphabet = alphabet
        return alphabet.withUTF8 { letters in
            var drawn: [UInt8] = []
            drawn.reserveCapacity(count)
            for _ in 0..<count {
                drawn.append(letters[Int(next() % UInt64(letters.count))])
            }
            return String(decoding: drawn, as: UTF8.self)
        }
    }

    /// A fresh valid Spotify id that never starts with `0`, so it can never fall in the `0000` missing range.
    mutating func spotifyID() -> String {
        text(count: 1, from: String(SpotifyIDText.base62Alphabet.dropFirst()))
            + text(count: 21, from: SpotifyIDText.base62Alphabet)
    }

    /// A lowercase version-4 UUID, the shape of MusicBrainz ids.
    mutating func uuid() -> String {
        let digits = Array(text(count: 30, from: "0123456789abcdef"))
        let variant = text(count: 1, from: "89ab")
        let timeAndVersion: String = String(digits[0..<12]) + "4" + String(digits[12..<15])
        let rest: String = variant + String(digits[15...])
        return UUIDText.format(timeAndVersion + rest)
    }
}
