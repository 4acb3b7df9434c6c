public import OrgGraph

/// Computes a dependency-ordered, dated shutdown plan from an organization and a policy.
///
/// Planning is pure and deterministic: the same organization, policy, start date and
/// version give the same plan, whatever order the input arrived in.
public struct ClosurePlanner: Sendable {
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
    try Self.checkPolicyAccounts(policy, against: organization)
    let strategy = policy.strategy ?? .default(for: organization.featureSet)
    var assembly = PlanAssembly(
      organization: organization, policy: policy, strategy: strategy, startDate: startDate)
    assembly.planOrganizationStart()
    for member in organization.members { assembly.planMember(member) }
    assembly.planOrganizationEnd()
    let (windows, firstWindow) = assembly.assignCloseWindows()
    let steps = try assembly.scheduledSteps()
    return assembly.finishedPlan(
      steps: steps, windows: windows, firstWindow: firstWindow, inputs: inputs)
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
  }
}

extension PlanAssembly {
  /// Assembles the plan document from the scheduled steps and the gathered findings.
  func finishedPlan(
    steps: [ClosurePlan.Step], windows: Int, firstWindow: Int, inputs: ClosurePlan.Inputs
  ) -> ClosurePlan {
    let findingList = findings.map { pending in
      ClosurePlan.Finding(
        code: pending.code.rawValue, severity: pending.severity,
        account: pending.account?.rawValue, step: pending.step.map { self.steps[$0].id },
        message: pending.message, remediation: pending.remediation)
    }.sorted(by: Self.findingOrder)

    var codesByAccount: [String: [String]] = [:]
    for finding in findingList {
      guard let account = finding.account else { continue }
      if codesByAccount[account]?.contains(finding.code) != true {
        codesByAccount[account, default: []].append(finding.code)
      }
    }
    let accountEntries = organization.accounts.map { account in
      let outcome = outcomes[account.id]
      return ClosurePlan.AccountEntry(
        id: account.id.rawValue, name: account.name,
        path: organization.path(of: account.parent), state: account.state.rawValue,
        joinedMethod: account.joinedMethod.rawValue,
        disposition: outcome?.disposition?.rawValue,
        terminalStep: outcome?.terminalStep.map { self.steps[$0].id },
        findings: codesByAccount[account.id.rawValue] ?? [])
    }.sorted { ($0.path, $0.id) < ($1.path, $1.id) }

    let quota = self.quota
    return ClosurePlan(
      schemaVersion: ClosurePlan.currentSchemaVersion, generator: OrgCloseVersion.generator,
      inputs: inputs,
      organization: ClosurePlan.OrganizationSummary(
        id: organization.id.rawValue, managementAccountId: organization.managementAccountID.rawValue,
        featureSet: organization.featureSet.rawValue, memberCount: organization.members.count),
      strategy: strategy, startDate: startDate,
      closeQuota: ClosurePlan.CloseQuota(
        perWindow: quota.perWindow, windowDays: CloseQuotaRule.windowDays,
        concurrent: CloseQuotaRule.concurrentClosures, firstWindow: firstWindow,
        closuresInLast30Days: recentClosures, windows: windows, source: quota.source),
      summary: ClosurePlan.Summary(
        steps: steps.count, apiSteps: steps.filter { $0.kind == .api }.count,
        manualSteps: steps.filter { $0.kind == .manual }.count,
        waitSteps: steps.filter { $0.kind == .wait }.count,
        blocking: findingList.filter { $0.severity == .blocking }.count,
        warnings: findingList.filter { $0.severity == .warning }.count,
        estimatedCompletion: steps.compactMap(\.notBefore).max() ?? startDate),
      accounts: accountEntries, steps: steps, findings: findingList)
  }

  /// Severity, then account (organization-wide first), then code; step and message make
  /// the order total.
  static func findingOrder(_ a: ClosurePlan.Finding, _ b: ClosurePlan.Finding) -> Bool {
    if a.severity != b.severity { return a.severity < b.severity }
    if a.account != b.account { return (a.account ?? "") < (b.account ?? "") }
    if a.code != b.code { return a.code < b.code }
    if a.step != b.step { return (a.step ?? "") < (b.step ?? "") }
    return a.message < b.message
  }
}
