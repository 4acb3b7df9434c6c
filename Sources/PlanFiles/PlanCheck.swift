public import ClosurePlanner
public import OrgGraph

/// Whether a plan is still right for the organization as it is now: `orgclose check`.
///
/// The plan is recomputed from the current snapshot and policy with the plan's own start
/// date (never today) and, for a redacted plan, the same redaction; then the two are compared
/// field by field, every field of `plan.json` but the input digests and the generator. The recorded digests tell why they
/// differ: with unchanged inputs the plan file was edited by hand (or made by another
/// orgclose version); with changed inputs the plan is stale.
public struct PlanCheck: Equatable, Sendable {
  /// The outcome of the check.
  public enum Verdict: Equatable, Sendable {
    /// The inputs have the digests the plan records, and the plan is what they produce.
    case inputsUnchanged
    /// The inputs changed, but the plan they produce is the same.
    case inputsChangedPlanSame
    /// The inputs have the recorded digests, but the plan is not what they produce: the file
    /// was edited by hand.
    case editedByHand
    /// The inputs have the recorded digests, but the plan is not what this orgclose makes of
    /// them; the plan's `generator` (the associated value) is another version.
    case otherGenerator(String)
    /// The inputs changed, and so would the plan.
    case stale
  }

  /// How an input compares with the digest the plan records.
  public enum InputStatus: String, Equatable, Sendable {
    /// Same digest.
    case unchanged
    /// Another digest.
    case changed
    /// The plan was made without this input, and the check has one.
    case added
    /// The plan was made with this input, and the check has none.
    case missing
  }

  public var verdict: Verdict
  public var snapshot: InputStatus
  public var policy: InputStatus
  /// From the plan to the plan the current inputs produce, input digests left aside; empty
  /// when the plan is fresh.
  public var diff: PlanDiff

  /// Whether the plan is what the current inputs produce.
  public var isFresh: Bool { verdict == .inputsUnchanged || verdict == .inputsChangedPlanSame }

  /// Whether the inputs have the digests the plan records.
  public var inputsUnchanged: Bool { snapshot == .unchanged && policy == .unchanged }

  /// Checks `plan` against the current organization and policy.
  ///
  /// - Parameters:
  ///   - plan: The plan, as read from its file.
  ///   - organization: The organization of the current snapshot.
  ///   - policy: The current policy, if any.
  ///   - inputs: The digests of the current snapshot and policy files.
  /// - Throws: A `PlanningError` when the current inputs cannot be planned (for example, the
  ///   policy names an account the snapshot no longer has).
  public init(
    plan: ClosurePlan, organization: Organization, policy: Policy?, inputs: ClosurePlan.Inputs
  ) throws(PlanningError) {
    var replanned = try ClosurePlanner().plan(
      organization, policy: policy ?? .empty, startDate: plan.startDate, inputs: plan.inputs)
    if let labels = plan.redacted, !labels.isEmpty {
      let redaction = PlanRedaction(
        emails: labels.contains("emails"), names: labels.contains("names"))
      replanned = redaction.redacting(replanned)
    }
    let snapshotStatus: InputStatus =
      plan.inputs.snapshot == inputs.snapshot ? .unchanged : .changed
    let policyStatus = Self.status(recorded: plan.inputs.policy, current: inputs.policy)
    self.snapshot = snapshotStatus
    self.policy = policyStatus
    // A plan another version made is fresh if this version makes the same of its inputs.
    var comparable = replanned
    comparable.generator = plan.generator
    let same = plan == comparable
    diff = same ? PlanDiff() : PlanDiff(from: plan, to: replanned)
    switch (snapshotStatus == .unchanged && policyStatus == .unchanged, same) {
    case (true, true): verdict = .inputsUnchanged
    case (false, true): verdict = .inputsChangedPlanSame
    case (false, false): verdict = .stale
    case (true, false):
      verdict =
        plan.generator == OrgCloseVersion.generator
        ? .editedByHand : .otherGenerator(plan.generator)
    }
  }

  private static func status(recorded: String?, current: String?) -> InputStatus {
    switch (recorded, current) {
    case (nil, nil): .unchanged
    case (nil, .some): .added
    case (.some, nil): .missing
    case (.some(let recorded), .some(let current)): recorded == current ? .unchanged : .changed
    }
  }
}
