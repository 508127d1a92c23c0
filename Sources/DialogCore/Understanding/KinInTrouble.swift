/// "Your relative is in trouble, send money now", whatever the trouble (content14's note): "有人打电话说我儿子出车祸了在
/// 医院，要我马上转两万过去", "话我个仔撞车入咗医院，叫我即刻过两万", "someone called saying my son had a car accident and
/// is in hospital, I need to send 20000 now". The dialog listed only bail ("保释金"), and an accident or a hospital bill
/// raised no scam sign at all. A relative of the person's (the lexicon's `kin` words), a trouble within twelve
/// characters (or eight words) after it — an accident, a hospital, an injury, an arrest, "出事" — and, anywhere in the
/// line, money to send (转, 汇, 打钱, 交钱, 过数, send, transfer, wire), in a line that says nothing of the debt (催收, 逾期,
/// 还钱: "我儿子住院了，催收还要我转账还钱" is the debt): the trouble then reads as the words "家人出事要钱",
/// which notice-help lists as `scam_signs: kin_emergency`, and the relative is no one the caller reached. Negation and
/// worries apply as to any phrase ("我儿子没出事").
enum KinInTrouble {
    /// The words such a stretch reads as, folded as phrases are.
    static let reading: [Unicode.Scalar] = Array("家人出事要钱".unicodeScalars)

    // Chinese, after folding (traditional → simplified).
    private static let troubles = ScalarWords(["出车祸", "车祸", "撞车", "撞了人", "撞伤人", "打伤人", "打伤了人", "住院", "进医院", "在医院", "入医院",
                                         "入咗医院", "受伤", "出事", "出了事", "被抓", "被拘", "被扣", "做手术", "要手术", "抢救", "急救", "病危"])
    /// Money sent, not asked for in general: "催收天天要钱" beside "我儿子在医院" is the debt.
    private static let money = ScalarWords(["转", "汇", "打钱", "打款", "交钱", "过数", "过钱", "俾钱", "畀钱", "付钱", "医药费", "手术费", "押金"])
    /// A line about the debt itself is no such call: "我儿子住院了，催收还要我转账还钱".
    private static let debtWords = ScalarWords(["催收", "逾期", "还款", "还钱", "欠款", "账单"])
    private static let numerals: Set<Unicode.Scalar> = Set("0123456789一二两三四五六七八九十几百千万".unicodeScalars)

    // English, lower case (folding did that).
    /// Not "police" nor "hurt": "they told my mom the police will come if I don't pay" is a collector's threat.
    private static let troublesEn = ScalarWords(["accident", "crash", "hospital", "hospitalized", "hospitalised", "injured", "arrested",
                                           "detained", "surgery", "emergency"])
    private static let moneyEn = ScalarWords(["send", "transfer", "wire", "pay", "money", "remit"])

    /// Where the line tells of a relative in trouble and money to send: the relative and the trouble.
    /// `kin`: the line's kin words; `words`: its English words (`HarmThreat.englishWords`), empty when it has none.
    static func stretches(in scalars: [Unicode.Scalar], kin: [Range<Int>], words: [HarmThreat.Word])
        -> [(relative: Range<Int>, trouble: Range<Int>)] {
        guard !kin.isEmpty else { return [] }
        var found: [(relative: Range<Int>, trouble: Range<Int>)] = []
        let troubles = Self.troubles, money = Self.money
        let debtWords = Self.debtWords, numerals = Self.numerals
        if (0..<scalars.count).contains(where: { debtWords.longest(at: $0, in: scalars) > 0 }) { return [] }
        // "叫我即刻过两万" (Cantonese: transfer twenty thousand): 过 before a number is money sent too.
        let sendsMoney = (0..<scalars.count).contains { index in
            money.longest(at: index, in: scalars) > 0
                || (scalars[index] == "过" && index + 1 < scalars.count && numerals.contains(scalars[index + 1]))
        }
        if sendsMoney {
            for relative in kin {
                var probe = relative.upperBound
                while probe < scalars.count, probe <= relative.upperBound + 12 {
                    let length = troubles.longest(at: probe, in: scalars)
                    if length > 0 {
                        found.append((relative, probe..<(probe + length)))
                        break
                    }
                    probe += 1
                }
            }
        }
        if !words.isEmpty {
            let troublesEn = Self.troublesEn, moneyEn = Self.moneyEn
            guard words.contains(where: { HarmThreat.isOne(of: moneyEn, $0, in: scalars) }) else { return found }
            for relative in kin {
                guard let k = words.firstIndex(where: { $0.range.lowerBound >= relative.upperBound }) else { continue }
                var j = k
                while j < words.count, j <= k + 8 {
                    if HarmThreat.isOne(of: troublesEn, words[j], in: scalars) {
                        found.append((relative, words[j].range))
                        break
                    }
                    j += 1
                }
            }
        }
        return found
    }

    /// The dialog's phrases for such a call ("家人出事要钱") at each trouble; and the relative in trouble no longer
    /// counts as someone the caller reached (a relative's `with_cue` phrase over it: "打电话说我儿子出车祸了" reached
    /// the parent, not the son).
    static func read(_ stretches: [(relative: Range<Int>, trouble: Range<Int>)], into content: inout [PhraseHit],
                     matcher: PhraseMatcher<CompiledDialog.Cue>) {
        content.removeAll { hit in
            guard case .cuedChoice = hit.cue else { return false }
            return stretches.contains { $0.relative.overlaps(hit.range) }
        }
        content += PhraseHit.reading(reading, at: stretches.map(\.trouble), matcher: matcher)
    }
}
