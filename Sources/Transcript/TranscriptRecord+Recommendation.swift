import Foundation

extension TranscriptRecord {
    /// What the assistant concluded: the situations it recognised and the remedies it offered, most urgent first.
    public struct Recommendation: Sendable, Hashable, Codable {
        static let type = "recommendation"

        /// One remedy as offered, with the reasons it was chosen, so staff can see why the assistant said what it said.
        public struct Remedy: Sendable, Hashable, Codable {
            public var id: String
            /// The title as shown to the user, in the session's language.
            public var title: String
            /// Why the remedy applies, in words (for example the condition that held, with slot values filled in).
            public var reasons: [String]

            public init(id: String, title: String, reasons: [String]) {
                self.id = id
                self.title = title
                self.reasons = reasons
            }
        }

        public var time: Date
        /// Ids of the situations recognised, such as `suspected_scam`.
        public var situations: [String]
        /// In the order offered.
        public var remedies: [Remedy]

        public init(time: Date, situations: [String], remedies: [Remedy]) {
            self.time = time
            self.situations = situations
            self.remedies = remedies
        }

        private enum CodingKeys: String, CodingKey {
            case situations, remedies
        }

        public func encode(to encoder: any Encoder) throws {
            var header = encoder.container(keyedBy: RecordHeaderKey.self)
            try header.encodeHeader(type: Self.type, time: time)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(situations, forKey: .situations)
            try container.encode(remedies, forKey: .remedies)
        }

        public init(from decoder: any Decoder) throws {
            time = try decoder.container(keyedBy: RecordHeaderKey.self).decodeTime()
            let container = try decoder.container(keyedBy: CodingKeys.self)
            situations = try container.decode([String].self, forKey: .situations)
            remedies = try container.decode([Remedy].self, forKey: .remedies)
        }
    }
}
