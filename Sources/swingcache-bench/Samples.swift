import Foundation

/// Repeated measurements of one figure, printed as min and median: wall times on a shared machine are noisy.
struct Samples {
    var values: [Double] = []

    var min: Double { values.min() ?? .nan }
    var median: Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    mutating func append(_ value: Double) { values.append(value) }

    /// `min X, median Y` in `unit`, the value scaled by `scale` first.
    func text(_ unit: String, scale: Double = 1, decimals: Int = 3) -> String {
        String(format: "min %.\(decimals)f %@, median %.\(decimals)f %@", min * scale, unit, median * scale, unit)
    }

    /// How many times `self` the figure is of `reference`, on the medians (and on the minimums).
    func ratio(to reference: Samples) -> String {
        String(format: "×%.2f (min ×%.2f)", median / reference.median, min / reference.min)
    }
}

/// Seconds since an arbitrary start, monotonic.
func monotonicSeconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// The seconds `body` took.
func timed(_ body: () async throws -> Void) async rethrows -> Double {
    let start = monotonicSeconds()
    try await body()
    return monotonicSeconds() - start
}
