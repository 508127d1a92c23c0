import DialogCore

/// A scripted conversation that checks a dialog: the person's lines, and what must hold after each and at the end.
public struct ConversationTest: Sendable {
    /// What must hold after one line, or at the end.
    public struct Expectation: Sendable {
        public var state: String?
        public var slots: [(slot: String, value: ExpectedValue)] = []
        public var says: [String] = []
        public var notSays: [String] = []
        /// Exactly these situations hold (nil: not checked).
        public var situations: [String]?
        /// Recommended, in this relative order.
        public var remedies: [String] = []
        public var notRemedies: [String] = []
        /// `quit` when the conversation must have ended by the person's choice.
        public var ended: Bool?
        public var location: SourceLocation
        /// Every name the expectation refers to, with where it is written, to check it against the dialog.
        public var references: [Reference] = []
    }

    /// A name a test refers to (a state, a slot and the value it expects, a situation, a remedy) and where.
    public struct Reference: Sendable {
        public enum Kind: Sendable, Equatable {
            case state, slot, situation, remedy
            /// A value expected of `slot`.
            case value(slot: String)
        }

        public var kind: Kind
        public var name: String
        public var location: SourceLocation
    }

    /// A value a slot must hold, as written in the test.
    public enum ExpectedValue: Sendable, Equatable, CustomStringConvertible {
        case word(String)
        case number(Double)
        case list([String])

        public var description: String {
            switch self {
            case .word(let w): return w
            case .number(let n): return n.rounded() == n ? String(Int(n)) : String(n)
            case .list(let l): return "[" + l.joined(separator: ", ") + "]"
            }
        }
    }

    public struct Turn: Sendable {
        public var user: String
        public var expect: Expectation?
        public var location: SourceLocation
    }

    public var name: String
    public var language: String?
    public var languageLocation: SourceLocation?
    public var turns: [Turn]
    public var end: Expectation?
    public var location: SourceLocation
}
