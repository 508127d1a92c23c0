/// A death said the way people say it of their own: "我爸**走了**，留下一笔捷信的分期没还完", "我爸前年**走了**", "我妈**没了**",
/// "我老公**不在了**", "我老豆**走咗**". 去世 and 过世 are the dialog's own phrases; these words mean a death only right after
/// the person's own relative (`OwnKin`: "我爸", or a bare "爸" opening its clause), with at most a word of time between
/// ("前年", "上个月"), and at the end of the clause: "我爸没了工作", "我老公走了就没回来" are no death. 走了 only of
/// someone older in the family (爸, 妈, 爷爷, 外婆…): "我老公走了" may be a husband who left.
///
/// Each is read once more as 去世 after the relative, so the dialog's phrases of a death ("我爸去世", "我老公去世", "去世")
/// count over the words as written; so are 去世, 过世, 过咗身 themselves after any relative ("我婆婆去世了").
enum DeathEuphemism {
    /// The words of a death, and whether they need an older relative (走了: "left" of anyone else).
    private static let words: [(word: [Unicode.Scalar], eldersOnly: Bool)] = [
        ("走了", true), ("走咗", true), ("没了", false), ("沒了", false), ("冇咗", false), ("不在了", false), ("唔喺度咗", false),
        // The plain words too: inside the relative's story the dialog's bare "去世" is the relative's fact, and only the
        // relatives it writes out ("我爸去世") counted; "我婆婆去世了", "我岳父上个月过世了", "我老爺上個月過咗身" (probe19 T4).
        ("去世", false), ("过世", false), ("離世", false), ("离世", false), ("病逝", false), ("过身", false), ("过咗身", false),
    ].map { (Array($0.0.unicodeScalars), $0.1) }
    /// The relatives older than the person: 走了 of them is a death.
    private static let elders: Set<[Unicode.Scalar]> = Set(["爸", "妈", "爸爸", "妈妈", "父亲", "母亲", "老爸", "老妈", "爷爷", "奶奶",
        "外公", "外婆", "姥姥", "姥爷", "老豆", "老竇", "阿爸", "阿媽", "阿妈", "公公", "婆婆", "岳父", "岳母", "家公", "家婆", "外父", "外母"]
        .map { Array($0.unicodeScalars) })
    /// How many characters of time may stand between the relative and the word ("前年", "上个月", "已经").
    private static let maximumBetween = 4
    private static let died: [Unicode.Scalar] = Array("去世".unicodeScalars)

    static func hits(_ scalars: [Unicode.Scalar], kin: [PhraseHit], clauses: Clauses, matcher: PhraseMatcher<CompiledDialog.Cue>) -> [PhraseHit] {
        var found: [PhraseHit] = []
        for word in kin where scalars[word.range.lowerBound].isASCIILetter {
            // "My mother-in-law died in May", "my grandpa passed away last year": the person's relative, then the
            // word (a "has", "just" or "recently" between), read as "<relative> died".
            guard let start = OwnKin.possessiveStart(before: word.range.lowerBound, in: scalars) else { continue }
            var at = word.range.upperBound
            var passed = 0
            while at < scalars.count, passed < 3 {
                while at < scalars.count, scalars[at] == " " { at += 1 }
                let next = LineAnalysis.asciiWord(scalars, from: at)
                guard !next.isEmpty else { break }
                if let death = englishDeaths.first(where: { starts($0, at: at, in: scalars) && (at + $0.count == scalars.count || !scalars[at + $0.count].isASCIILetter) }),
                   // A bare "passed" only before a time or nothing: "my son passed his exam" is no death.
                   death.count > 6 || death == englishDeaths[0] || Self.afterPassed.contains(LineAnalysis.asciiWord(scalars, from: min(scalars.count, at + death.count + 1))) {
                    let reading = Array(scalars[start..<word.range.upperBound]) + Array(" died".unicodeScalars)
                    for match in matcher.matches(in: reading) where match.range.upperBound == reading.count {
                        for cue in match.payloads {
                            guard case .slotYes = cue else { continue }
                            found.append(PhraseHit(range: start..<(at + death.count), cue: cue))
                        }
                    }
                    break
                }
                guard englishBetween.contains(next) else { break }
                at += next.unicodeScalars.count
                passed += 1
            }
        }
        for word in kin {
            guard TextNormalizer.isHan(scalars[word.range.lowerBound]),
                  let start = OwnKin.possessiveStart(before: word.range.lowerBound, in: scalars)
                    ?? OwnKin.bareSubject(word.range, in: scalars) else { continue }
            let clause = clauses.of(word.range.lowerBound)
            let elder = elders.contains(Array(scalars[word.range]))
            var at = word.range.upperBound
            // Not past another person: "我老公的妈妈去世了" is the mother's death, read at 妈妈.
            while at < scalars.count, at - word.range.upperBound <= maximumBetween, clauses.of(at) == clause,
                  TextNormalizer.isHan(scalars[at]), scalars[at] != "我", scalars[at] != "的", scalars[at] != "嘅",
                  !kin.contains(where: { $0.range.lowerBound == at }) {
                if let found1 = words.first(where: { (!$0.eldersOnly || elder) && starts($0.word, at: at, in: scalars) }) {
                    var end = at + found1.word.count
                    // "去世了", "過咗身喇": the particle goes with the word.
                    if end < scalars.count, ["了", "咗", "啦", "喇"].contains(scalars[end]) { end += 1 }
                    // At the end of the clause: "我爸没了**工作**" is no death.
                    guard end == scalars.count || clauses.of(end) != clause || scalars[end] == " " else { break }
                    let reading = Array(scalars[start..<word.range.upperBound]) + died
                    for match in matcher.matches(in: reading) where match.range.upperBound == reading.count {
                        for cue in match.payloads {
                            guard case .slotYes = cue else { continue }
                            found.append(PhraseHit(range: start..<end, cue: cue))
                        }
                    }
                    break
                }
                at += 1
            }
        }
        return found
    }

    private static let englishDeaths: [[Unicode.Scalar]] = ["died", "passed away", "passed on", "passed"].map { Array($0.unicodeScalars) }
    private static let afterPassed: Set<String> = ["", "in", "last", "this", "recently", "earlier", "yesterday", "and", "so", "but"]
    private static let englishBetween: Set<String> = ["has", "had", "just", "recently", "sadly", "already", "was"]

    private static func starts(_ word: [Unicode.Scalar], at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        index + word.count <= scalars.count && scalars[index..<(index + word.count)].elementsEqual(word)
    }
}
