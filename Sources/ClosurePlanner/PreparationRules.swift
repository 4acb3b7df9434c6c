import OrgGraph

/// The rules that ready an account to leave: for each fact of the policy, the checklist item
/// it puts on the account's `prepare-account` step and the warning it reports.
///
/// One row per rule, in checklist order; `PlanAssembly.addPreparation` applies them.
struct PreparationRule: Sendable {
  /// Which departures the rule applies to.
  enum Departure: Sendable { case closing, removing, either }

  let item: ChecklistItem
  let departure: Departure
  /// Whether the facts call for the item.
  let needsItem: @Sendable (AccountFacts) -> Bool
  /// The warning, if the rule reports one: its code, when the facts call for it, and the
  /// message (given the account's label and the account) and remediation.
  let warning: Warning?

  struct Warning: Sendable {
    let code: FindingCode
    let applies: @Sendable (AccountFacts) -> Bool
    let message: @Sendable (_ who: String, _ account: Account) -> String
    let remediation: String
  }

  /// The rules before the account's spending (rule C18).
  static let beforeSpending: [PreparationRule] = [
    PreparationRule(
      item: .backUpData, departure: .closing, needsItem: { $0.dataBackedUp != true },
      warning: Warning(
        code: .dataNotBackedUp, applies: { $0.dataBackedUp == false },
        message: { who, _ in
          "\(who): the policy says its data is not backed up; closure deletes what is left "
            + "after 90 days (rule C18)"
        }, remediation: "Back up what must be kept, then set dataBackedUp: true"))
  ]

  /// The rules after the account's spending, in checklist order.
  static let afterSpending: [PreparationRule] = [
    rule(
      .changeRootEmail, .closing, \.emailReuseNeeded, .emailReuseRequired,
      { who, account in
        "\(who): its root email \(account.email) must be reused, but an address can never be "
          + "reused once its account is closed (rule C20)"
      }, "Change the root email before the account is closed"),
    rule(
      .cleanUpGovCloud, .closing, \.govCloudLinked, .govCloudLinked,
      { who, _ in
        "\(who) is linked to an AWS GovCloud (US) account, which closes with it; GovCloud "
          + "resources are not terminated by the closure (rules B17, I58)"
      },
      "Terminate GovCloud resources and users first; a GovCloud management account needs its "
        + "GovCloud organization deleted before it can close"),
    rule(
      .deleteCloudTrailTrails, .closing, \.cloudTrailTrails, .cloudTrailTrailsPersist,
      { who, _ in
        "\(who) has CloudTrail trails; they keep existing and delivering events after the "
          + "account is closed unless deleted first (rule C25)"
      }, "Delete the trails that should stop before the account is closed"),
    rule(
      .deactivateHardwareMFA, .closing, \.hardwareMfa, .hardwareMFAAttached,
      { who, _ in
        "\(who) has hardware MFA tokens that are to be reused; closure does not detach them, "
          + "and a token still attached at permanent closure can never be used again (rule C26)"
      }, "Deactivate the tokens (iam:DeactivateMFADevice) before the account is closed"),
    // Rules D28 and D34: what a removed account loses.
    PreparationRule(
      item: .tellOwnerItPays, departure: .removing, needsItem: { _ in true }, warning: nil),
    PreparationRule(
      item: .exportCostHistory, departure: .removing, needsItem: { _ in true }, warning: nil),
    PreparationRule(
      item: .reviewIAMPermissions, departure: .removing, needsItem: { _ in true }, warning: nil),
    PreparationRule(
      item: .checkPrincipalOrgID, departure: .removing, needsItem: { _ in true }, warning: nil),
    rule(
      .settleBalance, .either, \.unpaidBalance, .unpaidBalance,
      { who, _ in
        "\(who) has an unpaid balance; outstanding invoices stay owed, and reopening a closed "
          + "account needs it paid within 60 days (rules C19, C21)"
      }, "Settle the balance before the account leaves"),
    rule(
      .sellReservedInstances, .either, \.reservedInstances, .reservedInstances,
      { who, _ in
        "\(who) holds Reserved Instances, invoiced until they expire even after closure "
          + "(rule C21)"
      }, "Sell eligible RIs or accept the remaining liability"),
    rule(
      .returnSavingsPlans, .either, \.savingsPlans, .activeSavingsPlans,
      { who, _ in
        "\(who) holds Savings Plans, invoiced until they expire even after closure "
          + "(rules C21, L66)"
      }, "Return plans before returnableUntil, delete queued plans, accept the rest"),
    rule(
      .cancelMarketplaceSubscriptions, .either, \.marketplaceSubscriptions,
      .marketplaceSubscriptions,
      { who, _ in
        "\(who) has AWS Marketplace subscriptions, which closure does not cancel (rule C23)"
      }, "Cancel them in the Marketplace console (Manage subscriptions)"),
    rule(
      .transferRoute53Domains, .either, \.route53Domains, .route53Domains,
      { who, _ in
        "\(who) has Route 53 registered domains; after closure they are suspended within 5 "
          + "days and deleted or released within 30 (rule C24)"
      }, "Transfer them to another account first, or delete them deliberately"),
  ]

  /// A rule whose item and warning both follow from one fact being `true`.
  ///
  /// The fact is read through a function (a key path literal is one): projecting a key path
  /// cost more than the rest of the rule, once per account.
  private static func rule(
    _ item: ChecklistItem, _ departure: Departure,
    _ fact: @escaping @Sendable (AccountFacts) -> Bool?,
    _ code: FindingCode, _ message: @escaping @Sendable (String, Account) -> String,
    _ remediation: String
  ) -> PreparationRule {
    PreparationRule(
      item: item, departure: departure, needsItem: { fact($0) == true },
      warning: Warning(
        code: code, applies: { fact($0) == true }, message: message,
        remediation: remediation))
  }

  /// Whether the rule applies to an account that is closing (or, if not, being removed).
  func applies(closing: Bool) -> Bool {
    switch departure {
    case .closing: closing
    case .removing: !closing
    case .either: true
    }
  }
}
