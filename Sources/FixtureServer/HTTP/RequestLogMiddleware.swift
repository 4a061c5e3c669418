import Foundation
import Hummingbird

/// Records every request but `/__log` with the status it got, and adds the configured latency before answering.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let state: FixtureServerState
    let latencyMilliseconds: Int

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if request.uri.path == FixtureRoutes.logPath {
            return try await next(request, context)
        }
        let arrival = state.now()
        if latencyMilliseconds > 0 {
            try await Task.sleep(for: .milliseconds(latencyMilliseconds))
        }
        let response = try await next(request, context)
        let path = request.uri.path
        await state.record(
            LoggedRequest(
                time: arrival,
                method: request.method.rawValue,
                path: request.uri.string,
                status: response.status.code,
                isAPIRequest: path == FixtureRoutes.apiPrefix || path.hasPrefix(FixtureRoutes.apiPrefix + "/"),
                service: FixtureService(path: path)))
        return response
    }
}
