import Foundation

/// The proxies the environment names, read as curl reads them: `https_proxy` for `https` URLs, `http_proxy` for
/// `http` ones (either in capitals too, the lower-case name first), and the hosts `no_proxy` lists go direct.
///
/// ```swift
/// let proxies = ProxySettings(environment: ["https_proxy": "http://proxy.lan:3128", "no_proxy": "localhost,.lan"])
/// proxies.proxy(for: URL(string: "https://api.spotify.com/v1/tracks")!)  // proxy.lan:3128
/// ```
package struct ProxySettings: Hashable, Sendable {
    /// A proxy server, with the credentials its URL carries.
    package struct Server: Hashable, Sendable {
        package var host: String
        package var port: Int
        package var user: String?
        package var password: String?
    }

    /// The proxy for each scheme, `http` and `https`.
    package var servers: [String: Server]
    /// Host names (a leading dot or none: the host and its subdomains) and `*` for every host.
    package var bypassed: [String]

    package init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        func value(_ name: String) -> String? {
            [environment[name], environment[name.uppercased()]].compactMap { $0 }.first { !$0.isEmpty }
        }
        servers = [:]
        for scheme in ["http", "https"] {
            if let server = value("\(scheme)_proxy").flatMap(Self.server) { servers[scheme] = server }
        }
        bypassed = (value("no_proxy") ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
    }

    /// The proxy a request to `url` goes through; nil when it goes direct.
    package func proxy(for url: URL) -> Server? {
        guard let scheme = url.scheme?.lowercased(), let server = servers[scheme] else { return nil }
        let host = (url.host ?? "").lowercased()
        for entry in bypassed {
            if entry == "*" { return nil }
            let domain = entry.hasPrefix(".") ? String(entry.dropFirst()) : entry
            if host == domain || host.hasSuffix("." + domain) { return nil }
        }
        return server
    }

    /// `http://user:password@proxy.lan:3128`, or `proxy.lan:3128` with no scheme, as curl takes it.
    private static func server(_ text: String) -> Server? {
        let withScheme = text.contains("://") ? text : "http://" + text
        guard let components = URLComponents(string: withScheme), let host = components.host, !host.isEmpty else {
            return nil
        }
        let port = components.port ?? (components.scheme?.lowercased() == "https" ? 443 : 80)
        return Server(host: host, port: port, user: components.user, password: components.password)
    }
}
