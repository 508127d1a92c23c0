/// A named condition, usable like a yes/no slot. Flags marked as situations are what the assistant tells the user it found.
public struct Flag: Hashable, Codable, Sendable {
    public var id: String
    public var label: LocalizedText
    public var isSituation: Bool
    public var condition: Condition
    public var conditionLocation: SourceLocation?
    public var location: SourceLocation?

    public init(id: String, label: LocalizedText, isSituation: Bool, condition: Condition,
                conditionLocation: SourceLocation? = nil, location: SourceLocation? = nil) {
        self.id = id
        self.label = label
        self.isSituation = isSituation
        self.condition = condition
        self.conditionLocation = conditionLocation
        self.location = location
    }
}
