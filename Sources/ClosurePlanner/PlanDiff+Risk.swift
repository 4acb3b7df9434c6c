extension PlanDiff {
  /// How dangerous a change is, most dangerous first: the order in which a reviewer should
  /// read a diff, and the order in which a diff too long for a comment is cut from the end.
  public enum Risk: Int, Comparable, CaseIterable, Sendable {
    /// An account became protected, or stopped being protected.
    case protection
    /// An account's disposition changed (for example from remove to close).
    case disposition
    /// An account is now closed that was not, or is no longer closed.
    case closure
    /// A blocking finding was added.
    case blocking
    /// A step's date or closure window moved.
    case dates
    /// Everything else.
    case other

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// How the summary counts changes of this risk, for `count` of them.
    public func counted(_ count: Int) -> String {
      let plural = count != 1
      return switch self {
      case .protection: plural ? "protection changes" : "protection change"
      case .disposition: plural ? "disposition changes" : "disposition change"
      case .closure: plural ? "closure changes" : "closure change"
      case .blocking: plural ? "with blocking findings added" : "with a blocking finding added"
      case .dates: plural ? "with dates moved" : "with dates moved"
      case .other: plural ? "other changes" : "other change"
      }
    }
  }

  /// How many accounts (and the organization) have changes of each risk, most dangerous first;
  /// risks with none are left out.
  public var riskTally: [(risk: Risk, count: Int)] {
    var counts: [Risk: Int] = [:]
    for account in accounts { counts[account.risk, default: 0] += 1 }
    if organizationChanged { counts[organizationRisk, default: 0] += 1 }
    return Risk.allCases.compactMap { risk in counts[risk].map { (risk, $0) } }
  }

  /// Whether the organization has changes of its own: plan values, steps or findings.
  public var organizationChanged: Bool {
    !fields.isEmpty || !organizationSteps.isEmpty || !organizationFindings.isEmpty
  }

  /// The risk of the organization's own changes: a blocking finding added, dates moved, or
  /// other.
  public var organizationRisk: Risk {
    if organizationFindings.contains(where: \.addsBlocking) { return .blocking }
    let dated = ["startDate", "summary.estimatedCompletion", "closeQuota.windows"]
    if fields.contains(where: { dated.contains($0.field) })
      || organizationSteps.contains(where: \.movesDates)
    {
      return .dates
    }
    return .other
  }
}

extension PlanDiff.FindingChange {
  /// Whether the change adds a blocking finding, or makes one blocking.
  var addsBlocking: Bool {
    finding.severity == .blocking && change != .removed
      && (change == .added || fields.contains { $0.field == "severity" })
  }
}

extension PlanDiff.StepChange {
  /// Whether the change moves the step's date or closure window.
  var movesDates: Bool {
    change == .changed && fields.contains { $0.field == "notBefore" || $0.field == "window" }
  }
}

extension ClosurePlan.AccountEntry {
  /// The finding codes that mark an account as protected (`protectedAccounts`).
  static let protectionCodes: Set<FindingCode> = [
    .protectedAccountKept, .protectedAccountInScope, .managementAccountProtected,
  ]

  /// Whether the policy protects the account.
  public var isProtected: Bool { findings.contains { Self.protectionCodes.contains($0) } }

  /// Whether the plan closes the account (in place, by root or after removal).
  public var isClosedByPlan: Bool {
    terminalStep != nil && (disposition == .close || disposition == .removeAndClose)
  }
}

extension PlanDiff.AccountChanges {
  /// The risk of the account's changes, from its entries in the old and new plans.
  static func risk(
    old: ClosurePlan.AccountEntry?, new: ClosurePlan.AccountEntry?,
    steps: [PlanDiff.StepChange], findings: [PlanDiff.FindingChange]
  ) -> PlanDiff.Risk {
    if (old?.isProtected ?? false) != (new?.isProtected ?? false) { return .protection }
    if let old, let new, old.disposition != new.disposition { return .disposition }
    if (old?.isClosedByPlan ?? false) != (new?.isClosedByPlan ?? false) { return .closure }
    if findings.contains(where: \.addsBlocking) { return .blocking }
    if steps.contains(where: \.movesDates) { return .dates }
    return .other
  }
}
