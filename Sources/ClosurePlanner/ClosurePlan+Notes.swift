public import OrgGraph

extension ClosurePlan {
  /// The prefix of the checklist task that quotes an account's `notes` from the policy.
  public static let operatorNotePrefix = "Operator note: "

  /// The policy's notes of each account, as its preparation step quotes them.
  public var notesByAccount: [AccountID: String] {
    var notes: [AccountID: String] = [:]
    for step in steps {
      guard case .prepareAccount(let account) = step.action,
        case .text(let task)? = step.tasks.first(where: {
          $0.text.hasPrefix(Self.operatorNotePrefix)
        })
      else { continue }
      notes[account] = String(task.dropFirst(Self.operatorNotePrefix.count))
    }
    return notes
  }
}
