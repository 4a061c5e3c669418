extension Int {
    /// The whole number nearest `value` toward zero, held at `Int.min`/`Int.max` instead of trapping; NaN is 0.
    ///
    /// For figures derived from settings and servers (requests per ttl, a `Retry-After`), where `Int(_:)` would
    /// stop the process on a value too large to represent.
    ///
    /// ```swift
    /// Int(saturating: 1e30)  // Int.max
    /// ```
    package init(saturating value: Double) {
        if value.isNaN {
            self = 0
        } else if value >= Double(Int.max) {
            self = .max
        } else if value <= Double(Int.min) {
            self = .min
        } else {
            self.init(value)
        }
    }
}
