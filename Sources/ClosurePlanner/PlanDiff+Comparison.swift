import OrgGraph

extension PlanDiff {
  /// Compares `old` with `new`.
  ///
  /// Steps are matched by `id`, accounts by `id`, and findings by `(code, account, step)`
  /// (the n-th finding with a key in one plan matches the n-th in the other). A step changed
  /// when any of its fields differ; a finding when its severity, message or remediation does.
  public init(from old: ClosurePlan, to new: ClosurePlan) {
    self.init(
      provenance: Self.provenanceChanges(old, new), fields: Self.planFieldChanges(old, new))
    var builder = AccountGrouping(old: old, new: new)
    for change in Self.stepChanges(old, new) {
      if let account = change.step.account {
        builder.add(change, to: account)
      } else {
        organizationSteps.append(change)
      }
    }
    for change in Self.findingChanges(old.findings, new.findings) {
      if let account = change.finding.account {
        builder.add(change, to: account)
      } else {
        organizationFindings.append(change)
      }
    }
    accounts = builder.sortedChanges()
  }

  private static func provenanceChanges(_ old: ClosurePlan, _ new: ClosurePlan) -> [FieldChange] {
    var changes = FieldChanges()
    changes.compare("schemaVersion", old.schemaVersion, new.schemaVersion)
    changes.compare("generator", old.generator, new.generator)
    changes.compare("inputs.snapshot", old.inputs.snapshot, new.inputs.snapshot)
    changes.compare("inputs.policy", old.inputs.policy, new.inputs.policy)
    changes.compareList("redacted", old.redacted, new.redacted)
    return changes.list
  }

  private static func planFieldChanges(_ old: ClosurePlan, _ new: ClosurePlan) -> [FieldChange] {
    var changes = FieldChanges()
    let (a, b) = (old.organization, new.organization)
    changes.compare("organization.id", a.id, b.id)
    changes.compare(
      "organization.managementAccountId", a.managementAccountId, b.managementAccountId)
    changes.compare("organization.featureSet", a.featureSet, b.featureSet)
    changes.compare("organization.memberCount", a.memberCount, b.memberCount)
    changes.compare("strategy", old.strategy.rawValue, new.strategy.rawValue)
    changes.compare("startDate", old.startDate, new.startDate)
    let (p, q) = (old.closeQuota, new.closeQuota)
    changes.compare("closeQuota.perWindow", p.perWindow, q.perWindow)
    changes.compare("closeQuota.windowDays", p.windowDays, q.windowDays)
    changes.compare("closeQuota.concurrent", p.concurrent, q.concurrent)
    changes.compare("closeQuota.firstWindow", p.firstWindow, q.firstWindow)
    changes.compare(
      "closeQuota.closuresInLast30Days", p.closuresInLast30Days, q.closuresInLast30Days)
    changes.compare("closeQuota.windows", p.windows, q.windows)
    changes.compare("closeQuota.source", p.source, q.source)
    let (s, t) = (old.summary, new.summary)
    changes.compare("summary.steps", s.steps, t.steps)
    changes.compare("summary.apiSteps", s.apiSteps, t.apiSteps)
    changes.compare("summary.manualSteps", s.manualSteps, t.manualSteps)
    changes.compare("summary.waitSteps", s.waitSteps, t.waitSteps)
    changes.compare("summary.blocking", s.blocking, t.blocking)
    changes.compare("summary.warnings", s.warnings, t.warnings)
    changes.compare("summary.estimatedCompletion", s.estimatedCompletion, t.estimatedCompletion)
    return changes.list
  }

  /// Removed steps in the old plan's order, then added and changed ones in the new plan's.
  private static func stepChanges(_ oldPlan: ClosurePlan, _ newPlan: ClosurePlan)
    -> [StepChange]
  {
    let (old, new) = (oldPlan.steps, newPlan.steps)
    let titles = (old: StepTitles(oldPlan), new: StepTitles(newPlan))
    let oldByID = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let newIDs = Set(new.map(\.id))
    var changes = old.filter { !newIDs.contains($0.id) }.map {
      StepChange(.removed, $0, title: titles.old($0))
    }
    for step in new {
      guard let before = oldByID[step.id] else {
        changes.append(StepChange(.added, step, title: titles.new(step)))
        continue
      }
      let title = titles.new(step)
      let fields = stepFieldChanges(before, step, titles: (titles.old(before), title))
      if !fields.isEmpty {
        changes.append(StepChange(.changed, step, title: title, fields: fields))
      }
    }
    return changes
  }

  /// The fields a person sees; the action, kind and account follow from the ID, which is the
  /// same, and a changed request shows as a changed call or task.
  private static func stepFieldChanges(
    _ a: ClosurePlan.Step, _ b: ClosurePlan.Step, titles: (String, String)
  ) -> [FieldChange] {
    var changes = FieldChanges()
    changes.compare("call", a.call, b.call)
    changes.compareList("after", a.after, b.after)
    changes.compare("wave", a.wave, b.wave)
    changes.compare("window", a.window, b.window)
    changes.compare("notBefore", a.notBefore, b.notBefore)
    changes.compare("title", titles.0, titles.1)
    changes.compareList("tasks", a.checklist, b.checklist)
    return changes.list
  }

  /// Resolved findings in the old plan's order, then added and changed ones in the new plan's.
  private static func findingChanges(
    _ old: [ClosurePlan.Finding], _ new: [ClosurePlan.Finding]
  ) -> [FindingChange] {
    let oldKeys = FindingKey.keys(of: old)
    let newKeys = FindingKey.keys(of: new)
    let oldByKey = Dictionary(
      zip(oldKeys, old).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
    let newKeySet = Set(newKeys)
    var changes = zip(oldKeys, old).filter { !newKeySet.contains($0.0) }
      .map { FindingChange(.removed, $0.1) }
    for (key, finding) in zip(newKeys, new) {
      guard let before = oldByKey[key] else {
        changes.append(FindingChange(.added, finding))
        continue
      }
      var fields = FieldChanges()
      fields.compare("severity", before.severity.rawValue, finding.severity.rawValue)
      fields.compare("message", before.message, finding.message)
      fields.compare("remediation", before.remediation, finding.remediation)
      if !fields.list.isEmpty {
        changes.append(FindingChange(.changed, finding, fields: fields.list))
      }
    }
    return changes
  }
}

/// What matches a finding across plans: its code, account and step, and which of the findings
/// with those three it is.
private struct FindingKey: Hashable {
  var code: FindingCode
  var account: AccountID?
  var step: StepID?
  var occurrence: Int

  static func keys(of findings: [ClosurePlan.Finding]) -> [FindingKey] {
    var seen: [FindingKey: Int] = [:]
    return findings.map { finding in
      var key = FindingKey(
        code: finding.code, account: finding.account, step: finding.step, occurrence: 0)
      let occurrence = seen[key, default: 0]
      seen[key] = occurrence + 1
      key.occurrence = occurrence
      return key
    }
  }
}
