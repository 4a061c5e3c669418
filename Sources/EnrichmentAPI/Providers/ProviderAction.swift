import SwingCache

/// The name provider answers' actions had before every service shared ``OutboundAction``; kept so code written
/// against it still compiles.
package typealias ProviderAction = OutboundAction

extension OutboundAction {
    /// The earlier name of ``OutboundAction/skip``.
    package static var skipItem: OutboundAction { .skip }
}
