import DialogFiles
import Foundation
import Testing
import Yams

/// The JSON Schemas in docs/schema are the ones the parser's key table gives, every file of Dialogs/ names its schema
/// on its first line and is valid by it.
struct SchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let schemaFolder = root.appendingPathComponent("docs/schema")

    @Test(arguments: DialogSchema.Kind.allCases)
    func theShippedSchemaIsTheOneTheKeyTableGives(_ kind: DialogSchema.Kind) throws {
        let shipped = try String(contentsOf: Self.schemaFolder.appendingPathComponent(kind.fileName), encoding: .utf8)
        #expect(shipped == DialogSchema.json(kind), "docs/schema/\(kind.fileName) is stale: run `notice-assistant schema --write docs/schema`")
    }

    /// Every YAML file under Dialogs/, with the schema it must name and satisfy.
    static var dialogFiles: [(file: URL, kind: DialogSchema.Kind)] {
        let dialogs = root.appendingPathComponent("Dialogs")
        let enumerator = FileManager.default.enumerator(at: dialogs, includingPropertiesForKeys: nil)
        var files: [(URL, DialogSchema.Kind)] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "yaml" else { continue }
            let kind: DialogSchema.Kind = url.lastPathComponent == "dialog.yaml" ? .manifest
                : url.deletingLastPathComponent().lastPathComponent == "tests" ? .test : .dialog
            files.append((url, kind))
        }
        return files.sorted { $0.0.path < $1.0.path }
    }

    @Test func everyFileOfDialogsNamesItsSchemaAndIsValidByIt() throws {
        let files = Self.dialogFiles
        #expect(files.count > 10)
        for (file, kind) in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let schemaPath = Self.schemaFolder.appendingPathComponent(kind.fileName).standardizedFileURL.path
            let firstLine = text.prefix { $0 != "\n" }
            let prefix = "# yaml-language-server: $schema="
            #expect(firstLine.hasPrefix(prefix), "\(file.path) does not start with \(prefix)…")
            let named = file.deletingLastPathComponent().appendingPathComponent(String(firstLine.dropFirst(prefix.count))).standardizedFileURL.path
            #expect(named == schemaPath, "\(file.path) names \(named), not \(schemaPath)")
            let schema = DialogSchema.schema(kind)
            let parser = try Parser(yaml: text)
            while let node = try parser.nextRoot() {
                let problems = SchemaValidator(root: schema).problems(node)
                #expect(problems.isEmpty, "\(file.path):\n\(problems.joined(separator: "\n"))")
            }
        }
    }

    @Test func aMisspeltKeyOrAWrongValueIsInvalid() throws {
        let validator = SchemaValidator(root: DialogSchema.schema(.dialog))
        let misspelt = try #require(try Yams.compose(yaml: "states:\n  start:\n    lable: {en: x}\n    end: {en: Bye}\n"))
        #expect(validator.problems(misspelt) == ["/states/start: `lable` is not allowed"])
        let wrong = try #require(try Yams.compose(yaml: "slots:\n  a:\n    type: yesnoo\n    label: {en: a}\n"))
        #expect(validator.problems(wrong) == ["/slots/a/type: `yesnoo` is not one of yesno, number, choice, text"])
        let fine = try #require(try Yams.compose(yaml: "states:\n  start:\n    ask: a\n    prompt: {en: A?}\n    limit: 2\n    next:\n      - when: a == yes\n        goto: done\n      - goto: done\n"))
        #expect(validator.problems(fine) == [])
    }
}

/// A validator for the part of JSON Schema the dialog schemas use: `$ref` (to `#/$defs/…`), `type`, `properties`,
/// `additionalProperties`, `required`, `items`, `enum`, `anyOf`, `propertyNames`. A YAML scalar has the type the YAML
/// 1.2 core schema gives it (what the YAML language server sees): `true`/`false` boolean, digits a number, a quoted
/// scalar a string.
struct SchemaValidator {
    let root: [String: Any]

    func problems(_ node: Node, _ schema: [String: Any]? = nil, at path: String = "") -> [String] {
        let schema = resolve(schema ?? root)
        var found: [String] = []
        let here = path.isEmpty ? "/" : path
        if let anyOf = schema["anyOf"] as? [[String: Any]] {
            if !anyOf.contains(where: { self.problems(node, $0, at: path).isEmpty }) {
                found.append("\(here): matches none of the allowed forms")
            }
        }
        if let types = schema["type"].map({ ($0 as? [String]) ?? [$0 as! String] }), !types.contains(where: { has(node, $0) }) {
            return found + ["\(here): expected \(types.joined(separator: " or "))"]
        }
        if let words = schema["enum"] as? [String] {
            if node.scalar.map({ !words.contains($0.string) }) ?? true {
                found.append("\(here): `\(node.scalar?.string ?? "?")` is not one of \(words.joined(separator: ", "))")
            }
        }
        if case .mapping(let mapping) = node {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (keyNode, value) in mapping {
                let key = keyNode.scalar?.string ?? "?"
                if let names = schema["propertyNames"] as? [String: Any], !self.problems(keyNode, names, at: path + "/" + key).isEmpty {
                    found.append("\(path)/\(key): the key is not allowed")
                }
                if let property = properties[key] as? [String: Any] {
                    found += self.problems(value, property, at: path + "/" + key)
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    found += self.problems(value, additional, at: path + "/" + key)
                } else if schema["additionalProperties"] as? Bool == false {
                    found.append("\(here): `\(key)` is not allowed")
                }
            }
            for key in schema["required"] as? [String] ?? [] where !mapping.keys.contains(where: { $0.scalar?.string == key }) {
                found.append("\(here): `\(key)` is required")
            }
        }
        if case .sequence(let sequence) = node, let items = schema["items"] as? [String: Any] {
            for (index, entry) in sequence.enumerated() { found += self.problems(entry, items, at: "\(path)/\(index)") }
        }
        return found
    }

    private func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String, ref.hasPrefix("#/$defs/") else { return schema }
        let definitions = root["$defs"] as? [String: Any] ?? [:]
        return definitions[String(ref.dropFirst("#/$defs/".count))] as? [String: Any] ?? [:]
    }

    private func has(_ node: Node, _ type: String) -> Bool {
        switch (node, type) {
        case (.mapping, "object"), (.sequence, "array"): return true
        case (.scalar(let scalar), _):
            let plain = scalar.style == .plain
            let text = scalar.string
            let isBool = plain && ["true", "false"].contains(text)
            let isNumber = plain && Double(text) != nil
            switch type {
            case "boolean": return isBool
            case "number": return isNumber
            case "integer": return plain && Int(text) != nil
            case "string": return !isBool && !isNumber
            default: return false
            }
        default: return false
        }
    }
}
