import SwingCache

extension ProviderDeclaration {
    /// MusicBrainz: a contact required in the User-Agent; 1 request/s, strictly serial.
    package static let musicbrainz = ProviderDeclaration(
        provider: .musicbrainz,
        budget: BudgetPolicy(perHour: 3_600, minInterval: MusicBrainzPolicy.standard.minInterval, reserve: 60),
        rootKey: "SWINGCACHE_MUSICBRAINZ_URL", requirement: .contact)
}
