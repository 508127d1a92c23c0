import DialogCore
import Yams

/// One YAML file being read, with the diagnostics found in it so far. Reading never stops at the first problem,
/// so an author sees every mistake in one run.
final class YAMLDocument {
    let path: String
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String) {
        self.path = path
    }

    func location(_ node: Node?) -> SourceLocation {
        let mark = node?.mark
        return SourceLocation(file: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func error(_ node: Node?, _ message: String) { diagnostics.append(Diagnostic(.error, location(node), message)) }
    func error(at location: SourceLocation, _ message: String) { diagnostics.append(Diagnostic(.error, location, message)) }
    func warning(_ node: Node?, _ message: String) { diagnostics.append(Diagnostic(.warning, location(node), message)) }

    /// The pairs of a mapping, keyed by their string keys. Keys outside `allowed` are reported with a suggestion.
    func mapping(_ node: Node?, _ what: String, allowed: [String]? = nil) -> [(key: String, keyNode: Node, value: Node)] {
        guard let node else { return [] }
        guard case .mapping(let mapping) = node else {
            error(node, "\(what) must be a mapping of `key: value` lines")
            return []
        }
        var seen = Set<String>()
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                error(keyNode, "a key in \(what) must be plain text")
                continue
            }
            if !seen.insert(key).inserted {
                error(keyNode, "`\(key)` is given twice in \(what); keep one")
                continue
            }
            if let allowed, !allowed.contains(key) {
                let hint = Self.closest(key, in: allowed).map { "; did you mean `\($0)`?" } ?? "; expected one of \(allowed.map { "`\($0)`" }.joined(separator: ", "))"
                error(keyNode, "unknown key `\(key)` in \(what)\(hint)")
                continue
            }
            pairs.append((key, keyNode, value))
        }
        return pairs
    }

    func string(_ node: Node?, _ what: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node else {
            error(node, "\(what) must be a single line of text, not a list or mapping")
            return nil
        }
        return scalar.string
    }

    func integer(_ node: Node?, _ what: String) -> Int? {
        guard let text = string(node, what) else { return nil }
        guard let value = Int(text) else {
            error(node, "\(what) must be a whole number, found `\(text)`")
            return nil
        }
        return value
    }

    func bool(_ node: Node?, _ what: String) -> Bool? {
        guard let text = string(node, what) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error(node, "\(what) must be true or false, found `\(text)`")
            return nil
        }
    }

    func strings(_ node: Node?, _ what: String) -> [String] {
        guard let node else { return [] }
        switch node {
        case .scalar(let scalar): return [scalar.string]
        case .sequence(let sequence):
            return sequence.compactMap { string($0, "an entry of \(what)") }
        default:
            error(node, "\(what) must be a list, like [a, b]")
            return []
        }
    }

    /// Where a condition written in `node` starts, so an offset inside it points at the right column.
    func conditionStart(_ node: Node) -> SourceLocation {
        var location = location(node)
        if case .scalar(let scalar) = node, scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
            location = location.advanced(by: 1)
        }
        return location
    }

    static func closest(_ word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word, $0)) }.filter { $0.1 <= max(2, word.count / 3) }
        return scored.min { $0.1 < $1.1 }?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
