/// A sentence in every language a dialog declares, keyed by language code (`zh-Hans`, `zh-Hant`, `en`).
public struct LocalizedText: Hashable, Codable, Sendable {
    public var byLanguage: [String: String]
    public var location: SourceLocation?

    public init(_ byLanguage: [String: String], location: SourceLocation? = nil) {
        self.byLanguage = byLanguage
        self.location = location
    }

    /// The text in `language`, falling back to `fallback` (the dialog's default language) and then to any text,
    /// so a session never shows nothing even if validation was skipped.
    public func text(in language: String, fallback: String? = nil) -> String {
        if let text = text(exactly: language) { return text }
        if let fallback, let text = text(exactly: fallback) { return text }
        return byLanguage.keys.sorted().first.flatMap { byLanguage[$0] } ?? ""
    }

    /// The text under `language`, found by comparing the few keys (short strings, compared as raw bits) rather than by
    /// hashing the language: every label, prompt and message of a turn is looked up here, ~8 times a turn.
    private func text(exactly language: String) -> String? {
        guard byLanguage.count <= 4 else { return byLanguage[language] }
        var index = byLanguage.startIndex
        while index != byLanguage.endIndex {
            if byLanguage.keys[index] == language { return byLanguage.values[index] }
            byLanguage.formIndex(after: &index)
        }
        return nil
    }
}

/// Phrases per language that all mean the same thing. The key `*` holds phrases for any language.
/// Every language's phrases are always listened for, whatever the session's language.
public struct PhraseList: Hashable, Codable, Sendable {
    public var byLanguage: [String: [String]]
    public var location: SourceLocation?

    public init(_ byLanguage: [String: [String]] = [:], location: SourceLocation? = nil) {
        self.byLanguage = byLanguage
        self.location = location
    }

    /// Every phrase, in a stable order.
    public var all: [String] { byLanguage.keys.sorted().flatMap { byLanguage[$0] ?? [] } }
    public var isEmpty: Bool { byLanguage.values.allSatisfy(\.isEmpty) }

    /// The phrases to offer a person speaking `language` (for completion and help): theirs first, then language-free ones.
    public func phrases(in language: String) -> [String] {
        (byLanguage[language] ?? []) + (byLanguage["*"] ?? [])
    }
}
