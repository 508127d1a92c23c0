/// Finds YAML anchors (`&name`) and aliases (`*name`) in a file's text, outside quotes and comments.
/// Dialog files refuse them: a few aliases can expand into billions of nodes ("billion laughs"), and a volunteer
/// reading the file should see every text written out where it is used.
enum AnchorScanner {
    static func firstAnchorOrAlias(in text: String) -> (line: Int, column: Int)? {
        var line = 1
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { line += 1 }
            let scalars = Array(rawLine.unicodeScalars)
            var quote: Unicode.Scalar?
            var previous: Unicode.Scalar = " "
            for (index, scalar) in scalars.enumerated() {
                defer { previous = scalar }
                if let open = quote {
                    if scalar == open { quote = nil }
                    continue
                }
                if scalar == "#", previous == " " || index == 0 { break }
                if (scalar == "\"" || scalar == "'"), " [{,:-".unicodeScalars.contains(previous) || index == 0 {
                    quote = scalar
                    continue
                }
                guard scalar == "&" || scalar == "*", index == 0 || " [{,".unicodeScalars.contains(previous),
                      index + 1 < scalars.count, isAnchorCharacter(scalars[index + 1]) else { continue }
                // "*" or "&" followed by a name and then the end of the token.
                var end = index + 1
                while end < scalars.count, isAnchorCharacter(scalars[end]) { end += 1 }
                if end == scalars.count || " ,]}".unicodeScalars.contains(scalars[end]) {
                    return (line, index + 1)
                }
            }
        }
        return nil
    }

    private static func isAnchorCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-")
    }
}
