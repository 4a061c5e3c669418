/// The country codes generated entities list as `available_markets`, a realistic-length list like Spotify's own.
enum MarketCodes {
    static let all: [String] = [
        "AD", "AE", "AR", "AT", "AU", "BA", "BE", "BG", "BH", "BO", "BR", "BY", "CA", "CH", "CL", "CO", "CR", "CY",
        "CZ", "DE", "DK", "DO", "DZ", "EC", "EE", "EG", "ES", "FI", "FR", "GB", "GR", "GT", "HK", "HN", "HR", "HU",
        "ID", "IE", "IL", "IN", "IS", "IT", "JO", "JP", "KR", "KW", "KZ", "LB", "LI", "LT", "LU", "LV", "MA", "MC",
        "MD", "ME", "MK", "MT", "MX", "MY", "NI", "NL", "NO", "NZ", "OM", "PA", "PE", "PH", "PL", "PS", "PT", "PY",
        "QA", "RO", "RS", "SA", "SE", "SG", "SI", "SK", "SV", "TH", "TN", "TR", "TW", "UA", "US", "UY", "VN", "ZA",
    ]

    /// True for a value the `market` parameter accepts: two capital letters or `from_token`.
    static func isAcceptable(_ market: some StringProtocol) -> Bool {
        market == "from_token"
            || (market.utf8.count == 2 && market.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") })
    }
}
