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
    guard let endpointURL, Self.isLiteralLoopback(endpointURL) else {
      throw UsageError(
        "\(Self.variable) is a test seam: it is refused unless --endpoint-url is "
          + "http://127.0.0.1, http://localhost or http://[::1] (with a port and a path, no user "
          + "information)")
    }
  }

  /// Whether `url` names a literal loopback host and nothing a URL parser could read another
  /// way: `http` or `https`, the host `127.0.0.1`, `localhost` or `[::1]`, an optional port,
  /// a path; no user information, backslash, space or control character anywhere
  /// (`http://127.0.0.2:P\@127.0.0.1:P/` reads as 127.0.0.1 to one parser, not to another).
  static func isLiteralLoopback(_ url: String) -> Bool {
    let forbidden: Set<Character> = ["@", "\\", " ", "%"]
    guard url.allSatisfy({ !forbidden.contains($0) && !$0.isWhitespace && $0.isASCII }),
      url.unicodeScalars.allSatisfy({ $0.value >= 0x21 && $0.value < 0x7F })
    else { return false }
    var rest = Substring(url)
    if rest.hasPrefix("http://") {
      rest = rest.dropFirst(7)
    } else if rest.hasPrefix("https://") {
      rest = rest.dropFirst(8)
    } else {
      return false
    }
    let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    var host = authority
    var port: Substring?
    if authority.hasPrefix("[") {
      guard let close = authority.firstIndex(of: "]") else { return false }
      host = authority[...close]
      let after = authority[authority.index(after: close)...]
      if !after.isEmpty {
        guard after.hasPrefix(":") else { return false }
        port = after.dropFirst()
      }
    } else if let colon = authority.firstIndex(of: ":") {
      host = authority[..<colon]
      port = authority[authority.index(after: colon)...]
    }
    guard ["127.0.0.1", "localhost", "[::1]"].contains(host) else { return false }
    if let port {
      guard !port.isEmpty, port.count <= 5, port.allSatisfy(\.isASCII),
        port.allSatisfy(\.isNumber), let number = Int(port), (1...65_535).contains(number)
      else { return false }
    }
    return true
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
