import Foundation

/// The fenced examples of README.md and docs/*.md, read the way the documentation tests run them.
///
/// A block is one of:
/// - **console**: ```` ```console ````; `$ command` runs the command, the lines after it are what it prints, `> line` is
///   a line the command reads on stdin (several make a conversation), `[exit N]` is its exit status (else 0). In what
///   it prints, `…` stands for anything within a line, and a line that begins `…（` or `…(` is a comment about
///   output left out. Shown lines must appear in this order; output lines not shown may come between them.
/// - **commands**: ```` ```sh ```` after a line `<!-- doc-test: run -->`; every line is a command (a `  # comment` after
///   it is dropped) that must exit 0. A `sh` block is never run unmarked: a synopsis or a benchmark is not a test.
/// - **code**: ```` ```swift ````, `json`, `yaml`: source, not commands (the complete Swift example is compared with its
///   file by `ServeProcessTests`).
/// - **illustrative**: any block after a line `<!-- doc-test: illustrative, why -->`; not run. Every other block is
///   an error, so a new example is either run or says why not.
///
/// In a command, `notice-assistant` is the built program, `Scripts/run ARGS` is `notice-assistant ARGS` (the script
/// only builds first) and `swift run PRODUCT` is the built product.
struct DocumentationExample: CustomStringConvertible {
    enum Kind: Equatable {
        case console, commands, code, illustrative, unmarked(String)
    }

    var file: String
    var line: Int
    var kind: Kind
    var lines: [String]

    var description: String { "\(file):\(line)" }

    /// One `$ command` of a console block: its stdin and what it shows.
    struct Run {
        var command: String
        var input: [String] = []
        var shown: [String] = []
        var status: Int32 = 0
    }

    var runs: [Run] {
        var runs: [Run] = []
        for line in lines {
            if line.hasPrefix("$ ") {
                runs.append(Run(command: String(line.dropFirst(2))))
            } else if runs.isEmpty {
                continue
            } else if line.hasPrefix("> ") {
                runs[runs.count - 1].input.append(String(line.dropFirst(2)))
            } else if line.hasPrefix("< ") {
                runs[runs.count - 1].shown.append(String(line.dropFirst(2)))
            } else if line.hasPrefix("[exit "), line.hasSuffix("]"), let status = Int32(line.dropFirst(6).dropLast()) {
                runs[runs.count - 1].status = status
            } else {
                runs[runs.count - 1].shown.append(line)
            }
        }
        return runs
    }

    /// The commands of a `sh` block, without their trailing comments.
    var commands: [String] {
        lines.compactMap { line in
            var command = line
            if let comment = command.range(of: #"\s+#\s.*$"#, options: .regularExpression) { command.removeSubrange(comment) }
            command = command.trimmingCharacters(in: .whitespaces)
            return command.isEmpty || command.hasPrefix("#") ? nil : command
        }
    }

    /// Every fenced block of a Markdown file.
    static func read(_ url: URL, name: String) throws -> [DocumentationExample] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var examples: [DocumentationExample] = []
        var open: DocumentationExample?
        var marker: String?
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if var block = open {
                if line.hasPrefix("```") {
                    examples.append(block)
                    open = nil
                } else {
                    block.lines.append(line)
                    open = block
                }
                continue
            }
            if line.hasPrefix("```") {
                let info = line.dropFirst(3).trimmingCharacters(in: .whitespaces).components(separatedBy: " ").first ?? ""
                let kind: Kind
                if let marker, marker.hasPrefix("illustrative") {
                    kind = .illustrative
                } else if marker == "run", info == "sh" {
                    kind = .commands
                } else {
                    switch info {
                    case "console": kind = .console
                    case "swift", "json", "yaml": kind = .code
                    default: kind = .unmarked(info)
                    }
                }
                open = DocumentationExample(file: name, line: index + 1, kind: kind, lines: [])
                marker = nil
            } else if let found = line.range(of: #"^<!-- doc-test: (.*) -->$"#, options: .regularExpression) {
                marker = String(line[found].dropFirst("<!-- doc-test: ".count).dropLast(" -->".count))
            } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                marker = nil
            }
        }
        return examples
    }

    /// README.md and every docs/*.md, in order.
    static func all(root: URL) throws -> [DocumentationExample] {
        let docs = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
        return try (["README.md"] + docs).flatMap { try read(root.appendingPathComponent($0), name: $0) }
    }

    /// Whether an output line is what a shown line shows: equal, or, where the shown line has `…`, anything there.
    static func matches(_ shown: String, _ output: String) -> Bool {
        let shown = shown.trimmingTrailingWhitespace, output = output.trimmingTrailingWhitespace
        let pieces = shown.components(separatedBy: "…")
        guard pieces.count > 1 else { return shown == output }
        guard output.hasPrefix(pieces[0]) else { return false }
        var rest = output[output.index(output.startIndex, offsetBy: pieces[0].count)...]
        for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
            guard let found = rest.range(of: piece) else { return false }
            rest = rest[found.upperBound...]
        }
        return rest.hasSuffix(pieces[pieces.count - 1])
    }

    /// Whether a shown line is a comment about output left out.
    static func isComment(_ shown: String) -> Bool {
        shown.hasPrefix("…（") || shown.hasPrefix("…(") || shown.trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// The first shown line the output does not hold in order, or nil when it holds them all.
    static func firstMissing(_ shown: [String], in output: String) -> String? {
        let lines = output.components(separatedBy: "\n")
        var next = 0
        for line in shown where !isComment(line) {
            guard let found = lines[next...].firstIndex(where: { matches(line, $0) }) else { return line }
            next = found + 1
        }
        return nil
    }
}

extension String {
    fileprivate var trimmingTrailingWhitespace: String {
        var text = self
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
