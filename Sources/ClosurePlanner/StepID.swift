/// A step's stable ID, `action:subject` (`close-account:222222222222`): how prerequisites,
/// findings, diffs and the `apply` journal name a step across runs.
///
/// It is derived from the step's `StepAction`, so an ID and its action can never disagree.
public struct StepID: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let rawValue: String

  /// The ID of the step that carries out `action`.
  public init(_ action: StepAction) {
    rawValue = action.subject.map { "\(action.name.rawValue):\($0)" } ?? action.name.rawValue
  }

  /// The ID as written, for looking steps up by ID; `StepAction(parsing:)` checks its form.
  public init(unchecked rawValue: String) { self.rawValue = rawValue }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

  public var description: String { rawValue }
}
