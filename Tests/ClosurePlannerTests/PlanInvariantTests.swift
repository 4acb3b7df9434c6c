import ClosurePlanner
import Foundation
import OrgGraph
import PlanFiles
import TestSupport
import Testing

/// Properties every plan must have, checked on generated organizations of growing size.
@Suite struct PlanInvariantTests {
  struct SizeCase: Sendable, CustomTestStringConvertible {
    var accounts: Int
    var seed: UInt64
    var strategy: Strategy
    var testDescription: String { "\(accounts) accounts, seed \(seed), \(strategy.rawValue)" }
  }

  static let cases: [SizeCase] = [
    SizeCase(accounts: 2, seed: 1, strategy: .closeInPlace),
    SizeCase(accounts: 40, seed: 2, strategy: .closeThenDelete),
    SizeCase(accounts: 300, seed: 3, strategy: .removeThenDelete),
    SizeCase(accounts: 1_500, seed: 4, strategy: .closeInPlace),
    SizeCase(accounts: 3_000, seed: 5, strategy: .closeThenDelete),
  ]

  static func organization(_ c: SizeCase) throws -> Organization {
    let generator = SnapshotGenerator(
      accounts: c.accounts, organizationalUnits: max(1, c.accounts / 20), depth: 5, seed: c.seed)
    return try PlanFiles.organization(from: generator.document(), file: "generated")
  }

  @Test(arguments: cases)
  func plansKeepTheirInvariants(_ c: SizeCase) throws {
    let organization = try Self.organization(c)
    let plan = try Fixtures.plan(organization, policy: Policy(strategy: c.strategy))
    var index: [String: Int] = [:]
    for (position, step) in plan.steps.enumerated() {
      #expect(index.updateValue(position, forKey: step.id) == nil, "duplicate step \(step.id)")
    }
    // Waves increase along dependencies; dates never go backwards; steps sorted by (wave, id).
    for step in plan.steps {
      #expect(step.after == step.after.sorted())
      for prerequisite in step.after {
        let before = try #require(index[prerequisite].map { plan.steps[$0] })
        #expect(before.wave < step.wave)
        #expect(try #require(before.notBefore) <= #require(step.notBefore))
      }
    }
    #expect(zip(plan.steps, plan.steps.dropFirst()).allSatisfy { ($0.wave, $0.id) < ($1.wave, $1.id) })

    // Every active member ends in exactly one terminal step, which belongs to it.
    for entry in plan.accounts where entry.id != plan.organization.managementAccountId {
      if entry.state == "CLOSED" {
        #expect(entry.terminalStep == nil)
        continue
      }
      let terminal = try #require(entry.terminalStep)
      #expect(index[terminal].map { plan.steps[$0].account } == entry.id)
      let terminalActions = ["await-account-closed", "remove-account", "close-standalone-account"]
      let ends = plan.steps.filter { $0.account == entry.id && terminalActions.contains($0.action) }
      let expected = entry.disposition == "remove-and-close" ? 2 : 1  // remove, then close
      #expect(ends.count == expected, "\(entry.id)")
    }

    // The management account is closed last, after everything else.
    let last = try #require(plan.steps.last)
    #expect(last.action == "close-management-account")
    #expect(plan.steps.filter { $0.wave == last.wave }.count == 1)

    // No window over its quota; DeleteOrganization only after every member has left.
    var perWindow: [Int: Int] = [:]
    for step in plan.steps where step.action == "close-account" {
      perWindow[try #require(step.window), default: 0] += 1
    }
    for (window, count) in perWindow {
      #expect(count <= (window == 1 ? plan.closeQuota.firstWindow : plan.closeQuota.perWindow))
    }
    if let delete = plan.step("delete-organization") {
      for entry in plan.accounts {
        if let terminal = entry.terminalStep, entry.id != plan.organization.managementAccountId {
          // Membership ends at the removal; a standalone closure may come after the deletion.
          let left = terminal.hasPrefix("close-standalone-account:")
            ? "remove-account:\(entry.id)" : terminal
          let ordered = plan.depends(delete.id, on: left)
          #expect(ordered, "delete-organization does not wait for \(left)")
        }
      }
    } else {
      #expect(c.strategy == .closeInPlace)
    }
    // Every blocking finding names an account or is organization-wide by design.
    for finding in plan.findings where finding.severity == .blocking {
      #expect(finding.account != nil || finding.step == nil || !finding.message.isEmpty)
    }
  }

  @Test("shuffled input gives byte-identical plan.json", arguments: [1, 2, 3])
  func shuffledInputIsDeterministic(_ seed: UInt64) throws {
    var document = SnapshotGenerator(accounts: 400, organizationalUnits: 30, depth: 4, seed: seed)
      .document()
    let original = PlanFiles.encodedPlan(
      try Fixtures.plan(try PlanFiles.organization(from: document, file: "a")))
    var random = SystemRandomNumberGenerator()
    document.accounts.shuffle(using: &random)
    document.organizationalUnits?.shuffle(using: &random)
    document.delegatedAdministrators?.reverse()
    document.costs?.rows.shuffle(using: &random)
    let shuffled = PlanFiles.encodedPlan(
      try Fixtures.plan(try PlanFiles.organization(from: document, file: "b")))
    #expect(original == shuffled)
  }
}
