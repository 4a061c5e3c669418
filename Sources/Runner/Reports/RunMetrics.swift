import CacheStore
import Foundation
import Prometheus
import SwingCache

/// A run's figures in Prometheus text exposition, for node_exporter's textfile collector.
///
/// Each run rewrites the whole file (atomically), so every series describes the latest run; totals across
/// runs are Prometheus's job (`increase()` over the scrapes).
package enum RunMetrics {
    package static func text(report: RunReport, lastSuccess: Date?, cacheHitRatio: Double) -> String {
        let registry = PrometheusCollectorRegistry()
        func gauge(_ name: String, unit: String = "", _ help: String, _ labels: [(String, String)] = []) -> Gauge {
            registry.makeGauge(
                descriptor: MetricNameDescriptor(
                    namespace: "swingcache", metricName: name, unitName: unit, helpText: help),
                labels: labels)
        }
        let service = report.service
        for (status, count) in report.requests.byStatus.sorted(by: { $0.key < $1.key }) {
            gauge(
                "requests", "Requests the last run made, by HTTP status (0: no answer).",
                [("service", service), ("status", status)]
            )
            .set(Double(count))
        }
        for (provider, summary) in (report.providers ?? [:]).sorted(by: { $0.key < $1.key }) {
            for (status, count) in summary.byStatus.sorted(by: { $0.key < $1.key }) {
                gauge(
                    "requests", "Requests the last run made, by HTTP status (0: no answer).",
                    [("service", provider), ("status", status)]
                )
                .set(Double(count))
            }
        }
        let rateLimited =
            [(service, report.requests.rateLimited)] + (report.providers ?? [:]).map { ($0.key, $0.value.rateLimited) }
        let retries =
            [(service, report.requests.retries)] + (report.providers ?? [:]).map { ($0.key, $0.value.retries) }
        for (name, count) in rateLimited.sorted(by: { $0.0 < $1.0 }) {
            gauge("rate_limited_requests", "Rate-limit answers in the last run.", [("service", name)]).set(
                Double(count))
        }
        for (name, count) in retries.sorted(by: { $0.0 < $1.0 }) {
            gauge("retries", "Requests retried in the last run.", [("service", name)]).set(Double(count))
        }
        for reason in WaitReason.allCases {
            gauge("wait", unit: "seconds", "Seconds the last run waited, by reason.", [("reason", reason.rawValue)])
                .set(report.waitedSeconds[reason.rawValue] ?? 0)
        }
        let items: [(String, Int)] = [
            ("fetched", report.items.fetched), ("already_fresh", report.items.alreadyFresh),
            ("known_missing", report.items.knownMissing + report.items.foundMissing), ("invalid", report.items.invalid),
            ("deferred", report.items.deferred), ("failed", report.items.failed),
        ]
        for (state, count) in items {
            gauge("items", "Items of the last run, by what became of them.", [("state", state)]).set(Double(count))
        }
        gauge("cache_hit_ratio", "Share of the last run's valid targets that were already fresh.").set(cacheHitRatio)
        gauge("run_duration", unit: "seconds", "How long the last run took.")
            .set(report.finishedAt.timeIntervalSince(report.startedAt))
        gauge("last_run_timestamp", unit: "seconds", "When the last run finished (Unix time).")
            .set(report.finishedAt.timeIntervalSince1970)
        gauge(
            "last_success_timestamp", unit: "seconds",
            "When the last run that completed everything finished (Unix time; 0: never)."
        )
        .set(lastSuccess?.timeIntervalSince1970 ?? 0)
        for outcome in ["completed", "deferred", "parked", "service_unavailable", "configuration_error"] {
            gauge("last_run_outcome", "1 for the last run's outcome, 0 for the others.", [("outcome", outcome)])
                .set(report.outcome == outcome ? 1.0 : 0.0)
        }
        return registry.emitToString()
    }

    /// The share of valid targets that needed no request.
    package static func cacheHitRatio(_ report: RunReport) -> Double {
        let valid =
            report.items.fetched + report.items.alreadyFresh + report.items.knownMissing
            + report.items.foundMissing + report.items.deferred + report.items.failed
        return valid == 0 ? 1 : Double(report.items.alreadyFresh + report.items.knownMissing) / Double(valid)
    }

    /// Writes the metrics to `path` through a temporary file and a rename, so the collector never reads half.
    package static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
