import Foundation
import Hummingbird
import SwingCache

/// The fake server's routes: the Accounts token endpoint, the Web API under `/v1`, the enrichment services under
/// their own prefixes (`/lastfm`, `/musicbrainz`, `/listenbrainz`, `/deezer`, `/odesli`), and `/__log` for tests.
enum FixtureRoutes {
    static let apiPrefix = "/v1"
    static let logPath = "/__log"

    /// A router answering like Spotify's Accounts service and Web API and the enrichment services, backed by `state`,
    /// `catalog` and the listening `history`.
    static func router(
        options: FixtureServerOptions, state: FixtureServerState, catalog: FixtureCatalog, history: FixtureHistory
    ) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: RequestLogMiddleware(state: state, latencyMilliseconds: options.latencyMilliseconds))
        router.add(middleware: SpotifyErrorMiddleware())

        router.get(RouterPath(logPath)) { _, _ in
            let log = await state.loggedRequests()
            let body = try LoggedRequest.makeEncoder().encode(log)
            return FixtureAnswer(status: .ok, body: Array(body)).response
        }

        let token = TokenEndpoint(options: options, state: state)
        router.post("/api/token") { request, _ in
            try await token.answer(request).response
        }

        let gate = APIGate(options: options, state: state)
        for kind in EntityKind.allCases {
            let endpoint = CatalogEndpoint(kind: kind, catalog: catalog, developmentMode: options.developmentMode)
            router.get(RouterPath("\(apiPrefix)/\(kind.plural)")) { request, _ in
                try await gate.answer(request) { endpoint.batch(request) }.response
            }
            router.get(RouterPath("\(apiPrefix)/\(kind.plural)/:id")) { request, context in
                let id = context.parameters.get("id") ?? ""
                return try await gate.answer(request) { endpoint.single(request, id: id) }.response
            }
        }

        let search = SearchEndpoint(catalog: catalog, developmentMode: options.developmentMode)
        router.get(RouterPath("\(apiPrefix)/search")) { request, _ in
            try await gate.answer(request) { search.answer(request) }.response
        }
        addEnrichmentRoutes(to: router, options: options, state: state, catalog: catalog, history: history)
        return router
    }
}
