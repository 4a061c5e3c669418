/// An error answer of a shared tier's server (Redis's `-ERR`, a full server's OOM, a missing permission): the server
/// is reachable and refuses the command, which ``RedisOutage`` words apart from a server that does not answer.
package protocol CommandRefusal: Error {}
