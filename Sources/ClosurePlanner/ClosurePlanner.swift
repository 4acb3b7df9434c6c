import OrgCloseBasics
public import OrgGraph

/// Computes a dependency-ordered, dated shutdown plan from an organization and a policy.
///
/// Planning is pure and deterministic: the same organization, policy, start date and
/// version give the same plan, whatever order the input arrived in.
public struct ClosurePlanner: Sendable {
  /// Creates a planner.
  public init() {}

  /// Plans the shutdown of `organization`.
  ///
  /// - Parameters:
  ///   - organization: A validated snapshot.
  ///   - policy: The operator's decisions and facts.
  ///   - startDate: The first day of the plan (the policy's `startDate` already resolved).
  ///   - inputs: Digests of the input files, recorded in the plan.
  /// - Returns: The plan, with steps sorted by `(wave, id)` and findings by severity.
  /// - Throws: `PlanningError` when the policy names accounts the snapshot lacks.
  public func plan(
    _ organization: Organization, policy: Policy, startDate: CalendarDay,
    inputs: ClosurePlan.Inputs
  ) throws(PlanningError) -> ClosurePlan {
    try plan(
      organization, policy: policy, startDate: startDate, inputs: inputs,
      membersInHalvesFrom: PlanAssembly.membersPlannedInHalves)
  }

  /// Plans with the members planned in two halves from `threshold` members on, which tests
  /// lower to compare both ways of planning on small organizations.
  func plan(
    _ organization: Organization, policy: Policy, startDate: CalendarDay,
    inputs: ClosurePlan.Inputs, membersInHalvesFrom threshold: Int
  ) throws(PlanningError) -> ClosurePlan {
    try Self.checkPolicyAccounts(policy, against: organization)
    let strategy = policy.strategy ?? .default(for: organization.featureSet)
    var assembly = PlanAssembly(
      organization: organization, policy: policy, strategy: strategy, startDate: startDate)
    assembly.planOrganizationStart()
    assembly.planMembers(inHalvesFrom: threshold)
    assembly.reportUnreadTags()
    assembly.planOrganizationEnd()
    // Scheduling and the account entries do not depend on each other, so the second core
    // takes the entries. Scheduling adds only organization-wide findings, which no entry
    // lists.
    let assembled = assembly
    let (scheduled, accounts) = concurrently(
      { () -> Result<(StepScheduler.Schedule, [ClosurePlan.Finding]), PlanningError> in
        var scheduling = assembled
        return Result { () throws(PlanningError) in
          let schedule = try scheduling.schedule()
          return (schedule, scheduling.sortedFindings())
        }
      },
      { assembled.accountEntries(findings: assembled.sortedFindings()) })
    let (schedule, findings) = try scheduled.get()
    return assembled.finishedPlan(
      steps: schedule.steps, findings: findings, accounts: accounts, windows: schedule.windows,
      firstWindow: assembled.scheduleQuota.firstWindow, inputs: inputs)
  }

  /// Every account the policy names must be a member of the snapshot (a typo must not
  /// silently drop a decision).
  private static func checkPolicyAccounts(_ policy: Policy, against organization: Organization)
    throws(PlanningError)
  {
    for id in policy.accounts.keys.sorted() {
      guard organization.account(id) != nil else {
        throw .unknownAccount(path: "accounts.\(id)", id)
      }
      if id == organization.managementAccountID {
        throw .managementAccountAsMember(path: "accounts.\(id)", id)
      }
    }
    for id in policy.protectedAccounts.sorted() where organization.account(id) == nil {
      throw .unknownAccount(path: "protectedAccounts", id)
    }
    // Rule B11a: the quota is not adjustable; a configured value may only lower it.
    let members = organization.members.count
    let rule = CloseQuotaRule.closuresPerWindow(memberCount: members)
    if let quota = policy.closeQuota, quota > rule {
      throw .closeQuotaAboveRule(path: "closeQuota", quota, rule: rule, members: members)
    }
  }
}

extension PlanAssembly {
  /// The plan's findings, in plan order.
  ///
  /// Findings and accounts are put in order by sorting their positions, compared field by
  /// field in place (accounts by path rank), then built once; the counts take one pass each.
  /// Building then sorting the entries, and counting with `filter`, would copy every step,
  /// finding and entry.
  func sortedFindings() -> [ClosurePlan.Finding] {
    findings.indices.sorted(by: findingPrecedes).map { index in
      let pending = findings[index]
      return ClosurePlan.Finding(
        code: pending.code, severity: pending.severity,
        account: pending.account, step: pending.step.map { self.steps[$0].id },
        message: pending.message, remediation: pending.remediation)
    }
  }

  /// The plan's account entries, in plan order, each with the codes of the findings about it
  /// (`findingList`, in plan order).
  func accountEntries(findings findingList: [ClosurePlan.Finding]) -> [ClosurePlan.AccountEntry] {
    let codesByAccount = ClosurePlan.findingCodesByAccount(findingList)
    // By path, then ID: by path rank, then position, as the accounts are sorted by ID.
    let accounts = organization.accounts
    let paths = accounts.map { organization.pathAndRank(of: $0.parent) }
    let accountOrder = accounts.indices.sorted { a, b in
      paths[a].rank != paths[b].rank ? paths[a].rank < paths[b].rank : a < b
    }
    return accountOrder.map { index in
      let id = accounts[index].id
      return ClosurePlan.AccountEntry(
        id: id, name: accounts[index].name, path: paths[index].path,
        state: accounts[index].state, joinedMethod: accounts[index].joinedMethod,
        disposition: outcomes[index]?.disposition,
        terminalStep: outcomes[index]?.terminalStep.map { self.steps[$0].id },
        findings: codesByAccount[id] ?? [])
    }
  }

  /// The plan document: its parts, with counts and dates taken in one pass each.
  func finishedPlan(
    steps: [ClosurePlan.Step], findings findingList: [ClosurePlan.Finding],
    accounts accountEntries: [ClosurePlan.AccountEntry], windows: Int, firstWindow: Int,
    inputs: ClosurePlan.Inputs
  ) -> ClosurePlan {

    var (apiSteps, manualSteps, waitSteps) = (0, 0, 0)
    var latest: CalendarDay?
    for index in steps.indices {
      switch steps[index].kind {
      case .api: apiSteps += 1
      case .manual: manualSteps += 1
      case .wait: waitSteps += 1
      }
      if let day = steps[index].notBefore, latest.map({ day > $0 }) ?? true { latest = day }
    }
    var blocking = 0
    var warnings = 0
    for index in findingList.indices {
      switch findingList[index].severity {
      case .blocking: blocking += 1
      case .warning: warnings += 1
      case .info: break
      }
    }

    let quota = self.quota
    return ClosurePlan(
      schemaVersion: ClosurePlan.currentSchemaVersion, generator: OrgCloseVersion.generator,
      inputs: inputs,
      organization: ClosurePlan.OrganizationSummary(
        id: organization.id, managementAccountId: organization.managementAccountID,
        featureSet: organization.featureSet, memberCount: organization.members.count),
      strategy: strategy, startDate: startDate,
      closeQuota: ClosurePlan.CloseQuota(
        perWindow: quota.perWindow, windowDays: CloseQuotaRule.windowDays,
        concurrent: CloseQuotaRule.concurrentClosures, firstWindow: firstWindow,
        closuresInLast30Days: policy.closuresInLast30Days, windows: windows, source: quota.source),
      summary: ClosurePlan.Summary(
        steps: steps.count, apiSteps: apiSteps, manualSteps: manualSteps, waitSteps: waitSteps,
        blocking: blocking, warnings: warnings, estimatedCompletion: latest ?? startDate),
      accounts: accountEntries, steps: steps, findings: findingList)
  }

  /// Severity, then account (organization-wide first), then code; step and message make
  /// the order total.
  ///
  /// Takes positions in `findings` and reads the fields in place, without copying findings.
  func findingPrecedes(_ a: Int, _ b: Int) -> Bool {
    if findings[a].severity != findings[b].severity {
      return findings[a].severity < findings[b].severity
    }
    if findings[a].account != findings[b].account {
      return (findings[a].account?.rawValue ?? "") < (findings[b].account?.rawValue ?? "")
    }
    if findings[a].code != findings[b].code {
      return findings[a].code.rawValue < findings[b].code.rawValue
    }
    if findings[a].step != findings[b].step {
      let first = findings[a].step.map { steps[$0].id }
      let second = findings[b].step.map { steps[$0].id }
      // A finding about no step sorts first, as an empty ID would.
      if first != second { return first.map { id in second.map { id < $0 } ?? false } ?? true }
    }
    return findings[a].message < findings[b].message
  }
}
