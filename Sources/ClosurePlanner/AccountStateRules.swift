import OrgGraph

/// The findings an account's state alone leads to, for a member and for the management
/// account, which say it differently: one row per state, in the order they are checked.
struct AccountStateRule: Sendable {
  let matches: @Sendable (AccountState) -> Bool
  let member: FindingRule
  let management: FindingRule

  /// The rule that matches `state`, if any.
  static func rule(for state: AccountState) -> AccountStateRule? {
    table.first { $0.matches(state) }
  }

  /// The states an open account can be in that call for a finding.
  static let table: [AccountStateRule] = [
    // rule A6
    AccountStateRule(
      matches: { $0 == .suspended },
      member: FindingRule(
        "A6", .accountSuspendedByAWS, .blocking,
        message: {
          "\($0.who) is SUSPENDED by AWS (not a customer closure, rule A6); how CloseAccount "
            + "and RemoveAccountFromOrganization treat it is undocumented"
        }, remediation: "Contact AWS Support about the suspension before acting on this account"),
      management: FindingRule(
        "A6", .accountSuspendedByAWS, .blocking,
        message: {
          "\($0.who) is the management account and is SUSPENDED by AWS (rule A6): every API "
            + "step of the plan is called from it, and a suspended account cannot be closed "
            + "until AWS lifts the suspension"
        }, remediation: "Contact AWS Support about the suspension before starting the shutdown")),
    // reference §4.15
    AccountStateRule(
      matches: { $0 == .pendingActivation },
      member: FindingRule(
        "§4.15", .accountPendingActivation, .warning,
        message: {
          "\($0.who) is PENDING_ACTIVATION; whether it can be closed or removed is "
            + "undocumented (reference §4.15)"
        },
        remediation: "Finish its sign-up or contact AWS Support; try the step and record the result"
      ),
      management: FindingRule(
        "§4.15", .accountPendingActivation, .warning,
        message: {
          "\($0.who) is the management account and is PENDING_ACTIVATION; whether it can be "
            + "closed is undocumented (reference §4.15)"
        }, remediation: "Finish its sign-up or contact AWS Support")),
    // reference §5: an unknown value is kept, never guessed
    AccountStateRule(
      matches: {
        if case .unknown = $0 { true } else { false }
      },
      member: FindingRule(
        "§5", .unknownAccountState, .blocking,
        message: {
          "\($0.who) has state \"\($0.detail)\", which this version of orgclose does not know; "
            + "the plan cannot tell whether its steps can succeed"
        },
        remediation: "Check the account in the console; upgrade orgclose if AWS added a state"),
      management: FindingRule(
        "§5", .unknownAccountState, .blocking,
        message: {
          "\($0.who) is the management account and has state \"\($0.detail)\", which this "
            + "version of orgclose does not know"
        },
        remediation: "Check the account in the console; upgrade orgclose if AWS added a state")),
  ]
}

extension AccountState {
  /// The raw value of a state this version does not know, empty for the others.
  var unknownRawValue: String {
    if case .unknown(let raw) = self { raw } else { "" }
  }
}

extension PlanAssembly {
  /// Reports the finding of the account's state, if it calls for one (`AccountStateRule`).
  mutating func reportState(_ account: Account, step: Int, isManagement: Bool) {
    guard let rule = AccountStateRule.rule(for: account.state) else { return }
    report(
      isManagement ? rule.management : rule.member, account, step: step,
      detail: account.state.unknownRawValue)
  }
}
