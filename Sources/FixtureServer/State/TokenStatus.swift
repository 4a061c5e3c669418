/// What the server knows of a bearer token, which decides the 401 message Spotify would give.
enum TokenStatus: Sendable, Equatable {
    case valid
    case expired
    case unknown
}
