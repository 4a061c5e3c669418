import Foundation
import SwingCache

/// The budget each provider gets unless configuration says otherwise: what the service publishes (or, where it
/// publishes nothing, what was observed or used to be the rule), with headroom for other users of the same address.
///
/// | provider | published or observed | `minInterval` | `perHour` | `reserve` |
/// |---|---|---|---|---|
/// | Last.fm | none today; once 5 requests/s averaged over 5 minutes (18 000/h) | 0.25 s | 9 000 | 100 |
/// | MusicBrainz | 1 request/s, strictly serial | 1 s | 3 600 | 60 |
/// | ListenBrainz | about 30 requests per 10 s (headers say exactly) | 0.5 s | 7 200 | 100 |
/// | Deezer | about 50 requests per 5 s | 0.2 s | 18 000 | 100 |
/// | Odesli | none for keys; keyless calls once had 10 a minute | 6 s | 600 | 10 |
///
/// Every value can be changed, one provider at a time:
///
/// ```swift
/// var budgets = ProviderBudgetDefaults.standard
/// budgets[.lastfm].perHour = 2_000
/// let policy = budgets[.musicbrainz]
/// ```
package struct ProviderBudgetDefaults: Hashable, Sendable {
    private var budgets: [Provider: BudgetPolicy]

    /// The defaults of the table above, as each provider declares its own (``ProviderDeclaration/budget``).
    package static let standard = ProviderBudgetDefaults(
        budgets: Dictionary(uniqueKeysWithValues: ProviderDeclaration.registered.map { ($0.provider, $0.budget) }))

    /// Budgets by provider; one left out gets `BudgetPolicy`'s own defaults.
    private init(budgets: [Provider: BudgetPolicy]) {
        self.budgets = budgets
    }

    /// The budget of `provider`.
    package subscript(provider: Provider) -> BudgetPolicy {
        get { budgets[provider] ?? BudgetPolicy() }
        set { budgets[provider] = newValue }
    }
}
