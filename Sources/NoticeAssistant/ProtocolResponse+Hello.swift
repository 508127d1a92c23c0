extension ProtocolResponse {
    /// What `hello` tells a host before it starts a session: which protocol version the server speaks, which
    /// program and dialog answer, and the languages a `start` may ask for.
    ///
    /// ```json
    /// {"v":1,"type":"hello","last":true,"text":"","defaultLanguage":"zh-Hans",
    ///  "dialog":{"contentHash":"…","id":"notice-help","version":"1.0.0"},"languages":["zh-Hans","zh-Hant","en"],
    ///  "program":"0.1.0","protocol":1,"protocols":[1]}
    /// ```
    public struct Hello: Hashable, Sendable {
        /// The protocol version of every response (`v`).
        public var protocolVersion: Int
        /// The version of notice-assistant (the library) serving.
        public var programVersion: String
        /// The dialog's `id`, `version` and content hash.
        public var dialogID: String
        public var dialogVersion: String
        public var dialogContentHash: String
        /// The languages the dialog speaks, its default first.
        public var languages: [String]
        /// The language of a session whose `start` names none.
        public var defaultLanguage: String

        /// What `hello` says.
        public init(protocolVersion: Int, programVersion: String, dialogID: String, dialogVersion: String,
                    dialogContentHash: String, languages: [String], defaultLanguage: String) {
            self.protocolVersion = protocolVersion
            self.programVersion = programVersion
            self.dialogID = dialogID
            self.dialogVersion = dialogVersion
            self.dialogContentHash = dialogContentHash
            self.languages = languages
            self.defaultLanguage = defaultLanguage
        }
    }
}
