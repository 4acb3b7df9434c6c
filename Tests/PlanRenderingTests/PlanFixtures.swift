import ClosurePlanner
import OrgGraph
import TestSupport

/// Plans built by hand for the renderer tests.
enum PlanFixtures {
  static let startDate = CalendarDay(daysSince1970: 20_788)  // 2026-12-01

  /// A two-member organization: one member closes cleanly (with a warning), one is suspended
  /// (a blocking finding); the management account is closed by hand at the end.
  static func small() -> ClosurePlan {
    let accounts = [
      account("111111111111", "Management", "Root", disposition: nil),
      account("333333333333", "Sandbox", "Root/Dev", disposition: "close"),
      account("222222222222", "Payments", "Root/Prod", disposition: "close"),
    ]
    let steps = [
      step(
        "export-billing-history", .manual, wave: 0, after: []),
      step(
        "prepare-account:222222222222", .manual, account: "222222222222", wave: 1,
        after: ["export-billing-history"]),
      step(
        "close-account:222222222222", .api, account: "222222222222",
        call: "organizations:CloseAccount", wave: 2,
        after: ["export-billing-history", "prepare-account:222222222222"], window: 1),
      step(
        "close-account:333333333333", .api, account: "333333333333",
        call: "organizations:CloseAccount", wave: 2, after: ["export-billing-history"],
        window: 1),
      step(
        "await-account-closed:222222222222", .wait, account: "222222222222",
        call: "organizations:DescribeAccount", wave: 3, after: ["close-account:222222222222"]),
      step(
        "await-account-closed:333333333333", .wait, account: "333333333333",
        call: "organizations:DescribeAccount", wave: 3, after: ["close-account:333333333333"]),
      step(
        "close-management-account:111111111111", .manual, account: "111111111111", wave: 4,
        after: ["await-account-closed:222222222222", "await-account-closed:333333333333"],
        date: startDate.adding(days: 1)),
    ]
    let findings = [
      ClosurePlan.Finding(
        code: "ACCOUNT_SUSPENDED_BY_AWS", severity: .blocking, account: "333333333333",
        step: "await-account-closed:333333333333",
        message: "Sandbox (333333333333) is SUSPENDED by AWS (not a customer closure, rule A6); "
          + "how CloseAccount and RemoveAccountFromOrganization treat it is undocumented",
        remediation: "Contact AWS Support about the suspension before acting on this account"),
      ClosurePlan.Finding(
        code: "ROUTE53_DOMAINS", severity: .warning, account: "222222222222",
        step: "prepare-account:222222222222",
        message: "Payments (222222222222) has Route 53 domains; they stay registered and keep "
          + "renewing after the account is closed",
        remediation: "Transfer or disable auto-renew before closing"),
      ClosurePlan.Finding(
        code: "ORGANIZATION_DELETED_AFTER_POST_CLOSURE", severity: .info,
        message: "AWS deletes the organization after the management account's post-closure "
          + "period",
        remediation: "Nothing to do"),
    ]
    return plan(
      members: 2, accounts: accounts, steps: steps, findings: findings, windows: 1,
      perWindow: 250)
  }

  /// A synthetic `close-in-place` plan for `members` members.
  ///
  /// Each member gets a `close-account` step and an `await-account-closed` step, 250 closures
  /// per window, in 40 OUs. When `everyAccountBlocked` is set, every member also has a
  /// blocking finding; every seventh has a warning.
  static func synthetic(members: Int, everyAccountBlocked: Bool = false) -> ClosurePlan {
    let perWindow = 250
    let ids = (0..<members).map { String(100_000_000_000 + $0) }
    var accounts = [account("999999999999", "Management", "Root", disposition: nil)]
    var closes: [ClosurePlan.Step] = []
    var awaits: [ClosurePlan.Step] = []
    var findings: [ClosurePlan.Finding] = []
    for (position, id) in ids.enumerated() {
      let window = position / perWindow + 1
      let name = "Workload \(position)"
      accounts.append(account(id, name, "Root/Unit \(position % 40)", disposition: "close"))
      closes.append(
        step(
          "close-account:\(id)", .api, account: id, call: "organizations:CloseAccount", wave: 1,
          after: ["export-billing-history"], window: window,
          date: startDate.adding(days: 30 * (window - 1))))
      awaits.append(
        step(
          "await-account-closed:\(id)", .wait, account: id, call: "organizations:DescribeAccount",
          wave: 2, after: ["close-account:\(id)"],
          date: startDate.adding(days: 30 * (window - 1))))
      if everyAccountBlocked {
        findings.append(
          ClosurePlan.Finding(
            code: "UNKNOWN_ACCOUNT_STATE", severity: .blocking, account: AccountID(unchecked: id),
            message: "\(name) (\(id)) has state \"FROZEN\", which this version of orgclose "
              + "does not know; the plan cannot tell whether its steps can succeed",
            remediation: "Check the account in the console; upgrade orgclose if AWS added a state"
          ))
      }
      if position % 7 == 0 {
        findings.append(
          ClosurePlan.Finding(
            code: "ONGOING_SPEND", severity: .warning, account: AccountID(unchecked: id),
            message: "\(name) (\(id)) spent 12.00 USD last month on Amazon EC2 in us-east-1",
            remediation: "Terminate what runs before closing, or accept the last bill"))
      }
    }
    accounts.sort { ($0.path, $0.id) < ($1.path, $1.id) }
    findings.sort {
      ($0.severity, $0.account?.rawValue ?? "") < ($1.severity, $1.account?.rawValue ?? "")
    }
    let windows = members == 0 ? 0 : (members - 1) / perWindow + 1
    let last = startDate.adding(days: 30 * max(0, windows - 1))
    let steps =
      [
        step(
          "export-billing-history", .manual, wave: 0, after: [])
      ] + closes + awaits + [
        step(
          "close-management-account:999999999999", .manual, account: "999999999999", wave: 3,
          after: awaits.map(\.id.rawValue), date: last)
      ]
    return plan(
      members: members, accounts: accounts, steps: steps, findings: findings, windows: windows,
      perWindow: perWindow)
  }

  /// A plan whose every name, title and message is `hostile`.
  static func hostile(_ hostile: String) -> ClosurePlan {
    var plan = small()
    for position in plan.accounts.indices {
      plan.accounts[position].name = hostile
      plan.accounts[position].path = "Root/" + hostile
    }
    // Titles are derived from the names, which are hostile.
    for position in plan.findings.indices {
      plan.findings[position].message = hostile
      plan.findings[position].remediation = hostile
    }
    return plan
  }

  static func account(_ id: String, _ name: String, _ path: String, disposition: String?)
    -> ClosurePlan.AccountEntry
  {
    ClosurePlan.AccountEntry(
      id: AccountID(unchecked: id), name: name, path: path, state: .active,
      joinedMethod: .created, disposition: disposition.flatMap(Disposition.init(rawValue:)),
      terminalStep: nil, findings: [])
  }

  static func step(
    _ id: String, _ kind: ClosurePlan.StepKind, account: String? = nil, call: String? = nil,
    wave: Int, after: [String], window: Int? = nil, date: CalendarDay = startDate
  ) -> ClosurePlan.Step {
    // Kind, account and call follow from the ID; the arguments document the fixture.
    guard let action = try? StepAction(parsing: id) else {
      preconditionFailure("\(id) is not a step ID")
    }
    let step = ClosurePlan.Step(
      action, after: after.map(StepID.init(unchecked:)), wave: wave, window: window,
      notBefore: date)
    precondition(step.kind == kind && step.account?.rawValue == account && step.call == call)
    return step
  }

  static func plan(
    members: Int, accounts: [ClosurePlan.AccountEntry], steps: [ClosurePlan.Step],
    findings: [ClosurePlan.Finding], windows: Int, perWindow: Int
  ) -> ClosurePlan {
    ClosurePlan(
      schemaVersion: 2, generator: "orgclose 0.1.0",
      inputs: ClosurePlan.Inputs(snapshot: "sha256:00", policy: nil),
      organization: ClosurePlan.OrganizationSummary(
        id: "o-exampleorgid", managementAccountId: accounts[0].id, featureSet: .all,
        memberCount: members),
      strategy: .closeInPlace, startDate: startDate,
      closeQuota: ClosurePlan.CloseQuota(
        perWindow: perWindow, windowDays: 30, concurrent: 3, firstWindow: perWindow,
        closuresInLast30Days: 0, windows: windows, source: "rule B11"),
      summary: ClosurePlan.Summary(
        steps: steps.count, apiSteps: steps.filter { $0.kind == .api }.count,
        manualSteps: steps.filter { $0.kind == .manual }.count,
        waitSteps: steps.filter { $0.kind == .wait }.count,
        blocking: findings.filter { $0.severity == .blocking }.count,
        warnings: findings.filter { $0.severity == .warning }.count,
        estimatedCompletion: steps.compactMap(\.notBefore).max() ?? startDate),
      accounts: accounts, steps: steps, findings: findings)
  }
}
