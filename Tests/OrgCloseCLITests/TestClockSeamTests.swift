import Foundation
import Testing

@testable import OrgCloseCLI

/// The test clock is accepted only with an endpoint every URL parser reads as this machine.
@Suite struct TestClockSeamTests {
  @Test(arguments: [
    "http://127.0.0.1:5000", "http://127.0.0.1:5000/", "http://localhost:4566/path",
    "https://localhost", "http://[::1]:8080/",
  ])
  func literalLoopbackEndpointsAreAccepted(_ url: String) {
    #expect(RunClock.isLiteralLoopback(url))
  }

  @Test(arguments: [
    #"http://127.0.0.2:5000\@127.0.0.1:5000/"#, "http://user@127.0.0.1:5000/",
    "http://127.0.0.1.example.com/", "http://127.0.0.2:5000/", "http://localhost:99999/",
    "http://localhost:50a0/", "ftp://127.0.0.1/", "http://127.0.0.1 :5000/", "http://[::1]x/",
    "http://127.0.0.1%2f@evil/", "HTTP://127.0.0.1/", "http://127.0.0.1:/", "",
    "http://localhost\u{1B}/",
  ])
  func anythingElseIsRefused(_ url: String) {
    #expect(!RunClock.isLiteralLoopback(url))
  }

  @Test func applyRefusesTheTestClockWithAnEndpointElsewhere() throws {
    let arguments = [
      "apply", "missing-plan.json", "--journal", "j", "--confirm", "o-abcdefghij",
      "--endpoint-url", #"http://127.0.0.2:5000\@127.0.0.1:5000/"#,
    ]
    let command = try ApplyCommand(
      arguments.dropFirst().map { $0 }, environment: ["ORGCLOSE_TEST_CLOCK": "/nonexistent"])
    let captured = CapturedConsole()
    #expect(throws: UsageError.self) { _ = try command.run(captured.console) }
  }
}
