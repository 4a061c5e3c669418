import Hummingbird

/// Turns errors Hummingbird throws (no such route, body too large) into Spotify's JSON error shape.
struct SpotifyErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            let message = error.status == .notFound ? "Service not found" : error.status.reasonPhrase
            return FixtureAnswer.apiError(error.status, message).response
        } catch {
            return FixtureAnswer.apiError(.internalServerError, "Server error").response
        }
    }
}
