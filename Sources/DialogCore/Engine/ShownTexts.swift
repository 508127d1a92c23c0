import Atomics

/// What the engine shows that reads the same for a language every time: each question's label and choices, and the
/// words slot values are shown with (yes, no, "not sure", "{number} yuan"). Worked out for a language when a session in it first needs
/// them, each question's at its first asking, then shared by every session.
///
/// The walk rendered the label and every choice of its question at each stop (~3.5k instructions a turn), and each
/// yes or no shown looked its words up by message id (`value_yes`, hashed as a string). Nothing is built when the
/// dialog loads, and only the first question at the first prompt: that is paid at every start.
final class ShownTexts: Sendable {
    /// A question's parts that no answer changes.
    final class QuestionFrame: Sendable {
        let label: String
        /// What the question accepts: its slots' choices, or yes and no.
        let choices: [Question.Choice]

        init(label: String, choices: [Question.Choice]) {
            self.label = label
            self.choices = choices
        }
    }

    /// Per state index, rendered at its first asking.
    private let questions: [ManagedAtomicLazyReference<QuestionFrame>]
    /// `value_yes`, `value_no`, `value_unknown`, as ``MessageRenderer/message(_:_:values:)`` renders them.
    let yes: String
    let no: String
    let unknown: String
    /// `amount_yuan` in the language with its `{number}` hole open ("{number} yuan"); nil when the dialog has none.
    let amountYuan: String?

    init(_ compiled: CompiledDialog, language: String) {
        let renderer = MessageRenderer(compiled: compiled, language: language)
        questions = compiled.dialog.states.map { _ in ManagedAtomicLazyReference() }
        yes = renderer.message(.valueYes)
        no = renderer.message(.valueNo)
        unknown = renderer.message(.valueUnknown)
        amountYuan = compiled.dialog.messages[MessageID.amountYuan.rawValue]?.text(in: language, fallback: compiled.dialog.defaultLanguage)
    }

    /// The label and choices of `state`'s question (the state at `index`), in `renderer`'s language.
    func question(_ state: DialogState, at index: Int, _ compiled: CompiledDialog, _ renderer: MessageRenderer) -> QuestionFrame {
        let frame = questions[index]
        if let built = frame.load() { return built }
        return frame.storeIfNilThenLoad(Self.frame(of: state, compiled, renderer))
    }

    /// The label and choices of `state`'s question, as `renderer` writes them.
    static func frame(of state: DialogState, _ compiled: CompiledDialog, _ renderer: MessageRenderer) -> QuestionFrame {
        var choices: [Question.Choice] = []
        let slots = compiled.dialog.slots
        for slotID in state.askedSlots {
            // Read in place by index: copying the whole `Slot` out of the dialog cost more than its labels.
            guard let index = compiled.slotIndex[slotID] else { continue }
            switch slots[index].kind {
            case .choice:
                // By index too: `map` over the values copied each whole `Slot.Value` (its phrases) for an id and a label.
                let values = slots[index].values
                choices.reserveCapacity(choices.count + values.count)
                for value in values.indices {
                    choices.append(Question.Choice(id: values[value].id, label: values[value].label.map { renderer.text($0) } ?? values[value].id))
                }
            case .yesno:
                choices += [Question.Choice(id: "yes", label: renderer.message(.valueYes)),
                            Question.Choice(id: "no", label: renderer.message(.valueNo))]
            default: break
            }
        }
        return QuestionFrame(label: state.label.map { renderer.text($0) } ?? state.id, choices: choices)
    }
}
