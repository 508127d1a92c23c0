import Foundation
import NoticeAssistant

/// The results of `test` for a CI system: JUnit XML (one test case per conversation, a failure per failed one with
/// every failed expectation) or JSON.
struct TestReport {
    var suite: String
    var results: [DialogTestRunner.Result]
    var coverage: DialogTestRunner.Coverage

    func junit() -> String {
        func escaped(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "\n", "\t": out.unicodeScalars.append(scalar)
                // XML 1.0 cannot hold other control characters, even escaped.
                case _ where scalar.value < 0x20: out += " "
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        let failed = results.filter { !$0.passed }.count
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                     "<testsuites name=\"notice-assistant test\" tests=\"\(results.count)\" failures=\"\(failed)\">",
                     "  <testsuite name=\"\(escaped(suite))\" tests=\"\(results.count)\" failures=\"\(failed)\" errors=\"0\">"]
        for result in results {
            let file = result.location.file
            let open = "    <testcase name=\"\(escaped(result.test))\" classname=\"\(escaped(file))\" file=\"\(escaped(file))\" line=\"\(result.location.line)\""
            if result.passed {
                lines.append(open + "/>")
            } else {
                lines.append(open + ">")
                lines.append("      <failure message=\"\(escaped(result.failures.first?.split(separator: "\n").first.map(String.init) ?? "failed"))\">\(escaped(result.failures.joined(separator: "\n")))</failure>")
                lines.append("    </testcase>")
            }
        }
        lines.append("  </testsuite>")
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    private struct JSONReport: Encodable {
        struct Entry: Encodable {
            var name: String
            var location: String
            var passed: Bool
            var failures: [String]
            var questionsBeforeAdvice: Int?
            var linesBeforeAdvice: Int?
        }
        struct Coverage: Encodable {
            var states: Int
            var statesVisited: Int
            var transitions: Int
            var transitionsVisited: Int
            var unvisitedStates: [String]
            var unvisitedTransitions: [String]
        }
        var suite: String
        var passed: Int
        var failed: Int
        var tests: [Entry]
        var coverage: Coverage
    }

    func json() -> String {
        let report = JSONReport(
            suite: suite, passed: results.filter(\.passed).count, failed: results.filter { !$0.passed }.count,
            tests: results.map {
                .init(name: $0.test, location: $0.location.description, passed: $0.passed, failures: $0.failures,
                      questionsBeforeAdvice: $0.beforeAdvice?.questions, linesBeforeAdvice: $0.beforeAdvice?.lines)
            },
            coverage: .init(states: coverage.allStates.count, statesVisited: coverage.visitedStates.intersection(coverage.allStates).count,
                            transitions: coverage.allTransitions.count, transitionsVisited: coverage.visitedTransitions.count,
                            unvisitedStates: coverage.unvisitedStates, unvisitedTransitions: coverage.unvisitedTransitions))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(report)) ?? Data(), as: UTF8.self) + "\n"
    }
}
