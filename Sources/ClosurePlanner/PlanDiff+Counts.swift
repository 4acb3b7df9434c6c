extension PlanDiff {
  /// How many things were added, removed (for findings: resolved) and changed.
  public struct Tally: Equatable, Sendable {
    public var added = 0
    public var removed = 0
    public var changed = 0

    /// Creates a tally.
    public init(added: Int = 0, removed: Int = 0, changed: Int = 0) {
      self.added = added
      self.removed = removed
      self.changed = changed
    }

    /// Counts each change once.
    init(_ changes: some Sequence<Change>) {
      for change in changes {
        switch change {
        case .added: added += 1
        case .removed: removed += 1
        case .changed: changed += 1
        }
      }
    }

    /// Whether nothing was counted.
    public var isEmpty: Bool { added == 0 && removed == 0 && changed == 0 }
  }

  /// The accounts with a change, by kind of change.
  public var accountTally: Tally { Tally(accounts.map(\.change)) }
  /// The steps added, removed and changed.
  public var stepTally: Tally { Tally(allSteps.map(\.change)) }
  /// The findings added, resolved and changed.
  public var findingTally: Tally { Tally(allFindings.map(\.change)) }
}
