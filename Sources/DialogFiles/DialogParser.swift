import DialogCore
import Yams

/// Turns the YAML of a dialog's files into the model, reporting every problem with its position.
/// Declared languages come from the manifest, so a text missing one of them is found here.
struct DialogParser {
    var languages: [String]

    var lexicon = Lexicon()
    var messages: [String: LocalizedText] = [:]
    var slots: [Slot] = []
    var flags: [Flag] = []
    var states: [DialogState] = []
    var remedies: [Remedy] = []
    var drafts: [Draft] = []
    var topics: [Topic] = []
    /// Where each id was first defined, to report duplicates.
    var definitions: [String: SourceLocation] = [:]
    /// Remedies declared as contradicting each other (`conflicts:`), checked once every remedy is known.
    var remedyConflicts: [RemedyConflict] = []
    /// Raw conditions, checked once every slot and flag is known.
    var pendingConditions: [(condition: Condition, start: SourceLocation)] = []

    static let sections = DialogKeys.file.names

    init(languages: [String]) {
        self.languages = languages
    }

    mutating func read(_ root: Node, in doc: YAMLDocument) {
        for (key, _, value) in doc.mapping(root, "a dialog file", allowed: Self.sections) {
            switch key {
            case "lexicon": readLexicon(value, doc)
            case "messages":
                for (id, keyNode, text) in doc.mapping(value, "`messages`") where define("message \(id)", keyNode, doc) {
                    if let localized = localizedText(text, "message `\(id)`", doc) { messages[id] = localized }
                }
            case "slots":
                let read = readEach(value, "slot", doc) { $0.readSlot($1, $2, $3, doc) }
                slots += read
            case "flags":
                let read = readEach(value, "flag", doc) { $0.readFlag($1, $2, $3, doc) }
                flags += read
            case "states":
                let read = readEach(value, "state", doc) { $0.readState($1, $2, $3, doc) }
                states += read
            case "remedies":
                let read = readEach(value, "remedy", doc) { $0.readRemedy($1, $2, $3, doc) }
                remedies += read
            case "drafts":
                let read = readEach(value, "draft", doc) { $0.readDraft($1, $2, $3, doc) }
                drafts += read
            case "topics":
                let read = readEach(value, "topic", doc) { $0.readTopic($1, $2, $3, doc) }
                topics += read
            default: break
            }
        }
    }

    /// Reads every `id: body` entry of a section with `read`, skipping ids already defined elsewhere.
    private mutating func readEach<Item>(
        _ section: Node, _ kind: String, _ doc: YAMLDocument,
        _ read: (inout DialogParser, String, Node, Node) -> Item?
    ) -> [Item] {
        var items: [Item] = []
        for (id, keyNode, body) in doc.mapping(section, "`\(kind == "remedy" ? "remedies" : kind + "s")`") where define("\(kind) \(id)", keyNode, doc) {
            if let item = read(&self, id, keyNode, body) { items.append(item) }
        }
        return items
    }

    private mutating func define(_ id: String, _ node: Node, _ doc: YAMLDocument) -> Bool {
        if let first = definitions[id] {
            doc.error(node, "\(id) is already defined at \(first); ids must be unique")
            return false
        }
        definitions[id] = doc.location(node)
        return true
    }

    // MARK: - Text

    func localizedText(_ node: Node?, _ what: String, _ doc: YAMLDocument) -> LocalizedText? {
        guard let node else { return nil }
        if case .scalar = node {
            doc.error(node, "\(what) must give the text in every language: \(languages.joined(separator: ", ")), as `\(languages.first ?? "zh-Hans"): …` lines")
            return nil
        }
        var texts: [String: String] = [:]
        for (language, keyNode, value) in doc.mapping(node, what) {
            guard languages.contains(language) else {
                doc.error(keyNode, "`\(language)` is not a language of this dialog (the manifest declares \(languages.joined(separator: ", ")))")
                continue
            }
            if let text = doc.string(value, "the \(language) text of \(what)") { texts[language] = text }
        }
        // A language missing beside others is found by the validator, over every text at once (`Dialog.texts`).
        if texts.isEmpty, languages.count > 0 {
            doc.error(node, "\(what) is missing \(languages.joined(separator: ", ")); every text needs all of \(languages.joined(separator: ", "))")
        }
        return LocalizedText(texts, location: doc.location(node))
    }

    func phraseList(_ node: Node?, _ what: String, _ doc: YAMLDocument) -> PhraseList {
        guard let node else { return PhraseList() }
        if case .sequence = node { return PhraseList(["*": doc.strings(node, what)], location: doc.location(node)) }
        var phrases: [String: [String]] = [:]
        for (language, keyNode, value) in doc.mapping(node, what) {
            guard languages.contains(language) || language == "*" else {
                doc.error(keyNode, "`\(language)` is not a language of this dialog (the manifest declares \(languages.joined(separator: ", ")))")
                continue
            }
            phrases[language] = doc.strings(value, "the \(language) phrases of \(what)").filter { phrase in
                if TextNormalizer.fold(phrase).isEmpty {
                    doc.error(value, "an empty phrase in \(what) would match nothing; remove it")
                    return false
                }
                return true
            }
        }
        return PhraseList(phrases, location: doc.location(node))
    }

    mutating func condition(_ node: Node?, _ what: String, _ doc: YAMLDocument) -> (Condition, SourceLocation)? {
        guard let node, let source = doc.string(node, what) else { return nil }
        let start = doc.conditionStart(node)
        do {
            let condition = try ConditionParser.parse(source)
            pendingConditions.append((condition, start))
            return (condition, start)
        } catch {
            doc.error(at: start.advanced(by: error.offset), "in \(what): \(error.message)")
            return nil
        }
    }

    // MARK: - Sections

    private mutating func readLexicon(_ node: Node, _ doc: YAMLDocument) {
        let keys = DialogKeys.lexicon.names
        for (key, _, value) in doc.mapping(node, "`lexicon`", allowed: keys) {
            if let list = WordList(rawValue: key) {
                lexicon[list] = phraseList(value, "lexicon `\(key)`", doc)
                continue
            }
            switch key {
            case "commands":
                for (name, _, phrases) in doc.mapping(value, "lexicon `commands`", allowed: DialogKeys.commands.names) {
                    if let command = Command(rawValue: name) { lexicon.commands[command] = phraseList(phrases, "command `\(name)`", doc) }
                }
            case "language":
                for (language, keyNode, phrases) in doc.mapping(value, "lexicon `language`") {
                    guard languages.contains(language) else {
                        doc.error(keyNode, "`\(language)` is not a language of this dialog (the manifest declares \(languages.joined(separator: ", ")))")
                        continue
                    }
                    lexicon.languageSwitches[language] = PhraseList(["*": doc.strings(phrases, "the phrases that switch to \(language)")], location: doc.location(phrases))
                }
            case "language_words":
                for (language, keyNode, words) in doc.mapping(value, "lexicon `language_words`") {
                    guard languages.contains(language) else {
                        doc.error(keyNode, "`\(language)` is not a language of this dialog (the manifest declares \(languages.joined(separator: ", ")))")
                        continue
                    }
                    lexicon.languageWords[language] = Set(doc.strings(words, "the words of \(language)").map { $0.lowercased() })
                }
            default: break
            }
        }
    }

    /// `when_announced: {fills: {harassment: threats}, except: [emergency]}`: one slot and value to fill.
    private func announcedMeaning(_ node: Node, of slot: String, _ doc: YAMLDocument) -> Slot.AnnouncedMeaning? {
        var fills: [(slot: String, value: String)] = []
        var except: [String] = []
        for (key, _, value) in doc.mapping(node, "`when_announced` of slot `\(slot)`", allowed: DialogKeys.whenAnnounced.names) {
            if key == "except" { except = doc.strings(value, "`except`") }
            if key == "fills" {
                for (target, _, targetValue) in doc.mapping(value, "`fills`") {
                    if let id = doc.string(targetValue, "the value `fills` gives") { fills.append((target, id)) }
                }
            }
        }
        guard fills.count == 1, let fill = fills.first else {
            doc.error(node, "`when_announced` of slot `\(slot)` needs `fills` with exactly one slot and its value, e.g. `fills: {harassment: threats}`")
            return nil
        }
        return Slot.AnnouncedMeaning(slot: fill.slot, value: fill.value, except: except, location: doc.location(node))
    }

    private func readSlot(_ id: String, _ keyNode: Node, _ body: Node, _ doc: YAMLDocument) -> Slot? {
        let keys = DialogKeys.slot.names
        let pairs = doc.mapping(body, "slot `\(id)`", allowed: keys)
        let field = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        guard let typeNode = field["type"] else {
            doc.error(keyNode, "slot `\(id)` needs a `type`: yesno, number, choice or text")
            return nil
        }
        guard let typeName = doc.string(typeNode, "`type`"), let kind = Slot.Kind(rawValue: typeName) else {
            doc.error(typeNode, "slot `\(id)` has an unknown type; use yesno, number, choice or text")
            return nil
        }
        guard let label = field["label"].flatMap({ localizedText($0, "the label of slot `\(id)`", doc) }) else {
            doc.error(keyNode, "slot `\(id)` needs a `label` (how the assistant names it in a summary)")
            return nil
        }
        var slot = Slot(id: id, kind: kind, label: label, location: doc.location(keyNode))
        slot.placeholder = field["placeholder"].flatMap { localizedText($0, "the placeholder of slot `\(id)`", doc) }
        slot.unnamed = field["unnamed"].flatMap { localizedText($0, "`unnamed` of slot `\(id)`", doc) }
        if let node = field["label_no"] {
            if kind == .yesno {
                slot.labelNo = localizedText(node, "`label_no` of slot `\(id)`", doc)
            } else {
                doc.error(node, "`label_no` is for a yes/no slot: the label its no is shown with")
            }
        }
        slot.home = field["home"].flatMap { localizedText($0, "`home` of slot `\(id)`", doc) }
        for (valueID, _, body) in doc.mapping(field["homes"], "`homes` of slot `\(id)`") {
            if let text = localizedText(body, "the `homes` text of `\(valueID)`", doc) { slot.homes[valueID] = text }
        }
        slot.multiple = field["multiple"].flatMap { doc.bool($0, "`multiple`") } ?? false
        slot.yes = phraseList(field["yes"], "the `yes` phrases of slot `\(id)`", doc)
        slot.no = phraseList(field["no"], "the `no` phrases of slot `\(id)`", doc)
        slot.yesWhenAsked = phraseList(field["yes_when_asked"], "the `yes_when_asked` phrases of slot `\(id)`", doc)
        for phrase in slot.yesWhenAsked.all where phrase.contains("#") {
            doc.error(field["yes_when_asked"], "the `yes_when_asked` phrase “\(phrase)” of slot `\(id)` holds `#`: a phrase that answers only its own question is a plain phrase; put phrases with a number under `yes`")
        }
        if let node = field["yes_beside"] { slot.yesBeside = doc.strings(node, "`yes_beside`") }
        slot.cues = phraseList(field["cues"], "the cues of slot `\(id)`", doc)
        if let node = field["reported"] {
            if doc.string(node, "`reported`") == "skip" { slot.skipsReportedSpeech = true } else { doc.error(node, "`reported` can only be `skip`") }
        }
        if let node = field["reported_owned_by"] { slot.reportedOwnedBy = doc.string(node, "`reported_owned_by`") }
        if let node = field["plain_yes"] {
            if doc.string(node, "`plain_yes`") == "asks_which" { slot.plainYesAsksWhich = true } else { doc.error(node, "`plain_yes` can only be `asks_which`") }
        }
        if let node = field["reported_disowned_by"] { slot.reportedDisownedBy = doc.strings(node, "`reported_disowned_by`") }
        if let node = field["held_owned_by"] {
            for (target, _, valueNode) in doc.mapping(node, "`held_owned_by` of slot `\(id)`") {
                if let value = doc.string(valueNode, "the value of `\(target)` in `held_owned_by`") { slot.heldOwnedBy.append(.init(slot: target, value: value)) }
            }
        }
        if let node = field["no_kept_beside"] { slot.noKeptBeside = doc.strings(node, "`no_kept_beside`") }
        if let node = field["no_kept_unless"] { slot.noKeptUnless = doc.strings(node, "`no_kept_unless`") }
        if let node = field["answered_no_by"] { slot.answeredNoBy = doc.strings(node, "`answered_no_by`") }
        if let node = field["yes_implies"] {
            for (target, _, valueNode) in doc.mapping(node, "`yes_implies` of slot `\(id)`") {
                if let implied = doc.string(valueNode, "the value `yes_implies` gives `\(target)`") { slot.yesImplies.append(.init(slot: target, value: implied)) }
            }
            if slot.kind != .yesno { doc.error(node, "`yes_implies` is for yesno slots, and `\(id)` is a \(slot.kind.rawValue) slot") }
        }
        if let node = field["announced"] {
            if doc.string(node, "`announced`") == "counts" { slot.countsAnnounced = true } else { doc.error(node, "`announced` can only be `counts`") }
        }
        if let node = field["when_announced"] { slot.whenAnnounced = announcedMeaning(node, of: id, doc) }
        if let node = field["kin_story"] {
            if doc.string(node, "`kin_story`") == "counts" { slot.countsKinStory = true } else { doc.error(node, "`kin_story` can only be `counts`") }
        }
        if let node = field["guesses"] {
            if doc.string(node, "`guesses`") == "count" { slot.countsGuesses = true } else { doc.error(node, "`guesses` can only be `count`") }
        }
        if let node = field["answers"] {
            if doc.string(node, "`answers`") != "alone" {
                doc.error(node, "`answers` can only be `alone`")
            } else if kind != .yesno && kind != .choice {
                doc.error(node, "`answers: alone` is for a yes/no or choice slot: only its own phrases answer its question")
            } else {
                slot.answersAlone = true
            }
        }
        let valuesNode = kind == .text ? field["known"] : field["values"]
        for (valueID, valueKey, valueBody) in doc.mapping(valuesNode, kind == .text ? "`known` of slot `\(id)`" : "`values` of slot `\(id)`") {
            if kind == .text, case .sequence = valueBody {
                slot.values.append(Slot.Value(id: valueID, label: nil, synonyms: phraseList(valueBody, "the phrases of `\(valueID)`", doc), location: doc.location(valueKey)))
                continue
            }
            if kind == .text, case .mapping(let m) = valueBody, !m.keys.contains(where: { ["label", "synonyms"].contains($0.scalar?.string ?? "") }) {
                slot.values.append(Slot.Value(id: valueID, label: nil, synonyms: phraseList(valueBody, "the phrases of `\(valueID)`", doc), location: doc.location(valueKey)))
                continue
            }
            let fields = Dictionary(doc.mapping(valueBody, "value `\(valueID)`", allowed: DialogKeys.value.names).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            let valueLabel = fields["label"].flatMap { localizedText($0, "the label of value `\(valueID)`", doc) }
            if kind == .choice, valueLabel == nil { doc.error(valueKey, "value `\(valueID)` of slot `\(id)` needs a `label`") }
            var value = Slot.Value(id: valueID, label: valueLabel, synonyms: phraseList(fields["synonyms"], "the synonyms of `\(valueID)`", doc), location: doc.location(valueKey))
            if let answerNode = fields["answer"] {
                switch doc.string(answerNode, "`answer`") {
                case "yes": value.bareAnswer = .yes
                case "no": value.bareAnswer = .no
                default: doc.error(answerNode, "`answer` is the plain answer that picks this value: `yes` or `no`")
                }
            }
            if let cuedNode = fields["with_cue"] {
                // Without `cues` they still count beside another phrase of the slot, at its own question, or alone.
                value.cued = phraseList(cuedNode, "the `with_cue` phrases of `\(valueID)`", doc)
            }
            if let askedNode = fields["when_asked"] {
                value.whenAsked = phraseList(askedNode, "the `when_asked` phrases of `\(valueID)`", doc)
                for phrase in value.whenAsked.all where phrase.contains("#") || phrase.contains("*") {
                    doc.error(askedNode, "the `when_asked` phrase “\(phrase)” of `\(valueID)` holds `#` or `*`: a phrase that answers only its own question is a plain phrase; put phrases with a number or a relative under `synonyms` or `with_kin`")
                }
            }
            if let kinNode = fields["with_kin"] {
                value.withKin = phraseList(kinNode, "the `with_kin` phrases of `\(valueID)`", doc)
                for phrase in value.withKin.all where phrase.unicodeScalars.filter({ $0 == "*" }).count != 1 {
                    doc.error(kinNode, "the `with_kin` phrase “\(phrase)” of `\(valueID)` needs exactly one `*`, where a word of the lexicon's `kin` list stands (\"我*的贷款\", \"my * owes\")")
                }
            }
            if let impliesNode = fields["implies"] {
                for (target, _, valueNode) in doc.mapping(impliesNode, "`implies` of `\(valueID)`") {
                    if let implied = doc.string(valueNode, "the value `implies` gives `\(target)`") {
                        value.implies.append(.init(slot: target, value: implied))
                    }
                }
                if kind != .choice { doc.error(impliesNode, "`implies` is for the values of a choice slot, and `\(id)` is a \(kind.rawValue) slot") }
            }
            if let notAfterNode = fields["not_after"] {
                value.notAfter = phraseList(notAfterNode, "the `not_after` words of `\(valueID)`", doc)
                if kind != .choice { doc.error(notAfterNode, "`not_after` is for the values of a choice slot, and `\(id)` is a \(kind.rawValue) slot") }
            }
            if let prevailsNode = fields["prevails"] {
                value.prevails = doc.bool(prevailsNode, "`prevails`") ?? false
                if slot.multiple, value.prevails {
                    doc.error(prevailsNode, "`prevails` decides between values of a slot that holds one; slot `\(id)` holds several (`multiple: true`)")
                }
            }
            if let announcedNode = fields["announced_as"] {
                value.announcedAs = doc.string(announcedNode, "`announced_as` of `\(valueID)`")
                if kind != .choice { doc.error(announcedNode, "`announced_as` is for the values of a choice slot, and `\(id)` is a \(kind.rawValue) slot") }
            }
            if let othersNode = fields["others_debt"] {
                value.othersDebt = doc.bool(othersNode, "`others_debt`") ?? false
                if kind != .choice { doc.error(othersNode, "`others_debt` is for the values of a choice slot, and `\(id)` is a \(kind.rawValue) slot") }
            }
            slot.values.append(value)
        }
        if let unitNode = field["unit"] {
            if let name = doc.string(unitNode, "`unit`"), let unit = Slot.Unit(rawValue: name) { slot.unit = unit } else {
                doc.error(unitNode, "unknown unit; use days, months, yuan or count")
            }
        }
        if let captureNode = field["capture"] {
            var capture = Slot.Capture()
            for (key, _, value) in doc.mapping(captureNode, "`capture`", allowed: DialogKeys.capture.names) {
                if key == "brackets" { capture.brackets = doc.bool(value, "`brackets`") ?? false }
                if key == "suffixes" { capture.suffixes = doc.strings(value, "`suffixes`") }
                if key == "after" { capture.after = doc.strings(value, "`after`") }
                if key == "not_names" { capture.notNames = doc.strings(value, "`not_names`") }
                if key == "not_after" { capture.notAfter = doc.strings(value, "`not_after`") }
            }
            slot.capture = capture
        }
        checkSlotShape(slot, keyNode, field, doc)
        if let homesNode = field["homes"] {
            let known = Set(slot.values.map(\.id))
            for valueID in slot.homes.keys.sorted() where !known.contains(valueID) {
                doc.error(homesNode, "`homes` names `\(valueID)`, which is not a value of slot `\(slot.id)`")
            }
            if slot.home == nil { doc.error(homesNode, "slot `\(slot.id)` has `homes` but no `home`, the words for every other value") }
        }
        return slot
    }

    private func checkSlotShape(_ slot: Slot, _ keyNode: Node, _ field: [String: Node], _ doc: YAMLDocument) {
        switch slot.kind {
        case .choice where slot.values.isEmpty:
            doc.error(keyNode, "choice slot `\(slot.id)` needs `values`")
        case .number where slot.unit == nil:
            doc.error(keyNode, "number slot `\(slot.id)` needs a `unit`: days, months, yuan or count")
        default: break
        }
        if slot.kind != .choice, slot.multiple { doc.error(field["multiple"], "`multiple` is only for choice slots") }
        if slot.kind != .yesno, field["yes"] != nil || field["no"] != nil || field["yes_when_asked"] != nil {
            doc.error(field["yes"] ?? field["no"] ?? field["yes_when_asked"], "`yes`/`no` phrases are only for yesno slots; a \(slot.kind.rawValue) slot uses \(slot.kind == .number ? "`cues`" : "`values` synonyms")")
        }
        if slot.kind == .choice, field["known"] != nil { doc.error(field["known"], "a choice slot lists `values`, not `known`") }
        if slot.kind == .text, field["values"] != nil { doc.error(field["values"], "a text slot lists `known` values, not `values`") }
        // The same phrase under two values makes the answer depend on the order of the file.
        var owner: [String: String] = [:]
        for value in slot.values {
            for phrase in value.synonyms.all {
                let key = TextNormalizer.fold(phrase)
                if let other = owner[key], other != value.id {
                    doc.error(at: value.synonyms.location ?? doc.location(keyNode),
                              "the synonym `\(phrase)` is under both `\(other)` and `\(value.id)` of slot `\(slot.id)`; keep it under one")
                } else {
                    owner[key] = value.id
                }
            }
        }
    }

    private mutating func readFlag(_ id: String, _ keyNode: Node, _ body: Node, _ doc: YAMLDocument) -> Flag? {
        let field = Dictionary(doc.mapping(body, "flag `\(id)`", allowed: DialogKeys.flag.names).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        guard let whenNode = field["when"] else {
            doc.error(keyNode, "flag `\(id)` needs a `when` condition")
            return nil
        }
        let label = field["label"].flatMap { localizedText($0, "the label of flag `\(id)`", doc) }
        let isSituation = field["situation"].flatMap { doc.bool($0, "`situation`") } ?? false
        if isSituation, label == nil { doc.error(keyNode, "situation `\(id)` needs a `label` to show the user") }
        guard let (condition, start) = self.condition(whenNode, "the condition of flag `\(id)`", doc) else { return nil }
        return Flag(id: id, label: label ?? LocalizedText([:]), isSituation: isSituation, condition: condition,
                    conditionLocation: start, location: doc.location(keyNode))
    }

    private mutating func readState(_ id: String, _ keyNode: Node, _ body: Node, _ doc: YAMLDocument) -> DialogState? {
        let keys = DialogKeys.state.names
        let field = Dictionary(doc.mapping(body, "state `\(id)`", allowed: keys).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        let kinds = ["say", "advise", "listen", "ask", "branch", "end"].filter { field[$0] != nil }
        guard kinds.count == 1 else {
            doc.error(keyNode, kinds.isEmpty
                      ? "state `\(id)` must be one of: say, advise, listen, ask, branch, end"
                      : "state `\(id)` is both \(kinds.joined(separator: " and ")); a state does one thing")
            return nil
        }
        let what = "state `\(id)`"
        var kind: DialogState.Kind
        switch kinds[0] {
        case "say": kind = .say(localizedText(field["say"], "the message of \(what)", doc) ?? LocalizedText([:]))
        case "advise": kind = .advise(localizedText(field["advise"], "the message of \(what)", doc) ?? LocalizedText([:]))
        case "listen": kind = .listen(localizedText(field["listen"], "the question of \(what)", doc) ?? LocalizedText([:]))
        case "branch": kind = .branch
        case "end":
            let remedies = field["remedies"].map { doc.strings($0, "`remedies`") }
            kind = .end(localizedText(field["end"], "the message of \(what)", doc) ?? LocalizedText([:]), remedies: remedies)
        default:
            let slotIDs = doc.strings(field["ask"], "`ask`")
            guard let promptNode = field["prompt"] else {
                doc.error(keyNode, "\(what) asks, so it needs a `prompt`")
                return nil
            }
            if slotIDs.isEmpty { doc.error(field["ask"], "`ask` must name at least one slot") }
            kind = .ask(slots: slotIDs, prompt: localizedText(promptNode, "the prompt of \(what)", doc) ?? LocalizedText([:]))
        }
        var state = DialogState(id: id, kind: kind, location: doc.location(keyNode))
        if kinds[0] != "ask", field["prompt"] != nil { doc.error(field["prompt"], "`prompt` belongs to `ask` states") }
        if kinds[0] != "end", field["remedies"] != nil { doc.error(field["remedies"], "`remedies` belongs to `end` states") }
        state.label = field["label"].flatMap { localizedText($0, "the label of \(what)", doc) }
        state.why = field["why"].flatMap { localizedText($0, "the `why` of \(what)", doc) }
        if let limit = field["limit"].flatMap({ doc.integer($0, "`limit`") }) {
            if limit < 1 { doc.error(field["limit"], "`limit` must be at least 1") } else { state.limit = limit }
        }
        if let alwaysAsk = field["always_ask"] {
            if kinds[0] != "ask" { doc.error(alwaysAsk, "`always_ask` belongs to `ask` states") }
            state.alwaysAsk = doc.bool(alwaysAsk, "`always_ask`") ?? false
        }
        if let repromptsNode = field["reprompts"] {
            if case .sequence(let sequence) = repromptsNode {
                state.reprompts = sequence.enumerated().compactMap { localizedText($1, "reprompt \($0 + 1) of \(what)", doc) }
            } else {
                doc.error(repromptsNode, "`reprompts` must be a list of texts")
            }
        }
        state.transitions = readTransitions(field["next"], what, doc)
        if state.isEnd, !state.transitions.isEmpty { doc.error(field["next"], "\(what) is an end; it has no `next`") }
        return state
    }

    private mutating func readTransitions(_ node: Node?, _ what: String, _ doc: YAMLDocument) -> [Transition] {
        guard let node else { return [] }
        if case .scalar(let scalar) = node { return [Transition(target: scalar.string, location: doc.location(node))] }
        guard case .sequence(let sequence) = node else {
            doc.error(node, "`next` of \(what) must be a state id or a list of `when:`/`goto:` entries")
            return []
        }
        var transitions: [Transition] = []
        for entry in sequence {
            let field = Dictionary(doc.mapping(entry, "an entry of `next`", allowed: DialogKeys.transition.names).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            guard let target = field["goto"].flatMap({ doc.string($0, "`goto`") }) else {
                doc.error(entry, "an entry of `next` in \(what) needs `goto: <state>`")
                continue
            }
            var transition = Transition(target: target, location: doc.location(field["goto"]))
            if let whenNode = field["when"], let (condition, start) = condition(whenNode, "a `when` of \(what)", doc) {
                transition.condition = condition
                transition.conditionLocation = start
            } else if field["when"] != nil {
                continue
            }
            transitions.append(transition)
        }
        return transitions
    }

    private mutating func readRemedy(_ id: String, _ keyNode: Node, _ body: Node, _ doc: YAMLDocument) -> Remedy? {
        let keys = DialogKeys.remedy.names
        let field = Dictionary(doc.mapping(body, "remedy `\(id)`", allowed: keys).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        let what = "remedy `\(id)`"
        guard let whenNode = field["when"] else { doc.error(keyNode, "\(what) needs a `when` condition"); return nil }
        guard let titleNode = field["title"] else { doc.error(keyNode, "\(what) needs a `title`"); return nil }
        if case .sequence(let others) = field["conflicts"] {
            for other in others {
                if let name = doc.string(other, "an entry of `conflicts`") {
                    remedyConflicts.append(RemedyConflict(remedy: id, other: name, location: doc.location(other)))
                }
            }
        } else if let node = field["conflicts"] {
            doc.error(node, "`conflicts` lists the remedies that must never be given with this one, like [negotiate]")
        }
        guard let (condition, start) = condition(whenNode, "the condition of \(what)", doc) else { return nil }
        let title = localizedText(titleNode, "the title of \(what)", doc) ?? LocalizedText([:])
        var steps: [String: [String]] = [:]
        if let stepsNode = field["steps"] {
            for (language, languageKey, list) in doc.mapping(stepsNode, "the steps of \(what)") {
                guard languages.contains(language) else {
                    doc.error(languageKey, "`\(language)` is not a language of this dialog")
                    continue
                }
                steps[language] = doc.strings(list, "the \(language) steps of \(what)")
            }
        }
        return Remedy(id: id, order: field["order"].flatMap { doc.integer($0, "`order`") } ?? 100, condition: condition,
                      conditionLocation: start, title: title, steps: steps,
                      prepare: field["prepare"].flatMap { localizedText($0, "`prepare` of \(what)", doc) },
                      channel: field["channel"].flatMap { localizedText($0, "`channel` of \(what)", doc) },
                      keySteps: field["key_steps"].map { keySteps($0, of: what, among: steps, doc) } ?? [],
                      short: field["short"].flatMap { localizedText($0, "`short` of \(what)", doc) },
                      safety: field["safety"].map { doc.strings($0, "`safety` of \(what)") } ?? [],
                      location: doc.location(keyNode))
    }

    /// A remedy's `key_steps`: one or two step numbers, each a step the remedy has in every language.
    private func keySteps(_ node: Node, of what: String, among steps: [String: [String]], _ doc: YAMLDocument) -> [Int] {
        guard case .sequence(let entries) = node, !entries.isEmpty, entries.count <= 2 else {
            doc.error(node, "`key_steps` of \(what) names the one or two steps that stand for it in short, like [1] or [1, 4]")
            return []
        }
        let count = steps.values.map(\.count).min() ?? 0
        var numbers: [Int] = []
        for entry in entries {
            guard let number = doc.integer(entry, "an entry of `key_steps`") else { continue }
            guard (1...max(count, 1)).contains(number), count > 0 else {
                doc.error(entry, "\(what) has \(count) step\(count == 1 ? "" : "s"), so `key_steps` cannot name step \(number)")
                continue
            }
            guard !numbers.contains(number) else {
                doc.error(entry, "`key_steps` of \(what) names step \(number) twice")
                continue
            }
            numbers.append(number)
        }
        return numbers
    }

    private mutating func readDraft(_ id: String, _ keyNode: Node, _ body: Node, _ doc: YAMLDocument) -> Draft? {
        let field = Dictionary(doc.mapping(body, "draft `\(id)`", allowed: DialogKeys.draft.names).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        let what = "draft `\(id)`"
        guard let title = field["title"].flatMap({ localizedText($0, "the title of \(what)", doc) }),
              let text = field["text"].flatMap({ localizedText($0, "the text of \(what)", doc) }) else {
            doc.error(keyNode, "\(what) needs a `title` and a `text`")
            return nil
        }
        let triggers = phraseList(field["triggers"], "the triggers of \(what)", doc)
        if triggers.isEmpty { doc.error(keyNode, "\(what) needs `triggers`: the words a person types to get it") }
        let parsed = field["when"].flatMap { condition($0, "the condition of \(what)", doc) }
        return Draft(id: id, condition: parsed?.0, conditionLocation: parsed?.1, title: title, triggers: triggers, text: text,
                     location: doc.location(keyNode))
    }

    private mutating func readTopic(_ id: String, _ keyNode: Node, _ body: Node, _ doc: YAMLDocument) -> Topic? {
        let field = Dictionary(doc.mapping(body, "topic `\(id)`", allowed: DialogKeys.topic.names).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        let what = "topic `\(id)`"
        var answers: [Topic.Answer] = []
        if let node = field["answer"] {
            if field["answers"] != nil { doc.error(node, "\(what) has both `answer` and `answers`: keep one (`answers` when the answer depends on who asks)") }
            guard let text = localizedText(node, "the answer of \(what)", doc) else { return nil }
            answers = [Topic.Answer(text: text)]
        } else if let node = field["answers"] {
            // Each entry: `when:` (optional) and `answer:`; the first whose condition holds is given.
            var unconditioned: Node?
            guard case .sequence(let sequence) = node else {
                doc.error(node, "`answers` of \(what) must be a list of entries with `when:` and `answer:`")
                return nil
            }
            for (n, entry) in sequence.enumerated() {
                let place = "answer \(n + 1) of \(what)"
                let keys = Dictionary(doc.mapping(entry, place, allowed: DialogKeys.topicAnswer.names).map { ($0.key, $0.value) },
                                      uniquingKeysWith: { a, _ in a })
                if let earlier = unconditioned {
                    doc.error(entry, "\(place) can never be given: the answer at line \(doc.location(earlier).line) has no `when` and is given first")
                }
                let parsed = keys["when"].flatMap { condition($0, "the condition of \(place)", doc) }
                if keys["when"] == nil { unconditioned = entry }
                guard let text = localizedText(keys["answer"], "the text of \(place)", doc) else {
                    doc.error(entry, "\(place) needs an `answer`")
                    continue
                }
                answers.append(Topic.Answer(condition: parsed?.0, text: text))
            }
            if answers.isEmpty { doc.error(node, "\(what) needs at least one entry in `answers`") }
        } else {
            doc.error(keyNode, "\(what) needs an `answer` (or `answers`, when the answer depends on who asks)")
            return nil
        }
        let asked = phraseList(field["asked"], "`asked` of \(what)", doc)
        if asked.isEmpty { doc.error(keyNode, "\(what) needs `asked`: the words of a line that asks it") }
        let parsed = field["when"].flatMap { condition($0, "the condition of \(what)", doc) }
        var topic = Topic(id: id, asked: asked, answers: answers, condition: parsed?.0, location: doc.location(keyNode))
        topic.feared = phraseList(field["feared"], "`feared` of \(what)", doc)
        // A `*` stands for a word of the lexicon's `kin` list ("会不会打给我*", "call my *"), one a phrase.
        for (key, list) in [("asked", asked), ("feared", topic.feared)] {
            for phrase in list.all where phrase.unicodeScalars.filter({ $0 == "*" }).count > 1 || TextNormalizer.fold(phrase) == "*" {
                doc.error(field[key] ?? keyNode, "the `\(key)` phrase “\(phrase)” of \(what) needs words around one `*`, which stands for a word of the lexicon's `kin` list (\"会不会打给我*\", \"call my *\")")
            }
        }
        topic.alert = field["alert"].flatMap { localizedText($0, "the alert of \(what)", doc) }
        topic.alone = field["alone"].flatMap { doc.bool($0, "`alone`") } ?? false
        if let node = field["quoted"] {
            if doc.string(node, "`quoted`") == "answers" { topic.answersQuoted = true } else { doc.error(node, "`quoted` can only be `answers`") }
        }
        return topic
    }
}
