extension LineEditor {
    /// What one call to ``LineEditor/readLine(prompt:)`` produced.
    public enum Input: Sendable, Equatable {
        /// A finished line, already cleaned by ``InputCleaner``; `truncated` says its end was cut
        /// because it was longer than the cleaner's limit.
        case line(String, truncated: Bool)
        /// Ctrl-C. `discardedText` is true when the line held text, which is thrown away; on an empty
        /// line it is false, and the caller usually asks whether to quit.
        case interrupted(discardedText: Bool)
        /// Ctrl-D on an empty line, or the end of input.
        case endOfInput
        /// SIGTERM, SIGHUP or SIGQUIT arrived. The terminal is already restored; the caller should
        /// record the end of the session, call ``LineEditor/close()`` and exit, for example with
        /// ``LineEditor/exit(bySignal:)``. Every later read returns this again.
        case terminated(signal: Int32)
    }
}
