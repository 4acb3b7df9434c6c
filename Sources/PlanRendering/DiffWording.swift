import ClosurePlanner
import OrgGraph

/// The phrases the text and Markdown forms of a plan diff share, not escaped.
enum DiffWording {
  /// `2 accounts changed; 3 steps added, 1 removed; 1 finding resolved`, or what the diff
  /// holds when it counts nothing.
  static func summary(_ diff: PlanDiff) -> String {
    if diff.isEmpty { return "No changes: the plans are identical." }
    if !diff.changesPlan {
      return "No changes to the plan; only where it came from differs ("
        + diff.provenance.map(\.field).joined(separator: ", ") + ")."
    }
    var parts = [
      tally(diff.accountTally, "account", "accounts", removed: "removed"),
      tally(diff.stepTally, "step", "steps", removed: "removed"),
      tally(diff.findingTally, "finding", "findings", removed: "resolved"),
    ].compactMap { $0 }
    if !diff.fields.isEmpty {
      parts.append(
        TextFormatting.counted(diff.fields.count, "plan value", "plan values") + " changed")
    }
    return parts.joined(separator: "; ")
  }

  /// `By risk: 1 protection change, 2 disposition changes, 3 with dates moved, 4 other
  /// changes`, counting accounts (and the organization), most dangerous first; `nil` when the
  /// plan itself did not change.
  static func riskSummary(_ diff: PlanDiff) -> String? {
    let tally = diff.riskTally
    guard !tally.isEmpty else { return nil }
    return "By risk: "
      + tally.map { "\(TextFormatting.grouped($0.count)) \($0.risk.counted($0.count))" }
      .joined(separator: ", ")
  }

  /// The sections of a diff in the order a reviewer should read them: by risk, the
  /// organization before the accounts of the same risk.
  static func orderedSections(_ diff: PlanDiff) -> [PlanDiff.AccountChanges?] {
    var sections: [PlanDiff.AccountChanges?] = diff.accounts
    if diff.organizationChanged {
      let risk = diff.organizationRisk
      let position = diff.accounts.firstIndex { $0.risk >= risk } ?? diff.accounts.count
      sections.insert(nil, at: position)
    }
    return sections
  }

  /// `3 steps added, 1 removed`, or `nil` for an empty tally.
  private static func tally(
    _ tally: PlanDiff.Tally, _ singular: String, _ plural: String, removed: String
  ) -> String? {
    let counts = [(tally.added, "added"), (tally.removed, removed), (tally.changed, "changed")]
      .filter { $0.0 > 0 }
    guard let first = counts.first else { return nil }
    return
      ([TextFormatting.counted(first.0, singular, plural) + " " + first.1]
      + counts.dropFirst().map { "\(TextFormatting.grouped($0.0)) \($0.1)" })
      .joined(separator: ", ")
  }

  /// `state: ACTIVE → CLOSED`, `after: added a, b; removed c`.
  static func field(_ change: PlanDiff.FieldChange) -> String {
    change.field + ": " + value(change)
  }

  /// `ACTIVE → CLOSED`, `added a, b; removed c`: a field change without the field's name.
  static func value(_ change: PlanDiff.FieldChange) -> String {
    switch change {
    case .value(_, let old, let new):
      return "\(old ?? "none") → \(new ?? "none")"
    case .list(_, let added, let removed):
      var parts: [String] = []
      if !added.isEmpty { parts.append("added " + added.joined(separator: ", ")) }
      if !removed.isEmpty { parts.append("removed " + removed.joined(separator: ", ")) }
      return parts.joined(separator: "; ")
    }
  }

  /// The entries of a list change whose entries are sentences (task checklists), each as
  /// `(added, entry)`; `nil` for other changes, which read well on one line.
  static func sentences(_ change: PlanDiff.FieldChange) -> [(added: Bool, entry: String)]? {
    guard case .list(_, let added, let removed) = change,
      (added + removed).contains(where: { $0.contains(" ") })
    else { return nil }
    return added.map { (true, $0) } + removed.map { (false, $0) }
  }

  /// The old and new text of a value change too long to read side by side (a message, a
  /// remediation); `nil` for short values and lists.
  static func longValue(_ change: PlanDiff.FieldChange) -> (old: String, new: String)? {
    guard case .value(_, let old, let new) = change,
      (old?.count ?? 0) + (new?.count ?? 0) > longValueLimit
    else { return nil }
    return (old ?? "none", new ?? "none")
  }

  /// Values longer than this together are shown one above the other.
  static let longValueLimit = 80

  /// `api, wave 1, window 1, 2026-12-01`: where a step sits in its plan.
  static func placement(_ step: ClosurePlan.Step) -> String {
    var parts = [step.kind.rawValue, "wave \(step.wave)"]
    if let window = step.window { parts.append("window \(window)") }
    if let date = step.notBefore { parts.append(date.description) }
    return parts.joined(separator: ", ")
  }

  /// `payments-prod (222222222201)`, or the bare ID when no plan lists the account.
  static func accountLabel(_ account: PlanDiff.AccountChanges) -> String {
    guard let entry = account.entry else { return account.id.rawValue }
    return "\(entry.name) (\(account.id))"
  }

  /// `added: ACTIVE, CREATED, disposition close`: what an added or removed account is.
  static func accountStatus(_ account: PlanDiff.AccountChanges) -> String? {
    guard account.change != .changed, let entry = account.entry else { return nil }
    let disposition = entry.disposition.map { "disposition \($0)" } ?? "no disposition"
    return "\(account.change.rawValue): \(entry.state), \(entry.joinedMethod), \(disposition)"
  }

  /// The word for a finding's change: a removed finding is resolved.
  static func findingVerb(_ change: PlanDiff.Change) -> String {
    change == .removed ? "resolved" : change.rawValue
  }
}
