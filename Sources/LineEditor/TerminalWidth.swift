import CEditLine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The width of the terminal that standard output shows on, for folding text with ``TextWrapper``.
///
/// It is asked of the terminal (`TIOCGWINSZ`) every time, which costs one system call: a window
/// resized (SIGWINCH) since the last reply is therefore always followed by the next one, without a
/// handler that would have to interrupt whatever the program is doing. (The line being edited is
/// redrawn on SIGWINCH by the editor itself.)
public enum TerminalWidth {
    /// The columns of the terminal on standard output; nil when it is not a terminal or does not say.
    public static func current() -> Int? {
        let columns = ce_terminal_columns(STDOUT_FILENO)
        return columns > 0 ? Int(columns) : nil
    }
}
