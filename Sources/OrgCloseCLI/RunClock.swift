import Foundation
import OrgGraph
import PlanExecution

/// The clock `apply`, `done` and `status` read and `apply` sleeps on.
///
/// Test seam: `ORGCLOSE_TEST_CLOCK=FILE` names a file holding the time as seconds since
/// 1970; reading the clock reads the file and sleeping adds to it, so a test can run months
/// of a shutdown (quota windows, the 90-day wait) in seconds. `apply` refuses it unless
/// `--endpoint-url` points at 127.0.0.1 or localhost, so it can never hurry the pacing of
/// calls to real AWS.
struct RunClock: ExecutionClock, Sendable {
  static let variable = "ORGCLOSE_TEST_CLOCK"

  private let file: String?

  /// The real clock, or the test clock `environment` names.
  init(environment: [String: String]) {
    file = environment[Self.variable].flatMap { $0.isEmpty ? nil : $0 }
  }

  var isTestClock: Bool { file != nil }

  /// Refuses the test clock unless every call goes to this machine.
  func check(endpointURL: String?) throws(UsageError) {
    guard isTestClock else { return }
    let host = endpointURL.flatMap { URLComponents(string: $0)?.host }
    guard let host, ["127.0.0.1", "localhost", "::1"].contains(host) else {
      throw UsageError(
        "\(Self.variable) is a test seam: it is refused unless --endpoint-url points at "
          + "127.0.0.1 or localhost")
    }
  }

  func now() -> Timestamp {
    guard let file else {
      return Timestamp(secondsSince1970: Date().timeIntervalSince1970)
        ?? .init(millisecondsSince1970: 0)
    }
    return Self.read(file)
  }

  /// Waits until `time`: really, or by moving the test clock on.
  func sleep(until time: Timestamp) {
    sleep(seconds: Double(time.millisecondsSince1970 - now().millisecondsSince1970) / 1000)
  }

  /// Waits `seconds`: really, or by moving the test clock on.
  func sleep(seconds: Double) {
    guard seconds > 0 else { return }
    guard let file else {
      Thread.sleep(forTimeInterval: seconds)
      return
    }
    let later = Double(Self.read(file).millisecondsSince1970) / 1000 + seconds
    try? String(format: "%.3f\n", later).write(toFile: file, atomically: true, encoding: .utf8)
  }

  private static func read(_ file: String) -> Timestamp {
    let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
    let seconds = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    return Timestamp(secondsSince1970: seconds) ?? .init(millisecondsSince1970: 0)
  }
}
