import ClosurePlanner
import OrgGraph
import TestSupport
import Testing

/// Billing responsibility transfers and handshakes (rules E38, E38a–E38c, J61, A5).
@Suite struct TransferRuleTests {
  static func transfer(
    _ suffix: String, _ direction: ResponsibilityTransfer.Direction, _ status: TransferStatus,
    end: String? = nil, handshake: String? = nil
  ) -> ResponsibilityTransfer {
    ResponsibilityTransfer(
      id: ResponsibilityTransferID(unchecked: "rt-\(suffix)"), direction: direction,
      status: status, endTimestamp: end.flatMap { Timestamp(iso8601: $0) },
      activeHandshakeID: handshake.map { HandshakeID(unchecked: $0) })
  }

  static func plan(
    transfers: [ResponsibilityTransfer] = [], handshakes: [Handshake] = [],
    strategy: Strategy = .removeThenDelete
  ) throws -> ClosurePlan {
    try Fixtures.plan(
      try Fixtures.organization(
        members: [Fixtures.member(1)], handshakes: handshakes, transfers: transfers),
      policy: Policy(strategy: strategy))
  }

  @Test("rule E38a: a WITHDRAWN transfer runs to its end date and holds DeleteOrganization back")
  func withdrawnTransferRunsToItsEnd() throws {
    let plan = try Self.plan(transfers: [
      Self.transfer("withdrawn1", .outbound, .withdrawn, end: "2027-01-31T23:59:59Z")
    ])
    let wait = try #require(plan.step("await-responsibility-transfer-end:rt-withdrawn1"))
    #expect(wait.notBefore == CalendarDay(iso8601: "2027-02-01"))
    #expect(wait.after.isEmpty, "a withdrawn transfer needs no TerminateResponsibilityTransfer")
    #expect(plan.depends("delete-organization", on: wait.id))
    #expect(try #require(plan.step("delete-organization")).notBefore! >= wait.notBefore!)
    #expect(plan.step("end-responsibility-transfer:rt-withdrawn1") == nil)
  }

  @Test("rule E38a: a transfer that ended before the start date holds nothing back")
  func endedTransferHoldsNothing() throws {
    let plan = try Self.plan(transfers: [
      Self.transfer("withdrawn2", .inbound, .withdrawn, end: "2026-10-31T23:59:59Z"),
      Self.transfer("accepted02", .inbound, .accepted, end: "2026-11-30T23:59:59Z"),
    ])
    #expect(plan.steps.allSatisfy { !$0.id.contains(":rt-") })
    #expect(plan.findings("RESPONSIBILITY_TRANSFER_ACTIVE").isEmpty)
    #expect(plan.step("delete-organization")?.notBefore == Fixtures.startDate)
  }

  @Test("rule E38a: a WITHDRAWN transfer without an end date waits at least to the month's end")
  func withdrawnWithoutEndWaits() throws {
    let plan = try Self.plan(transfers: [Self.transfer("withdrawn3", .inbound, .withdrawn)])
    let wait = try #require(plan.step("await-responsibility-transfer-end:rt-withdrawn3"))
    #expect(wait.notBefore == CalendarDay(iso8601: "2027-01-01"))
    #expect(
      plan.findings("RESPONSIBILITY_TRANSFER_ACTIVE").first?.message.contains("no end date") == true
    )
  }

  struct InvitationCase: Sendable, CustomTestStringConvertible {
    var direction: ResponsibilityTransfer.Direction
    var call: String
    var command: String
    var testDescription: String { "\(direction.rawValue) → \(call)" }
  }

  @Test(
    "rule E38b: a pending inbound invitation was sent by us and is withdrawn; an outbound one is declined",
    arguments: [
      InvitationCase(
        direction: .inbound, call: "organizations:CancelHandshake",
        command: "aws organizations cancel-handshake --handshake-id h-invite0001"),
      InvitationCase(
        direction: .outbound, call: "organizations:DeclineHandshake",
        command: "aws organizations decline-handshake --handshake-id h-invite0001"),
    ])
  func pendingInvitationsAreAnsweredBySide(_ c: InvitationCase) throws {
    let handshake = Handshake(
      id: HandshakeID(unchecked: "h-invite0001"), action: .transferResponsibility, state: .open)
    let plan = try Self.plan(
      transfers: [Self.transfer("pending001", c.direction, .requested, handshake: "h-invite0001")],
      handshakes: [handshake])
    let step = try #require(plan.step("end-responsibility-transfer:rt-pending001"))
    #expect(step.call == c.call)
    #expect(step.checklist.first == c.command)
    #expect(plan.depends("delete-organization", on: step.id))
    // The handshake is the transfer's: one finding, not a second blocking one.
    #expect(plan.findings("RESPONSIBILITY_TRANSFER_ACTIVE").map(\.severity) == [.warning])
  }

  @Test("rule E38b: a pending invitation whose handshake the snapshot lacks blocks")
  func pendingInvitationWithoutHandshakeBlocks() throws {
    let plan = try Self.plan(transfers: [Self.transfer("pending002", .inbound, .requested)])
    let finding = try #require(plan.findings("RESPONSIBILITY_TRANSFER_ACTIVE").first)
    #expect(finding.severity == .blocking)
    #expect(finding.message.contains("rt-pending002"))
    #expect(plan.step("end-responsibility-transfer:rt-pending002") == nil)
  }

  @Test("rule E38c: an OPEN transfer handshake no transfer names blocks, naming the handshake")
  func unlinkedTransferHandshakeBlocks() throws {
    let plan = try Self.plan(handshakes: [
      Handshake(
        id: HandshakeID(unchecked: "h-orphan0001"), action: .transferResponsibility, state: .open)
    ])
    let finding = try #require(plan.findings("RESPONSIBILITY_TRANSFER_ACTIVE").first)
    #expect(finding.severity == .blocking)
    #expect(finding.message.contains("h-orphan0001"))
  }

  @Test("rules A5, J61: feature-set handshakes in progress warn; others of unknown effect warn too")
  func otherHandshakesWarn() throws {
    let plan = try Self.plan(handshakes: [
      Handshake(
        id: HandshakeID(unchecked: "h-enable0001"), action: .enableAllFeatures, state: .open),
      Handshake(
        id: HandshakeID(unchecked: "h-approve001"), action: .approveAllFeatures, state: .requested),
      Handshake(
        id: HandshakeID(unchecked: "h-other00001"), action: .unknown("NEW_ACTION"), state: .open),
      Handshake(
        id: HandshakeID(unchecked: "h-done000001"), action: .enableAllFeatures, state: .accepted),
    ])
    #expect(plan.findings("FEATURE_SET_CHANGE_IN_PROGRESS").count == 2)
    #expect(plan.findings("FEATURE_SET_CHANGE_IN_PROGRESS").allSatisfy { $0.severity == .warning })
    #expect(
      plan.findings("HANDSHAKE_IN_PROGRESS").map(\.message).first?.contains("h-other00001") == true)
    #expect(plan.findings("HANDSHAKE_IN_PROGRESS").count == 1)
  }

  @Test("rules E38, F45: under close-in-place no finding says DeleteOrganization fails")
  func closeInPlaceNamesWhatIsHeldBack() throws {
    let plan = try Self.plan(
      transfers: [
        Self.transfer("accepted03", .outbound, .accepted),
        Self.transfer("pending003", .inbound, .requested, handshake: "h-invite0003"),
        Self.transfer("pending004", .inbound, .requested),
      ],
      handshakes: [
        Handshake(
          id: HandshakeID(unchecked: "h-orphan0002"), action: .transferResponsibility, state: .open),
        Handshake(id: HandshakeID(unchecked: "h-invite0004"), action: .invite, state: .open),
      ],
      strategy: .closeInPlace)
    #expect(plan.findings("RESPONSIBILITY_TRANSFER_ACTIVE").count == 4)
    for finding in plan.findings {
      #expect(!finding.message.contains("DeleteOrganization fails"), "\(finding.code)")
      #expect(!finding.remediation.contains("DeleteOrganization fails"), "\(finding.code)")
    }
    let management = "close-management-account:\(Fixtures.managementID)"
    #expect(plan.depends(management, on: "await-responsibility-transfer-end:rt-accepted03"))
    #expect(plan.depends(management, on: "end-responsibility-transfer:rt-pending003"))
    #expect(
      plan.findings("RESPONSIBILITY_TRANSFER_ACTIVE").allSatisfy {
        $0.message.contains("management account")
      })
  }

  @Test("every API step's call and its aws command name the same operation")
  func callsAndCommandsAgree() throws {
    for seed in 1...60 {
      var random = RandomOrganization(seed: UInt64(seed))
      let (organization, policy) = try random.make()
      let plan = try Fixtures.plan(organization, policy: policy)
      for step in plan.steps where step.kind != .manual {
        guard let call = step.call, !call.contains("+") else { continue }
        let parts = call.split(separator: ":")
        let operation = String(parts[1]).reduce(into: "") { text, character in
          if character.isUppercase, !text.isEmpty { text += "-" }
          text += character.lowercased()
        }
        let command = "aws \(parts[0]) \(operation)"
        #expect(
          step.checklist.first == command || step.checklist.first?.hasPrefix(command + " ") == true,
          "\(step.id): \(call) but \(step.checklist.first ?? "no command")")
      }
    }
  }
}
