import LineEditor

/// Writes what the assistant says to standard output, laid out for whoever reads it.
///
/// At a terminal (interactive chat) a person reads it, so every line is folded to the terminal's width as it is now
/// (see `TextWrapper`): whole words, Chinese broken between characters, list items with hanging indents. Everywhere
/// else (`--plain`, a pipe, `run --script`) a program reads it and wraps for its own screen, so each logical line is
/// written as it is. (`serve` does not print through here at all: its texts are JSON strings.)
struct ReplyPrinter {
    enum Layout {
        /// Logical lines, as the dialog wrote them.
        case logicalLines
        /// Folded to the width of the terminal on standard output.
        case wrappedToTerminal
    }

    let layout: Layout

    /// Writes `text` and a newline; false when standard output is gone.
    @discardableResult
    func say(_ text: String) -> Bool {
        Console.out(laidOut(text))
    }

    /// Writes `pieces` one after the other and a newline, as `say` writes their concatenation: logical lines go out
    /// without the concatenation being made.
    @discardableResult
    func say(_ pieces: [String]) -> Bool {
        guard layout == .wrappedToTerminal else { return Console.out(pieces) }
        return say(pieces.joined())
    }

    func laidOut(_ text: String) -> String {
        guard layout == .wrappedToTerminal, let width = TerminalWidth.current() else { return text }
        return TextWrapper(width: width).wrap(text)
    }
}
