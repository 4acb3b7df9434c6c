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

  /// Sizes grow to the largest a debug test run plans in a few seconds.
  ///
  /// The checks are linear, so a slow planner is not hidden behind a slow test.
  static let cases: [SizeCase] = [
    SizeCase(accounts: 2, seed: 1, strategy: .closeInPlace),
    SizeCase(accounts: 40, seed: 2, strategy: .closeThenDelete),
    SizeCase(accounts: 300, seed: 3, strategy: .removeThenDelete),
    SizeCase(accounts: 1_500, seed: 4, strategy: .closeInPlace),
    SizeCase(accounts: 3_000, seed: 5, strategy: .closeThenDelete),
    SizeCase(accounts: 12_000, seed: 6, strategy: .removeThenDelete),
    SizeCase(accounts: 20_000, seed: 7, strategy: .closeInPlace),
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
    var index: [StepID: Int] = [:]
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
    #expect(
      zip(plan.steps, plan.steps.dropFirst()).allSatisfy { ($0.wave, $0.id) < ($1.wave, $1.id) })

    // Every active member ends in exactly one terminal step, which belongs to it.
    let terminalActions = ["await-account-closed", "remove-account", "close-standalone-account"]
    var endsByAccount: [AccountID: Int] = [:]
    for step in plan.steps where terminalActions.contains(step.action.name.rawValue) {
      if let account = step.account { endsByAccount[account, default: 0] += 1 }
    }
    for entry in plan.accounts where entry.id != plan.organization.managementAccountId {
      if entry.state == "CLOSED" {
        #expect(entry.terminalStep == nil)
        continue
      }
      let terminal = try #require(entry.terminalStep)
      #expect(index[terminal].map { plan.steps[$0].account } == entry.id)
      let expected = entry.disposition == "remove-and-close" ? 2 : 1  // remove, then close
      #expect(endsByAccount[entry.id] == expected, "\(entry.id)")
    }

    // The step graph is linear in the organization: a bounded number of steps per account,
    // and each prerequisite listed once, so no step waits on all pairs of anything.
    #expect(plan.steps.count <= 8 * plan.accounts.count + 16)
    #expect(plan.steps.reduce(0) { $0 + $1.after.count } <= 6 * plan.steps.count)
    for step in plan.steps {
      #expect(zip(step.after, step.after.dropFirst()).allSatisfy { $0 < $1 }, "\(step.id)")
    }

    // The management account is closed last, after everything else.
    let last = try #require(plan.steps.last)
    #expect(last.action.name.rawValue == "close-management-account")
    #expect(plan.steps.filter { $0.wave == last.wave }.count == 1)

    // No window over its quota; DeleteOrganization only after every member has left.
    var perWindow: [Int: Int] = [:]
    for step in plan.steps where step.action.name.rawValue == "close-account" {
      perWindow[try #require(step.window), default: 0] += 1
    }
    for (window, count) in perWindow {
      #expect(count <= (window == 1 ? plan.closeQuota.firstWindow : plan.closeQuota.perWindow))
    }
    if let delete = plan.step("delete-organization") {
      // Everything DeleteOrganization waits for, directly or not, found in one walk.
      var before: Set<StepID> = []
      var stack = [delete.id]
      while let current = stack.popLast() {
        for prerequisite in index[current].map({ plan.steps[$0].after }) ?? []
        where before.insert(prerequisite).inserted {
          stack.append(prerequisite)
        }
      }
      for entry in plan.accounts {
        if let terminal = entry.terminalStep, entry.id != plan.organization.managementAccountId {
          // Membership ends at the removal; a standalone closure may come after the deletion.
          let left: StepID =
            terminal.hasPrefix("close-standalone-account:")
            ? "remove-account:\(entry.id)" : terminal
          #expect(before.contains(left), "delete-organization does not wait for \(left)")
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
