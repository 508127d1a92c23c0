import Foundation
import NoticeAssistant

/// The tiny dialog under Fixtures/serve-dialog, loaded once for every protocol and concurrency test.
enum ServeFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/serve-dialog", isDirectory: true)

    static let assistant: Assistant = {
        do {
            return try Assistant(folder: folder)
        } catch {
            fatalError("the test dialog does not load:\n\(error)")
        }
    }()

    /// Conversations people have with the fixture, and the remedies each ends in.
    static let scripts: [(lines: [String], remedies: [String])] = [
        (["sms", "never registered"], ["verify_sms", "dispute"]),
        (["电话", "注册过"], ["check_app"]),
        (["I got a text", "yes"], ["verify_sms", "check_app"]),
        (["phoned", "不知道"], []),
        (["sms, and I never registered"], ["verify_sms", "dispute"]),
        (["sms", "no, it was a call", "no"], ["dispute"]),
        (["sms", "back", "call", "yes"], ["check_app"]),
        (["english", "what?", "text", "沒有"], ["verify_sms", "dispute"]),
    ]

    static let languages = ["zh-Hans", "zh-Hant", "en"]

    /// A protocol request line, as bytes.
    static func request(_ fields: [String: String]) -> [UInt8] {
        let data = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
        return Array(data)
    }

    /// The remedies of the last recommendation among the events.
    static func remedies(_ events: [DialogEvent]) -> [String]? {
        var last: [String]?
        for case .recommendation(let recommendation) in events { last = recommendation.remedies.map(\.id) }
        return last
    }
}

extension ProtocolResponse {
    /// The response as the JSON object a client reads.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: jsonLine())) as? [String: Any] ?? [:]
    }

    var errorCode: ProtocolError.Code? {
        if case .error(let code, _) = event { return code }
        return nil
    }
}

/// A value behind a lock, for test doubles shared between tasks.
final class TestLocked<Value>: @unchecked Sendable {
    // @unchecked: `value` is only touched while `lock` is held.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
