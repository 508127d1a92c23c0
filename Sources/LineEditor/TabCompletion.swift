/// What the Tab key does with the text before the cursor and the caller's candidates.
///
/// Chinese is written without spaces, so the "word" before the cursor may hold more than the name
/// being completed ("我在优" when completing "优品商城"). A candidate therefore continues the longest
/// end of the word that it starts with, and only the candidates that continue the longest such end
/// are kept. This is pure so it can be tested without a terminal.
enum TabCompletion: Equatable {
    /// Insert this text at the cursor: the rest of the only candidate.
    case insert(String)
    /// Several candidates: insert their common continuation (possibly empty) and show them all.
    case list(insert: String, candidates: [String])
    /// No candidate continues the word.
    case nothing

    init(word: String, candidates: [String]) {
        let word = Array(word)
        var best = 0
        var matches: [(candidate: String, rest: Substring)] = []
        var seen = Set<String>()
        for candidate in candidates where !candidate.isEmpty && seen.insert(candidate).inserted {
            let overlap = Self.overlap(of: word, with: candidate)
            guard overlap > 0, overlap >= best else { continue }
            if overlap > best {
                best = overlap
                matches.removeAll()
            }
            matches.append((candidate, candidate.dropFirst(overlap)))
        }
        switch matches.count {
        case 0:
            self = .nothing
        case 1:
            self = matches[0].rest.isEmpty ? .nothing : .insert(String(matches[0].rest))
        default:
            self = .list(insert: Self.commonPrefix(matches.map(\.rest)), candidates: matches.map(\.candidate))
        }
    }

    /// The length of the longest end of `word` that `candidate` starts with.
    private static func overlap(of word: [Character], with candidate: String) -> Int {
        let start = Array(candidate.prefix(word.count))
        for length in stride(from: min(word.count, start.count), to: 0, by: -1)
        where word[(word.count - length)...].elementsEqual(start[..<length]) {
            return length
        }
        return 0
    }

    private static func commonPrefix(_ texts: [Substring]) -> String {
        guard var prefix = texts.first.map(Array.init) else { return "" }
        for text in texts.dropFirst() {
            let shared = zip(prefix, text).prefix { $0 == $1 }.count
            prefix.removeLast(prefix.count - shared)
        }
        return String(prefix)
    }
}
