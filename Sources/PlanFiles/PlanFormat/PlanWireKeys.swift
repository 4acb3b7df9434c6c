import OrgGraph

/// The keys of one record of plan format 2, declared once.
///
/// The writer writes them in declaration order, which is sorted (`PlanFormatTests` checks
/// it); the reader dispatches on them; the strict check refuses any other (`KeySchema.plan`).
/// A switch over a record's keys must handle each.
protocol PlanWireKey: DeclaredKeys, Hashable {}

enum PlanKey: String, PlanWireKey {
  case accounts, closeQuota, findings, generator, inputs, organization, redacted, schemaVersion,
    startDate, steps, strategy, summary

  static let table = KeyTable<Self>()
}

enum InputsKey: String, PlanWireKey {
  case policy, snapshot

  static let table = KeyTable<Self>()
}

enum OrganizationKey: String, PlanWireKey {
  case featureSet, id, managementAccountId, memberCount

  static let table = KeyTable<Self>()
}

enum CloseQuotaKey: String, PlanWireKey {
  case closuresInLast30Days, concurrent, firstWindow, perWindow, source, windowDays, windows

  static let table = KeyTable<Self>()
}

enum SummaryKey: String, PlanWireKey {
  case apiSteps, blocking, estimatedCompletion, manualSteps, steps, waitSteps, warnings

  static let table = KeyTable<Self>()
}

/// The keys of an account.
///
/// Its `findings` and `terminalStep` are derived (the codes of the findings about it; its last
/// step in plan order), not stored; `disposition` is left out when it is the strategy's
/// (`none` when nothing is planned), `state` when it is ACTIVE, `joinedMethod` when it is
/// CREATED.
enum AccountKey: String, PlanWireKey {
  case disposition, id, joinedMethod, name, path, state

  static let table = KeyTable<Self>()

  /// How an entry with no disposition says so.
  static let noDisposition = "none"
  /// The joined method an entry leaves out.
  static let defaultJoinedMethod = JoinedMethod.created
}

/// The keys of a step.
///
/// `items` are the codes of the preparation rules' checklist items, which come before the
/// free-text `tasks`. Its action, kind, account, call, title and `aws` command follow from `id`
/// (and, for `end-responsibility-transfer`, from `declines`, `direction`/`terminatesOn` or
/// `withdraws`); its wave is the longest path to it; `notBefore` is left out when it is what
/// the step inherits (`StepDates`).
enum StepKey: String, PlanWireKey {
  case after, declines, direction, id, items, notBefore, tasks, terminatesOn, window, withdraws

  static let table = KeyTable<Self>()
}

/// The keys of a finding.
///
/// `remediation` is left out when it is its code's standard one.
enum FindingKey: String, PlanWireKey {
  case account, code, message, remediation, severity, step

  static let table = KeyTable<Self>()
}

extension PlanWireKey {
  /// The keys as `KeySchema` lists them.
  static var names: [String] { allCases.map(\.rawValue) }
}
