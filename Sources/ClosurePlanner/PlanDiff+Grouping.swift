import OrgGraph

/// Collects the changes of each account while a diff is computed: entry changes first, then
/// the account's steps and findings as they are found.
///
/// The dictionaries are only read by key; the result is sorted by `(path, id)`.
struct AccountGrouping {
  private let oldEntries: [AccountID: ClosurePlan.AccountEntry]
  private let newEntries: [AccountID: ClosurePlan.AccountEntry]
  private var changes: [PlanDiff.AccountChanges] = []
  private var positions: [AccountID: Int] = [:]

  /// Starts with the accounts whose entries were added, removed or changed.
  init(old: ClosurePlan, new: ClosurePlan) {
    oldEntries = Dictionary(
      old.accounts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    newEntries = Dictionary(
      new.accounts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    for entry in old.accounts where newEntries[entry.id] == nil {
      _ = position(of: entry.id)
    }
    for entry in new.accounts {
      guard let before = oldEntries[entry.id] else {
        _ = position(of: entry.id)
        continue
      }
      let fields = Self.entryFieldChanges(before, entry)
      if !fields.isEmpty { changes[position(of: entry.id)].fields = fields }
    }
  }

  /// Files a step change under `account`.
  mutating func add(_ change: PlanDiff.StepChange, to account: AccountID) {
    changes[position(of: account)].steps.append(change)
  }

  /// Files a finding change under `account`.
  mutating func add(_ change: PlanDiff.FindingChange, to account: AccountID) {
    changes[position(of: account)].findings.append(change)
  }

  /// The accounts with changes, most dangerous first, then by `(path, id)`; within a risk, an
  /// account neither plan lists sorts first.
  func sortedChanges() -> [PlanDiff.AccountChanges] {
    let rated = changes.map { account in
      var account = account
      account.risk = PlanDiff.AccountChanges.risk(
        old: oldEntries[account.id], new: newEntries[account.id], steps: account.steps,
        findings: account.findings)
      return account
    }
    return rated.sorted { first, second in
      if first.risk != second.risk { return first.risk.rawValue < second.risk.rawValue }
      let paths = (first.entry?.path ?? "", second.entry?.path ?? "")
      if paths.0 != paths.1 { return paths.0 < paths.1 }
      return first.id < second.id
    }
  }

  /// The position of `account`'s changes, added on first use.
  private mutating func position(of account: AccountID) -> Int {
    if let position = positions[account] { return position }
    let before = oldEntries[account]
    let after = newEntries[account]
    let change: PlanDiff.Change =
      switch (before, after) {
      case (nil, .some): .added
      case (.some, nil): .removed
      default: .changed
      }
    changes.append(PlanDiff.AccountChanges(id: account, change: change, entry: after ?? before))
    positions[account] = changes.count - 1
    return changes.count - 1
  }

  private static func entryFieldChanges(
    _ a: ClosurePlan.AccountEntry, _ b: ClosurePlan.AccountEntry
  ) -> [PlanDiff.FieldChange] {
    var changes = FieldChanges()
    changes.compare("name", a.name, b.name)
    changes.compare("path", a.path, b.path)
    changes.compare("state", a.state, b.state)
    changes.compare("joinedMethod", a.joinedMethod, b.joinedMethod)
    changes.compare("disposition", a.disposition, b.disposition)
    changes.compare("terminalStep", a.terminalStep, b.terminalStep)
    changes.compareList("findings", a.findings, b.findings)
    return changes.list
  }
}

/// Field changes collected one comparison at a time, in the order they are compared.
struct FieldChanges {
  private(set) var list: [PlanDiff.FieldChange] = []

  /// Records `field` when `old` and `new` differ, as their descriptions.
  mutating func compare<Value: Equatable & CustomStringConvertible>(
    _ field: String, _ old: Value?, _ new: Value?
  ) {
    guard old != new else { return }
    list.append(.value(field: field, old: old?.description, new: new?.description))
  }

  /// Records `field` when the lists differ: the entries gained and lost, or, when only the
  /// order or the multiplicity changed, both lists in full.
  mutating func compareList<Element: Hashable & CustomStringConvertible>(
    _ field: String, _ old: [Element]?, _ new: [Element]?
  ) {
    guard old != new else { return }
    let old = old?.map(\.description)
    let new = new?.map(\.description)
    let oldSet = Set(old ?? [])
    let newSet = Set(new ?? [])
    let added = (new ?? []).filter { !oldSet.contains($0) }
    let removed = (old ?? []).filter { !newSet.contains($0) }
    if added.isEmpty && removed.isEmpty {
      list.append(
        .value(
          field: field, old: old?.joined(separator: ", "), new: new?.joined(separator: ", ")))
    } else {
      list.append(.list(field: field, added: added, removed: removed))
    }
  }
}
