import Hummingbird
import SwingCache

/// `GET /v1/{tracks,albums,artists}?ids=…` and `GET /v1/{tracks,albums,artists}/{id}` for one kind of entity.
struct CatalogEndpoint: Sendable {
    let kind: EntityKind
    let catalog: FixtureCatalog
    let developmentMode: Bool

    /// Fields a development-mode app does not see, removed at any depth of a single answer.
    static let developmentModeHiddenKeys: Set<String> = [
        "popularity", "available_markets", "linked_from", "label", "followers",
    ]

    /// The batch answer: `{"<kind>s":[…]}` in request order, `null` for missing ids; 403 in development mode.
    func batch(_ request: Request) -> FixtureAnswer {
        if developmentMode {
            return .apiError(.forbidden, "Forbidden")
        }
        let query = request.uri.queryParameters
        if let problem = Self.marketProblem(query["market"]) { return problem }
        guard let idList = query["ids"], !idList.isEmpty else {
            return .apiError(.badRequest, "Missing required parameter: ids")
        }
        let ids = idList.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard ids.count <= kind.batchLimit else {
            return .apiError(.badRequest, "Too many ids requested")
        }
        guard ids.allSatisfy(SpotifyIDText.isValid) else {
            return .apiError(.badRequest, "Invalid base62 id")
        }
        let entities = ids.map { catalog.entity(kind, id: $0) ?? .null }
        return .json([kind.plural: .array(entities)])
    }

    /// The single answer: the object itself, 404 when missing, trimmed in development mode.
    func single(_ request: Request, id: String) -> FixtureAnswer {
        if let problem = Self.marketProblem(request.uri.queryParameters["market"]) { return problem }
        guard SpotifyIDText.isValid(id) else {
            return .apiError(.badRequest, "Invalid base62 id")
        }
        guard let entity = catalog.entity(kind, id: id) else {
            return .apiError(.notFound, "Resource not found")
        }
        return .json(developmentMode ? entity.removingKeys(Self.developmentModeHiddenKeys) : entity)
    }

    /// A 400 for a `market` that is neither a country code nor `from_token`, as Spotify answers.
    static func marketProblem(_ market: Substring?) -> FixtureAnswer? {
        guard let market, !MarketCodes.isAcceptable(market) else { return nil }
        return .apiError(.badRequest, "Invalid market code")
    }
}
