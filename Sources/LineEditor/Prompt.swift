/// What the line editor shows before the cursor: visible text and an optional colour.
///
/// The colour is a presentation hint only: the editor applies it only when the `NO_COLOR`
/// environment variable is unset or empty and `TERM` is not `dumb`, and it never counts the colour
/// sequences in the prompt's width, so the cursor stays where the text ends.
///
/// ```swift
/// let prompt = Prompt("平台> ", color: .cyan)
/// ```
public struct Prompt: Sendable, Equatable {
    /// A foreground colour from the basic ANSI palette, which every colour terminal supports.
    public struct Color: Sendable, Equatable {
        /// The SGR parameters that select this colour.
        let selectGraphicRendition: String

        public static let red = Color(selectGraphicRendition: "31")
        public static let green = Color(selectGraphicRendition: "32")
        public static let yellow = Color(selectGraphicRendition: "33")
        public static let blue = Color(selectGraphicRendition: "34")
        public static let magenta = Color(selectGraphicRendition: "35")
        public static let cyan = Color(selectGraphicRendition: "36")
        /// Bold in the terminal's default colour.
        public static let bold = Color(selectGraphicRendition: "1")
    }

    /// The text shown; control characters and escape sequences in it are removed before display.
    public var text: String
    /// The colour of the text, if any.
    public var color: Color?

    public init(_ text: String, color: Color? = nil) {
        self.text = text
        self.color = color
    }
}
