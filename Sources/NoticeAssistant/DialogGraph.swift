import DialogCore

/// A dialog's state graph drawn as text: Graphviz DOT or a Mermaid flowchart. States show what they do (a question
/// shows its label and the slots it asks), arrows carry their conditions (`else` for an arrow taken when the ones
/// before it did not hold), and end states list the remedies they can give.
///
/// ```swift
/// print(DialogGraph(dialog: assistant.dialog).mermaid())
/// ```
public struct DialogGraph: Sendable {
    public let dialog: Dialog
    public let language: String
    /// The remedies each end state gives on some path (`DialogExplorer.Report.remediesByEnd`); an end that names its
    /// `remedies` shows those when this has none for it.
    public let remediesByEnd: [String: Set<String>]

    public init(dialog: Dialog, language: String? = nil, remediesByEnd: [String: Set<String>] = [:]) {
        self.dialog = dialog
        self.language = language.flatMap { dialog.languages.contains($0) ? $0 : nil } ?? dialog.defaultLanguage
        self.remediesByEnd = remediesByEnd
    }

    /// One node: its id, its lines of text, its shape.
    struct Node {
        enum Shape { case say, question, branch, advise, end }
        var id: String
        var lines: [String]
        var shape: Shape
    }

    struct Edge {
        var from: String
        var to: String
        var label: String?
    }

    var nodes: [Node] {
        dialog.states.map { state in
            var lines = [state.id]
            let label = state.label.map { $0.text(in: language, fallback: dialog.defaultLanguage) }
            let shape: Node.Shape
            switch state.kind {
            case .say: shape = .say
            case .listen: shape = .question; lines.append("listen" + (label.map { ": \($0)" } ?? ""))
            case .ask(let slots, _):
                shape = .question
                lines.append((label.map { "\($0) — " } ?? "") + "ask " + slots.joined(separator: ", ")
                             + (state.alwaysAsk ? " (always)" : ""))
            case .branch: shape = .branch
            case .advise: shape = .advise; lines.append("first advice")
            case .end(_, let listed):
                shape = .end
                let remedies = remediesByEnd[state.id].map { Array($0) } ?? listed ?? []
                let ordered = dialog.remedies.map(\.id).filter(remedies.contains)
                lines.append(ordered.isEmpty ? "advice" : "advice: " + ordered.joined(separator: ", "))
            }
            return Node(id: state.id, lines: lines, shape: shape)
        }
    }

    var edges: [Edge] {
        dialog.states.flatMap { state in
            state.transitions.map { transition in
                let label = transition.condition?.source ?? (state.transitions.count > 1 ? "else" : nil)
                return Edge(from: state.id, to: transition.target, label: label)
            }
        }
    }

    /// Graphviz DOT: `notice-assistant graph --format dot | dot -Tsvg > dialog.svg`.
    public func dot() -> String {
        func quoted(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var out = ["digraph \(quoted(dialog.id)) {", "  rankdir=TB;", "  node [fontname=\"sans-serif\", fontsize=10];",
                   "  edge [fontname=\"sans-serif\", fontsize=9];"]
        for node in nodes {
            let shape: String
            switch node.shape {
            case .say: shape = "note"
            case .question: shape = "box, style=rounded"
            case .branch: shape = "diamond"
            case .advise: shape = "box, style=\"rounded,dashed\""
            case .end: shape = "box, style=\"rounded,bold\", peripheries=2"
            }
            // `\n` inside a DOT string is a line break of the label.
            let label = node.lines.map { quoted($0).dropFirst().dropLast() }.joined(separator: "\\n")
            out.append("  \(quoted(node.id)) [label=\"\(label)\", shape=\(shape)];")
        }
        out.append("  \"__start\" [shape=point, label=\"\"];")
        out.append("  \"__start\" -> \(quoted(dialog.start));")
        for edge in edges {
            out.append("  \(quoted(edge.from)) -> \(quoted(edge.to))" + (edge.label.map { " [label=\(quoted($0))]" } ?? "") + ";")
        }
        out.append("}")
        return out.joined(separator: "\n") + "\n"
    }

    /// A Mermaid flowchart, which GitHub renders inside a ```mermaid block.
    public func mermaid() -> String {
        // Mermaid reads quotes and some punctuation in labels; `#quot;` is its escape for a double quote.
        func text(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "#quot;") + "\"" }
        func id(_ s: String) -> String { "s_" + s.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined() }
        var out = ["flowchart TD", "  start((start)) --> \(id(dialog.start))"]
        for node in nodes {
            let label = text(node.lines.joined(separator: "<br/>"))
            switch node.shape {
            case .say: out.append("  \(id(node.id))[/\(label)/]")
            case .question: out.append("  \(id(node.id))(\(label))")
            case .branch: out.append("  \(id(node.id)){\(label)}")
            case .advise: out.append("  \(id(node.id))[[\(label)]]")
            case .end: out.append("  \(id(node.id))([\(label)])")
            }
        }
        for edge in edges {
            out.append("  \(id(edge.from)) -->" + (edge.label.map { "|\(text($0))|" } ?? "") + " \(id(edge.to))")
        }
        return out.joined(separator: "\n") + "\n"
    }
}
