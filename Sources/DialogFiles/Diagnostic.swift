import DialogCore

/// A problem found in a dialog folder, with where it is and what to do about it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible, Error {
    public enum Severity: String, Hashable, Sendable { case error, warning }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// `path:line:column: error: message`, the form editors and CI logs understand.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Loading failed: the dialog has errors and must not be run. `diagnostics` holds every error and warning found.
public struct DialogLoadFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
