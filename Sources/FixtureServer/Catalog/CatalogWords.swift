/// Word lists that generated names are made from, so demo output reads like music rather than hashes.
enum CatalogWords {
    static let adjectives = [
        "Amber", "Blue", "Broken", "Crimson", "Distant", "Electric", "Empty", "Endless", "Faded", "Golden", "Hollow",
        "Midnight", "Neon", "Northern", "Paper", "Quiet", "Restless", "Silver", "Slow", "Static", "Summer", "Velvet",
        "Wild", "Winter",
    ]

    static let nouns = [
        "Anchor", "Avenue", "Bloom", "Canyon", "Cathedral", "Comet", "Echo", "Ember", "Engine", "Garden", "Harbour",
        "Horizon", "Lantern", "Mirror", "Motel", "Ocean", "Orchard", "Radio", "River", "Satellite", "Signal", "Skyline",
        "Tide", "Window",
    ]

    static let pluralNouns = [
        "Anchors", "Comets", "Echoes", "Embers", "Engines", "Foxes", "Gardens", "Lanterns", "Mirrors", "Owls",
        "Pilots", "Rivers", "Satellites", "Signals", "Sparrows", "Tides", "Wolves",
    ]

    static let givenNames = [
        "Ada", "Bruno", "Clara", "Dev", "Elif", "Femi", "Greta", "Hiro", "Ines", "Jonas", "Kaia", "Luca", "Mira",
        "Nico", "Oona", "Priya", "Rafa", "Sade", "Tomas", "Yara",
    ]

    static let familyNames = [
        "Alder", "Bishop", "Castell", "Dunmore", "Everly", "Fontaine", "Grey", "Holm", "Ivers", "Juniper", "Kestrel",
        "Lindqvist", "Moreau", "Novak", "Okafor", "Park", "Quill", "Rowe", "Sato", "Vale",
    ]

    static let genres = [
        "alt z", "art pop", "chamber pop", "dream pop", "electropop", "folk rock", "indie folk", "indie pop",
        "indie rock", "modern rock", "neo soul", "new wave", "post-punk", "shoegaze", "synthpop", "uk garage",
    ]

    static let labelWords = ["Records", "Recordings", "Music", "Sound", "Audio"]

    /// A track title such as "Neon Harbour" or "Harbour (Slow Version)".
    static func trackName(_ draws: inout DeterministicDraws) -> String {
        let base = "\(draws.pick(adjectives)) \(draws.pick(nouns))"
        return draws.chance(0.15) ? "\(base) - \(draws.pick(["Live", "Acoustic", "Remastered", "Radio Edit"]))" : base
    }

    /// An album title such as "Echo of the Orchard".
    static func albumName(_ draws: inout DeterministicDraws) -> String {
        draws.chance(0.5)
            ? "\(draws.pick(nouns)) of the \(draws.pick(nouns))"
            : "\(draws.pick(adjectives)) \(draws.pick(pluralNouns))"
    }

    /// An artist name: a band ("The Velvet Owls") or a person ("Mira Kestrel").
    static func artistName(_ draws: inout DeterministicDraws) -> String {
        draws.chance(0.5)
            ? "The \(draws.pick(adjectives)) \(draws.pick(pluralNouns))"
            : "\(draws.pick(givenNames)) \(draws.pick(familyNames))"
    }

    /// A record label such as "Harbour Recordings".
    static func labelName(_ draws: inout DeterministicDraws) -> String {
        "\(draws.pick(nouns)) \(draws.pick(labelWords))"
    }
}
