/// Where something was written in a dialog file, so that every problem can be reported as `file:line:column`.
public struct SourceLocation: Hashable, Codable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The same file and line, `count` columns further right (for a position inside a one-line scalar).
    public func advanced(by count: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + count)
    }

    public var description: String { "\(file):\(line):\(column)" }
}
