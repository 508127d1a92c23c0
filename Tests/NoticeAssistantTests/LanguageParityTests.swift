import Foundation
@testable import DialogFiles
import NoticeAssistant
import Testing

/// The three languages say the same thing: `check` compares, for every text of a dialog (`Dialog.texts`, the one
/// list of where texts live), the holes each language fills (`{platform}`) and the numbers it gives (hotlines, hours,
/// days), and warns where they differ; a remedy's steps are as many in every language (an error). notice-help has
/// no such warning. A translation that drops "12378" from one language, or gives other hours, is caught.
struct LanguageParityTests {
    static var dialog: Dialog { DialogSafetyTests.assistant.dialog }

    @Test func noticeHelpSaysTheSameInEveryLanguage() {
        let warnings = DialogSafetyTests.assistant.warnings.map(\.description)
        #expect(warnings.isEmpty, "\(warnings.joined(separator: "\n"))")
        let differing = DialogValidator.translationsDiffer(Self.dialog.texts, languages: Self.dialog.languages) { _ in
            SourceLocation(file: "notice-help", line: 1, column: 1)
        }
        #expect(differing.isEmpty, "\(differing.map(\.message).joined(separator: "\n"))")
    }

    @Test func everyTextIsInEveryLanguage() {
        let languages = Set(Self.dialog.languages)
        var present: [TextPlace: Set<String>] = [:]
        for text in Self.dialog.texts { present[text.place, default: []].insert(text.language) }
        let missing = present.filter { $0.value != languages }.map { "\($0.key): only \($0.value.sorted())" }
        #expect(missing.isEmpty, "\(missing.sorted().joined(separator: "\n"))")
    }

    @Test func numbersAreReadAsValuesAndListNumbersAreLeftOut() {
        #expect(TextNumbers.values(in: "拨打12378，22:00至次日8:00") == TextNumbers.values(in: "call 12378 between 22:00 and 08:00"))
        #expect(TextNumbers.values(in: "晚上10点后") != TextNumbers.values(in: "after 22:00"))
        #expect(TextNumbers.values(in: "1. 拨打12378\n2. 写清楚") == TextNumbers.values(in: "一、拨打12378\n二、写清楚"))
    }

    @Test func aTranslationThatDropsAHotlineOrAHoleIsWarnedAbout() {
        let place = TextPlace(.remedy, "complain", "steps", index: 0)
        let texts = [
            DialogText(place: place, language: "zh-Hans", text: "拨打12378投诉{platform}", location: nil),
            DialogText(place: place, language: "en", text: "Complain about the platform", location: nil),
        ]
        let warnings = DialogValidator.translationsDiffer(texts, languages: ["zh-Hans", "en"]) { _ in
            SourceLocation(file: "remedies.yaml", line: 3, column: 3)
        }
        #expect(warnings.count == 2)
        #expect(warnings.contains { $0.message.contains("different numbers") && $0.message.contains("zh-Hans 12378") })
        #expect(warnings.contains { $0.message.contains("different holes") && $0.message.contains("{platform}") })
        #expect(warnings.allSatisfy { $0.severity == .warning })
    }
}
