import DialogCore
import Foundation
import Yams

/// A YAML syntax error placed where the author made the mistake. libyaml reports where it noticed the problem, which
/// is often the line after a badly indented one, and says nothing of tabs; the author needs the line to fix.
enum YAMLSyntaxError {
    /// The diagnostic for `error`, raised while parsing `text` (the file at `path`).
    static func diagnostic(for error: YamlError, in text: String, path: String) -> Diagnostic {
        let reported = DialogLoader.location(of: error, in: path)
        let said = "this is not valid YAML: \(DialogLoader.describe(error))"
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let last = min(max(reported.line, 1), lines.count)
        if let tab = firstTab(lines.prefix(last)) {
            return Diagnostic(.error, SourceLocation(file: path, line: tab.line, column: tab.column),
                              "a tab character in the indentation: YAML indents with spaces only; replace the tab with spaces")
        }
        if let misplaced = firstMisindented(lines.prefix(last + 5)), misplaced.line <= reported.line {
            let why = misplaced.siblings.map { "but the lines after it, in the same block, by \($0)" }
                ?? "which lines it up with no line above it"
            return Diagnostic(.error, SourceLocation(file: path, line: misplaced.line, column: misplaced.indent + 1),
                              "this line is indented by \(misplaced.indent) spaces, \(why); indent it like the other lines of its block (\(said))")
        }
        return Diagnostic(.error, reported, said)
    }

    /// The first tab before the text of a line (or anywhere on a line that holds only a key and a tab).
    private static func firstTab(_ lines: ArraySlice<Substring>) -> (line: Int, column: Int)? {
        for (offset, line) in lines.enumerated() {
            let leading = line.prefix { $0 == " " || $0 == "\t" || $0 == "-" }
            if let tab = leading.firstIndex(of: "\t") {
                return (offset + 1, line.distance(from: line.startIndex, to: tab) + 1)
            }
        }
        return nil
    }

    /// The first line indented like no line it could belong to: in a block-style YAML file every line is indented
    /// like a line above it that it continues, or deeper than a line that opens a block. Deeper lines after a line
    /// that opens nothing continue its text and are not judged. When the line that opened a block disagrees with
    /// the two lines after it, which agree with each other, the odd one out is the opening line.
    static func firstMisindented(_ lines: ArraySlice<Substring>) -> (line: Int, indent: Int, siblings: Int?)? {
        struct Level { var indent: Int; var line: Int }
        let content = lines.enumerated().compactMap { offset, line -> (line: Int, indent: Int, text: Substring)? in
            let indent = line.prefix { $0 == " " }.count
            let text = line.dropFirst(indent)
            return text.isEmpty || text.hasPrefix("#") ? nil : (offset + 1, indent, text)
        }
        var open: [Level] = []
        var previousOpens = true
        var quote: Character?
        var blockText: Int?
        func blame(_ position: Int, _ popped: [Level]) -> (line: Int, indent: Int, siblings: Int?) {
            let (number, indent, _) = content[position]
            let previous = position > 0 ? content[position - 1] : nil
            let next = position + 1 < content.count ? content[position + 1] : nil
            guard let previous, let next, popped.contains(where: { $0.line == previous.line }) else { return (number, indent, nil) }
            if next.indent == indent { return (previous.line, previous.indent, indent) }
            // The opening line of a block (a `- ` entry, say) that the line after next does not line up with either,
            // coming back between it and the block around it: the opening line is the odd one out.
            let opened = (open + popped).filter { $0.line == previous.line }.map(\.indent).min() ?? previous.indent
            let around = open.filter { $0.indent < opened }.map(\.indent).max() ?? -1
            if next.indent > around, next.indent < opened { return (previous.line, previous.indent, next.indent) }
            return (number, indent, nil)
        }
        for (position, entry) in content.enumerated() {
            let (number, indent, text) = entry
            // Inside a quoted text that goes on over several lines, indentation means nothing.
            if let open = quote {
                if text.trimmingCharacters(in: .whitespaces).last == open { quote = nil }
                continue
            }
            // The lines of a block text (`|`, `>`) hold anything, as long as they are deeper than its key.
            if let key = blockText {
                if indent > key { continue }
                blockText = nil
            }
            // What the line itself opens: `key:` at its end, or a `- ` item whose text starts two columns in.
            let itemContent = text.hasPrefix("- ") ? indent + 2 + text.dropFirst(2).prefix { $0 == " " }.count : nil
            let body = text.split(separator: " #", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            let value = body.range(of: ": ").map { body[$0.upperBound...].trimmingCharacters(in: .whitespaces) }
                ?? (body.hasPrefix("- ") ? String(body.dropFirst(2)) : "")
            if let first = value.first, first == "'" || first == "\"", value.count == 1 || value.last != first { quote = first }
            if let first = value.first, first == "|" || first == ">" { blockText = indent }
            if let top = open.last, indent > top.indent {
                guard previousOpens else {
                    // A deeper line after one that opens nothing continues its text, unless it is a `key: value`,
                    // which no plain text may hold.
                    if body.range(of: #"^[^'"\[{#-][^:]*:( |$)"#, options: .regularExpression) != nil {
                        let popped = open.filter { $0.line == content[max(position - 1, 0)].line }
                        return blame(position, popped)
                    }
                    continue
                }
                open.append(Level(indent: indent, line: number))
            } else if open.isEmpty {
                open.append(Level(indent: indent, line: number))
            } else {
                var popped: [Level] = []
                while let top = open.last, top.indent > indent { popped.append(open.removeLast()) }
                if open.last?.indent != indent { return blame(position, popped) }
            }
            if let itemContent { open.append(Level(indent: itemContent, line: number)) }
            previousOpens = body.hasSuffix(":") || body == "-"
        }
        return nil
    }
}
