import Foundation

/// What the process does with signals before any command runs.
///
/// - SIGPIPE is ignored, so a closed standard output is an `EPIPE` error the commands handle (the session ends with
///   an `end` record) instead of a silent death.
/// - SIGQUIT gets its default action back: the Swift runtime's crash reporter catches it and would print "Program
///   crashed" and a backtrace for a person's Ctrl-\. The commands that run sessions watch it themselves.
/// - Which of SIGINT, SIGHUP and SIGQUIT were ignored when the process started is noted first, so that what `nohup`
///   or a background job asked for stays so.
enum ProcessSignals {
    /// The session signals that were ignored when the process started, as a bit per signal number.
    nonisolated(unsafe) private static var ignoredAtStart: UInt64 = 0

    static func prepare() {
        for signo in [SIGINT, SIGHUP, SIGQUIT, SIGTERM] where isIgnored(signo) { ignoredAtStart |= 1 << UInt64(signo) }
        signal(SIGPIPE, SIG_IGN)
        if !wasIgnoredAtStart(SIGQUIT) { signal(SIGQUIT, SIG_DFL) }
    }

    /// Whether `signo` was ignored when ``prepare()`` ran (it runs first thing in `main`).
    static func wasIgnoredAtStart(_ signo: Int32) -> Bool {
        ignoredAtStart & (1 << UInt64(signo)) != 0
    }

    private static func isIgnored(_ signo: Int32) -> Bool {
        var action = sigaction()
        guard sigaction(signo, nil, &action) == 0 else { return false }
        return unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == 1  // SIG_IGN
    }
}
