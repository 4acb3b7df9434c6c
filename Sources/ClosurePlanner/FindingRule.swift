import OrgGraph

/// One row of a rule table: the finding a fact about an account leads to, with the rule of
/// the closure-rules reference it comes from.
struct FindingRule: Sendable {
  /// What a row's wording is given: how the account is named, the account, the
  /// organization's feature set, and the detail the fact brings (a disposition, a list of
  /// services, a date), empty when there is none.
  struct Subject {
    let who: String
    let account: Account
    let featureSet: FeatureSet
    var detail = ""
  }

  /// The rule of the reference (`D30`, `§4.15`), named in the message.
  let rule: String
  let code: FindingCode
  let severity: ClosurePlan.Severity
  let message: @Sendable (Subject) -> String
  let remediation: @Sendable (Subject) -> String

  init(
    _ rule: String, _ code: FindingCode, _ severity: ClosurePlan.Severity,
    message: @escaping @Sendable (Subject) -> String,
    remediation: @escaping @Sendable (Subject) -> String
  ) {
    self.rule = rule
    self.code = code
    self.severity = severity
    self.message = message
    self.remediation = remediation
  }

  init(
    _ rule: String, _ code: FindingCode, _ severity: ClosurePlan.Severity,
    message: @escaping @Sendable (Subject) -> String, remediation: String
  ) {
    self.init(rule, code, severity, message: message, remediation: { _ in remediation })
  }
}

extension PlanAssembly {
  /// Records the finding of `rule` for `account`, attached to `step`.
  mutating func report(
    _ rule: FindingRule, _ account: Account, step: Int? = nil, detail: String = ""
  ) {
    let subject = FindingRule.Subject(
      who: label(account), account: account, featureSet: organization.featureSet, detail: detail)
    report(
      rule.code, rule.severity, account: account.id, step: step, message: rule.message(subject),
      remediation: rule.remediation(subject))
  }
}
