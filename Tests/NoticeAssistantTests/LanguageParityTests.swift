import Foundation
import NoticeAssistant
import Testing

/// The three languages say the same thing: for every text of notice-help, each language has the same holes
/// (`{platform}`), the same numbers (hotlines, hours, days, article numbers) and, for a remedy, the same steps.
/// A translation that drops "12378" from one language, or gives other hours, fails here.
struct LanguageParityTests {
    /// Every text of the dialog with one entry per place, and its wording in each language.
    static var entries: [(place: String, byLanguage: [String: String])] {
        let dialog = DialogSafetyTests.assistant.dialog
        var entries: [(String, [String: String])] = []
        func add(_ text: LocalizedText?, _ place: String) {
            if let text { entries.append((place, text.byLanguage)) }
        }
        for (id, message) in dialog.messages { add(message, "message \(id)") }
        for state in dialog.states {
            switch state.kind {
            case .say(let t), .advise(let t), .listen(let t), .ask(_, let t), .end(let t, _): add(t, "state \(state.id)")
            case .branch: break
            }
            for (n, reprompt) in state.reprompts.enumerated() { add(reprompt, "state \(state.id) reprompt \(n + 1)") }
            add(state.why, "state \(state.id) why")
            add(state.label, "state \(state.id) label")
        }
        for slot in dialog.slots {
            add(slot.label, "slot \(slot.id) label")
            add(slot.placeholder, "slot \(slot.id) placeholder")
            for value in slot.values { add(value.label, "slot \(slot.id) value \(value.id)") }
        }
        for flag in dialog.flags { add(flag.label, "flag \(flag.id)") }
        for remedy in dialog.remedies {
            add(remedy.title, "remedy \(remedy.id) title")
            add(remedy.prepare, "remedy \(remedy.id) prepare")
            add(remedy.channel, "remedy \(remedy.id) channel")
            let count = remedy.steps.values.map(\.count).max() ?? 0
            for n in 0..<count {
                var step: [String: String] = [:]
                for (language, steps) in remedy.steps where n < steps.count { step[language] = steps[n] }
                entries.append(("remedy \(remedy.id) step \(n + 1)", step))
            }
        }
        for draft in dialog.drafts { add(draft.title, "draft \(draft.id) title"); add(draft.text, "draft \(draft.id)") }
        for topic in dialog.topics { add(topic.answer, "topic \(topic.id)") }
        return entries
    }

    /// The numbers a text gives, as values: "22:00至次日8:00" and "between 22:00 and 08:00" both give 22, 0, 8, 0.
    /// A list item's own number ("1. ", "一、") is numbering, not a fact, and is left out.
    static func numbers(in text: String) -> [Int] {
        var numbers: [Int] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = Substring(line.drop { $0 == " " })
            if let end = rest.firstIndex(where: { !$0.isASCII || !$0.isNumber }), end > rest.startIndex, rest[end] == "." {
                rest = rest[rest.index(after: end)...]
            }
            var digits = ""
            for scalar in rest.unicodeScalars {
                if ("0"..."9").contains(scalar) {
                    digits.unicodeScalars.append(scalar)
                } else if !digits.isEmpty {
                    numbers.append(Int(digits.prefix(18)) ?? 0)
                    digits = ""
                }
            }
            if !digits.isEmpty { numbers.append(Int(digits.prefix(18)) ?? 0) }
        }
        return numbers.sorted()
    }

    @Test func everyTextIsInEveryLanguage() {
        let languages = Set(DialogSafetyTests.assistant.dialog.languages)
        let missing = Self.entries.filter { Set($0.byLanguage.keys) != languages }
        #expect(missing.isEmpty, "\(missing.map { "\($0.place): only \($0.byLanguage.keys.sorted())" }.joined(separator: "\n"))")
    }

    @Test func everyLanguageFillsTheSameHoles() {
        var failures: [String] = []
        for entry in Self.entries {
            let holes = entry.byLanguage.mapValues { Set(TemplateHoles.names(in: $0)) }
            if Set(holes.values).count > 1 { failures.append("\(entry.place): \(holes.mapValues { $0.sorted() })") }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func everyLanguageGivesTheSameNumbers() {
        var failures: [String] = []
        for entry in Self.entries {
            let numbers = entry.byLanguage.mapValues(Self.numbers)
            if Set(numbers.values).count > 1 {
                failures.append("\(entry.place): " + numbers.keys.sorted().map { "\($0) \(numbers[$0]!)" }.joined(separator: "; "))
            }
        }
        #expect(failures.isEmpty, "\(failures.count) texts differ:\n\(failures.joined(separator: "\n"))")
    }

    @Test func aNumberThatDiffersIsFound() {
        #expect(Self.numbers(in: "拨打12378，22:00至次日8:00") == Self.numbers(in: "call 12378 between 22:00 and 08:00"))
        #expect(Self.numbers(in: "晚上10点后") != Self.numbers(in: "after 22:00"))
        #expect(Self.numbers(in: "1. 拨打12378\n2. 写清楚") == Self.numbers(in: "一、拨打12378\n二、写清楚"))
    }
}
