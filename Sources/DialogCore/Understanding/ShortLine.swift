/// A line too short to tell a story: a greeting or a filler ("嗯", "你好", "在吗", "hi", "hello there"): at most four
/// other letters, at most two words of Latin letters, and no digit. A first message like this, when nothing in it was
/// understood, is asked once more; a short story is not ("I got a notice about a debt" says more; "借呗逾期" names a
/// platform, so something was understood).
enum ShortLine {
    static func saysLittle(_ scalars: [Unicode.Scalar]) -> Bool {
        var others = 0
        var words = 0
        var inWord = false
        for scalar in scalars {
            if scalar.properties.numericType != nil { return false }
            if scalar.isASCII, scalar.properties.isAlphabetic {
                if !inWord { words += 1 }
                inWord = true
                continue
            }
            inWord = false
            if scalar.properties.isAlphabetic { others += 1 }
            if others > 4 || words > 2 { return false }
        }
        return others <= 4 && words <= 2
    }
}
