import ClosurePlanner
import OrgGraph
import PlanFiles
import TestSupport
import Testing

/// Invariants checked on hundreds of random organizations and policies.
@Suite struct PropertyTests {
  static let seeds: [UInt64] = Array(1...300)

  @Test("random organizations keep every plan invariant", arguments: seeds)
  func invariantsHold(_ seed: UInt64) throws {
    var random = RandomOrganization(seed: seed)
    let (organization, policy) = try random.make()
    let plan = try Fixtures.plan(organization, policy: policy)
    try PlanChecks(plan: plan, organization: organization, policy: policy).verify()
  }

  @Test("planning the same organization twice gives identical bytes", arguments: seeds)
  func planningIsRepeatable(_ seed: UInt64) throws {
    var random = RandomOrganization(seed: seed)
    let (organization, policy) = try random.make()
    let first = try Fixtures.plan(organization, policy: policy)
    let second = try Fixtures.plan(organization, policy: policy)
    #expect(PlanFiles.encodedPlan(first) == PlanFiles.encodedPlan(second))
  }

  @Test("shuffling the input gives identical bytes", arguments: seeds.prefix(60))
  func shufflingIsInvisible(_ seed: UInt64) throws {
    var random = RandomOrganization(seed: seed)
    let (organization, policy) = try random.make()
    var parts = Organization.Parts(
      id: organization.id, arn: organization.arn, featureSet: organization.featureSet,
      managementAccountID: organization.managementAccountID, roots: [organization.root],
      organizationalUnits: organization.organizationalUnits.reversed(),
      accounts: organization.accounts.reversed(),
      delegatedAdministrators: organization.delegatedAdministrators.reversed(),
      handshakes: organization.handshakes.reversed(),
      responsibilityTransfers: organization.responsibilityTransfers.reversed(),
      enabledServicePrincipals: organization.enabledServicePrincipals.reversed(),
      rootAccessFeatures: organization.rootAccessFeatures.reversed(), costs: organization.costs,
      gaps: organization.gaps.reversed())
    parts.accounts.swapAt(0, parts.accounts.count - 1)
    let shuffled = try Organization(validating: parts)
    #expect(
      PlanFiles.encodedPlan(try Fixtures.plan(organization, policy: policy))
        == PlanFiles.encodedPlan(try Fixtures.plan(shuffled, policy: policy)))
  }
}

/// The checks, one method per invariant of the hardening issue.
struct PlanChecks {
  let plan: ClosurePlan
  let organization: Organization
  let policy: Policy

  func verify() throws {
    var byID: [StepID: ClosurePlan.Step] = [:]
    for step in plan.steps { byID[step.id] = step }
    #expect(byID.count == plan.steps.count, "step IDs are unique")

    // Waves and dates respect every dependency.
    for step in plan.steps {
      for prerequisite in step.after {
        let before = try #require(byID[prerequisite])
        #expect(before.wave < step.wave, "\(prerequisite) before \(step.id)")
        #expect(try #require(before.notBefore) <= #require(step.notBefore))
      }
    }

    let management = organization.managementAccountID
    let managementClose = plan.steps.last { $0.action.name.rawValue == "close-management-account" }
    if let managementClose {
      // Closed last: every other step comes before it.
      #expect(managementClose.id == plan.steps.last?.id)
      #expect(plan.steps.filter { $0.wave >= managementClose.wave }.count == 1)
    } else {
      #expect(policy.protectedAccounts.contains(organization.managementAccountID))
    }

    for entry in plan.accounts where entry.id != management {
      let account = try #require(organization.account(entry.id))
      let steps = plan.steps.filter { $0.account == entry.id }
      let actions = steps.map(\.action.name.rawValue)
      // No close step for protected accounts.
      if policy.protectedAccounts.contains(account.id) {
        #expect(!actions.contains { $0.hasPrefix("close-") }, "protected \(entry.id) is closed")
      }
      if account.state == .closed || account.state == .closedOrSuspended {
        #expect(steps.isEmpty && entry.terminalStep == nil)
        continue
      }
      // Exactly one terminal step, of the account's disposition.
      let terminal = try #require(entry.terminalStep)
      #expect(steps.filter { $0.id == terminal }.count == 1)
      let terminalAction = plan.step(terminal.rawValue)?.action.name.rawValue
      switch entry.disposition {
      case "close": #expect(terminalAction == "await-account-closed")
      case "remove": #expect(terminalAction == "remove-account")
      case "remove-and-close": #expect(terminalAction == "close-standalone-account")
      default:
        Issue.record(
          "unexpected disposition \(entry.disposition?.rawValue ?? "nil") for \(entry.id)")
      }
      // Rule D30: a created account is removed no earlier than 4 days after it joined.
      if let remove = byID["remove-account:\(entry.id)"], account.joinedMethod != .invited,
        let joined = account.joinedTimestamp
      {
        #expect(try #require(remove.notBefore) >= joined.firstFullDay(afterAdding: 4))
      }
      // Rule B15: CloseAccount only where the feature set is ALL.
      if actions.contains("close-account") { #expect(organization.featureSet == .all) }
    }

    // DeleteOrganization only after every member has left and every transfer has ended.
    if let delete = byID["delete-organization"] {
      for entry in plan.accounts where entry.id != management {
        guard let terminal = entry.terminalStep else { continue }
        let left: StepID =
          terminal.hasPrefix("close-standalone-account:") ? "remove-account:\(entry.id)" : terminal
        let ordered = plan.depends(delete.id, on: left)
        #expect(ordered, "delete-organization does not wait for \(left)")
      }
      for transfer in organization.responsibilityTransfers where transfer.holdsBackDeletion {
        let gate = plan.steps.last { $0.id.hasSuffix(":\(transfer.id)") }
        let ordered = gate.map { plan.depends(delete.id, on: $0.id) } ?? false
        #expect(ordered, "delete-organization does not wait for \(transfer.id)")
      }
      // Rules C18, E37: closed members force the 90-day wait.
      if plan.accounts.contains(where: { $0.id != management && $0.disposition == "close" }) {
        let wait = try #require(byID["await-permanent-closure"])
        #expect(try #require(wait.notBefore) >= Fixtures.startDate.adding(days: 97))
      }
    } else {
      #expect(plan.strategy == .closeInPlace)
    }

    // No window over its quota.
    var perWindow: [Int: Int] = [:]
    for step in plan.steps where step.action.name.rawValue == "close-account" {
      perWindow[try #require(step.window), default: 0] += 1
    }
    for (window, count) in perWindow {
      #expect(count <= (window == 1 ? plan.closeQuota.firstWindow : plan.closeQuota.perWindow))
    }

    // Every finding names an account or is organization-wide, and says what to do.
    for finding in plan.findings {
      #expect(!finding.message.isEmpty && !finding.remediation.isEmpty)
      if let account = finding.account {
        #expect(plan.accounts.contains { $0.id == account })
      }
      if let step = finding.step { #expect(byID[step] != nil) }
    }
    #expect(plan.summary.blocking == plan.findings.filter { $0.severity == .blocking }.count)
  }
}

extension ResponsibilityTransfer {
  /// Rules E38–E38b restated for the property test: a pending invitation the plan can answer,
  /// an accepted transfer, or one that runs until an end date after the start date.
  fileprivate var holdsBackDeletion: Bool {
    let endsLater = endTimestamp.map { $0.firstFullDay(afterAdding: 0) > Fixtures.startDate }
    switch status {
    case .requested: return activeHandshakeID != nil
    case .accepted, .withdrawn: return endsLater ?? true
    default: return false
    }
  }
}
