import CEditLine

/// The signal handling a line editor needs, over the async-signal-safe state kept in C.
///
/// Why not libedit's own `EL_SIGNAL`: its handler resends each signal to the whole process group
/// (`kill(0, signo)`), which reaches the programs sharing our terminal session or pipeline, and a
/// SIGINT merely aborts the read, leaving the cursor inside the discarded line. Instead:
/// - SIGINT, SIGTERM, SIGHUP and SIGQUIT are caught for the editor's whole life, so a signal that
///   arrives while the caller is busy is reported at the next read instead of killing the process
///   before it can record the end of the session. A second one before the first was acted on takes
///   the default action, so a stuck program can still be stopped. One that was ignored when the
///   program started (under `nohup`, in a background job) stays ignored.
/// - SIGWINCH and SIGTSTP are caught only while reading; outside a read their defaults are right,
///   because the terminal is then in its ordinary mode.
/// - The editor reads through `ce_read_character`, which turns those flags into editor actions.
///
/// The state is one per process, so only one editor may exist at a time.
struct TerminalSignals {
    private var session = ce_session_handlers_t()
    private var reading = ce_read_handlers_t()
    private var catchingSession = false

    /// Starts catching the session signals and makes `editor` read through the signal-aware reader.
    mutating func attach(to editor: OpaquePointer) {
        catchingSession = ce_catch_session_signals(&session) == 0
        _ = ce_use_signal_aware_reader(editor)
    }

    /// Puts back the handlers that were in place before ``attach(to:)``.
    mutating func detach() {
        guard catchingSession else { return }
        ce_release_session_signals(&session)
        catchingSession = false
    }

    mutating func beginRead() {
        ce_catch_read_signals(&reading)
    }

    mutating func endRead() {
        ce_release_read_signals(&reading)
    }

    /// The termination signal that has arrived, if any; once set it stays set.
    var termination: Int32? {
        let signal = ce_termination_signal()
        return signal == 0 ? nil : signal
    }

    /// Whether a SIGINT arrived that no read has acted on; clears it.
    func takeInterrupt() -> Bool {
        ce_take_interrupt() != 0
    }

    /// Ends the process by `signal` with its default action, as if it had never been caught.
    static func die(by signal: Int32) -> Never {
        ce_die_by_signal(signal)
        // Only reached if the default action does not end the process (it was ignored when we started).
        _exit(128 + signal)
    }
}
