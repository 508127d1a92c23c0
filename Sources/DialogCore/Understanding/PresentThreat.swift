/// A threat told in the plain present, as Chinese speakers often write English (说要打给你家人 → "they say they call
/// my family"): "if you don't pay, we call everyone", "they say they call my family", "they said they tell my boss
/// tomorrow". The verb has no "will" to announce it, but after a word of saying or a supposition in the same sentence,
/// "they call" / "we tell" with no mark of the past or of habit says what someone means to do, as "will" does: the
/// space before the subject is read as an announcement (`Announcements`), and what follows fills nothing but the threat.
///
/// A deed stays a deed: the past ("they called my mom yesterday", "they said they called my boss"), what keeps
/// happening ("they keep calling my mom", "they call my mom every day"), and the present with nothing announcing it
/// ("they call my family" alone: the person telling what is going on).
enum PresentThreat {
    /// The subjects of a threat: the collectors.
    private static let subjects: Set<String> = ["they", "we"]
    /// The verbs of reaching or exposing someone, in the plain present.
    private static let verbs: Set<String> = ["call", "tell", "contact", "text", "message", "visit", "inform", "notify", "post",
                                             "send", "expose", "come", "go", "report", "find", "share", "publish", "ring", "sms"]
    /// Words of saying, before the subject: "they say they call…", "he told me they tell…".
    private static let sayings: Set<String> = ["say", "says", "said", "saying", "told", "tell", "tells", "telling", "threaten",
                                               "threatens", "threatened", "threatening", "warn", "warns", "warned", "claim", "claims",
                                               "claimed", "wrote", "write", "writes", "text", "texted", "message", "messaged"]
    /// Suppositions and their like, before the subject: "if you don't pay, we call…", "otherwise we tell…".
    private static let suppositions: Set<String> = ["if", "unless", "otherwise", "or", "else"]
    /// Words after the verb, in its sentence, that tell of what happened or keeps happening.
    private static let deeds: Set<String> = ["every", "everyday", "always", "daily", "again", "already", "yesterday", "ago", "last",
                                             "often", "nonstop", "constantly", "times", "repeatedly", "now", "still"]

    /// The words without one of which no one threatens (`LineRule`): the subjects.
    static var triggers: [[Unicode.Scalar]] { subjects.map { Array($0.unicodeScalars) } }

    /// The subject words read as announcements. `words`: the line's English words (`HarmThreat.englishWords`);
    /// `starts`: where the subjects stand (`LineTriggers`), so that only their words are spelled out.
    static func hits(_ scalars: [Unicode.Scalar], words: [HarmThreat.Word], starts: LineTriggers.Starts) -> [PhraseHit] {
        guard words.count >= 3 else { return [] }
        let subjectStarts = Array(starts)
        func text(_ word: HarmThreat.Word) -> String { word.mark ? "" : LineAnalysis.asciiWord(scalars, from: word.range.lowerBound) }
        func endsSentence(_ word: HarmThreat.Word) -> Bool {
            guard word.mark else { return false }
            return [".", "!", "?", ";", "\n", "。", "！", "？", "；"].contains(scalars[word.range.lowerBound])
        }
        var found: [PhraseHit] = []
        for index in 1..<(words.count - 1) where !words[index].mark && subjectStarts.contains(words[index].range.lowerBound)
            && subjects.contains(text(words[index])) {
            guard verbs.contains(text(words[index + 1])) else { continue }
            // "now they call me": the person reached is telling of the calls, not of a threat to others.
            if index + 2 < words.count, text(words[index + 2]) == "me" { continue }
            // Something announcing it earlier in the sentence.
            var back = index - 1
            var announced = false
            while back >= 0, !endsSentence(words[back]) {
                let word = text(words[back])
                // "if they call my boss I will lose my job": "they call" is the condition the person fears, not what
                // someone said they would do (probe15 Q12); "if you don't pay, we call…" puts the collector after it.
                if back == index - 1, word == "if" || word == "unless" { break }
                if sayings.contains(word) || suppositions.contains(word) {
                    announced = true
                    break
                }
                back -= 1
            }
            guard announced else { continue }
            // Nothing after it in the sentence that tells of a deed or a habit.
            var on = index + 2
            var deed = false
            while on < words.count, !endsSentence(words[on]) {
                if deeds.contains(text(words[on])) {
                    deed = true
                    break
                }
                on += 1
            }
            guard !deed else { continue }
            // The space before the subject, so that a phrase that opens with it ("they tell everyone") lies after it.
            let start = words[index].range.lowerBound
            let range = start > 0 && scalars[start - 1] == " " ? (start - 1)..<start : words[index].range
            found.append(PhraseHit(range: range, cue: .word(.announcements)))
        }
        return found
    }
}
