import ClosurePlanner
import Foundation
import OrgGraph
import PlanExecution
import PlanFiles
import TestSupport

/// One shutdown carried out in-process: a plan, the fake organization it was made from,
/// a journal in memory, and switches to crash the run at any point or fault any call.
final class EngineLab {
  let plan: ExecutablePlan
  let policy: Policy
  let clock: VirtualClock
  let fake: FakeOrganization
  let memory: MemoryJournal
  let journal: CrashingJournal
  let crashes: CrashSwitch
  var schedule = Rehearsal.Schedule()

  init(plan: ExecutablePlan, policy: Policy, behaviour: FakeOrganization.Behaviour = .init()) {
    self.plan = plan
    self.policy = policy
    clock = VirtualClock(Timestamp(startOf: plan.startDate).adding(seconds: 9 * 3600))
    fake = FakeOrganization(rehearsing: plan, clock: clock, behaviour: behaviour)
    memory = MemoryJournal([
      JournalRecord(
        .header(.init(organization: plan.organizationID, planDigest: "sha256:lab")),
        at: clock.now())
    ])
    journal = CrashingJournal(memory)
    crashes = CrashSwitch()
    journal.crashPoint = { [crashes] in try crashes.point() }
    fake.crashPoint = { [crashes] in try crashes.point() }
  }

  /// Runs the shutdown as the scheduler would, for up to two years.
  @discardableResult
  func driveToTheEnd() throws -> Rehearsal.Result {
    let rehearsal = Rehearsal(
      plan: plan, organization: fake, journal: journal, schedule: schedule,
      protection: Protection(accounts: policy.protectedAccounts))
    return try rehearsal.run(until: clock.now().adding(seconds: 730 * 86_400))
  }

  /// Every invariant a shutdown must keep, one line per break; empty when all hold.
  func brokenInvariants(finished: Bool) -> [String] {
    var broken = fake.violations(of: plan, graceSeconds: PreCallCheck.unsettledGraceSeconds)
    // Nothing protected is closed.
    for call in fake.calls where call.operation == .closeAccount && call.tookEffect {
      if policy.protectedAccounts.contains(AccountID(unchecked: call.subject)) {
        broken.append("the protected account \(call.subject) was closed")
      }
    }
    // Every member closed or removed exactly as planned, by one change that took effect.
    for account in plan.accounts.values where account.id != plan.managementAccountID {
      let steps = plan.steps.filter { $0.account == account.id }
      let closes = steps.contains { $0.isClosure }
      let removes = steps.contains { $0.isRemoval }
      let closed = fake.calls.filter {
        $0.operation == .closeAccount && $0.subject == account.id.rawValue && $0.tookEffect
      }.count
      let removed = fake.calls.filter {
        $0.operation == .removeAccountFromOrganization && $0.subject == account.id.rawValue
          && $0.tookEffect
      }.count
      if closed > (closes ? 1 : 0) { broken.append("\(account.id) closed \(closed) times") }
      if removed > (removes ? 1 : 0) { broken.append("\(account.id) removed \(removed) times") }
      guard finished, account.planned else { continue }
      let state = fake.trueState(account.id)
      if closes, closed != 1, account.state == .active {
        broken.append("\(account.id) was to be closed; \(closed) closures took effect")
      }
      if removes, state != nil { broken.append("\(account.id) was to be removed; it is still in") }
      if closes, state != nil, state != .closed {
        broken.append("\(account.id) was to be closed; it reads \(state?.rawValue ?? "")")
      }
    }
    broken += journalProblems(finished: finished)
    return broken
  }

  /// The journal reads back to the same records, and no call is left unsettled at the end.
  private func journalProblems(finished: Bool) -> [String] {
    var problems: [String] = []
    let data = memory.records.reduce(into: Data()) { $0.append(JournalCoding.line($1)) }
    do {
      let read = try JournalCoding.records(data, file: "lab.journal")
      if read != memory.records { problems.append("the journal does not read back the same") }
    } catch {
      problems.append("the journal does not read: \(error)")
    }
    if finished {
      for (step, status) in memory.state.statuses {
        if case .inFlight = status { problems.append("\(step) is still unsettled at the end") }
      }
    }
    return problems
  }
}

/// The 30-member organization the proofs run on: two OUs, a protected member, a delegated
/// administrator, an outbound billing transfer, an open invitation, one member closing and one
/// closed already.
enum ProofOrganization {
  static func plan(_ strategy: Strategy) throws -> (ExecutablePlan, Policy) {
    let prod = OrganizationalUnit(
      id: Fixtures.unit("prod"), name: "Prod", parent: .root(Fixtures.rootID))
    let sandbox = OrganizationalUnit(
      id: Fixtures.unit("sandbox"), name: "Sandbox", parent: .organizationalUnit(prod.id))
    var members: [Account] = []
    for n in 1...30 {
      let state: AccountState = n == 29 ? .pendingClosure : n == 30 ? .closed : .active
      let parent: ParentID =
        n % 3 == 0
        ? .organizationalUnit(sandbox.id)
        : n % 3 == 1 ? .organizationalUnit(prod.id) : .root(Fixtures.rootID)
      members.append(
        Fixtures.member(
          n, state: state, joinedMethod: n % 4 == 0 ? .invited : .created, parent: parent))
    }
    let organization = try Fixtures.organization(
      members: members, units: [prod, sandbox],
      delegatedAdministrators: [
        DelegatedAdministrator(
          accountID: Fixtures.account(2), servicePrincipal: "guardduty.amazonaws.com")
      ],
      handshakes: [
        Handshake(id: HandshakeID(unchecked: "h-proof00001"), action: .invite, state: .open)
      ],
      transfers: [
        ResponsibilityTransfer(
          id: ResponsibilityTransferID(unchecked: "rt-proof0001"), direction: .outbound,
          status: .accepted, endTimestamp: nil, activeHandshakeID: nil)
      ])
    var policy = Policy(strategy: strategy, closeQuota: 10, closuresInLast30Days: 2)
    policy.protectedAccounts = [Fixtures.account(1)]
    policy.defaults = AccountPolicy(
      facts: AccountFacts(rootPassword: .known, standaloneReady: true, dataBackedUp: true))
    let plan = try Fixtures.plan(organization, policy: policy)
    return (ExecutablePlan(plan), policy)
  }
}
