import AWSInventory
import ClosurePlanner
import Foundation
import OrgGraph
import PlanExecution
import PlanFiles
import TestSupport
import Testing

/// `apply` under crashes, faults and refusals, against moto through the proxy.
@Suite(.timeLimit(.minutes(30)))
struct ApplyResilienceTests {
  static let mutating: Set<String> = [
    "CloseAccount", "RemoveAccountFromOrganization", "DeregisterDelegatedAdministrator",
    "DeleteOrganization", "CancelHandshake",
  ]

  /// `kill -9` at a fixed point.
  ///
  /// The proxy lets moto close an account, then holds the answer until the test has killed `apply`
  /// (and its `aws` child). The next run settles the call by reading the account, never by sending
  /// it again.
  @Test func killedWhileACloseAccountAnswerIsHeld() async throws {
    let lab = try await ApplyLab.start(
      accounts: 3, policy: ["strategy": "close-in-place", "defaults": ["dataBackedUp": true]],
      rules: [
        "pendingPolls": 0,
        "inject": [["id": "held", "op": "CloseAccount", "times": 1, "hold": true]],
      ])
    defer { lab.stop() }
    try await lab.recordManualSteps()
    let apply = Process()
    apply.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    apply.arguments =
      ["-i"] + lab.environment().sorted { $0.key < $1.key }.map { "\($0)=\($1)" }
      // The snapshot the plan was made from is minutes old: apply checks freshness against it.
      + [try Tools.orgclose()] + lab.applyArguments(["--snapshot", lab.folder.file("snap.json")])
    apply.standardOutput = FileHandle.nullDevice
    apply.standardError = FileHandle.nullDevice
    try apply.run()
    let held = try await offThePool { lab.waitForHeldAnswer() }
    #expect(held == "held CloseAccount")
    // `env` execs orgclose, so this is apply's own process.
    kill(apply.processIdentifier, SIGKILL)
    // The kill is delivered before apply could read anything more; the held answer is then
    // dropped, so its `aws` child ends at once rather than at its read time-out.
    lab.releaseHeldAnswer()
    apply.waitUntilExit()
    let records = try lab.journalRecords()
    let started = records.filter {
      if case .started(_, let request) = $0.event { return request.operation == .closeAccount }
      return false
    }
    #expect(started.count == 1, "one CloseAccount announced before the kill")
    #expect(!records.contains { $0.event.kind == .succeeded && started.first?.step == $0.step })
    _ = try await lab.driveToTheEnd()
    try ApplyScenarioTests.checkProxyLog(lab, quota: 250, closed: lab.members, protected: [])
    let settled = try lab.journalRecords().contains {
      if case .succeeded(let step, let success) = $0.event {
        return step == started.first?.step && success.outcome == "reconciled"
      }
      return false
    }
    #expect(settled, "the held call was settled by reading the account")
  }

  /// Each refusal comes before any change reaches the proxy; `--dry-run` changes nothing.
  @Test func refusalsThenEveryCallOnce() async throws {
    let lab = try await ApplyLab.start(
      accounts: 3, policy: ["strategy": "close-in-place", "defaults": ["dataBackedUp": true]],
      rules: [
        "handshakes": [
          [
            "Id": OrganizationsActionsContract.handshake.rawValue, "State": "OPEN",
            "Action": "INVITE",
          ]
        ]
      ])
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
    // A second apply while another run holds the journal: the lock is taken here, as a
    // running apply holds it, so nothing depends on timing.
    let holder = try JournalFile(lab.journal, note: "pid 1 on the test host, since now\n")
    let second = try await lab.apply()
    #expect(second.status == 75)
    #expect(second.stderr.contains("is locked by another orgclose run (pid 1"))
    withExtendedLifetime(holder) {}
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
    try await OrganizationsActionsContract.everyCallOnce(lab)
  }
}
