import DialogCore
import Foundation
import Yams

/// Reads scripted conversations from YAML: a file may hold several, one per YAML document (`---`).
public enum ConversationTestLoader {
    /// Every `*.yaml` file under `folder/tests`, in name order. A missing tests folder is no tests, not an error.
    public static func loadAll(dialogFolder: URL) throws(DialogLoadFailure) -> [ConversationTest] {
        let folder = dialogFolder.appendingPathComponent("tests")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        var tests: [ConversationTest] = []
        var diagnostics: [Diagnostic] = []
        for file in files {
            do {
                tests += try load(file: folder.appendingPathComponent(file))
            } catch {
                diagnostics += error.diagnostics
            }
        }
        guard diagnostics.isEmpty else { throw DialogLoadFailure(diagnostics: diagnostics) }
        return tests
    }

    public static func load(file: URL) throws(DialogLoadFailure) -> [ConversationTest] {
        let path = DialogLoader.displayPath(file.path)
        let text: String
        do {
            text = try DialogLoader.readText(file.path)
        } catch {
            throw DialogLoadFailure(diagnostics: [Diagnostic(.error, error.location, error.message)])
        }
        let doc = YAMLDocument(path: path)
        var tests: [ConversationTest] = []
        // Document by document through `Parser.nextRoot()`: `compose_all`'s sequence ends quietly at a broken
        // document, which dropped every conversation after it from the run without a word.
        do {
            let parser = try Parser(yaml: text)
            while let root = try parser.nextRoot() {
                if let test = read(root, doc) { tests.append(test) }
            }
        } catch let error as YamlError {
            let diagnostic = YAMLSyntaxError.diagnostic(for: error, in: text, path: path)
            doc.error(at: diagnostic.location, diagnostic.message)
        } catch {
            doc.error(at: SourceLocation(file: path, line: 1, column: 1), "this is not valid YAML: \(error)")
        }
        let errors = doc.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { throw DialogLoadFailure(diagnostics: errors) }
        return tests
    }

    private static func read(_ root: Node, _ doc: YAMLDocument) -> ConversationTest? {
        let field = Dictionary(doc.mapping(root, "a test", allowed: DialogKeys.test.names).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        guard let name = doc.string(field["name"], "`name`") else {
            doc.error(root, "a test needs a `name`")
            return nil
        }
        guard case .sequence(let sequence) = field["turns"] else {
            doc.error(field["turns"] ?? root, "test `\(name)` needs `turns`: a list of `- user: …` entries")
            return nil
        }
        var turns: [ConversationTest.Turn] = []
        for entry in sequence {
            if case .scalar(let scalar) = entry {
                turns.append(ConversationTest.Turn(user: scalar.string, expect: nil, location: doc.location(entry)))
                continue
            }
            let turnField = Dictionary(doc.mapping(entry, "a turn", allowed: DialogKeys.turn.names).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            guard let user = doc.string(turnField["user"], "`user`") else {
                doc.error(entry, "a turn needs `user: <what the person types>`")
                continue
            }
            let expect = turnField["expect"].map { expectation($0, doc) }
            turns.append(ConversationTest.Turn(user: user, expect: expect, location: doc.location(entry)))
        }
        return ConversationTest(name: name, language: doc.string(field["language"], "`language`"),
                                languageLocation: field["language"].map(doc.location), turns: turns,
                                end: field["end"].map { expectation($0, doc) }, location: doc.location(root))
    }

    private static func expectation(_ node: Node, _ doc: YAMLDocument) -> ConversationTest.Expectation {
        let keys = DialogKeys.expectation.names
        var result = ConversationTest.Expectation(location: doc.location(node))
        /// Each entry of a list (or the one scalar), with where it is written.
        func names(_ node: Node, _ kind: ConversationTest.Reference.Kind) {
            let entries: [Node]
            switch node {
            case .sequence(let sequence): entries = Array(sequence)
            default: entries = [node]
            }
            for entry in entries {
                if case .scalar(let scalar) = entry {
                    result.references.append(.init(kind: kind, name: scalar.string, location: doc.location(entry)))
                }
            }
        }
        for (key, _, value) in doc.mapping(node, "an expectation", allowed: keys) {
            switch key {
            case "state":
                result.state = doc.string(value, "`state`")
                names(value, .state)
            case "says": result.says = doc.strings(value, "`says`")
            case "not_says": result.notSays = doc.strings(value, "`not_says`")
            case "situations":
                result.situations = doc.strings(value, "`situations`")
                names(value, .situation)
            case "remedies":
                result.remedies = doc.strings(value, "`remedies`")
                names(value, .remedy)
            case "not_remedies":
                result.notRemedies = doc.strings(value, "`not_remedies`")
                names(value, .remedy)
            case "ended": result.ended = doc.bool(value, "`ended`")
            case "slots":
                for (slot, slotKey, expected) in doc.mapping(value, "`slots`") {
                    result.references.append(.init(kind: .slot, name: slot, location: doc.location(slotKey)))
                    names(expected, .value(slot: slot))
                    switch expected {
                    case .sequence: result.slots.append((slot, .list(doc.strings(expected, "`\(slot)`").sorted())))
                    case .scalar(let scalar):
                        if scalar.style == .plain, let number = Double(scalar.string) {
                            result.slots.append((slot, .number(number)))
                        } else {
                            result.slots.append((slot, .word(scalar.string)))
                        }
                    default: doc.error(expected, "the expected value of `\(slot)` must be a word, a number or a list")
                    }
                }
            default: break
            }
        }
        return result
    }
}
