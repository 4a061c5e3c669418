import ArgumentParser

/// The exit codes swingcache documents (sysexits.h).
enum ExitStatus: Int32 {
    case success = 0
    case failure = 1
    case usage = 64
    case badJobSpec = 65
    case serviceUnavailable = 69
    case notDoneYet = 75
    case badConfiguration = 77

    var exitCode: ExitCode { ExitCode(rawValue) }

    static let helpText = """
        Exit codes:
          0   done
          1   an unexpected error
          64  usage error (a flag or argument is wrong)
          65  a job spec is invalid (every problem printed as FILE:LINE:COLUMN: message)
          69  a service stayed unavailable after retries (cleanup, doctor: Redis unreachable)
          75  not done now, will be later: deferred, parked, another run holds the lock, the database is busy
          77  bad credentials or configuration, including an unusable database path (not a regular file,
              a second hard link, another program's database, a damaged file)
        """
}
