import AWSInventory
import Foundation
import PlanExecution
import TestSupport
import Testing

/// `apply` under crashes, faults and refusals, against moto through the proxy.
@Suite(.timeLimit(.minutes(30)))
struct ApplyResilienceTests {
  static let mutating: Set<String> = [
    "CloseAccount", "RemoveAccountFromOrganization", "DeregisterDelegatedAdministrator",
    "DeleteOrganization", "CancelHandshake",
  ]

  /// `kill -9` at random points, 20 times, then resume: every member closed by exactly one
  /// accepted CloseAccount, nothing protected touched, the journal still valid.
  @Test func killedTwentyTimes() async throws {
    let lab = try await ApplyLab.start(
      accounts: 12, policy: ["strategy": "close-in-place", "defaults": ["dataBackedUp": true]],
      rules: ["pendingPolls": 1], protectFirstMember: true)
    defer { lab.stop() }
    try await lab.recordManualSteps()
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<20 {
      let delay = Double.random(in: 0.3...4.0, using: &generator)
      // The runner's timeout is the kill -9: SIGKILL to apply's process group, its aws
      // child included, whose request may already have reached AWS.
      let orgclose = try Tools.orgclose()
      let environment = lab.environment()
      let arguments = lab.applyArguments()
      _ = try await offThePool {
        try TestProcess.run(
          orgclose, arguments, environment: environment, onlyEnvironment: true,
          timeout: .milliseconds(Int(delay * 1000)))
      }
      _ = try lab.journalRecords()
    }
    _ = try await lab.driveToTheEnd()
    let protected = try #require(lab.members.first)
    try ApplyScenarioTests.checkProxyLog(
      lab, quota: 250, closed: lab.members.filter { $0 != protected }, protected: [protected])
    let records = try lab.journalRecords()
    #expect(records.filter { $0.event == .header }.count == 1)
  }

  /// Throttling, both ConstraintViolationException reasons, a concurrent change, a slow
  /// answer and a connection dropped after moto made the change: each closure still lands
  /// exactly once, and the journal keeps the typed reasons (rules X1, X2).
  @Test func injectedFaults() async throws {
    let lab = try await ApplyLab.start(
      accounts: 5, policy: ["strategy": "close-in-place", "defaults": ["dataBackedUp": true]],
      rules: [
        "pendingPolls": 0,
        "inject": [
          ["id": "a", "op": "CloseAccount", "times": 2, "error": "TooManyRequestsException"],
          [
            "id": "b", "op": "CloseAccount", "times": 1,
            "reason": "CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED",
          ],
          [
            "id": "c", "op": "CloseAccount", "times": 1, "error": "ConcurrentModificationException",
          ],
          ["id": "d", "op": "CloseAccount", "times": 1, "drop": true],
          ["id": "e", "op": "DescribeAccount", "times": 1, "delay": 2],
        ],
      ])
    defer { lab.stop() }
    // With four closures due (the fifth member waits for its deregistrations), a dry run
    // lists the 3 that may start now (rule B12) and holds back the 4th, as the run would.
    try await lab.recordManualSteps()
    let dry = try await lab.apply(["--dry-run"])
    #expect(dry.status == 0, "\(dry.stderr)")
    #expect(dry.stdout.components(separatedBy: "aws organizations close-account").count - 1 == 3)
    #expect(dry.stdout.contains("1 more closure due"), "\(dry.stdout)")
    _ = try await lab.driveToTheEnd()
    try ApplyScenarioTests.checkProxyLog(lab, quota: 250, closed: lab.members, protected: [])
    let reasons = try lab.journalRecords().compactMap(\.reason)
    #expect(reasons.contains("CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED"))
    let codes = try lab.journalRecords().compactMap(\.errorCode)
    #expect(codes.contains("TooManyRequestsException"))
    #expect(codes.contains("ConcurrentModificationException"))
    // The dropped answer was settled by reading the account, not by a second call.
    #expect(try lab.journalRecords().contains { $0.outcome == "reconciled" })
  }

  /// A change with no account state of its own, whose answer is lost: the next pass reads
  /// the handshake (`describe-handshake`) and settles it, never sending it again unread.
  @Test func lostAnswerOfAnInvitationCancelIsSettledByReading() async throws {
    let handshake = "h-abcdefgh1234"
    let lab = try await ApplyLab.start(
      accounts: 2, policy: ["strategy": "close-in-place", "defaults": ["dataBackedUp": true]],
      rules: [
        "pendingPolls": 0,
        "handshakes": [["Id": handshake, "State": "OPEN", "Action": "INVITE"]],
        "inject": [["id": "lost", "op": "CancelHandshake", "times": 1, "drop": true]],
      ])
    defer { lab.stop() }
    _ = try await lab.driveToTheEnd()
    let log = try lab.proxyLog()
    // Every CancelHandshake that reached the proxy, answered or not (a drop logs twice).
    let cancels = log.filter { $0.op == "CancelHandshake" && $0.result != "dropped" }
    #expect(cancels.count == 1, "CancelHandshake sent \(cancels.count) times")
    #expect(log.contains { $0.op == "DescribeHandshake" })
    let settled = try lab.journalRecords().filter {
      $0.step == "cancel-invitation:\(handshake)" && $0.event == .succeeded
    }
    #expect(settled.map(\.outcome) == ["reconciled"])
  }

  @Test func quotaRefusalStopsTheRunAndTheNextWindowGoesOn() async throws {
    let lab = try await ApplyLab.start(
      accounts: 4, policy: ["strategy": "close-in-place", "defaults": ["dataBackedUp": true]],
      rules: [
        "pendingPolls": 0,
        "inject": [
          ["id": "q", "op": "CloseAccount", "times": 1, "reason": "CLOSE_ACCOUNT_QUOTA_EXCEEDED"]
        ],
      ])
    defer { lab.stop() }
    _ = try await lab.driveToTheEnd()
    let quota = try lab.journalRecords().filter { $0.reason == "CLOSE_ACCOUNT_QUOTA_EXCEEDED" }
    #expect(quota.count == 1)
    #expect(quota.first?.message?.contains("window moves") == true)
    try ApplyScenarioTests.checkProxyLog(lab, quota: 250, closed: lab.members, protected: [])
  }

  /// Each refusal comes before any change reaches the proxy; `--dry-run` changes nothing.
  @Test func refusals() async throws {
    let lab = try await ApplyLab.start(
      accounts: 3, policy: ["strategy": "close-in-place", "defaults": ["dataBackedUp": true]])
    defer { lab.stop() }
    let dry = try await lab.apply(["--dry-run"])
    #expect(dry.status == 0)
    #expect(dry.stdout.contains("aws organizations"))
    #expect(!FileManager.default.fileExists(atPath: lab.journal))
    let wrong = try await lab.orgclose(
      [
        "apply", lab.plan, "--journal", lab.journal, "--confirm", "o-wrongwrong1", "--endpoint-url",
        lab.endpoint, "--policy", lab.policyFile,
      ])
    #expect(wrong.status == 64)
    #expect(wrong.stderr.contains("--confirm o-wrongwrong1 is not the plan's organization"))
    // The test clock is refused against anything but this machine.
    let remote = try await lab.orgclose(
      [
        "apply", lab.plan, "--journal", lab.journal, "--confirm", lab.organization, "--policy",
        lab.policyFile,
      ])
    #expect(remote.status == 64)
    // A journal of another organization.
    let other = lab.folder.file("other.journal")
    try Data(
      (#"{"event":"header","organization":"o-otherorg12","planDigest":"sha256:00","schemaVersion":1,"time":"2026-12-01T00:00:00.000Z"}"#
        + "\n").utf8
    ).write(to: URL(fileURLWithPath: other))
    let foreign = try await lab.orgclose(
      [
        "apply", lab.plan, "--journal", other, "--confirm", lab.organization, "--endpoint-url",
        lab.endpoint, "--policy", lab.policyFile,
      ])
    #expect(foreign.status == 65)
    #expect(foreign.stderr.contains("is the journal of organization o-otherorg12"))
    // Another policy than the plan's (here without the backup fact) could drop protections.
    let otherPolicy = lab.folder.file("other.policy.json")
    try Data(#"{"schemaVersion":1,"strategy":"close-in-place"}"#.utf8).write(
      to: URL(fileURLWithPath: otherPolicy))
    let swapped = try await lab.orgclose(
      [
        "apply", lab.plan, "--journal", lab.journal, "--confirm", lab.organization,
        "--endpoint-url", lab.endpoint, "--policy", otherPolicy,
      ])
    #expect(swapped.status == 3, "\(swapped.stderr)")
    #expect(swapped.stderr.contains("is not the policy"))
    // Neither the dry run nor the refusals so far changed anything, or left a journal.
    #expect(try lab.proxyLog().filter { Self.mutating.contains($0.op) }.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: lab.journal))
    // A second apply while one holds the journal (the first is slowed at its first read).
    try lab.setRules([
      "inject": [["id": "slow", "op": "GetCallerIdentity", "times": 1, "delay": 6]]
    ])
    async let first = lab.apply()
    try await Task.sleep(for: .seconds(2))
    let second = try await lab.apply()
    #expect(second.status == 75)
    #expect(second.stderr.contains("is locked by another orgclose run (pid"))
    _ = try await first
    // A stale plan: an account moved after the plan was made.
    let member = try #require(lab.members.first)
    let root = lab.manifest.rootId
    let target = try #require(
      lab.manifest.units.keys.sorted().first { lab.manifest.accounts[member] != $0 })
    _ = try await TestProcess.runOffThePool(
      Tools.aws,
      [
        "organizations", "move-account", "--endpoint-url", lab.moto.endpoint, "--account-id",
        member,
        "--source-parent-id", lab.manifest.accounts[member] ?? root, "--destination-parent-id",
        target,
      ],
      onlyEnvironment: Tools.awsEnvironment())
    let before = try lab.proxyLog().filter { Self.mutating.contains($0.op) }.count
    let stale = try await lab.orgclose(
      [
        "apply", lab.plan, "--journal", lab.folder.file("fresh.journal"), "--confirm",
        lab.organization,
        "--endpoint-url", lab.endpoint, "--policy", lab.policyFile,
      ])
    #expect(stale.status == 3, "\(stale.stderr)")
    let log = try lab.proxyLog()
    #expect(log.filter { Self.mutating.contains($0.op) }.count == before)
    #expect(dry.status == 0 && wrong.status == 64)
  }

  /// REAL 20 s SPACING (rule B13): no test clock; three closures take at least 40 s.
  @Test func realSpacing() async throws {
    let lab = try await ApplyLab.start(
      accounts: 3, policy: ["strategy": "close-in-place", "defaults": ["dataBackedUp": true]],
      rules: ["pendingPolls": 0])
    defer { lab.stop() }
    try await lab.recordManualSteps(testClock: false)
    let started = Date()
    let result = try await lab.apply(["--poll-interval", "5"], testClock: false)
    let elapsed = Date().timeIntervalSince(started)
    #expect([0, 2].contains(result.status), "\(result.stderr)")
    let closes = try lab.proxyLog().filter { $0.op == "CloseAccount" && $0.result == "ok" }.map(
      \.wall)
    #expect(closes.count == 3, "\(result.stdout)\n\(result.stderr)")
    for (a, b) in zip(closes, closes.dropFirst()) { #expect(b - a >= 20) }
    print(
      "real spacing: 3 closures in \(Int(elapsed)) s; gaps \(zip(closes, closes.dropFirst()).map { Int($1 - $0) })"
    )
  }
}
