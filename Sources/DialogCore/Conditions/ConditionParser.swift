/// A problem in a condition's text, with the character offset where it was found.
public struct ConditionError: Error, Hashable, Sendable {
    public var message: String
    public var offset: Int
    public init(_ message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }
}

/// Parses the condition language: `==`, `!=`, `<`, `<=`, `>`, `>=`, `in [..]`, `is unknown`, `is known`, `is unsure`,
/// `and`, `or`, `not`, parentheses. `and` binds tighter than `or`.
public struct ConditionParser {
    private enum Token: Equatable {
        case word(String), number(Double), string(String), symbol(String), end
    }

    private var tokens: [(token: Token, offset: Int)] = []
    private var index = 0
    /// Open parentheses and `not`s around the current token.
    private var nesting = 0

    private mutating func enter(_ offset: Int) throws(ConditionError) {
        nesting += 1
        if nesting > Self.maximumNesting {
            throw ConditionError("this condition is nested more than \(Self.maximumNesting) levels deep; split it into flags", offset: offset)
        }
    }

    /// Conditions longer or deeper than these are refused: people write a few comparisons (a list goes in `in [..]`,
    /// a long rule into flags), and a bound keeps the recursive parser, checker and evaluator off the end of the stack.
    public static let maximumTokens = 512
    public static let maximumNesting = 32

    public static func parse(_ source: String) throws(ConditionError) -> Condition {
        var parser = ConditionParser()
        parser.tokens = try tokenize(source)
        if parser.tokens.count > maximumTokens {
            throw ConditionError("this condition is too long (more than \(maximumTokens) words and symbols); split it into flags", offset: parser.tokens[maximumTokens].offset)
        }
        let condition = try parser.parseOr()
        if case let (token, offset) = parser.current, token != .end {
            throw ConditionError("unexpected \(describe(token)) after a complete condition; join conditions with `and` or `or`", offset: offset)
        }
        return condition
    }

    private var current: (token: Token, offset: Int) { tokens[index] }

    private mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    private mutating func parseOr() throws(ConditionError) -> Condition {
        var left = try parseAnd()
        while current.token == .word("or") {
            advance()
            left = .or(left, try parseAnd())
        }
        return left
    }

    private mutating func parseAnd() throws(ConditionError) -> Condition {
        var left = try parseNot()
        while current.token == .word("and") {
            advance()
            left = .and(left, try parseNot())
        }
        return left
    }

    private mutating func parseNot() throws(ConditionError) -> Condition {
        if current.token == .word("not") {
            try enter(current.offset)
            defer { nesting -= 1 }
            advance()
            return .not(try parseNot())
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(ConditionError) -> Condition {
        let (token, offset) = current
        switch token {
        case .symbol("("):
            try enter(offset)
            defer { nesting -= 1 }
            advance()
            let inner = try parseOr()
            guard current.token == .symbol(")") else {
                throw ConditionError("expected `)` to close the `(` at column \(offset + 1)", offset: current.offset)
            }
            advance()
            return inner
        case .word(let name) where !Self.keywords.contains(name):
            advance()
            return try parseAfterName(name, offset: offset)
        case .end:
            throw ConditionError("the condition ends too early: expected a slot or flag name", offset: offset)
        default:
            throw ConditionError("expected a slot or flag name, found \(Self.describe(token))", offset: offset)
        }
    }

    private mutating func parseAfterName(_ name: String, offset: Int) throws(ConditionError) -> Condition {
        switch current.token {
        case .symbol(let op) where Condition.Comparison(rawValue: op) != nil:
            advance()
            let (literal, literalOffset) = try parseLiteral()
            return .compare(name, Condition.Comparison(rawValue: op)!, literal, offset: offset, literalOffset: literalOffset)
        case .symbol("="):
            throw ConditionError("`=` is not a comparison: write `==`", offset: current.offset)
        case .word("in"):
            advance()
            guard current.token == .symbol("[") else {
                throw ConditionError("expected `[` after `in`, as in `\(name) in [a, b]`", offset: current.offset)
            }
            advance()
            var literals: [Condition.Literal] = []
            var offsets: [Int] = []
            while true {
                let (literal, literalOffset) = try parseLiteral()
                literals.append(literal)
                offsets.append(literalOffset)
                if current.token == .symbol(",") { advance(); continue }
                if current.token == .symbol("]") { advance(); break }
                throw ConditionError("expected `,` or `]` in the list after `in`", offset: current.offset)
            }
            return .member(name, literals, offset: offset, literalOffsets: offsets)
        case .word("is"):
            advance()
            if current.token == .word("unknown") { advance(); return .known(name, isKnown: false, offset: offset) }
            if current.token == .word("known") { advance(); return .known(name, isKnown: true, offset: offset) }
            if current.token == .word("unsure") { advance(); return .unsure(name, offset: offset) }
            throw ConditionError("expected `unknown`, `known` or `unsure` after `is`", offset: current.offset)
        default:
            return .name(name, offset: offset)
        }
    }

    private mutating func parseLiteral() throws(ConditionError) -> (Condition.Literal, Int) {
        let (token, offset) = current
        switch token {
        case .word(let w) where !Self.keywords.contains(w):
            advance()
            return (.word(w), offset)
        case .number(let n):
            advance()
            return (.number(n), offset)
        case .string(let s):
            advance()
            return (.string(s), offset)
        default:
            throw ConditionError("expected a value, found \(Self.describe(token))", offset: offset)
        }
    }

    private static let keywords: Set<String> = ["and", "or", "not", "in", "is"]

    private static func describe(_ token: Token) -> String {
        switch token {
        case .word(let w): return "`\(w)`"
        case .number(let n): return "the number \(n)"
        case .string(let s): return "\"\(s)\""
        case .symbol(let s): return "`\(s)`"
        case .end: return "the end of the condition"
        }
    }

    private static func isWordCharacter(_ c: Character) -> Bool {
        c == "_" || c == "-" || c.isLetter || c.isNumber
    }

    private static func tokenize(_ source: String) throws(ConditionError) -> [(token: Token, offset: Int)] {
        let chars = Array(source)
        var result: [(token: Token, offset: Int)] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            let start = i
            if c == "\"" || c == "'" {
                i += 1
                var text = ""
                while i < chars.count, chars[i] != c { text.append(chars[i]); i += 1 }
                guard i < chars.count else { throw ConditionError("this quoted string is never closed", offset: start) }
                i += 1
                result.append((.string(text), start))
            } else if c.isASCII, c.isNumber || (c == "-" && i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isNumber) {
                i += 1
                while i < chars.count, chars[i].isASCII, chars[i].isNumber || chars[i] == "." { i += 1 }
                let text = String(chars[start..<i])
                guard let value = Double(text) else { throw ConditionError("`\(text)` is not a number", offset: start) }
                result.append((.number(value), start))
            } else if isWordCharacter(c) {
                while i < chars.count, isWordCharacter(chars[i]) { i += 1 }
                result.append((.word(String(chars[start..<i])), start))
            } else {
                let two = i + 1 < chars.count ? String(chars[i...i + 1]) : ""
                if ["==", "!=", "<=", ">="].contains(two) {
                    result.append((.symbol(two), start))
                    i += 2
                } else if "()[],<>=".contains(c) {
                    result.append((.symbol(String(c)), start))
                    i += 1
                } else if c == "!" {
                    throw ConditionError("`!` is not an operator here: write `not` or `!=`", offset: start)
                } else {
                    throw ConditionError("unexpected character `\(c)`", offset: start)
                }
            }
        }
        result.append((.end, chars.count))
        return result
    }
}
