/// Whether a closing "stop" was said to someone else: "I told them please, stop", "他们一直打，我说求你们了，别说了",
/// "佢哋成日打嚟，我話停". Such a "stop" is what the person said to the collectors, not a request to end this
/// conversation (`CompiledDialog.closingGoodbye`). A goodbye ("谢谢，再见", "ok thanks, bye!") ends it whatever came
/// before; so does a "stop" after words spoken only to the assistant ("please, stop", "好了，别说了").
///
/// A rule over the words that make the rest of the line about other people: a third person ("they", "them", 他们,
/// 佢哋), a plural you (你们, 你哋: the assistant is one), a word of saying or telling (told, said, 说, 叫, 话), or the
/// collectors by name (催收, collector). Read in the folded line (simplified, lower case), a Latin word only whole.
enum SpokenToOthers {
    /// The quit phrases that are also what one says to a caller (after folding): a goodbye is never said to them here.
    static let stops = ScalarWords(["stop", "please stop", "stop it", "stop please", "停", "停止", "停下", "别说了", "不要说了",
                                    "别讲了", "唔好讲喇", "唔使讲喇", "唔好再讲"])
    static let others = ScalarWords(["他们", "她们", "你们", "他", "她", "佢哋", "佢", "你哋", "说", "讲", "叫", "话", "催收", "对方",
                                     "they", "them", "their", "he", "she", "him", "her", "told", "tell", "telling", "said",
                                     "say", "saying", "asked", "begged", "collector", "collectors", "caller", "callers"])

    /// Whether `last` (the closing clause, trimmed) is a stop and `before` (the words in front of it) speaks of or to
    /// someone else.
    static func saidToOthers(_ last: ArraySlice<Unicode.Scalar>, before: ArraySlice<Unicode.Scalar>) -> Bool {
        let closing = Array(last)
        guard stops.contains(0..<closing.count, in: closing) else { return false }
        let words = Array(before)
        var index = 0
        while index < words.count {
            let length = others.longest(at: index, in: words)
            if length > 0 {
                let latin = words[index].isASCIILetter
                let whole = (index == 0 || !words[index - 1].isASCIILetter)
                    && (index + length == words.count || !words[index + length].isASCIILetter)
                if !latin || whole { return true }
            }
            index += 1
        }
        return false
    }
}
