import Foundation

/// JSON Schemas (draft 2020-12) for the files of a dialog folder, written from `DialogKeys`, the table the parser
/// reads. Shipped in docs/schema and named by a `# yaml-language-server: $schema=…` line at the top of each file, so
/// an editor with the YAML language server completes keys and flags a misspelt one as it is typed. `check` stays the
/// judge of everything a schema cannot say (references, conditions, languages the manifest declares).
public enum DialogSchema {
    public enum Kind: String, CaseIterable, Sendable {
        /// `dialog.yaml`.
        case manifest
        /// A file `dialog.yaml` includes.
        case dialog
        /// A file of scripted conversations (`tests/*.yaml`).
        case test

        /// The file name under docs/schema.
        public var fileName: String {
            switch self {
            case .manifest: return "dialog-manifest.schema.json"
            case .dialog: return "dialog.schema.json"
            case .test: return "dialog-test.schema.json"
            }
        }
    }

    /// The schema as pretty-printed JSON with sorted keys, ending in a newline.
    public static func json(_ kind: Kind) -> String {
        let data = try! JSONSerialization.data(withJSONObject: schema(kind), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    public static func schema(_ kind: Kind) -> [String: Any] {
        let (table, title) = switch kind {
        case .manifest: (DialogKeys.manifest, "Notice Assistant dialog manifest (dialog.yaml)")
        case .dialog: (DialogKeys.file, "Notice Assistant dialog file")
        case .test: (DialogKeys.test, "Notice Assistant scripted conversation (tests/*.yaml)")
        }
        var root = object(table)
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        root["$id"] = "https://notice-assistant.invalid/schema/\(kind.fileName)"
        root["title"] = title
        root["$defs"] = definitions
        return root
    }

    /// A scalar the parser reads as text: YAML may type `12368` or `3000` as a number, which is still the text.
    private static let scalarText = ["string", "number"]

    private static var definitions: [String: Any] { [
        "text": [
            "description": "A text in every language the manifest declares.",
            "type": "object", "propertyNames": ["enum": DialogKeys.languages], "additionalProperties": ["type": scalarText],
        ] as [String: Any],
        "phrases": [
            "description": "Phrases: a list for any language, or a list per language.",
            "anyOf": [
                ["type": "array", "items": ["type": scalarText]],
                ["type": "object", "propertyNames": ["enum": DialogKeys.languages + ["*"]],
                 "additionalProperties": ["type": "array", "items": ["type": scalarText]]] as [String: Any],
            ],
        ] as [String: Any],
        "words": ["anyOf": [["type": scalarText], ["type": "array", "items": ["type": scalarText]]]],
        "condition": ["type": "string", "description": "A condition: `has_account == no and not scam_suspected` (Dialogs/README.md, Conditions)."],
    ] }

    private static func object(_ table: DialogKeys.Table) -> [String: Any] {
        var properties: [String: Any] = [:]
        for (key, shape) in table.keys { properties[key] = schema(of: shape) }
        var result: [String: Any] = ["type": "object", "properties": properties, "additionalProperties": false]
        if !table.required.isEmpty { result["required"] = table.required }
        return result
    }

    private static func schema(of shape: DialogKeys.Shape) -> [String: Any] {
        switch shape {
        case .text: return ["$ref": "#/$defs/text"]
        case .texts: return ["type": "array", "items": ["$ref": "#/$defs/text"]]
        case .phrases: return ["$ref": "#/$defs/phrases"]
        case .listPerLanguage:
            return ["type": "object", "propertyNames": ["enum": DialogKeys.languages],
                    "additionalProperties": ["type": "array", "items": ["type": scalarText]]]
        case .string: return ["type": scalarText]
        case .strings: return ["$ref": "#/$defs/words"]
        case .integer: return ["type": "integer"]
        case .boolean: return ["type": "boolean"]
        case .condition: return ["$ref": "#/$defs/condition"]
        case .oneOf(let words): return ["enum": words]
        case .next:
            return ["anyOf": [["type": scalarText], ["type": "array", "items": object(DialogKeys.transition)]]]
        case .table(let table): return object(table)
        case .ids(let inner): return ["type": "object", "additionalProperties": schema(of: inner)]
        case .scalarOrList:
            return ["anyOf": [["type": ["string", "number", "boolean"]], ["type": "array", "items": ["type": ["string", "number"]]]]]
        case .listOf(let shapes):
            return ["type": "array", "items": ["anyOf": shapes.map(schema(of:))]]
        }
    }
}
