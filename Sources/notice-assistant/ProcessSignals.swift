import Foundation

/// What the process does with signals before any command runs.
///
/// - SIGPIPE is ignored, so a closed standard output is an `EPIPE` error the commands handle (the session ends with
///   an `end` record) instead of a silent death.
/// - SIGQUIT gets its default action back: the Swift runtime's crash reporter catches it and would print "Program
///   crashed" and a backtrace for a person's Ctrl-\. The commands that run sessions watch it themselves.
/// - A session signal that was ignored when the process started (`nohup` ignores SIGHUP; a shell's background job,
///   SIGINT and SIGQUIT) is left ignored: nothing here or in ``TerminationSignals`` changes it, so asking whether it
///   is ignored now tells whether it was at the start.
enum ProcessSignals {
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        if !isIgnored(SIGQUIT) { signal(SIGQUIT, SIG_DFL) }
    }

    /// Whether `signo` is ignored (`SIG_IGN`) now.
    static func isIgnored(_ signo: Int32) -> Bool {
        var action = sigaction()
        guard sigaction(signo, nil, &action) == 0 else { return false }
        return unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == 1  // SIG_IGN
    }
}
