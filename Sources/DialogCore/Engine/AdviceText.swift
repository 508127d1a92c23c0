/// The advice as a person reads it, on a phone, frightened: never everything at once.
///
/// - `brief`, the first screen: the situation in a sentence and the first (at most three) steps in short.
/// - `rest(after:)`, what `more` shows next: the next few steps not yet listed, in short, and how to open one.
/// - `step(_:)`, one step opened by its number: every instruction, what to prepare, where to go, why it applies.
/// - `details`, the whole list (`all`, or `more` once the rest is shown): every step in full, the reasons once.
/// - `reasons`, what `why` says after the advice: which answers led to which steps.
///
/// A step in short is its title and its `short` sentence (or, without one, its key steps, `Remedy.keySteps`); the
/// safety lines of the steps on a screen (`Remedy.safety`) follow them once, in one line, so "pay only in the
/// official app" is said once and not under every step, and never only in the long form.
///
/// Each form renders only the remedies it shows, when it is read: `more`, one step or `why` after the advice no
/// longer render every step of every remedy to show a few of them (the advice turn's ~300k instructions, again).
struct AdviceText {
    /// How many remedies the first screen shows.
    static let firstCount = 3
    /// How many more each `more` lists: a phone screen of them, not all the rest of a long advice…
    static let batchCount = 4
    /// …stretched by this many rather than leave so few for a screen of their own.
    static let batchStretch = 2

    let renderer: MessageRenderer
    var situations: [Recommendation.Situation]
    /// The remedies that hold, most urgent first: indexes into the dialog's remedies.
    let remedies: [Int]
    /// Per remedy of `remedies`, the answers that made it apply, as "label: value".
    let reasonsByItem: [[String]]
    /// What fills the remedies' holes: the session's values, and for a slot nobody named its `unnamed` words.
    let values: [String: SlotValue]
    let unnamed: [String: String]

    /// How many steps the advice has.
    var count: Int { remedies.count }

    /// Every step, its body (instructions, what to prepare, where to go) rendered when first read: what the advice
    /// event carries.
    var items: [Recommendation.Item] {
        remedies.indices.map { index in
            Recommendation.Item(id: renderer.dialog.remedies[remedies[index]].id, title: title(index),
                                reasons: reasonsByItem[index], rendering: index, of: self)
        }
    }

    private var chinese: Bool { renderer.language.hasPrefix("zh") }

    /// Step `index` (from 0) rendered whole: its title, every instruction, what to prepare, where to go, why it applies.
    func item(_ index: Int) -> Recommendation.Item {
        let body = body(index)
        return Recommendation.Item(id: renderer.dialog.remedies[remedies[index]].id, title: title(index), steps: body.steps,
                                   prepare: body.prepare, channel: body.channel, reasons: reasonsByItem[index])
    }

    /// The title of step `index` (from 0).
    private func title(_ index: Int) -> String {
        renderer.text(renderer.dialog.remedies[remedies[index]].title, unnamed)
    }

    /// Step `index`'s instructions, what to prepare and where to go, rendered.
    func body(_ index: Int) -> Recommendation.Item.Body {
        let r = renderer
        let remedy = r.dialog.remedies[remedies[index]]
        return Recommendation.Item.Body(
            steps: instructions(of: remedy).map { r.template($0, unnamed, values: values) },
            prepare: remedy.prepare.map { r.text($0, unnamed, values: values) },
            channel: remedy.channel.map { r.text($0, unnamed, values: values) })
    }

    /// A remedy's instructions in the session's language, holes not yet filled.
    private func instructions(of remedy: Remedy) -> [String] {
        remedy.steps[renderer.language] ?? remedy.steps[renderer.dialog.defaultLanguage] ?? []
    }

    /// The first screen.
    var brief: String {
        let r = renderer
        var text = ""
        // The situation and "what to do first" share the first line, so that the first step is the second.
        if !situations.isEmpty {
            text += situationSentence
            if !chinese { text += " " }
        }
        text += r.message(.firstSteps)
        let shown = remedies.indices.prefix(Self.firstCount)
        for n in shown {
            text += "\n"
            text += short(n)
        }
        appendSafety(of: shown, saidBefore: 0..<0, to: &text)
        let rest = count - Self.firstCount
        if rest > 0 {
            text += "\n" + r.message(.moreHint, ["count": String(rest)])
        } else if !remedies.isEmpty {
            text += "\n" + r.message(.stepHint, ["number": "1"])
        }
        return text
    }

    /// The next few steps after the first `listed`, in short, how many are left and how to open one or see
    /// everything: what `more` shows. Nil when every step has been listed.
    func rest(after listed: Int) -> (text: String, listed: Int)? {
        guard listed >= 0, listed < count else { return nil }
        let r = renderer
        var end = min(listed + Self.batchCount, count)
        if count - end <= Self.batchStretch { end = count }
        var text = r.message(.restHeader)
        for n in listed..<end {
            text += "\n"
            text += short(n)
        }
        appendSafety(of: listed..<end, saidBefore: 0..<listed, to: &text)
        if end < count {
            text += "\n"
            text += r.message(.restLeft, ["count": String(count - end)])
        }
        text += "\n"
        text += r.message(.restFooter, ["number": String(listed + 1)])
        return (text, end)
    }

    /// Step `number` (from 1) in full, with what made it apply; nil when the advice has no such step.
    func step(_ number: Int) -> String? {
        guard remedies.indices.contains(number - 1) else { return nil }
        let r = renderer
        let item = item(number - 1)
        var text = r.message(.stepHeader, ["number": String(number), "title": item.title])
        appendBody(of: item, indent: "", to: &text)
        if !item.reasons.isEmpty {
            text += "\n"
            text += r.message(.because, ["reasons": item.reasons.joined(separator: chinese ? "；" : "; ")])
        }
        if count > 1 {
            text += "\n"
            text += r.message(.stepFooter, ["count": String(count)])
        }
        return text
    }

    /// A step number the advice does not have, answered.
    var noSuchStep: String { renderer.message(.stepUnknown, ["count": String(count)]) }

    /// Everything, ranked: every step in full, then once the answers it rests on. What `all` shows.
    var details: String { details(of: items) }

    /// The same, of the steps already rendered (`items`).
    func details(of items: [Recommendation.Item]) -> String {
        let r = renderer
        var text = ""
        if !situations.isEmpty {
            text += situationSentence
            text += "\n\n"
        }
        text += r.message(.remediesHeader)
        for (n, item) in items.enumerated() {
            // Piece by piece: each `+` of a long expression built a temporary String.
            text += "\n\n"
            text += String(n + 1)
            text += ". "
            text += item.title
            appendBody(of: item, indent: "   ", to: &text)
        }
        var reasons: [String] = []
        for itemReasons in reasonsByItem {
            for reason in itemReasons where !reasons.contains(reason) { reasons.append(reason) }
        }
        if !reasons.isEmpty {
            text += "\n\n"
            text += r.message(.because, ["reasons": reasons.joined(separator: chinese ? "；" : "; ")])
        }
        return text
    }

    /// Which answers led to which steps, and which steps anyone in the situation should take: `why` after the advice.
    var reasons: String {
        let r = renderer
        var reasons: [(reason: String, steps: [Int])] = []
        var general: [Int] = []
        for (n, itemReasons) in reasonsByItem.enumerated() {
            if itemReasons.isEmpty { general.append(n + 1) }
            for reason in itemReasons {
                if let index = reasons.firstIndex(where: { $0.reason == reason }) {
                    reasons[index].steps.append(n + 1)
                } else {
                    reasons.append((reason, [n + 1]))
                }
            }
        }
        var lines: [String] = []
        if !reasons.isEmpty {
            lines.append(r.message(.whyAdvice))
            for (reason, steps) in reasons {
                lines.append(r.message(.whyAdviceReason, ["reason": reason, "steps": stepNumbers(steps)]))
            }
        }
        if !general.isEmpty { lines.append(r.message(.whyAdviceGeneral, ["steps": stepNumbers(general)])) }
        return lines.joined(separator: "\n")
    }

    // MARK: - Pieces

    private var situationSentence: String {
        renderer.message(.situationsSentence, ["situations": situations.map(\.label).joined(separator: chinese ? "；" : "; ")])
    }

    /// The safety lines of the steps `shown`, each once and in one line, leaving out those an earlier screen (the
    /// steps `saidBefore`) already said: "切记：只在官方App里还钱；验证码不告诉任何人。"
    private func appendSafety(of shown: Range<Int>, saidBefore: Range<Int>, to text: inout String) {
        guard renderer.dialog.messages[MessageID.safetyReminder.rawValue] != nil else { return }
        // Only the steps on this screen and before it: their lines are short messages, rendered here.
        let all = renderer.dialog.remedies
        func safetyLines(of n: Int) -> [String] {
            all[remedies[n]].safety.map { renderer.text(renderer.dialog.messages[Remedy.safetyMessage($0)]) }
        }
        var said: Set<String> = []
        for n in saidBefore { said.formUnion(safetyLines(of: n)) }
        var lines: [String] = []
        for n in shown {
            for line in safetyLines(of: n) where !said.contains(line) && !lines.contains(line) { lines.append(line) }
        }
        guard !lines.isEmpty else { return }
        text += "\n"
        text += renderer.message(.safetyReminder, ["lines": lines.joined(separator: chinese ? "；" : "; ")])
    }

    /// Step `index` (from 0) in short: "2. title: its short sentence" (or its key sentences). Renders only those.
    private func short(_ index: Int) -> String {
        let r = renderer
        let remedy = r.dialog.remedies[remedies[index]]
        var text = String(index + 1)
        text += ". "
        text += r.text(remedy.title, unnamed)
        if let short = remedy.short.map({ r.text($0, unnamed, values: values) }), !short.isEmpty {
            text += chinese ? "：" : ": "
            text += short
            return text
        }
        // The key sentences of a remedy in the advice (its first step, unless the dialog names others).
        let instructions = instructions(of: remedy)
        let keys = remedy.keyStepIndexes(among: instructions.count).map { r.template(instructions[$0], unnamed, values: values) }
        if !keys.isEmpty {
            text += chinese ? "：" : ": "
            text += keys.joined(separator: chinese ? "" : " ")
        }
        return text
    }

    /// Every instruction, what to prepare and where to go, each on a line of its own after `indent`.
    private func appendBody(of item: Recommendation.Item, indent: String, to text: inout String) {
        let r = renderer
        for step in item.steps {
            text += "\n"
            text += indent
            text += "- "
            text += step
        }
        if let prepare = item.prepare, !prepare.isEmpty {
            text += "\n"
            text += indent
            text += Self.spaced(r.message(.prepareLabel))
            text += prepare
        }
        if let channel = item.channel, !channel.isEmpty {
            text += "\n"
            text += indent
            text += Self.spaced(r.message(.channelLabel))
            text += channel
        }
    }

    /// Step numbers in running text: "第2、3步", "step 2", "steps 2, 3 and 5".
    private func stepNumbers(_ numbers: [Int]) -> String {
        let r = renderer
        let words = numbers.map(String.init)
        var joined = words.dropLast().joined(separator: r.message(.listSeparator))
        if words.count > 1 { joined += r.message(.listLastSeparator) }
        joined += words.last ?? ""
        return r.message(words.count == 1 ? .stepNumberOne : .stepNumbers, ["numbers": joined])
    }

    /// A label such as "Where:" followed by a space, unless it ends in full-width punctuation ("找谁：").
    static func spaced(_ label: String) -> String {
        guard let last = label.unicodeScalars.last, last.isASCII, last != " " else { return label }
        return label + " "
    }

    /// What changed between the advice shown before (`old`, remedy ids in order) and `items`, one line each; empty
    /// when nothing did.
    static func changes(from old: [String], to items: [Recommendation.Item], renderer r: MessageRenderer) -> [String] {
        let new = items.map(\.id)
        guard new != old else { return [] }
        let separator = r.message(.listSeparator)
        func titles(_ ids: [String]) -> String {
            ids.compactMap { id in items.first { $0.id == id }?.title ?? r.remedyTitle(id) }.map(r.quoted)
                .joined(separator: separator)
        }
        var lines: [String] = []
        let added = new.filter { !old.contains($0) }, removed = old.filter { !new.contains($0) }
        if !added.isEmpty { lines.append(r.message(.adviceAdded, ["items": titles(added)])) }
        if !removed.isEmpty { lines.append(r.message(.adviceRemoved, ["items": titles(removed)])) }
        if added.isEmpty, removed.isEmpty { lines.append(r.message(.adviceReordered)) }
        return lines
    }
}

extension MessageRenderer {
    /// A title in running text, in the quotation marks the language writes: 「…」 in traditional Chinese, “…” else.
    func quoted(_ title: String) -> String {
        language == "zh-Hant" ? "「" + title + "」" : "“" + title + "”"
    }

    /// A remedy's title by id, for one that is no longer in the advice.
    func remedyTitle(_ id: String) -> String? {
        dialog.remedies.first { $0.id == id }.map { text($0.title) }
    }
}
