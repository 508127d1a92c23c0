import Foundation
import NoticeAssistant
import Testing

/// What notice-help says must fit the person it says it to. Every combination of the answers that decide who the
/// person is (the borrower, a relative, a guarantor, the holder of a recycled number; never borrowed, already paid, enrolled by a
/// promotion, really overdue) is given to the engine, and every remedy and every letter it would offer is read, in
/// every language, against what it must never say to that person.
struct DialogFitTests {
    static var assistant: Assistant { DialogSafetyTests.assistant }

    /// One person, as the answers they gave.
    struct Person: CustomStringConvertible {
        var values: [String: SlotValue]
        var description: String {
            values.keys.sorted().map { "\($0)=\(values[$0].map { "\($0)" } ?? "-")" }.joined(separator: " ")
        }
    }

    /// Every combination of the answers about who the person is and what happened (5,184 people; a scam changes
    /// only which letters are offered, and none is offered then).
    static let people: [Person] = {
        let axes: [(String, [SlotValue?])] = [
            ("role", [nil, .text("borrower"), .text("named"), .text("contact"), .text("guarantor"), .text("number_reuse")]),
            ("name_match", [nil, .no]),
            ("has_account", [nil, .yes, .no]),
            ("made_purchase", [nil, .yes, .no]),
            ("already_paid", [nil, .yes]),
            ("overdue", [nil, .yes, .no]),
            ("enrolled_promo", [nil, .yes]),
            ("contacts", [nil, .choices(["family"])]),
            ("harassment", [nil, .choices(["threats"])]),
            ("scam_signs", [.choices(["none"])]),
        ]
        var people = [Person(values: [:])]
        for (slot, values) in axes {
            people = people.flatMap { person in
                values.map { value in
                    var next = person
                    next.values[slot] = value
                    return next
                }
            }
        }
        return people
    }()

    /// Words that take the debt as the person's own: only for someone who said they are really overdue.
    static let admitsTheDebt: [String: [String]] = [
        "zh-Hans": ["我在贵平台的账户", "沟通还款事宜", "我的欠款信息", "透露您的欠款", "协商还款", "尽早和平台协商"],
        "zh-Hant": ["我在貴平台的帳戶", "溝通還款事宜", "我的欠款資訊", "透露您的欠款", "協商還款", "儘早和平台協商"],
        "en": ["my account with you", "discuss repayment", "disclose my debt", "never disclose your debt", "repayment plan",
               "talk to the lender early"],
    ]

    /// Words that say the person never used the service: false for someone who bought or was enrolled.
    static let deniesAnyUse: [String: [String]] = [
        "zh-Hans": ["从未在贵平台申请或使用过"],
        "zh-Hant": ["從未在貴平台申請或使用過"],
        "en": ["never applied for or used"],
    ]

    static let languages = ["zh-Hans", "zh-Hant", "en"]

    typealias Said = (situations: [String], drafts: [String], texts: [(String, String)])

    /// What every person is told, in every language: worked out once for all the tests. The texts depend on the
    /// answers only through which remedies and letters apply and the holes they fill ({contacts} among the answers
    /// varied here), so the Chinese texts are rendered once for each such outcome and shared.
    static let said: [(person: Person, language: String, said: Said)] = {
        var table: [(Person, String, Said)] = []
        var rendered: [String: [String: Said]] = [:]
        for person in people {
            let english = everythingSaid(to: person, in: "en")
            table.append((person, "en", english))
            let outcome = english.texts.map(\.0).joined(separator: ",") + "|" + "\(person.values["contacts"].map { "\($0)" } ?? "")"
            for language in languages where language != "en" {
                if rendered[outcome]?[language] == nil {
                    rendered[outcome, default: [:]][language] = everythingSaid(to: person, in: language)
                }
                let shared = rendered[outcome]![language]!
                table.append((person, language, (english.situations, english.drafts, shared.texts)))
            }
        }
        return table
    }()

    /// Everything the engine would offer `person` in `language`: every step of every remedy, and every letter.
    static func everythingSaid(to person: Person, in language: String) -> Said {
        var session = Session(dialogID: assistant.dialog.id, language: language)
        session.values = person.values.compactMapValues { $0 }
        let recommendation = assistant.engine.recommendation(for: session)
        var texts: [(String, String)] = []
        for item in recommendation.remedies {
            texts.append(("remedy \(item.id)", ([item.title] + item.steps).joined(separator: "\n")))
        }
        var drafts: [String] = []
        for case .draft(let id, _, let text) in assistant.engine.drafts(for: session) {
            drafts.append(id)
            texts.append(("draft \(id)", text))
        }
        return (recommendation.situations.map(\.id), drafts, texts)
    }

    @Test func nobodyWhoDidNotSayTheyOweIsToldTheDebtIsTheirs() {
        let failures = Self.texts(saying: Self.admitsTheDebt) { _, said in !said.situations.contains(where: { $0.hasPrefix("overdue_") }) }
        #expect(failures.isEmpty, "\(failures.count) texts, for example:\n\(failures.prefix(20).joined(separator: "\n"))")
    }

    @Test func nobodyWhoBoughtOrWasEnrolledIsMadeToSayTheyNeverUsedIt() {
        let failures = Self.texts(saying: Self.deniesAnyUse) { person, _ in
            person.values["made_purchase"] == .yes || person.values["enrolled_promo"] == .yes
        }
        #expect(failures.isEmpty, "\(failures.count) texts, for example:\n\(failures.prefix(20).joined(separator: "\n"))")
    }

    /// Every text said to the people `who` picks that holds one of `phrases` (by language), as a line of the failure.
    private static func texts(saying phrases: [String: [String]], to who: (Person, Said) -> Bool) -> [String] {
        var failures: [String] = []
        for (person, language, said) in Self.said where who(person, said) {
            for (place, text) in said.texts {
                for phrase in phrases[language]! where text.contains(phrase) {
                    failures.append("\(person) [\(language)] \(place) says “\(phrase)” (situations: \(said.situations))")
                }
            }
        }
        return failures
    }

    @Test func aThirdPartyIsOfferedOnlyTheLetterInTheirOwnVoice() {
        var failures: [String] = []
        for (person, language, said) in Self.said where language == "en" {
            let thirdParty = said.situations.contains("wrong_number") || said.situations.contains("borrower_contact")
            if thirdParty, said.drafts.contains(where: { $0 != "not_the_borrower" }) {
                failures.append("\(person): a third party is offered \(said.drafts)")
            }
            if !thirdParty, said.drafts.contains("not_the_borrower") {
                failures.append("\(person): “I am not the borrower” is offered to \(said.situations)")
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20).joined(separator: "\n"))")
    }

    /// Words that tell a person they owe nothing, or make them deny a signature: false for a guarantor or co-borrower,
    /// who may be liable depending on the contract they signed.
    static let deniesAGuarantee: [String: [String]] = [
        "zh-Hans": ["不是您欠的", "与这笔业务无关", "没有为它签过担保", "不用应诉", "不欠这笔钱", "从未在贵平台申请或使用过"],
        "zh-Hant": ["不是您欠的", "與這筆業務無關", "沒有為它簽過擔保", "不用應訴", "不欠這筆錢", "從未在貴平台申請或使用過"],
        "en": ["not your debt", "nothing to do with it", "never signed a guarantee", "do not have to respond",
               "do not owe this money", "never applied for or used"],
    ]

    /// Every place where what was said to `person` holds a phrase of `deniesAGuarantee`, as a failure line.
    static func guaranteeDenials(in said: Said, to person: Person, language: String) -> [String] {
        said.texts.flatMap { place, text in
            Self.deniesAGuarantee[language]!.filter { text.contains($0) }.map {
                "\(person) [\(language)] \(place) says “\($0)” (situations: \(said.situations))"
            }
        }
    }

    @Test func aGuarantorIsNeverToldTheDebtIsNotTheirsNorGivenALetterDenyingIt() {
        var failures: [String] = []
        for (person, language, said) in Self.said where person.values["role"] == .text("guarantor") {
            if language == "en" {
                if !said.situations.contains("guarantor") {
                    failures.append("\(person): situations \(said.situations) lack guarantor")
                }
                let others = said.situations.filter { ["wrong_number", "borrower_contact", "not_my_debt", "system_error",
                                                        "enrolled_unknowingly", "overdue_not_contacted",
                                                        "overdue_contacts_called"].contains($0) }
                if !others.isEmpty { failures.append("\(person): a guarantor is also \(others)") }
                if !said.drafts.allSatisfy({ ["guarantor_request", "complaint_outline"].contains($0) }) {
                    failures.append("\(person): a guarantor is offered \(said.drafts)")
                }
                if !said.drafts.contains("guarantor_request") {
                    failures.append("\(person): a guarantor is not offered guarantor_request (\(said.drafts))")
                }
            }
            failures += Self.guaranteeDenials(in: said, to: person, language: language)
        }
        #expect(failures.isEmpty, "\(failures.count) problems, for example:\n\(failures.prefix(20).joined(separator: "\n"))")
    }

    /// The borrower's husband or wife: every relative's combination of answers, with `borrower_spouse` yes. A court
    /// decides whether a spouse's loan is a joint marital debt, so a spouse is never told the debt is not theirs,
    /// never made to deny it or a signature, and is offered only their own letter.
    @Test func aSpouseIsNeverToldTheDebtIsNotTheirsNorGivenALetterDenyingIt() {
        var failures: [String] = []
        for var person in Self.people where person.values["role"] == .text("contact") {
            person.values["borrower_spouse"] = .yes
            for language in Self.languages {
                let said = Self.everythingSaid(to: person, in: language)
                if language == "en", !said.drafts.allSatisfy({ $0 == "spouse_request" }) || said.drafts.isEmpty {
                    failures.append("\(person): a spouse is offered \(said.drafts)")
                }
                failures += Self.guaranteeDenials(in: said, to: person, language: language)
            }
        }
        #expect(failures.isEmpty, "\(failures.count) problems, for example:\n\(failures.prefix(20).joined(separator: "\n"))")
    }

    @Test func someoneWhoseFamilyWasCalledIsAlwaysOfferedALetterToStopIt() {
        // The borrower's letter, the disputer's or the third party's: whoever they are, there is one.
        // A guarantor's letter asks for the contract and that the matter be mentioned to no one else.
        let stopLetters: Set = ["stop_third_party", "stop_contact_disputed", "not_the_borrower", "guarantor_request"]
        var failures: [String] = []
        for (person, language, said) in Self.said where language == "zh-Hans" && person.values["contacts"] != nil {
            if !said.drafts.contains(where: stopLetters.contains) {
                failures.append("\(person): no letter to stop the contact (offered \(said.drafts), situations \(said.situations))")
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20).joined(separator: "\n"))")
    }

    /// A slot whose values are phrases ("打给了亲友", "没有别人") is written behind a label ("通知方式：{channel}",
    /// "(so far: {contacts})"), so that any of its values reads as Chinese or English; and every value renders.
    @Test func everyLetterReadsWithEveryValueOfItsSlots() {
        let dialog = Self.assistant.dialog
        let choiceSlots = dialog.slots.filter { $0.kind == .choice }
        var failures: [String] = []
        for draft in dialog.drafts {
            for language in Self.languages {
                guard let template = draft.text.byLanguage[language] else {
                    failures.append("draft \(draft.id) has no \(language) text")
                    continue
                }
                for slot in choiceSlots where template.contains("{\(slot.id)}") {
                    for line in template.split(separator: "\n") where line.contains("{\(slot.id)}") {
                        let before = line[..<line.range(of: "{\(slot.id)}")!.lowerBound]
                        if !(before.hasSuffix("：") || before.hasSuffix(": ")) {
                            failures.append("draft \(draft.id) [\(language)]: `{\(slot.id)}` is not behind a label: \(line)")
                        }
                    }
                    for value in slot.values {
                        var session = Session(dialogID: dialog.id, language: language)
                        session.values[slot.id] = slot.multiple ? .choices([value.id]) : .choices([value.id])
                        let label = Self.assistant.engine.compiled.display(.choices([value.id]), of: slot.id, language: language)
                        let rendered = MessageRendererProbe.render(draft, session: session)
                        if !rendered.contains(label) || rendered.contains("{") {
                            failures.append("draft \(draft.id) [\(language)] with \(slot.id) = \(value.id): \(rendered.prefix(120))")
                        }
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}

/// Renders one letter for a session, whether or not it fits: the letter's own text with the session's answers.
enum MessageRendererProbe {
    /// One engine per letter, in a dialog in which that letter fits everyone, so that it can be rendered for any
    /// answers.
    static let engines: [String: Engine] = {
        var engines: [String: Engine] = [:]
        for draft in DialogFitTests.assistant.dialog.drafts {
            var dialog = DialogFitTests.assistant.dialog
            var alone = draft
            alone.condition = nil
            dialog.drafts = [alone]
            engines[draft.id] = Engine(CompiledDialog(dialog))
        }
        return engines
    }()

    static func render(_ draft: Draft, session: Session) -> String {
        for case .draft(_, _, let text) in engines[draft.id]?.drafts(for: session) ?? [] { return text }
        return ""
    }
}
